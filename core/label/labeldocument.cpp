#include "labeldocument.h"

#include "jsonfields.h"
#include "mergetemplate.h"
#include "stocklibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <algorithm>

namespace dpp::label {

double LabelDocument::labelHeightMm() const
{
    if (stock.kind == LabelStock::Kind::Continuous && continuousLength.toMm() > 0)
        return continuousLength.toMm();
    return stock.labelHeight.toMm();
}

QList<LabelElement> LabelDocument::paintOrder() const
{
    QList<LabelElement> sorted = elements;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const LabelElement& a, const LabelElement& b) { return a.z < b.z; });
    return sorted;
}

Result<LabelDocument> LabelDocument::fromJson(const QByteArray& json, const StockLibrary& library)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error{
            QStringLiteral("$"),
            QStringLiteral("not valid JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset),
            QStringLiteral("invalid_json")};
    if (!doc.isObject())
        return Error{QStringLiteral("$"), QStringLiteral("must be a JSON object"),
                     QStringLiteral("invalid_type")};
    const QJsonObject root = doc.object();
    const JsonFields f(root, QStringLiteral("$"));
    auto version = f.integer(QStringLiteral("version"), 0, 1, 1000000, true);
    if (!version)
        return version.error();
    if (version.value() > kVersion)
        return Error{
            QStringLiteral("$.version"),
            QStringLiteral(
                "file version %1 is newer than this program supports (%2); update DPP Studio")
                .arg(version.value())
                .arg(kVersion),
            QStringLiteral("unsupported_version")};
    LabelDocument d;
    auto name = f.string(QStringLiteral("name"), QString());
    if (!name)
        return name.error();
    d.name = name.value();

    const QJsonValue stock = root.value(QStringLiteral("stock"));
    if (stock.isString()) {
        const LabelStock* s = library.find(stock.toString());
        if (!s)
            return Error{
                QStringLiteral("$.stock"),
                QStringLiteral("unknown stock '%1' (see dppctl stock list)").arg(stock.toString()),
                QStringLiteral("unknown_stock")};
        d.stock = *s;
    } else if (stock.isObject()) {
        auto s = LabelStock::fromJson(stock.toObject(), QStringLiteral("$.stock"));
        if (!s)
            return s.error();
        d.stock = s.value();
    } else {
        return Error{QStringLiteral("$.stock"),
                     QStringLiteral("is required: a stock id or a stock object"),
                     QStringLiteral("required")};
    }
    auto length = f.distance(QStringLiteral("length"), {}, 0, 2000);
    if (!length)
        return length.error();
    d.continuousLength = length.value();

    const QJsonValue elements = root.value(QStringLiteral("elements"));
    if (!elements.isUndefined() && !elements.isArray())
        return Error{QStringLiteral("$.elements"), QStringLiteral("must be an array"),
                     QStringLiteral("invalid_type")};
    const QJsonArray list = elements.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("$.elements[%1]").arg(i);
        if (!list.at(i).isObject())
            return Error{path, QStringLiteral("must be an object"), QStringLiteral("invalid_type")};
        auto e = LabelElement::fromJson(list.at(i).toObject(), path);
        if (!e)
            return e.error();
        d.elements.append(e.value());
    }
    if (root.contains(QStringLiteral("merge"))) {
        auto m = MergeSpec::fromJson(root.value(QStringLiteral("merge")).toObject(),
                                     QStringLiteral("$.merge"));
        if (!m)
            return m.error();
        d.merge = m.value();
    }
    if (root.contains(QStringLiteral("calibration"))) {
        auto c = PrinterCalibration::fromJson(root.value(QStringLiteral("calibration")).toObject(),
                                              QStringLiteral("$.calibration"));
        if (!c)
            return c.error();
        d.calibration = c.value();
    }
    return d;
}

Result<LabelDocument> LabelDocument::load(const QString& file, const StockLibrary& library)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("file"),
                     QStringLiteral("cannot read %1: %2").arg(file, in.errorString()),
                     QStringLiteral("io")};
    auto doc = fromJson(in.readAll(), library);
    if (!doc)
        return doc;
    LabelDocument d = std::move(doc).value();
    d.baseDir = QFileInfo(file).absolutePath();
    if (d.merge.kind == MergeSpec::Kind::Csv && QFileInfo(d.merge.csvFile).isRelative())
        d.merge.csvFile = QDir(d.baseDir).filePath(d.merge.csvFile);
    return d;
}

QByteArray LabelDocument::toJson() const
{
    QJsonArray list;
    for (const LabelElement& e : elements)
        list.append(e.toJson());
    QJsonObject root{{QStringLiteral("version"), kVersion},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("stock"), stock.toJson()},
                     {QStringLiteral("elements"), list},
                     {QStringLiteral("merge"), merge.toJson()},
                     {QStringLiteral("calibration"), calibration.toJson()}};
    if (continuousLength.toMm() > 0)
        root.insert(QStringLiteral("length"), continuousLength.toMm());
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Status LabelDocument::save(const QString& file) const
{
    // QSaveFile: a crash mid-write leaves the previous file intact.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(toJson()) < 0 || !out.commit())
        return Error{QStringLiteral("file"),
                     QStringLiteral("cannot write %1: %2").arg(file, out.errorString()),
                     QStringLiteral("io")};
    return Ok{};
}

QList<Error> LabelDocument::checkMergeFields(const QStringList& suppliedFields) const
{
    QList<Error> problems;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const LabelElement& e = elements.at(i);
        const QString path = QStringLiteral("$.elements[%1].").arg(i);
        QString text;
        QString key;
        if (e.type == LabelElement::Type::Text) {
            text = e.text;
            key = QStringLiteral("text");
        } else if (e.isSymbol() || e.type == LabelElement::Type::Linear) {
            text = e.content;
            key = QStringLiteral("content");
            if (e.contentKind == LabelElement::ContentKind::DigitalLink &&
                !suppliedFields.isEmpty() &&
                !suppliedFields.contains(QStringLiteral("digital_link")))
                problems.append(
                    Error{path + QStringLiteral("content_kind"),
                          QStringLiteral("the merge source gives no Digital Link (no GTIN)"),
                          QStringLiteral("unknown_merge_field")});
        }
        auto fields = MergeTemplate::placeholders(text, path + key);
        if (!fields) {
            problems.append(fields.error());
            continue;
        }
        for (const auto& p : fields.value()) {
            const bool known = suppliedFields.isEmpty() ? MergeTemplate::isKnownFieldName(p.field)
                                                        : suppliedFields.contains(p.field);
            if (!known)
                problems.append(Error{path + key,
                                      QStringLiteral("unknown merge field {{%1}}").arg(p.field),
                                      QStringLiteral("unknown_merge_field")});
        }
    }
    return problems;
}

} // namespace dpp::label
