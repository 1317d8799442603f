// dppctl template: the CSV import template (header with every product column
// and one example row) on stdout.
#include "commands.h"

#include <cstdio>
#include <export/productexporter.h>

namespace dpp::ctl {

int runTemplate(const QStringList& args)
{
    if (!args.isEmpty())
        return usageError("template", QStringLiteral("takes no arguments"));
    const QByteArray csv = exporting::ProductExporter::templateCsv();
    std::fwrite(csv.constData(), 1, size_t(csv.size()), stdout);
    return kExitOk;
}

} // namespace dpp::ctl
