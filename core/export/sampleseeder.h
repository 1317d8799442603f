// SampleSeeder: loads the bundled samples (:/samples/seed.json: EUlabel wine
// products, the GS1 sandbox GTIN, the DPP.GS EV battery) into one tenant,
// each product with a published passport. Running it again changes nothing
// when the samples are already there (same passport hash).
#pragma once

#include "result.h"
#include "store/database.h"

#include <QJsonObject>

namespace dpp::exporting {

class SampleSeeder
{
public:
    // {"products": n, "created": n, "passports_published": n}. With a public base URL
    // (dppserver --base-url) publishing also gives each GTIN its resolver links to the
    // viewer page (see PassportRepository::publish).
    static Result<QJsonObject> seed(store::Database& db, const QString& tenantId,
                                    const QString& publicBase = {});
};

} // namespace dpp::exporting
