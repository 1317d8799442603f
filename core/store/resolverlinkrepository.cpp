#include "resolverlinkrepository.h"

#include "sqlhelpers.h"

#include <gs1/gtin.h>

namespace dpp::store {

using passport::ResolverLink;

Result<ResolverLink> ResolverLinkRepository::create(ResolverLink link)
{
    if (const auto errors = link.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    link.gtin = gs1::Gtin::parse(link.gtin)->gtin14();
    link.id = sql::newId();
    // The GTIN-level key has an empty (not NULL) qualifier, so it takes part in the unique index.
    const QString qualifier = link.qualifier.isEmpty() ? QStringLiteral("") : link.qualifier;
    const Status s = m_db.transaction([&]() -> Status {
        if (link.isDefault) {
            QSqlQuery clear = m_db.prepare(QStringLiteral(
                "UPDATE resolver_links SET is_default = 0 WHERE tenant_id = :t AND gtin = :g AND "
                "level = :l AND qualifier = :q"));
            clear.bindValue(QStringLiteral(":t"), m_tenantId);
            clear.bindValue(QStringLiteral(":g"), link.gtin);
            clear.bindValue(QStringLiteral(":l"), link.level);
            clear.bindValue(QStringLiteral(":q"), qualifier);
            if (Status e = Database::exec(clear); !e.ok())
                return e;
        }
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO resolver_links (id, tenant_id, gtin, level, qualifier, link_type, href, "
            "title, media_type, languages, context, is_default, created_at) VALUES (:id, :t, :g, "
            ":l, :q, :lt, :h, :ti, :m, :langs, :c, :d, :at)"));
        q.bindValue(QStringLiteral(":id"), link.id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":g"), link.gtin);
        q.bindValue(QStringLiteral(":l"), link.level);
        q.bindValue(QStringLiteral(":q"), qualifier);
        q.bindValue(QStringLiteral(":lt"), link.linkType);
        q.bindValue(QStringLiteral(":h"), link.href);
        q.bindValue(QStringLiteral(":ti"), link.title);
        q.bindValue(QStringLiteral(":m"), sql::nullableText(link.mediaType));
        q.bindValue(QStringLiteral(":langs"),
                    sql::toText(QJsonArray::fromStringList(link.languages)));
        q.bindValue(QStringLiteral(":c"), sql::nullableText(link.context));
        q.bindValue(QStringLiteral(":d"), link.isDefault ? 1 : 0);
        q.bindValue(QStringLiteral(":at"), Database::now());
        return Database::exec(q);
    });
    if (!s.ok())
        return s.error();
    return link;
}

QList<ResolverLink> ResolverLinkRepository::list(const QString& gtin) const
{
    QList<ResolverLink> out;
    const auto parsed = gs1::Gtin::parse(gtin);
    if (!parsed.ok())
        return out;
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id, gtin, level, qualifier, link_type, href, "
                                              "title, media_type, languages, context, "
                                              "is_default FROM resolver_links WHERE tenant_id = :t "
                                              "AND gtin = :g ORDER BY is_default DESC, "
                                              "level, qualifier, link_type, created_at"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":g"), parsed->gtin14());
    if (Database::exec(q).ok())
        while (q.next()) {
            ResolverLink l;
            l.id = q.value(0).toString();
            l.gtin = q.value(1).toString();
            l.level = q.value(2).toString();
            l.qualifier = q.value(3).toString();
            l.linkType = q.value(4).toString();
            l.href = q.value(5).toString();
            l.title = q.value(6).toString();
            l.mediaType = q.value(7).toString();
            l.languages = sql::stringsFrom(q.value(8));
            l.context = q.value(9).toString();
            l.isDefault = q.value(10).toInt() != 0;
            out.append(l);
        }
    return out;
}

Status ResolverLinkRepository::remove(const QString& id)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("DELETE FROM resolver_links WHERE id = :id AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status s = Database::exec(q); !s.ok())
        return s;
    if (q.numRowsAffected() != 1)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("link"));
    return Ok{};
}

} // namespace dpp::store
