// SerialCsv: reads an uploaded list of GS1 serial numbers (AI 21), one per row, into an
// "uploaded" SerialBatch that remembers each serial's row for error messages.
#pragma once

#include "passport/serialbatch.h"
#include "result.h"

#include <QByteArray>

namespace dpp::exporting {

class SerialCsv
{
public:
    // The file is CSV as spreadsheets write it (see CsvReader). A first row whose cells
    // include "serial" (any case) is a header and names the column; otherwise the serial
    // is the first column and every row is data. Blank rows are skipped; cells are
    // trimmed, since spreadsheets pad them and a GS1 serial never has spaces.
    // Errors (param "file"): unreadable CSV, no serials. The serials themselves are
    // checked by SerialBatch::validate(), which names rows.
    static Result<passport::SerialBatch> read(const QByteArray& bytes);
};

} // namespace dpp::exporting
