// UserRepository: the people of one tenant and their roles.
#pragma once

#include "database.h"
#include "passport/user.h"

#include <optional>

namespace dpp::store {

class UserRepository
{
public:
    UserRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId)) {}

    Result<passport::User> create(const QString& email, const QString& role);
    /// A user who can log in: validates e-mail, role and password (param names as in the
    /// API), refuses an e-mail that logs in anywhere already ("duplicate_email"), stores the
    /// user and the argon2id hash in one transaction. What the API and dppctl both call.
    /// `supplierId`: for role "supplier" the supplier record the user acts for (checked by
    /// checkSupplier); refused for other roles.
    Result<passport::User> createLogin(const QString& email, const QString& role,
                                       const QString& password, const QString& supplierId = {});
    QList<passport::User> list() const;
    std::optional<passport::User> get(const QString& id) const;
    /// Links a supplier-role user to a supplier of this tenant (param "supplier_id").
    Result<passport::User> setSupplier(const QString& userId, const QString& supplierId);
    /// The rule for users.supplier_id: only for role "supplier", and the supplier must
    /// exist in this tenant. Error param "supplier_id".
    Status checkSupplier(const QString& role, const QString& supplierId) const;

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
