// AtomicZip: a ZIP archive written beside its target as TARGET.part and moved
// over the target only when complete, so a failed or cancelled export never
// leaves a half archive under the requested name. Used by every ZIP export.
#pragma once

#include "result.h"

#include <QString>
#include <memory>
#include <quazip/quazip.h>

namespace dpp::exporting {

class AtomicZip
{
public:
    // Checks the target's folder and opens TARGET.part. Errors name param "out"
    // with `errorCode` (the calling module's code for file errors).
    static Result<std::unique_ptr<AtomicZip>> create(const QString& zipPath, bool zip64,
                                                     const QString& errorCode);
    ~AtomicZip(); // abandons the archive unless commit() succeeded
    AtomicZip(const AtomicZip&) = delete;
    AtomicZip& operator=(const AtomicZip&) = delete;

    QuaZip& zip() { return m_zip; }
    // Closes the archive and moves it over the target (replacing an old file).
    Status commit();
    // Closes and deletes the partial archive.
    void abandon();

private:
    AtomicZip(QString target, QString errorCode);
    Error ioError(const QString& message) const;

    QString m_target;
    QString m_partPath;
    QString m_errorCode;
    QuaZip m_zip;
    bool m_done = false;
};

} // namespace dpp::exporting
