#include "ingestmapping.h"

#include <QRegularExpression>
#include <optional>

namespace dpp::webhooks {

namespace {

const QStringList& transforms()
{
    static const QStringList list = {"number", "integer", "string", "boolean", "upper"};
    return list;
}

bool knownTransform(const QString& t)
{
    return transforms().contains(t) || t.startsWith(QLatin1String("allergen:"));
}

// One path segment: a key, optionally with [N] or [] after it.
struct Segment
{
    QString key;
    enum { None, Index, Each } array = None;
    int index = 0;
};

QList<Segment> parsePath(const QString& path)
{
    static const QRegularExpression re(QStringLiteral("^([^\\[\\]]+)(?:\\[(\\d*)\\])?$"));
    QList<Segment> out;
    if (path.isEmpty())
        return out;
    for (const QString& part : path.split(u'.')) {
        const auto m = re.match(part);
        if (!m.hasMatch())
            return {};
        Segment s;
        s.key = m.captured(1);
        if (m.capturedLength(0) > m.capturedLength(1)) {
            if (m.captured(2).isEmpty()) {
                s.array = Segment::Each;
            } else {
                s.array = Segment::Index;
                s.index = m.captured(2).toInt();
            }
        }
        out.append(s);
    }
    return out;
}

// A value found under a source path, with the concrete path and the [] indices taken.
struct Found
{
    QString path;
    QJsonValue value;
    QList<int> indices;
};

void collect(const QJsonValue& node, const QList<Segment>& segs, qsizetype at, const QString& path,
             QList<int> indices, QList<Found>& out)
{
    if (at == segs.size()) {
        if (!node.isUndefined() && !node.isNull())
            out.append({path, node, indices});
        return;
    }
    const Segment& s = segs[at];
    const QJsonValue child = node.toObject().value(s.key);
    const QString here = path.isEmpty() ? s.key : path + u'.' + s.key;
    if (s.array == Segment::None) {
        collect(child, segs, at + 1, here, indices, out);
        return;
    }
    const QJsonArray a = child.toArray();
    if (s.array == Segment::Index) {
        if (s.index < a.size())
            collect(a[s.index], segs, at + 1, QStringLiteral("%1[%2]").arg(here).arg(s.index),
                    indices, out);
        return;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        QList<int> more = indices;
        more.append(int(i));
        collect(a[i], segs, at + 1, QStringLiteral("%1[%2]").arg(here).arg(i), more, out);
    }
}

QJsonValue setIn(const QJsonValue& node, const QList<Segment>& segs, qsizetype at,
                 const QList<int>& indices, qsizetype nextIndex, const QJsonValue& value)
{
    if (at == segs.size())
        return value;
    const Segment& s = segs[at];
    QJsonObject o = node.toObject();
    if (s.array == Segment::None) {
        o.insert(s.key, setIn(o.value(s.key), segs, at + 1, indices, nextIndex, value));
        return o;
    }
    QJsonArray a = o.value(s.key).toArray();
    const int i = s.array == Segment::Index ? s.index : indices.value(nextIndex, 0);
    while (a.size() <= i)
        a.append(QJsonObject());
    a[i] =
        setIn(a[i], segs, at + 1, indices, nextIndex + (s.array == Segment::Each ? 1 : 0), value);
    o.insert(s.key, a);
    return o;
}

// Every leaf under `node` as (path, value), arrays with their indices.
void leaves(const QJsonValue& node, const QString& path, QList<Found>& out)
{
    if (node.isObject()) {
        const QJsonObject o = node.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            leaves(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), out);
    } else if (node.isArray()) {
        const QJsonArray a = node.toArray();
        if (a.isEmpty())
            out.append({path, node, {}});
        for (qsizetype i = 0; i < a.size(); ++i)
            leaves(a[i], QStringLiteral("%1[%2]").arg(path).arg(i), out);
    } else if (!node.isNull() && !node.isUndefined()) {
        out.append({path, node, {}});
    }
}

// "a[3].b[0].c" matches "a[].b[0].c" and "a[3].b[0].c"; a leaf inside a mapped
// object/array value ("a[1]" mapped as a whole) matches too.
bool covers(const QString& pattern, const QString& concrete)
{
    QString rx = QRegularExpression::escape(pattern);
    rx.replace(QStringLiteral("\\[\\]"), QStringLiteral("\\[\\d+\\]"));
    const QRegularExpression re(QStringLiteral("^") + rx + QStringLiteral("(?:$|[.\\[])"));
    return re.match(concrete).hasMatch();
}

std::optional<QJsonValue> transform(const QString& t, const QJsonValue& v, QString* why)
{
    if (t.isEmpty())
        return v;
    if (t == u"number" || t == u"integer") {
        double n = 0;
        if (v.isDouble()) {
            n = v.toDouble();
        } else if (v.isString()) {
            static const QRegularExpression num(QStringLiteral("[-+]?\\d+(?:[.,]\\d+)?"));
            const auto m = num.match(v.toString());
            if (!m.hasMatch()) {
                *why = QStringLiteral("no number in \"%1\"").arg(v.toString());
                return std::nullopt;
            }
            n = m.captured(0).replace(u',', u'.').toDouble();
        } else {
            *why = QStringLiteral("expected a number or a text with a number");
            return std::nullopt;
        }
        if (t == u"integer")
            return QJsonValue(qint64(qRound64(n)));
        return QJsonValue(n);
    }
    if (t == u"string") {
        if (v.isString())
            return v;
        if (v.isDouble())
            return QJsonValue(QString::number(v.toDouble(), 'g', 15));
        *why = QStringLiteral("expected a text");
        return std::nullopt;
    }
    if (t == u"upper") {
        if (!v.isString()) {
            *why = QStringLiteral("expected a text");
            return std::nullopt;
        }
        return QJsonValue(v.toString().trimmed().toUpper());
    }
    if (t == u"boolean" || t.startsWith(QLatin1String("allergen:"))) {
        bool b = false;
        if (v.isBool())
            b = v.toBool();
        else if (v.isString() && (v.toString() == u"true" || v.toString() == u"yes"))
            b = true;
        else if (v.isString() && (v.toString() == u"false" || v.toString() == u"no"))
            b = false;
        else {
            *why = QStringLiteral("expected true or false");
            return std::nullopt;
        }
        if (t == u"boolean")
            return QJsonValue(b);
        return b ? QJsonValue(QJsonArray{t.mid(9)}) : QJsonValue(QJsonArray());
    }
    *why = QStringLiteral("unknown transform %1").arg(t);
    return std::nullopt;
}

QJsonObject rule(const char* to, const char* transformName = nullptr)
{
    QJsonObject r{{QStringLiteral("to"), QLatin1String(to)}};
    if (transformName)
        r.insert(QStringLiteral("transform"), QLatin1String(transformName));
    return r;
}

} // namespace

IngestMapping IngestMapping::preset(const QString& source)
{
    if (source.compare(QLatin1String("datocms"), Qt::CaseInsensitive) == 0) {
        // The DatoCMS record of the EUlabel inbound-webhook example (a wine).
        return IngestMapping(QJsonObject{
            {QStringLiteral("root"), QStringLiteral("entity.attributes")},
            {QStringLiteral("kind"), QStringLiteral("wine")},
            {QStringLiteral("fields"),
             QJsonObject{
                 {QStringLiteral("product_name"), rule("product.name.en")},
                 {QStringLiteral("barcode[0].barcode_number"), rule("product.gtin", "string")},
                 {QStringLiteral("barcode[0].capacity_value"),
                  rule("passport.netContentMl", "number")},
                 {QStringLiteral("barcode[0].vintage_year"), rule("passport.vintage", "integer")},
                 {QStringLiteral("list_of_ingredient[].ingredient_name"),
                  rule("passport.ingredients[].name")},
                 {QStringLiteral("contains_sulfites"),
                  rule("passport.allergens", "allergen:sulphites")},
                 {QStringLiteral("energy_value_kj"), rule("passport.nutrition.energyKj", "number")},
                 {QStringLiteral("alcohol_content_by_volume"),
                  rule("passport.alcoholPct", "number")},
                 {QStringLiteral("product_country"), rule("passport.origin.country", "upper")},
                 {QStringLiteral("product_region"), rule("passport.origin.region")},
             }},
            {QStringLiteral("defaults"),
             QJsonObject{{QStringLiteral("product"),
                          QJsonObject{{QStringLiteral("category"), QStringLiteral("wine")}}}}}});
    }
    // Generic: a flat record named like our own product fields, with the passport data
    // under "passport".
    return IngestMapping(
        QJsonObject{{QStringLiteral("root"), QString()},
                    {QStringLiteral("kind"), QStringLiteral("product")},
                    {QStringLiteral("fields"),
                     QJsonObject{{QStringLiteral("gtin"), rule("product.gtin", "string")},
                                 {QStringLiteral("name"), rule("product.name.en")},
                                 {QStringLiteral("brand"), rule("product.brand")},
                                 {QStringLiteral("category"), rule("product.category")},
                                 {QStringLiteral("description"), rule("product.description")},
                                 {QStringLiteral("passport"), rule("passport")}}},
                    {QStringLiteral("defaults"), QJsonObject()}});
}

Result<IngestMapping> IngestMapping::fromJson(const QJsonObject& json)
{
    auto fail = [](const QString& param, const QString& message) {
        return Error{param, message, QStringLiteral("validation_error")};
    };
    static const QStringList keys = {"root", "kind", "fields", "defaults"};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!keys.contains(it.key()))
            return fail(it.key(), QStringLiteral("is not a mapping key; known: %1")
                                      .arg(keys.join(QStringLiteral(", "))));
    QJsonObject out = json;
    const QJsonValue root = json.value(QStringLiteral("root"));
    if (!root.isUndefined() && !root.isString())
        return fail(QStringLiteral("root"), QStringLiteral("must be a path such as "
                                                           "\"entity.attributes\" (or \"\")"));
    if (!root.toString().isEmpty() && parsePath(root.toString()).isEmpty())
        return fail(QStringLiteral("root"), QStringLiteral("is not a valid path"));
    const QString kind = json.value(QStringLiteral("kind")).toString();
    static const QStringList kinds = {"wine", "battery", "product"};
    if (!kinds.contains(kind))
        return fail(QStringLiteral("kind"),
                    QStringLiteral("must be one of: wine, battery, product"));
    const QJsonValue fields = json.value(QStringLiteral("fields"));
    if (!fields.isObject() || fields.toObject().isEmpty())
        return fail(QStringLiteral("fields"),
                    QStringLiteral("is required: an object of source field → target"));
    QJsonObject normalised;
    const QJsonObject f = fields.toObject();
    for (auto it = f.begin(); it != f.end(); ++it) {
        const QString param = QStringLiteral("fields.") + it.key();
        if (parsePath(it.key()).isEmpty())
            return fail(param, QStringLiteral("is not a valid source path (a.b, a[0].b, a[].b)"));
        QJsonObject r = it.value().isString()
                            ? QJsonObject{{QStringLiteral("to"), it.value().toString()}}
                            : it.value().toObject();
        if (!it.value().isString() && !it.value().isObject())
            return fail(param, QStringLiteral("must be a target path or {\"to\", \"transform\"}"));
        const QString to = r.value(QStringLiteral("to")).toString();
        if (!(to == u"passport" || to.startsWith(QLatin1String("passport.")) ||
              to.startsWith(QLatin1String("product."))) ||
            (to != u"passport" && parsePath(to.section(u'.', 1)).isEmpty()))
            return fail(param + QStringLiteral(".to"),
                        QStringLiteral("must start with product. or passport. (e.g. "
                                       "passport.nutrition.energyKj)"));
        if (to.count(QStringLiteral("[]")) > it.key().count(QStringLiteral("[]")))
            return fail(param + QStringLiteral(".to"),
                        QStringLiteral("has more [] than the source path"));
        const QString t = r.value(QStringLiteral("transform")).toString();
        if (r.contains(QStringLiteral("transform")) && !knownTransform(t))
            return fail(param + QStringLiteral(".transform"),
                        QStringLiteral("must be one of: %1, allergen:<code>")
                            .arg(transforms().join(QStringLiteral(", "))));
        normalised.insert(it.key(), r);
    }
    out.insert(QStringLiteral("fields"), normalised);
    const QJsonValue defaults = json.value(QStringLiteral("defaults"));
    if (!defaults.isUndefined() && !defaults.isObject())
        return fail(QStringLiteral("defaults"),
                    QStringLiteral("must be an object with product and/or passport"));
    return IngestMapping(out);
}

Result<IngestMapping::Mapped> IngestMapping::apply(const QJsonObject& payload) const
{
    const QString rootPath = m_json.value(QStringLiteral("root")).toString();
    QJsonValue record = payload;
    if (!rootPath.isEmpty()) {
        QList<Found> found;
        collect(payload, parsePath(rootPath), 0, QString(), {}, found);
        record = found.isEmpty() ? QJsonValue() : found.first().value;
    }
    if (!record.isObject())
        return Error{rootPath.isEmpty() ? QStringLiteral("body") : rootPath,
                     QStringLiteral("must be an object with the record's fields"),
                     QStringLiteral("validation_error")};

    Mapped m;
    QJsonObject targets; // {"product": {...}, "passport": {...}}
    const QJsonObject fields = m_json.value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonObject r = it.value().toObject();
        const QString to = r.value(QStringLiteral("to")).toString();
        const QString t = r.value(QStringLiteral("transform")).toString();
        QList<Found> found;
        collect(record, parsePath(it.key()), 0, QString(), {}, found);
        for (const Found& f : found) {
            QString why;
            const auto value = transform(t, f.value, &why);
            if (!value) {
                m.unmapped.append(QJsonObject{{QStringLiteral("field"), f.path},
                                              {QStringLiteral("value"), f.value},
                                              {QStringLiteral("reason"), why}});
                continue;
            }
            targets = setIn(targets, parsePath(to), 0, f.indices, 0, *value).toObject();
            m.sourceOf.insert(to, f.path);
        }
    }
    m.product = targets.value(QStringLiteral("product")).toObject();
    m.passport = targets.value(QStringLiteral("passport")).toObject();

    QList<Found> all;
    leaves(record, QString(), all);
    for (const Found& leaf : all) {
        bool mapped = false;
        for (auto it = fields.begin(); it != fields.end() && !mapped; ++it)
            mapped = covers(it.key(), leaf.path);
        if (!mapped)
            m.unmapped.append(QJsonObject{
                {QStringLiteral("field"), leaf.path},
                {QStringLiteral("value"), leaf.value},
                {QStringLiteral("reason"), QStringLiteral("no mapping for this field")}});
    }
    return m;
}

} // namespace dpp::webhooks
