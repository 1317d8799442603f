// Product documents: multipart upload (field `file`, ?doc_type=), list, download, delete.
// The bytes live in the store (document_blobs), so no path from the client is ever used.
#include "apiroutes.h"
#include "multipartform.h"
#include "routesupport.h"
#include "server.h"
#include "store/documentrepository.h"
#include "store/productrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject documentSchema()
{
    return objectSchema({{QStringLiteral("id"), typeSchema("string")},
                         {QStringLiteral("doc_type"), typeSchema("string")},
                         {QStringLiteral("filename"), typeSchema("string")},
                         {QStringLiteral("media_type"), typeSchema("string")},
                         {QStringLiteral("size"), typeSchema("integer")},
                         {QStringLiteral("sha256"), typeSchema("string")}});
}

// The document, when it belongs to the product named in the path (and so to this tenant).
std::optional<passport::Document> documentOf(const ApiContext& ctx, const Request& r)
{
    const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
    if (!product)
        return std::nullopt;
    const auto doc =
        store::DocumentRepository(*ctx.db, tenantOf(r)).get(r.param(QStringLiteral("docId")));
    if (!doc || doc->productId != product->id)
        return std::nullopt;
    return doc;
}

Response upload(const ApiContext& ctx, const Request& r)
{
    const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
    if (!product)
        return notFound("product");
    const auto form = MultipartForm::parse(r.header("content-type"), r.body);
    if (!form.ok())
        return Response::error(
            ApiError::badRequest(form.error().code, form.error().message, form.error().param));
    const auto file = form->part(QStringLiteral("file"));
    if (!file)
        return Response::error(ApiError::validation(
            QStringLiteral("file"), QStringLiteral("the multipart field \"file\" is required")));
    const QString docType = r.query.queryItemValue(QStringLiteral("doc_type"));
    QString mediaType = QString::fromLatin1(file->contentType).section(u';', 0, 0).trimmed();
    if (mediaType.isEmpty())
        mediaType = QStringLiteral("application/octet-stream");
    auto added = store::DocumentRepository(*ctx.db, tenantOf(r))
                     .add(product->id, docType, file->filename, mediaType, file->data);
    if (!added.ok()) {
        Error e = added.error();
        if (e.param == u"doc_type" || e.param == u"docType")
            e.param = QStringLiteral("doc_type");
        return Response::fromError(e);
    }
    return Response::json(added->toJson(), 201);
}

} // namespace

Status addDocumentRoutes(Server& server, const ApiContext& ctx)
{
    Route create =
        makeRoute("POST", "/v1/products/{product}/documents", "products:write", "documents",
                  "Upload a document (multipart/form-data, field file; ?doc_type=)",
                  [ctx](const Request& r) { return upload(ctx, r); });
    create.successStatus = 201;
    create.responseSchema = documentSchema();

    Route list = makeRoute(
        "GET", "/v1/products/{product}/documents", "products:read", "documents",
        "The product's documents", [ctx](const Request& r) {
            const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
            if (!product)
                return notFound("product");
            QJsonArray data;
            for (const auto& d : store::DocumentRepository(*ctx.db, tenantOf(r)).list(product->id))
                data.append(d.toJson());
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    list.responseSchema = listSchema(documentSchema());

    Route download =
        makeRoute("GET", "/v1/products/{product}/documents/{docId}", "products:read", "documents",
                  "Download a document's bytes", [ctx](const Request& r) {
                      const auto doc = documentOf(ctx, r);
                      if (!doc)
                          return notFound("document");
                      const auto bytes =
                          store::DocumentRepository(*ctx.db, tenantOf(r)).bytes(doc->id);
                      if (!bytes.ok())
                          return Response::fromError(bytes.error());
                      Response out = Response::bytes(*bytes, doc->mediaType.toLatin1());
                      // The stored name has no separators or controls (checked on upload); quotes
                      // go here.
                      out.setHeader("Content-Disposition",
                                    "attachment; filename=\"" +
                                        QString(doc->filename).replace(u'"', u'_').toUtf8() + '"');
                      return out;
                  });
    download.responseSchema = typeSchema("string");

    Route remove = makeRoute(
        "DELETE", "/v1/products/{product}/documents/{docId}", "products:write", "documents",
        "Delete a document", [ctx](const Request& r) {
            const auto doc = documentOf(ctx, r);
            if (!doc)
                return notFound("document");
            if (Status s = store::DocumentRepository(*ctx.db, tenantOf(r)).remove(doc->id); !s.ok())
                return Response::fromError(s.error());
            return Response::json(
                QJsonObject{{QStringLiteral("id"), doc->id}, {QStringLiteral("deleted"), true}});
        });
    remove.responseSchema = objectSchema({{QStringLiteral("id"), typeSchema("string")},
                                          {QStringLiteral("deleted"), typeSchema("boolean")}});

    for (Route* route : {&create, &list, &download, &remove}) {
        if (Status s = server.addRoute(std::move(*route)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
