#include "productimporter.h"

#include "csvreader.h"
#include "productcsv.h"
#include "store/productrepository.h"

namespace dpp::exporting {

Result<ImportReport> ProductImporter::importCsv(const QByteArray& bytes, const Progress& progress)
{
    auto table = CsvReader::parse(bytes);
    if (!table.ok())
        return table.error();
    const QStringList header = table->records.first();
    ImportReport report;
    const int total = int(table->records.size()) - 1;
    // A header we cannot map would put values into the wrong fields (or drop
    // them), so no row is imported; the report names the columns at fault.
    if (const auto problems = ProductCsv::checkHeader(header); !problems.isEmpty()) {
        report.skipped = total;
        for (const auto& p : problems)
            report.errors.append({1, p.param, p.message});
        return report;
    }

    store::ProductRepository products(m_db, m_tenantId);
    int done = 0;
    for (int from = 1; from <= total; from += kChunkRows) {
        ImportReport chunk;
        const int to = std::min(total, from + kChunkRows - 1);
        const Status committed = m_db.transaction([&]() -> Status {
            for (int i = from; i <= to; ++i) {
                const int row = i + 1; // header is row 1
                passport::FieldErrors errors;
                const QJsonObject json = ProductCsv::rowToJson(header, table->records[i], errors);
                if (errors.isEmpty())
                    errors = products.errors(json);
                if (!errors.isEmpty()) {
                    ++chunk.skipped;
                    for (const auto& e : errors)
                        chunk.errors.append({row, ProductCsv::columnForParam(e.param), e.message});
                    continue;
                }
                auto saved = products.save(json);
                if (!saved.ok())
                    return saved.error(); // a database failure: roll the chunk back
                ++(saved->created ? chunk.created : chunk.updated);
            }
            return Ok{};
        });
        if (!committed.ok())
            return committed.error();
        report.created += chunk.created;
        report.updated += chunk.updated;
        report.skipped += chunk.skipped;
        report.errors += chunk.errors;
        done = to;
        if (progress)
            progress(done, total);
    }
    return report;
}

} // namespace dpp::exporting
