// The small GeoIP2-City test database (tests/services/geoip-testdb.pl): the one
// tests/services/geoip.sh wrote (DPP_TEST_GEOIP), or written here when a suite runs alone.
#pragma once

#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>

namespace dpp::test {

// Path of the test .mmdb; empty and a reason in `why` when it cannot be made.
inline QString testGeoIpDatabase(QString* why)
{
    const QString fromScript = qEnvironmentVariable("DPP_TEST_GEOIP");
    if (!fromScript.isEmpty() && QFile::exists(fromScript))
        return fromScript;
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("test-city.mmdb"));
    if (QFile::exists(path))
        return path;
    QProcess perl;
    perl.start(QStringLiteral("perl"),
               {sourceDir() + QStringLiteral("/tests/services/geoip-testdb.pl"), path});
    if (!perl.waitForFinished(60000) || perl.exitCode() != 0) {
        *why =
            QStringLiteral("cannot write the test GeoIP database (libmaxmind-db-writer-perl): ") +
            QString::fromLocal8Bit(perl.readAllStandardError());
        return {};
    }
    return path;
}

} // namespace dpp::test
