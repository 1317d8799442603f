// CsvWriter: RFC 4180 output (CRLF line ends, fields quoted only when they
// hold the separator, a quote, a line break or edge spaces), UTF-8.
#pragma once

#include <QByteArray>
#include <QStringList>

namespace dpp::exporting {

class CsvWriter
{
public:
    explicit CsvWriter(QChar separator = u',') : m_separator(separator) {}
    void addRecord(const QStringList& fields);
    const QByteArray& data() const { return m_data; }

    static QString quote(const QString& field, QChar separator = u',');

private:
    QChar m_separator;
    QByteArray m_data;
};

} // namespace dpp::exporting
