// The served /openapi.json is a valid OpenAPI 3.1 document according to an independent
// validator (@apidevtools/swagger-parser, installed by tests/node/install.sh). The
// route-table ⇄ document correspondence is checked in tst_httpserver.
#include "httptestclient.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>
#include <server/server.h>

using namespace dpp::server;

class TestOpenApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servedDocumentValidates()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString toolDir = dpp::test::sourceDir() + QStringLiteral("/tests/node");
        if (node.isEmpty())
            QSKIP("node is not installed");
        if (!QFile::exists(toolDir + QStringLiteral("/node_modules/@apidevtools/swagger-parser")))
            QSKIP("validator not installed: run tests/node/install.sh (make test does)");

        ServerConfig config;
        config.port = 0;
        Server server(config);
        server.setLogSink([](const QString&) {});
        // Routes of every documented shape: parameters, request schema, scopes, statuses.
        Route create;
        create.method = "POST";
        create.path = QStringLiteral("/v1/widgets/{widget}/parts");
        create.scope = QStringLiteral("products:write");
        create.summary = QStringLiteral("Create a part");
        create.tag = QStringLiteral("widgets");
        create.successStatus = 201;
        create.requestSchema = QJsonObject{
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("name")}},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("name"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}};
        create.handler = [](const Request&) { return Response::noContent(); };
        QVERIFY(server.addRoute(create).ok());
        Route get = create;
        get.method = "GET";
        get.path = QStringLiteral("/v1/widgets/{widget}/parts/{part}");
        get.scope.clear();
        get.requestSchema = {};
        get.successStatus = 200;
        QVERIFY(server.addRoute(get).ok());
        QVERIFY(server.start().ok());

        QNetworkAccessManager nam;
        const auto reply = dpp::test::namSend(
            nam, "GET", QUrl(server.listenUrl() + QStringLiteral("/openapi.json")));
        QCOMPARE(reply.status, 200);

        QTemporaryFile file(QDir::tempPath() + QStringLiteral("/openapi-XXXXXX.json"));
        QVERIFY(file.open());
        file.write(reply.body);
        file.close();

        QProcess validator;
        validator.setWorkingDirectory(toolDir);
        validator.start(node, {toolDir + QStringLiteral("/validate-openapi.mjs"), file.fileName()});
        QVERIFY(validator.waitForFinished(60000));
        const QByteArray out = validator.readAllStandardOutput() + validator.readAllStandardError();
        QVERIFY2(validator.exitCode() == 0, out.constData());
        // Two widget paths plus the built-in /health, /v1/health and /openapi.json.
        QVERIFY2(out.contains("valid: OpenAPI 3.1.0, 5 paths"), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
