// studio-b replaces this file: the Labels menu (designer, print dialog).
#include "mainwindow.h"

#include <QMenuBar>

namespace dpp::ui {

void MainWindow::installLabelActions()
{
    menuBar()->addMenu(tr("&Labels"));
}

} // namespace dpp::ui
