// Smoke test of the desktop app's window on the offscreen platform: it opens,
// shows its title and quits through the File menu.
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTest>
#include <dpp/version.h>
#include <mainwindow.h>

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensAndQuits()
    {
        dpp::ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QString::fromLatin1(dpp::kVersion)));
        QAction* quit = nullptr;
        for (QAction* menu : window.menuBar()->actions()) {
            for (QAction* a : menu->menu()->actions()) {
                // The first match (File menu): on the offscreen platform the
                // Quit key sequence is empty and so is every later menu item's.
                if (!quit && a->shortcut() == QKeySequence(QKeySequence::Quit))
                    quit = a;
            }
        }
        QVERIFY(quit);
        quit->trigger();
        QTRY_VERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
