// UserRepository: the people of one tenant and their roles.
#pragma once

#include "database.h"
#include "passport/user.h"

namespace dpp::store {

class UserRepository
{
public:
    UserRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId)) {}

    Result<passport::User> create(const QString& email, const QString& role);
    /// A user who can log in: validates e-mail, role and password (param names as in the
    /// API), refuses an e-mail that logs in anywhere already ("duplicate_email"), stores the
    /// user and the argon2id hash in one transaction. What the API and dppctl both call.
    Result<passport::User> createLogin(const QString& email, const QString& role,
                                       const QString& password);
    QList<passport::User> list() const;

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
