// Bulk: CSV import of products (multipart, field `file`) and the CSV template. The rules
// per row (validation, insert or update by GTIN, chunked commits) are ProductImporter's.
#include "apiroutes.h"
#include "export/csvwriter.h"
#include "export/productcsv.h"
#include "export/productimporter.h"
#include "multipartform.h"
#include "routesupport.h"
#include "server.h"

namespace dpp::server {

using namespace routes;

Status addBulkRoutes(Server& server, const ApiContext& ctx)
{
    Route batch = makeRoute(
        "POST", "/v1/products/batch", "products:write", "products",
        "Import products from CSV (multipart/form-data, field file): {created, updated, "
        "skipped, errors}",
        [ctx](const Request& r) {
            const auto form = MultipartForm::parse(r.header("content-type"), r.body);
            if (!form.ok())
                return Response::error(ApiError::badRequest(form.error().code, form.error().message,
                                                            form.error().param));
            const auto file = form->part(QStringLiteral("file"));
            if (!file)
                return Response::error(ApiError::validation(
                    QStringLiteral("file"),
                    QStringLiteral("the multipart field \"file\" is required")));
            auto report = exporting::ProductImporter(*ctx.db, tenantOf(r)).importCsv(file->data);
            if (!report.ok())
                return Response::fromError(report.error());
            return Response::json(report->toJson());
        });
    batch.responseSchema = objectSchema({{QStringLiteral("created"), typeSchema("integer")},
                                         {QStringLiteral("updated"), typeSchema("integer")},
                                         {QStringLiteral("skipped"), typeSchema("integer")},
                                         {QStringLiteral("errors"), typeSchema("array")}});

    Route csvTemplate =
        makeRoute("GET", "/v1/template.csv", "products:read", "products",
                  "The CSV import template: every column and an example row", [](const Request&) {
                      exporting::CsvWriter csv;
                      csv.addRecord(exporting::ProductCsv::templateColumns());
                      csv.addRecord(exporting::ProductCsv::exampleRow());
                      return Response::bytes(csv.data(), "text/csv; charset=utf-8");
                  });
    csvTemplate.responseSchema = typeSchema("string");

    for (Route* route : {&batch, &csvTemplate}) {
        if (Status s = server.addRoute(std::move(*route)); !s.ok())
            return s;
    }
    return Ok{};
}

} // namespace dpp::server
