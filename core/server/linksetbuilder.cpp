#include "linksetbuilder.h"

#include "passport/linktypes.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dpp::server {

using passport::LinkTypes;
using passport::ResolverLink;

namespace {

QJsonObject linkObject(const ResolverLink& l)
{
    QJsonObject o{{QStringLiteral("href"), l.href}, {QStringLiteral("title"), l.title}};
    if (!l.mediaType.isEmpty())
        o.insert(QStringLiteral("type"), l.mediaType);
    if (!l.languages.isEmpty())
        o.insert(QStringLiteral("hreflang"), QJsonArray::fromStringList(l.languages));
    if (!l.context.isEmpty())
        o.insert(QStringLiteral("context"), QJsonArray{l.context});
    return o;
}

void append(QJsonObject& into, const QString& key, const QJsonObject& link)
{
    QJsonArray a = into.value(key).toArray();
    a.append(link);
    into.insert(key, a);
}

} // namespace

QList<const ResolverLink*> LinksetBuilder::defaultMulti(const Level& level)
{
    const ResolverLink* def = nullptr;
    for (const ResolverLink* l : level.links)
        if (l->isDefault)
            def = l;
    QList<const ResolverLink*> out;
    if (!def)
        return out;
    for (const ResolverLink* l : level.links)
        if (l->linkType == def->linkType && !l->languages.isEmpty())
            out.append(l);
    if (out.size() < 2)
        out.clear();
    return out;
}

QJsonObject LinksetBuilder::build(const QList<Level>& levels)
{
    QJsonArray set;
    for (const Level& level : levels) {
        QJsonObject o{{QStringLiteral("anchor"), level.anchor},
                      {QStringLiteral("itemDescription"), level.itemDescription}};
        for (const ResolverLink* l : level.links) {
            if (l->isDefault)
                append(o, LinkTypes::uri(QStringLiteral("gs1:defaultLink")),
                       QJsonObject{{QStringLiteral("href"), l->href},
                                   {QStringLiteral("title"), l->title}});
            append(o, LinkTypes::uri(l->linkType), linkObject(*l));
        }
        for (const ResolverLink* l : defaultMulti(level))
            append(o, LinkTypes::uri(QStringLiteral("gs1:defaultLinkMulti")), linkObject(*l));
        set.append(o);
    }
    return QJsonObject{{QStringLiteral("linkset"), set}};
}

QByteArray LinksetBuilder::html(const QList<Level>& levels, const QJsonObject& linkset,
                                const QString& heading)
{
    QString page = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                  "<meta name=\"viewport\" content=\"width=device-width\">"
                                  "<title>%1</title>")
                       .arg(heading.toHtmlEscaped());
    // JSON inside <script> must not close the element early.
    QString json = QString::fromUtf8(QJsonDocument(linkset).toJson(QJsonDocument::Compact));
    json.replace(QStringLiteral("</"), QStringLiteral("<\\/"));
    page +=
        QStringLiteral("<script type=\"application/ld+json\">%1</script></head><body><h1>%2</h1>")
            .arg(json, heading.toHtmlEscaped());
    for (const Level& level : levels) {
        page += QStringLiteral("<h2>%1</h2><ul>").arg(level.itemDescription.toHtmlEscaped());
        for (const ResolverLink* l : level.links) {
            QString label = LinkTypes::label(l->linkType);
            if (!l->languages.isEmpty())
                label += QStringLiteral(" (%1)").arg(l->languages.join(QStringLiteral(", ")));
            page +=
                QStringLiteral("<li><a href=\"%1\">%2</a> <small>%3</small></li>")
                    .arg(l->href.toHtmlEscaped(), l->title.toHtmlEscaped(), label.toHtmlEscaped());
        }
        page += QStringLiteral("</ul>");
    }
    page += QStringLiteral("</body></html>\n");
    return page.toUtf8();
}

} // namespace dpp::server
