#include "passportversion.h"

#include "battery.h"
#include "winelabel.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace dpp::passport {

const QStringList& PassportVersion::kinds()
{
    static const QStringList list = {"wine", "battery", "product"};
    return list;
}

const QStringList& PassportVersion::statuses()
{
    static const QStringList list = {"draft", "published", "archived", "superseded"};
    return list;
}

FieldErrors PassportVersion::validateData(const QString& kind, const QJsonObject& data)
{
    if (kind == QLatin1String("wine"))
        return WineLabel::validate(data);
    if (kind == QLatin1String("battery"))
        return Battery::validate(data, QString());
    if (kind == QLatin1String("product"))
        return {};
    return {{QStringLiteral("kind"),
             QStringLiteral("must be one of: %1").arg(kinds().join(QStringLiteral(", ")))}};
}

QByteArray PassportVersion::canonicalJson(const QJsonObject& data)
{
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

QString PassportVersion::hashOf(const QJsonObject& data)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalJson(data), QCryptographicHash::Sha256).toHex());
}

QJsonObject PassportVersion::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},           {QStringLiteral("product_id"), productId},
                  {QStringLiteral("version"), version}, {QStringLiteral("status"), status},
                  {QStringLiteral("kind"), kind},       {QStringLiteral("data"), data},
                  {QStringLiteral("sha256"), sha256}};
    if (createdAt.isValid())
        o.insert(QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (publishedAt.isValid())
        o.insert(QStringLiteral("published_at"), publishedAt.toUTC().toString(Qt::ISODateWithMs));
    return o;
}

} // namespace dpp::passport
