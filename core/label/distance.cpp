#include "distance.h"

#include <QRegularExpression>

namespace dpp::label {

Result<Distance> Distance::parse(const QString& text, const QString& param)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(mm|cm|in|"|pt)?\s*$)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return Error{param,
                     QStringLiteral("'%1' is not a length (e.g. 50mm, 2in, 144pt)").arg(text),
                     QStringLiteral("invalid_distance")};
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("in") || unit == QLatin1String("\""))
        return Distance::inches(v);
    if (unit == QLatin1String("pt"))
        return Distance::points(v);
    if (unit == QLatin1String("cm"))
        return Distance::mm(v * 10);
    return Distance::mm(v);
}

} // namespace dpp::label
