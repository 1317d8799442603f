// MainWindow's Labels menu: opens label designer windows (new from stock,
// from an example, or a .dpplabel file) on the open store.
#include "designer/labeldesignerwindow.h"
#include "designer/stockpickerdialog.h"
#include "mainwindow.h"

#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <store/database.h>
#include <store/tenantrepository.h>

namespace dpp::ui {

namespace {
// The designer is a window of its own, one per label, like gLabels; it
// previews and prints with the main window's store and the default tenant.
LabelDesignerWindow* openDesigner(MainWindow* window)
{
    auto* designer = new LabelDesignerWindow(window);
    designer->setWindowFlag(Qt::Window);
    designer->setAttribute(Qt::WA_DeleteOnClose);
    if (auto db = window->database()) {
        auto tenant = store::TenantRepository(*db).ensure(QStringLiteral("default"));
        if (tenant)
            designer->setStore(db, tenant->id);
    }
    designer->show();
    return designer;
}
} // namespace

void MainWindow::installLabelActions()
{
    QMenu* menu = menuBar()->addMenu(tr("&Labels"));
    QAction* design = menu->addAction(tr("Label &designer"), this, [this] { openDesigner(this); });
    design->setObjectName(QStringLiteral("actionLabelDesigner"));
    menu->addAction(tr("&New label from stock…"), this, [this] {
        LabelDesignerWindow* designer = openDesigner(this);
        StockPickerDialog picker(designer->stockLibrary(), designer);
        if (picker.exec() == QDialog::Accepted)
            designer->newLabel(picker.stockId());
    });
    QMenu* examples = menu->addMenu(tr("New from &example"));
    for (const QString& name : LabelDesignerWindow::exampleNames())
        examples->addAction(name, this, [this, name] { openDesigner(this)->newFromExample(name); });
    menu->addAction(tr("&Open label…"), this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open label"), QString(),
                                                          tr("Labels (*.dpplabel)"));
        if (!file.isEmpty())
            openDesigner(this)->openFile(file);
    });
}

} // namespace dpp::ui
