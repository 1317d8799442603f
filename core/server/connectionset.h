// ConnectionSet: the live client connections of one server, with the connection cap and
// the drain on shutdown. Listening sockets hand every accepted connection to adopt().
#pragma once

#include "connectionguard.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

namespace dpp::server {

class ConnectionSet : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionSet(const ConnectionLimits& limits, QObject* parent = nullptr);

    /// Guards the socket and returns true, or answers 503 and closes it when the cap is reached.
    bool adopt(QTcpSocket* socket);
    ConnectionGuard* guardOf(QTcpSocket* socket) const;

    /// Closes idle connections now and the others after their current answer; calls done
    /// when none is left or after timeoutMs, whichever comes first.
    void drain(int timeoutMs, std::function<void()> done);

Q_SIGNALS:
    void rejected(const QByteArray& method, const QByteArray& path, int status);

private:
    void compact();

    ConnectionLimits m_limits;
    QList<QPointer<ConnectionGuard>> m_guards;
    bool m_draining = false;
};

} // namespace dpp::server
