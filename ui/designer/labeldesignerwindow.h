// LabelDesignerWindow: the label designer — canvas with rulers, toolbox,
// property panel, preview with a record from the open store, and the engine's
// warnings — one window per .dpplabel, like a document window in gLabels.
#pragma once

#include <QMainWindow>
#include <label/labeldocument.h>
#include <label/stocklibrary.h>
#include <memory>

class QAction;
class QTimer;

namespace dpp::store {
class Database;
}

namespace dpp::ui {

class DesignerCanvas;
class LabelDesignDocument;
class PreviewPanel;
class PropertyPanel;
class Ruler;
class WarningsPanel;

class LabelDesignerWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit LabelDesignerWindow(QWidget* parent = nullptr);
    ~LabelDesignerWindow() override;

    // The store previews and prints take records from; may be null.
    void setStore(std::shared_ptr<store::Database> db, const QString& tenantId);

    // Starts a new design on stock `stockId`; false with a message box when unknown.
    bool newLabel(const QString& stockId);
    // Opens a .dpplabel; errors (with the JSON path) go to `error` and a message box.
    bool openFile(const QString& file, QString* error = nullptr);
    // An example from resources/labels, as an untitled copy.
    bool newFromExample(const QString& name);
    bool saveTo(const QString& file, QString* error = nullptr);
    static QStringList exampleNames();

    // Adds an element of a toolbox kind ("text", "qr", "datamatrix", "ean13",
    // "upca", "gs1-128", "image", "line", "rect", "ellipse") and selects it.
    void addElementOfKind(const QString& kind);

    LabelDesignDocument* designDocument() const { return m_document; }
    DesignerCanvas* canvas() const { return m_canvas; }
    PropertyPanel* propertyPanel() const { return m_properties; }
    PreviewPanel* previewPanel() const { return m_preview; }
    WarningsPanel* warningsPanel() const { return m_warnings; }
    const label::StockLibrary& stockLibrary() const { return m_library; }

public Q_SLOTS:
    void copy();
    void paste();
    void deleteSelection();
    void openPrintDialog();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void setDocument(label::LabelDocument document, const QString& fileName);
    void dropDocument();
    void scheduleChecks();
    void runChecks();
    void updateTitle();
    void align(int how);
    void distribute(int how);
    void reorder(bool toFront);
    void toggleLock();
    void rotateSelection();
    bool maybeSave();
    void save();
    void saveAs();

    label::StockLibrary m_library;
    std::shared_ptr<store::Database> m_db;
    QString m_tenantId;
    LabelDesignDocument* m_document = nullptr;
    DesignerCanvas* m_canvas = nullptr;
    Ruler* m_hRuler = nullptr;
    Ruler* m_vRuler = nullptr;
    PropertyPanel* m_properties = nullptr;
    PreviewPanel* m_preview = nullptr;
    WarningsPanel* m_warnings = nullptr;
    QTimer* m_checkTimer = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
};

} // namespace dpp::ui
