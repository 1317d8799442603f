#include "resolverlookup.h"

#include "sqlhelpers.h"

namespace dpp::store {

Result<ResolverRecord> ResolverLookup::find(const Database& db, const QString& gtin14)
{
    // One round trip: the links and the product they belong to.
    QSqlQuery q = db.prepare(QStringLiteral(
        "SELECT l.tenant_id, l.id, l.level, l.qualifier, l.link_type, l.href, l.title, "
        "l.media_type, l.languages, l.context, l.is_default, l.device, p.id, p.name_en, p.status "
        "FROM resolver_links l LEFT JOIN products p ON p.tenant_id = l.tenant_id AND p.gtin = "
        "l.gtin WHERE l.gtin = :g ORDER BY l.created_at, l.id"));
    q.setForwardOnly(true);
    q.bindValue(QStringLiteral(":g"), gtin14);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    ResolverRecord record;
    while (q.next()) {
        const QString tenant = q.value(0).toString();
        if (record.tenantId.isEmpty()) {
            if (q.value(14).toString() == QLatin1String("deleted"))
                continue;
            record.tenantId = tenant;
            record.productId = q.value(12).toString();
            record.itemDescription = q.value(13).toString();
        } else if (tenant != record.tenantId)
            continue;
        passport::ResolverLink l;
        l.id = q.value(1).toString();
        l.gtin = gtin14;
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
        l.productId = record.productId;
        record.links.append(l);
    }
    if (!record.tenantId.isEmpty() && record.itemDescription.isEmpty())
        record.itemDescription = QStringLiteral("GTIN %1").arg(gtin14);
    return record;
}

} // namespace dpp::store
