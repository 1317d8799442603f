#include "fieldspec.h"

#include "country.h"

#include <QDate>
#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>
#include <cmath>

namespace dpp::passport {

QString toString(DataClass c)
{
    switch (c) {
    case DataClass::Public:
        return QStringLiteral("public");
    case DataClass::Restricted:
        return QStringLiteral("restricted");
    case DataClass::Confidential:
        return QStringLiteral("confidential");
    }
    return {};
}

QString toString(AccessGroup g)
{
    switch (g) {
    case AccessGroup::Public:
        return QStringLiteral("public");
    case AccessGroup::LegitimateInterest:
        return QStringLiteral("legitimate_interest");
    case AccessGroup::LegitimateInterestAndAuthority:
        return QStringLiteral("legitimate_interest_and_authority");
    case AccessGroup::Authority:
        return QStringLiteral("authority");
    case AccessGroup::Internal:
        return QStringLiteral("internal");
    }
    return {};
}

QString toString(Audience a)
{
    switch (a) {
    case Audience::Public:
        return QStringLiteral("public");
    case Audience::LegitimateInterest:
        return QStringLiteral("legitimate_interest");
    case Audience::Authority:
        return QStringLiteral("authority");
    case Audience::Owner:
        return QStringLiteral("owner");
    }
    return {};
}

bool parseAudience(const QString& text, Audience* out)
{
    for (Audience a :
         {Audience::Public, Audience::LegitimateInterest, Audience::Authority, Audience::Owner}) {
        if (toString(a) == text) {
            *out = a;
            return true;
        }
    }
    return false;
}

bool isVisible(DataClass dataClass, AccessGroup group, Audience audience)
{
    if (audience == Audience::Owner)
        return true;
    if (dataClass == DataClass::Confidential || group == AccessGroup::Internal)
        return false;
    switch (group) {
    case AccessGroup::Public:
        // Restricted data of non-battery products is for the same circle as
        // Annex XIII point 2: people with a legitimate interest and authorities.
        return dataClass == DataClass::Public || audience != Audience::Public;
    case AccessGroup::LegitimateInterest:
        return audience == Audience::LegitimateInterest;
    case AccessGroup::LegitimateInterestAndAuthority:
        return audience != Audience::Public;
    case AccessGroup::Authority:
        return audience == Audience::Authority;
    case AccessGroup::Internal:
        return false;
    }
    return false;
}

FieldSpec makeField(const char* key, FieldType type, const char* label, double min, double max,
                    QStringList values, int maxLength, AccessGroup access)
{
    FieldSpec s;
    s.key = QString::fromLatin1(key);
    s.type = type;
    s.min = min;
    s.max = max;
    s.values = std::move(values);
    s.maxLength = maxLength;
    s.access = access;
    s.dataClass = access == AccessGroup::Public     ? DataClass::Public
                  : access == AccessGroup::Internal ? DataClass::Confidential
                                                    : DataClass::Restricted;
    s.label = QString::fromUtf8(label);
    return s;
}

const FieldSpec* findSpec(const QList<FieldSpec>& specs, QStringView key)
{
    for (const FieldSpec& s : specs) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

namespace {
QString formatNumber(double v)
{
    return QString::number(v, 'g', 12);
}

QString checkRange(const FieldSpec& spec, double v)
{
    if (spec.min == 0 && spec.max == 0)
        return {};
    if (v < spec.min || v > spec.max)
        return QStringLiteral("must be between %1 and %2; got %3")
            .arg(formatNumber(spec.min), formatNumber(spec.max), formatNumber(v));
    return {};
}
} // namespace

QString checkValue(const FieldSpec& spec, const QJsonValue& value)
{
    switch (spec.type) {
    case FieldType::Text: {
        if (!value.isString())
            return QStringLiteral("must be text");
        const QString s = value.toString();
        if (s.size() > spec.maxLength)
            return QStringLiteral("must be at most %1 characters; got %2")
                .arg(spec.maxLength)
                .arg(s.size());
        return {};
    }
    case FieldType::Number:
    case FieldType::Integer:
    case FieldType::Percent: {
        if (!value.isDouble())
            return QStringLiteral("must be a number");
        const double v = value.toDouble();
        if (!std::isfinite(v))
            return QStringLiteral("must be a finite number");
        if (spec.type == FieldType::Integer && v != std::floor(v))
            return QStringLiteral("must be a whole number; got %1").arg(formatNumber(v));
        if (spec.type == FieldType::Percent) {
            if (v < 0 || v > 100)
                return QStringLiteral("must be a percentage between 0 and 100; got %1")
                    .arg(formatNumber(v));
            return {};
        }
        return checkRange(spec, v);
    }
    case FieldType::Boolean:
        return value.isBool() ? QString() : QStringLiteral("must be true or false");
    case FieldType::Url: {
        if (!value.isString())
            return QStringLiteral("must be a URL");
        const QUrl url(value.toString(), QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty())
            return QStringLiteral("must be an absolute http(s) URL");
        if (value.toString().size() > 2000)
            return QStringLiteral("must be at most 2000 characters");
        return {};
    }
    case FieldType::Country:
        if (!value.isString() || !isIsoCountry(value.toString()))
            return QStringLiteral("must be an ISO 3166-1 alpha-2 country code such as \"DE\"");
        return {};
    case FieldType::Enum:
        if (!value.isString() || !spec.values.contains(value.toString()))
            return QStringLiteral("must be one of: %1").arg(spec.values.join(QStringLiteral(", ")));
        return {};
    case FieldType::Date:
    case FieldType::YearMonth: {
        if (!value.isString())
            return QStringLiteral("must be a date (YYYY-MM-DD)");
        const QString s = value.toString();
        if (QDate::fromString(s, Qt::ISODate).isValid() && s.size() == 10)
            return {};
        if (spec.type == FieldType::YearMonth && s.size() == 7 &&
            QDate::fromString(s + QStringLiteral("-01"), Qt::ISODate).isValid())
            return {};
        return spec.type == FieldType::YearMonth
                   ? QStringLiteral("must be a date (YYYY-MM or YYYY-MM-DD)")
                   : QStringLiteral("must be a date (YYYY-MM-DD)");
    }
    }
    return {};
}

void validateObject(const QJsonObject& object, const QList<FieldSpec>& specs, const QString& prefix,
                    FieldErrors& errors, const QStringList& required,
                    const QStringList& structuredKeys)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (structuredKeys.contains(it.key()))
            continue; // validated by the owning type
        const FieldSpec* spec = findSpec(specs, it.key());
        if (!spec) {
            errors.append({joinPath(prefix, it.key()), QStringLiteral("unknown field")});
            continue;
        }
        if (it.value().isNull())
            continue;
        const QString problem = checkValue(*spec, it.value());
        if (!problem.isEmpty())
            errors.append({joinPath(prefix, it.key()), problem});
    }
    for (const QString& key : required) {
        const QJsonValue v = object.value(key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            errors.append({joinPath(prefix, key), QStringLiteral("is required")});
    }
}

} // namespace dpp::passport
