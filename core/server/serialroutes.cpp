// Serial batches: sequential or uploaded (CSV file or JSON list) GS1 serial numbers (AI 21)
// per product, their state counts, a CSV manifest, assignment of available serials
// (available → assigned), one serial's state (GET/PATCH …/serials/{serial}) and deletion of
// unused batches; changes are audited in the store.
#include "apiroutes.h"
#include "export/csvwriter.h"
#include "export/serialcsv.h"
#include "multipartform.h"
#include "routesupport.h"
#include "server.h"
#include "store/productrepository.h"
#include "store/serialrepository.h"

namespace dpp::server {

using namespace routes;

namespace {

QJsonObject batchSchema()
{
    return objectSchema({{QStringLiteral("id"), typeSchema("string")},
                         {QStringLiteral("product_id"), typeSchema("string")},
                         {QStringLiteral("lot"), typeSchema("string")},
                         {QStringLiteral("prefix"), typeSchema("string")},
                         {QStringLiteral("start"), typeSchema("integer")},
                         {QStringLiteral("count"), typeSchema("integer")},
                         {QStringLiteral("states"), typeSchema("object")},
                         {QStringLiteral("version"), typeSchema("integer")}});
}

QJsonObject withStates(const store::SerialRepository& serials, const passport::SerialBatch& b)
{
    QJsonObject json = b.toJson();
    QJsonObject states;
    const auto counts = serials.countByState(b.id);
    for (auto it = counts.begin(); it != counts.end(); ++it)
        states.insert(it.key(), it.value());
    json.insert(QStringLiteral("states"), states);
    return json;
}

// Reads an optional whole number field; an error names the field.
std::optional<ApiError> readInt(const QJsonObject& body, const QString& field, qint64& out)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())))
        return ApiError::validation(field, QStringLiteral("must be a whole number"));
    out = qint64(v.toDouble());
    return std::nullopt;
}

QString actorOf(const Request& r)
{
    return r.principal ? r.principal->keyId : QString();
}

// A CSV upload: multipart field "file" (one serial per row, optional "serial" header) and
// optional plain field "lot".
Result<passport::SerialBatch> batchFromUpload(const Request& r)
{
    const auto form = MultipartForm::parse(r.header("content-type"), r.body);
    if (!form.ok())
        return form.error();
    const auto file = form->part(QStringLiteral("file"));
    if (!file)
        return Error{QStringLiteral("file"),
                     QStringLiteral("the multipart field \"file\" is required"),
                     QStringLiteral("validation_error")};
    auto read = exporting::SerialCsv::read(file->data);
    if (!read.ok())
        return read.error();
    passport::SerialBatch batch = std::move(read).value();
    if (const auto lot = form->part(QStringLiteral("lot")))
        batch.lot = QString::fromUtf8(lot->data).trimmed();
    return batch;
}

Response createBatch(const ApiContext& ctx, const Request& r)
{
    const bool upload = r.header("content-type").toLower().startsWith("multipart/");
    Result<QJsonObject> body = QJsonObject();
    if (!upload) {
        body = r.jsonObject();
        if (!body.ok())
            return Response::fromError(body.error());
    }
    const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
    if (!product)
        return notFound("product");
    Result<passport::SerialBatch> parsed = passport::SerialBatch();
    if (upload) {
        parsed = batchFromUpload(r);
    } else {
        passport::FieldErrors errors;
        parsed = passport::SerialBatch::fromJson(*body, errors);
        // The API serves at most 100 000 serials per request (the store allows more, for
        // local batches): one request stays one bounded transaction.
        if (errors.isEmpty() && parsed->mode == u"sequential" &&
            (parsed->count < 1 || parsed->count > 100000))
            errors.append({QStringLiteral("count"), QStringLiteral("must be 1 to 100000")});
        if (!errors.isEmpty())
            return invalid(errors);
    }
    if (!parsed.ok()) {
        const Error& e = parsed.error();
        if (e.code == u"invalid_multipart")
            return Response::error(ApiError::badRequest(e.code, e.message, e.param));
        return Response::fromError(e);
    }
    passport::SerialBatch batch = std::move(parsed).value();
    batch.productId = product->id;
    store::SerialRepository serials(*ctx.db, tenantOf(r));
    auto created = serials.createBatch(batch, actorOf(r));
    if (!created.ok())
        return Response::fromError(created.error());
    return versioned(withStates(serials, *created), created->rowVersion, 201);
}

QJsonObject serialSchema()
{
    return objectSchema({{QStringLiteral("serial"), typeSchema("string")},
                         {QStringLiteral("state"), typeSchema("string")},
                         {QStringLiteral("batch_id"), typeSchema("string")},
                         {QStringLiteral("product"), typeSchema("string")}});
}

// One serial as the API shows it; "product" is the GTIN (what a label and a resolver
// URL carry), the same in every store that holds the product.
QJsonObject serialJson(const ApiContext& ctx, const Request& r,
                       const store::SerialRepository::SerialInfo& s)
{
    const auto product = productsOf(ctx, r).get(s.productId);
    return {{QStringLiteral("serial"), s.serial},
            {QStringLiteral("state"), s.state},
            {QStringLiteral("batch_id"), s.batchId},
            {QStringLiteral("product"), product ? product->gtin : QString()}};
}

// An optional string member of a JSON body; an error names the field.
std::optional<ApiError> readString(const QJsonObject& body, const QString& field,
                                   std::optional<QString>& out, bool required)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return ApiError::validation(field, QStringLiteral("is required"));
        return std::nullopt;
    }
    if (!v.isString())
        return ApiError::validation(field, QStringLiteral("must be a string"));
    out = v.toString();
    return std::nullopt;
}

// PATCH one serial's state: {state, from?}. `from` makes it a compare-and-set (what sync
// sends): a serial in another state is 412 with the serial as it is under "current".
Response patchSerial(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    store::SerialRepository serials(*ctx.db, tenantOf(r));
    const QString batchId = r.param(QStringLiteral("id"));
    const QString serial = r.param(QStringLiteral("serial"));
    if (!serials.batch(batchId))
        return notFound("serial batch");
    const auto before = serials.serialInBatch(batchId, serial);
    if (!before)
        return notFound("serial");
    std::optional<QString> state, from;
    if (auto e = readString(*body, QStringLiteral("state"), state, true))
        return Response::error(*e);
    if (auto e = readString(*body, QStringLiteral("from"), from, false))
        return Response::error(*e);
    const Status s = serials.setState(before->productId, serial, *state, from);
    const auto after = serials.serialInBatch(batchId, serial);
    if (!s.ok() && isVersionMismatch(s.error()) && after)
        return preconditionFailed(s.error(), serialJson(ctx, r, *after), QByteArray());
    if (!s.ok())
        return Response::fromError(s.error());
    QJsonObject json = serialJson(ctx, r, after ? *after : *before);
    json.insert(QStringLiteral("changed"), after && after->state != before->state);
    return Response::json(json);
}

// PATCH many serials of a batch at once: {serials:[…], state, from} (compare-and-set, all
// or nothing; what sync sends for an assignment). A serial in another state than "from"
// is 412 with that serial under "current".
Response patchSerials(const ApiContext& ctx, const Request& r)
{
    const auto body = r.jsonObject();
    if (!body.ok())
        return Response::fromError(body.error());
    store::SerialRepository serials(*ctx.db, tenantOf(r));
    const QString batchId = r.param(QStringLiteral("id"));
    if (!serials.batch(batchId))
        return notFound("serial batch");
    const QJsonValue list = body->value(QStringLiteral("serials"));
    if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > 10000)
        return Response::error(ApiError::validation(
            QStringLiteral("serials"), QStringLiteral("must be a list of 1 to 10000 serials")));
    QStringList names;
    for (qsizetype i = 0; i < list.toArray().size(); ++i) {
        const QJsonValue v = list.toArray().at(i);
        if (!v.isString())
            return Response::error(ApiError::validation(QStringLiteral("serials[%1]").arg(i),
                                                        QStringLiteral("must be a string")));
        names.append(v.toString());
    }
    std::optional<QString> state, from;
    if (auto e = readString(*body, QStringLiteral("state"), state, true))
        return Response::error(*e);
    if (auto e = readString(*body, QStringLiteral("from"), from, true))
        return Response::error(*e);
    qsizetype failedAt = -1;
    const auto changed = serials.setStates(batchId, names, *state, *from, &failedAt);
    if (!changed.ok() && isVersionMismatch(changed.error())) {
        const auto current = serials.serialInBatch(batchId, names.value(failedAt));
        QJsonObject json = current ? serialJson(ctx, r, *current) : QJsonObject();
        return preconditionFailed(changed.error(), json, QByteArray());
    }
    if (!changed.ok())
        return Response::fromError(changed.error());
    return Response::json(
        QJsonObject{{QStringLiteral("batch_id"), batchId},
                    {QStringLiteral("state"), *state},
                    {QStringLiteral("changed"), QJsonArray::fromStringList(*changed)}});
}

} // namespace

Status addSerialRoutes(Server& server, const ApiContext& ctx)
{
    Route create =
        makeRoute("POST", "/v1/products/{product}/serial-batches", "serials:write", "serials",
                  "Create a serial batch: sequential {lot, prefix, start, count, width}, a JSON "
                  "list {lot, serials}, or a CSV upload (multipart field file, optional lot)",
                  [ctx](const Request& r) { return createBatch(ctx, r); });
    create.successStatus = 201;
    create.requestSchema = objectSchema({{QStringLiteral("lot"), typeSchema("string")},
                                         {QStringLiteral("prefix"), typeSchema("string")},
                                         {QStringLiteral("start"), typeSchema("integer")},
                                         {QStringLiteral("count"), typeSchema("integer")},
                                         {QStringLiteral("width"), typeSchema("integer")},
                                         {QStringLiteral("serials"), typeSchema("array")}});
    create.responseSchema = batchSchema();

    Route list = makeRoute(
        "GET", "/v1/products/{product}/serial-batches", "serials:read", "serials",
        "The product's serial batches", [ctx](const Request& r) {
            const auto product = productsOf(ctx, r).resolve(r.param(QStringLiteral("product")));
            if (!product)
                return notFound("product");
            store::SerialRepository serials(*ctx.db, tenantOf(r));
            QJsonArray data;
            for (const auto& b : serials.batches(product->id))
                data.append(withStates(serials, b));
            return Response::json(
                QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("hasMore"), false}});
        });
    list.responseSchema = listSchema(batchSchema());

    Route get =
        makeRoute("GET", "/v1/serial-batches/{id}", "serials:read", "serials",
                  "A serial batch with its serials counted by state", [ctx](const Request& r) {
                      store::SerialRepository serials(*ctx.db, tenantOf(r));
                      const auto b = serials.batch(r.param(QStringLiteral("id")));
                      if (!b)
                          return notFound("serial batch");
                      return versioned(withStates(serials, *b), b->rowVersion);
                  });
    get.responseSchema = batchSchema();

    Route manifest = makeRoute(
        "GET", "/v1/serial-batches/{id}/manifest.csv", "serials:read", "serials",
        "CSV manifest: gtin, lot, serial, state", [ctx](const Request& r) {
            store::SerialRepository serials(*ctx.db, tenantOf(r));
            const auto b = serials.batch(r.param(QStringLiteral("id")));
            if (!b)
                return notFound("serial batch");
            const auto product = productsOf(ctx, r).get(b->productId);
            exporting::CsvWriter csv;
            csv.addRecord({QStringLiteral("gtin"), QStringLiteral("lot"), QStringLiteral("serial"),
                           QStringLiteral("state")});
            for (const QString& state : passport::SerialBatch::states())
                for (const QString& serial : serials.serials(b->id, state))
                    csv.addRecord({product ? product->gtin : QString(), b->lot, serial, state});
            return Response::bytes(csv.data(), "text/csv; charset=utf-8");
        });
    manifest.responseSchema = typeSchema("string");

    Route assign = makeRoute(
        "POST", "/v1/serial-batches/{id}/assign", "serials:write", "serials",
        "Move {count} available serials to assigned and return them", [ctx](const Request& r) {
            const auto body = r.jsonObject();
            if (!body.ok())
                return Response::fromError(body.error());
            store::SerialRepository serials(*ctx.db, tenantOf(r));
            if (!serials.batch(r.param(QStringLiteral("id"))))
                return notFound("serial batch");
            qint64 count = 0;
            if (auto e = readInt(*body, QStringLiteral("count"), count))
                return Response::error(*e);
            if (count < 1 || count > 10000)
                return Response::error(ApiError::validation(QStringLiteral("count"),
                                                            QStringLiteral("must be 1 to 10000")));
            auto assigned = serials.assign(r.param(QStringLiteral("id")), int(count), actorOf(r));
            if (!assigned.ok())
                return Response::fromError(assigned.error());
            return Response::json(
                QJsonObject{{QStringLiteral("serials"), QJsonArray::fromStringList(*assigned)}});
        });
    assign.requestSchema =
        objectSchema({{QStringLiteral("count"), typeSchema("integer")}}, {QStringLiteral("count")});
    assign.responseSchema = objectSchema({{QStringLiteral("serials"), typeSchema("array")}});

    Route remove =
        makeRoute("DELETE", "/v1/serial-batches/{id}", "serials:write", "serials",
                  "Delete a batch whose serials are all still available (409 otherwise); audited",
                  [ctx](const Request& r) {
                      const QString id = r.param(QStringLiteral("id"));
                      const auto expected = ifMatchVersion(r);
                      if (!expected.ok())
                          return Response::fromError(expected.error());
                      store::SerialRepository serials(*ctx.db, tenantOf(r));
                      if (Status s = serials.deleteBatch(id, actorOf(r), *expected); !s.ok()) {
                          const auto current = serials.batch(id);
                          if (isVersionMismatch(s.error()) && current)
                              return preconditionFailed(s.error(), withStates(serials, *current),
                                                        current->rowVersion);
                          return Response::fromError(s.error());
                      }
                      return Response::json(QJsonObject{{QStringLiteral("id"), id},
                                                        {QStringLiteral("deleted"), true}});
                  });
    remove.responseSchema = objectSchema({{QStringLiteral("id"), typeSchema("string")},
                                          {QStringLiteral("deleted"), typeSchema("boolean")}});

    Route getSerial =
        makeRoute("GET", "/v1/serial-batches/{id}/serials/{serial}", "serials:read", "serials",
                  "One serial of the batch: {serial, state, batch_id, product (GTIN)}",
                  [ctx](const Request& r) {
                      store::SerialRepository serials(*ctx.db, tenantOf(r));
                      if (!serials.batch(r.param(QStringLiteral("id"))))
                          return notFound("serial batch");
                      const auto s = serials.serialInBatch(r.param(QStringLiteral("id")),
                                                           r.param(QStringLiteral("serial")));
                      if (!s)
                          return notFound("serial");
                      return Response::json(serialJson(ctx, r, *s));
                  });
    getSerial.responseSchema = serialSchema();

    Route setSerial = makeRoute(
        "PATCH", "/v1/serial-batches/{id}/serials/{serial}", "serials:write", "serials",
        "Set one serial's state {state, from?}: one step forward (available, assigned, printed, "
        "activated) or decommissioned; the state it has already is 200 with changed false; "
        "with from, a serial in another state is 412 with it under current",
        [ctx](const Request& r) { return patchSerial(ctx, r); });
    setSerial.requestSchema = objectSchema({{QStringLiteral("state"), typeSchema("string")},
                                            {QStringLiteral("from"), typeSchema("string")}},
                                           {QStringLiteral("state")});
    QJsonObject changedSchema = serialSchema();
    QJsonObject props = changedSchema.value(QStringLiteral("properties")).toObject();
    props.insert(QStringLiteral("changed"), typeSchema("boolean"));
    changedSchema.insert(QStringLiteral("properties"), props);
    setSerial.responseSchema = changedSchema;

    Route setMany = makeRoute(
        "PATCH", "/v1/serial-batches/{id}/serials", "serials:write", "serials",
        "Move {serials:[…]} (1 to 10000) of the batch from {from} to {state} in one step, all "
        "or nothing; serials already in state are left alone; one in another state is 412 "
        "with it under current",
        [ctx](const Request& r) { return patchSerials(ctx, r); });
    setMany.requestSchema =
        objectSchema({{QStringLiteral("serials"), typeSchema("array")},
                      {QStringLiteral("state"), typeSchema("string")},
                      {QStringLiteral("from"), typeSchema("string")}},
                     {QStringLiteral("serials"), QStringLiteral("state"), QStringLiteral("from")});
    setMany.responseSchema = objectSchema({{QStringLiteral("batch_id"), typeSchema("string")},
                                           {QStringLiteral("state"), typeSchema("string")},
                                           {QStringLiteral("changed"), typeSchema("array")}});

    for (Route* route : {&create, &get, &remove})
        route->versioned = true;
    for (Route* route :
         {&create, &list, &get, &manifest, &assign, &remove, &getSerial, &setSerial, &setMany}) {
        if (Status s = server.addRoute(std::move(*route)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
