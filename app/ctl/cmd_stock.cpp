// dppctl stock list: the label stock a document may name (built-in sheets
// and rolls plus the user's stock folder), one JSON object per line.
#include "cliargs.h"
#include "commands.h"

#include <label/stocklibrary.h>

namespace dpp::ctl {

int runStock(const QStringList& argv)
{
    if (argv != QStringList{QStringLiteral("list")})
        return usageError("stock", QStringLiteral("expected: stock list"));
    auto library = label::StockLibrary::load();
    if (!library)
        return invalidInput("stock", library.error());
    for (const label::LabelStock& s : library->all()) {
        OrderedJson row = {{QStringLiteral("id"), s.id},
                           {QStringLiteral("name"), s.name},
                           {QStringLiteral("kind"), label::LabelStock::kindName(s.kind)},
                           {QStringLiteral("width_mm"), s.labelWidth.toMm()},
                           {QStringLiteral("height_mm"), s.labelHeight.toMm()}};
        if (s.isSheet()) {
            row.append({QStringLiteral("columns"), s.columns});
            row.append({QStringLiteral("rows"), s.rows});
        }
        printJson(row);
    }
    return kExitOk;
}

} // namespace dpp::ctl
