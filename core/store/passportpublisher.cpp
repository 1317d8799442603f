#include "passportpublisher.h"

#include "passportrepository.h"

namespace dpp::store {

Result<passport::PassportVersion>
PassportPublisher::publish(const QString& productId, const QString& kind, const QJsonObject& data)
{
    PassportRepository passports(m_db, m_tenantId);
    passports.setPublicBase(m_publicBase);
    if (const auto current = passports.published(productId);
        current && current->kind == kind &&
        current->sha256 == passport::PassportVersion::hashOf(data))
        return Error{QStringLiteral("data"),
                     QStringLiteral("nothing to publish: version %1 has the same data")
                         .arg(current->version),
                     QStringLiteral("unchanged")};
    std::optional<Result<passport::PassportVersion>> result;
    const Status s = m_db.transaction([&]() -> Status {
        auto draft = passports.createDraft(productId, kind, data);
        if (!draft.ok())
            return draft.error();
        result = passports.publish(draft->id);
        if (!result->ok())
            return result->error();
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    return *result;
}

} // namespace dpp::store
