#include "atomiczip.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace dpp::exporting {

AtomicZip::AtomicZip(QString target, QString errorCode)
    : m_target(std::move(target)), m_partPath(m_target + QStringLiteral(".part")),
      m_errorCode(std::move(errorCode)), m_zip(m_partPath)
{}

AtomicZip::~AtomicZip()
{
    if (!m_done)
        abandon();
}

Error AtomicZip::ioError(const QString& message) const
{
    return Error{QStringLiteral("out"), message, m_errorCode};
}

Result<std::unique_ptr<AtomicZip>> AtomicZip::create(const QString& zipPath, bool zip64,
                                                     const QString& errorCode)
{
    const QFileInfo target(zipPath);
    auto fail = [&](const QString& message) -> Error {
        return Error{QStringLiteral("out"), message, errorCode};
    };
    if (!target.absoluteDir().exists())
        return fail(QStringLiteral("folder %1 does not exist").arg(target.absolutePath()));
    if (target.isDir())
        return fail(QStringLiteral("%1 is a folder").arg(zipPath));
    std::unique_ptr<AtomicZip> out(new AtomicZip(target.absoluteFilePath(), errorCode));
    out->m_zip.setZip64Enabled(zip64);
    if (!out->m_zip.open(QuaZip::mdCreate)) {
        out->m_done = true; // nothing was created
        return fail(QStringLiteral("cannot create %1 (zip error %2)")
                        .arg(out->m_partPath)
                        .arg(out->m_zip.getZipError()));
    }
    return out;
}

void AtomicZip::abandon()
{
    m_done = true;
    if (m_zip.isOpen())
        m_zip.close();
    QFile::remove(m_partPath);
}

Status AtomicZip::commit()
{
    m_zip.close();
    if (m_zip.getZipError() != ZIP_OK) {
        abandon();
        return ioError(QStringLiteral("finishing %1 failed").arg(m_target));
    }
    if (QFile::exists(m_target) && !QFile::remove(m_target)) {
        abandon();
        return ioError(QStringLiteral("cannot replace %1").arg(m_target));
    }
    if (!QFile::rename(m_partPath, m_target)) {
        abandon();
        return ioError(QStringLiteral("cannot rename %1 to %2").arg(m_partPath, m_target));
    }
    m_done = true;
    return Ok{};
}

} // namespace dpp::exporting
