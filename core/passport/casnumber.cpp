#include "casnumber.h"

#include <QRegularExpression>

namespace dpp::passport {

QString casNumberProblem(const QString& cas)
{
    static const QRegularExpression shape(QStringLiteral("^([0-9]{2,7})-([0-9]{2})-([0-9])$"));
    const auto m = shape.match(cas);
    if (!m.hasMatch())
        return QStringLiteral("must be a CAS number like 7440-48-4");
    // Check digit: the digits before it, weighted 1, 2, 3 … from the right, mod 10.
    const QString body = m.captured(1) + m.captured(2);
    int sum = 0;
    for (qsizetype i = 0; i < body.size(); ++i)
        sum += int(body.size() - i) * (body[i].unicode() - '0');
    const int expected = sum % 10;
    const int got = m.captured(3).toInt();
    if (expected != got)
        return QStringLiteral("check digit should be %1, got %2").arg(expected).arg(got);
    return {};
}

} // namespace dpp::passport
