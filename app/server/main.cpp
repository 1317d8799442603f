// dppserver: the headless HTTP server (resolver, REST API, viewer). Parses the command
// line into a ServerConfig, prints the URL it listens on as the first stdout line (scripts
// and tests read the port from it) and drains in-flight requests on SIGTERM.
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>
#include <analytics/geoipdatabase.h>
#include <csignal>
#include <cstdio>
#include <dpp/version.h>
#include <export/sampleseeder.h>
#include <passport/apikey.h>
#include <server/apiroutes.h>
#include <server/scanrecorder.h>
#include <server/scanstreamhub.h>
#include <server/server.h>
#include <server/webhookdispatcher.h>
#include <store/apikeyrepository.h>
#include <store/credentialrepository.h>
#include <store/tenantrepository.h>

namespace {

int usageError(const QString& message)
{
    std::fprintf(stderr, "dppserver: %s\n", message.toUtf8().constData());
    return 2;
}

// The same file dppctl uses by default, so `dppctl seed` then `dppserver` serves that data.
// A sandbox gets a file of its own: test keys and samples never land in the real store.
QString defaultDatabase(bool sandbox)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           (sandbox ? QStringLiteral("/DPP Studio/dppserver/sandbox.sqlite")
                    : QStringLiteral("/DPP Studio/dppctl/dpp.sqlite"));
}

// Sandbox: the sample products in tenant "sandbox" and a fresh sk_test_ key holding every
// API scope, printed on stderr (stdout's first line belongs to the listen URL).
dpp::Status prepareSandbox(dpp::store::Database& db, const QString& baseUrl)
{
    auto tenant = dpp::store::TenantRepository(db).ensure(QStringLiteral("sandbox"));
    if (!tenant.ok())
        return tenant.error();
    if (auto seeded = dpp::exporting::SampleSeeder::seed(db, tenant->id, baseUrl); !seeded.ok())
        return seeded.error();
    const QStringList scopes = dpp::passport::ApiKey::knownScopes();
    auto key = dpp::store::ApiKeyRepository(db, tenant->id)
                   .create(QStringLiteral("sandbox"), scopes, true);
    if (!key.ok())
        return key.error();
    std::fprintf(stderr, "dppserver: sandbox key: %s\n", key->secret.toUtf8().constData());
    std::fflush(stderr);
    return dpp::Ok{};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dppserver"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(dpp::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "DPP Studio server: GS1 Digital Link resolver, passport viewer and REST API."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address to listen on; port 0 picks a free one."),
                      QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080")});
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("SQLite file or postgresql:// URL."), QStringLiteral("DB")});
    parser.addOption({QStringLiteral("base-url"),
                      QStringLiteral("Public base URL of the resolver (default: the listen URL)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("tls-cert"),
                      QStringLiteral("PEM certificate (chain) for HTTPS."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tls-key"), QStringLiteral("PEM private key for HTTPS."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("sandbox"),
                      QStringLiteral("Test mode: sk_test_ keys only, sample products.")});
    parser.addOption({QStringLiteral("max-body"),
                      QStringLiteral("Largest request body in bytes (default 26214400)."),
                      QStringLiteral("BYTES")});
    parser.addOption({QStringLiteral("rate-limit"),
                      QStringLiteral("Requests per minute per API key or client IP (default "
                                     "100, 0 = off)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("trusted-proxy"),
                      QStringLiteral("A reverse proxy (address or CIDR) whose Forwarded / "
                                     "X-Forwarded-For headers name the client; repeatable "
                                     "(default: none, the TCP peer is the client)."),
                      QStringLiteral("CIDR")});
    parser.addOption({QStringLiteral("max-connections"),
                      QStringLiteral("Open connections at most; more are answered 503 (default "
                                     "256)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("idle-timeout"),
                      QStringLiteral("Seconds before a silent connection is closed (default 30)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("geoip"),
                      QStringLiteral("MaxMind DB file (GeoIP2/GeoLite2 City or Country) for the "
                                     "country, region and city of scans; without one they are "
                                     "not recorded."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("scan-queue"),
                      QStringLiteral("Scans held in memory for the store at most; more are "
                                     "dropped and counted in /health (default 100000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("stream-heartbeat"),
                      QStringLiteral("Seconds between heartbeat comments on live scan streams "
                                     "(default 15; at most half the idle timeout)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("stream-poll-ms"),
                      QStringLiteral("Milliseconds between reads of the shared scan feed, which "
                                     "bring other dppserver processes' scans to this one's live "
                                     "streams (default 200; 10 to 5000)."),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("resolver-freshness-ms"),
                      QStringLiteral("Milliseconds the resolver may answer from its cache after "
                                     "a change committed by any process (default 100; 0 reads "
                                     "the store's change journal on every request)."),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("allow-private-webhooks"),
                      QStringLiteral("Let webhooks target loopback, private and link-local "
                                     "addresses (default: refused, 422 on the url).")});
    // Test-only: compresses the webhook retry schedule (30 s … 4 h) so a suite can run
    // all six attempts in seconds. Hidden from --help.
    QCommandLineOption retryScale(QStringLiteral("webhook-retry-scale"),
                                  QStringLiteral("Test only: multiplies webhook retry delays."),
                                  QStringLiteral("FACTOR"));
    retryScale.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(retryScale);
    parser.process(app);

    dpp::server::ServerConfig config;
    if (const auto ok = config.setListen(parser.value(QStringLiteral("listen"))); !ok)
        return usageError(ok.error().message);
    config.database = parser.value(QStringLiteral("database"));
    config.baseUrl = parser.value(QStringLiteral("base-url"));
    config.tlsCertificate = parser.value(QStringLiteral("tls-cert"));
    config.tlsKey = parser.value(QStringLiteral("tls-key"));
    config.sandbox = parser.isSet(QStringLiteral("sandbox"));
    if (config.tlsCertificate.isEmpty() != config.tlsKey.isEmpty())
        return usageError(QStringLiteral("--tls-cert and --tls-key go together"));
    if (parser.isSet(QStringLiteral("max-body"))) {
        bool ok = false;
        config.limits.maxBodyBytes = parser.value(QStringLiteral("max-body")).toLongLong(&ok);
        if (!ok || config.limits.maxBodyBytes < 0)
            return usageError(QStringLiteral("--max-body takes a number of bytes"));
    }
    if (parser.isSet(QStringLiteral("rate-limit"))) {
        bool ok = false;
        config.rateLimitPerMinute = parser.value(QStringLiteral("rate-limit")).toInt(&ok);
        if (!ok || config.rateLimitPerMinute < 0)
            return usageError(QStringLiteral("--rate-limit takes a number of requests"));
    }
    for (const QString& cidr : parser.values(QStringLiteral("trusted-proxy"))) {
        if (const auto ok = config.addTrustedProxy(cidr); !ok)
            return usageError(QStringLiteral("--trusted-proxy: ") + ok.error().message);
    }
    if (parser.isSet(QStringLiteral("max-connections"))) {
        bool ok = false;
        config.limits.maxConnections = parser.value(QStringLiteral("max-connections")).toInt(&ok);
        if (!ok || config.limits.maxConnections < 1)
            return usageError(QStringLiteral("--max-connections takes a positive number"));
    }
    if (parser.isSet(QStringLiteral("idle-timeout"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("idle-timeout")).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 24 * 3600)
            return usageError(QStringLiteral("--idle-timeout takes 1 to 86400 seconds"));
        config.limits.idleTimeoutMs = seconds * 1000;
    }

    if (parser.isSet(QStringLiteral("stream-heartbeat"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("stream-heartbeat")).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return usageError(QStringLiteral("--stream-heartbeat takes 1 to 3600 seconds"));
        config.streamHeartbeatMs = seconds * 1000;
    }
    if (parser.isSet(QStringLiteral("stream-poll-ms"))) {
        bool ok = false;
        const int ms = parser.value(QStringLiteral("stream-poll-ms")).toInt(&ok);
        if (!ok || ms < 10 || ms > 5000)
            return usageError(QStringLiteral("--stream-poll-ms takes 10 to 5000 milliseconds"));
        config.streamPollMs = ms;
    }
    if (parser.isSet(QStringLiteral("resolver-freshness-ms"))) {
        bool ok = false;
        const int ms = parser.value(QStringLiteral("resolver-freshness-ms")).toInt(&ok);
        if (!ok || ms < 0 || ms > 60000)
            return usageError(
                QStringLiteral("--resolver-freshness-ms takes 0 to 60000 milliseconds"));
        config.resolverFreshnessMs = ms;
    }
    config.allowPrivateWebhooks = parser.isSet(QStringLiteral("allow-private-webhooks"));
    if (parser.isSet(retryScale)) {
        bool ok = false;
        config.webhookRetryScale = parser.value(retryScale).toDouble(&ok);
        if (!ok || config.webhookRetryScale <= 0 || config.webhookRetryScale > 1)
            return usageError(QStringLiteral("--webhook-retry-scale takes a factor above 0, "
                                             "at most 1"));
    }

    std::shared_ptr<dpp::analytics::GeoIpDatabase> geoip;
    if (parser.isSet(QStringLiteral("geoip"))) {
        auto opened = dpp::analytics::GeoIpDatabase::open(parser.value(QStringLiteral("geoip")));
        if (!opened.ok())
            return usageError(QStringLiteral("--geoip: ") + opened.error().message);
        geoip = *opened;
    }
    int scanQueue = 100000;
    if (parser.isSet(QStringLiteral("scan-queue"))) {
        bool ok = false;
        scanQueue = parser.value(QStringLiteral("scan-queue")).toInt(&ok);
        if (!ok || scanQueue < 1)
            return usageError(QStringLiteral("--scan-queue takes a positive number"));
    }

    // Installed before listening, so a SIGTERM right after start is never lost.
    SignalWatcher signals({SIGTERM, SIGINT});
    std::signal(SIGPIPE, SIG_IGN);

    const QString location =
        config.database.isEmpty() ? defaultDatabase(config.sandbox) : config.database;
    auto db = dpp::store::Database::open(location);
    if (!db.ok()) {
        std::fprintf(stderr, "dppserver: cannot open the store %s: %s\n",
                     location.toUtf8().constData(), db.error().message.toUtf8().constData());
        return 1;
    }
    if (config.sandbox) {
        if (const auto ok = prepareSandbox(**db, config.baseUrl); !ok.ok()) {
            std::fprintf(stderr, "dppserver: sandbox: %s\n",
                         ok.error().message.toUtf8().constData());
            return 1;
        }
    }

    // Live scan streams, read from the store's shared scan feed (every process's scans).
    // Made before the recorder, which holds it: the writer thread is joined before the
    // hub can go away.
    dpp::server::ScanStreamHub::Options streamOptions;
    streamOptions.heartbeatMs = config.streamHeartbeat();
    streamOptions.bufferPerTenant = config.streamBufferPerTenant;
    streamOptions.maxPendingBytes = config.streamMaxPendingBytes;
    streamOptions.pollMs = config.streamPollMs;
    const auto stream = std::make_shared<dpp::server::ScanStreamHub>(*db, streamOptions);

    // Every resolver hit on a known key goes to the recorder, which writes on a thread
    // (and connection) of its own, scans and feed rows together, then wakes the stream.
    dpp::server::ScanRecorder::Options scanOptions;
    scanOptions.onStored = [stream] { stream->wake(); };
    scanOptions.feedKeepPerTenant = config.streamBufferPerTenant;
    scanOptions.database = (*db)->location();
    scanOptions.geoip = geoip;
    scanOptions.capacity = scanQueue;
    auto recorder = dpp::server::ScanRecorder::start(scanOptions);
    if (!recorder.ok()) {
        std::fprintf(stderr, "dppserver: %s\n", recorder.error().message.toUtf8().constData());
        return 1;
    }
    const std::shared_ptr<dpp::server::ScanRecorder> scans = *recorder;

    dpp::server::Server server(config);
    server.addHealthSection(QStringLiteral("scans"), [scans] { return scans->statsJson(); });
    server.addHealthSection(QStringLiteral("stream"), [stream] { return stream->statsJson(); });
    dpp::server::ApiContext context;
    context.scans = scans;
    context.scanStream = stream;
    context.db = *db;
    context.sandbox = config.sandbox;
    context.allowPrivateWebhooks = config.allowPrivateWebhooks;
    context.resolverFreshnessMs = config.resolverFreshnessMs;
    context.baseUrl = [&server] {
        return server.config().baseUrl.isEmpty() ? server.listenUrl() : server.config().baseUrl;
    };
    if (const auto ok = dpp::server::ApiRoutes::install(server, context); !ok.ok()) {
        std::fprintf(stderr, "dppserver: %s\n", ok.error().message.toUtf8().constData());
        return 1;
    }
    // Token hygiene: expired sessions, OAuth codes and tokens, idle login counters and
    // Idempotency-Keys go, at start and every 10 minutes (CredentialRepository).
    const auto purge = [db = *db] {
        const auto purged = dpp::store::CredentialRepository::purgeExpired(*db);
        if (!purged.ok())
            std::fprintf(stderr, "dppserver: purge of expired credentials failed: %s\n",
                         purged.error().message.toUtf8().constData());
    };
    purge();
    QTimer purgeTimer;
    QObject::connect(&purgeTimer, &QTimer::timeout, &app, purge);
    purgeTimer.start(10 * 60 * 1000);

    const auto port = server.start();
    if (!port) {
        std::fprintf(stderr, "dppserver: %s\n", port.error().message.toUtf8().constData());
        return 1;
    }
    // Outbound webhooks: from the store's queue, on this thread's connection.
    dpp::server::WebhookDispatcher::Options hookOptions;
    hookOptions.retryScale = config.webhookRetryScale;
    hookOptions.allowPrivateTargets = config.allowPrivateWebhooks;
    hookOptions.pollIntervalMs =
        std::max(50, int(1000 * std::min(1.0, config.webhookRetryScale * 100)));
    dpp::server::WebhookDispatcher webhooks(*db, hookOptions);
    server.addHealthSection(QStringLiteral("webhooks"),
                            [&webhooks] { return webhooks.statsJson(); });
    webhooks.start();

    std::printf("listening on %s\n", server.listenUrl().toUtf8().constData());
    std::fflush(stdout);

    // Deliveries in flight go back to the queue; the next start sends them.
    QObject::connect(&signals, &SignalWatcher::received, &webhooks,
                     [&webhooks] { webhooks.stop(); });
    QObject::connect(&signals, &SignalWatcher::received, &app, [&server, &app, scans](int signal) {
        std::fprintf(stderr, "dppserver: signal %d, draining\n", signal);
        // Requests in flight may still record scans; store them all before exiting.
        server.shutdown([&app, scans] {
            scans->stop();
            const auto s = scans->stats();
            std::fprintf(stderr, "dppserver: scans recorded %lld, dropped %lld, failed %lld\n",
                         static_cast<long long>(s.recorded), static_cast<long long>(s.dropped),
                         static_cast<long long>(s.failed));
            app.exit(0);
        });
    });
    return app.exec();
}
