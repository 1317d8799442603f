#include "resolverlinkrepository.h"

#include "changejournal.h"

#include "sqlhelpers.h"

#include <atomic>
#include <gs1/gtin.h>

namespace dpp::store {

using passport::ResolverLink;

namespace {

std::atomic<quint64> g_changes{1};

constexpr const char* kSelect =
    "SELECT id, gtin, level, qualifier, link_type, href, title, media_type, languages, context, "
    "is_default, device, product_id, row_version FROM resolver_links";

ResolverLink linkFrom(const QSqlQuery& q)
{
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
    l.device = q.value(11).toString();
    l.productId = q.value(12).toString();
    l.rowVersion = q.value(13).toLongLong();
    return l;
}

void bindKey(QSqlQuery& q, const QString& tenant, const ResolverLink& key)
{
    q.bindValue(QStringLiteral(":t"), tenant);
    q.bindValue(QStringLiteral(":g"), key.gtin);
    q.bindValue(QStringLiteral(":l"), key.level);
    // The GTIN-level key has an empty (not NULL) qualifier, so it takes part in the unique index.
    q.bindValue(QStringLiteral(":q"), key.qualifier.isEmpty() ? QStringLiteral("") : key.qualifier);
}

} // namespace

quint64 ResolverLinkRepository::changeCounter()
{
    return g_changes.load(std::memory_order_relaxed);
}

bool ResolverLinkRepository::hasDefault(const ResolverLink& key) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT 1 FROM resolver_links WHERE tenant_id = :t AND gtin = :g AND "
                       "level = :l AND qualifier = :q AND is_default = 1"));
    bindKey(q, m_tenantId, key);
    return Database::exec(q).ok() && q.next();
}

Status ResolverLinkRepository::clearDefault(const ResolverLink& key)
{
    QSqlQuery clear = m_db.prepare(QStringLiteral(
        "UPDATE resolver_links SET is_default = 0, row_version = row_version + 1 WHERE "
        "tenant_id = :t AND gtin = :g AND level = :l AND qualifier = :q AND is_default = 1"));
    bindKey(clear, m_tenantId, key);
    return Database::exec(clear);
}

Status ResolverLinkRepository::journal(const passport::ResolverLink& link, const QString& op)
{
    return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::Link), link.id, op,
                                      {{QStringLiteral("gtin"), link.gtin},
                                       {QStringLiteral("product_id"), link.productId},
                                       {QStringLiteral("link_type"), link.linkType}});
}

Status ResolverLinkRepository::insert(const ResolverLink& link)
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO resolver_links (id, tenant_id, gtin, level, qualifier, link_type, href, "
        "title, media_type, languages, context, is_default, created_at, device, product_id, "
        "updated_at) VALUES (:id, :t, :g, :l, :q, :lt, :h, :ti, :m, :langs, :c, :d, :at, :dev, "
        ":p, :at2)"));
    q.bindValue(QStringLiteral(":id"), link.id);
    bindKey(q, m_tenantId, link);
    q.bindValue(QStringLiteral(":lt"), link.linkType);
    q.bindValue(QStringLiteral(":h"), link.href);
    q.bindValue(QStringLiteral(":ti"), link.title);
    q.bindValue(QStringLiteral(":m"), sql::nullableText(link.mediaType));
    q.bindValue(QStringLiteral(":langs"), sql::toText(QJsonArray::fromStringList(link.languages)));
    q.bindValue(QStringLiteral(":c"), sql::nullableText(link.context));
    q.bindValue(QStringLiteral(":d"), link.isDefault ? 1 : 0);
    const QString now = Database::now();
    q.bindValue(QStringLiteral(":at"), now);
    q.bindValue(QStringLiteral(":dev"), link.device);
    q.bindValue(QStringLiteral(":p"), sql::nullableText(link.productId));
    q.bindValue(QStringLiteral(":at2"), now);
    return Database::exec(q);
}

Result<ResolverLink> ResolverLinkRepository::create(ResolverLink link)
{
    if (const auto errors = link.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    link.gtin = gs1::Gtin::parse(link.gtin)->gtin14();
    link.id = sql::newId();
    const Status s = m_db.transaction([&]() -> Status {
        // The first link of a level is its default: a level is never without one.
        if (!hasDefault(link))
            link.isDefault = true;
        else if (link.isDefault) {
            if (Status e = clearDefault(link); !e.ok())
                return e;
        }
        if (Status e = insert(link); !e.ok())
            return e;
        if (Status e = journal(link, QStringLiteral("created")); !e.ok())
            return e;
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    g_changes.fetch_add(1, std::memory_order_relaxed);
    link.rowVersion = 1;
    return link;
}

std::optional<ResolverLink> ResolverLinkRepository::get(const QString& id) const
{
    return sql::rowById<ResolverLink>(m_db, kSelect, id, m_tenantId, linkFrom);
}

QList<ResolverLink> ResolverLinkRepository::list(const QString& gtin) const
{
    QList<ResolverLink> out;
    const auto parsed = gs1::Gtin::parse(gtin);
    if (!parsed.ok())
        return out;
    QSqlQuery q = m_db.prepare(QLatin1String(kSelect) +
                               QStringLiteral(" WHERE tenant_id = :t AND gtin = :g ORDER BY "
                                              "is_default DESC, level, qualifier, link_type, "
                                              "created_at, id"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":g"), parsed->gtin14());
    if (Database::exec(q).ok())
        while (q.next())
            out.append(linkFrom(q));
    return out;
}

Result<ResolverLink> ResolverLinkRepository::update(const QString& id, const QJsonObject& patch,
                                                    std::optional<qint64> expectedVersion)
{
    const auto old = get(id);
    if (!old)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("link"));
    if (expectedVersion && *expectedVersion != old->rowVersion)
        return sql::versionMismatch(QStringLiteral("link"), *expectedVersion, old->rowVersion);
    ResolverLink link = *old;
    link.applyPatch(patch);
    if (patch.contains(QStringLiteral("gtin")) &&
        gs1::Gtin::parse(patch.value(QStringLiteral("gtin")).toString()).ok() &&
        gs1::Gtin::parse(patch.value(QStringLiteral("gtin")).toString())->gtin14() != old->gtin)
        return Error{QStringLiteral("gtin"), QStringLiteral("a link cannot move to another GTIN"),
                     QStringLiteral("immutable")};
    for (const auto& [field, before, after] :
         {std::tuple{"level", old->level, link.level},
          std::tuple{"qualifier", old->qualifier, link.qualifier}}) {
        if (before != after)
            return Error{QString::fromLatin1(field),
                         QStringLiteral("a link cannot move to another key level: delete it and "
                                        "create a new one"),
                         QStringLiteral("immutable")};
    }
    if (old->isDefault && !link.isDefault)
        return Error{QStringLiteral("default"),
                     QStringLiteral("every key level needs one default link: make another link "
                                    "of this level the default instead"),
                     QStringLiteral("default_required")};
    if (const auto errors = link.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    const Status s = m_db.transaction([&]() -> Status {
        if (link.isDefault && !old->isDefault) {
            if (Status e = clearDefault(link); !e.ok())
                return e;
        }
        QSqlQuery q = m_db.prepare(
            QStringLiteral("UPDATE resolver_links SET link_type = :lt, href = :h, title = :ti, "
                           "media_type = :m, "
                           "languages = :langs, context = :c, is_default = :d, device = :dev, "
                           "updated_at = :at, "
                           "row_version = row_version + 1 WHERE id = :id AND tenant_id = :t") +
            (expectedVersion ? QStringLiteral(" AND row_version = :rv") : QString()));
        q.bindValue(QStringLiteral(":lt"), link.linkType);
        q.bindValue(QStringLiteral(":h"), link.href);
        q.bindValue(QStringLiteral(":ti"), link.title);
        q.bindValue(QStringLiteral(":m"), sql::nullableText(link.mediaType));
        q.bindValue(QStringLiteral(":langs"),
                    sql::toText(QJsonArray::fromStringList(link.languages)));
        q.bindValue(QStringLiteral(":c"), sql::nullableText(link.context));
        q.bindValue(QStringLiteral(":d"), link.isDefault ? 1 : 0);
        q.bindValue(QStringLiteral(":dev"), link.device);
        q.bindValue(QStringLiteral(":at"), Database::now());
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        // Checked in the UPDATE too: a concurrent writer after get() is a mismatch.
        if (expectedVersion)
            q.bindValue(QStringLiteral(":rv"), *expectedVersion);
        if (Status e = Database::exec(q); !e.ok())
            return e;
        if (q.numRowsAffected() != 1) {
            const auto now = get(id);
            return sql::versionMismatch(QStringLiteral("link"), expectedVersion.value_or(0),
                                        now ? now->rowVersion : 0);
        }
        if (Status e = journal(link, QStringLiteral("updated")); !e.ok())
            return e;
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    g_changes.fetch_add(1, std::memory_order_relaxed);
    if (const auto now = get(id))
        link.rowVersion = now->rowVersion;
    return link;
}

Status ResolverLinkRepository::remove(const QString& id, std::optional<qint64> expectedVersion)
{
    const auto old = get(id);
    if (!old)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("link"));
    if (expectedVersion && *expectedVersion != old->rowVersion)
        return sql::versionMismatch(QStringLiteral("link"), *expectedVersion, old->rowVersion);
    const Status s = m_db.transaction([&]() -> Status {
        QSqlQuery q = m_db.prepare(
            QStringLiteral("DELETE FROM resolver_links WHERE id = :id AND tenant_id = :t") +
            (expectedVersion ? QStringLiteral(" AND row_version = :rv") : QString()));
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        if (expectedVersion)
            q.bindValue(QStringLiteral(":rv"), *expectedVersion);
        if (Status e = Database::exec(q); !e.ok())
            return e;
        if (q.numRowsAffected() != 1) {
            const auto now = get(id);
            if (!now)
                return sql::notFound(QStringLiteral("id"), QStringLiteral("link"));
            return sql::versionMismatch(QStringLiteral("link"), expectedVersion.value_or(0),
                                        now->rowVersion);
        }
        if (Status e = journal(*old, QStringLiteral("deleted")); !e.ok())
            return e;
        if (!old->isDefault)
            return Ok{};
        // The level keeps a default: the oldest remaining link, one of the same type first.
        QSqlQuery next = m_db.prepare(QStringLiteral(
            "SELECT id FROM resolver_links WHERE tenant_id = :t AND gtin = :g AND level = :l AND "
            "qualifier = :q ORDER BY CASE WHEN link_type = :lt THEN 0 ELSE 1 END, created_at, id"));
        bindKey(next, m_tenantId, *old);
        next.bindValue(QStringLiteral(":lt"), old->linkType);
        if (Status e = Database::exec(next); !e.ok())
            return e;
        if (!next.next())
            return Ok{};
        QSqlQuery promote =
            m_db.prepare(QStringLiteral("UPDATE resolver_links SET is_default = 1, row_version = "
                                        "row_version + 1 WHERE id = :id"));
        promote.bindValue(QStringLiteral(":id"), next.value(0).toString());
        return Database::exec(promote);
    });
    if (s.ok())
        g_changes.fetch_add(1, std::memory_order_relaxed);
    return s;
}

Status ResolverLinkRepository::ensurePublishedLinks(const QString& productId, const QString& gtin,
                                                    const QString& viewerHref,
                                                    const QString& productName)
{
    const QList<ResolverLink> existing = list(gtin);
    const auto hasType = [&](const char* type) {
        for (const ResolverLink& l : existing)
            if (l.level == QLatin1String("gtin") && l.linkType == QLatin1String(type))
                return true;
        return false;
    };
    const QString name = productName.isEmpty() ? QStringLiteral("GTIN %1").arg(gtin) : productName;
    for (const auto& [type, title] :
         {std::pair{"gs1:dpp", QStringLiteral("%1: Digital Product Passport").arg(name)},
          std::pair{"gs1:pip", QStringLiteral("%1: product information").arg(name)}}) {
        if (hasType(type))
            continue;
        ResolverLink l;
        l.productId = productId;
        l.gtin = gtin;
        l.linkType = QString::fromLatin1(type);
        l.href = viewerHref;
        l.title = title.left(200);
        l.mediaType = QStringLiteral("text/html");
        // create() makes the first link of the level (the gs1:dpp one) the default.
        if (auto created = create(l); !created.ok())
            return created.error();
    }
    return Ok{};
}

} // namespace dpp::store
