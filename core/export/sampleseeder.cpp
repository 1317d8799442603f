#include "sampleseeder.h"

#include "store/passportpublisher.h"
#include "store/productrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace dpp::exporting {

Result<QJsonObject> SampleSeeder::seed(store::Database& db, const QString& tenantId,
                                       const QString& publicBase)
{
    QFile file(QStringLiteral(":/samples/seed.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("samples"), QStringLiteral("the bundled samples are missing"),
                     QString()};
    const QJsonArray samples = QJsonDocument::fromJson(file.readAll())
                                   .object()
                                   .value(QStringLiteral("products"))
                                   .toArray();

    store::ProductRepository products(db, tenantId);
    store::PassportPublisher publisher(db, tenantId);
    publisher.setPublicBase(publicBase);
    int created = 0, published = 0;
    // All samples or none: a tenant whose GCPs exclude a sample GTIN gets nothing.
    const Status s = db.transaction([&]() -> Status {
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const QJsonObject sample = samples[i].toObject();
            const QJsonObject productJson = sample.value(QStringLiteral("product")).toObject();
            auto saved = products.save(productJson);
            if (!saved.ok())
                return Error{QStringLiteral("samples[%1].%2").arg(i).arg(saved.error().param),
                             QStringLiteral("%1: %2").arg(
                                 productJson.value(QStringLiteral("gtin")).toString(),
                                 saved.error().message),
                             saved.error().code};
            created += saved->created ? 1 : 0;
            const QJsonObject passport = sample.value(QStringLiteral("passport")).toObject();
            const QString kind = passport.value(QStringLiteral("kind")).toString();
            // "product.battery": the battery passport publishes the product's battery data.
            const QJsonObject data = passport.value(QStringLiteral("data")).isString()
                                         ? productJson.value(QStringLiteral("battery")).toObject()
                                         : passport.value(QStringLiteral("data")).toObject();
            // Re-seeding is idempotent: an unchanged sample publishes nothing.
            auto done = publisher.publish(saved->product.id, kind, data);
            if (!done.ok() && done.error().code == QLatin1String("unchanged"))
                continue;
            if (!done.ok())
                return done.error();
            ++published;
        }
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    return QJsonObject{{QStringLiteral("products"), int(samples.size())},
                       {QStringLiteral("created"), created},
                       {QStringLiteral("passports_published"), published}};
}

} // namespace dpp::exporting
