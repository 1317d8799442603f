// ZIP archives of symbols: for a list of GTINs, for a serial range, and for a stored
// serial batch. The request is validated first (an error is a normal JSON answer); the
// archive is then streamed: BatchZipStream makes it a few entries at a time while the
// connection drains (chunked transfer coding), so the server never holds the whole
// archive and a slow client slows production instead of growing memory. A request stays
// capped at 10 000 serials: it bounds how long one download occupies the server thread.
#include "apiroutes.h"
#include "export/batchzipstream.h"
#include "routesupport.h"
#include "server.h"
#include "store/productrepository.h"
#include "store/serialrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

constexpr qint64 kMaxZipSerials = 10000;

std::optional<exporting::BatchSymbols> symbolsFrom(const QString& format)
{
    if (format.isEmpty() || format == u"both")
        return exporting::BatchSymbols::Both;
    if (format == u"qr")
        return exporting::BatchSymbols::Qr;
    if (format == u"datamatrix")
        return exporting::BatchSymbols::DataMatrix;
    return std::nullopt;
}

Response zipOf(const exporting::BatchRequest& request, const QString& name)
{
    auto opened = exporting::BatchZipStream::open(request);
    if (!opened.ok())
        return Response::fromError(opened.error());
    std::shared_ptr<exporting::BatchZipStream> zip = std::move(opened).value();
    auto body = std::make_shared<BodyStream>();
    body->next = [zip] { return zip->next(); };
    body->atEnd = [zip] { return zip->atEnd(); };
    Response r = Response::streamed(std::move(body), "application/zip");
    r.setHeader("Content-Disposition", "attachment; filename=\"" + name.toLatin1() + '"');
    return r;
}

Response invalidFormat()
{
    return Response::error(ApiError::validation(QStringLiteral("format"),
                                                QStringLiteral("must be qr, datamatrix or both")));
}

Response listZip(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    const QJsonValue gtins = body->value(QStringLiteral("gtins"));
    if (!gtins.isArray() || gtins.toArray().isEmpty())
        return Response::error(ApiError::validation(
            QStringLiteral("gtins"), QStringLiteral("is required (a non-empty array of GTINs)")));
    if (gtins.toArray().size() > kMaxZipSerials)
        return Response::error(ApiError::validation(
            QStringLiteral("gtins"), QStringLiteral("at most %1 GTINs").arg(kMaxZipSerials)));
    exporting::BatchRequest request;
    const QJsonArray list = gtins.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list[i].isString())
            return Response::error(ApiError::validation(QStringLiteral("gtins[%1]").arg(i),
                                                        QStringLiteral("must be a string")));
        request.gtins.append(list[i].toString());
    }
    const auto symbols = symbolsFrom(body->value(QStringLiteral("format")).toString());
    if (!symbols)
        return invalidFormat();
    request.symbols = *symbols;
    request.base = ctx.baseUrl();
    return zipOf(request, QStringLiteral("codes.zip"));
}

Response serialsZip(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    exporting::BatchRequest request;
    for (auto [name, target] : {std::pair{"gtin", &request.gtin}, std::pair{"batch", &request.lot},
                                std::pair{"prefix", &request.prefix}}) {
        const QJsonValue v = body->value(QLatin1String(name));
        if (!v.isUndefined() && !v.isString())
            return Response::error(ApiError::validation(QString::fromLatin1(name),
                                                        QStringLiteral("must be a string")));
        *target = v.toString();
    }
    for (auto [name, target] :
         {std::pair{"start", &request.start}, std::pair{"count", &request.count}}) {
        const QJsonValue v = body->value(QLatin1String(name));
        if (v.isUndefined())
            continue;
        if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())))
            return Response::error(ApiError::validation(QString::fromLatin1(name),
                                                        QStringLiteral("must be a whole number")));
        *target = qint64(v.toDouble());
    }
    if (request.count < 1 || request.count > kMaxZipSerials)
        return Response::error(ApiError::validation(
            QStringLiteral("count"), QStringLiteral("must be 1 to %1").arg(kMaxZipSerials)));
    const auto symbols = symbolsFrom(body->value(QStringLiteral("format")).toString());
    if (!symbols)
        return invalidFormat();
    request.symbols = *symbols;
    request.base = ctx.baseUrl();
    return zipOf(request, QStringLiteral("serials.zip"));
}

Response batchZip(const ApiContext& ctx, const Request& r)
{
    const auto batch =
        store::SerialRepository(*ctx.db, tenantOf(r)).batch(r.param(QStringLiteral("id")));
    if (!batch)
        return notFound("serial batch");
    const auto product = productsOf(ctx, r).get(batch->productId);
    if (!product)
        return notFound("product");
    if (batch->mode != u"sequential")
        return Response::error(ApiError::validation(
            QStringLiteral("id"), QStringLiteral("codes.zip is made for sequential batches")));
    if (batch->count > kMaxZipSerials)
        return Response::error(ApiError::validation(
            QStringLiteral("id"),
            QStringLiteral("the batch has more than %1 serials").arg(kMaxZipSerials)));
    exporting::BatchRequest request;
    request.gtin = product->gtin;
    request.lot = batch->lot;
    request.prefix = batch->prefix;
    request.start = batch->start;
    request.count = batch->count;
    request.width = batch->width;
    const auto symbols = symbolsFrom(r.query.queryItemValue(QStringLiteral("format")));
    if (!symbols)
        return invalidFormat();
    request.symbols = *symbols;
    request.base = ctx.baseUrl();
    return zipOf(request, QStringLiteral("codes.zip"));
}

} // namespace

Status addZipRoutes(Server& server, const ApiContext& ctx)
{
    Route list = makeRoute("POST", "/v1/codes/zip", "products:read", "codes",
                           "ZIP of QR and/or DataMatrix SVGs for a list of GTINs "
                           "{gtins, format: qr|datamatrix|both}",
                           [ctx](const Request& r) { return listZip(ctx, r); });
    list.requestSchema = objectSchema({{QStringLiteral("gtins"), typeSchema("array")},
                                       {QStringLiteral("format"), typeSchema("string")}},
                                      {QStringLiteral("gtins")});
    list.responseSchema = typeSchema("string");

    Route serials = makeRoute("POST", "/v1/codes/serials.zip", "serials:read", "codes",
                              "ZIP of symbols for a serial range {gtin, batch, prefix, start, "
                              "count <= 10000, format}",
                              [ctx](const Request& r) { return serialsZip(ctx, r); });
    serials.requestSchema = objectSchema({{QStringLiteral("gtin"), typeSchema("string")},
                                          {QStringLiteral("batch"), typeSchema("string")},
                                          {QStringLiteral("prefix"), typeSchema("string")},
                                          {QStringLiteral("start"), typeSchema("integer")},
                                          {QStringLiteral("count"), typeSchema("integer")},
                                          {QStringLiteral("format"), typeSchema("string")}},
                                         {QStringLiteral("gtin"), QStringLiteral("count")});
    serials.responseSchema = typeSchema("string");

    Route batch = makeRoute("GET", "/v1/serial-batches/{id}/codes.zip", "serials:read", "serials",
                            "ZIP of the batch's symbols (?format=qr|datamatrix|both)",
                            [ctx](const Request& r) { return batchZip(ctx, r); });
    batch.responseSchema = typeSchema("string");

    for (Route* route : {&list, &serials, &batch}) {
        if (Status s = server.addRoute(std::move(*route)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
