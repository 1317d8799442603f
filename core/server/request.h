// Request: what a route handler sees of an HTTP request. Our own type, so handlers
// never depend on the Qt HTTP Server version (see httpserveradapter.h).
#pragma once

#include "principal.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>
#include <optional>

namespace dpp::server {

struct Request
{
    QByteArray method;  // upper case as sent ("GET", "POST", ...)
    QByteArray rawPath; // percent-encoded as received: GS1 values may contain %2F
    QUrlQuery query;
    QByteArray rawQuery; // after '?', as received: the resolver passes it on unchanged (R17)
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case, in order
    QByteArray body;
    QHostAddress remoteAddress; // the TCP peer (may be a reverse proxy)
    // The client as far as trusted proxies vouch for it (ClientAddress::resolve); the
    // address IP rate limits and logs use. Set by Server before routing.
    QHostAddress clientAddress;
    bool secure = false;                // arrived over TLS
    QHash<QString, QString> pathParams; // {name} segments of the route, percent-decoded
    std::optional<Principal> principal; // set for authenticated routes

    /// First value of a header (name case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// A path parameter of the matched route ("product" for /v1/products/{product}).
    QString param(const QString& name) const { return pathParams.value(name); }
    /// The body as a JSON object; Error code "malformed_json" (sent as 400) otherwise.
    Result<QJsonObject> jsonObject() const;
};

} // namespace dpp::server
