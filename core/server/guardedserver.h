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
        while (QTcpSocket* socket = Base::nextPendingConnection()) {
            if (m_connections && m_connections->adopt(socket))
                return socket;
            // Refused (cap or shutdown): the socket deletes itself once closed.
            QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        }
        return nullptr;
    }

private:
    QPointer<ConnectionSet> m_connections;
};

} // namespace dpp::server
