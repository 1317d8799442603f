#include "rolepolicy.h"

#include "apikey.h"

namespace dpp::passport {

QStringList RolePolicy::scopesFor(const QString& role)
{
    static const QStringList reads = {"products:read",  "passports:read", "suppliers:read",
                                      "analytics:read", "serials:read",   "batteries:read",
                                      "documents:read", "links:read",     "restricted:read"};
    if (role == u"tenant_admin")
        return ApiKey::knownScopes();
    if (role == u"brand_manager")
        return reads + QStringList{"products:write", "passports:write", "suppliers:write",
                                   "serials:write",  "batteries:write", "documents:write",
                                   "links:write",    "webhooks:manage", "api_keys:manage"};
    if (role == u"compliance_officer")
        return reads; // reads everything regulatory, edits nothing commercial
    if (role == u"retail_partner")
        return {"products:read", "passports:read"};
    if (role == u"supplier")
        // Both writes are field-limited below.
        return {"products:read", "products:write", "passports:write"};
    if (role == u"platform_admin")
        return {kTenantsManage};
    return {};
}

QHash<QString, QStringList> RolePolicy::fieldLimitsFor(const QString& role)
{
    // Suppliers submit composition data only, and only for the products linked to their
    // supplier (ProductRepository::restrictToSupplier; users.supplier_id).
    if (role == u"supplier")
        return {{QStringLiteral("products:write"),
                 {QStringLiteral("materials"), QStringLiteral("substances")}},
                // A wine's ingredient list lives in its e-label passport: the supplier
                // amends the published version (PassportPublisher::amend).
                {QStringLiteral("passports:write"), {QStringLiteral("ingredients")}}};
    return {};
}

Audience RolePolicy::audienceFor(const QString& role)
{
    return role == u"retail_partner" ? Audience::Public : Audience::Owner;
}

bool RolePolicy::canGrant(const QStringList& held, const QString& role)
{
    const QStringList wanted = scopesFor(role);
    for (const QString& s : wanted) {
        if (!held.contains(s))
            return false;
    }
    return !wanted.isEmpty();
}

} // namespace dpp::passport
