#include "resolverlink.h"

#include "serialbatch.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>
#include <gs1/gtin.h>

namespace dpp::passport {

const QStringList& ResolverLink::levels()
{
    static const QStringList list = {"gtin", "lot", "serial"};
    return list;
}

FieldErrors ResolverLink::validate() const
{
    FieldErrors errors;
    const auto parsed = gs1::Gtin::parse(gtin);
    if (!parsed.ok())
        errors.append({QStringLiteral("gtin"), parsed.error().message});
    if (!levels().contains(level))
        errors.append({QStringLiteral("level"), QStringLiteral("must be gtin, lot or serial")});
    else if (level == QLatin1String("gtin") && !qualifier.isEmpty())
        errors.append(
            {QStringLiteral("qualifier"), QStringLiteral("must be empty for a GTIN-level link")});
    else if (level != QLatin1String("gtin")) {
        const QString problem = SerialBatch::serialProblem(qualifier);
        if (!problem.isEmpty())
            errors.append({QStringLiteral("qualifier"), problem});
    }
    if (!QRegularExpression(QStringLiteral("^[a-z][a-z0-9]*:[A-Za-z][A-Za-z0-9]*$"))
             .match(linkType)
             .hasMatch())
        errors.append(
            {QStringLiteral("link_type"), QStringLiteral("must be a link type such as gs1:dpp")});
    const QUrl url(href, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        errors.append({QStringLiteral("href"), QStringLiteral("must be an absolute http(s) URL")});
    if (title.trimmed().isEmpty())
        errors.append({QStringLiteral("title"), QStringLiteral("is required")});
    else if (title.size() > 200)
        errors.append({QStringLiteral("title"), QStringLiteral("must be at most 200 characters")});
    if (!mediaType.isEmpty() &&
        !QRegularExpression(QStringLiteral("^[a-z]+/[a-z0-9.+-]+$")).match(mediaType).hasMatch())
        errors.append({QStringLiteral("media_type"), QStringLiteral("must be a media type")});
    for (qsizetype i = 0; i < languages.size(); ++i)
        if (!QRegularExpression(QStringLiteral("^[a-z]{2}$")).match(languages[i]).hasMatch())
            errors.append({QStringLiteral("languages[%1]").arg(i),
                           QStringLiteral("must be an ISO 639-1 code such as \"en\"")});
    if (context.size() > 100)
        errors.append(
            {QStringLiteral("context"), QStringLiteral("must be at most 100 characters")});
    return errors;
}

QJsonObject ResolverLink::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("gtin"), gtin},
            {QStringLiteral("level"), level},
            {QStringLiteral("qualifier"), qualifier},
            {QStringLiteral("link_type"), linkType},
            {QStringLiteral("href"), href},
            {QStringLiteral("title"), title},
            {QStringLiteral("media_type"), mediaType},
            {QStringLiteral("languages"), QJsonArray::fromStringList(languages)},
            {QStringLiteral("context"), context},
            {QStringLiteral("default"), isDefault}};
}

} // namespace dpp::passport
