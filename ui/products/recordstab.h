// RecordsTab: the stored records around a product: the tenant's suppliers,
// the product's serial batches (list, create a sequential batch) and, for
// batteries, the individual units with their state-of-health history and
// lifecycle events. Like documents these are records of their own, written at
// once through the core repositories, not undoable edits of the product.
#pragma once

#include <QWidget>
#include <result.h>

class QTableWidget;
class QLabel;

namespace dpp::ui {

class ProductDocument;

class RecordsTab : public QWidget
{
    Q_OBJECT
public:
    explicit RecordsTab(ProductDocument* document, QWidget* parent = nullptr);

    // Creates a sequential serial batch (serials prefix + zero-padded counter).
    Status createSerialBatch(const QString& prefix, qint64 start, int count, int width,
                             const QString& lot);
    Status addBatteryUnit(const QString& uniqueIdentifier, const QString& serialNumber);
    Status addReading(const QString& unitId, double stateOfHealthPct);
    Status addEvent(const QString& unitId, const QString& type, const QString& description);

    QTableWidget* serialBatches() const { return m_batches; }
    QTableWidget* batteryUnits() const { return m_units; }
    QTableWidget* unitHistory() const { return m_history; }
    void reload();

private:
    void showUnitHistory();
    QString currentUnitId() const;
    void report(const Status& status);

    ProductDocument* m_document;
    QTableWidget* m_suppliers;
    QTableWidget* m_batches;
    QTableWidget* m_units;
    QTableWidget* m_history;
    QLabel* m_status;
};

} // namespace dpp::ui
