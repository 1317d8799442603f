#include "stockpickerdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace dpp::ui {

namespace {
QString sizeText(const label::LabelStock& s)
{
    return QStringLiteral("%1 × %2 mm")
        .arg(s.labelWidth.toMm(), 0, 'g', 4)
        .arg(s.labelHeight.toMm(), 0, 'g', 4);
}
} // namespace

StockPickerDialog::StockPickerDialog(const label::StockLibrary& library, QWidget* parent)
    : QDialog(parent), m_library(library)
{
    setObjectName(QStringLiteral("stockPicker"));
    setWindowTitle(tr("New label"));
    auto* layout = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search by size (50x30), vendor or name"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_table = new QTableWidget(int(library.all().size()), 4, this);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Vendor"), tr("Label size"), tr("Kind")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int row = 0; row < library.all().size(); ++row) {
        const label::LabelStock& s = library.all().at(row);
        auto* name = new QTableWidgetItem(s.name);
        name->setData(Qt::UserRole, s.id);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(s.vendor));
        m_table->setItem(row, 2, new QTableWidgetItem(sizeText(s)));
        QString kind;
        switch (s.kind) {
        case label::LabelStock::Kind::Sheet:
            kind = tr("Sheet, %1 per page").arg(s.labelsPerPage());
            break;
        case label::LabelStock::Kind::DieCut:
            kind = tr("Roll, die-cut");
            break;
        case label::LabelStock::Kind::Continuous:
            kind = tr("Roll, continuous");
            break;
        }
        m_table->setItem(row, 3, new QTableWidgetItem(kind));
    }
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &QDialog::accept);
    connect(m_search, &QLineEdit::textChanged, this, &StockPickerDialog::setFilter);
    auto updateOk = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!stockId().isEmpty());
    };
    connect(m_table, &QTableWidget::itemSelectionChanged, this, updateOk);
    updateOk();
    resize(640, 420);
}

bool StockPickerDialog::matches(const label::LabelStock& stock, const QString& text)
{
    static const QRegularExpression size(
        QStringLiteral("^(\\d+(?:[.,]\\d+)?)\\s*[x×*]\\s*(\\d+(?:[.,]\\d+)?)(?:mm)?$"));
    const QString haystack = (stock.id + u' ' + stock.name + u' ' + stock.vendor).toLower();
    for (const QString& word : text.toLower().split(u' ', Qt::SkipEmptyParts)) {
        const auto m = size.match(word);
        if (m.hasMatch()) {
            const double a = QString(m.captured(1)).replace(u',', u'.').toDouble();
            const double b = QString(m.captured(2)).replace(u',', u'.').toDouble();
            const double w = stock.labelWidth.toMm(), h = stock.labelHeight.toMm();
            // Half a millimetre: vendors round 63.5 to 63 or 64 in names.
            auto near = [](double x, double y) { return std::abs(x - y) <= 0.5; };
            if (!((near(a, w) && near(b, h)) || (near(a, h) && near(b, w))))
                return false;
        } else if (!haystack.contains(word)) {
            return false;
        }
    }
    return true;
}

void StockPickerDialog::setFilter(const QString& text)
{
    if (m_search->text() != text)
        m_search->setText(text);
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_table->setRowHidden(row, !matches(m_library.all().at(row), text));
}

int StockPickerDialog::visibleCount() const
{
    int n = 0;
    for (int row = 0; row < m_table->rowCount(); ++row)
        n += m_table->isRowHidden(row) ? 0 : 1;
    return n;
}

QString StockPickerDialog::stockId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_table->isRowHidden(rows.first().row()))
        return {};
    return m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
}

} // namespace dpp::ui
