// BatchExporter: writes a symbol batch into one ZIP archive. Items are encoded,
// drawn and deflated on every core in fixed-size chunks while one thread
// appends the finished entries in order (raw mode, no second compression), so
// memory stays flat however large the count. Cancellable, reports progress,
// and leaves no file behind when it fails or is cancelled.
#pragma once

#include "batchplan.h"
#include "batchrequest.h"
#include "result.h"

#include <QString>
#include <atomic>
#include <functional>

namespace dpp::exporting {

struct BatchSummary
{
    qint64 items = 0;
    qint64 codes = 0; // symbol files written
    qint64 files = 0; // codes + manifest.csv
    double seconds = 0;
    int threads = 0;
};

struct BatchCallbacks
{
    // Called from the writing thread after each chunk: symbols done, symbols total.
    std::function<void(qint64 done, qint64 total)> progress;
    // Polled between chunks; set it from any thread to stop. The archive is removed.
    const std::atomic<bool>* cancel = nullptr;
};

class BatchExporter
{
public:
    // Items per chunk: enough to keep every core busy, small enough for flat memory.
    static constexpr int kChunkItems = 256;

    // Validates the request (BatchPlan::create) before touching `zipPath`.
    static Result<BatchSummary> run(const BatchRequest& request, const QString& zipPath,
                                    const BatchCallbacks& callbacks = {});
    static Result<BatchSummary> run(const BatchPlan& plan, const QString& zipPath,
                                    const BatchCallbacks& callbacks = {});
};

} // namespace dpp::exporting
