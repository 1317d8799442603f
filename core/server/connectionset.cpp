#include "connectionset.h"

#include "apierror.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QTimer>

namespace dpp::server {

ConnectionSet::ConnectionSet(const ConnectionLimits& limits, QObject* parent)
    : QObject(parent), m_limits(limits)
{}

void ConnectionSet::compact()
{
    m_guards.removeIf([](const QPointer<ConnectionGuard>& g) {
        return g.isNull() || !g->socket() ||
               g->socket()->state() == QAbstractSocket::UnconnectedState;
    });
}

bool ConnectionSet::adopt(QTcpSocket* socket)
{
    compact();
    auto* guard = new ConnectionGuard(socket, m_limits);
    connect(guard, &ConnectionGuard::rejected, this, &ConnectionSet::rejected);
    if (m_limits.maxConnections > 0 && m_guards.size() >= m_limits.maxConnections) {
        guard->reject(ApiError::serviceUnavailable(
            QStringLiteral("too many open connections; retry shortly")));
        return false;
    }
    if (m_draining) {
        guard->reject(ApiError::serviceUnavailable(QStringLiteral("server is shutting down")));
        return false;
    }
    m_guards.append(guard);
    return true;
}

ConnectionGuard* ConnectionSet::guardOf(QTcpSocket* socket) const
{
    return socket ? socket->findChild<ConnectionGuard*>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionSet::drain(int timeoutMs, std::function<void()> done)
{
    m_draining = true;
    compact();
    for (const auto& g : std::as_const(m_guards)) {
        if (g)
            g->drain();
    }
    // Poll rather than track every close: shutdown is rare and this stays obviously right.
    auto* timer = new QTimer(this);
    const QDeadlineTimer deadline(timeoutMs);
    connect(timer, &QTimer::timeout, this, [this, timer, deadline, done = std::move(done)] {
        compact();
        if (!m_guards.isEmpty() && !deadline.hasExpired())
            return;
        for (const auto& g : std::as_const(m_guards)) {
            if (g && g->socket())
                g->socket()->abort();
        }
        timer->deleteLater();
        done();
    });
    timer->start(20);
}

} // namespace dpp::server
