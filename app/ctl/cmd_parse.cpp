// dppctl parse <uri>: parse and validate a GS1 Digital Link URI and print the
// fields scripts need. Exit 0 valid, 1 invalid (JSON still printed), 2 usage.
#include "commands.h"

#include <QJsonArray>
#include <gs1/digitallink.h>

namespace dpp::ctl {

int runParse(const QStringList& args)
{
    gs1::DigitalLinkOptions options;
    QString uri;
    for (const QString& arg : args) {
        if (arg == QLatin1String("--permit-zero-suppressed-gtin"))
            options.permitZeroSuppressedGtin = true;
        else if (arg.startsWith(QLatin1String("--")))
            return usageError("parse", QStringLiteral("unknown option %1").arg(arg));
        else if (uri.isNull())
            uri = arg;
        else
            return usageError("parse", QStringLiteral("expected exactly one URI"));
    }
    if (uri.isNull())
        return usageError("parse", QStringLiteral("expected exactly one URI"));

    const auto dl = gs1::DigitalLink::parse(uri, options);
    const gs1::ElementString elements = dl.ok() ? dl->elementString() : gs1::ElementString();
    const auto field = [&](const char* ai) -> QJsonValue {
        const QString v = elements.value(QString::fromLatin1(ai));
        return v.isNull() ? QJsonValue() : QJsonValue(v);
    };
    QJsonObject rawAis;
    QJsonArray errors;
    if (dl.ok()) {
        for (const gs1::AiValue& v : elements.values())
            rawAis[v.ai] = v.value;
    } else {
        const Error& e = dl.error();
        errors.append(QJsonObject{
            {QStringLiteral("ai"), e.param.isEmpty() ? QJsonValue() : QJsonValue(e.param)},
            {QStringLiteral("message"), e.message}});
    }
    printJson({
        {QStringLiteral("is_valid"), dl.ok()},
        {QStringLiteral("url"), uri},
        {QStringLiteral("gtin"), field("01")},
        {QStringLiteral("lot"), field("10")},
        {QStringLiteral("expiry"), field("17")},
        {QStringLiteral("serial"), field("21")},
        {QStringLiteral("raw_ais"), rawAis},
        {QStringLiteral("element_string"),
         dl.ok() ? QJsonValue(elements.bracketed()) : QJsonValue()},
        {QStringLiteral("errors"), errors},
    });
    return dl.ok() ? kExitOk : kExitInvalid;
}

} // namespace dpp::ctl
