// RecordsTab: the stored records around a product: its linked suppliers (link
// one of the tenant's suppliers with a role, unlink),
// the product's serial batches (list with their state counts, create a sequential
// batch, open a batch's serials to set their states) and, for
// batteries, the individual units with their state-of-health history and
// lifecycle events. Supplier links, serial batches, battery units, readings
// and events, and serial state changes are undoable edits staged in the ProductDocument and stored
// by Save in one transaction; staged rows are shown in italics, "not saved yet".
#pragma once

#include <QWidget>
#include <result.h>

class QTableWidget;
class QLabel;

namespace dpp::ui {

class ProductDocument;
class SerialStatesDialog;

class RecordsTab : public QWidget
{
    Q_OBJECT
public:
    explicit RecordsTab(ProductDocument* document, QWidget* parent = nullptr);

    // Links one of the tenant's suppliers to the product with a role (stored on
    // Save by core ProductSupplierRepository, the same call as the API).
    Status linkSupplier(const QString& supplierId, const QString& role);
    Status unlinkSupplier(const QString& supplierId);
    QTableWidget* suppliers() const { return m_suppliers; }

    // Stages a sequential serial batch (serials prefix + zero-padded counter).
    Status createSerialBatch(const QString& prefix, qint64 start, int count, int width,
                             const QString& lot);
    // A staged batch (by key) is dropped; a stored one (by id) is deleted on save.
    void removeSerialBatch(const QString& idOrKey);
    Status addBatteryUnit(const QString& uniqueIdentifier, const QString& serialNumber);
    // `unitKey`: a stored unit's id or a staged unit's key (item data of the units table).
    Status addReading(const QString& unitKey, double stateOfHealthPct);
    Status addEvent(const QString& unitKey, const QString& type, const QString& description);
    // Annex XIII 4(c) status (original, repurposed, …), stored with its event on Save.
    Status setUnitStatus(const QString& unitKey, const QString& status);

    // Opens (non-modal) the serials of a stored batch to set their states; nullptr with
    // a message for a batch that is only staged (its serials are stored by Save).
    SerialStatesDialog* showSerials(const QString& batchId);

    QTableWidget* serialBatches() const { return m_batches; }
    QTableWidget* batteryUnits() const { return m_units; }
    QTableWidget* unitHistory() const { return m_history; }
    void reload();

private:
    void showUnitHistory();
    QString currentUnitId() const;
    void showLinkDialog();
    void report(const Status& status);

    ProductDocument* m_document;
    QTableWidget* m_suppliers;
    QTableWidget* m_batches;
    QTableWidget* m_units;
    QTableWidget* m_history;
    QLabel* m_status;
};

} // namespace dpp::ui
