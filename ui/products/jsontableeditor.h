// JsonTableEditor: a list of objects in a ProductDocument (materials,
// substances, disassembly steps, wine ingredients, producers) as an editable
// table whose columns come from the core FieldSpecs. Add, remove, move up and
// down, and paste rows copied from a spreadsheet (tab-separated, columns in
// the table's order; a header row is recognised and skipped). Every change is
// one undoable document command.
#pragma once

#include <QWidget>
#include <passport/fieldspec.h>

class QTableWidget;
class QLabel;

namespace dpp::ui {

class ProductDocument;

class JsonTableEditor : public QWidget
{
    Q_OBJECT
public:
    JsonTableEditor(ProductDocument* document, QString path,
                    const QList<passport::FieldSpec>& columns, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QString path() const { return m_path; }

    void addRow();
    void removeSelectedRows();
    void moveSelected(int delta);
    // Appends rows from tab-separated text; returns how many were added.
    int pasteText(const QString& tsv);
    void pasteFromClipboard();

private:
    QJsonArray rows() const;
    void refresh(const QString& changedPath);
    void showErrors();
    void cellEdited(int row, int column);

    ProductDocument* m_document;
    QString m_path;
    QList<passport::FieldSpec> m_columns;
    QTableWidget* m_table;
    QLabel* m_message;
    bool m_refreshing = false;
};

} // namespace dpp::ui
