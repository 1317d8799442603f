#include "publishedpassportlookup.h"

#include "passportrepository.h"
#include "productrepository.h"

namespace dpp::store {

std::optional<PublishedPassportLookup::Found>
PublishedPassportLookup::find(const QString& gtin14, const QString& preferredTenant) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT p.tenant_id FROM products p JOIN passport_versions v ON v.product_id = p.id "
        "AND v.status = 'published' WHERE p.gtin = :gtin AND p.status = 'active' "
        "ORDER BY p.created_at, p.tenant_id"));
    q.bindValue(QStringLiteral(":gtin"), gtin14);
    if (!Database::exec(q).ok())
        return std::nullopt;
    QStringList tenants;
    while (q.next())
        tenants.append(q.value(0).toString());
    if (tenants.isEmpty())
        return std::nullopt;
    const QString tenant = tenants.contains(preferredTenant) ? preferredTenant : tenants.first();

    auto product = ProductRepository(m_db, tenant).findByGtin(gtin14);
    if (!product || product->status != QLatin1String("active"))
        return std::nullopt;
    auto version = PassportRepository(m_db, tenant).published(product->id);
    if (!version)
        return std::nullopt;
    return Found{tenant, std::move(*product), std::move(*version)};
}

} // namespace dpp::store
