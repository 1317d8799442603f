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
        // Found by name: on the offscreen platform the Quit key sequence is empty,
        // like that of every menu item without a shortcut.
        auto* quit = window.findChild<QAction*>(QStringLiteral("actionQuit"));
        QVERIFY(window.menuBar()->actions().first()->menu()->actions().contains(quit));
        QVERIFY(quit);
        quit->trigger();
        QTRY_VERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
