// CsvReader: RFC 4180 CSV as spreadsheets write it: UTF-8 with or without a
// byte order mark, ',' or ';' separators (detected from the header line),
// quoted fields with doubled quotes and embedded line breaks, CRLF or LF.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace dpp::exporting {

class CsvReader
{
public:
    struct Table
    {
        QChar separator;
        QList<QStringList> records; // records[0] is the header
        QList<int> lines;           // 1-based line where each record starts
    };

    // Errors (param "file"): not UTF-8, unterminated quoted field, empty file.
    static Result<Table> parse(const QByteArray& bytes);

    // ',' or ';', whichever occurs more often outside quotes in the first line.
    static QChar detectSeparator(QStringView text);
};

} // namespace dpp::exporting
