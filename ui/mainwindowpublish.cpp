// studio-b replaces this file: the Publish menu (publish locally).
#include "mainwindow.h"

#include <QMenuBar>

namespace dpp::ui {

void MainWindow::installPublishActions()
{
    menuBar()->addMenu(tr("&Publish"));
}

} // namespace dpp::ui
