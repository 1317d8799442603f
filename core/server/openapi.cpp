#include "openapi.h"

#include <QJsonArray>
#include <dpp/version.h>

namespace dpp::server {

namespace {

QJsonObject errorSchema()
{
    const QJsonObject str{{QStringLiteral("type"), QStringLiteral("string")}};
    const QJsonObject inner{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("type"), QStringLiteral("message"),
                                                QStringLiteral("code"), QStringLiteral("param")}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("type"), str},
                     {QStringLiteral("message"), str},
                     {QStringLiteral("code"), str},
                     {QStringLiteral("param"),
                      QJsonObject{{QStringLiteral("type"), QJsonArray{QStringLiteral("string"),
                                                                      QStringLiteral("null")}}}}}}};
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"), QJsonArray{QStringLiteral("error")}},
        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("error"), inner}}}};
}

QJsonObject errorResponse(const QString& description)
{
    return QJsonObject{
        {QStringLiteral("description"), description},
        {QStringLiteral("content"),
         QJsonObject{
             {QStringLiteral("application/json"),
              QJsonObject{{QStringLiteral("schema"),
                           QJsonObject{{QStringLiteral("$ref"),
                                        QStringLiteral("#/components/schemas/Error")}}}}}}}};
}

QJsonObject stringSchema()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}};
}

QJsonObject ref(const char* path)
{
    return QJsonObject{{QStringLiteral("$ref"), QString::fromLatin1(path)}};
}

bool isWrite(const Route& route)
{
    return route.method == "POST" || route.method == "PATCH" || route.method == "PUT" ||
           route.method == "DELETE";
}

// The sync protocol's headers (IdempotencyGate, routesupport.h's versioned/ifMatchVersion),
// declared once and referenced by the operations they apply to.
QJsonObject headerParameters()
{
    return QJsonObject{
        {QStringLiteral("IdempotencyKey"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Idempotency-Key")},
                     {QStringLiteral("in"), QStringLiteral("header")},
                     {QStringLiteral("required"), false},
                     {QStringLiteral("description"),
                      QStringLiteral("1-255 printable ASCII characters. The first 2xx/4xx answer "
                                     "is kept 24 h and replayed (Idempotent-Replayed: true) for "
                                     "the same method, path and body; other use of the key is "
                                     "422 idempotency_key_reused, a key still running 409 "
                                     "idempotency_key_in_progress.")},
                     {QStringLiteral("schema"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                  {QStringLiteral("minLength"), 1},
                                  {QStringLiteral("maxLength"), 255}}}}},
        {QStringLiteral("IfMatch"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("If-Match")},
                     {QStringLiteral("in"), QStringLiteral("header")},
                     {QStringLiteral("required"), false},
                     {QStringLiteral("description"),
                      QStringLiteral("The ETag the client read, or *. A stale one is 412 "
                                     "version_mismatch with the current resource under "
                                     "\"current\"; absent: unconditional.")},
                     {QStringLiteral("schema"), stringSchema()}}}};
}

QString operationId(const Route& route)
{
    // "GET /v1/products/{product}" → "get_v1_products_product": stable and unique per entry.
    QString id = QString::fromLatin1(route.method).toLower();
    for (QString s : route.path.split(u'/', Qt::SkipEmptyParts)) {
        s.remove(u'{').remove(u'}');
        for (QChar& c : s) {
            if (!c.isLetterOrNumber())
                c = u'_';
        }
        id += u'_' + s;
    }
    return id == QString::fromLatin1(route.method).toLower() ? id + QStringLiteral("_root") : id;
}

QJsonObject operation(const Route& route)
{
    QJsonObject op{{QStringLiteral("operationId"), operationId(route)},
                   {QStringLiteral("summary"), route.summary}};
    if (!route.tag.isEmpty())
        op.insert(QStringLiteral("tags"), QJsonArray{route.tag});

    QJsonArray parameters;
    for (const QString& name : RouteTable::parameterNames(route.path)) {
        parameters.append(
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("in"), QStringLiteral("path")},
                        {QStringLiteral("required"), true},
                        {QStringLiteral("schema"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}});
    }
    const bool api = route.path.startsWith(QLatin1String("/v1/"));
    if (api && !route.isPublic && isWrite(route))
        parameters.append(ref("#/components/parameters/IdempotencyKey"));
    const bool conditional =
        route.versioned && route.method != "GET" && (route.method != "POST" || route.postIfMatch);
    if (conditional)
        parameters.append(ref("#/components/parameters/IfMatch"));
    if (!parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), parameters);

    if (!route.requestSchema.isEmpty()) {
        op.insert(
            QStringLiteral("requestBody"),
            QJsonObject{
                {QStringLiteral("required"), true},
                {QStringLiteral("content"),
                 QJsonObject{{QStringLiteral("application/json"),
                              QJsonObject{{QStringLiteral("schema"), route.requestSchema}}}}}});
    }

    QJsonObject success{{QStringLiteral("description"), QStringLiteral("Success")}};
    QJsonObject headers;
    if (route.versioned && route.method != "DELETE")
        headers.insert(QStringLiteral("ETag"),
                       QJsonObject{{QStringLiteral("description"),
                                    QStringLiteral("The resource's version (strong, opaque)")},
                                   {QStringLiteral("schema"), stringSchema()}});
    if (api && !route.isPublic && isWrite(route))
        headers.insert(QStringLiteral("Idempotent-Replayed"),
                       QJsonObject{{QStringLiteral("description"),
                                    QStringLiteral("\"true\" on a stored answer replayed for "
                                                   "a repeated Idempotency-Key")},
                                   {QStringLiteral("schema"), stringSchema()}});
    if (!headers.isEmpty())
        success.insert(QStringLiteral("headers"), headers);
    if (!route.responseSchema.isEmpty()) {
        const QString mediaType = route.successMediaType.isEmpty()
                                      ? QStringLiteral("application/json")
                                      : route.successMediaType;
        success.insert(QStringLiteral("content"),
                       QJsonObject{{mediaType, QJsonObject{{QStringLiteral("schema"),
                                                            route.responseSchema}}}});
    }
    QJsonObject responses{{QString::number(route.successStatus), success},
                          {QStringLiteral("429"), errorResponse(QStringLiteral("Rate limited"))},
                          {QStringLiteral("default"), errorResponse(QStringLiteral("Error"))}};
    if (conditional)
        responses.insert(
            QStringLiteral("412"),
            errorResponse(QStringLiteral("If-Match is stale: the error and the current resource")));
    if (!route.isPublic) {
        responses.insert(QStringLiteral("401"), errorResponse(QStringLiteral("Unauthenticated")));
        responses.insert(QStringLiteral("403"), errorResponse(QStringLiteral("Missing scope")));
    }
    op.insert(QStringLiteral("responses"), responses);

    if (route.isPublic) {
        op.insert(QStringLiteral("security"), QJsonArray{});
    } else {
        // OpenAPI 3.1 lets non-OAuth schemes list required roles; we list the scope.
        const QJsonArray scopes = route.scope.isEmpty() ? QJsonArray{} : QJsonArray{route.scope};
        op.insert(QStringLiteral("security"),
                  QJsonArray{QJsonObject{{QStringLiteral("bearerAuth"), scopes}},
                             QJsonObject{{QStringLiteral("apiKeyHeader"), scopes}}});
    }
    return op;
}

} // namespace

QJsonObject openApiDocument(const RouteTable& routes, const QString& serverUrl)
{
    QJsonObject paths;
    for (const Route& route : routes.routes()) {
        QJsonObject item = paths.value(route.path).toObject();
        item.insert(QString::fromLatin1(route.method).toLower(), operation(route));
        paths.insert(route.path, item);
    }
    QJsonObject doc{
        {QStringLiteral("openapi"), QStringLiteral("3.1.0")},
        {QStringLiteral("info"),
         QJsonObject{
             {QStringLiteral("title"), QStringLiteral("DPP Studio API")},
             {QStringLiteral("version"), QString::fromLatin1(dpp::kVersion)},
             {QStringLiteral("description"),
              QStringLiteral("Digital Product Passports and GS1 Digital Link. Errors are "
                             "always {\"error\":{\"type\",\"message\",\"code\",\"param\"}}.")}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"),
         QJsonObject{
             {QStringLiteral("schemas"), QJsonObject{{QStringLiteral("Error"), errorSchema()}}},
             {QStringLiteral("parameters"), headerParameters()},
             {QStringLiteral("securitySchemes"),
              QJsonObject{{QStringLiteral("bearerAuth"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                       {QStringLiteral("scheme"), QStringLiteral("bearer")},
                                       {QStringLiteral("description"),
                                        QStringLiteral("API key sk_… as a bearer token")}}},
                          {QStringLiteral("apiKeyHeader"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                                       {QStringLiteral("in"), QStringLiteral("header")},
                                       {QStringLiteral("name"), QStringLiteral("X-API-Key")}}}}}}}};
    if (!serverUrl.isEmpty())
        doc.insert(QStringLiteral("servers"),
                   QJsonArray{QJsonObject{{QStringLiteral("url"), serverUrl}}});
    return doc;
}

} // namespace dpp::server
