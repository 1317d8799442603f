// dppstudio: the desktop application. main() only wires Qt up; everything the
// window does is in ui/ and, below it, core/.
#include "designer/labeldesignerwindow.h"
#include "mainwindow.h"
#include "screenshotter.h"

#include <QAction>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>
#include <cstdio>
#include <dpp/version.h>
#include <string>
#include <unistd.h>

namespace {
bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}
} // namespace

int main(int argc, char* argv[])
{
    // --help/--version must work on a machine without a display (CI, SSH), so
    // they are answered before QApplication tries to open one.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v") {
            std::printf("dppstudio %s\n", dpp::kVersion);
            return 0;
        }
        if (arg == "--help" || arg == "-h") {
            std::printf("Usage: dppstudio [--store PATH|postgresql://...] [--screenshot DIR] "
                        "[FILE.dpplabel...]\n\n"
                        "DPP Studio desktop application: edit products and passports, design\n"
                        "labels, print, and publish through the bundled server.\n\n"
                        "Options:\n"
                        "  --store DB        SQLite file or PostgreSQL URL (default: the user's "
                        "data\n"
                        "                    folder); --database is the same\n"
                        "  --screenshot DIR  Save PNGs of the main window, label designer, print\n"
                        "                    dialog and publish panel to DIR, then exit\n"
                        "  -h, --help        Show this help\n"
                        "  -v, --version     Show the version\n\n"
                        "Label files given are opened in the label designer.\n"
                        "Scripting and batch work: see `dppctl help`.\n");
            return 0;
        }
    }
    if (!haveDisplay()) {
        std::fprintf(stderr, "dppstudio: no display found (DISPLAY/WAYLAND_DISPLAY unset).\n"
                             "Run it in a desktop session, or use the command line tool:\n\n");
        std::fflush(stderr);
        // dppctl sits next to dppstudio (build/bin or /usr/bin).
        std::string self(argv[0]);
        const auto slash = self.rfind('/');
        const std::string ctl =
            (slash == std::string::npos ? std::string() : self.substr(0, slash + 1)) + "dppctl";
        execl(ctl.c_str(), "dppctl", "help", static_cast<char*>(nullptr));
        execlp("dppctl", "dppctl", "help", static_cast<char*>(nullptr));
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("dppstudio"));
    QApplication::setOrganizationName(QStringLiteral("DPP Studio"));
    QApplication::setApplicationVersion(QString::fromLatin1(dpp::kVersion));

    QString storeLocation, screenshotDir;
    QStringList labelFiles; // the .desktop file's %F: labels to open in the designer
    const QStringList args = QApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        auto value = [&](const QString& name, QString* out) {
            if (a == name && i + 1 < args.size()) {
                *out = args.at(++i);
                return true;
            }
            if (a.startsWith(name + u'=')) {
                *out = a.mid(name.size() + 1);
                return true;
            }
            return false;
        };
        if (value(QStringLiteral("--store"), &storeLocation) ||
            value(QStringLiteral("--database"), &storeLocation) ||
            value(QStringLiteral("--screenshot"), &screenshotDir))
            continue;
        if (!a.startsWith(u'-'))
            labelFiles.append(a);
    }

    // The language chosen in Preferences wins over the system's (after a restart).
    // The older QSettings key "ui/language" (dppstudio.conf) still counts when the
    // Preferences file names none.
    QString language = dpp::ui::Preferences::load().language;
    if (language.isEmpty())
        language = QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(locale, QStringLiteral("dppstudio"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    dpp::ui::MainWindow window;
    window.show();
    // Without --store: the store dppctl uses, seeded with the sample products
    // the first time it is created, so a new user sees something to edit.
    const QString location =
        storeLocation.isEmpty() ? dpp::ui::MainWindow::defaultStoreLocation() : storeLocation;
    const bool firstStart = storeLocation.isEmpty() && !QFileInfo::exists(location);
    if (const auto opened = window.openStore(location, firstStart); !opened.ok())
        QMessageBox::warning(
            &window, QObject::tr("Cannot open store"),
            QStringLiteral("%1\n\n%2")
                .arg(dpp::ui::MainWindow::displayLocation(location), opened.error().message));
    for (const QString& file : std::as_const(labelFiles)) {
        if (auto* open = window.findChild<QAction*>(QStringLiteral("actionLabelDesigner"))) {
            open->trigger();
            window.findChildren<dpp::ui::LabelDesignerWindow*>().last()->openFile(file);
        }
    }
    if (!screenshotDir.isEmpty())
        (new dpp::ui::Screenshotter(&window, screenshotDir))->start();
    return QApplication::exec();
}
