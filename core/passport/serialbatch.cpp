#include "serialbatch.h"

#include "gs1/linter.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace dpp::passport {

namespace {
constexpr int kMaxBatch = 1000000;
}

const QStringList& SerialBatch::states()
{
    static const QStringList list = {"available", "assigned", "printed", "activated",
                                     "decommissioned"};
    return list;
}

bool SerialBatch::canTransition(const QString& from, const QString& to)
{
    const qsizetype a = states().indexOf(from), b = states().indexOf(to);
    if (a < 0 || b < 0 || from == QLatin1String("decommissioned"))
        return false;
    return to == QLatin1String("decommissioned") || b == a + 1;
}

QStringList SerialBatch::nextStates(const QString& from)
{
    QStringList out;
    for (const QString& to : states())
        if (canTransition(from, to))
            out.append(to);
    return out;
}

QString SerialBatch::transitionProblem(const QString& from, const QString& to)
{
    if (canTransition(from, to))
        return {};
    const QStringList allowed = nextStates(from);
    return QStringLiteral("a serial cannot go from %1 to %2; %3")
        .arg(from.left(40), to.left(40),
             allowed.isEmpty()
                 ? QStringLiteral("%1 is final").arg(from.left(40))
                 : QStringLiteral("allowed next: %1").arg(allowed.join(QStringLiteral(", "))));
}

QString SerialBatch::serialProblem(const QString& serial)
{
    if (serial.isEmpty() || serial.size() > 20)
        return QStringLiteral("a serial number has 1 to 20 characters");
    // AI (21) is X..20 in the Syntax Dictionary: GS1 AI encodable character set 82.
    static const gs1::LinterFn cset82 = gs1::findLinter("cset82");
    const QByteArray bytes = serial.toUtf8();
    if (const auto e = cset82(std::string_view(bytes.constData(), size_t(bytes.size()))))
        return QStringLiteral("character '%1' is not allowed in a GS1 serial number (AI 21): %2")
            .arg(QString::fromUtf8(bytes.mid(e->position, std::max(1, e->length))),
                 gs1::lintMessage(e->code));
    return {};
}

QString SerialBatch::origin(qsizetype index) const
{
    if (index < uploadedRows.size())
        return QStringLiteral("row %1").arg(uploadedRows[index]);
    return QStringLiteral("serials[%1]").arg(index);
}

SerialBatch SerialBatch::fromJson(const QJsonObject& json, FieldErrors& errors)
{
    SerialBatch batch;
    for (auto [name, target] : {std::pair{"lot", &batch.lot}, std::pair{"prefix", &batch.prefix}}) {
        const QJsonValue v = json.value(QLatin1String(name));
        if (v.isString())
            *target = v.toString();
        else if (!v.isUndefined() && !v.isNull())
            errors.append({QString::fromLatin1(name), QStringLiteral("must be a string")});
    }
    if (const QJsonValue list = json.value(QStringLiteral("serials")); !list.isUndefined()) {
        batch.mode = QStringLiteral("uploaded");
        if (!list.isArray()) {
            errors.append(
                {QStringLiteral("serials"), QStringLiteral("must be an array of strings")});
            return batch;
        }
        const QJsonArray array = list.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array[i].isString())
                errors.append(
                    {QStringLiteral("serials[%1]").arg(i), QStringLiteral("must be a string")});
            batch.uploaded.append(array[i].toString());
        }
        return batch;
    }
    if (!json.contains(QStringLiteral("count")))
        errors.append({QStringLiteral("count"), QStringLiteral("is required")});
    qint64 count = 0, width = batch.width;
    for (auto [name, target] : {std::pair{"start", &batch.start}, std::pair{"count", &count},
                                std::pair{"width", &width}}) {
        const QJsonValue v = json.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())) ||
            std::abs(v.toDouble()) > 1e15)
            errors.append({QString::fromLatin1(name), QStringLiteral("must be a whole number")});
        else
            *target = qint64(v.toDouble());
    }
    batch.count = int(std::clamp<qint64>(count, -1, kMaxBatch + 1));
    batch.width = int(std::clamp<qint64>(width, 0, 99));
    return batch;
}

FieldErrors SerialBatch::validate() const
{
    FieldErrors errors;
    if (productId.isEmpty())
        errors.append({QStringLiteral("product_id"), QStringLiteral("is required")});
    if (!lot.isEmpty() && lot.size() > 20)
        errors.append({QStringLiteral("lot"), QStringLiteral("must be at most 20 characters")});
    if (mode == QLatin1String("sequential")) {
        if (count < 1 || count > kMaxBatch)
            errors.append({QStringLiteral("count"),
                           QStringLiteral("must be between 1 and %1").arg(kMaxBatch)});
        if (width < 1 || width > 18)
            errors.append({QStringLiteral("width"), QStringLiteral("must be between 1 and 18")});
        if (start < 0)
            errors.append({QStringLiteral("start"), QStringLiteral("must not be negative")});
        if (errors.isEmpty()) {
            const QString last =
                prefix + QString::number(start + count - 1).rightJustified(width, u'0');
            if (QString::number(start + count - 1).size() > width)
                errors.append({QStringLiteral("width"),
                               QStringLiteral("is too small for the last counter value")});
            const QString problem = serialProblem(last);
            if (!problem.isEmpty())
                errors.append({QStringLiteral("prefix"), problem});
        }
    } else if (mode == QLatin1String("uploaded")) {
        if (uploaded.isEmpty() || uploaded.size() > kMaxBatch)
            errors.append({QStringLiteral("serials"),
                           QStringLiteral("must hold 1 to %1 serial numbers").arg(kMaxBatch)});
        // File uploads name the file and the row; JSON uploads the array element.
        const bool fromFile = !uploadedRows.isEmpty();
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < uploaded.size() && errors.size() < 20; ++i) {
            const QString param =
                fromFile ? QStringLiteral("file") : QStringLiteral("serials[%1]").arg(i);
            const QString where = fromFile ? origin(i) + QStringLiteral(": ") : QString();
            const QString problem = serialProblem(uploaded[i]);
            if (!problem.isEmpty())
                errors.append({param, where + problem});
            else if (const auto it = seen.constFind(uploaded[i]); it != seen.constEnd())
                errors.append(
                    {param, where + QStringLiteral("duplicate serial \"%1\" (first in %2)")
                                        .arg(uploaded[i], origin(*it))});
            else
                seen.insert(uploaded[i], i);
        }
    } else {
        errors.append({QStringLiteral("mode"), QStringLiteral("must be sequential or uploaded")});
    }
    return errors;
}

QStringList SerialBatch::serials() const
{
    if (mode == QLatin1String("uploaded"))
        return uploaded;
    QStringList out;
    out.reserve(count);
    for (qint64 n = start; n < start + count; ++n)
        out.append(prefix + QString::number(n).rightJustified(width, u'0'));
    return out;
}

QJsonObject SerialBatch::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("product_id"), productId},
        {QStringLiteral("lot"), lot},
        {QStringLiteral("mode"), mode},
        {QStringLiteral("prefix"), prefix},
        {QStringLiteral("start"), start},
        {QStringLiteral("count"), mode == QLatin1String("uploaded") ? int(uploaded.size()) : count},
        {QStringLiteral("width"), width},
        {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)}};
}

} // namespace dpp::passport
