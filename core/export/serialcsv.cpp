#include "serialcsv.h"

#include "csvreader.h"

namespace dpp::exporting {

Result<passport::SerialBatch> SerialCsv::read(const QByteArray& bytes)
{
    auto table = CsvReader::parse(bytes);
    if (!table.ok())
        return table.error();
    passport::SerialBatch batch;
    batch.mode = QStringLiteral("uploaded");
    qsizetype column = 0, first = 0;
    if (!table->records.isEmpty()) {
        const QStringList& head = table->records.first();
        for (qsizetype i = 0; i < head.size(); ++i) {
            if (head[i].trimmed().compare(u"serial", Qt::CaseInsensitive) == 0) {
                column = i;
                first = 1;
                break;
            }
        }
    }
    for (qsizetype r = first; r < table->records.size(); ++r) {
        const QStringList& record = table->records[r];
        const QString serial = record.value(column).trimmed();
        if (serial.isEmpty() && record.join(QString()).trimmed().isEmpty())
            continue;
        batch.uploaded.append(serial);
        batch.uploadedRows.append(table->lines.value(r, int(r) + 1));
    }
    if (batch.uploaded.isEmpty())
        return Error{QStringLiteral("file"), QStringLiteral("holds no serial numbers"),
                     QStringLiteral("validation_error")};
    return batch;
}

} // namespace dpp::exporting
