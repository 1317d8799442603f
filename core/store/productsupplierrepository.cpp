#include "productsupplierrepository.h"

#include "changejournal.h"

#include "sqlhelpers.h"

namespace dpp::store {

using passport::ProductSupplier;

namespace {
ProductSupplier linkFrom(const QSqlQuery& q)
{
    ProductSupplier l;
    l.productId = q.value(0).toString();
    l.supplierId = q.value(1).toString();
    l.role = q.value(2).toString();
    l.createdAt = sql::timeFrom(q.value(3));
    return l;
}
} // namespace

bool ProductSupplierRepository::owns(const char* table, const QString& id) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = :id AND tenant_id = :t")
                                   .arg(QLatin1String(table)));
    q.bindValue(QStringLiteral(":id"), id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    return Database::exec(q).ok() && q.next();
}

Result<ProductSupplier> ProductSupplierRepository::link(ProductSupplier link)
{
    if (const auto errors = link.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    link.createdAt = QDateTime::fromString(Database::now(), Qt::ISODateWithMs);
    const Status s = m_db.transaction([&]() -> Status {
        if (!owns("products", link.productId))
            return sql::notFound(QStringLiteral("productId"), QStringLiteral("product"));
        if (!owns("suppliers", link.supplierId))
            return sql::notFound(QStringLiteral("supplierId"), QStringLiteral("supplier"));
        // Checked first rather than caught from the primary key: a failed INSERT would
        // abort a PostgreSQL transaction and log about it.
        QSqlQuery dup = m_db.prepare(QStringLiteral(
            "SELECT role FROM product_suppliers WHERE product_id = :p AND supplier_id = :s"));
        dup.bindValue(QStringLiteral(":p"), link.productId);
        dup.bindValue(QStringLiteral(":s"), link.supplierId);
        if (Status e = Database::exec(dup); !e.ok())
            return e;
        if (dup.next())
            return Error{QStringLiteral("supplierId"),
                         QStringLiteral("the supplier is already linked to this product (role "
                                        "\"%1\"); delete the link first to change it")
                             .arg(dup.value(0).toString()),
                         QStringLiteral("duplicate_link")};
        QSqlQuery q = m_db.prepare(
            QStringLiteral("INSERT INTO product_suppliers (tenant_id, product_id, supplier_id, "
                           "role, created_at) VALUES (:t, :p, :s, :r, :at)"));
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":p"), link.productId);
        q.bindValue(QStringLiteral(":s"), link.supplierId);
        q.bindValue(QStringLiteral(":r"), link.role);
        q.bindValue(QStringLiteral(":at"), sql::timeText(link.createdAt));
        if (Status e = Database::exec(q); !e.ok())
            return e;
        // The entity id names both ends: a link has no id of its own.
        return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::ProductSupplier),
                                          link.productId + u'/' + link.supplierId,
                                          QStringLiteral("created"),
                                          {{QStringLiteral("product_id"), link.productId},
                                           {QStringLiteral("supplier_id"), link.supplierId},
                                           {QStringLiteral("role"), link.role}});
    });
    if (!s.ok())
        return s.error();
    return link;
}

Status ProductSupplierRepository::unlink(const QString& productId, const QString& supplierId)
{
    return m_db.transaction([&]() -> Status { return unlinkRow(productId, supplierId); });
}

Status ProductSupplierRepository::unlinkRow(const QString& productId, const QString& supplierId)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM product_suppliers WHERE product_id = "
                                              ":p AND supplier_id = :s AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":s"), supplierId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status e = Database::exec(q); !e.ok())
        return e;
    if (q.numRowsAffected() != 1)
        return sql::notFound(QStringLiteral("supplierId"), QStringLiteral("link to this supplier"));
    return ChangeJournal(m_db).record(
        m_tenantId, QLatin1String(ChangeJournal::ProductSupplier), productId + u'/' + supplierId,
        QStringLiteral("deleted"),
        {{QStringLiteral("product_id"), productId}, {QStringLiteral("supplier_id"), supplierId}});
}

QList<ProductSupplier> ProductSupplierRepository::ofProduct(const QString& productId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT product_id, supplier_id, role, created_at FROM product_suppliers WHERE "
        "product_id = :p AND tenant_id = :t ORDER BY created_at, supplier_id"));
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<ProductSupplier> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(linkFrom(q));
    return out;
}

QList<ProductSupplier> ProductSupplierRepository::ofSupplier(const QString& supplierId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT l.product_id, l.supplier_id, l.role, l.created_at FROM product_suppliers l "
        "JOIN products p ON p.id = l.product_id WHERE l.supplier_id = :s AND l.tenant_id = :t "
        "AND p.status <> 'deleted' ORDER BY p.gtin"));
    q.bindValue(QStringLiteral(":s"), supplierId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<ProductSupplier> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(linkFrom(q));
    return out;
}

} // namespace dpp::store
