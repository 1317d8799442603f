// LinksetBuilder: the RFC 9264 linkset a GS1 resolver answers with (R9, R10, R13, R19):
// one object per key level walked up, anchored at that level's URI, full-URI link-type
// keys, hreflang arrays, and the default listed under gs1:defaultLink (title only).
#pragma once

#include "passport/resolverlink.h"

#include <QJsonObject>
#include <QList>

namespace dpp::server {

class LinksetBuilder
{
public:
    struct Level
    {
        QString anchor;          // e.g. https://host/01/09506000134352/10/LOT1
        QString itemDescription; // product name (with lot or serial)
        QList<const passport::ResolverLink*> links;
    };

    /// {"linkset":[…]} valid against the GS1 linkset schema; levels most specific first.
    static QJsonObject build(const QList<Level>& levels);
    /// The same links as an HTML page for browsers (linkset or 300 answer), with the
    /// linkset embedded as JSON-LD.
    static QByteArray html(const QList<Level>& levels, const QJsonObject& linkset,
                           const QString& heading);
    /// Links of `level` that share the default's type and carry a language: the
    /// gs1:defaultLinkMulti set when there are two or more (R19).
    static QList<const passport::ResolverLink*> defaultMulti(const Level& level);
};

} // namespace dpp::server
