// FieldSpec: the one description of a data field (JSON key, type, limits,
// allowed values, data class and Battery Regulation access group). Product,
// battery, material, wine e-label … tables of FieldSpecs drive validation,
// the CSV template columns and the audience projection, so a field is
// declared once and every consumer agrees on it.
#pragma once

#include "fielderror.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace dpp::passport {

enum class FieldType {
    Text,     // string, maxLength applies
    Number,   // any JSON number within [min, max]
    Integer,  // whole number within [min, max]
    Percent,  // number 0–100
    Boolean,  // JSON true/false
    Url,      // absolute http(s) URL
    Country,  // ISO 3166-1 alpha-2
    Enum,     // one of `values`
    Date,     // YYYY-MM-DD
    YearMonth // YYYY-MM or YYYY-MM-DD (the battery longlist uses YYYY-MM)
};

// ESPR-style data class: who may see a field at all.
enum class DataClass { Public, Restricted, Confidential };

// Battery Regulation Art. 77(2) / Annex XIII access group (see ../shared/research/dpp.md §2):
// Public = point 1; LegitimateInterestAndAuthority = point 2 (legitimate interest,
// notified bodies, market surveillance, Commission); Authority = point 3 (notified
// bodies, market surveillance, Commission only); LegitimateInterest = point 4
// (individual battery data). Internal = never leaves the owner (drafts, supplier data).
enum class AccessGroup {
    Public,
    LegitimateInterest,
    LegitimateInterestAndAuthority,
    Authority,
    Internal
};

// Who is looking: the audiences a passport is projected for.
enum class Audience { Public, LegitimateInterest, Authority, Owner };

QString toString(DataClass c);
QString toString(AccessGroup g);
QString toString(Audience a);
bool parseAudience(const QString& text, Audience* out);

// Whether a field with this metadata may be shown to `audience`.
bool isVisible(DataClass dataClass, AccessGroup group, Audience audience);

struct FieldSpec
{
    QString key;
    FieldType type = FieldType::Text;
    double min = 0;
    double max = 0;     // 0/0 = unbounded for Number/Integer
    QStringList values; // Enum
    int maxLength = 200;
    DataClass dataClass = DataClass::Public;
    AccessGroup access = AccessGroup::Public;
    QString label; // English description for templates and viewers
};

// Builds a FieldSpec. The data class follows the access group: public stays
// public, internal is confidential, every restricted group is restricted.
FieldSpec makeField(const char* key, FieldType type, const char* label, double min = 0,
                    double max = 0, QStringList values = {}, int maxLength = 200,
                    AccessGroup access = AccessGroup::Public);

// Checks every key of `object` against `specs` and appends errors with params
// `prefix.key`. Unknown keys are errors, so a typo never silently disappears.
// Null values count as "not given". `required` keys must be present and non-empty.
void validateObject(const QJsonObject& object, const QList<FieldSpec>& specs, const QString& prefix,
                    FieldErrors& errors, const QStringList& required = {},
                    const QStringList& structuredKeys = {});

// Checks one value against one spec; empty string when fine.
QString checkValue(const FieldSpec& spec, const QJsonValue& value);

const FieldSpec* findSpec(const QList<FieldSpec>& specs, QStringView key);

} // namespace dpp::passport
