// MainWindow's Publish menu: the "publish locally" panel (in-process server
// on the open store) in a dock, and the server's state in the status bar.
#include "mainwindow.h"
#include "publish/localserver.h"
#include "publish/publishpanel.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <store/database.h>
#include <store/tenantrepository.h>

namespace dpp::ui {

void MainWindow::installPublishActions()
{
    auto* panel = new PublishPanel(this);
    auto* dock = new QDockWidget(tr("Publish locally"), this);
    dock->setObjectName(QStringLiteral("publishDock"));
    dock->setWidget(panel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    auto* state = new QLabel(tr("Server: stopped"), this);
    state->setObjectName(QStringLiteral("serverState"));
    statusBar()->addPermanentWidget(state);
    connect(panel, &PublishPanel::serverStateChanged, this,
            [state](bool running, const QString& url) {
                state->setText(running ? tr("Server: %1").arg(url) : tr("Server: stopped"));
            });
    // The store is opened when the panel is first shown, not at start-up.
    auto attachStore = [this, panel] {
        auto db = database();
        QString tenantId;
        if (db) {
            auto tenant = store::TenantRepository(*db).ensure(QStringLiteral("default"));
            if (tenant)
                tenantId = tenant->id;
        }
        panel->setStore(db, tenantId);
    };
    connect(this, &MainWindow::storeChanged, panel, attachStore);
    QMenu* menu = menuBar()->addMenu(tr("&Publish"));
    QAction* local = menu->addAction(tr("Publish &locally…"), this, [dock, attachStore] {
        attachStore();
        dock->show();
        dock->raise();
    });
    local->setObjectName(QStringLiteral("actionPublishLocally"));
}

} // namespace dpp::ui
