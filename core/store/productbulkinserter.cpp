#include "productbulkinserter.h"

#include "changejournal.h"

#include "productrepository.h"
#include "sqlhelpers.h"
#include "tenantrepository.h"

#include <QSet>
#include <passport/product.h>

namespace dpp::store {

using passport::Product;

Result<int> ProductBulkInserter::insert(const QList<QJsonObject>& products)
{
    const auto tenant = TenantRepository(m_db).findById(m_tenantId);
    if (!tenant)
        return sql::notFound(QStringLiteral("tenant"), QStringLiteral("tenant"));
    QList<Product> parsed;
    parsed.reserve(products.size());
    QSet<QString> seen;
    for (qsizetype i = 0; i < products.size(); ++i) {
        const QString prefix = QStringLiteral("products[%1]").arg(i);
        const auto problems = Product::validate(products[i], tenant->gcps);
        if (!problems.isEmpty())
            return Error{prefix + u'.' + problems.first().param, problems.first().message,
                         QStringLiteral("validation_error")};
        Product p = Product::fromJson(products[i]);
        if (seen.contains(p.gtin))
            return Error{prefix + QStringLiteral(".gtin"),
                         QStringLiteral("GTIN %1 appears twice in the batch").arg(p.gtin),
                         QStringLiteral("duplicate_gtin")};
        seen.insert(p.gtin);
        parsed.append(std::move(p));
    }
    int created = 0;
    const Status done = m_db.transaction([&]() -> Status {
        const QString now = Database::now();
        ChangeJournal journal(m_db);
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO products (id, tenant_id, gtin, category, status, name_en, brand, sku, "
            "batch_lot, body, created_at, updated_at) VALUES (:id, :t, :gtin, :cat, :status, "
            ":name, :brand, :sku, :lot, :body, :created, :updated)"));
        for (qsizetype i = 0; i < parsed.size(); ++i) {
            const Product& p = parsed[i];
            QJsonObject body = p.toJson();
            body.remove(QStringLiteral("id"));
            body.remove(QStringLiteral("created_at"));
            body.remove(QStringLiteral("updated_at"));
            const QString id = sql::newId();
            q.bindValue(QStringLiteral(":id"), id);
            q.bindValue(QStringLiteral(":t"), m_tenantId);
            q.bindValue(QStringLiteral(":gtin"), p.gtin);
            ProductRepository::bindColumns(q, p, body);
            q.bindValue(QStringLiteral(":created"), now);
            q.bindValue(QStringLiteral(":updated"), now);
            // A unique-key violation here is a GTIN the tenant already has.
            if (Status s = Database::exec(q); !s.ok())
                return Error{
                    QStringLiteral("products[%1].gtin").arg(i),
                    QStringLiteral("cannot insert GTIN %1: %2").arg(p.gtin, s.error().message),
                    QStringLiteral("duplicate_gtin")};
            // The same entry ProductRepository::save() writes for a new product.
            if (Status s =
                    journal.record(m_tenantId, QLatin1String(ChangeJournal::Product), id,
                                   QStringLiteral("created"), {{QStringLiteral("gtin"), p.gtin}});
                !s.ok())
                return s;
            ++created;
        }
        return Ok{};
    });
    if (!done.ok())
        return done.error();
    return created;
}

} // namespace dpp::store
