// dppctl gtin <value>: {"valid", "gtin14", "error"}; exit 0 valid, 1 invalid, 2 usage.
#include "commands.h"

#include <QJsonObject>
#include <gs1/gtin.h>

namespace dpp::ctl {

int runGtin(const QStringList& args)
{
    if (args.size() != 1)
        return usageError("gtin", QStringLiteral("expected exactly one value"));
    const auto gtin = gs1::Gtin::parse(args.first());
    printJson({
        {QStringLiteral("valid"), gtin.ok()},
        {QStringLiteral("gtin14"), gtin.ok() ? QJsonValue(gtin->gtin14()) : QJsonValue()},
        {QStringLiteral("error"), gtin.ok() ? QJsonValue() : QJsonValue(gtin.error().message)},
    });
    return gtin.ok() ? kExitOk : kExitInvalid;
}

} // namespace dpp::ctl
