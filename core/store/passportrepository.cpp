#include "passportrepository.h"

#include "productrepository.h"
#include "resolverlinkrepository.h"
#include "sqlhelpers.h"

#include <QUrl>

namespace dpp::store {

using passport::PassportVersion;

namespace {
const char* kSelect = "SELECT id, product_id, version, status, kind, data, sha256, created_at, "
                      "published_at FROM passport_versions";

PassportVersion versionFrom(const QSqlQuery& q)
{
    PassportVersion v;
    v.id = q.value(0).toString();
    v.productId = q.value(1).toString();
    v.version = q.value(2).toInt();
    v.status = q.value(3).toString();
    v.kind = q.value(4).toString();
    v.data = sql::objectFrom(q.value(5));
    v.sha256 = q.value(6).toString();
    v.createdAt = sql::timeFrom(q.value(7));
    v.publishedAt = sql::timeFrom(q.value(8));
    return v;
}
} // namespace

Result<PassportVersion> PassportRepository::createDraft(const QString& productId,
                                                        const QString& kind,
                                                        const QJsonObject& data)
{
    if (const auto errors = PassportVersion::validateData(kind, data); !errors.isEmpty())
        return sql::validationError(errors);
    PassportVersion v;
    v.id = sql::newId();
    v.productId = productId;
    v.kind = kind;
    v.data = data;
    v.sha256 = PassportVersion::hashOf(data);
    const QString now = Database::now();
    v.createdAt = QDateTime::fromString(now, Qt::ISODateWithMs);
    const Status s = m_db.transaction([&]() -> Status {
        QSqlQuery owner =
            m_db.prepare(QStringLiteral("SELECT 1 FROM products WHERE id = :p AND tenant_id = :t"));
        owner.bindValue(QStringLiteral(":p"), productId);
        owner.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status e = Database::exec(owner); !e.ok())
            return e;
        if (!owner.next())
            return sql::notFound(QStringLiteral("product_id"), QStringLiteral("product"));
        QSqlQuery next = m_db.prepare(QStringLiteral(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM passport_versions WHERE product_id = :p AND "
            "tenant_id = :t"));
        next.bindValue(QStringLiteral(":p"), productId);
        next.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status e = Database::exec(next); !e.ok() || !next.next())
            return e.ok() ? Status(Error{QStringLiteral("db"), QStringLiteral("no version number"),
                                         QString()})
                          : e;
        v.version = next.value(0).toInt();
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO passport_versions (id, tenant_id, product_id, version, status, kind, "
            "data, "
            "sha256, created_at) VALUES (:id, :t, :p, :v, 'draft', :k, :d, :h, :c)"));
        q.bindValue(QStringLiteral(":id"), v.id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":p"), productId);
        q.bindValue(QStringLiteral(":v"), v.version);
        q.bindValue(QStringLiteral(":k"), kind);
        q.bindValue(QStringLiteral(":d"), QString::fromUtf8(PassportVersion::canonicalJson(data)));
        q.bindValue(QStringLiteral(":h"), v.sha256);
        q.bindValue(QStringLiteral(":c"), now);
        return Database::exec(q);
    });
    if (!s.ok())
        return s.error();
    return v;
}

Result<PassportVersion> PassportRepository::publish(const QString& versionId)
{
    auto v = get(versionId);
    if (!v)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("passport version"));
    if (v->status != QLatin1String("draft"))
        return Error{
            QStringLiteral("status"),
            QStringLiteral("only a draft can be published; this version is %1").arg(v->status),
            QStringLiteral("invalid_state")};
    const QString now = Database::now();
    const Status s = m_db.transaction([&]() -> Status {
        QSqlQuery old =
            m_db.prepare(QStringLiteral("UPDATE passport_versions SET status = 'superseded' WHERE "
                                        "product_id = :p AND tenant_id "
                                        "= :t AND status = 'published'"));
        old.bindValue(QStringLiteral(":p"), v->productId);
        old.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status e = Database::exec(old); !e.ok())
            return e;
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "UPDATE passport_versions SET status = 'published', published_at = :now WHERE id = :id "
            "AND tenant_id = :t AND status = 'draft'"));
        q.bindValue(QStringLiteral(":now"), now);
        q.bindValue(QStringLiteral(":id"), versionId);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status e = Database::exec(q); !e.ok())
            return e;
        if (q.numRowsAffected() != 1)
            return Error{QStringLiteral("status"), QStringLiteral("the draft changed meanwhile"),
                         QStringLiteral("conflict")};
        // The GS1 global resolver (the desktop's default resolver base) does not serve
        // our viewer page: links to {base}/passport/{gtin} there would lead nowhere.
        if (m_publicBase.isEmpty() ||
            QUrl(m_publicBase).host().compare(QLatin1String("id.gs1.org"), Qt::CaseInsensitive) ==
                0)
            return Ok{};
        const auto product = ProductRepository(m_db, m_tenantId).get(v->productId);
        if (!product)
            return Ok{};
        QString base = m_publicBase;
        while (base.endsWith(u'/'))
            base.chop(1);
        const QString name = product->name.value(
            QStringLiteral("en"), product->name.isEmpty() ? QString() : product->name.first());
        return ResolverLinkRepository(m_db, m_tenantId)
            .ensurePublishedLinks(product->id, product->gtin,
                                  base + QStringLiteral("/passport/") + product->gtin, name);
    });
    if (!s.ok())
        return s.error();
    return *get(versionId);
}

Status PassportRepository::archive(const QString& versionId)
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "UPDATE passport_versions SET status = 'archived' WHERE id = :id AND tenant_id = :t AND "
        "status IN ('draft', 'published', 'superseded')"));
    q.bindValue(QStringLiteral(":id"), versionId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status s = Database::exec(q); !s.ok())
        return s;
    if (q.numRowsAffected() != 1)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("passport version"));
    return Ok{};
}

std::optional<PassportVersion> PassportRepository::get(const QString& versionId) const
{
    return sql::rowById<PassportVersion>(m_db, kSelect, versionId, m_tenantId, versionFrom);
}

std::optional<PassportVersion> PassportRepository::published(const QString& productId) const
{
    QSqlQuery q = m_db.prepare(
        QLatin1String(kSelect) +
        QStringLiteral(" WHERE product_id = :p AND tenant_id = :t AND status = 'published'"));
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return versionFrom(q);
}

QList<PassportVersion> PassportRepository::versions(const QString& productId) const
{
    QSqlQuery q =
        m_db.prepare(QLatin1String(kSelect) +
                     QStringLiteral(" WHERE product_id = :p AND tenant_id = :t ORDER BY version"));
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<PassportVersion> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(versionFrom(q));
    return out;
}

} // namespace dpp::store
