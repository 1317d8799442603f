// MainWindow's Sync menu: the Sync dock (ui/sync/SyncPanel) pushing the open store to
// the server URL and API key of the preferences.
#include "mainwindow.h"
#include "sync/syncpanel.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <store/tenantrepository.h>

namespace dpp::ui {

void MainWindow::installSyncActions()
{
    auto* panel = new SyncPanel(this);
    panel->setObjectName(QStringLiteral("syncPanel"));
    auto* dock = new QDockWidget(tr("Sync"), this);
    dock->setObjectName(QStringLiteral("syncDock"));
    dock->setWidget(panel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    auto attach = [this, panel] {
        panel->setServer(preferences().serverUrl, preferences().apiKey);
        panel->setStore(database(), tenantId());
    };
    connect(this, &MainWindow::storeChanged, panel, attach);
    QMenu* menu = menuBar()->addMenu(tr("S&ync"));
    QAction* show = menu->addAction(tr("&Sync with server…"), this, [dock, attach] {
        attach();
        dock->show();
        dock->raise();
    });
    show->setObjectName(QStringLiteral("actionSync"));
}

} // namespace dpp::ui
