// dppctl export --format csv|json|jsonld [--gtin G] [--tenant NAME]
//               [--audience public|legitimate_interest|authority|owner]
// CSV and JSON list products (owner view); JSON-LD is the passport as the
// chosen audience (default public) may see it: one document with --gtin,
// otherwise a JSON array of documents.
#include "commands.h"
#include "storeaccess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>
#include <export/jsonldwriter.h>
#include <export/productexporter.h>
#include <gs1/gtin.h>
#include <store/passportrepository.h>
#include <store/productrepository.h>

namespace dpp::ctl {

int runExport(const QStringList& arguments)
{
    QStringList args = arguments;
    const QStringList format = takeOption(args, QStringLiteral("format"));
    const QStringList gtin = takeOption(args, QStringLiteral("gtin"));
    const QStringList tenantName = takeOption(args, QStringLiteral("tenant"));
    const QStringList audienceName = takeOption(args, QStringLiteral("audience"));
    if (!args.isEmpty())
        return usageError("export", QStringLiteral("unexpected argument '%1'").arg(args.first()));
    if (format.size() != 1 || !QStringList{"csv", "json", "jsonld"}.contains(format.first()))
        return usageError("export", QStringLiteral("--format must be csv, json or jsonld"));
    passport::Audience audience = passport::Audience::Public;
    if (!audienceName.isEmpty() && !passport::parseAudience(audienceName.first(), &audience))
        return printError(
            {QStringLiteral("audience"),
             QStringLiteral("must be public, legitimate_interest, authority or owner"),
             QStringLiteral("invalid")});
    if (!gtin.isEmpty()) {
        const auto parsed = gs1::Gtin::parse(gtin.first());
        if (!parsed.ok())
            return printError(parsed.error());
    }
    auto db = openStore();
    if (!db.ok())
        return printError(db.error());
    auto tenant = resolveTenant(**db, tenantName.value(0));
    if (!tenant.ok())
        return printError(tenant.error());
    store::ProductRepository products(**db, tenant->id);
    QList<passport::Product> list;
    if (gtin.isEmpty()) {
        list = products.list();
    } else if (auto p = products.findByGtin(gtin.first())) {
        list.append(*p);
    } else {
        return printError({QStringLiteral("gtin"),
                           QStringLiteral("no product with GTIN %1").arg(gtin.first()),
                           QStringLiteral("not_found")});
    }

    QByteArray out;
    if (format.first() == QLatin1String("csv")) {
        out = exporting::ProductExporter::toCsv(list);
    } else if (format.first() == QLatin1String("json")) {
        out = exporting::ProductExporter::toJson(list);
    } else {
        store::PassportRepository passports(**db, tenant->id);
        QJsonArray docs;
        for (const passport::Product& p : list)
            docs.append(exporting::JsonLdWriter::passport(p, passports.published(p.id), audience));
        out = gtin.isEmpty()
                  ? QJsonDocument(docs).toJson(QJsonDocument::Indented)
                  : QJsonDocument(docs.first().toObject()).toJson(QJsonDocument::Indented);
    }
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    return kExitOk;
}

} // namespace dpp::ctl
