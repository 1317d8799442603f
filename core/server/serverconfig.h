// ServerConfig: everything dppserver is started with, parsed once from the command line.
#pragma once

#include "clientaddress.h"
#include "connectionguard.h"
#include "result.h"

#include <QHostAddress>
#include <QString>

namespace dpp::server {

struct ServerConfig
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString database; // SQLite file or postgresql:// URL; used by the store
    QString baseUrl;  // public base URL (resolver links, OpenAPI servers); empty = listen URL
    QString tlsCertificate;
    QString tlsKey;
    bool sandbox = false; // sk_test_ keys only, sample products (used by the store)
    ConnectionLimits limits;
    int rateLimitPerMinute = 100; // default bucket per API key and per client IP; 0 = off
    int drainTimeoutMs = 10000;   // how long SIGTERM waits for requests in flight
    // Live scan stream (GET /v1/stream/scans): heartbeat comment interval (kept below half
    // the idle timeout by streamHeartbeat()), recent events kept per tenant for
    // Last-Event-ID, and how far behind a client may fall before it is cut off.
    int streamHeartbeatMs = 15000;
    int streamBufferPerTenant = 1000;
    // How often the shared scan feed is read for other processes' scans
    // (--stream-poll-ms); this process's own scans wake the stream at once.
    int streamPollMs = 200;
    // How soon the resolver sees a write committed elsewhere (--resolver-freshness-ms,
    // 0 = on every request); see Resolver's cache rule.
    int resolverFreshnessMs = 100;
    qint64 streamMaxPendingBytes = 1 << 20;

    /// The heartbeat actually used: a quiet stream must never meet the idle timeout.
    int streamHeartbeat() const;
    // Reverse proxies whose Forwarded / X-Forwarded-For headers are believed (default
    // none: the TCP peer is the client). See ClientAddress.
    QList<ClientAddress::Subnet> trustedProxies;
    // Webhook targets may be loopback/private addresses (--allow-private-webhooks).
    bool allowPrivateWebhooks = false;
    // Test-only (--webhook-retry-scale): multiplies the webhook retry schedule.
    double webhookRetryScale = 1.0;

    /// Adds one --trusted-proxy CIDR (or single address); Error param "trusted-proxy".
    Status addTrustedProxy(const QString& cidr);

    /// Parses "HOST:PORT", "[v6]:PORT" or ":PORT" (all interfaces) into host and port.
    Status setListen(const QString& hostPort);
};

} // namespace dpp::server
