// GuardedServer: a listening socket (plain QTcpServer or QSslServer) that puts a
// ConnectionGuard on every connection before the HTTP server sees it. For TLS that is
// after the handshake, so the guard sees plaintext.
#pragma once

#include "connectionset.h"

#include <QPointer>
#include <QTcpSocket>

namespace dpp::server {

template <typename Base> class GuardedServer : public Base
{
public:
    explicit GuardedServer(ConnectionSet* connections) : m_connections(connections) {}

    // The HTTP server calls this from its pendingConnectionAvailable slot and connects its
    // own readyRead slot afterwards, so the guard's slot always runs first.
    QTcpSocket* nextPendingConnection() override
    {
        // The HTTP server calls this in a loop until it gets nullptr and connects its slots
        // to each socket in between, so by now the previous socket has them.
        if (m_previous)
            m_previous->parserAttached();
        m_previous = nullptr;
        while (QTcpSocket* socket = Base::nextPendingConnection()) {
            if (m_connections && m_connections->adopt(socket)) {
                m_previous = m_connections->guardOf(socket);
                return socket;
            }
            // Refused (cap or shutdown): the socket deletes itself once closed.
            QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        }
        return nullptr;
    }

private:
    QPointer<ConnectionSet> m_connections;
    QPointer<ConnectionGuard> m_previous;
};

} // namespace dpp::server
