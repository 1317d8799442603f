// dppstudio: the desktop application. main() only wires Qt up; everything the
// window does is in ui/ and, below it, core/.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
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
            std::printf("Usage: dppstudio [--database PATH|postgresql://...] [FILE.dpplabel]\n\n"
                        "DPP Studio desktop application: edit products and passports, design\n"
                        "labels, print, and publish through the bundled server.\n\n"
                        "Options:\n"
                        "  --database DB  SQLite file or PostgreSQL URL (default: the user's data "
                        "folder)\n"
                        "  -h, --help     Show this help\n"
                        "  -v, --version  Show the version\n\n"
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

    QCommandLineParser parser;
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("SQLite file or PostgreSQL URL"),
                                            QStringLiteral("DB"));
    parser.addOption(databaseOption);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A .dpplabel to open"));
    parser.process(app);

    // The language chosen in Preferences wins over the system's (after a restart).
    const QString language = dpp::ui::Preferences::load().language;
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
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
    // Without --database: the store dppctl uses, seeded with the sample products
    // the first time it is created, so a new user sees something to edit.
    const QString location = parser.isSet(databaseOption)
                                 ? parser.value(databaseOption)
                                 : dpp::ui::MainWindow::defaultStoreLocation();
    const bool firstStart = !parser.isSet(databaseOption) && !QFileInfo::exists(location);
    if (const auto opened = window.openStore(location, firstStart); !opened.ok())
        QMessageBox::warning(
            &window, QObject::tr("Cannot open store"),
            QStringLiteral("%1\n\n%2")
                .arg(dpp::ui::MainWindow::displayLocation(location), opened.error().message));
    return QApplication::exec();
}
