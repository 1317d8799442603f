// Helpers shared by the Qt Test suites: where the shared material and the built
// executables are, and a way to run a CLI and capture what it printed.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
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

// Starts dppserver on a free loopback port (`--listen 127.0.0.1:0`, then `args`) and reads
// the URL from its first stdout line ("listening on http(s)://127.0.0.1:PORT"). Returns
// that URL, or an empty string when the server did not come up; the line goes to
// *firstLine for the failure message.
inline QString startDppserver(QProcess& process, const QStringList& args,
                              QByteArray* firstLine = nullptr)
{
    process.start(binDir() + QStringLiteral("/dppserver"),
                  QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + args);
    if (!process.waitForStarted(10000))
        return {};
    // The line must arrive on its own: a buffered stdout would never show it.
    while (!process.canReadLine() && process.waitForReadyRead(20000)) {
    }
    const QByteArray line = process.readLine().trimmed();
    if (firstLine)
        *firstLine = line;
    static const QRegularExpression pattern(
        QStringLiteral("^listening on (https?://127\\.0\\.0\\.1:\\d+)$"));
    const auto m = pattern.match(QString::fromUtf8(line));
    return m.hasMatch() ? m.captured(1) : QString();
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
