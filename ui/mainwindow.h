// The desktop app's main window: the product list of the open store, product
// editors in tabs, File (stores, preferences), Edit (undo/redo of the active
// editor) and View menus, and a status bar naming the store in use. The label
// designer, print dialog and local publishing add their menus through
// installLabelActions() and installPublishActions().
#pragma once

#include "preferences/preferences.h"

#include <QMainWindow>
#include <memory>
#include <result.h>
#include <store/database.h>

class QLabel;
class QMenu;
class QTabWidget;
class QUndoGroup;

namespace dpp::ui {

class ProductBrowser;
class ProductEditor;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // The store dppctl uses by default, so both tools see the same products.
    static QString defaultStoreLocation();
    // "postgresql://user:***@host/db" for display; paths unchanged.
    static QString displayLocation(const QString& location);

    // Opens a SQLite file (created when missing) or a PostgreSQL URL, in the
    // "default" tenant like dppctl. `seedWhenEmpty`: load the sample products
    // into an empty store. On an error the current store stays open.
    Status openStore(const QString& location, bool seedWhenEmpty = false);
    std::shared_ptr<store::Database> database() const { return m_db; }
    QString tenantId() const { return m_tenantId; }

    ProductBrowser* browser() const { return m_browser; }
    QTabWidget* tabs() const { return m_tabs; }
    ProductEditor* currentEditor() const;
    // Opens (or shows the open) editor of a product; empty id = a new product.
    ProductEditor* openProductEditor(const QString& productId = {});
    const Preferences& preferences() const { return m_preferences; }
    Status setPreferences(const Preferences& preferences);
    QUndoGroup* undoGroup() const { return m_undoGroup; }
    QLabel* storeStatusLabel() const { return m_storeStatus; }

Q_SIGNALS:
    // Another store was opened (or the first one).
    void storeChanged();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    // studio-b: Labels and Publish menus are added in mainwindowlabels.cpp and
    // mainwindowpublish.cpp.
    void installLabelActions();
    void installPublishActions();
    void installSyncActions();

    void newStore();
    void openStoreDialog();
    void openPostgresDialog();
    void showPreferences();
    void rebuildRecentMenu();
    void reportStoreError(const QString& location, const Error& error);
    bool closeEditors();
    bool closeEditor(int index);
    void updateEditorTab(ProductEditor* editor);

    std::shared_ptr<store::Database> m_db;
    QString m_tenantId;
    Preferences m_preferences;
    ProductBrowser* m_browser;
    QTabWidget* m_tabs;
    QUndoGroup* m_undoGroup;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_storeStatus;
};

} // namespace dpp::ui
