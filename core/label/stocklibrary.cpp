#include "stocklibrary.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

namespace dpp::label {

QString StockLibrary::userStockDir()
{
    const QString env = qEnvironmentVariable("DPP_STOCK_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/stock");
}

Result<StockLibrary> StockLibrary::load()
{
    QStringList files = {QStringLiteral(":/stock/sheets.json"),
                         QStringLiteral(":/stock/rolls.json")};
    const QDir user(userStockDir());
    for (const QString& name : user.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files << user.filePath(name);
    return loadFiles(files);
}

Result<StockLibrary> StockLibrary::loadFiles(const QStringList& files)
{
    StockLibrary lib;
    for (const QString& f : files) {
        const Status s = lib.addFile(f);
        if (!s)
            return s.error();
    }
    return lib;
}

Status StockLibrary::addFile(const QString& file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("file"), QStringLiteral("cannot read stock file %1").arg(file),
                     QStringLiteral("io")};
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error{file + QStringLiteral(":$"),
                     QStringLiteral("not a JSON object (%1 at offset %2)")
                         .arg(pe.errorString())
                         .arg(pe.offset),
                     QStringLiteral("invalid_json")};
    if (doc.object().value(QStringLiteral("version")).toInt() != 1)
        return Error{file + QStringLiteral(":$.version"), QStringLiteral("must be 1"),
                     QStringLiteral("unsupported_version")};
    const QJsonArray list = doc.object().value(QStringLiteral("stock")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto stock = LabelStock::fromJson(list.at(i).toObject(),
                                          file + QStringLiteral(":$.stock[%1]").arg(i));
        if (!stock)
            return stock.error();
        // A user file may redefine a built-in id: the later file wins.
        auto it = std::find_if(m_stock.begin(), m_stock.end(),
                               [&](const LabelStock& s) { return s.id == stock->id; });
        if (it != m_stock.end())
            *it = stock.value();
        else
            m_stock.append(stock.value());
    }
    return Ok{};
}

const LabelStock* StockLibrary::find(const QString& id) const
{
    for (const LabelStock& s : m_stock) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

} // namespace dpp::label
