#include "idempotencykeyrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dpp::store {

namespace {

QString isoTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString headersText(const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QJsonArray out;
    for (const auto& [name, value] : headers)
        out.append(QJsonArray{QString::fromLatin1(name), QString::fromLatin1(value)});
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

QList<QPair<QByteArray, QByteArray>> headersFrom(const QVariant& v)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (const QJsonValue& pair : QJsonDocument::fromJson(v.toString().toUtf8()).array()) {
        const QJsonArray a = pair.toArray();
        out.append({a.at(0).toString().toLatin1(), a.at(1).toString().toLatin1()});
    }
    return out;
}

} // namespace

Result<std::optional<IdempotencyKeyRepository::Entry>>
IdempotencyKeyRepository::claim(const QString& key, const QString& method, const QString& path,
                                const QString& bodySha256)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Expired keys go, and so does a claim whose request never finished: the process
    // that took it died mid-way (a request is answered within seconds), and keeping it
    // would answer every retry with "in progress" for a day.
    QSqlQuery expired = m_db.prepare(QStringLiteral(
        "DELETE FROM idempotency_keys WHERE tenant_id = :t AND principal_id = :p AND idem_key = "
        ":k AND (expires_at < :now OR (status IS NULL AND created_at < :stale))"));
    expired.bindValue(QStringLiteral(":t"), m_tenantId);
    expired.bindValue(QStringLiteral(":p"), m_principalId);
    expired.bindValue(QStringLiteral(":k"), key);
    expired.bindValue(QStringLiteral(":now"), isoTime(now));
    expired.bindValue(QStringLiteral(":stale"), isoTime(now.addSecs(-kAbandonedSeconds)));
    if (Status s = Database::exec(expired); !s.ok())
        return s.error();

    // The primary key decides between two concurrent first requests: one insert wins.
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO idempotency_keys (tenant_id, principal_id, idem_key, method, path, "
        "body_sha256, created_at, expires_at) VALUES (:t, :p, :k, :m, :path, :sha, :now, :exp) "
        "ON CONFLICT (tenant_id, principal_id, idem_key) DO NOTHING"));
    insert.bindValue(QStringLiteral(":t"), m_tenantId);
    insert.bindValue(QStringLiteral(":p"), m_principalId);
    insert.bindValue(QStringLiteral(":k"), key);
    insert.bindValue(QStringLiteral(":m"), method);
    insert.bindValue(QStringLiteral(":path"), path);
    insert.bindValue(QStringLiteral(":sha"), bodySha256);
    insert.bindValue(QStringLiteral(":now"), isoTime(now));
    insert.bindValue(QStringLiteral(":exp"), isoTime(now.addSecs(kLifetimeHours * 3600)));
    if (Status s = Database::exec(insert); !s.ok())
        return s.error();
    if (insert.numRowsAffected() == 1)
        return std::optional<Entry>();

    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT method, path, body_sha256, status, headers, body FROM "
                       "idempotency_keys WHERE tenant_id = :t AND principal_id = :p AND "
                       "idem_key = :k"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":p"), m_principalId);
    q.bindValue(QStringLiteral(":k"), key);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    if (!q.next()) // released between our insert and this read: the caller may retry
        return Error{QStringLiteral("Idempotency-Key"),
                     QStringLiteral("a request with this Idempotency-Key finished just now; "
                                    "send it again"),
                     QStringLiteral("idempotency_key_in_progress")};
    Entry e;
    e.method = q.value(0).toString();
    e.path = q.value(1).toString();
    e.bodySha256 = q.value(2).toString();
    e.inProgress = q.value(3).isNull();
    e.status = q.value(3).toInt();
    e.headers = headersFrom(q.value(4));
    e.body = q.value(5).toByteArray();
    return std::optional<Entry>(e);
}

Status IdempotencyKeyRepository::complete(const QString& key, int status,
                                          const QList<QPair<QByteArray, QByteArray>>& headers,
                                          const QByteArray& body)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE idempotency_keys SET status = :s, headers = :h, body = :b WHERE "
                       "tenant_id = :t AND principal_id = :p AND idem_key = :k"));
    q.bindValue(QStringLiteral(":s"), status);
    q.bindValue(QStringLiteral(":h"), headersText(headers));
    q.bindValue(QStringLiteral(":b"), body);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":p"), m_principalId);
    q.bindValue(QStringLiteral(":k"), key);
    return Database::exec(q);
}

Status IdempotencyKeyRepository::release(const QString& key)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("DELETE FROM idempotency_keys WHERE tenant_id = :t AND principal_id = :p "
                       "AND idem_key = :k"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":p"), m_principalId);
    q.bindValue(QStringLiteral(":k"), key);
    return Database::exec(q);
}

Result<int> IdempotencyKeyRepository::purgeExpired(Database& db, const QDateTime& now)
{
    QSqlQuery q =
        db.prepare(QStringLiteral("DELETE FROM idempotency_keys WHERE expires_at < :now"));
    q.bindValue(QStringLiteral(":now"),
                isoTime(now.isValid() ? now : QDateTime::currentDateTimeUtc()));
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return q.numRowsAffected();
}

} // namespace dpp::store
