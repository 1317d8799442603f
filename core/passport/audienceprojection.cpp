#include "audienceprojection.h"

#include "winelabel.h"

namespace dpp::passport {

namespace {
// Structured product members: their metadata, as for a scalar field.
struct Member
{
    QString key;
    DataClass dataClass;
    AccessGroup access;
};

const QList<Member>& productMembers()
{
    static const QList<Member> members = {
        {QStringLiteral("name"), DataClass::Public, AccessGroup::Public},
        {QStringLiteral("materials"), DataClass::Public, AccessGroup::Public},
        {QStringLiteral("substances"), DataClass::Public, AccessGroup::Public},
        // Dismantling sequence: Annex XIII 2(c), legitimate interest + authorities.
        {QStringLiteral("disassembly_steps"), DataClass::Restricted,
         AccessGroup::LegitimateInterestAndAuthority},
    };
    return members;
}

QJsonObject filter(const QJsonObject& object, const QList<FieldSpec>& specs, Audience audience)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const FieldSpec* spec = findSpec(specs, it.key());
        if (audience == Audience::Owner ||
            (spec && isVisible(spec->dataClass, spec->access, audience)))
            out.insert(it.key(), it.value());
    }
    return out;
}

QJsonObject projectProduct(const QJsonObject& product, Audience audience)
{
    QJsonObject out = filter(product, Product::fields(), audience);
    for (const Member& m : productMembers()) {
        if (product.contains(m.key) && isVisible(m.dataClass, m.access, audience))
            out.insert(m.key, product.value(m.key));
    }
    if (product.value(QStringLiteral("battery")).isObject()) {
        const QJsonObject battery = filter(product.value(QStringLiteral("battery")).toObject(),
                                           Battery::fields(), audience);
        if (!battery.isEmpty())
            out.insert(QStringLiteral("battery"), battery);
    }
    return out;
}

QJsonObject projectWine(const QJsonObject& wine, Audience audience)
{
    // The e-label is public consumer information in full (Art. 119); only
    // unknown members are dropped. Producers' addresses are public label data too.
    QJsonObject out = filter(wine, WineLabel::fields(), audience);
    for (const char* key :
         {"nutrition", "ingredients", "ingredientStatement", "allergens", "origin", "producers"}) {
        const QString k = QString::fromLatin1(key);
        if (wine.contains(k))
            out.insert(k, wine.value(k));
    }
    return out;
}
} // namespace

QJsonObject projectForAudience(const Product& product, const PassportVersion& passport,
                               Audience audience)
{
    QJsonObject data;
    if (passport.kind == QLatin1String("wine"))
        data = projectWine(passport.data, audience);
    else if (passport.kind == QLatin1String("battery"))
        data = filter(passport.data, Battery::fields(), audience);
    else if (audience == Audience::Owner)
        data = passport.data;

    QJsonObject meta{
        {QStringLiteral("id"), passport.id},         {QStringLiteral("version"), passport.version},
        {QStringLiteral("status"), passport.status}, {QStringLiteral("kind"), passport.kind},
        {QStringLiteral("sha256"), passport.sha256}, {QStringLiteral("data"), data}};
    if (passport.publishedAt.isValid())
        meta.insert(QStringLiteral("published_at"),
                    passport.publishedAt.toUTC().toString(Qt::ISODateWithMs));
    return {{QStringLiteral("product"), projectProduct(product.toJson(), audience)},
            {QStringLiteral("passport"), meta}};
}

QJsonObject projectProductForAudience(const Product& product, Audience audience)
{
    return projectProduct(product.toJson(), audience);
}

QJsonArray fieldCatalogue()
{
    QJsonArray out;
    auto add = [&](const QString& path, DataClass c, AccessGroup g) {
        out.append(QJsonObject{{QStringLiteral("path"), path},
                               {QStringLiteral("data_class"), toString(c)},
                               {QStringLiteral("access_group"), toString(g)}});
    };
    for (const FieldSpec& s : Product::fields())
        add(QStringLiteral("product.") + s.key, s.dataClass, s.access);
    for (const Member& m : productMembers())
        add(QStringLiteral("product.") + m.key, m.dataClass, m.access);
    for (const FieldSpec& s : Battery::fields())
        add(QStringLiteral("product.battery.") + s.key, s.dataClass, s.access);
    for (const FieldSpec& s : Battery::fields())
        add(QStringLiteral("passport.battery.") + s.key, s.dataClass, s.access);
    for (const FieldSpec& s : WineLabel::fields())
        add(QStringLiteral("passport.wine.") + s.key, s.dataClass, s.access);
    for (const FieldSpec& s : WineLabel::nutritionFields())
        add(QStringLiteral("passport.wine.nutrition.") + s.key, s.dataClass, s.access);
    return out;
}

} // namespace dpp::passport
