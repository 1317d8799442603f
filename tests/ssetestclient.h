// SseTestClient: a Server-Sent Events client on a raw QTcpSocket for the stream tests and
// the stream benchmark. It reads incrementally (readyRead), undoes chunked transfer coding
// and splits the body into events, so a test sees each event the moment it arrives.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpSocket>
#include <functional>

namespace dpp::test {

class SseTestClient
{
public:
    struct Event
    {
        QByteArray id;
        QByteArray type; // "scan", "reset"; "message" when the event has no `event:` line
        QJsonObject data;
        qint64 receivedNs = 0; // SseTestClient::clock() when it arrived
    };

    SseTestClient()
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { onReadyRead(); });
    }

    /// Sends the GET; `headers` are complete lines without CRLF ("Last-Event-ID: 5").
    void open(quint16 port, const QByteArray& target, const QList<QByteArray>& headers = {},
              bool closeAfter = false)
    {
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QByteArray request = "GET " + target +
                             " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                             "\r\nAccept: text/event-stream\r\n";
        for (const QByteArray& h : headers)
            request += h + "\r\n";
        if (closeAfter)
            request += "Connection: close\r\n";
        request += "\r\n";
        socket.write(request);
    }

    static qint64 clock()
    {
        static QElapsedTimer timer = [] {
            QElapsedTimer t;
            t.start();
            return t;
        }();
        return timer.nsecsElapsed();
    }

    int status = 0;
    QByteArray contentType;
    QByteArray head;
    QByteArray body;        // de-chunked (or plain, with Content-Length)
    bool bodyEnded = false; // last chunk seen
    QList<Event> events;
    int heartbeats = 0;
    QByteArray retry;
    std::function<void(const Event&)> onEvent;

    int count(const QByteArray& type) const
    {
        int n = 0;
        for (const Event& e : events)
            n += e.type == type ? 1 : 0;
        return n;
    }

    QTcpSocket socket;

private:
    void onReadyRead()
    {
        m_raw += socket.readAll();
        if (!m_headDone) {
            const qsizetype end = m_raw.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            head = m_raw.left(end);
            m_raw.remove(0, end + 4);
            m_headDone = true;
            status = head.split(' ').value(1).toInt();
            for (const QByteArray& line : head.split('\n')) {
                const QByteArray l = line.trimmed();
                if (l.toLower().startsWith("content-type:"))
                    contentType = l.mid(13).trimmed();
                if (l.toLower().startsWith("transfer-encoding:") && l.toLower().contains("chunked"))
                    m_chunked = true;
            }
        }
        if (!m_chunked) {
            body += m_raw;
            m_raw.clear();
        } else {
            for (;;) {
                const qsizetype eol = m_raw.indexOf("\r\n");
                if (eol < 0)
                    break;
                bool ok = false;
                const qsizetype size = m_raw.left(eol).toLongLong(&ok, 16);
                if (!ok || m_raw.size() < eol + 2 + size + 2)
                    break;
                if (size == 0) {
                    bodyEnded = true;
                    m_raw.clear();
                    break;
                }
                m_sse += m_raw.mid(eol + 2, size);
                body += m_raw.mid(eol + 2, size);
                m_raw.remove(0, eol + 2 + size + 2);
            }
        }
        parseEvents();
    }

    void parseEvents()
    {
        for (;;) {
            const qsizetype end = m_sse.indexOf("\n\n");
            if (end < 0)
                return;
            const QByteArray block = m_sse.left(end);
            m_sse.remove(0, end + 2);
            Event e;
            bool isEvent = false;
            for (const QByteArray& line : block.split('\n')) {
                if (line.startsWith(':')) {
                    ++heartbeats;
                } else if (line.startsWith("retry: ")) {
                    retry = line.mid(7);
                } else if (line.startsWith("id: ")) {
                    e.id = line.mid(4);
                    isEvent = true;
                } else if (line.startsWith("event: ")) {
                    e.type = line.mid(7);
                    isEvent = true;
                } else if (line.startsWith("data: ")) {
                    e.data = QJsonDocument::fromJson(line.mid(6)).object();
                    isEvent = true;
                }
            }
            if (!isEvent)
                continue;
            if (e.type.isEmpty())
                e.type = "message";
            e.receivedNs = clock();
            events.append(e);
            if (onEvent)
                onEvent(events.last());
        }
    }

    QByteArray m_raw;
    QByteArray m_sse;
    bool m_headDone = false;
    bool m_chunked = false;
};

} // namespace dpp::test
