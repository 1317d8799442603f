#include "screenshotter.h"

#include "designer/designercanvas.h"
#include "designer/labeldesigndocument.h"
#include "designer/labeldesignerwindow.h"
#include "print/printdialog.h"
#include "publish/publishpanel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMainWindow>
#include <QMenuBar>
#include <QTimer>
#include <cstdio>

namespace dpp::ui {

namespace {
// Long enough for docks, fonts and the first paint under a slow Xvfb.
constexpr int kSettleMs = 800;
} // namespace

Screenshotter::Screenshotter(QMainWindow* window, QString dir)
    : QObject(window), m_window(window), m_dir(std::move(dir))
{}

bool Screenshotter::save(QWidget* widget, const QString& name)
{
    const QString file = QDir(m_dir).filePath(name);
    const bool ok = widget->grab().save(file, "PNG");
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(file));
    std::fflush(stdout);
    m_ok = m_ok && ok;
    return ok;
}

void Screenshotter::start()
{
    QDir().mkpath(m_dir);
    QTimer::singleShot(kSettleMs, this, [this] {
        save(m_window, QStringLiteral("mainwindow.png"));
        // The menu titles, so a test can see which translation is loaded.
        QStringList menus;
        for (QAction* menu : m_window->menuBar()->actions())
            menus.append(menu->text());
        std::printf("menus: %s\n", qPrintable(menus.join(QStringLiteral(" | "))));
        std::fflush(stdout);
        auto* action = m_window->findChild<QAction*>(QStringLiteral("actionLabelDesigner"));
        if (!action) {
            std::fprintf(stderr, "dppstudio: no label designer action\n");
            QApplication::exit(1);
            return;
        }
        action->trigger();
        auto* designer = m_window->findChild<LabelDesignerWindow*>();
        if (!designer) {
            QApplication::exit(1);
            return;
        }
        designer->newFromExample(QStringLiteral("battery-label"));
        designer->canvas()->selectIndexes({0});
        QTimer::singleShot(kSettleMs, this, [this, designer] {
            save(designer, QStringLiteral("designer.png"));
            auto* print = new PrintDialog(designer->designDocument()->document(), nullptr,
                                          QString(), designer);
            print->show();
            QTimer::singleShot(kSettleMs, this, [this, print, designer] {
                save(print, QStringLiteral("print-dialog.png"));
                print->close();
                designer->designDocument()->undoStack()->setClean();
                designer->close();
                showPublishPanel();
            });
        });
    });
}

void Screenshotter::showPublishPanel()
{
    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionPublishLocally"));
    auto* panel = m_window->findChild<PublishPanel*>();
    if (!action || !panel) {
        QApplication::exit(1);
        return;
    }
    action->trigger();
    // This computer only, any free port: a screenshot never opens a LAN port.
    panel->setLanAccess(false);
    panel->setPort(0);
    panel->start();
    QTimer::singleShot(kSettleMs, this, [this, panel] {
        save(m_window, QStringLiteral("publish.png"));
        panel->stop();
        QApplication::exit(m_ok ? 0 : 1);
    });
}

} // namespace dpp::ui
