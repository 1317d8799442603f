#include "productcatalog.h"

#include "sqlhelpers.h"

namespace dpp::store {

namespace {
QString column(ProductCatalog::SortKey key)
{
    switch (key) {
    case ProductCatalog::SortKey::Gtin:
        return QStringLiteral("gtin");
    case ProductCatalog::SortKey::Name:
        return QStringLiteral("name_en");
    case ProductCatalog::SortKey::Sku:
        return QStringLiteral("sku");
    case ProductCatalog::SortKey::Category:
        return QStringLiteral("category");
    case ProductCatalog::SortKey::Status:
        return QStringLiteral("status");
    case ProductCatalog::SortKey::Updated:
        return QStringLiteral("updated_at");
    }
    return QStringLiteral("gtin");
}

// LIKE treats % and _ as wildcards; a user searching for "10_A" means the text.
QString likePattern(const QString& text)
{
    QString escaped = text.toLower();
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}
} // namespace

QString ProductCatalog::where(const Query& query) const
{
    QString sql = QStringLiteral(" WHERE tenant_id = :t");
    sql += query.status.isEmpty() ? QStringLiteral(" AND status <> 'deleted'")
                                  : QStringLiteral(" AND status = :status");
    if (!query.category.isEmpty())
        sql += QStringLiteral(" AND category = :cat");
    // LOWER() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    if (!query.search.trimmed().isEmpty())
        sql += QStringLiteral(" AND (LOWER(COALESCE(name_en, '')) LIKE :q1 ESCAPE '\\' OR gtin "
                              "LIKE :q2 ESCAPE '\\' OR LOWER(COALESCE(sku, '')) LIKE :q3 ESCAPE "
                              "'\\')");
    return sql;
}

void ProductCatalog::bind(QSqlQuery& q, const Query& query) const
{
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!query.status.isEmpty())
        q.bindValue(QStringLiteral(":status"), query.status);
    if (!query.category.isEmpty())
        q.bindValue(QStringLiteral(":cat"), query.category);
    // One placeholder per use: the PostgreSQL driver binds positionally.
    if (!query.search.trimmed().isEmpty()) {
        const QString pattern = likePattern(query.search.trimmed());
        q.bindValue(QStringLiteral(":q1"), pattern);
        q.bindValue(QStringLiteral(":q2"), pattern);
        q.bindValue(QStringLiteral(":q3"), pattern);
    }
}

Result<QList<ProductCatalog::Row>> ProductCatalog::window(const Query& query, int offset,
                                                          int limit) const
{
    if (offset < 0)
        return Error{QStringLiteral("offset"), QStringLiteral("must not be negative"),
                     QStringLiteral("out_of_range")};
    if (limit < 1 || limit > 10000)
        return Error{QStringLiteral("limit"), QStringLiteral("must be between 1 and 10000"),
                     QStringLiteral("out_of_range")};
    const QString dir = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString order = QStringLiteral(" ORDER BY ");
    // NULL names/SKUs sort first on SQLite and last on PostgreSQL; COALESCE makes both agree.
    const QString col = column(query.sort);
    if (query.sort == SortKey::Gtin)
        order += col + dir;
    else
        order += QStringLiteral("COALESCE(%1, '')").arg(col) + dir + QStringLiteral(", gtin") + dir;
    QSqlQuery q = m_db.prepare(
        QStringLiteral(
            "SELECT id, gtin, name_en, sku, category, status, updated_at FROM products") +
        where(query) + order + QStringLiteral(" LIMIT :n OFFSET :o"));
    bind(q, query);
    q.bindValue(QStringLiteral(":n"), limit);
    q.bindValue(QStringLiteral(":o"), offset);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    QList<Row> rows;
    rows.reserve(limit);
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                     sql::timeFrom(q.value(6))});
    return rows;
}

Result<int> ProductCatalog::count(const Query& query) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM products") + where(query));
    bind(q, query);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    if (!q.next())
        return 0;
    return q.value(0).toInt();
}

} // namespace dpp::store
