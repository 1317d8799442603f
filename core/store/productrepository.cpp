#include "productrepository.h"

#include "changejournal.h"

#include "sqlhelpers.h"

#include <gs1/gtin.h>

namespace dpp::store {

using passport::Product;

namespace {
const char* kSelect = "SELECT id, body, created_at, updated_at, row_version FROM products";

Product productFrom(const QSqlQuery& q)
{
    Product p = Product::fromJson(sql::objectFrom(q.value(1)));
    p.id = q.value(0).toString();
    p.createdAt = sql::timeFrom(q.value(2));
    p.updatedAt = sql::timeFrom(q.value(3));
    p.rowVersion = q.value(4).toLongLong();
    return p;
}
} // namespace

void ProductRepository::bindColumns(QSqlQuery& q, const Product& p, const QJsonObject& body)
{
    const auto attribute = [&p](const char* key) {
        return sql::nullableText(p.attributes.value(QLatin1String(key)).toString());
    };
    q.bindValue(QStringLiteral(":cat"), sql::nullableText(p.category));
    q.bindValue(QStringLiteral(":status"), p.status);
    q.bindValue(QStringLiteral(":name"), sql::nullableText(p.displayName()));
    q.bindValue(QStringLiteral(":brand"), attribute("brand"));
    q.bindValue(QStringLiteral(":sku"), attribute("sku"));
    q.bindValue(QStringLiteral(":lot"), attribute("batch_lot"));
    q.bindValue(QStringLiteral(":body"), sql::toText(body));
}

QString ProductRepository::scopeClause() const
{
    return m_supplierScope ? QStringLiteral(" AND id IN (SELECT product_id FROM product_suppliers "
                                            "WHERE supplier_id = :scope_supplier)")
                           : QString();
}

void ProductRepository::bindScope(QSqlQuery& q) const
{
    if (m_supplierScope)
        q.bindValue(QStringLiteral(":scope_supplier"), *m_supplierScope);
}

QStringList ProductRepository::gcps() const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT gcps FROM tenants WHERE id = :t"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!Database::exec(q).ok() || !q.next())
        return {};
    return sql::stringsFrom(q.value(0));
}

passport::FieldErrors ProductRepository::errors(const QJsonObject& json) const
{
    return Product::validate(json, gcps());
}

Error ProductRepository::versionMismatch(qint64 expected, qint64 current)
{
    return sql::versionMismatch(QStringLiteral("product"), expected, current);
}

Result<ProductRepository::Saved> ProductRepository::save(const QJsonObject& json)
{
    return saveJournaled(json, std::nullopt);
}

Result<ProductRepository::Saved>
ProductRepository::saveJournaled(const QJsonObject& json, std::optional<qint64> expectedVersion)
{
    // The row and its change-journal entry commit together.
    std::optional<Result<Saved>> result;
    const Status s = m_db.transaction([&]() -> Status {
        result = saveRow(json, expectedVersion);
        if (!result->ok())
            return result->error();
        const Product& p = (*result)->product;
        return ChangeJournal(m_db).record(
            m_tenantId, QLatin1String(ChangeJournal::Product), p.id,
            (*result)->created ? QStringLiteral("created") : QStringLiteral("updated"),
            QJsonObject{{QStringLiteral("gtin"), p.gtin},
                        {QStringLiteral("updated_at"), Database::now()}});
    });
    if (!s.ok())
        return s.error();
    return *result;
}

Result<ProductRepository::Saved> ProductRepository::saveRow(const QJsonObject& json,
                                                            std::optional<qint64> expectedVersion)
{
    if (const auto problems = errors(json); !problems.isEmpty())
        return sql::validationError(problems);
    Saved saved;
    saved.product = Product::fromJson(json);
    Product& p = saved.product;
    const QString now = Database::now();
    p.updatedAt = QDateTime::fromString(now, Qt::ISODateWithMs);

    QJsonObject body = p.toJson();
    // Store-owned columns are the truth for these; keep them out of the body.
    body.remove(QStringLiteral("id"));
    body.remove(QStringLiteral("created_at"));
    body.remove(QStringLiteral("updated_at"));

    auto write = [&](bool insert) -> Result<int> {
        QSqlQuery q = m_db.prepare(
            insert ? QStringLiteral(
                         "INSERT INTO products (id, tenant_id, gtin, category, status, name_en, "
                         "brand, sku, batch_lot, body, created_at, updated_at) VALUES (:id, :t, "
                         ":gtin, :cat, :status, :name, :brand, :sku, :lot, :body, :created, "
                         ":updated) ON CONFLICT (tenant_id, gtin) DO NOTHING")
                   : QStringLiteral(
                         "UPDATE products SET category = :cat, status = :status, name_en = "
                         ":name, brand = :brand, sku = :sku, batch_lot = :lot, body = :body, "
                         "updated_at = :updated, row_version = row_version + 1 WHERE id = :id "
                         "AND tenant_id = :t AND gtin = :gtin") +
                         (expectedVersion ? QStringLiteral(" AND row_version = :rv") : QString()));
        q.bindValue(QStringLiteral(":id"), p.id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":gtin"), p.gtin);
        bindColumns(q, p, body);
        if (insert)
            q.bindValue(QStringLiteral(":created"), now);
        else if (expectedVersion)
            q.bindValue(QStringLiteral(":rv"), *expectedVersion);
        q.bindValue(QStringLiteral(":updated"), now);
        if (Status s = Database::exec(q); !s.ok())
            return s.error();
        return q.numRowsAffected();
    };
    auto update = [&](const Product& existing) -> Result<Saved> {
        p.id = existing.id;
        p.createdAt = existing.createdAt;
        auto done = write(false);
        if (!done.ok())
            return done.error();
        if (*done == 0 && expectedVersion) {
            const auto current = get(existing.id);
            return versionMismatch(*expectedVersion, current ? current->rowVersion : 0);
        }
        p.rowVersion = existing.rowVersion + 1;
        if (const auto current = get(existing.id))
            p.rowVersion = current->rowVersion;
        saved.created = false;
        return saved;
    };

    if (const auto existing = findByGtin(p.gtin))
        return update(*existing);
    p.id = sql::newId();
    p.createdAt = p.updatedAt;
    auto inserted = write(true);
    if (!inserted.ok())
        return inserted.error();
    if (*inserted == 1) {
        saved.created = true;
        p.rowVersion = 1;
        return saved;
    }
    // Another writer (a second server on the same PostgreSQL database) created
    // this GTIN between our lookup and our insert: update its row instead.
    if (const auto existing = findByGtin(p.gtin))
        return update(*existing);
    return Error{QStringLiteral("gtin"), QStringLiteral("the product changed meanwhile; try again"),
                 QStringLiteral("conflict")};
}

Result<Product> ProductRepository::create(const QJsonObject& json)
{
    if (const auto problems = errors(json); !problems.isEmpty())
        return sql::validationError(problems);
    const QString gtin = json.value(QStringLiteral("gtin")).toString();
    if (findByGtin(gtin))
        return Error{QStringLiteral("gtin"),
                     QStringLiteral("a product with GTIN %1 already exists").arg(gtin),
                     QStringLiteral("duplicate_gtin")};
    auto saved = save(json);
    if (!saved.ok())
        return saved.error();
    if (!saved->created) // a concurrent writer won the race for this GTIN
        return Error{QStringLiteral("gtin"),
                     QStringLiteral("a product with GTIN %1 already exists").arg(gtin),
                     QStringLiteral("duplicate_gtin")};
    return saved->product;
}

Result<Product> ProductRepository::update(const QString& id, const QJsonObject& patch,
                                          std::optional<qint64> expectedVersion)
{
    const auto existing = get(id);
    if (!existing || existing->status == u"deleted")
        return sql::notFound(QStringLiteral("id"), QStringLiteral("product"));
    // A stale client learns that before any field problem of its (stale) patch.
    if (expectedVersion && *expectedVersion != existing->rowVersion)
        return versionMismatch(*expectedVersion, existing->rowVersion);
    QJsonObject merged = existing->toJson();
    if (patch.contains(QStringLiteral("gtin"))) {
        const auto gtin = gs1::Gtin::parse(patch.value(QStringLiteral("gtin")).toString());
        if (!gtin.ok() || gtin->gtin14() != existing->gtin)
            return Error{QStringLiteral("gtin"),
                         QStringLiteral("the GTIN identifies the product and cannot change; "
                                        "create a new product instead"),
                         QStringLiteral("immutable")};
    }
    if (patch.contains(QStringLiteral("status")) &&
        patch.value(QStringLiteral("status")).toString() != existing->status)
        return Error{QStringLiteral("status"), QStringLiteral("use DELETE to delete a product"),
                     QStringLiteral("immutable")};
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() == u"id" || it.key() == u"created_at" || it.key() == u"updated_at" ||
            it.key() == u"version")
            continue;
        merged.insert(it.key(), it.value());
    }
    merged.remove(QStringLiteral("id"));
    merged.remove(QStringLiteral("created_at"));
    merged.remove(QStringLiteral("updated_at"));
    auto saved = saveJournaled(merged, expectedVersion);
    if (!saved.ok())
        return saved.error();
    return saved->product;
}

std::optional<Product> ProductRepository::resolve(const QString& reference) const
{
    std::optional<Product> p =
        gs1::Gtin::isValid(reference) ? findByGtin(reference) : get(reference);
    if (p && p->status == u"deleted")
        return std::nullopt;
    return p;
}

Result<ProductRepository::Page> ProductRepository::page(int limit,
                                                        const QString& startingAfter) const
{
    if (limit < 1 || limit > 100)
        return Error{QStringLiteral("limit"), QStringLiteral("must be between 1 and 100"),
                     QStringLiteral("out_of_range")};
    // Not a null QString: Qt Sql binds that as NULL, and "gtin > NULL" matches nothing.
    QString afterGtin = QStringLiteral("");
    if (!startingAfter.isEmpty()) {
        const auto cursor = get(startingAfter);
        if (!cursor)
            return Error{QStringLiteral("starting_after"),
                         QStringLiteral("no product with id %1").arg(startingAfter),
                         QStringLiteral("invalid_cursor")};
        afterGtin = cursor->gtin;
    }
    // GTINs are unique per tenant, so they order the pages without gaps or repeats.
    QSqlQuery q = m_db.prepare(
        QLatin1String(kSelect) +
        QStringLiteral(" WHERE tenant_id = :t AND status <> 'deleted' AND gtin > :after") +
        scopeClause() + QStringLiteral(" ORDER BY gtin LIMIT :n"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    bindScope(q);
    q.bindValue(QStringLiteral(":after"), afterGtin);
    q.bindValue(QStringLiteral(":n"), limit + 1);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    Page page;
    while (q.next())
        page.items.append(productFrom(q));
    if (page.items.size() > limit) {
        page.items.removeLast();
        page.hasMore = true;
    }
    return page;
}

std::optional<Product> ProductRepository::get(const QString& id) const
{
    if (!m_supplierScope)
        return sql::rowById<Product>(m_db, kSelect, id, m_tenantId, productFrom);
    QSqlQuery q =
        m_db.prepare(QLatin1String(kSelect) + QStringLiteral(" WHERE id = :id AND tenant_id = :t") +
                     scopeClause());
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    bindScope(q);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return productFrom(q);
}

std::optional<Product> ProductRepository::findByGtin(const QString& gtin) const
{
    const auto parsed = gs1::Gtin::parse(gtin);
    if (!parsed.ok())
        return std::nullopt;
    QSqlQuery q =
        m_db.prepare(QLatin1String(kSelect) +
                     QStringLiteral(" WHERE gtin = :g AND tenant_id = :t") + scopeClause());
    q.bindValue(QStringLiteral(":g"), parsed->gtin14());
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    bindScope(q);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return productFrom(q);
}

QList<Product> ProductRepository::list(const QString& category, bool includeDeleted) const
{
    QString sql = QLatin1String(kSelect) + QStringLiteral(" WHERE tenant_id = :t");
    if (!category.isEmpty())
        sql += QStringLiteral(" AND category = :cat");
    if (!includeDeleted)
        sql += QStringLiteral(" AND status <> 'deleted'");
    sql += scopeClause() + QStringLiteral(" ORDER BY gtin");
    QSqlQuery q = m_db.prepare(sql);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    bindScope(q);
    if (!category.isEmpty())
        q.bindValue(QStringLiteral(":cat"), category);
    QList<Product> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(productFrom(q));
    return out;
}

int ProductRepository::count() const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral(
            "SELECT COUNT(*) FROM products WHERE tenant_id = :t AND status <> 'deleted'") +
        scopeClause());
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    bindScope(q);
    if (!Database::exec(q).ok() || !q.next())
        return 0;
    return q.value(0).toInt();
}

Status ProductRepository::remove(const QString& id, std::optional<qint64> expectedVersion)
{
    auto product = get(id);
    if (!product)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("product"));
    if (expectedVersion && *expectedVersion != product->rowVersion)
        return versionMismatch(*expectedVersion, product->rowVersion);
    QJsonObject body = product->toJson();
    body.insert(QStringLiteral("status"), QStringLiteral("deleted"));
    body.remove(QStringLiteral("id"));
    body.remove(QStringLiteral("created_at"));
    body.remove(QStringLiteral("updated_at"));
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE products SET status = 'deleted', body = :body, updated_at = :u, "
                       "row_version = row_version + 1 WHERE id = :id AND tenant_id = :t") +
        (expectedVersion ? QStringLiteral(" AND row_version = :rv") : QString()));
    if (expectedVersion)
        q.bindValue(QStringLiteral(":rv"), *expectedVersion);
    q.bindValue(QStringLiteral(":body"), sql::toText(body));
    q.bindValue(QStringLiteral(":u"), Database::now());
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    return m_db.transaction([&]() -> Status {
        if (Status s = Database::exec(q); !s.ok())
            return s;
        if (q.numRowsAffected() == 0 && expectedVersion) {
            const auto current = get(id);
            return versionMismatch(*expectedVersion, current ? current->rowVersion : 0);
        }
        return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::Product), id,
                                          QStringLiteral("deleted"),
                                          QJsonObject{{QStringLiteral("gtin"), product->gtin}});
    });
}

} // namespace dpp::store
