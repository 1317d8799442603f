// EprRegistrationRepository: one tenant's EPR registrations, one per Member
// State and regime (saving again replaces it).
#pragma once

#include "database.h"
#include "passport/eprregistration.h"

namespace dpp::store {

class EprRegistrationRepository
{
public:
    EprRegistrationRepository(Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    Result<passport::EprRegistration> save(passport::EprRegistration registration);
    QList<passport::EprRegistration> list() const;

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
