// bench_scanstream: how soon a resolver hit reaches a dashboard. dppserver on a SQLite store,
// wrk (1 thread, 16 connections, unpaced) hitting the resolver for one product as
// background load, 50 SSE clients on GET /v1/stream/scans?product=<probe product>, and a
// probe scan of that product every 200 ms: latency from sending the probe's request to
// each client receiving its event (p50/p99 over all clients and probes). The peer, in the
// same run and under the same load: a client polling GET /v1/analytics/product/<probe
// product> every second (the best a client can do without the stream), latency from the
// probe to the first poll that counts it. Also the server's RSS before and after.
// Goal (issue #9): a scan reaches the client within 1 s.
#include "../ssetestclient.h"
#include "scanstreambench.h"

#include <passport/resolverlink.h>
#include <store/apikeyrepository.h>
#include <store/database.h>
#include <store/productrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/tenantrepository.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <vector>

using namespace dpp;
using namespace dpp::bench;
using dpp::test::SseTestClient;

namespace {

constexpr int kClients = 50;
constexpr int kProbeEveryMs = 200;
constexpr int kLoadSeconds = 10;

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const auto m = QRegularExpression(QStringLiteral("VmRSS:\\s+(\\d+) kB"))
                       .match(QString::fromLatin1(f.readAll()));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QString binDir = qEnvironmentVariableIsSet("DPP_BIN_DIR")
                               ? qEnvironmentVariable("DPP_BIN_DIR")
                               : QCoreApplication::applicationDirPath() + QStringLiteral("/../bin");
    QTemporaryDir dir;
    const QString location = dir.filePath(QStringLiteral("store.sqlite"));
    const QString key = populate(location);
    if (key.isEmpty()) {
        std::fprintf(stderr, "bench_scanstream: cannot populate the store\n");
        return 1;
    }
    QProcess server;
    server.setStandardErrorFile(dir.filePath(QStringLiteral("dppserver.log")));
    server.start(binDir + QStringLiteral("/dppserver"),
                 {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--database"), location, QStringLiteral("--rate-limit"),
                  QStringLiteral("0")});
    if (!server.waitForStarted(10000)) {
        std::fprintf(stderr, "bench_scanstream: cannot start %s/dppserver\n", qPrintable(binDir));
        return 1;
    }
    while (!server.canReadLine() && server.waitForReadyRead(10000)) {
    }
    const auto m =
        QRegularExpression(QStringLiteral("^listening on http://127\\.0\\.0\\.1:(\\d+)$"))
            .match(QString::fromUtf8(server.readLine().trimmed()));
    if (!m.hasMatch()) {
        std::fprintf(stderr, "bench_scanstream: dppserver did not start\n");
        return 1;
    }
    const quint16 port = quint16(m.captured(1).toUInt());
    const qint64 pid = server.processId();
    const QByteArray auth = "Authorization: Bearer " + key.toLatin1();

    // 50 stream clients on the probe product.
    std::vector<std::unique_ptr<SseTestClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<SseTestClient>());
        clients.back()->open(port, "/v1/stream/scans?product=" + kProbeGtin, {auth});
    }
    QEventLoop loop;
    const auto spin = [&](const std::function<bool()>& done, int timeoutMs) {
        QTimer deadline;
        deadline.setSingleShot(true);
        deadline.start(timeoutMs);
        while (!done() && deadline.isActive())
            loop.processEvents(QEventLoop::WaitForMoreEvents, 20);
        return done();
    };
    if (!spin(
            [&] {
                return std::all_of(clients.begin(), clients.end(),
                                   [](const auto& c) { return !c->retry.isEmpty(); });
            },
            20000)) {
        std::fprintf(stderr, "bench_scanstream: stream clients did not connect\n");
        return 1;
    }
    const qint64 rssBefore = rssKb(pid);

    // Load: unpaced wrk on the other product.
    QProcess wrk;
    wrk.start(QStringLiteral("wrk"), {QStringLiteral("-t1"), QStringLiteral("-c16"),
                                      QStringLiteral("-d%1s").arg(kLoadSeconds),
                                      QStringLiteral("http://127.0.0.1:%1/01/%2")
                                          .arg(port)
                                          .arg(QString::fromLatin1(kLoadGtin))});
    if (!wrk.waitForStarted(5000)) {
        std::fprintf(stderr, "bench_scanstream: cannot start wrk\n");
        return 1;
    }

    // Probes, and the polling peer, while wrk runs.
    std::vector<qint64> probeSent;
    std::vector<std::unique_ptr<SseTestClient>> probes;
    QTimer probeTimer;
    QObject::connect(&probeTimer, &QTimer::timeout, [&] {
        auto p = std::make_unique<SseTestClient>();
        probeSent.push_back(SseTestClient::clock());
        p->open(port, "/01/" + kProbeGtin, {}, true);
        probes.push_back(std::move(p));
    });
    std::vector<double> pollLatencies;
    size_t counted = 0; // probes the peer has seen in the analytics so far
    std::vector<std::unique_ptr<SseTestClient>> polls;
    QTimer pollTimer;
    QObject::connect(&pollTimer, &QTimer::timeout, [&] {
        auto p = std::make_unique<SseTestClient>();
        SseTestClient* raw = p.get();
        QObject::connect(&raw->socket, &QTcpSocket::disconnected, &raw->socket, [&, raw] {
            const qint64 now = SseTestClient::clock();
            const qint64 total =
                QJsonDocument::fromJson(raw->body).object()[u"totalScans"].toInteger();
            for (; counted < size_t(total) && counted < probeSent.size(); ++counted)
                pollLatencies.push_back(double(now - probeSent[counted]) / 1e6);
        });
        p->open(port, "/v1/analytics/product/" + kProbeGtin, {auth}, true);
        polls.push_back(std::move(p));
    });
    probeTimer.start(kProbeEveryMs);
    pollTimer.start(1000);
    spin([&] { return wrk.state() == QProcess::NotRunning; }, (kLoadSeconds + 30) * 1000);
    probeTimer.stop();
    // Let the last probes arrive and the poller count them (it keeps its 1 s rhythm).
    spin([&] { return counted >= probeSent.size(); }, 10000);
    pollTimer.stop();
    spin(
        [&] {
            return std::all_of(clients.begin(), clients.end(), [&](const auto& c) {
                return size_t(c->count("scan")) >= probeSent.size();
            });
        },
        10000);
    const qint64 rssAfter = rssKb(pid);

    std::vector<double> streamLatencies;
    int starved = 0;
    for (const auto& c : clients) {
        int k = 0;
        for (const auto& e : c->events) {
            if (e.type == "scan" && size_t(k) < probeSent.size())
                streamLatencies.push_back(double(e.receivedNs - probeSent[size_t(k++)]) / 1e6);
        }
        if (size_t(k) < probeSent.size())
            ++starved;
    }
    const QString wrkOut = QString::fromUtf8(wrk.readAllStandardOutput());
    const double rate = QRegularExpression(QStringLiteral("Requests/sec:\\s+([\\d.]+)"))
                            .match(wrkOut)
                            .captured(1)
                            .toDouble();
    ::kill(pid_t(pid), SIGTERM);
    server.waitForFinished(30000);

    const double p50 = percentile(streamLatencies, 50), p99 = percentile(streamLatencies, 99);
    const double peer50 = percentile(pollLatencies, 50), peer99 = percentile(pollLatencies, 99);
    std::printf("scan to client: %d SSE clients on one product, a probe scan every %d ms, wrk "
                "-t1 -c16 -d%ds on another product (%.0f requests/s)\n",
                kClients, kProbeEveryMs, kLoadSeconds, rate);
    std::printf("%-44s %10s %10s %10s\n", "", "p50 ms", "p99 ms", "samples");
    std::printf("%-44s %10.1f %10.1f %10zu\n", "dppserver SSE /v1/stream/scans", p50, p99,
                streamLatencies.size());
    std::printf("%-44s %10.1f %10.1f %10zu\n", "peer: poll /v1/analytics/product every 1 s", peer50,
                peer99, pollLatencies.size());
    std::printf("ratio poll/SSE (p50): %.1fx; SSE p99 within 1 s (issue #9): %s; clients that "
                "missed probes: %d of %d\n",
                p50 > 0 ? peer50 / p50 : 0.0, p99 >= 0 && p99 <= 1000 ? "met" : "MISSED", starved,
                kClients);
    std::printf("dppserver RSS with %d streams: %lld kB before the load, %lld kB after\n", kClients,
                static_cast<long long>(rssBefore), static_cast<long long>(rssAfter));
    std::fflush(stdout);
    return streamLatencies.empty() ? 1 : 0;
}
