// BatchZipStream: the same archive as BatchExporter (manifest.csv, then one symbol file
// per item and symbology), produced a piece at a time for sending while it is made.
// QuaZip writes into an in-memory sequential sink that is emptied on every step, so what
// is held is one step's entries plus the ZIP central directory (~100 bytes per entry),
// however large the batch.
#pragma once

#include "batchplan.h"
#include "batchrequest.h"
#include "result.h"

#include <QByteArray>
#include <memory>

class QuaZip;

namespace dpp::exporting {

class BatchZipStream
{
public:
    // Items encoded per next() call: a few tens of KB of output, small enough to keep
    // the server's event loop responsive between steps.
    static constexpr int kItemsPerStep = 32;

    // Validates the request (BatchPlan::create); nothing is produced before that passed,
    // so an invalid request can still get a proper error answer.
    static Result<std::unique_ptr<BatchZipStream>> open(const BatchRequest& request);
    ~BatchZipStream();

    // The next bytes of the archive; an empty array once atEnd(). An error (an entry
    // that cannot be encoded, a ZIP failure) ends the stream: the archive is incomplete.
    Result<QByteArray> next();
    bool atEnd() const { return m_done; }
    // Symbol files written so far (not counting manifest.csv).
    qint64 entriesWritten() const { return m_entries; }

private:
    class Sink;
    explicit BatchZipStream(BatchPlan plan);
    Status writeManifest();
    Status writeStep();

    BatchPlan m_plan;
    std::unique_ptr<Sink> m_sink;
    std::unique_ptr<QuaZip> m_zip;
    qint64 m_nextItem = 0;
    qint64 m_entries = 0;
    bool m_started = false;
    bool m_done = false;
};

} // namespace dpp::exporting
