#include "webhookingestrepository.h"

#include "passport/secrettoken.h"
#include "sqlhelpers.h"

#include <QRegularExpression>

namespace dpp::store {

Status WebhookIngestRepository::checkSource(const QString& source)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9_-]{1,40}$"));
    if (!re.match(source).hasMatch())
        return Error{QStringLiteral("source"),
                     QStringLiteral("must be 1 to 40 of a-z, 0-9, - and _ (e.g. datocms)"),
                     QStringLiteral("validation_error")};
    return Ok{};
}

Status WebhookIngestRepository::upsert(const QString& source, const char* column,
                                       const QString& value)
{
    if (Status s = checkSource(source); !s.ok())
        return s;
    const QString col = QLatin1String(column);
    QSqlQuery q = m_db.prepare(
        QStringLiteral("INSERT INTO webhook_ingest_sources (tenant_id, source, %1, updated_at) "
                       "VALUES (:t, :s, :v, :now) ON CONFLICT (tenant_id, source) DO UPDATE SET "
                       "%1 = excluded.%1, updated_at = excluded.updated_at")
            .arg(col));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":s"), source);
    q.bindValue(QStringLiteral(":v"), value);
    q.bindValue(QStringLiteral(":now"), Database::now());
    return Database::exec(q);
}

Result<QString> WebhookIngestRepository::rotateSecret(const QString& source)
{
    const QString secret = passport::SecretToken::generate(QStringLiteral("whin_"));
    if (Status s = upsert(source, "secret", secret); !s.ok())
        return s.error();
    return secret;
}

QString WebhookIngestRepository::secret(const QString& source) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT secret FROM webhook_ingest_sources WHERE tenant_id = :t AND source = :s"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":s"), source);
    if (!Database::exec(q).ok() || !q.next())
        return {};
    return q.value(0).toString();
}

QJsonObject WebhookIngestRepository::mapping(const QString& source) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT mapping FROM webhook_ingest_sources WHERE tenant_id = :t AND source = :s"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":s"), source);
    if (!Database::exec(q).ok() || !q.next() || q.value(0).isNull())
        return {};
    return sql::objectFrom(q.value(0));
}

Status WebhookIngestRepository::setMapping(const QString& source, const QJsonObject& mapping)
{
    return upsert(source, "mapping", sql::toText(mapping));
}

} // namespace dpp::store
