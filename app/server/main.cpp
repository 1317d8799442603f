// dppserver: the headless HTTP server (resolver, REST API, viewer). A skeleton
// until the REST API issue lands: it answers --help and --version.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>
#include <dpp/version.h>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dppserver"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(dpp::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "DPP Studio server: GS1 Digital Link resolver, passport viewer and REST API."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("listen"), QStringLiteral("Address to listen on."),
                      QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080")});
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("SQLite file or postgresql:// URL."), QStringLiteral("DB")});
    parser.addOption({QStringLiteral("base-url"),
                      QStringLiteral("Public base URL of the resolver."), QStringLiteral("URL")});
    parser.process(app);

    std::fprintf(stderr, "dppserver: the HTTP server is not built yet in this version.\n");
    return 1;
}
