#include "symbolcontent.h"

#include "gs1/digitallink.h"
#include "gs1/elementstring.h"
#include "gs1/gtin.h"

#include <QUrl>

namespace dpp::symbol {

SymbolContent SymbolContent::text(const QString& text)
{
    return SymbolContent{Kind::Text, text.toUtf8(), text, {}};
}

SymbolContent SymbolContent::gs1(QList<gs1::AiValue> values, QByteArray encoderData,
                                 QString bracketed)
{
    return SymbolContent{Kind::Gs1, std::move(encoderData), std::move(bracketed),
                         std::move(values)};
}

SymbolContent SymbolContent::gs1(const gs1::ElementString& elements)
{
    return gs1(elements.values(), elements.encoderData(), elements.bracketed());
}

Result<SymbolContent> SymbolContent::fromElementString(QStringView bracketed)
{
    auto parsed = gs1::ElementString::fromBracketed(bracketed);
    if (!parsed.ok()) {
        Error error = parsed.error();
        if (error.param.isEmpty())
            error.param = QStringLiteral("element_string");
        return error;
    }
    return gs1(parsed.value());
}

Result<SymbolContent> SymbolContent::fromDigitalLink(QStringView uri)
{
    if (uri.trimmed().isEmpty())
        return Error{QStringLiteral("uri"), QStringLiteral("URI is empty"),
                     QStringLiteral("required")};
    auto link = gs1::DigitalLink::parse(uri);
    if (!link.ok()) {
        Error error = link.error();
        error.message = QStringLiteral("not a valid GS1 Digital Link: %1").arg(error.message);
        if (error.param.isEmpty())
            error.param = QStringLiteral("uri");
        return error;
    }
    // Encode the URI exactly as given: it is what the user checked and printed elsewhere.
    return text(uri.toString());
}

Result<SymbolContent> SymbolContent::fromProductKeys(const QString& gtin, const QString& lot,
                                                     const QString& serial, const QString& expiry,
                                                     const QString& base)
{
    const auto key = gs1::Gtin::parse(gtin);
    if (!key.ok())
        return Error{QStringLiteral("gtin"), key.error().message, key.error().code};
    QList<gs1::AiValue> values{{QStringLiteral("01"), key->gtin14()}};
    // Field name for each AI, so errors speak the caller's language.
    const std::pair<const char*, const QString*> fields[] = {
        {"10", &lot}, {"21", &serial}, {"17", &expiry}};
    const char* names[] = {"lot", "serial", "expiry"};
    for (int i = 0; i < 3; ++i) {
        const QString& value = *fields[i].second;
        if (value.isEmpty())
            continue;
        const QString ai = QString::fromLatin1(fields[i].first);
        if (auto ok = gs1::validateAiValue(ai, value); !ok)
            return Error{QString::fromLatin1(names[i]),
                         QStringLiteral("'%1': %2").arg(value, ok.error().message),
                         ok.error().code};
        values.append({ai, value});
    }
    if (!base.isEmpty()) {
        const QUrl url(base, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") ||
            url.host().isEmpty())
            return Error{QStringLiteral("base"),
                         QStringLiteral("resolver base must be an http(s) URL; got '%1'").arg(base),
                         QStringLiteral("invalid")};
    }
    auto link = gs1::DigitalLink::build(values, base);
    if (!link.ok()) {
        Error error = link.error();
        // The engine names AIs ("10" or "ai:10"); this caller thinks in fields.
        const QString ai = error.param.startsWith(u"ai:") ? error.param.mid(3) : error.param;
        error.param = ai == u"10"   ? QStringLiteral("lot")
                      : ai == u"21" ? QStringLiteral("serial")
                      : ai == u"17" ? QStringLiteral("expiry")
                      : ai == u"01" ? QStringLiteral("gtin")
                                    : QStringLiteral("base");
        return error;
    }
    return text(link->uri());
}

} // namespace dpp::symbol
