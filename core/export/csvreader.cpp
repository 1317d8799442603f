#include "csvreader.h"

#include <QStringDecoder>

namespace dpp::exporting {

namespace {
Error fileError(const QString& message)
{
    return Error{QStringLiteral("file"), message, QStringLiteral("invalid_file")};
}
} // namespace

QChar CsvReader::detectSeparator(QStringView text)
{
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u',')
            ++commas;
        else if (!quoted && c == u';')
            ++semicolons;
    }
    return semicolons > commas ? QChar(u';') : QChar(u',');
}

Result<CsvReader::Table> CsvReader::parse(const QByteArray& bytes)
{
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
    if (decoder.hasError())
        return fileError(QStringLiteral("the file is not UTF-8 text; save it as \"CSV UTF-8\""));
    if (text.trimmed().isEmpty())
        return fileError(QStringLiteral("the file is empty"));

    Table table;
    table.separator = detectSeparator(text);
    QStringList record;
    QString field;
    bool quoted = false; // inside a quoted field
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    int quoteLine = 0;
    auto endField = [&] {
        record.append(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        // A line with nothing on it is not a record (trailing newline, blank lines).
        if (!(record.size() == 1 && record.first().isEmpty())) {
            table.records.append(record);
            table.lines.append(recordLine);
        }
        record.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == table.separator) {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return fileError(
            QStringLiteral("a quoted field starting on line %1 is never closed").arg(quoteLine));
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    if (table.records.isEmpty())
        return fileError(QStringLiteral("the file has no header row"));
    return table;
}

} // namespace dpp::exporting
