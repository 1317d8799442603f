#include "jsontableeditor.h"

#include "fielddecoration.h"
#include "fieldtext.h"
#include "productdocument.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dpp::ui {

JsonTableEditor::JsonTableEditor(ProductDocument* document, QString path,
                                 const QList<passport::FieldSpec>& columns, QWidget* parent)
    : QWidget(parent), m_document(document), m_path(std::move(path)), m_columns(columns),
      m_table(new QTableWidget(this)), m_message(new QLabel(this))
{
    setObjectName(m_path);
    m_table->setObjectName(m_path + QStringLiteral(":table"));
    m_table->setColumnCount(int(m_columns.size()));
    QStringList headers;
    for (const auto& c : m_columns)
        headers << QCoreApplication::translate("FieldSpec", c.label.toUtf8().constData());
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_message->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* buttons = new QHBoxLayout;
    auto addButton = [&](const QString& text, const QString& name, auto slot) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(m_path + u':' + name);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    addButton(tr("&Add row"), QStringLiteral("add"), [this] { addRow(); });
    addButton(tr("&Remove"), QStringLiteral("remove"), [this] { removeSelectedRows(); });
    addButton(tr("Move &up"), QStringLiteral("up"), [this] { moveSelected(-1); });
    addButton(tr("Move &down"), QStringLiteral("down"), [this] { moveSelected(1); });
    addButton(tr("&Paste rows"), QStringLiteral("paste"), [this] { pasteFromClipboard(); });
    buttons->addStretch();
    // Ctrl+V on the table pastes spreadsheet rows instead of into one cell.
    auto* paste = new QShortcut(QKeySequence::Paste, m_table);
    paste->setContext(Qt::WidgetShortcut);
    connect(paste, &QShortcut::activated, this, &JsonTableEditor::pasteFromClipboard);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::cellChanged, this, &JsonTableEditor::cellEdited);
    connect(m_document, &ProductDocument::changed, this, &JsonTableEditor::refresh);
    connect(m_document, &ProductDocument::errorsChanged, this, &JsonTableEditor::showErrors);
    refresh(QString());
}

QJsonArray JsonTableEditor::rows() const
{
    return m_document->value(m_path).toArray();
}

void JsonTableEditor::refresh(const QString& changedPath)
{
    if (!changedPath.isEmpty() && changedPath != m_path)
        return;
    m_refreshing = true;
    const QJsonArray data = rows();
    m_table->setRowCount(int(data.size()));
    for (int r = 0; r < data.size(); ++r) {
        const QJsonObject o = data[r].toObject();
        for (int c = 0; c < m_columns.size(); ++c) {
            const QString text = FieldText::format(o.value(m_columns[c].key));
            auto* item = m_table->item(r, c);
            if (!item)
                m_table->setItem(r, c, new QTableWidgetItem(text));
            else if (item->text() != text)
                item->setText(text);
        }
    }
    m_table->resizeColumnsToContents();
    m_refreshing = false;
    showErrors();
}

void JsonTableEditor::showErrors()
{
    m_refreshing = true;
    QStringList messages;
    for (int r = 0; r < m_table->rowCount(); ++r)
        for (int c = 0; c < m_columns.size(); ++c) {
            const QString cellPath =
                QStringLiteral("%1[%2].%3").arg(m_path).arg(r).arg(m_columns[c].key);
            const QString error = m_document->errorAt(cellPath);
            if (auto* item = m_table->item(r, c)) {
                item->setBackground(error.isEmpty() ? QBrush() : QBrush(QColor(255, 205, 210)));
                item->setToolTip(error);
            }
            if (!error.isEmpty())
                messages << tr("Row %1, %2: %3")
                                .arg(r + 1)
                                .arg(m_table->horizontalHeaderItem(c)->text(), error);
        }
    // Errors about the list as a whole ("percentages add up to 120").
    for (const auto& e : m_document->errors())
        if (e.param == m_path)
            messages << e.message;
    m_message->setText(messages.join(u'\n'));
    m_message->setVisible(!messages.isEmpty());
    FieldDecoration::apply(m_table, nullptr, messages.join(u'\n'));
    m_refreshing = false;
}

void JsonTableEditor::cellEdited(int row, int column)
{
    if (m_refreshing)
        return;
    QJsonArray data = rows();
    if (row >= data.size())
        return;
    QJsonObject o = data[row].toObject();
    const auto& spec = m_columns[column];
    const QJsonValue v = FieldText::parse(spec, m_table->item(row, column)->text());
    if (v.isUndefined())
        o.remove(spec.key);
    else
        o.insert(spec.key, v);
    data[row] = o;
    m_document->setValue(m_path, data);
}

void JsonTableEditor::addRow()
{
    QJsonArray data = rows();
    data.append(QJsonObject());
    m_document->setValue(m_path, data);
    m_table->setCurrentCell(int(data.size()) - 1, 0);
}

void JsonTableEditor::removeSelectedRows()
{
    QList<int> selected;
    for (const auto& index : m_table->selectionModel()->selectedRows())
        selected << index.row();
    if (selected.isEmpty() && m_table->currentRow() >= 0)
        selected << m_table->currentRow();
    if (selected.isEmpty())
        return;
    std::sort(selected.begin(), selected.end(), std::greater<int>());
    QJsonArray data = rows();
    for (int r : selected)
        if (r < data.size())
            data.removeAt(r);
    m_document->setValue(m_path, data.isEmpty() ? QJsonValue(QJsonValue::Undefined) : data);
}

void JsonTableEditor::moveSelected(int delta)
{
    const int from = m_table->currentRow();
    QJsonArray data = rows();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= data.size())
        return;
    const QJsonValue moved = data[from];
    data.removeAt(from);
    data.insert(to, moved);
    m_document->setValue(m_path, data);
    m_table->setCurrentCell(to, std::max(0, m_table->currentColumn()));
}

int JsonTableEditor::pasteText(const QString& tsv)
{
    QJsonArray data = rows();
    int added = 0;
    const QStringList lines = tsv.split(QRegularExpression(QStringLiteral("\r?\n")));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        const QStringList cells = lines[i].split(u'\t');
        // A copied header row names the columns by key or by label; skip it.
        if (added == 0 && !cells.isEmpty()) {
            const QString first = cells.first().trimmed();
            const auto& c0 = m_columns.first();
            if (first.compare(c0.key, Qt::CaseInsensitive) == 0 ||
                first.compare(c0.label, Qt::CaseInsensitive) == 0 ||
                first.compare(m_table->horizontalHeaderItem(0)->text(), Qt::CaseInsensitive) == 0)
                continue;
        }
        QJsonObject o;
        for (int c = 0; c < std::min<qsizetype>(cells.size(), m_columns.size()); ++c) {
            const QJsonValue v = FieldText::parse(m_columns[c], cells[c]);
            if (!v.isUndefined())
                o.insert(m_columns[c].key, v);
        }
        data.append(o);
        ++added;
    }
    if (added > 0)
        m_document->setValue(m_path, data);
    return added;
}

void JsonTableEditor::pasteFromClipboard()
{
    pasteText(QApplication::clipboard()->text());
}

} // namespace dpp::ui
