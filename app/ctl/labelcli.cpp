#include "labelcli.h"

#include "commands.h"
#include "label/stocklibrary.h"

namespace dpp::ctl {

QStringList labelMergeOptions()
{
    return {QStringLiteral("gtin"),    QStringLiteral("lot"), QStringLiteral("expiry"),
            QStringLiteral("serials"), QStringLiteral("csv"), QStringLiteral("copies"),
            QStringLiteral("base")};
}

label::MergeOverrides labelMergeOverrides(const CliArgs& a)
{
    label::MergeOverrides o;
    o.gtin = a.value(QStringLiteral("gtin"));
    o.lot = a.value(QStringLiteral("lot"));
    o.expiry = a.value(QStringLiteral("expiry"));
    o.serials = a.value(QStringLiteral("serials"));
    o.csvFile = a.value(QStringLiteral("csv"));
    o.base = a.value(QStringLiteral("base"));
    o.copies = a.value(QStringLiteral("copies")).toInt();
    return o;
}

std::optional<label::LabelDocument> loadLabel(const char* command, const QString& file,
                                              int* exitCode)
{
    auto library = label::StockLibrary::load();
    if (!library) {
        *exitCode = invalidInput(command, library.error());
        return std::nullopt;
    }
    auto doc = label::LabelDocument::load(file, library.value());
    if (!doc) {
        *exitCode = invalidInput(command, doc.error());
        return std::nullopt;
    }
    return std::move(doc).value();
}

} // namespace dpp::ctl
