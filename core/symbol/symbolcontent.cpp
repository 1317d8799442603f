#include "symbolcontent.h"

#include "gs1/elementstring.h"

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

} // namespace dpp::symbol
