// Shared by the two scan stream benchmarks (one process, two processes): the store
// they populate (a load product and a probe product, each with a default link, and an
// analytics:read key) and the percentile they report.
#pragma once

#include <passport/resolverlink.h>
#include <store/apikeyrepository.h>
#include <store/database.h>
#include <store/productrepository.h>
#include <store/resolverlinkrepository.h>
#include <store/tenantrepository.h>

#include <QJsonObject>
#include <algorithm>
#include <vector>

namespace dpp::bench {

// The resolver load hits the first product; probes scan the second.
inline const QByteArray kLoadGtin = "09506000134352";
inline const QByteArray kProbeGtin = "05012345678900";

inline bool addProduct(store::Database& db, const QString& tenant, const QByteArray& gtin)
{
    auto made =
        store::ProductRepository(db, tenant)
            .create(QJsonObject{{QStringLiteral("gtin"), QString::fromLatin1(gtin)},
                                {QStringLiteral("name"),
                                 QJsonObject{{QStringLiteral("en"), QStringLiteral("Bench")}}}});
    if (!made.ok())
        return false;
    passport::ResolverLink link;
    link.gtin = QString::fromLatin1(gtin);
    link.linkType = QStringLiteral("gs1:pip");
    link.href = QStringLiteral("https://example.org/x");
    link.title = QStringLiteral("Product page");
    link.languages = {QStringLiteral("en")};
    link.isDefault = true;
    return store::ResolverLinkRepository(db, tenant).create(link).ok();
}

inline QString populate(const QString& location)
{
    auto db = store::Database::open(location);
    if (!db.ok())
        return {};
    auto tenant = store::TenantRepository(**db).ensure(QStringLiteral("bench"));
    if (!tenant.ok() || !addProduct(**db, tenant->id, kLoadGtin) ||
        !addProduct(**db, tenant->id, kProbeGtin))
        return {};
    auto key = store::ApiKeyRepository(**db, tenant->id)
                   .create(QStringLiteral("bench"), {QStringLiteral("analytics:read")}, false);
    return key.ok() ? key->secret : QString();
}

inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p / 100.0 * double(v.size())));
    return v[i];
}

} // namespace dpp::bench
