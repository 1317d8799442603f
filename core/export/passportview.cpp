#include "passportview.h"

#include "jsonldwriter.h"
#include "passport/battery.h"
#include "passport/winelabel.h"
#include "viewerstrings.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QUrlQuery>
#include <cmath>

namespace dpp::exporting {

using passport::Audience;
using passport::FieldSpec;
using passport::FieldType;
using passport::PassportVersion;
using passport::Product;

namespace {

// The inline SVG icons of resources/viewer/icons, read once (thread-safe static init, so a
// GUI preview and an in-process server may render at the same time).
QString icon(const QString& name)
{
    static const QHash<QString, QString> icons = [] {
        QHash<QString, QString> h;
        const QDir dir(QStringLiteral(":/viewer/icons"));
        for (const QString& file : dir.entryList({QStringLiteral("*.svg")}, QDir::Files)) {
            QFile f(dir.filePath(file));
            if (f.open(QIODevice::ReadOnly))
                h.insert(file.chopped(4), QString::fromUtf8(f.readAll()).trimmed());
        }
        return h;
    }();
    return icons.value(name);
}

// Builds one page in one language; keeps the pieces every section needs at hand.
class Builder
{
public:
    Builder(const PassportView::Options& o) : m_o(o) {}

    QString t(const QString& key) const { return ViewerStrings::text(m_o.chromeLanguage, key); }
    QString num(double v) const { return PassportView::formatNumber(v, m_o.chromeLanguage); }
    QString yesNo(bool b) const { return t(b ? QStringLiteral("yes") : QStringLiteral("no")); }
    QString percent(double v) const { return num(v) + QStringLiteral(" %"); }

    // Every key a template loop reads is set on every item, because Mustache looks a missing
    // name up in the enclosing contexts and would otherwise print a neighbour's value.
    static QJsonObject row(const QString& label, const QString& value, const QString& href = {})
    {
        return {{QStringLiteral("label"), label},
                {QStringLiteral("value"), value},
                {QStringLiteral("href"), href}};
    }
    static QJsonObject item(const QString& text, bool strong = false, const QString& detail = {},
                            const QString& warn = {})
    {
        return {{QStringLiteral("text"), text},
                {QStringLiteral("strong"), strong},
                {QStringLiteral("detail"), detail},
                {QStringLiteral("warn"), warn}};
    }
    static QJsonObject section(const QString& id, const QString& title, const QString& iconName)
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("title"), title},
                {QStringLiteral("icon"), icon(iconName)},
                {QStringLiteral("text"), QString()},
                {QStringLiteral("statement"), false},
                {QStringLiteral("table"), false},
                {QStringLiteral("list"), false},
                {QStringLiteral("steps"), false}};
    }
    static void setRows(QJsonObject& s, const QJsonArray& rows)
    {
        if (!rows.isEmpty())
            s.insert(QStringLiteral("table"), QJsonObject{{QStringLiteral("rows"), rows}});
    }
    static void setItems(QJsonObject& s, const QJsonArray& items, const char* key = "list")
    {
        if (!items.isEmpty())
            s.insert(QLatin1String(key), QJsonObject{{QStringLiteral("items"), items}});
    }
    static bool hasContent(const QJsonObject& s)
    {
        return !s.value(QStringLiteral("text")).toString().isEmpty() ||
               s.value(QStringLiteral("statement")).isObject() ||
               s.value(QStringLiteral("table")).isObject() ||
               s.value(QStringLiteral("list")).isObject() ||
               s.value(QStringLiteral("steps")).isObject();
    }

    void add(const QJsonObject& s)
    {
        if (hasContent(s))
            m_sections.append(s);
    }
    QJsonArray sections() const { return m_sections; }

    // A link only where links are allowed: never on a wine e-label (no marketing, no
    // tracking: the page carries the label data and nothing that leads elsewhere).
    QString href(const QString& url) const { return m_noLinks ? QString() : url; }
    void setNoLinks(bool b) { m_noLinks = b; }

    static QString countryName(const QString& code)
    {
        const auto territory = QLocale::codeToTerritory(code);
        if (territory == QLocale::AnyTerritory)
            return code;
        return QLocale::territoryToString(territory) + QStringLiteral(" (") + code + u')';
    }

    // A scalar field by its spec: label in the page language where the chrome has one,
    // else the spec's English label without the longlist number.
    QJsonObject fieldRow(const FieldSpec& spec, const QJsonValue& v) const
    {
        static const QRegularExpression longlistRef(QStringLiteral("\\s*\\(#[^)]*\\)$"));
        const QString key = QStringLiteral("field.") + spec.key;
        QString label = ViewerStrings::has(QStringLiteral("en"), key) ? t(key) : spec.label;
        label.remove(longlistRef);
        QString value;
        QString link;
        switch (spec.type) {
        case FieldType::Number:
        case FieldType::Integer:
            value = num(v.toDouble());
            break;
        case FieldType::Percent:
            value = percent(v.toDouble());
            break;
        case FieldType::Boolean:
            value = yesNo(v.toBool());
            break;
        case FieldType::Url:
            value = v.toString();
            link = href(value);
            break;
        case FieldType::Country:
            value = countryName(v.toString());
            break;
        case FieldType::Enum: {
            const QString k = QStringLiteral("battery.%1.%2").arg(spec.key, v.toString());
            value = ViewerStrings::has(QStringLiteral("en"), k) ? t(k) : v.toString();
            break;
        }
        default:
            value = v.toVariant().toString();
        }
        return row(label, value, link);
    }

    QJsonArray fieldRows(const QList<FieldSpec>& specs, const QJsonObject& data,
                         const QStringList& keys) const
    {
        QJsonArray rows;
        for (const QString& k : keys) {
            const FieldSpec* spec = passport::findSpec(specs, k);
            const QJsonValue v = data.value(k);
            if (spec && !v.isUndefined() && !v.isNull() &&
                !(v.isString() && v.toString().isEmpty()))
                rows.append(fieldRow(*spec, v));
        }
        return rows;
    }

private:
    const PassportView::Options& m_o;
    QJsonArray m_sections;
    bool m_noLinks = false;
};

// Battery Regulation groups for the battery data (Annex XIII and the Battery Pass longlist
// clusters): which group a battery attribute is shown under.
QString batteryGroup(const QString& key)
{
    static const QHash<QString, QString> explicitGroups = [] {
        QHash<QString, QString> h;
        for (const char* k : {"model", "category", "chemistry", "manufacturing_place",
                              "manufacturing_date", "weight_kg", "warranty_years"})
            h.insert(QLatin1String(k), QStringLiteral("batteryGeneral"));
        for (const char* k :
             {"critical_raw_materials", "hazardous_substances", "lithium_kg", "cobalt_kg",
              "nickel_kg", "lead_kg", "natural_graphite_kg", "cadmium_present", "lead_present",
              "cathode_material", "anode_material", "electrolyte_material"})
            h.insert(QLatin1String(k), QStringLiteral("batteryComposition"));
        for (const char* k :
             {"un_number", "extinguishing_agent", "removable", "replaceable",
              "waste_prevention_info", "separate_collection_info", "dismantling_manual_url",
              "spare_parts_source", "part_numbers", "safety_measures"})
            h.insert(QLatin1String(k), QStringLiteral("batteryEndOfLife"));
        for (const char* k :
             {"declaration_of_conformity_url", "due_diligence_report_url", "test_report_url"})
            h.insert(QLatin1String(k), QStringLiteral("compliance"));
        return h;
    }();
    if (explicitGroups.contains(key))
        return explicitGroups.value(key);
    if (key.startsWith(QLatin1String("carbon_footprint")))
        return QStringLiteral("batteryCarbon");
    if (key.startsWith(QLatin1String("recycled_")) || key == QLatin1String("renewable_content_pct"))
        return QStringLiteral("batteryRecycled");
    return QStringLiteral("batteryPerformance");
}

QString groupIcon(const QString& group)
{
    static const QHash<QString, QString> icons = {
        {QStringLiteral("batteryGeneral"), QStringLiteral("battery")},
        {QStringLiteral("batteryPerformance"), QStringLiteral("bolt")},
        {QStringLiteral("batteryCarbon"), QStringLiteral("co2")},
        {QStringLiteral("batteryComposition"), QStringLiteral("materials")},
        {QStringLiteral("batteryRecycled"), QStringLiteral("recycle")},
        {QStringLiteral("batteryEndOfLife"), QStringLiteral("recycle")},
        {QStringLiteral("compliance"), QStringLiteral("compliance")}};
    return icons.value(group, QStringLiteral("info"));
}

// Battery sections in Regulation order; `groups` limits which ones (empty = all).
void addBatteryGroups(Builder& b, const QJsonObject& battery, const QStringList& groups)
{
    static const QStringList order = {
        QStringLiteral("batteryGeneral"),  QStringLiteral("batteryPerformance"),
        QStringLiteral("batteryCarbon"),   QStringLiteral("batteryComposition"),
        QStringLiteral("batteryRecycled"), QStringLiteral("batteryEndOfLife"),
        QStringLiteral("compliance")};
    for (const QString& group : order) {
        if (!groups.isEmpty() && !groups.contains(group))
            continue;
        QStringList keys;
        for (const FieldSpec& s : passport::Battery::fields()) {
            if (batteryGroup(s.key) == group)
                keys.append(s.key);
        }
        QJsonObject s = b.section(group, b.t(group), groupIcon(group));
        b.setRows(s, b.fieldRows(passport::Battery::fields(), battery, keys));
        b.add(s);
    }
}

void addMaterials(Builder& b, const QJsonObject& product, const QString& id, const QString& title,
                  const QString& iconName)
{
    QJsonArray items;
    for (const QJsonValue& v : product.value(QStringLiteral("materials")).toArray()) {
        const QJsonObject m = v.toObject();
        QStringList facts;
        if (m.contains(QStringLiteral("percentage")))
            facts.append(b.percent(m.value(QStringLiteral("percentage")).toDouble()));
        if (m.contains(QStringLiteral("recycled_pct")))
            facts.append(b.percent(m.value(QStringLiteral("recycled_pct")).toDouble()) + u' ' +
                         b.t(QStringLiteral("recycled")));
        if (m.contains(QStringLiteral("renewable_pct")))
            facts.append(b.percent(m.value(QStringLiteral("renewable_pct")).toDouble()) + u' ' +
                         b.t(QStringLiteral("renewable")));
        if (m.value(QStringLiteral("recyclable")).toBool())
            facts.append(b.t(QStringLiteral("recyclable")));
        if (m.contains(QStringLiteral("origin_country")))
            facts.append(
                Builder::countryName(m.value(QStringLiteral("origin_country")).toString()));
        items.append(Builder::item(m.value(QStringLiteral("name")).toString(), false,
                                   facts.join(QStringLiteral(" · "))));
    }
    QJsonObject s = b.section(id, title, iconName);
    b.setItems(s, items);
    b.add(s);
}

void addRecycling(Builder& b, const QJsonObject& product)
{
    QJsonObject s = b.section(QStringLiteral("recycling"), b.t(QStringLiteral("recycling")),
                              QStringLiteral("recycle"));
    QJsonArray items;
    for (const QJsonValue& v : product.value(QStringLiteral("materials")).toArray()) {
        const QJsonObject m = v.toObject();
        const QJsonValue recyclable = m.value(QStringLiteral("recyclable"));
        items.append(Builder::item(m.value(QStringLiteral("name")).toString(), false,
                                   recyclable.isBool() && recyclable.toBool()
                                       ? b.t(QStringLiteral("recyclable"))
                                       : QString()));
    }
    b.setItems(s, items);
    const QString eol = product.value(QStringLiteral("end_of_life_instructions")).toString();
    if (!eol.isEmpty())
        s.insert(QStringLiteral("text"), eol);
    else if (!items.isEmpty())
        s.insert(QStringLiteral("text"), b.t(QStringLiteral("recyclingHint")));
    QJsonArray rows =
        b.fieldRows(Product::fields(), product,
                    {QStringLiteral("recyclability_pct"), QStringLiteral("recycled_content_pct"),
                     QStringLiteral("recycling_info_url")});
    b.setRows(s, rows);
    b.add(s);
}

void addSubstances(Builder& b, const QJsonObject& product)
{
    QJsonArray items;
    for (const QJsonValue& v : product.value(QStringLiteral("substances")).toArray()) {
        const QJsonObject m = v.toObject();
        QStringList facts;
        if (m.contains(QStringLiteral("cas_number")))
            facts.append(QStringLiteral("CAS ") + m.value(QStringLiteral("cas_number")).toString());
        if (m.contains(QStringLiteral("concentration_pct")))
            facts.append(b.percent(m.value(QStringLiteral("concentration_pct")).toDouble()) +
                         QStringLiteral(" w/w"));
        if (m.contains(QStringLiteral("location")))
            facts.append(m.value(QStringLiteral("location")).toString());
        if (m.value(QStringLiteral("svhc")).toBool())
            facts.append(QStringLiteral("SVHC"));
        items.append(Builder::item(
            m.value(QStringLiteral("name")).toString(), m.value(QStringLiteral("svhc")).toBool(),
            facts.join(QStringLiteral(" · ")), m.value(QStringLiteral("hazard_class")).toString()));
    }
    QJsonObject s = b.section(QStringLiteral("substances"), b.t(QStringLiteral("substances")),
                              QStringLiteral("substances"));
    b.setItems(s, items);
    b.add(s);
}

void addDisassembly(Builder& b, const QJsonObject& product)
{
    QJsonArray items;
    for (const QJsonValue& v : product.value(QStringLiteral("disassembly_steps")).toArray()) {
        const QJsonObject m = v.toObject();
        QStringList facts;
        if (!m.value(QStringLiteral("tool")).toString().isEmpty())
            facts.append(b.t(QStringLiteral("tool")) + QStringLiteral(": ") +
                         m.value(QStringLiteral("tool")).toString());
        if (!m.value(QStringLiteral("fastener")).toString().isEmpty())
            facts.append(m.value(QStringLiteral("fastener")).toString());
        if (m.contains(QStringLiteral("duration_min")))
            facts.append(b.num(m.value(QStringLiteral("duration_min")).toDouble()) +
                         QStringLiteral(" min"));
        const QString warning = m.value(QStringLiteral("warning")).toString();
        items.append(Builder::item(m.value(QStringLiteral("description")).toString(), false,
                                   facts.join(QStringLiteral(" · ")),
                                   warning.isEmpty() ? QString()
                                                     : b.t(QStringLiteral("warning")) +
                                                           QStringLiteral(": ") + warning));
    }
    QJsonObject s = b.section(QStringLiteral("disassembly"), b.t(QStringLiteral("disassembly")),
                              QStringLiteral("tools"));
    b.setItems(s, items, "steps");
    b.add(s);
}

// Ingredient statement with every allergen emphasised (Reg. 1169/2011 Art. 21): the text is
// cut into parts, and the template puts allergen parts in <strong>.
QJsonObject statementParts(const QString& text, const QStringList& terms, const QString& lang)
{
    QJsonArray parts;
    QStringList escaped;
    for (const QString& term : terms) {
        if (!term.isEmpty())
            escaped.append(QRegularExpression::escape(term));
    }
    qsizetype pos = 0;
    if (!escaped.isEmpty()) {
        const QRegularExpression re(QStringLiteral("\\b(%1)\\b").arg(escaped.join(u'|')),
                                    QRegularExpression::CaseInsensitiveOption |
                                        QRegularExpression::UseUnicodePropertiesOption);
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            if (m.capturedStart() > pos)
                parts.append(
                    QJsonObject{{QStringLiteral("text"), text.mid(pos, m.capturedStart() - pos)},
                                {QStringLiteral("allergen"), false}});
            parts.append(QJsonObject{{QStringLiteral("text"), m.captured()},
                                     {QStringLiteral("allergen"), true}});
            pos = m.capturedEnd();
        }
    }
    if (pos < text.size())
        parts.append(QJsonObject{{QStringLiteral("text"), text.mid(pos)},
                                 {QStringLiteral("allergen"), false}});
    return {{QStringLiteral("parts"), parts}, {QStringLiteral("lang"), lang}};
}

void addWineConsumer(Builder& b, const QJsonObject& wine, const QJsonObject& product,
                     const PassportView::Options& o)
{
    const QJsonArray ingredients = wine.value(QStringLiteral("ingredients")).toArray();
    QStringList allergenTerms;
    for (const QJsonValue& v : ingredients) {
        if (v.toObject().value(QStringLiteral("allergen")).toBool())
            allergenTerms.append(v.toObject().value(QStringLiteral("name")).toString());
    }
    const QJsonArray allergens = wine.value(QStringLiteral("allergens")).toArray();
    for (const QJsonValue& a : allergens) {
        allergenTerms.append(a.toString());
        allergenTerms.append(
            ViewerStrings::text(o.contentLanguage, QStringLiteral("allergen.") + a.toString()));
    }
    allergenTerms.removeDuplicates();

    // Ingredients: the producer's statement in the content language when there is one,
    // else the list of ingredients in label order.
    QJsonObject s = b.section(QStringLiteral("ingredients"), b.t(QStringLiteral("ingredients")),
                              QStringLiteral("ingredients"));
    const QJsonObject statements = wine.value(QStringLiteral("ingredientStatement")).toObject();
    QString statementLang = o.contentLanguage;
    if (!statements.contains(statementLang))
        statementLang = statements.contains(QStringLiteral("en")) ? QStringLiteral("en")
                                                                  : statements.keys().value(0);
    if (!statementLang.isEmpty() && statements.contains(statementLang)) {
        s.insert(QStringLiteral("statement"),
                 statementParts(statements.value(statementLang).toString(), allergenTerms,
                                statementLang));
    } else {
        QJsonArray items;
        for (const QJsonValue& v : ingredients) {
            const QJsonObject i = v.toObject();
            items.append(Builder::item(i.value(QStringLiteral("name")).toString(),
                                       i.value(QStringLiteral("allergen")).toBool(),
                                       i.value(QStringLiteral("eNumber")).toString()));
        }
        b.setItems(s, items);
    }
    b.add(s);

    QJsonObject a = b.section(QStringLiteral("allergens"), b.t(QStringLiteral("allergens")),
                              QStringLiteral("allergen"));
    QJsonArray allergenItems;
    for (const QJsonValue& v : allergens)
        allergenItems.append(Builder::item(b.t(QStringLiteral("contains")) + QStringLiteral(": ") +
                                               b.t(QStringLiteral("allergen.") + v.toString()),
                                           true));
    b.setItems(a, allergenItems);
    b.add(a);

    const QJsonObject n = wine.value(QStringLiteral("nutrition")).toObject();
    QJsonArray rows;
    if (n.contains(QStringLiteral("energyKj")) || n.contains(QStringLiteral("energyKcal"))) {
        QStringList energy;
        if (n.contains(QStringLiteral("energyKj")))
            energy.append(b.num(n.value(QStringLiteral("energyKj")).toDouble()) +
                          QStringLiteral(" kJ"));
        if (n.contains(QStringLiteral("energyKcal")))
            energy.append(b.num(n.value(QStringLiteral("energyKcal")).toDouble()) +
                          QStringLiteral(" kcal"));
        rows.append(
            Builder::row(b.t(QStringLiteral("energy")), energy.join(QStringLiteral(" / "))));
    }
    for (const char* k : {"fat", "saturates", "carbohydrate", "sugars", "protein", "salt"}) {
        const QString key = QLatin1String(k);
        if (n.contains(key))
            rows.append(
                Builder::row(b.t(key), b.num(n.value(key).toDouble()) + QStringLiteral(" g")));
    }
    QJsonObject nutrition = b.section(QStringLiteral("nutrition"), b.t(QStringLiteral("nutrition")),
                                      QStringLiteral("nutrition"));
    b.setRows(nutrition, rows);
    b.add(nutrition);

    QJsonArray details;
    if (wine.contains(QStringLiteral("alcoholPct")))
        details.append(Builder::row(b.t(QStringLiteral("alcohol")),
                                    b.num(wine.value(QStringLiteral("alcoholPct")).toDouble()) +
                                        QStringLiteral(" % vol")));
    const double ml = wine.value(QStringLiteral("netContentMl"))
                          .toDouble(product.value(QStringLiteral("net_content_ml")).toDouble());
    if (ml > 0)
        details.append(
            Builder::row(b.t(QStringLiteral("netContent")), b.num(ml) + QStringLiteral(" ml")));
    if (wine.contains(QStringLiteral("vintage")))
        details.append(
            Builder::row(b.t(QStringLiteral("vintage")),
                         QString::number(wine.value(QStringLiteral("vintage")).toInt())));
    if (!wine.value(QStringLiteral("grapeVariety")).toString().isEmpty())
        details.append(
            Builder::row(passport::findSpec(passport::WineLabel::fields(), u"grapeVariety")->label,
                         wine.value(QStringLiteral("grapeVariety")).toString()));
    if (wine.value(QStringLiteral("bottledUnderProtectiveAtmosphere")).toBool())
        details.append(Builder::row(b.t(QStringLiteral("protectiveAtmosphere")), b.yesNo(true)));
    QJsonObject d = b.section(QStringLiteral("wine"), b.t(QStringLiteral("wineElabel")),
                              QStringLiteral("wine"));
    b.setRows(d, details);
    b.add(d);

    const QJsonObject origin = wine.value(QStringLiteral("origin")).toObject();
    QJsonArray originRows;
    if (origin.contains(QStringLiteral("country")))
        originRows.append(
            Builder::row(b.t(QStringLiteral("country")),
                         Builder::countryName(origin.value(QStringLiteral("country")).toString())));
    if (origin.contains(QStringLiteral("region")))
        originRows.append(Builder::row(b.t(QStringLiteral("region")),
                                       origin.value(QStringLiteral("region")).toString()));
    if (origin.contains(QStringLiteral("designation"))) {
        QString value = origin.value(QStringLiteral("designation")).toString();
        const QString type = origin.value(QStringLiteral("designationType")).toString();
        if (!type.isEmpty() && type != QLatin1String("none"))
            value += QStringLiteral(" (") + type + u')';
        originRows.append(Builder::row(b.t(QStringLiteral("designation")), value));
    }
    for (const QJsonValue& v : wine.value(QStringLiteral("producers")).toArray()) {
        const QJsonObject p = v.toObject();
        QString value = p.value(QStringLiteral("name")).toString();
        if (p.contains(QStringLiteral("country")))
            value += QStringLiteral(", ") + p.value(QStringLiteral("country")).toString();
        originRows.append(Builder::row(b.t(QStringLiteral("producer")), value));
    }
    QJsonObject og = b.section(QStringLiteral("origin"), b.t(QStringLiteral("origin")),
                               QStringLiteral("origin"));
    b.setRows(og, originRows);
    b.add(og);

    addRecycling(b, product);
}

QStringList productRowKeys(bool regulator)
{
    if (regulator)
        return {QStringLiteral("ce_marking"),      QStringLiteral("reach_compliant"),
                QStringLiteral("rohs_compliant"),  QStringLiteral("contains_svhc"),
                QStringLiteral("energy_class"),    QStringLiteral("declaration_of_conformity_url"),
                QStringLiteral("safety_info_url"), QStringLiteral("hs_code")};
    return {QStringLiteral("description"),
            QStringLiteral("country_of_origin"),
            QStringLiteral("net_weight_kg"),
            QStringLiteral("carbon_footprint_kg_co2e"),
            QStringLiteral("carbon_footprint_class"),
            QStringLiteral("recycled_content_pct"),
            QStringLiteral("renewable_content_pct"),
            QStringLiteral("repairability_score"),
            QStringLiteral("spare_parts_years"),
            QStringLiteral("software_updates_years"),
            QStringLiteral("expected_lifetime_years"),
            QStringLiteral("warranty_years"),
            QStringLiteral("energy_class"),
            QStringLiteral("battery_removable"),
            QStringLiteral("battery_replaceable"),
            QStringLiteral("product_url"),
            QStringLiteral("manual_url"),
            QStringLiteral("repair_info_url"),
            QStringLiteral("safety_info_url")};
}

void addManufacturer(Builder& b, const QJsonObject& product)
{
    QJsonObject s = b.section(QStringLiteral("manufacturer"), b.t(QStringLiteral("manufacturer")),
                              QStringLiteral("factory"));
    b.setRows(
        s, b.fieldRows(Product::fields(), product,
                       {QStringLiteral("manufacturer_name"), QStringLiteral("manufacturer_address"),
                        QStringLiteral("manufacturer_country"), QStringLiteral("manufacturer_gln"),
                        QStringLiteral("country_of_origin"), QStringLiteral("model_number")}));
    b.add(s);
}

// Annex XIII point 4 (individual battery: status, state of health) is for people with a
// legitimate interest; the access rule is the one the field projection uses.
void addBatteryUnit(Builder& b, const PassportView::Options& o)
{
    if (!o.unit || !passport::isVisible(passport::DataClass::Restricted,
                                        passport::AccessGroup::LegitimateInterest, o.audience))
        return;
    QJsonArray rows{Builder::row(b.t(QStringLiteral("uniqueIdentifier")), o.unit->uniqueIdentifier),
                    Builder::row(b.t(QStringLiteral("batteryStatus")), o.unit->status)};
    if (!o.unit->manufacturingDate.isEmpty())
        rows.append(Builder::row(b.t(QStringLiteral("field.manufacturing_date")),
                                 o.unit->manufacturingDate));
    if (o.latestReading) {
        const passport::SohReading& r = *o.latestReading;
        rows.append(
            Builder::row(b.t(QStringLiteral("stateOfHealth")), b.percent(r.stateOfHealthPct)));
        if (r.remainingCapacityAh)
            rows.append(Builder::row(b.t(QStringLiteral("remainingCapacity")),
                                     b.num(*r.remainingCapacityAh)));
        if (r.cycleCount)
            rows.append(Builder::row(b.t(QStringLiteral("cycleCount")), b.num(*r.cycleCount)));
        rows.append(Builder::row(b.t(QStringLiteral("measuredAt")),
                                 r.measuredAt.toUTC().toString(QStringLiteral("yyyy-MM-dd"))));
    }
    QJsonObject s = b.section(QStringLiteral("batteryUnit"), b.t(QStringLiteral("batteryUnit")),
                              QStringLiteral("battery"));
    b.setRows(s, rows);
    b.add(s);
}

QString pageLink(const PassportView::Options& o, const QString& view, const QString& lang)
{
    QUrlQuery q;
    if (view != QLatin1String("consumer"))
        q.addQueryItem(QStringLiteral("view"), view);
    q.addQueryItem(QStringLiteral("lang"), lang);
    return o.pagePath + u'?' + q.toString(QUrl::FullyEncoded);
}

} // namespace

bool PassportView::parseView(const QString& text, View* out)
{
    if (text.isEmpty() || text == QLatin1String("consumer"))
        *out = View::Consumer;
    else if (text == QLatin1String("recycler"))
        *out = View::Recycler;
    else if (text == QLatin1String("regulator"))
        *out = View::Regulator;
    else
        return false;
    return true;
}

QString PassportView::toString(View view)
{
    switch (view) {
    case View::Recycler:
        return QStringLiteral("recycler");
    case View::Regulator:
        return QStringLiteral("regulator");
    default:
        return QStringLiteral("consumer");
    }
}

Audience PassportView::authorisedAudience(View view)
{
    switch (view) {
    case View::Recycler:
        return Audience::LegitimateInterest;
    case View::Regulator:
        return Audience::Authority;
    default:
        return Audience::Public;
    }
}

QStringList PassportView::contentLanguages(const Product& product, const PassportVersion& version)
{
    QStringList langs;
    if (product.name.contains(QStringLiteral("en")))
        langs.append(QStringLiteral("en"));
    langs += product.name.keys();
    langs += version.data.value(QStringLiteral("ingredientStatement")).toObject().keys();
    if (langs.isEmpty())
        langs.append(QStringLiteral("en"));
    langs.removeDuplicates();
    return langs;
}

QString PassportView::formatNumber(double value, const QString& language)
{
    const QLocale locale(language);
    int decimals = 0;
    while (decimals < 3) {
        const double scaled = value * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, std::abs(scaled)))
            break;
        ++decimals;
    }
    return locale.toString(value, 'f', decimals);
}

QJsonObject PassportView::build(const Product& product, const PassportVersion& version,
                                const Options& o)
{
    const QJsonObject projected = passport::projectForAudience(product, version, o.audience);
    const QJsonObject p = projected.value(QStringLiteral("product")).toObject();
    const QJsonObject data = projected.value(QStringLiteral("passport"))
                                 .toObject()
                                 .value(QStringLiteral("data"))
                                 .toObject();
    const bool wine = version.kind == QLatin1String("wine");
    const bool battery =
        version.kind == QLatin1String("battery") || p.contains(QStringLiteral("battery"));
    const QJsonObject batteryData = version.kind == QLatin1String("battery")
                                        ? data
                                        : p.value(QStringLiteral("battery")).toObject();

    Builder b(o);
    b.setNoLinks(wine);
    const QString kindLabel = b.t(wine      ? QStringLiteral("wineElabel")
                                  : battery ? QStringLiteral("batteryPassport")
                                            : QStringLiteral("productPassport"));

    switch (o.view) {
    case View::Consumer:
        if (wine) {
            addWineConsumer(b, data, p, o);
            break;
        }
        if (battery)
            addBatteryGroups(
                b, batteryData,
                {QStringLiteral("batteryGeneral"), QStringLiteral("batteryPerformance"),
                 QStringLiteral("batteryCarbon"), QStringLiteral("batteryComposition"),
                 QStringLiteral("batteryRecycled"), QStringLiteral("batteryEndOfLife")});
        else {
            QJsonObject s =
                b.section(QStringLiteral("product"), b.t(QStringLiteral("productPassport")),
                          QStringLiteral("product"));
            b.setRows(s, b.fieldRows(Product::fields(), p, productRowKeys(false)));
            b.add(s);
        }
        addManufacturer(b, p);
        addRecycling(b, p);
        break;
    case View::Recycler: {
        addBatteryUnit(b, o);
        addMaterials(b, p, QStringLiteral("materials"), b.t(QStringLiteral("materials")),
                     QStringLiteral("materials"));
        addSubstances(b, p);
        addDisassembly(b, p);
        QJsonObject s = b.section(QStringLiteral("removal"), b.t(QStringLiteral("removal")),
                                  QStringLiteral("tools"));
        QJsonArray rows =
            b.fieldRows(Product::fields(), p,
                        {QStringLiteral("battery_removable"), QStringLiteral("battery_replaceable"),
                         QStringLiteral("end_of_life_instructions"),
                         QStringLiteral("recycling_info_url"), QStringLiteral("repair_info_url")});
        if (battery) {
            for (const QJsonValue& r : b.fieldRows(
                     passport::Battery::fields(), batteryData,
                     {QStringLiteral("removable"), QStringLiteral("replaceable"),
                      QStringLiteral("dismantling_manual_url"), QStringLiteral("safety_measures"),
                      QStringLiteral("extinguishing_agent"), QStringLiteral("un_number"),
                      QStringLiteral("cathode_material"), QStringLiteral("anode_material"),
                      QStringLiteral("electrolyte_material"), QStringLiteral("part_numbers"),
                      QStringLiteral("spare_parts_source")}))
                rows.append(r);
        }
        b.setRows(s, rows);
        b.add(s);
        addRecycling(b, p);
        break;
    }
    case View::Regulator: {
        QJsonObject s = b.section(QStringLiteral("compliance"), b.t(QStringLiteral("compliance")),
                                  QStringLiteral("compliance"));
        QJsonArray rows = b.fieldRows(Product::fields(), p, productRowKeys(true));
        if (battery) {
            for (const QJsonValue& r : b.fieldRows(passport::Battery::fields(), batteryData,
                                                   {QStringLiteral("declaration_of_conformity_url"),
                                                    QStringLiteral("test_report_url"),
                                                    QStringLiteral("due_diligence_report_url"),
                                                    QStringLiteral("un_number")}))
                rows.append(r);
        }
        b.setRows(s, rows);
        b.add(s);
        addManufacturer(b, p);
        if (wine)
            addWineConsumer(b, data, p, o);
        if (battery)
            addBatteryGroups(
                b, batteryData,
                {QStringLiteral("batteryGeneral"), QStringLiteral("batteryPerformance"),
                 QStringLiteral("batteryCarbon"), QStringLiteral("batteryComposition"),
                 QStringLiteral("batteryRecycled"), QStringLiteral("batteryEndOfLife")});
        addSubstances(b, p);
        addDisassembly(b, p);
        break;
    }
    }

    // Identification lines under the name.
    QJsonArray ids{Builder::row(b.t(QStringLiteral("gtin")), product.gtin)};
    if (!o.lot.isEmpty())
        ids.append(Builder::row(b.t(QStringLiteral("batch")), o.lot));
    if (!o.serial.isEmpty())
        ids.append(Builder::row(b.t(QStringLiteral("serial")), o.serial));
    if (battery && !batteryData.value(QStringLiteral("chemistry")).toString().isEmpty() &&
        o.view == View::Consumer) {
        // The chemistry is what recyclers and fire services ask first; keep it in view.
        ids.append(Builder::row(b.t(QStringLiteral("field.chemistry")),
                                batteryData.value(QStringLiteral("chemistry")).toString()));
    }

    QJsonArray views;
    for (View v : {View::Consumer, View::Recycler, View::Regulator}) {
        const QString name = toString(v);
        const QString labelKey = v == View::Consumer   ? QStringLiteral("viewConsumer")
                                 : v == View::Recycler ? QStringLiteral("viewRecycler")
                                                       : QStringLiteral("viewRegulator");
        views.append(QJsonObject{{QStringLiteral("label"), b.t(labelKey)},
                                 {QStringLiteral("href"), pageLink(o, name, o.chromeLanguage)},
                                 {QStringLiteral("current"), v == o.view}});
    }
    QJsonArray languages;
    for (const QString& lang : ViewerStrings::languages())
        languages.append(QJsonObject{{QStringLiteral("code"), lang},
                                     {QStringLiteral("href"), pageLink(o, toString(o.view), lang)},
                                     {QStringLiteral("current"), lang == o.chromeLanguage}});

    QString notice;
    QString authorised;
    if (o.view != View::Consumer) {
        if (o.audience == Audience::Public)
            notice = b.t(QStringLiteral("restricted"));
        else
            authorised = b.t(QStringLiteral("authorised"));
    }

    // The passport as linked data for machines: the same writer the API uses for
    // Accept: application/ld+json, for the audience of this page. '<' is written as \u003c
    // so no "</script>" or "<!--" in a product text can end the data block early.
    const QJsonObject ld = JsonLdWriter::passport(product, version, o.audience, o.idBase);
    QString jsonld = QString::fromUtf8(QJsonDocument(ld).toJson(QJsonDocument::Compact));
    jsonld.replace(u'<', QStringLiteral("\\u003c"));

    const QString name = product.displayName(o.contentLanguage);
    QString versionLine = b.t(QStringLiteral("version")) + u' ' + QString::number(version.version);
    if (version.publishedAt.isValid())
        versionLine += QStringLiteral(" · ") + b.t(QStringLiteral("published")) + u' ' +
                       version.publishedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd"));

    const QString contentLang = product.name.contains(o.contentLanguage)
                                    ? o.contentLanguage
                                    : contentLanguages(product, version).first();
    const QString title = name + QStringLiteral(" · ") + kindLabel;
    const QString kindIcon = icon(wine      ? QStringLiteral("wine")
                                  : battery ? QStringLiteral("battery")
                                            : QStringLiteral("product"));
    const QString wineNote = wine ? b.t(QStringLiteral("wineElabelNote")) : QString();
    return {
        {QStringLiteral("lang"), o.chromeLanguage},
        {QStringLiteral("contentLang"), contentLang},
        {QStringLiteral("t"), ViewerStrings::table(o.chromeLanguage)},
        {QStringLiteral("title"), title},
        {QStringLiteral("name"), name},
        {QStringLiteral("brand"), p.value(QStringLiteral("brand")).toString()},
        {QStringLiteral("kind"), version.kind},
        {QStringLiteral("kindLabel"), kindLabel},
        {QStringLiteral("kindIcon"), kindIcon},
        {QStringLiteral("wineNote"), wineNote},
        {QStringLiteral("ids"), ids},
        {QStringLiteral("views"), views},
        {QStringLiteral("view"), toString(o.view)},
        {QStringLiteral("languages"), languages},
        {QStringLiteral("notice"), notice},
        {QStringLiteral("authorised"), authorised},
        {QStringLiteral("sections"), b.sections()},
        {QStringLiteral("versionLine"), versionLine},
        {QStringLiteral("jsonld"), jsonld},
        {QStringLiteral("stylesheet"), QStringLiteral("/viewer/viewer.css")},
    };
}

} // namespace dpp::exporting
