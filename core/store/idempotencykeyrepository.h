// IdempotencyKeyRepository: the first answer to each mutating API request that carried an
// Idempotency-Key, per tenant and principal, kept 24 hours so a retried request gets the
// same answer instead of running twice. In the database, so it holds across dppserver
// processes sharing one store.
#pragma once

#include "database.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <optional>

namespace dpp::store {

class IdempotencyKeyRepository
{
public:
    // How long a key and its answer are kept (the window in which a retry is recognised).
    static constexpr int kLifetimeHours = 24;
    // A claim still unanswered after this long belongs to a process that died mid-way.
    static constexpr qint64 kAbandonedSeconds = 300;

    IdempotencyKeyRepository(Database& db, QString tenantId, QString principalId)
        : m_db(db), m_tenantId(std::move(tenantId)), m_principalId(std::move(principalId))
    {}

    // What the key was first used for and, once the request finished, its answer.
    struct Entry
    {
        QString method;
        QString path;
        QString bodySha256;
        bool inProgress = true; // the first request has not finished (or died mid-way)
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    // Takes the key for a request: inserts an in-progress row (committed on its own, so a
    // concurrent request sees it) and returns nullopt. When the key is taken already, the
    // stored entry is returned instead and nothing changes. An expired row for the key is
    // deleted first: after 24 hours the key is new again.
    Result<std::optional<Entry>> claim(const QString& key, const QString& method,
                                       const QString& path, const QString& bodySha256);
    // Stores the answer of the request that claimed `key`.
    Status complete(const QString& key, int status,
                    const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body);
    // Forgets the key (the answer is not one to replay, e.g. a 5xx): a retry runs again.
    Status release(const QString& key);

    // Deletes the expired keys of every tenant; returns how many.
    static Result<int> purgeExpired(Database& db, const QDateTime& now = {});

private:
    Database& m_db;
    QString m_tenantId;
    QString m_principalId;
};

} // namespace dpp::store
