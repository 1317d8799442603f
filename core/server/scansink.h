// ScanSink: where the resolver hands every hit on a known key. The resolver must answer
// without waiting on the database, so record() only queues; the implementation
// (ScanRecorder) enriches the event (GeoIP, user agent) and stores it in batches. The
// client address is passed for the geo lookup only and is never stored.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QString>

namespace dpp::server {

struct RawScan
{
    QString tenantId;
    QString productId;
    QString gtin;                              // 14 digits
    QString keyLevel = QStringLiteral("gtin"); // gtin | lot | serial: the level that matched
    QString lot;                               // as requested (may be empty)
    QString serial;                            // as requested (may be empty)
    QString linkType;                          // link type served, e.g. "gs1:defaultLink"
    QDateTime at;                              // UTC
    QHostAddress client;
    QByteArray userAgent;
    QByteArray referer;
};

class ScanSink
{
public:
    virtual ~ScanSink() = default;
    /// Queues one scan; never blocks on I/O. Safe to call from the server thread only.
    virtual void record(RawScan scan) = 0;
};

} // namespace dpp::server
