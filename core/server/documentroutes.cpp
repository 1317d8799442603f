// Documents: multipart upload (field `file`, ?doc_type=), list, download, delete, under a
// product (/v1/products/{product}/documents) or tenant-wide (/v1/documents).
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

// A supplier-role user acts for one supplier's products (productsOf); documents of no
// product are the tenant's own, so such a user neither sees nor changes them.
bool supplierRole(const Request& r)
{
    return r.principal && r.principal->role == u"supplier";
}

// The document, when it belongs to the product named in the path (and so to this tenant).
std::optional<passport::Document> productDocumentOf(const ApiContext& ctx, const Request& r)
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

// The tenant-wide document named in the path. A product's document is not one: it is
// reached under its product only, where the product's visibility rules apply.
std::optional<passport::Document> tenantDocumentOf(const ApiContext& ctx, const Request& r)
{
    if (supplierRole(r))
        return std::nullopt;
    const auto doc =
        store::DocumentRepository(*ctx.db, tenantOf(r)).get(r.param(QStringLiteral("id")));
    if (!doc || !doc->productId.isEmpty())
        return std::nullopt;
    return doc;
}

// The one upload handler: multipart field "file", ?doc_type=; `productId` empty stores a
// tenant-wide document.
Response upload(const ApiContext& ctx, const Request& r, const QString& productId)
{
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
                     .add(productId, docType, file->filename, mediaType, file->data);
    if (!added.ok()) {
        Error e = added.error();
        if (e.param == u"doc_type" || e.param == u"docType")
            e.param = QStringLiteral("doc_type");
        return Response::fromError(e);
    }
    return Response::json(added->toJson(), 201);
}

Response listed(const QList<passport::Document>& documents)
{
    QJsonArray data;
    for (const auto& d : documents)
        data.append(d.toJson());
    return Response::json(
        QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
}

Response download(const ApiContext& ctx, const Request& r,
                  const std::optional<passport::Document>& doc)
{
    if (!doc)
        return notFound("document");
    const auto bytes = store::DocumentRepository(*ctx.db, tenantOf(r)).bytes(doc->id);
    if (!bytes.ok())
        return Response::fromError(bytes.error());
    Response out = Response::bytes(*bytes, doc->mediaType.toLatin1());
    // The stored name has no separators or controls (checked on upload); quotes go here.
    out.setHeader("Content-Disposition", "attachment; filename=\"" +
                                             QString(doc->filename).replace(u'"', u'_').toUtf8() +
                                             '"');
    return out;
}

Response remove(const ApiContext& ctx, const Request& r,
                const std::optional<passport::Document>& doc)
{
    if (!doc)
        return notFound("document");
    if (Status s = store::DocumentRepository(*ctx.db, tenantOf(r)).remove(doc->id); !s.ok())
        return Response::fromError(s.error());
    return Response::json(
        QJsonObject{{QStringLiteral("id"), doc->id}, {QStringLiteral("deleted"), true}});
}

} // namespace

Status addDocumentRoutes(Server& server, const ApiContext& ctx)
{
    const QJsonObject deletedSchema =
        objectSchema({{QStringLiteral("id"), typeSchema("string")},
                      {QStringLiteral("deleted"), typeSchema("boolean")}});
    QList<Route> routes;

    // Under a product.
    routes.append(makeRoute(
        "POST", "/v1/products/{product}/documents", "products:write", "documents",
        "Upload a document (multipart/form-data, field file; ?doc_type=)", [ctx](const Request& r) {
            const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
            if (!product)
                return notFound("product");
            return upload(ctx, r, product->id);
        }));
    routes.append(makeRoute(
        "GET", "/v1/products/{product}/documents", "products:read", "documents",
        "The product's documents", [ctx](const Request& r) {
            const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
            if (!product)
                return notFound("product");
            return listed(store::DocumentRepository(*ctx.db, tenantOf(r)).list(product->id));
        }));
    routes.append(makeRoute("GET", "/v1/products/{product}/documents/{docId}", "products:read",
                            "documents", "Download a document's bytes", [ctx](const Request& r) {
                                return download(ctx, r, productDocumentOf(ctx, r));
                            }));
    routes.append(makeRoute("DELETE", "/v1/products/{product}/documents/{docId}", "products:write",
                            "documents", "Delete a document", [ctx](const Request& r) {
                                return remove(ctx, r, productDocumentOf(ctx, r));
                            }));

    // Tenant-wide: documents of no product (company certificates, policies). The same
    // handlers and scopes; supplier-role users do not reach them.
    routes.append(
        makeRoute("POST", "/v1/documents", "products:write", "documents",
                  "Upload a tenant-wide document, of no product (multipart/form-data, field file; "
                  "?doc_type=)",
                  [ctx](const Request& r) {
                      if (supplierRole(r))
                          return Response::error(ApiError::forbidden(QStringLiteral(
                              "a supplier user uploads documents under its products")));
                      return upload(ctx, r, QString());
                  }));
    routes.append(
        makeRoute("GET", "/v1/documents", "products:read", "documents",
                  "The tenant-wide documents (those of no product)", [ctx](const Request& r) {
                      if (supplierRole(r))
                          return listed({});
                      return listed(store::DocumentRepository(*ctx.db, tenantOf(r)).tenantWide());
                  }));
    routes.append(makeRoute("GET", "/v1/documents/{id}", "products:read", "documents",
                            "Download a tenant-wide document's bytes", [ctx](const Request& r) {
                                return download(ctx, r, tenantDocumentOf(ctx, r));
                            }));
    routes.append(makeRoute("DELETE", "/v1/documents/{id}", "products:write", "documents",
                            "Delete a tenant-wide document", [ctx](const Request& r) {
                                return remove(ctx, r, tenantDocumentOf(ctx, r));
                            }));

    for (Route& route : routes) {
        if (route.method == "POST") {
            route.successStatus = 201;
            route.responseSchema = documentSchema();
        } else if (route.method == "DELETE") {
            route.responseSchema = deletedSchema;
        } else if (route.path.endsWith(u"documents")) {
            route.responseSchema = listSchema(documentSchema());
        } else {
            route.responseSchema = typeSchema("string");
        }
        if (Status s = server.addRoute(std::move(route)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
