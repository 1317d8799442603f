// A hosted dppserver for the sync suites: tenant "acme" and an API key with the given
// scopes in the server's store (made with dppctl, as an operator would), then dppserver
// on a free loopback port. stop() ends it with SIGTERM, as a service manager would.
#pragma once

#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <csignal>
#include <memory>

namespace dpp::test {

class SyncServer
{
public:
    QString url;
    QString key;

    // Empty on success, else what failed.
    QString start(const QString& store, const QString& scopes)
    {
        const auto tenant = runTool(QStringLiteral("dppctl"),
                                    {QStringLiteral("--db"), store, QStringLiteral("tenant"),
                                     QStringLiteral("create"), QStringLiteral("acme")});
        if (tenant.exitCode != 0)
            return QStringLiteral("dppctl tenant create: ") + QString::fromUtf8(tenant.out);
        const auto made = runTool(QStringLiteral("dppctl"),
                                  {QStringLiteral("--db"), store, QStringLiteral("key"),
                                   QStringLiteral("create"), QStringLiteral("--tenant"),
                                   QStringLiteral("acme"), QStringLiteral("--scopes"), scopes});
        key = QJsonDocument::fromJson(made.out).object().value(u"key").toString();
        if (made.exitCode != 0 || key.isEmpty())
            return QStringLiteral("dppctl key create: ") + QString::fromUtf8(made.out);
        m_process = std::make_unique<QProcess>();
        QByteArray line;
        url = startDppserver(*m_process,
                             {QStringLiteral("--database"), store, QStringLiteral("--rate-limit"),
                              QStringLiteral("0")},
                             &line);
        return url.isEmpty() ? QStringLiteral("dppserver: ") + QString::fromUtf8(line) : QString();
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process->processId()), SIGTERM);
            m_process->waitForFinished(15000);
        }
        m_process.reset();
    }

private:
    std::unique_ptr<QProcess> m_process;
};

} // namespace dpp::test
