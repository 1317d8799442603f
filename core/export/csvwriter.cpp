#include "csvwriter.h"

namespace dpp::exporting {

QString CsvWriter::quote(const QString& field, QChar separator)
{
    const bool needs = field.contains(separator) || field.contains(u'"') || field.contains(u'\n') ||
                       field.contains(u'\r') || field.startsWith(u' ') || field.endsWith(u' ');
    if (!needs)
        return field;
    QString out = field;
    out.replace(u'"', QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

void CsvWriter::addRecord(const QStringList& fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += m_separator;
        line += quote(fields[i], m_separator);
    }
    m_data += line.toUtf8();
    m_data += "\r\n";
}

} // namespace dpp::exporting
