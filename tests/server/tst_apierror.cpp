// ApiError: the wire shape and the one place core error codes become HTTP statuses.
#include <QJsonDocument>
#include <QTest>
#include <server/apierror.h>
#include <server/response.h>

using dpp::Error;
using dpp::server::ApiError;
using dpp::server::Response;

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireShape()
    {
        const QJsonObject o =
            ApiError::validation(QStringLiteral("gtin"), QStringLiteral("check digit should be 2"),
                                 QStringLiteral("invalid_check_digit"))
                .toJson();
        const QJsonObject e = o.value(u"error").toObject();
        QCOMPARE(o.size(), 1);
        QCOMPARE(e.size(), 4);
        QCOMPARE(e.value(u"type").toString(), QStringLiteral("validation_error"));
        QCOMPARE(e.value(u"code").toString(), QStringLiteral("invalid_check_digit"));
        QCOMPARE(e.value(u"param").toString(), QStringLiteral("gtin"));
        QVERIFY(ApiError::notFound(QStringLiteral("x"))
                    .toJson()[QLatin1String("error")][QLatin1String("param")]
                    .isNull());
    }

    void coreErrorsMapToStatuses_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("malformed json") << QStringLiteral("malformed_json") << 400;
        QTest::newRow("not found") << QStringLiteral("not_found") << 404;
        QTest::newRow("duplicate gtin") << QStringLiteral("duplicate_gtin") << 409;
        QTest::newRow("conflict") << QStringLiteral("conflict") << 409;
        QTest::newRow("unauthorized") << QStringLiteral("unauthorized") << 401;
        QTest::newRow("forbidden") << QStringLiteral("forbidden") << 403;
        QTest::newRow("field error") << QStringLiteral("invalid_check_digit") << 422;
        QTest::newRow("no code") << QString() << 422;
    }

    void coreErrorsMapToStatuses()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        const Error error{QStringLiteral("gtin"), QStringLiteral("message"), code};
        const Response r = Response::fromError(error);
        QCOMPARE(r.status, status);
        const QJsonObject e = QJsonDocument::fromJson(r.body).object().value(u"error").toObject();
        QCOMPARE(e.value(u"message").toString(), QStringLiteral("message"));
        QVERIFY(!e.value(u"code").toString().isEmpty());
        QVERIFY(!e.value(u"type").toString().isEmpty());
    }

    void serializeComputesLengthAndHonoursHead()
    {
        Response r = Response::bytes("hello", "text/plain");
        r.setHeader("content-length", "999"); // never trusted
        QCOMPARE(r.serialize(), QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                           "Content-Length: 5\r\n\r\nhello"));
        QCOMPARE(r.serialize(true), QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                               "Content-Length: 5\r\n\r\n"));
        QCOMPARE(Response::noContent().serialize(), QByteArray("HTTP/1.1 204 No Content\r\n\r\n"));
        // Every status we send has its reason phrase.
        for (int status :
             {200, 201, 204, 400, 401, 403, 404, 405, 408, 409, 411, 413, 422, 429, 431, 500, 503})
            QVERIFY2(Response::reasonPhrase(status) != "Status",
                     qPrintable(QString::number(status)));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
