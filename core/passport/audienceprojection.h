// The one place that decides which passport fields an audience may see
// (public, legitimate interest, authorities, owner). The API, the viewer and
// exports call projectForAudience() and never filter fields themselves, so the
// Battery Regulation access groups are enforced server side in one spot.
#pragma once

#include "fieldspec.h"
#include "passportversion.h"
#include "product.h"

#include <QJsonArray>
#include <QJsonObject>

namespace dpp::passport {

// {"product": {...visible product fields...}, "passport": {id, version, status,
// kind, sha256, published_at, data: {...visible data fields...}}}. Fields
// without metadata are dropped (fail closed) for every audience but Owner.
QJsonObject projectForAudience(const Product& product, const PassportVersion& passport,
                               Audience audience);

// The product record alone as `audience` may see it (the "product" part of
// projectForAudience): for API answers about a product without its passport.
QJsonObject projectProductForAudience(const Product& product, Audience audience);

// Every field path with its data class and access group, for documentation,
// the API's field catalogue and tests:
// [{"path": "product.battery.chemistry", "data_class": "public", "access_group": "public"}, …]
QJsonArray fieldCatalogue();

} // namespace dpp::passport
