// ProductEditor: the editor of one product and its passport, a tab of the
// main window. Tabs: general, wine e-label, battery, composition, documents,
// records, passport. Below them the list of what to fix (clicking an entry
// shows and focuses the field) and Save, enabled only while there is nothing
// to fix. All state is in its ProductDocument.
#pragma once

#include <QHash>
#include <QWidget>
#include <memory>
#include <store/database.h>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace dpp::ui {

class BatteryTab;
class CompositionTab;
class DocumentsTab;
class GeneralTab;
class PassportTab;
class ProductDocument;
class RecordsTab;
class WineTab;

class ProductEditor : public QWidget
{
    Q_OBJECT
public:
    // `productId` empty = a new product. `resolverBase`: for the Digital Link shown.
    ProductEditor(std::shared_ptr<store::Database> db, const QString& tenantId,
                  const QString& productId, const QString& resolverBase, QWidget* parent = nullptr);

    ProductDocument* document() const { return m_document; }
    QTabWidget* tabs() const { return m_tabs; }
    GeneralTab* generalTab() const { return m_general; }
    WineTab* wineTab() const { return m_wine; }
    BatteryTab* batteryTab() const { return m_battery; }
    CompositionTab* compositionTab() const { return m_composition; }
    DocumentsTab* documentsTab() const { return m_documents; }
    RecordsTab* recordsTab() const { return m_records; }
    PassportTab* passportTab() const { return m_passport; }
    QPushButton* saveButton() const { return m_save; }
    QListWidget* errorList() const { return m_errors; }
    QLabel* saveMessage() const { return m_saveMessage; }
    QString loadError() const { return m_loadError; }

    // The widget showing the field at `param` (a validation error's path).
    QWidget* fieldFor(const QString& param) const;
    // Shows the tab holding the field at `param` and gives it focus.
    void focusField(const QString& param);
    bool save();
    QString title() const;

Q_SIGNALS:
    void titleChanged();
    void productSaved(const QString& productId);

private:
    void updateErrors();
    void updateTabs();

    ProductDocument* m_document;
    QTabWidget* m_tabs;
    GeneralTab* m_general;
    WineTab* m_wine;
    BatteryTab* m_battery;
    CompositionTab* m_composition;
    DocumentsTab* m_documents;
    RecordsTab* m_records;
    PassportTab* m_passport;
    QListWidget* m_errors;
    QPushButton* m_save;
    QLabel* m_saveMessage;
    QLabel* m_fixLabel = nullptr;
    QHash<QString, QWidget*> m_fields;
    QString m_loadError;
};

} // namespace dpp::ui
