// RolePolicy: what a user's role allows, as the scope set a session (or an OAuth2 token
// acting for the user) carries, plus the field limits some roles have on a scope. The one
// table behind role checks; the route table's scope check enforces it (README: "Accounts,
// sessions, roles and OAuth2").
#pragma once

#include "fieldspec.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace dpp::passport {

class RolePolicy
{
public:
    /// Scope that lists and manages every tenant; never grantable to an API key.
    static inline const QString kTenantsManage = QStringLiteral("tenants:manage");

    /// The scopes of `role`; empty for an unknown role (which therefore may do nothing).
    static QStringList scopesFor(const QString& role);
    /// scope → the only top-level JSON fields the role may PATCH under that scope. A scope
    /// listed here allows nothing but PATCH requests limited to those fields.
    static QHash<QString, QStringList> fieldLimitsFor(const QString& role);
    /// Which projection of products and passports a session of `role` reads: retail
    /// partners the public one (what a consumer scanning the label sees), every other role
    /// (and API keys, which have no role) the owner's full data.
    static Audience audienceFor(const QString& role);
    /// True when every scope of `role` is in `held` (nobody can hand out more than they hold).
    static bool canGrant(const QStringList& held, const QString& role);
};

} // namespace dpp::passport
