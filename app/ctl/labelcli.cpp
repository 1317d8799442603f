#include "labelcli.h"

#include "commands.h"
#include "label/stocklibrary.h"
#include "label/storemergespec.h"
#include "storeaccess.h"

namespace dpp::ctl {

QStringList labelMergeOptions()
{
    return {QStringLiteral("gtin"),    QStringLiteral("lot"), QStringLiteral("expiry"),
            QStringLiteral("serials"), QStringLiteral("csv"), QStringLiteral("copies"),
            QStringLiteral("base")};
}

QStringList labelStoreOptions()
{
    return {QStringLiteral("product"), QStringLiteral("batch"), QStringLiteral("tenant")};
}

Result<bool> applyStoreMerge(const CliArgs& a, label::LabelDocument& doc)
{
    if (!a.has(QStringLiteral("product"))) {
        if (a.has(QStringLiteral("batch")))
            return Error{QStringLiteral("batch"), QStringLiteral("--batch goes with --product"),
                         QStringLiteral("usage")};
        return false;
    }
    for (const char* other : {"gtin", "serials", "csv"})
        if (a.has(QLatin1String(other)))
            return Error{
                QLatin1String(other),
                QStringLiteral("--product takes the place of --%1").arg(QLatin1String(other)),
                QStringLiteral("usage")};
    auto db = openStore();
    if (!db)
        return db.error();
    auto tenant = resolveTenant(**db, a.value(QStringLiteral("tenant")));
    if (!tenant)
        return tenant.error();
    auto merge = label::StoreMergeSpec::build(**db, tenant->id, a.value(QStringLiteral("product")),
                                              a.value(QStringLiteral("batch")), doc.merge);
    if (!merge)
        return merge.error();
    doc.merge = merge->spec;
    return true;
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
