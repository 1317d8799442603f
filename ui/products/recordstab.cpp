#include "recordstab.h"

#include "productdocument.h"
#include "serialstatemodel.h"
#include "serialstatesdialog.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <store/batteryunitrepository.h>
#include <store/productsupplierrepository.h>
#include <store/serialrepository.h>
#include <store/supplierrepository.h>

namespace dpp::ui {

namespace {
QTableWidget* makeTable(QWidget* parent, const QStringList& headers, const QString& name)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    return t;
}

// `note` non-empty: a staged or to-be-removed record, shown in italics with the note.
void appendRow(QTableWidget* t, const QStringList& cells, const QString& id = {},
               const QString& note = {})
{
    const int r = t->rowCount();
    t->insertRow(r);
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (!note.isEmpty()) {
            QFont f = item->font();
            f.setItalic(true);
            item->setFont(f);
            item->setToolTip(note);
        }
        t->setItem(r, c, item);
    }
    if (t->item(r, 0))
        t->item(r, 0)->setData(Qt::UserRole, id);
}
} // namespace

RecordsTab::RecordsTab(ProductDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_suppliers(makeTable(this, {tr("Name"), tr("Role"), tr("Country"), tr("GLN")},
                            QStringLiteral("suppliers"))),
      m_batches(makeTable(this,
                          {tr("Lot"), tr("First serial"), tr("Count"), tr("Created"), tr("States")},
                          QStringLiteral("serial_batches"))),
      m_units(makeTable(this, {tr("Unique identifier"), tr("Serial"), tr("Status")},
                        QStringLiteral("battery_units"))),
      m_history(makeTable(this, {tr("When"), tr("What"), tr("Value")},
                          QStringLiteral("battery_unit_history"))),
      m_status(new QLabel(this))
{
    m_status->setWordWrap(true);
    auto* link = new QPushButton(tr("Link supplier…"), this);
    connect(link, &QPushButton::clicked, this, &RecordsTab::showLinkDialog);
    auto* unlink = new QPushButton(tr("Unlink supplier"), this);
    connect(unlink, &QPushButton::clicked, this, [this] {
        const int r = m_suppliers->currentRow();
        if (r >= 0 && m_suppliers->item(r, 0))
            report(unlinkSupplier(m_suppliers->item(r, 0)->data(Qt::UserRole).toString()));
    });
    auto* newBatch = new QPushButton(tr("New sequential batch…"), this);
    connect(newBatch, &QPushButton::clicked, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("New serial batch"));
        auto* form = new QFormLayout(&dialog);
        auto* prefix = new QLineEdit(&dialog);
        auto* start = new QSpinBox(&dialog);
        start->setRange(0, 999999999);
        start->setValue(1);
        auto* count = new QSpinBox(&dialog);
        count->setRange(1, 1000000);
        count->setValue(100);
        auto* width = new QSpinBox(&dialog);
        width->setRange(1, 20);
        width->setValue(6);
        auto* lot = new QLineEdit(&dialog);
        form->addRow(tr("Prefix"), prefix);
        form->addRow(tr("First number"), start);
        form->addRow(tr("Count"), count);
        form->addRow(tr("Digits"), width);
        form->addRow(tr("Lot"), lot);
        auto* buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() == QDialog::Accepted)
            report(createSerialBatch(prefix->text(), start->value(), count->value(), width->value(),
                                     lot->text()));
    });
    auto* removeBatch = new QPushButton(tr("Remove serial batch"), this);
    removeBatch->setObjectName(QStringLiteral("remove_serial_batch"));
    connect(removeBatch, &QPushButton::clicked, this, [this] {
        const int r = m_batches->currentRow();
        if (r >= 0 && m_batches->item(r, 0))
            removeSerialBatch(m_batches->item(r, 0)->data(Qt::UserRole).toString());
    });
    auto* serialStates = new QPushButton(tr("Serials…"), this);
    serialStates->setObjectName(QStringLiteral("serial_states"));
    connect(serialStates, &QPushButton::clicked, this, [this] {
        const int r = m_batches->currentRow();
        if (r >= 0 && m_batches->item(r, 0))
            showSerials(m_batches->item(r, 0)->data(Qt::UserRole).toString());
    });
    connect(m_batches, &QTableWidget::cellDoubleClicked, this, [this](int r) {
        if (m_batches->item(r, 0))
            showSerials(m_batches->item(r, 0)->data(Qt::UserRole).toString());
    });
    auto* newUnit = new QPushButton(tr("Add battery unit…"), this);
    connect(newUnit, &QPushButton::clicked, this, [this] {
        const QString id = QInputDialog::getText(this, tr("Add battery unit"),
                                                 tr("Unique identifier (e.g. its Digital Link)"));
        if (!id.isEmpty())
            report(addBatteryUnit(id, QString()));
    });
    auto* reading = new QPushButton(tr("Add SoH reading…"), this);
    connect(reading, &QPushButton::clicked, this, [this] {
        if (currentUnitId().isEmpty())
            return;
        bool ok = false;
        const double soh = QInputDialog::getDouble(this, tr("State of health"),
                                                   tr("State of health (%)"), 100, 0, 100, 1, &ok);
        if (ok)
            report(addReading(currentUnitId(), soh));
    });
    auto* event = new QPushButton(tr("Add lifecycle event…"), this);
    connect(event, &QPushButton::clicked, this, [this] {
        if (currentUnitId().isEmpty())
            return;
        bool ok = false;
        const QString type =
            QInputDialog::getItem(this, tr("Lifecycle event"), tr("Type"),
                                  passport::LifecycleEvent::types(), 0, false, &ok);
        if (ok)
            report(addEvent(currentUnitId(), type, QString()));
    });
    auto* status = new QPushButton(tr("Change status…"), this);
    status->setObjectName(QStringLiteral("battery_unit_status"));
    connect(status, &QPushButton::clicked, this, [this] {
        if (currentUnitId().isEmpty())
            return;
        bool ok = false;
        const QString chosen =
            QInputDialog::getItem(this, tr("Battery status"), tr("Status (Annex XIII 4(c))"),
                                  passport::BatteryUnit::statuses(), 0, false, &ok);
        if (ok)
            report(setUnitStatus(currentUnitId(), chosen));
    });
    connect(m_units, &QTableWidget::itemSelectionChanged, this, &RecordsTab::showUnitHistory);
    connect(m_document, &ProductDocument::recordsChanged, this, &RecordsTab::reload);

    auto box = [this](const QString& title, QList<QWidget*> widgets) {
        auto* g = new QGroupBox(title, this);
        auto* l = new QVBoxLayout(g);
        for (QWidget* w : widgets)
            l->addWidget(w);
        return g;
    };
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(box(tr("Suppliers"), {m_suppliers, link, unlink}));
    layout->addWidget(box(tr("Serial batches"), {m_batches, newBatch, serialStates, removeBatch}));
    layout->addWidget(
        box(tr("Battery units"), {m_units, newUnit, status, m_history, reading, event}));
    layout->addWidget(m_status);
    reload();
}

void RecordsTab::report(const Status& status)
{
    m_status->setText(status.ok() ? QString()
                                  : tr("%1: %2").arg(status.error().param, status.error().message));
}

void RecordsTab::showLinkDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Link supplier"));
    auto* form = new QFormLayout(&dialog);
    auto* supplier = new QComboBox(&dialog);
    for (const auto& s :
         store::SupplierRepository(m_document->database(), m_document->tenantId()).list())
        supplier->addItem(s.name, s.id);
    // Editable: the core accepts any lower-case role word, the list only offers the usual ones.
    auto* role = new QComboBox(&dialog);
    role->setEditable(true);
    role->addItems(passport::ProductSupplier::commonRoles());
    form->addRow(tr("Supplier"), supplier);
    form->addRow(tr("Role"), role);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        report(linkSupplier(supplier->currentData().toString(), role->currentText()));
}

Status RecordsTab::linkSupplier(const QString& supplierId, const QString& role)
{
    passport::ProductSupplier link;
    link.productId = m_document->productId();
    link.supplierId = supplierId;
    link.role = role;
    return m_document->stageSupplierLink(link);
}

Status RecordsTab::unlinkSupplier(const QString& supplierId)
{
    return m_document->removeSupplierLink(supplierId);
}

Status RecordsTab::createSerialBatch(const QString& prefix, qint64 start, int count, int width,
                                     const QString& lot)
{
    passport::SerialBatch batch;
    batch.productId = m_document->productId();
    batch.prefix = prefix;
    batch.start = start;
    batch.count = count;
    batch.width = width;
    batch.lot = lot;
    return m_document->stageSerialBatch(batch);
}

SerialStatesDialog* RecordsTab::showSerials(const QString& batchId)
{
    if (batchId.isEmpty())
        return nullptr;
    if (ProductDocument::isStagedKey(batchId)) {
        m_status->setText(tr("Save the product first: a new batch's serials are all available "
                             "until it is stored."));
        return nullptr;
    }
    // One window per batch: a second request brings the open one forward.
    for (auto* open : findChildren<SerialStatesDialog*>())
        if (open->batchId() == batchId) {
            open->show();
            open->raise();
            open->activateWindow();
            return open;
        }
    auto* dialog = new SerialStatesDialog(m_document, batchId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void RecordsTab::removeSerialBatch(const QString& idOrKey)
{
    m_document->removeSerialBatch(idOrKey);
}

Status RecordsTab::addBatteryUnit(const QString& uniqueIdentifier, const QString& serialNumber)
{
    passport::BatteryUnit unit;
    unit.productId = m_document->productId();
    unit.uniqueIdentifier = uniqueIdentifier;
    unit.serialNumber = serialNumber;
    const auto key = m_document->stageBatteryUnit(unit);
    if (!key.ok())
        return key.error();
    return Ok{};
}

Status RecordsTab::addReading(const QString& unitKey, double stateOfHealthPct)
{
    passport::SohReading r;
    r.measuredAt = QDateTime::currentDateTimeUtc();
    r.stateOfHealthPct = stateOfHealthPct;
    return m_document->stageReading(unitKey, r);
}

Status RecordsTab::setUnitStatus(const QString& unitKey, const QString& status)
{
    return m_document->stageStatus(unitKey, status);
}

Status RecordsTab::addEvent(const QString& unitKey, const QString& type, const QString& description)
{
    passport::LifecycleEvent e;
    e.occurredAt = QDateTime::currentDateTimeUtc();
    e.type = type;
    e.description = description;
    return m_document->stageEvent(unitKey, e);
}

void RecordsTab::reload()
{
    const QString unit = currentUnitId();
    m_suppliers->setRowCount(0);
    m_batches->setRowCount(0);
    m_units->setRowCount(0);
    const auto& staged = m_document->staged();
    const QString notSaved = tr("not saved yet");
    // The product's links, with the role the link gives (what the supplier delivers here).
    QHash<QString, passport::Supplier> byId;
    for (const auto& s :
         store::SupplierRepository(m_document->database(), m_document->tenantId()).list())
        byId.insert(s.id, s);
    if (!m_document->isNew()) {
        for (const auto& l :
             store::ProductSupplierRepository(m_document->database(), m_document->tenantId())
                 .ofProduct(m_document->productId())) {
            const passport::Supplier s = byId.value(l.supplierId);
            const bool removed = staged.unlinkedSuppliers.contains(l.supplierId);
            appendRow(m_suppliers, {s.name, l.role, s.country, s.gln}, l.supplierId,
                      removed ? tr("removed on save") : QString());
        }
        store::SerialRepository serials(m_document->database(), m_document->tenantId());
        for (const auto& b : serials.batches(m_document->productId())) {
            const bool removed = staged.removedBatches.contains(b.id);
            const QMap<QString, int> stored = serials.countByState(b.id);
            const QMap<QString, int> after = staged.serialStateCounts(b.id, stored);
            appendRow(m_batches,
                      {b.lot, b.serials().value(0), QString::number(b.count),
                       removed ? tr("removed on save") : b.createdAt.toString(Qt::ISODate),
                       SerialStateModel::countsText(after)},
                      b.id, removed ? tr("removed on save") : QString());
            // Staged state changes: the counts after Save, in italics until then.
            if (after != stored && !removed) {
                QTableWidgetItem* cell = m_batches->item(m_batches->rowCount() - 1, 4);
                QFont f = cell->font();
                f.setItalic(true);
                cell->setFont(f);
                cell->setToolTip(
                    tr("%1; stored now: %2").arg(notSaved, SerialStateModel::countsText(stored)));
            }
        }
        for (const auto& u :
             store::BatteryUnitRepository(m_document->database(), m_document->tenantId())
                 .list(m_document->productId())) {
            const QString next = m_document->stagedStatus(u.id, u.status);
            appendRow(m_units,
                      {u.uniqueIdentifier, u.serialNumber,
                       next == u.status ? u.status : tr("%1 (%2)").arg(next, notSaved)},
                      u.id);
        }
    }
    for (const auto& l : staged.links) {
        const passport::Supplier s = byId.value(l.supplierId);
        appendRow(m_suppliers, {s.name, l.role, s.country, s.gln}, l.supplierId, notSaved);
    }
    for (const auto& b : staged.batches)
        appendRow(m_batches,
                  {b.batch.lot, b.batch.serials().value(0), QString::number(b.batch.count),
                   notSaved,
                   SerialStateModel::countsText({{QStringLiteral("available"), b.batch.count}})},
                  b.key, notSaved);
    for (const auto& u : staged.units)
        appendRow(m_units,
                  {u.unit.uniqueIdentifier, u.unit.serialNumber,
                   tr("%1 (%2)").arg(m_document->stagedStatus(u.key, u.unit.status), notSaved)},
                  u.key, notSaved);
    for (int r = 0; r < m_units->rowCount(); ++r)
        if (!unit.isEmpty() && m_units->item(r, 0)->data(Qt::UserRole).toString() == unit)
            m_units->selectRow(r);
    showUnitHistory();
}

QString RecordsTab::currentUnitId() const
{
    const int r = m_units->currentRow();
    return r >= 0 && m_units->item(r, 0) ? m_units->item(r, 0)->data(Qt::UserRole).toString()
                                         : QString();
}

void RecordsTab::showUnitHistory()
{
    m_history->setRowCount(0);
    const QString id = currentUnitId();
    if (id.isEmpty())
        return;
    if (!ProductDocument::isStagedKey(id)) {
        store::BatteryUnitRepository units(m_document->database(), m_document->tenantId());
        for (const auto& r : units.readings(id))
            appendRow(m_history, {r.measuredAt.toString(Qt::ISODate), tr("State of health"),
                                  QStringLiteral("%1 %").arg(r.stateOfHealthPct)});
        for (const auto& e : units.events(id))
            appendRow(m_history, {e.occurredAt.toString(Qt::ISODate), e.type, e.description});
    }
    // Staged entries follow the stored history: they are appended by Save.
    const auto& staged = m_document->staged();
    const QString notSaved = tr("not saved yet");
    for (const auto& r : staged.readings)
        if (r.unitKey == id)
            appendRow(m_history,
                      {r.reading.measuredAt.toString(Qt::ISODate), tr("State of health"),
                       QStringLiteral("%1 %").arg(r.reading.stateOfHealthPct)},
                      {}, notSaved);
    for (const auto& c : staged.statusChanges)
        if (c.unitKey == id)
            appendRow(m_history, {QString(), tr("Status"), c.status}, {}, notSaved);
    for (const auto& e : staged.events)
        if (e.unitKey == id)
            appendRow(m_history,
                      {e.event.occurredAt.toString(Qt::ISODate), e.event.type, e.event.description},
                      {}, notSaved);
}

} // namespace dpp::ui
