#include "productanalyticsrepository.h"

#include "sqlhelpers.h"

namespace dpp::store {

Status ProductAnalyticsRepository::put(const ProductAnalytics& analytics)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery del = m_db.prepare(QStringLiteral(
            "DELETE FROM product_analytics WHERE tenant_id = :t AND product_id = :p"));
        del.bindValue(QStringLiteral(":t"), m_tenantId);
        del.bindValue(QStringLiteral(":p"), analytics.productId);
        if (Status s = Database::exec(del); !s.ok())
            return s;
        QSqlQuery q = m_db.prepare(
            QStringLiteral("INSERT INTO product_analytics (tenant_id, product_id, gtin, scans, "
                           "data, fetched_at) VALUES (:t, :p, :g, :n, :d, :at)"));
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":p"), analytics.productId);
        q.bindValue(QStringLiteral(":g"), analytics.gtin);
        q.bindValue(QStringLiteral(":n"), analytics.scans);
        q.bindValue(QStringLiteral(":d"), sql::toText(analytics.data));
        q.bindValue(QStringLiteral(":at"),
                    analytics.fetchedAt.isEmpty() ? Database::now() : analytics.fetchedAt);
        return Database::exec(q);
    });
}

std::optional<ProductAnalytics> ProductAnalyticsRepository::get(const QString& productId) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT gtin, scans, data, fetched_at FROM product_analytics WHERE "
                       "tenant_id = :t AND product_id = :p"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":p"), productId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return ProductAnalytics{productId, q.value(0).toString(), q.value(1).toLongLong(),
                            sql::objectFrom(q.value(2)), q.value(3).toString()};
}

QHash<QString, qint64> ProductAnalyticsRepository::scansByProduct() const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT product_id, scans FROM product_analytics WHERE tenant_id = :t"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QHash<QString, qint64> out;
    if (!Database::exec(q).ok())
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

QList<ProductAnalytics> ProductAnalyticsRepository::all() const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT product_id, gtin, scans, data, fetched_at FROM product_analytics "
                       "WHERE tenant_id = :t ORDER BY scans DESC, gtin"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<ProductAnalytics> out;
    if (!Database::exec(q).ok())
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                    sql::objectFrom(q.value(3)), q.value(4).toString()});
    return out;
}

} // namespace dpp::store
