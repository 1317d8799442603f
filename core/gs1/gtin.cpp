#include "gtin.h"

#include "checkdigit.h"

namespace dpp::gs1 {

namespace {
Error gtinError(const QString& message, const char* code)
{
    return Error{QStringLiteral("gtin"), message, QString::fromLatin1(code)};
}
} // namespace

Result<Gtin> Gtin::parse(QStringView input)
{
    const QStringView trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return gtinError(QStringLiteral("GTIN is empty"), "required");
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed[i];
        if (c < u'0' || c > u'9')
            return gtinError(QStringLiteral("GTIN must contain digits only; found '%1' at "
                                            "position %2")
                                 .arg(c)
                                 .arg(i + 1),
                             "invalid_characters");
    }
    const qsizetype n = trimmed.size();
    if (n != 8 && n != 12 && n != 13 && n != 14)
        return gtinError(QStringLiteral("GTIN must have 8, 12, 13 or 14 digits; got %1").arg(n),
                         "invalid_length");
    const std::string digits = trimmed.toString().toStdString();
    const int expected = mod10CheckDigit(std::string_view(digits).substr(0, digits.size() - 1));
    const int got = digits.back() - '0';
    if (expected != got)
        return gtinError(QStringLiteral("check digit should be %1, got %2").arg(expected).arg(got),
                         "invalid_check_digit");
    return Gtin(trimmed.toString().rightJustified(14, u'0'));
}

QString Gtin::shortest() const
{
    if (m_gtin14.startsWith(QLatin1String("000000")))
        return m_gtin14.mid(6);
    if (m_gtin14.startsWith(QLatin1String("00")))
        return m_gtin14.mid(2);
    if (m_gtin14.startsWith(u'0'))
        return m_gtin14.mid(1);
    return m_gtin14;
}

} // namespace dpp::gs1
