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
    QList<passport::User> list() const;

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
