// Codes: the QR (SVG) of a product's GS1 Digital Link, and the public, rate-limited
// /v1/qr/{gtin} that renders a QR or GS1 DataMatrix for any valid GTIN without a key.
#include "apiroutes.h"
#include "gs1/gtin.h"
#include "routesupport.h"
#include "server.h"
#include "store/productrepository.h"
#include "symbol/symbology.h"
#include "symbol/symbolrenderer.h"

namespace dpp::server {

using namespace routes;

namespace {

struct CodeRequest
{
    QString gtin, lot, serial;
    symbol::Symbology symbology = symbol::Symbology::Qr;
    symbol::OutputFormat output = symbol::OutputFormat::Svg;
    int pixelsPerModule = 0; // PNG only; 0 = 300 dpi at 0.5 mm
};

// QR carries the Digital Link URI (phones open it); DataMatrix the GS1 element string
// (what logistics scanners and the GS1 DataMatrix rules expect).
Response render(const CodeRequest& c, const QString& base)
{
    symbol::SymbolRequest request;
    request.symbology = c.symbology;
    request.format = c.output;
    request.render.pixelsPerModule = c.pixelsPerModule;
    if (c.symbology == symbol::Symbology::Qr) {
        auto content = symbol::SymbolContent::fromProductKeys(c.gtin, c.lot, c.serial, {}, base);
        if (!content.ok())
            return Response::fromError(content.error());
        request.content = *content;
    } else {
        QString bracketed = QStringLiteral("(01)") + c.gtin;
        if (!c.lot.isEmpty())
            bracketed += QStringLiteral("(10)") + c.lot;
        if (!c.serial.isEmpty())
            bracketed += QStringLiteral("(21)") + c.serial;
        auto content = symbol::SymbolContent::fromElementString(bracketed);
        if (!content.ok()) {
            Error e = content.error();
            e.param = e.param == u"ai:10"   ? QStringLiteral("batch")
                      : e.param == u"ai:21" ? QStringLiteral("serial")
                                            : QStringLiteral("gtin");
            return Response::fromError(e);
        }
        request.content = *content;
    }
    const auto out = symbol::SymbolRenderer::render(request);
    if (!out.ok())
        return Response::fromError(out.error());
    return Response::bytes(out->bytes, c.output == symbol::OutputFormat::Png
                                           ? QByteArrayLiteral("image/png")
                                           : QByteArrayLiteral("image/svg+xml"));
}

Response publicCode(const ApiContext& ctx, const Request& r)
{
    CodeRequest c;
    const auto gtin = gs1::Gtin::parse(r.param(QStringLiteral("gtin")));
    if (!gtin.ok())
        return Response::error(
            ApiError::validation(QStringLiteral("gtin"), gtin.error().message, gtin.error().code));
    c.gtin = gtin->gtin14();
    c.lot = r.query.queryItemValue(QStringLiteral("batch"), QUrl::FullyDecoded);
    c.serial = r.query.queryItemValue(QStringLiteral("serial"), QUrl::FullyDecoded);
    const QString format = r.query.queryItemValue(QStringLiteral("format")).toLower();
    if (format == u"datamatrix")
        c.symbology = symbol::Symbology::DataMatrix;
    else if (format == u"png")
        c.output = symbol::OutputFormat::Png;
    else if (!format.isEmpty() && format != u"qr" && format != u"svg")
        return Response::error(ApiError::validation(
            QStringLiteral("format"), QStringLiteral("must be qr, datamatrix, svg or png")));
    if (r.query.hasQueryItem(QStringLiteral("size"))) {
        bool ok = false;
        c.pixelsPerModule = r.query.queryItemValue(QStringLiteral("size")).toInt(&ok);
        if (!ok || c.pixelsPerModule < 1 || c.pixelsPerModule > 40)
            return Response::error(ApiError::validation(
                QStringLiteral("size"), QStringLiteral("must be 1 to 40 pixels per module")));
    }
    Response out = render(c, ctx.baseUrl());
    if (out.status == 200)
        out.setHeader("Cache-Control", "public, max-age=86400");
    return out;
}

} // namespace

Status addCodeRoutes(Server& server, const ApiContext& ctx)
{
    Route productQr =
        makeRoute("GET", "/v1/products/{product}/qr", "products:read", "codes",
                  "The product's GS1 Digital Link as a QR code (SVG)", [ctx](const Request& r) {
                      auto products = productsOf(ctx, r);
                      const auto p = products.resolve(r.param(QStringLiteral("product")));
                      if (!p)
                          return notFound("product");
                      CodeRequest c;
                      c.gtin = p->gtin;
                      return render(c, ctx.baseUrl());
                  });
    productQr.responseSchema = typeSchema("string");

    Route qr = makeRoute("GET", "/v1/qr/{gtin}", "", "codes",
                         "Public: QR or GS1 DataMatrix for a GTIN "
                         "(?format=qr|datamatrix|svg|png&batch=&serial=&size=); rate-limited",
                         [ctx](const Request& r) { return publicCode(ctx, r); });
    qr.isPublic = true;
    qr.responseSchema = typeSchema("string");

    for (Route* r : {&productQr, &qr}) {
        if (Status s = server.addRoute(std::move(*r)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
