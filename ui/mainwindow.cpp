#include "mainwindow.h"

#include "preferences/preferencesdialog.h"
#include "products/productbrowser.h"
#include "products/productdocument.h"
#include "products/producteditor.h"
#include "products/producttablemodel.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QUndoGroup>
#include <QUrl>
#include <dpp/version.h>
#include <export/sampleseeder.h>
#include <store/productrepository.h>
#include <store/tenantrepository.h>

namespace dpp::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_preferences(Preferences::load()), m_browser(new ProductBrowser),
      m_tabs(new QTabWidget(this)), m_undoGroup(new QUndoGroup(this)),
      m_storeStatus(new QLabel(this))
{
    setWindowTitle(tr("DPP Studio %1").arg(QString::fromLatin1(dpp::kVersion)));
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_browser, tr("Products"));
    // The product list is the home tab; it has no close button.
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeEditor);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        ProductEditor* editor = currentEditor();
        m_undoGroup->setActiveStack(editor ? editor->document()->undoStack() : nullptr);
    });
    connect(m_browser, &ProductBrowser::openProduct, this,
            [this](const QString& id) { openProductEditor(id); });

    m_storeStatus->setObjectName(QStringLiteral("store_status"));
    m_storeStatus->setText(tr("No store open"));
    statusBar()->addPermanentWidget(m_storeStatus, 1);
    // The local server's state label is added by installPublishActions().

    createMenus();
    installLabelActions();
    installPublishActions();
    installSyncActions();
    resize(1100, 720);
}

QString MainWindow::defaultStoreLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/DPP Studio/dppctl/dpp.sqlite");
}

QString MainWindow::displayLocation(const QString& location)
{
    if (!location.startsWith(QLatin1String("postgres")))
        return location;
    QUrl url(location);
    if (!url.password().isEmpty())
        url.setPassword(QStringLiteral("***"));
    return url.toString();
}

void MainWindow::createMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New product"), QKeySequence::New, this, [this] { openProductEditor(); });
    file->addSeparator();
    file->addAction(tr("New &store…"), this, &MainWindow::newStore);
    file->addAction(tr("&Open store…"), QKeySequence::Open, this, &MainWindow::openStoreDialog);
    file->addAction(tr("Open &PostgreSQL store…"), this, &MainWindow::openPostgresDialog);
    m_recentMenu = file->addMenu(tr("&Recent stores"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Save product"), QKeySequence::Save, this, [this] {
        if (ProductEditor* editor = currentEditor(); editor && editor->saveButton()->isEnabled())
            editor->save();
    });
    file->addAction(tr("&Close tab"), QKeySequence::Close, this, [this] {
        if (m_tabs->currentIndex() > 0)
            closeEditor(m_tabs->currentIndex());
    });
    file->addSeparator();
    auto* prefs = file->addAction(tr("Pr&eferences…"), this, &MainWindow::showPreferences);
    // Not every desktop defines a Preferences key; Ctrl+, is the common fallback.
    prefs->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                            ? QList<QKeySequence>{QKeySequence(tr("Ctrl+,"))}
                            : QKeySequence::keyBindings(QKeySequence::Preferences));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close)
        ->setObjectName(QStringLiteral("actionQuit"));

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction* redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    auto* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Products"), QKeySequence(tr("Ctrl+1")), this,
                    [this] { m_tabs->setCurrentIndex(0); });
    view->addAction(tr("&Refresh"), QKeySequence::Refresh, this,
                    [this] { m_browser->model()->reload(); });
    view->addAction(tr("&Find product"), QKeySequence::Find, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_browser->searchEdit()->setFocus();
        m_browser->searchEdit()->selectAll();
    });
}

Status MainWindow::openStore(const QString& location, bool seedWhenEmpty)
{
    auto db = store::Database::open(location);
    if (!db.ok())
        return db.error();
    auto tenant = store::TenantRepository(**db).ensure(QStringLiteral("default"));
    if (!tenant.ok())
        return tenant.error();
    if (seedWhenEmpty && store::ProductRepository(**db, tenant->id).count() == 0)
        if (auto seeded = exporting::SampleSeeder::seed(**db, tenant->id); !seeded.ok())
            return seeded.error();
    if (!closeEditors())
        return Error{QStringLiteral("store"), tr("the open editors have unsaved changes"),
                     QStringLiteral("cancelled")};
    m_db = *db;
    m_tenantId = tenant->id;
    m_browser->setStore(m_db, m_tenantId);
    const QString shown = displayLocation((*db)->location());
    m_storeStatus->setText(tr("Store: %1").arg(shown));
    m_storeStatus->setToolTip(shown);
    m_preferences.addRecentStore(location.isEmpty() ? (*db)->location() : location);
    // A read-only settings folder must not stop anyone from working.
    (void)m_preferences.save();
    rebuildRecentMenu();
    Q_EMIT storeChanged();
    return Ok{};
}

Status MainWindow::setPreferences(const Preferences& preferences)
{
    m_preferences = preferences;
    rebuildRecentMenu();
    return m_preferences.save();
}

ProductEditor* MainWindow::currentEditor() const
{
    return qobject_cast<ProductEditor*>(m_tabs->currentWidget());
}

ProductEditor* MainWindow::openProductEditor(const QString& productId)
{
    if (!m_db) {
        statusBar()->showMessage(tr("Open a store first (File ▸ Open store…)"), 5000);
        return nullptr;
    }
    if (!productId.isEmpty())
        for (int i = 1; i < m_tabs->count(); ++i)
            if (auto* e = qobject_cast<ProductEditor*>(m_tabs->widget(i));
                e && e->document()->productId() == productId) {
                m_tabs->setCurrentIndex(i);
                return e;
            }
    auto* editor =
        new ProductEditor(m_db, m_tenantId, productId, m_preferences.resolverBase, m_tabs);
    m_undoGroup->addStack(editor->document()->undoStack());
    connect(editor, &ProductEditor::titleChanged, this,
            [this, editor] { updateEditorTab(editor); });
    connect(editor, &ProductEditor::productSaved, this, [this] { m_browser->model()->reload(); });
    const int index = m_tabs->addTab(editor, editor->title());
    m_tabs->setCurrentIndex(index);
    return editor;
}

void MainWindow::updateEditorTab(ProductEditor* editor)
{
    const int index = m_tabs->indexOf(editor);
    if (index >= 0)
        m_tabs->setTabText(index, editor->title());
}

bool MainWindow::closeEditor(int index)
{
    auto* editor = qobject_cast<ProductEditor*>(m_tabs->widget(index));
    if (!editor)
        return true;
    if (editor->document()->isModified()) {
        m_tabs->setCurrentIndex(index);
        const auto answer =
            QMessageBox::question(this, tr("Unsaved changes"),
                                  tr("%1 has unsaved changes. Discard them?").arg(editor->title()),
                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return false;
    }
    m_undoGroup->removeStack(editor->document()->undoStack());
    m_tabs->removeTab(index);
    editor->deleteLater();
    return true;
}

bool MainWindow::closeEditors()
{
    for (int i = m_tabs->count() - 1; i >= 1; --i)
        if (!closeEditor(i))
            return false;
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (closeEditors())
        event->accept();
    else
        event->ignore();
}

void MainWindow::reportStoreError(const QString& location, const Error& error)
{
    if (error.code == u"cancelled")
        return;
    QMessageBox::warning(this, tr("Cannot open store"),
                         tr("%1\n\n%2").arg(displayLocation(location), error.message));
}

void MainWindow::newStore()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New store"), QStringLiteral("dpp.sqlite"), tr("SQLite stores (*.sqlite *.db)"));
    if (path.isEmpty())
        return;
    if (QFile::exists(path)) {
        QMessageBox::warning(this, tr("New store"),
                             tr("%1 already exists; use Open store to open it.").arg(path));
        return;
    }
    if (const Status s = openStore(path); !s.ok())
        reportStoreError(path, s.error());
}

void MainWindow::openStoreDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open store"), QString(), tr("SQLite stores (*.sqlite *.db);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const Status s = openStore(path); !s.ok())
        reportStoreError(path, s.error());
}

void MainWindow::openPostgresDialog()
{
    bool ok = false;
    const QString url =
        QInputDialog::getText(this, tr("Open PostgreSQL store"),
                              tr("PostgreSQL URL (postgresql://user:password@host:5432/database):"),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok || url.trimmed().isEmpty())
        return;
    if (!url.trimmed().startsWith(QLatin1String("postgres"))) {
        QMessageBox::warning(this, tr("Open PostgreSQL store"),
                             tr("The URL must start with postgresql://"));
        return;
    }
    if (const Status s = openStore(url.trimmed()); !s.ok())
        reportStoreError(url, s.error());
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    for (const QString& location : std::as_const(m_preferences.recentStores))
        m_recentMenu->addAction(displayLocation(location), this, [this, location] {
            if (const Status s = openStore(location); !s.ok())
                reportStoreError(location, s.error());
        });
    m_recentMenu->setEnabled(!m_preferences.recentStores.isEmpty());
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_preferences, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const Status s = setPreferences(dialog.preferences()); !s.ok())
        QMessageBox::warning(this, tr("Preferences"), s.error().message);
}

} // namespace dpp::ui
