// Helpers for the server suites: a raw HTTP/1.1 client on QTcpSocket (for what
// QNetworkAccessManager hides: 100-continue, HEAD bodies, connection closes) and a
// QNetworkAccessManager wrapper. Both wait by running the event loop, because the server
// under test lives in the same thread.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <functional>

namespace dpp::test {

inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool complete = false;
    const QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead,
                         [this] { m_buffer += m_socket.readAll(); });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        // Connected, or refused (Unconnected again).
        waitUntil(
            [this] {
                const auto st = m_socket.state();
                return st == QAbstractSocket::ConnectedState ||
                       st == QAbstractSocket::UnconnectedState;
            },
            5000);
    }

    QTcpSocket& socket() { return m_socket; }
    QByteArray& buffer() { return m_buffer; }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    void send(const QByteArray& bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    /// Takes one response off the buffer; noBody for answers to HEAD.
    RawResponse read(bool noBody = false, int timeoutMs = 10000)
    {
        RawResponse r;
        waitUntil([&] { return tryParse(r, noBody); }, timeoutMs);
        return r;
    }

    bool waitForDisconnect(int timeoutMs = 10000)
    {
        return waitUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                         timeoutMs);
    }

private:
    bool tryParse(RawResponse& r, bool noBody)
    {
        if (m_buffer.size() >= 5 && !m_buffer.startsWith("HTTP/")) {
            r.status = -1; // junk where a status line must start (e.g. a body after HEAD)
            r.complete = true;
            return true;
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        RawResponse parsed;
        parsed.status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                parsed.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                      lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length =
            noBody || parsed.status < 200 ? 0 : parsed.headers.value("content-length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return false;
        parsed.body = m_buffer.mid(end + 4, length);
        parsed.complete = true;
        m_buffer.remove(0, end + 4 + length);
        r = parsed;
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

struct NamReply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    const QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline NamReply namSend(QNetworkAccessManager& nam, const QByteArray& method, const QUrl& url,
                        const QByteArray& body = {},
                        const QList<QPair<QByteArray, QByteArray>>& headers = {})
{
    QNetworkRequest request(url);
    for (const auto& [k, v] : headers)
        request.setRawHeader(k, v);
    if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply* reply =
        method == "HEAD" ? nam.head(request) : nam.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    NamReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    for (const auto& [k, v] : reply->rawHeaderPairs())
        r.headers.insert(k.toLower(), v);
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

} // namespace dpp::test
