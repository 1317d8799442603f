#include "viewerstrings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace dpp::exporting {

namespace {
const QJsonObject& document()
{
    static const QJsonObject doc = [] {
        QFile file(QStringLiteral(":/viewer/strings.json"));
        if (!file.open(QIODevice::ReadOnly))
            return QJsonObject();
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return doc;
}
} // namespace

const QStringList& ViewerStrings::languages()
{
    static const QStringList langs = [] {
        QStringList out;
        for (const QJsonValue& v : document().value(QStringLiteral("languages")).toArray())
            out.append(v.toString());
        if (out.isEmpty())
            out.append(QStringLiteral("en"));
        return out;
    }();
    return langs;
}

bool ViewerStrings::has(const QString& language, const QString& key)
{
    return document().value(language).toObject().contains(key);
}

QString ViewerStrings::text(const QString& language, const QString& key)
{
    const QJsonValue v = document().value(language).toObject().value(key);
    if (v.isString())
        return v.toString();
    return document().value(QStringLiteral("en")).toObject().value(key).toString(key);
}

QJsonObject ViewerStrings::table(const QString& language)
{
    QJsonObject out = document().value(QStringLiteral("en")).toObject();
    const QJsonObject own = document().value(language).toObject();
    for (auto it = own.begin(); it != own.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace dpp::exporting
