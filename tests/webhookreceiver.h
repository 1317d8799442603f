// WebhookReceiver: a tiny HTTP/1.1 endpoint on 127.0.0.1 for the webhook suites: it
// keeps every request (headers, raw body) and answers with the status the test sets.
// Runs on the test's event loop (wait with waitUntil / QTest::qWaitFor).
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <memory>

namespace dpp::test {

class WebhookReceiver : public QObject
{
public:
    struct Received
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    /// Listens on 127.0.0.1:`port` (0 = any free port).
    bool listen(quint16 port = 0)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(s, &QTcpSocket::readyRead, this,
                                 [this, s, buffer] { onData(s, *buffer); });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, port);
    }
    void close() { m_server.close(); }
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString& path = QStringLiteral("/hook")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
    }

    int status = 200; // what every request is answered with
    QList<Received> requests;

    QList<Received> ofType(const QString& type) const
    {
        QList<Received> out;
        for (const auto& r : requests)
            if (r.headers.value("x-webhook-event") == type.toUtf8())
                out.append(r);
        return out;
    }

private:
    void onData(QTcpSocket* s, QByteArray& buffer)
    {
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Received r;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0);
        r.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length);
        buffer.clear();
        requests.append(r);
        const QByteArray answer = "{\"ok\":true}";
        s->write("HTTP/1.1 " + QByteArray::number(status) +
                 " X\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(answer.size()) + "\r\nConnection: close\r\n\r\n" + answer);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
};

} // namespace dpp::test
