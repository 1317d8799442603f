#include "mainwindow.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <dpp/version.h>
#include <store/database.h>

namespace dpp::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("DPP Studio %1").arg(QString::fromLatin1(dpp::kVersion)));
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto* label = new QLabel(tr("Digital Product Passports and GS1 Digital Link labels.\n"
                                "Use dppctl for parsing, validation and batch generation."),
                             this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    installLabelActions();
    installPublishActions();
    statusBar()->showMessage(tr("Ready"));
    resize(900, 600);
}

std::shared_ptr<dpp::store::Database> MainWindow::database() const
{
    // Placeholder until the main window manages stores: the --store given to
    // main() (application property "dppStore"), else the default location.
    if (!m_db) {
        auto db = dpp::store::Database::open(
            QCoreApplication::instance()->property("dppStore").toString());
        if (db)
            m_db = db.value();
    }
    return m_db;
}

} // namespace dpp::ui
