#include "passportpublisher.h"

#include "changejournal.h"
#include "passportrepository.h"

#include "passport/battery.h"

namespace dpp::store {

Result<passport::PassportVersion>
PassportPublisher::amend(const QString& productId, const QString& kind, const QJsonObject& fields,
                         const std::optional<QString>& expectedSha256)
{
    const auto current = PassportRepository(m_db, m_tenantId).published(productId);
    if (!current)
        return Error{QStringLiteral("productId"),
                     QStringLiteral("this product has no published passport to add to; its "
                                    "brand publishes the first version"),
                     QStringLiteral("conflict")};
    if (current->kind != kind)
        return Error{QStringLiteral("kind"),
                     QStringLiteral("the published passport is a %1 passport, not %2")
                         .arg(current->kind, kind),
                     QStringLiteral("validation_error")};
    QJsonObject merged = current->data;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        merged.insert(it.key(), it.value());
    return publish(productId, kind, merged, expectedSha256);
}

Result<passport::PassportVersion>
PassportPublisher::publish(const QString& productId, const QString& kind, const QJsonObject& data,
                           const std::optional<QString>& expectedSha256)
{
    // A battery passport goes public only complete (Battery Regulation Annex XIII, by
    // category): publishing is where the rule bites, for the GUI, the API and the seeder.
    if (kind == u"battery") {
        if (const auto missing = passport::Battery::missingMandatory(data, {});
            !missing.isEmpty()) {
            QStringList fields;
            for (const auto& e : missing)
                fields.append(e.param);
            return Error{missing.first().param,
                         QStringLiteral("a %1 battery passport needs every mandatory field; "
                                        "missing: %2")
                             .arg(data.value(QStringLiteral("category")).toString(),
                                  fields.join(QStringLiteral(", "))),
                         QStringLiteral("validation_error")};
        }
    }
    PassportRepository passports(m_db, m_tenantId);
    passports.setPublicBase(m_publicBase);
    if (expectedSha256) {
        const auto current = passports.published(productId);
        if (!current || current->sha256 != *expectedSha256)
            return Error{QStringLiteral("If-Match"),
                         current ? QStringLiteral("version %1 (sha256 %2) is published now, not "
                                                  "the one you read: merge with it and send "
                                                  "again")
                                       .arg(current->version)
                                       .arg(current->sha256)
                                 : QStringLiteral("this product has no published passport"),
                         QStringLiteral("version_mismatch")};
    }
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
        const passport::PassportVersion& v = **result;
        return ChangeJournal(m_db).record(
            m_tenantId, QLatin1String(ChangeJournal::Passport), productId,
            v.version == 1 ? QStringLiteral("created") : QStringLiteral("updated"),
            QJsonObject{{QStringLiteral("version"), v.version},
                        {QStringLiteral("version_id"), v.id},
                        {QStringLiteral("kind"), kind},
                        {QStringLiteral("sha256"), v.sha256}});
    });
    if (!s.ok())
        return s.error();
    return *result;
}

} // namespace dpp::store
