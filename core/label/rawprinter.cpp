#include "rawprinter.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>

namespace dpp::label {

Result<RawPrinter::Endpoint> RawPrinter::parseEndpoint(const QString& text, const QString& param)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.\-]+))(?::([0-9]{1,5}))?$)"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return Error{param, QStringLiteral("'%1' is not HOST or HOST:PORT").arg(text),
                     QStringLiteral("invalid")};
    Endpoint e;
    e.host = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    if (!m.captured(3).isEmpty()) {
        const int port = m.captured(3).toInt();
        if (port < 1 || port > 65535)
            return Error{param, QStringLiteral("port %1 is outside 1…65535").arg(port),
                         QStringLiteral("out_of_range")};
        e.port = quint16(port);
    }
    return e;
}

Status RawPrinter::sendTcp(const Endpoint& endpoint, const QByteArray& data, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(endpoint.host, endpoint.port);
    if (!socket.waitForConnected(timeoutMs))
        return Error{QStringLiteral("zpl_host"),
                     QStringLiteral("cannot connect to %1:%2: %3")
                         .arg(endpoint.host)
                         .arg(endpoint.port)
                         .arg(socket.errorString()),
                     QStringLiteral("printer_unreachable")};
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = socket.write(data.constData() + written, data.size() - written);
        if (n < 0)
            return Error{QStringLiteral("zpl_host"), socket.errorString(),
                         QStringLiteral("printer_io")};
        written += n;
        while (socket.bytesToWrite() > 0) {
            if (!socket.waitForBytesWritten(timeoutMs))
                return Error{QStringLiteral("zpl_host"),
                             QStringLiteral("sending stalled: %1").arg(socket.errorString()),
                             QStringLiteral("printer_io")};
        }
    }
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(timeoutMs);
    return Ok{};
}

Status RawPrinter::sendCupsRaw(const QString& queue, const QByteArray& data, int timeoutMs)
{
    static const QRegularExpression name(QStringLiteral(R"(^[^\s/#]{1,127}$)"));
    if (!name.match(queue).hasMatch())
        return Error{QStringLiteral("zpl_queue"),
                     QStringLiteral("'%1' is not a CUPS queue name").arg(queue),
                     QStringLiteral("invalid")};
    QProcess lp;
    lp.start(QStringLiteral("lp"),
             {QStringLiteral("-d"), queue, QStringLiteral("-o"), QStringLiteral("raw")});
    if (!lp.waitForStarted(timeoutMs))
        return Error{QStringLiteral("zpl_queue"),
                     QStringLiteral("cannot run lp (install cups-client)"),
                     QStringLiteral("printer_unreachable")};
    lp.write(data);
    lp.closeWriteChannel();
    if (!lp.waitForFinished(timeoutMs) || lp.exitStatus() != QProcess::NormalExit ||
        lp.exitCode() != 0)
        return Error{QStringLiteral("zpl_queue"),
                     QStringLiteral("lp failed: %1")
                         .arg(QString::fromLocal8Bit(lp.readAllStandardError()).trimmed()),
                     QStringLiteral("printer_io")};
    return Ok{};
}

} // namespace dpp::label
