// ProductImporter: CSV bulk import of products into one tenant. Every row is
// validated on its own; valid rows are saved (insert or update by GTIN),
// invalid rows are skipped and reported. Rows are committed in chunks, each
// chunk one transaction and each row one statement, so a process killed at
// any moment leaves only whole rows behind; re-running the same file then
// completes the import (rows already there count as updated).
#pragma once

#include "importreport.h"
#include "result.h"
#include "store/database.h"

#include <functional>

namespace dpp::exporting {

class ProductImporter
{
public:
    ProductImporter(store::Database& db, QString tenantId)
        : m_db(db), m_tenantId(std::move(tenantId))
    {}

    // Called after each committed chunk with rows done and data rows in total.
    using Progress = std::function<void(int done, int total)>;

    // Errors (param "file") only when the bytes are not CSV we can read (not
    // UTF-8, unclosed quote, empty). Row problems go into the report; header
    // problems (unknown or duplicate column, no gtin column) are reported on
    // row 1 and then no row is imported.
    Result<ImportReport> importCsv(const QByteArray& bytes, const Progress& progress = {});

    static constexpr int kChunkRows = 100;

private:
    store::Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::exporting
