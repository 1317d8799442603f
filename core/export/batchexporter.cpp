#include "batchexporter.h"

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

// Level 1: symbol SVGs are repetitive path data, so the fastest level already
// deflates them to about a third, and compression was the largest cost per entry.
constexpr int kDeflateLevel = 1;

struct Entry
{
    QString name;
    QByteArray data; // deflated (method 8) or stored (method 0)
    quint32 crc = 0;
    qint64 size = 0;
    int method = Z_DEFLATED;
    QString error; // set when this entry could not be made
};

using ItemEntries = QList<Entry>;

// One deflate state per worker thread, reset per entry: setting a state up
// allocates and clears ~270 KB, which cost more than compressing a symbol.
class Deflater
{
public:
    Deflater()
    {
        // Negative window bits: raw deflate, the form a ZIP entry stores.
        // A 4 KB window and small hash cover a symbol (a few KB) and make the
        // per-entry reset cheap: the default 32 K-entry hash is cleared every time.
        m_ok = deflateInit2(&m_z, kDeflateLevel, Z_DEFLATED, -12, 4, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~Deflater()
    {
        if (m_ok)
            deflateEnd(&m_z);
    }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    bool deflateInto(const QByteArray& input, QByteArray* out)
    {
        if (!m_ok || deflateReset(&m_z) != Z_OK)
            return false;
        out->resize(qsizetype(deflateBound(&m_z, uLong(input.size()))));
        m_z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.constData()));
        m_z.avail_in = uInt(input.size());
        m_z.next_out = reinterpret_cast<Bytef*>(out->data());
        m_z.avail_out = uInt(out->size());
        if (deflate(&m_z, Z_FINISH) != Z_STREAM_END)
            return false;
        out->resize(qsizetype(m_z.total_out));
        return true;
    }

private:
    z_stream m_z{};
    bool m_ok = false;
};

Entry makeEntry(const BatchPlan& plan, const BatchItem& item, symbol::Symbology symbology)
{
    const BatchRequest& r = plan.request();
    Entry e;
    e.name = plan.entryName(item, symbology);
    const symbol::SymbolContent content = plan.content(item, symbology);
    auto matrix = symbol::SymbolRenderer::encode(symbology, content, r.qr, r.dataMatrix);
    if (!matrix.ok()) {
        e.error = e.name + u": " + matrix.error().message;
        return e;
    }
    symbol::SymbolMatrix m = std::move(matrix).value();
    m.setQuietZone(r.render.quietZone);
    QByteArray bytes;
    if (r.image == BatchImage::Svg) {
        bytes = symbol::SvgWriter::write(m, r.render, content.humanReadable);
    } else {
        auto png = symbol::RasterWriter::png(m, r.render, content.humanReadable);
        if (!png.ok()) {
            e.error = e.name + u": " + png.error().message;
            return e;
        }
        bytes = std::move(png).value();
    }
    e.size = bytes.size();
    e.crc =
        quint32(crc32(0, reinterpret_cast<const Bytef*>(bytes.constData()), uInt(bytes.size())));
    if (r.image == BatchImage::Png) {
        e.method = 0; // PNG is already deflated: store it
        e.data = std::move(bytes);
    } else {
        thread_local Deflater deflater;
        if (!deflater.deflateInto(bytes, &e.data))
            e.error = e.name + u": deflate failed";
    }
    return e;
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
    const QFileInfo target(zipPath);
    if (!target.absoluteDir().exists())
        return ioError(QStringLiteral("folder %1 does not exist").arg(target.absolutePath()));
    if (target.isDir())
        return ioError(QStringLiteral("%1 is a folder").arg(zipPath));

    // Write beside the target and rename at the end: a failed or cancelled
    // batch never leaves a half archive under the requested name.
    const QString partPath = target.absoluteFilePath() + QStringLiteral(".part");
    QuaZip zip(partPath);
    // ZIP64 lifts the 4 GB limit; only large batches pay its extra header bytes
    // (at a few KB per symbol, 200,000 symbols stay well below 4 GB).
    zip.setZip64Enabled(plan.symbolCount() > 200'000);
    if (!zip.open(QuaZip::mdCreate))
        return ioError(
            QStringLiteral("cannot create %1 (zip error %2)").arg(partPath).arg(zip.getZipError()));
    auto fail = [&](const Error& error) -> Result<BatchSummary> {
        zip.close();
        QFile::remove(partPath);
        return error;
    };
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
            return fail(ioError(QStringLiteral("cannot add manifest.csv")));
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
                return fail(
                    Error{QString(), QStringLiteral("cancelled"), QStringLiteral("cancelled")});
            }
        }
        manifest.write(rows);
        manifest.close();
        if (manifest.getZipError() != ZIP_OK) {
            next.waitForFinished();
            return fail(ioError(QStringLiteral("writing manifest.csv failed")));
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
            return fail(Error{QString(), QStringLiteral("cancelled"), QStringLiteral("cancelled")});
        }
        for (const ItemEntries& entries : current.results()) {
            for (const Entry& e : entries) {
                if (!e.error.isEmpty()) {
                    next.waitForFinished();
                    return fail(
                        Error{QStringLiteral("data"), e.error, QStringLiteral("encode_failed")});
                }
                QuaZipFile file(&zip);
                // Raw mode: the bytes are already deflated (or stored), with CRC and size known.
                if (!file.open(QIODevice::WriteOnly, newInfo(e.name, e.size), nullptr, e.crc,
                               e.method, e.method == 0 ? 0 : kDeflateLevel, true) ||
                    file.write(e.data) != e.data.size()) {
                    next.waitForFinished();
                    return fail(
                        ioError(QStringLiteral("writing %1 failed (disk full?)").arg(e.name)));
                }
                file.close();
                if (file.getZipError() != ZIP_OK) {
                    next.waitForFinished();
                    return fail(ioError(QStringLiteral("writing %1 failed").arg(e.name)));
                }
                ++summary.codes;
            }
        }
        if (callbacks.progress)
            callbacks.progress(summary.codes, total);
    }
    zip.close();
    if (zip.getZipError() != ZIP_OK) {
        QFile::remove(partPath);
        return ioError(QStringLiteral("finishing %1 failed").arg(zipPath));
    }
    if (QFile::exists(target.absoluteFilePath()) && !QFile::remove(target.absoluteFilePath())) {
        QFile::remove(partPath);
        return ioError(QStringLiteral("cannot replace %1").arg(zipPath));
    }
    if (!QFile::rename(partPath, target.absoluteFilePath())) {
        QFile::remove(partPath);
        return ioError(QStringLiteral("cannot rename %1 to %2").arg(partPath, zipPath));
    }
    summary.files = summary.codes + 1;
    summary.seconds = timer.nsecsElapsed() / 1e9;
    return summary;
}

} // namespace dpp::exporting
