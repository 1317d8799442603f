#include "mainwindow.h"

#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <dpp/version.h>

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
    statusBar()->showMessage(tr("Ready"));
    resize(900, 600);
}

} // namespace dpp::ui
