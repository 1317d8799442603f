#include "resolverlink.h"

#include "linktypes.h"
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

const QStringList& ResolverLink::devices()
{
    static const QStringList list = {"any", "ios", "android", "desktop"};
    return list;
}

ResolverLink ResolverLink::fromJson(const QJsonObject& json)
{
    ResolverLink l;
    l.gtin = json.value(QStringLiteral("gtin")).toString();
    l.applyPatch(json);
    return l;
}

void ResolverLink::applyPatch(const QJsonObject& p)
{
    const auto text = [&](const char* key, QString& into) {
        const QString k = QString::fromLatin1(key);
        if (p.contains(k))
            into = p.value(k).isString() ? p.value(k).toString()
                   : p.value(k).isNull() ? QString()
                                         : QStringLiteral("\x01"); // not a string: fails validate()
    };
    text("level", level);
    text("qualifier", qualifier);
    if (p.contains(QStringLiteral("link_type"))) {
        const QString raw = p.value(QStringLiteral("link_type")).toString();
        const QString curie = LinkTypes::normalise(raw);
        linkType = curie.isEmpty() ? (raw.isEmpty() ? QStringLiteral("\x01") : raw) : curie;
    }
    text("href", href);
    text("title", title);
    text("media_type", mediaType);
    text("context", context);
    text("device", device);
    if (device.isEmpty())
        device = QStringLiteral("any");
    if (p.contains(QStringLiteral("languages"))) {
        languages.clear();
        const QJsonValue v = p.value(QStringLiteral("languages"));
        if (v.isString())
            languages.append(v.toString());
        for (const QJsonValue& x : v.toArray())
            languages.append(x.isString() ? x.toString() : QStringLiteral("\x01"));
    }
    if (p.contains(QStringLiteral("default")))
        isDefault = p.value(QStringLiteral("default")).toBool();
}

FieldErrors ResolverLink::validate() const
{
    FieldErrors errors;
    // applyPatch() marks a JSON value that was not a string with \x01.
    for (const auto& [name, value] :
         {std::pair{"level", &level}, std::pair{"qualifier", &qualifier},
          std::pair{"link_type", &linkType}, std::pair{"href", &href}, std::pair{"title", &title},
          std::pair{"media_type", &mediaType}, std::pair{"context", &context},
          std::pair{"device", &device}}) {
        if (*value == QLatin1String("\x01"))
            errors.append({QString::fromLatin1(name), QStringLiteral("must be a string")});
    }
    if (!errors.isEmpty())
        return errors;
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
    // gs1:defaultLink(Multi) are roles, not link types a record has: the default flag
    // makes the resolver list the link under gs1:defaultLink as well (R13).
    if (linkType == QLatin1String("gs1:defaultLink") ||
        linkType == QLatin1String("gs1:defaultLinkMulti"))
        errors.append({QStringLiteral("link_type"),
                       QStringLiteral("%1 is a role: give the link a descriptive type such as "
                                      "gs1:pip and set \"default\": true")
                           .arg(linkType)});
    else if (!LinkTypes::all().contains(linkType))
        errors.append({QStringLiteral("link_type"),
                       QStringLiteral("\"%1\" is not a ratified GS1 link type (e.g. gs1:pip, "
                                      "gs1:dpp, https://ref.gs1.org/voc/certificationInfo)")
                           .arg(linkType.left(100))});
    const QUrl url(href, QUrl::StrictMode);
    if (href.isEmpty())
        errors.append({QStringLiteral("href"), QStringLiteral("is required")});
    else if (!url.isValid() || url.host().isEmpty() ||
             (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
             href.size() > 2000)
        errors.append(
            {QStringLiteral("href"),
             QStringLiteral("must be an absolute http(s) URL of at most 2000 characters")});
    if (title.trimmed().isEmpty())
        errors.append({QStringLiteral("title"), QStringLiteral("is required")});
    else if (title.size() > 200)
        errors.append({QStringLiteral("title"), QStringLiteral("must be at most 200 characters")});
    // IANA shape: a registered top-level type and an RFC 6838 subtype name.
    static const QRegularExpression media(
        QStringLiteral("^(application|audio|font|image|message|model|multipart|text|video)/"
                       "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$"));
    if (!mediaType.isEmpty() && !media.match(mediaType).hasMatch())
        errors.append({QStringLiteral("media_type"),
                       QStringLiteral("must be an IANA media type such as text/html")});
    static const QRegularExpression lang(QStringLiteral("^[a-z]{2}(-[A-Z]{2})?$"));
    for (qsizetype i = 0; i < languages.size(); ++i)
        if (!lang.match(languages[i]).hasMatch())
            errors.append({QStringLiteral("languages[%1]").arg(i),
                           QStringLiteral("must be a BCP 47 tag \"ll\" or \"ll-CC\" such as "
                                          "\"en\" or \"pt-BR\"")});
    static const QRegularExpression ctx(QStringLiteral("^[A-Za-z0-9._:-]{1,100}$"));
    if (!context.isEmpty() && !ctx.match(context).hasMatch())
        errors.append(
            {QStringLiteral("context"),
             QStringLiteral("must be 1-100 letters, digits or ._:- (e.g. \"consumer\")")});
    if (!devices().contains(device))
        errors.append(
            {QStringLiteral("device"), QStringLiteral("must be any, ios, android or desktop")});
    return errors;
}

QJsonObject ResolverLink::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("product_id"), productId},
            {QStringLiteral("gtin"), gtin},
            {QStringLiteral("level"), level},
            {QStringLiteral("qualifier"), qualifier},
            {QStringLiteral("link_type"), linkType},
            {QStringLiteral("href"), href},
            {QStringLiteral("title"), title},
            {QStringLiteral("media_type"), mediaType},
            {QStringLiteral("languages"), QJsonArray::fromStringList(languages)},
            {QStringLiteral("context"), context},
            {QStringLiteral("device"), device},
            {QStringLiteral("default"), isDefault}};
}

} // namespace dpp::passport
