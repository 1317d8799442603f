// dppctl parse <uri>: parse and validate a GS1 Digital Link URI (filled in with the DL parser).
#include "commands.h"

namespace dpp::ctl {

int runParse(const QStringList& args)
{
    if (args.size() != 1)
        return usageError("parse", QStringLiteral("expected exactly one URI"));
    return kExitUsage;
}

} // namespace dpp::ctl
