#include "serialbatch.h"

#include <QSet>

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

QString SerialBatch::serialProblem(const QString& serial)
{
    if (serial.isEmpty() || serial.size() > 20)
        return QStringLiteral("a serial number has 1 to 20 characters");
    // GS1 AI encodable character set 82.
    static const QString cset82 =
        QStringLiteral("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
                       "abcdefghijklmnopqrstuvwxyz");
    for (const QChar c : serial)
        if (!cset82.contains(c))
            return QStringLiteral("character '%1' is not allowed in a GS1 serial number").arg(c);
    return {};
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
        QSet<QString> seen;
        for (qsizetype i = 0; i < uploaded.size() && errors.size() < 20; ++i) {
            const QString problem = serialProblem(uploaded[i]);
            if (!problem.isEmpty())
                errors.append({QStringLiteral("serials[%1]").arg(i), problem});
            else if (seen.contains(uploaded[i]))
                errors.append({QStringLiteral("serials[%1]").arg(i),
                               QStringLiteral("duplicate serial \"%1\"").arg(uploaded[i])});
            seen.insert(uploaded[i]);
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
