// JsonLdWriter: a product passport as JSON-LD with an inline @context that
// maps every key to schema.org or the GS1 Web Vocabulary (no network needed to
// process it). Wine e-labels use GS1 food/beverage terms (ingredients,
// allergens, nutrients per 100 ml); battery attributes, which neither
// vocabulary has, use the project vocabulary kBatteryVocabulary. The output is
// built from projectForAudience(), so a public export holds public fields only.
#pragma once

#include "passport/audienceprojection.h"

#include <QJsonObject>
#include <optional>

namespace dpp::exporting {

class JsonLdWriter
{
public:
    static constexpr const char* kBatteryVocabulary = "https://dppstudio.org/voc/battery#";

    // `idBase`: resolver base for the node id, e.g. https://id.gs1.org → …/01/<gtin>[/10/<lot>].
    static QJsonObject passport(const passport::Product& product,
                                const std::optional<passport::PassportVersion>& version,
                                passport::Audience audience = passport::Audience::Public,
                                const QString& idBase = QStringLiteral("https://id.gs1.org"));
};

} // namespace dpp::exporting
