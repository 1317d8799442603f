#include "batchexporter.h"

#include "atomiczip.h"

#include "batchentry.h"

#include "symbol/rasterwriter.h"
#include "symbol/svgwriter.h"
#include "symbol/symbolrenderer.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>
#include <zlib.h>

namespace dpp::exporting {

namespace {

constexpr int kDeflateLevel = BatchEntry::kDeflateLevel;
using Entry = BatchEntry;
using ItemEntries = QList<Entry>;

Entry makeEntry(const BatchPlan& plan, const BatchItem& item, symbol::Symbology symbology)
{
    return BatchEntry::make(plan, item, symbology);
}

Error ioError(const QString& message)
{
    return Error{QStringLiteral("out"), message, QStringLiteral("io_error")};
}

} // namespace

Result<BatchSummary> BatchExporter::run(const BatchRequest& request, const QString& zipPath,
                                        const BatchCallbacks& callbacks)
{
    auto plan = BatchPlan::create(request);
    if (!plan.ok())
        return plan.error();
    return run(plan.value(), zipPath, callbacks);
}

Result<BatchSummary> BatchExporter::run(const BatchPlan& plan, const QString& zipPath,
                                        const BatchCallbacks& callbacks)
{
    QElapsedTimer timer;
    timer.start();
    const BatchRequest& request = plan.request();
    if (zipPath.isEmpty())
        return Error{QStringLiteral("out"), QStringLiteral("an output file is required"),
                     QStringLiteral("required")};
    // Written beside the target and renamed at the end (AtomicZip): a failed or
    // cancelled batch never leaves a half archive under the requested name.
    // ZIP64 lifts the 4 GB limit; only large batches pay its extra header bytes
    // (at a few KB per symbol, 200,000 symbols stay well below 4 GB).
    auto archive =
        AtomicZip::create(zipPath, plan.symbolCount() > 200'000, QStringLiteral("io_error"));
    if (!archive.ok())
        return archive.error();
    QuaZip& zip = (*archive)->zip();
    // Returning drops the partial archive (AtomicZip's destructor).
    const QDateTime stamp = QDateTime::currentDateTime();
    auto newInfo = [&](const QString& name, qint64 size) {
        QuaZipNewInfo info(name);
        info.dateTime = stamp;
        info.uncompressedSize = ulong(size);
        info.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                            QFile::ReadOther);
        return info;
    };

    QThreadPool pool;
    const int threads = request.threads > 0 ? request.threads : QThread::idealThreadCount();
    pool.setMaxThreadCount(std::max(1, threads));
    QList<symbol::Symbology> symbologies;
    if (request.symbols != BatchSymbols::DataMatrix)
        symbologies << symbol::Symbology::Qr;
    if (request.symbols != BatchSymbols::Qr)
        symbologies << symbol::Symbology::DataMatrix;

    const qint64 items = plan.itemCount();
    const qint64 chunks = (items + kChunkItems - 1) / kChunkItems;
    auto startChunk = [&](qint64 chunk) {
        QList<qint64> indices;
        const qint64 first = chunk * kChunkItems;
        for (qint64 i = first; i < std::min(items, first + kChunkItems); ++i)
            indices << i;
        return QtConcurrent::mapped(&pool, std::move(indices), [&plan, &symbologies](qint64 index) {
            const BatchItem item = plan.item(index);
            ItemEntries entries;
            for (symbol::Symbology s : symbologies)
                entries << makeEntry(plan, item, s);
            return entries;
        });
    };

    BatchSummary summary;
    summary.items = items;
    summary.threads = pool.maxThreadCount();
    const qint64 total = plan.symbolCount();
    // Two chunks in flight: workers fill the next while this thread writes one.
    QFuture<ItemEntries> next = startChunk(0);

    // manifest.csv first: rows are cheap strings, streamed through QuaZip's
    // deflater while the workers already draw the first chunk.
    {
        QuaZipFile manifest(&zip);
        if (!manifest.open(QIODevice::WriteOnly, newInfo(QStringLiteral("manifest.csv"), 0),
                           nullptr, 0, Z_DEFLATED, kDeflateLevel)) {
            next.waitForFinished();
            return ioError(QStringLiteral("cannot add manifest.csv"));
        }
        manifest.write(BatchPlan::manifestHeader());
        QByteArray rows;
        for (qint64 i = 0; i < plan.itemCount(); ++i) {
            rows += BatchPlan::manifestRow(plan.item(i));
            if (rows.size() > 64 * 1024) {
                manifest.write(rows);
                rows.clear();
            }
            if (callbacks.cancel && (i & 1023) == 0 && callbacks.cancel->load()) {
                next.waitForFinished();
                return Error{QString(), QStringLiteral("cancelled"), QStringLiteral("cancelled")};
            }
        }
        manifest.write(rows);
        manifest.close();
        if (manifest.getZipError() != ZIP_OK) {
            next.waitForFinished();
            return ioError(QStringLiteral("writing manifest.csv failed"));
        }
    }

    for (qint64 chunk = 0; chunk < chunks; ++chunk) {
        QFuture<ItemEntries> current = next;
        const bool cancelled = callbacks.cancel && callbacks.cancel->load();
        if (chunk + 1 < chunks && !cancelled)
            next = startChunk(chunk + 1);
        current.waitForFinished();
        if (cancelled) {
            next.waitForFinished();
            return Error{QString(), QStringLiteral("cancelled"), QStringLiteral("cancelled")};
        }
        for (const ItemEntries& entries : current.results()) {
            for (const Entry& e : entries) {
                if (!e.error.isEmpty()) {
                    next.waitForFinished();
                    return Error{QStringLiteral("data"), e.error, QStringLiteral("encode_failed")};
                }
                QuaZipFile file(&zip);
                // Raw mode: the bytes are already deflated (or stored), with CRC and size known.
                if (!file.open(QIODevice::WriteOnly, newInfo(e.name, e.size), nullptr, e.crc,
                               e.method, e.method == 0 ? 0 : kDeflateLevel, true) ||
                    file.write(e.data) != e.data.size()) {
                    next.waitForFinished();
                    return ioError(QStringLiteral("writing %1 failed (disk full?)").arg(e.name));
                }
                file.close();
                if (file.getZipError() != ZIP_OK) {
                    next.waitForFinished();
                    return ioError(QStringLiteral("writing %1 failed").arg(e.name));
                }
                ++summary.codes;
            }
        }
        if (callbacks.progress)
            callbacks.progress(summary.codes, total);
    }
    if (Status s = (*archive)->commit(); !s.ok())
        return s.error();
    summary.files = summary.codes + 1;
    summary.seconds = timer.nsecsElapsed() / 1e9;
    return summary;
}

} // namespace dpp::exporting
