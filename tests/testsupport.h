// Helpers shared by the Qt Test suites: where the shared material and the built
// executables are, and a way to run a CLI and capture what it printed.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace dpp::test {

// ../shared (DPP_SHARED_DIR); empty when absent, so suites can QSKIP.
inline QString sharedDir()
{
    const QString dir = qEnvironmentVariable("DPP_SHARED_DIR");
    return (!dir.isEmpty() && QDir(dir).exists()) ? QDir(dir).absolutePath() : QString();
}

inline QString binDir()
{
    return qEnvironmentVariable("DPP_BIN_DIR");
}
inline QString sourceDir()
{
    return qEnvironmentVariable("DPP_SOURCE_DIR");
}

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs one of our executables (dppctl, dppserver, dppstudio) to completion.
inline ProcessResult runTool(const QString& tool, const QStringList& args,
                             const QByteArray& stdinData = {}, int timeoutMs = 120000)
{
    QProcess p;
    p.start(binDir() + u'/' + tool, args);
    ProcessResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace dpp::test
