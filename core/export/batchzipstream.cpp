#include "batchzipstream.h"

#include "batchentry.h"

#include <QDateTime>
#include <QFile>
#include <QIODevice>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

namespace dpp::exporting {

// A write-only sequential device that collects what QuaZip writes until taken. Being
// sequential makes QuaZip write data descriptors instead of seeking back to patch local
// headers, which is what lets earlier bytes leave before the archive is finished.
class BatchZipStream::Sink : public QIODevice
{
public:
    bool isSequential() const override { return true; }
    QByteArray take() { return std::exchange(m_buffer, QByteArray()); }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        m_buffer.append(data, size);
        return size;
    }

private:
    QByteArray m_buffer;
};

namespace {

Error zipError(const QString& message)
{
    return Error{QStringLiteral("archive"), message, QStringLiteral("io_error")};
}

QuaZipNewInfo newInfo(const QString& name, qint64 size, const QDateTime& stamp)
{
    QuaZipNewInfo info(name);
    info.dateTime = stamp;
    info.uncompressedSize = ulong(size);
    info.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return info;
}

} // namespace

Result<std::unique_ptr<BatchZipStream>> BatchZipStream::open(const BatchRequest& request)
{
    auto plan = BatchPlan::create(request);
    if (!plan.ok())
        return plan.error();
    return std::unique_ptr<BatchZipStream>(new BatchZipStream(std::move(plan).value()));
}

BatchZipStream::BatchZipStream(BatchPlan plan)
    : m_plan(std::move(plan)), m_sink(std::make_unique<Sink>())
{}

BatchZipStream::~BatchZipStream()
{
    if (m_zip && m_zip->isOpen())
        m_zip->close();
}

Status BatchZipStream::writeManifest()
{
    m_sink->open(QIODevice::WriteOnly);
    m_zip = std::make_unique<QuaZip>(m_sink.get());
    m_zip->setZip64Enabled(m_plan.symbolCount() > 200'000);
    if (!m_zip->open(QuaZip::mdCreate))
        return zipError(
            QStringLiteral("cannot start the archive (zip error %1)").arg(m_zip->getZipError()));
    QuaZipFile manifest(m_zip.get());
    if (!manifest.open(QIODevice::WriteOnly,
                       newInfo(QStringLiteral("manifest.csv"), 0, QDateTime::currentDateTime()),
                       nullptr, 0, BatchEntry::kDeflated, BatchEntry::kDeflateLevel))
        return zipError(QStringLiteral("cannot add manifest.csv"));
    manifest.write(BatchPlan::manifestHeader());
    QByteArray rows;
    for (qint64 i = 0; i < m_plan.itemCount(); ++i) {
        rows += BatchPlan::manifestRow(m_plan.item(i));
        if (rows.size() > 64 * 1024) {
            manifest.write(rows);
            rows.clear();
        }
    }
    manifest.write(rows);
    manifest.close();
    if (manifest.getZipError() != ZIP_OK)
        return zipError(QStringLiteral("writing manifest.csv failed"));
    return Ok{};
}

Status BatchZipStream::writeStep()
{
    QList<symbol::Symbology> symbologies;
    const BatchSymbols which = m_plan.request().symbols;
    if (which != BatchSymbols::DataMatrix)
        symbologies << symbol::Symbology::Qr;
    if (which != BatchSymbols::Qr)
        symbologies << symbol::Symbology::DataMatrix;
    const QDateTime stamp = QDateTime::currentDateTime();
    const qint64 end = std::min(m_plan.itemCount(), m_nextItem + kItemsPerStep);
    for (; m_nextItem < end; ++m_nextItem) {
        const BatchItem item = m_plan.item(m_nextItem);
        for (symbol::Symbology s : symbologies) {
            const BatchEntry e = BatchEntry::make(m_plan, item, s);
            if (!e.error.isEmpty())
                return Error{QStringLiteral("data"), e.error, QStringLiteral("encode_failed")};
            QuaZipFile file(m_zip.get());
            // Raw mode: the bytes are already deflated (or stored), CRC and size known.
            if (!file.open(QIODevice::WriteOnly, newInfo(e.name, e.size, stamp), nullptr, e.crc,
                           e.method, e.method == 0 ? 0 : BatchEntry::kDeflateLevel, true) ||
                file.write(e.data) != e.data.size())
                return zipError(QStringLiteral("writing %1 failed").arg(e.name));
            file.close();
            if (file.getZipError() != ZIP_OK)
                return zipError(QStringLiteral("writing %1 failed").arg(e.name));
            ++m_entries;
        }
    }
    return Ok{};
}

Result<QByteArray> BatchZipStream::next()
{
    if (m_done)
        return QByteArray();
    Status s = Ok{};
    if (!m_started) {
        m_started = true;
        s = writeManifest();
    } else if (m_nextItem < m_plan.itemCount()) {
        s = writeStep();
    } else {
        m_zip->close();
        m_done = true;
        if (m_zip->getZipError() != ZIP_OK)
            s = zipError(QStringLiteral("finishing the archive failed"));
    }
    if (!s.ok()) {
        m_done = true;
        return s.error();
    }
    return m_sink->take();
}

} // namespace dpp::exporting
