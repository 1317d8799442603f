#include "serialstatesdialog.h"

#include "productdocument.h"
#include "serialstatemodel.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <passport/serialbatch.h>
#include <store/serialrepository.h>

namespace dpp::ui {

SerialStatesDialog::SerialStatesDialog(ProductDocument* document, QString batchId, QWidget* parent)
    : QDialog(parent), m_document(document), m_batchId(std::move(batchId)),
      m_model(new SerialStateModel(this)), m_view(new QTableView(this)),
      m_filter(new QComboBox(this)), m_setState(new QPushButton(tr("Set state…"), this)),
      m_menu(new QMenu(this)), m_counts(new QLabel(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("serial_states_dialog"));
    const auto batch =
        store::SerialRepository(m_document->database(), m_document->tenantId()).batch(m_batchId);
    setWindowTitle(batch && !batch->lot.isEmpty() ? tr("Serials of lot %1").arg(batch->lot)
                                                  : tr("Serials"));
    resize(520, 600);

    m_view->setObjectName(QStringLiteral("serials"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    // Fixed row heights: the view never measures 100,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(SerialStateModel::SerialColumn, 220);

    m_filter->setObjectName(QStringLiteral("state_filter"));
    m_filter->addItem(tr("All states"), QString());
    for (const QString& state : passport::SerialBatch::states())
        m_filter->addItem(SerialStateModel::stateLabel(state), state);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setStateFilter(m_filter->currentData().toString());
        updateOffer();
    });

    m_setState->setObjectName(QStringLiteral("set_state"));
    m_setState->setMenu(m_menu);
    connect(m_menu, &QMenu::triggered, this,
            [this](QAction* a) { report(setSelectedState(a->data().toString())); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SerialStatesDialog::updateOffer);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SerialStatesDialog::updateOffer);

    // Ctrl+Z / Ctrl+Shift+Z work here too: the dialog edits the editor's document.
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("Redo"));
    redo->setShortcuts(QKeySequence::Redo);
    addAction(undo);
    addAction(redo);

    m_counts->setObjectName(QStringLiteral("state_counts"));
    m_counts->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show"), this));
    top->addWidget(m_filter);
    top->addWidget(m_counts, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_setState, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(new QLabel(tr("Changes are stored when you save the product."), this));
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_document, &ProductDocument::recordsChanged, this, &SerialStatesDialog::showStaged);
    // After Save (or another writer's print job) the store holds the truth again.
    connect(m_document, &ProductDocument::saved, this, &SerialStatesDialog::reloadStored);
    reloadStored();
}

void SerialStatesDialog::reloadStored()
{
    const auto batch =
        store::SerialRepository(m_document->database(), m_document->tenantId()).batch(m_batchId);
    const QHash<QString, QString> stored = m_document->storedSerialStates(m_batchId);
    QStringList serials = batch ? batch->serials() : QStringList();
    // Batch order when the batch can list its serials; otherwise the store's, sorted.
    if (serials.size() != stored.size()) {
        serials = stored.keys();
        std::sort(serials.begin(), serials.end());
    }
    m_model->setSerials(serials, stored);
    if (!batch)
        m_message->setText(tr("This batch is no longer in the store."));
    showStaged();
}

void SerialStatesDialog::showStaged()
{
    const auto& staged = m_document->staged();
    m_model->setStaged(staged.stagedSerialStates(m_batchId));
    const QMap<QString, int> counts = staged.serialStateCounts(
        m_batchId, store::SerialRepository(m_document->database(), m_document->tenantId())
                       .countByState(m_batchId));
    int total = 0;
    for (int n : counts)
        total += n;
    m_counts->setText(tr("%1 serials: %2").arg(total).arg(SerialStateModel::countsText(counts)));
    updateOffer();
}

QStringList SerialStatesDialog::selectedSerials() const
{
    QList<int> rows;
    for (const QItemSelectionRange& range : m_view->selectionModel()->selection())
        for (int r = range.top(); r <= range.bottom(); ++r)
            rows.append(r);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QStringList out;
    out.reserve(rows.size());
    for (int r : rows)
        out.append(m_model->serialAt(r));
    return out;
}

QStringList SerialStatesDialog::offeredStates() const
{
    QSet<QString> from;
    for (const QItemSelectionRange& range : m_view->selectionModel()->selection())
        for (int r = range.top(); r <= range.bottom(); ++r)
            from.insert(m_model->stateAt(r));
    if (from.isEmpty())
        return {};
    QStringList offered = passport::SerialBatch::states();
    for (const QString& f : from)
        offered.removeIf(
            [&](const QString& to) { return !passport::SerialBatch::canTransition(f, to); });
    return offered;
}

void SerialStatesDialog::updateOffer()
{
    m_menu->clear();
    const QStringList offered = offeredStates();
    for (const QString& state : offered)
        m_menu->addAction(SerialStateModel::stateLabel(state))->setData(state);
    m_setState->setEnabled(!offered.isEmpty());
    m_setState->setToolTip(
        offered.isEmpty()
            ? (m_view->selectionModel()->hasSelection()
                   ? tr("No state is allowed next for all selected serials (decommissioned is "
                        "final; select serials that are in the same step)")
                   : tr("Select serials first"))
            : QString());
}

Status SerialStatesDialog::setSelectedState(const QString& state)
{
    const QStringList serials = selectedSerials();
    if (serials.isEmpty())
        return Error{QStringLiteral("serials"), tr("select at least one serial"),
                     QStringLiteral("validation_error")};
    return m_document->stageSerialStates(m_batchId, serials, state);
}

void SerialStatesDialog::report(const Status& status)
{
    m_message->setText(
        status.ok() ? QString() : tr("%1: %2").arg(status.error().param, status.error().message));
}

} // namespace dpp::ui
