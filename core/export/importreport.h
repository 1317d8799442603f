// ImportReport: what a bulk import did, in the documented shape
// {"created": n, "updated": n, "skipped": n, "errors": [{"row", "column", "message"}]}.
// Rows are numbered as a spreadsheet shows them: the header is row 1.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dpp::exporting {

struct ImportReport
{
    struct RowError
    {
        int row = 0;
        QString column;
        QString message;
    };

    int created = 0;
    int updated = 0;
    int skipped = 0;
    QList<RowError> errors;

    QJsonObject toJson() const;
};

} // namespace dpp::exporting
