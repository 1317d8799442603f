// RawPrinter: sends printer-ready bytes (ZPL) as they are: to a network
// printer's raw port (host:9100, "JetDirect") or to a CUPS queue as a raw job
// (lp -o raw), so CUPS filters never touch the ZPL.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace dpp::label {

class RawPrinter
{
public:
    struct Endpoint
    {
        QString host;
        quint16 port = 9100;
    };
    // "host", "host:9100", "[::1]:9100"; errors name `param`.
    static Result<Endpoint> parseEndpoint(const QString& text, const QString& param);

    // Opens a connection, writes everything, waits until it left our side, closes.
    // Nothing is reported sent unless every byte was written.
    static Status sendTcp(const Endpoint& endpoint, const QByteArray& data, int timeoutMs = 15000);
    // One raw job on a CUPS queue through `lp -d QUEUE -o raw`.
    static Status sendCupsRaw(const QString& queue, const QByteArray& data, int timeoutMs = 60000);
};

} // namespace dpp::label
