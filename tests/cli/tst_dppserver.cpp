// dppserver as scripts and service managers see it: the first stdout line names the URL,
// /health answers, SIGTERM drains the request in flight and exits 0, TLS with a throw-away
// certificate, and usage errors exit 2.
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

using dpp::test::binDir;

namespace {

struct Running
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString url; // from the first stdout line
    QByteArray firstLine;
};

Running startServer(const QStringList& extraArgs)
{
    Running r;
    r.url = dpp::test::startDppserver(*r.process, extraArgs, &r.firstLine);
    return r;
}

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
};

Reply get(QNetworkAccessManager& nam, QNetworkRequest request)
{
    QNetworkReply* reply = nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(),
            reply->readAll()};
    if (reply->error() != QNetworkReply::NoError)
        qWarning("network error: %s", qPrintable(reply->errorString()));
    reply->deleteLater();
    return r;
}

int terminate(QProcess& p)
{
    ::kill(pid_t(p.processId()), SIGTERM);
    if (!p.waitForFinished(15000))
        return -100;
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestDppserver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startHealthAndSigterm()
    {
        Running s = startServer({QStringLiteral("--database"), QStringLiteral("/tmp/unused.db")});
        QVERIFY2(!s.url.isEmpty(), s.firstLine.constData());
        QVERIFY(s.url.startsWith(u"http://"));
        QNetworkAccessManager nam;
        const Reply r = get(nam, QNetworkRequest(QUrl(s.url + QStringLiteral("/health"))));
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"status").toString(),
                 QStringLiteral("ok"));
        const Reply api = get(nam, QNetworkRequest(QUrl(s.url + QStringLiteral("/openapi.json"))));
        QCOMPARE(api.status, 200);
        QCOMPARE(QJsonDocument::fromJson(api.body).object().value(u"openapi").toString(),
                 QStringLiteral("3.1.0"));
        QCOMPARE(terminate(*s.process), 0);
        const QByteArray err = s.process->readAllStandardError();
        // One line per request: method, path, status, duration.
        static const QRegularExpression logLine(QStringLiteral("(?m)^GET /health 200 [0-9.]+ms"));
        QVERIFY2(logLine.match(QString::fromUtf8(err)).hasMatch(), err.constData());
    }

    void sigtermDrainsTheRequestInFlight()
    {
        Running s = startServer({});
        QVERIFY2(!s.url.isEmpty(), s.firstLine.constData());
        const quint16 port = quint16(QUrl(s.url).port());
        QTcpSocket busy;
        busy.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(busy.waitForConnected(5000));
        busy.write("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab");
        QVERIFY(busy.waitForBytesWritten(5000));

        ::kill(pid_t(s.process->processId()), SIGTERM);
        // Wait until the server stopped accepting: then it is draining for sure.
        bool refused = false;
        for (int attempt = 0; attempt < 500 && !refused; ++attempt) {
            QTcpSocket probe;
            probe.connectToHost(QStringLiteral("127.0.0.1"), port);
            refused = !probe.waitForConnected(2000);
            if (!refused) {
                probe.abort();
                QTest::qWait(10);
            }
        }
        QVERIFY(refused);
        QCOMPARE(s.process->state(), QProcess::Running); // still finishing our request

        busy.write("cd");
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && busy.waitForReadyRead(5000))
            answer += busy.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QVERIFY(answer.contains("Connection: close"));
        QVERIFY(s.process->waitForFinished(15000));
        QCOMPARE(s.process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(s.process->exitCode(), 0);
    }

    void tlsWithAThrowAwayCertificate()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl CLI not installed (installer/deps-debian.sh installs it)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess gen;
        gen.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(gen.waitForFinished(60000));
        QVERIFY2(gen.exitCode() == 0, gen.readAllStandardError().constData());

        Running s =
            startServer({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY2(s.url.startsWith(u"https://"), s.firstLine.constData());

        // Trust exactly this certificate: the handshake must verify, not be waved through.
        QNetworkRequest request(QUrl(s.url + QStringLiteral("/health")));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(cert));
        request.setSslConfiguration(tls);
        QNetworkAccessManager nam;
        const Reply r = get(nam, request);
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.status, 200);

        // Plain HTTP to the TLS port gets no HTTP answer.
        const Reply plain =
            get(nam, QNetworkRequest(QUrl(QString(s.url).replace(QStringLiteral("https://"),
                                                                 QStringLiteral("http://")) +
                                          QStringLiteral("/health"))));
        QVERIFY(plain.status != 200);
        QCOMPARE(terminate(*s.process), 0);
    }

    void usageErrorsExitTwo()
    {
        auto r = dpp::test::runTool(QStringLiteral("dppserver"),
                                    {QStringLiteral("--listen"), QStringLiteral("nonsense")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("HOST:PORT"));
        r = dpp::test::runTool(QStringLiteral("dppserver"),
                               {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--tls-cert"), QStringLiteral("/x.pem")});
        QCOMPARE(r.exitCode, 2);
        r = dpp::test::runTool(QStringLiteral("dppserver"),
                               {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent.pem"),
                                QStringLiteral("--tls-key"), QStringLiteral("/nonexistent.key")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("cannot read"));
        r = dpp::test::runTool(QStringLiteral("dppserver"),
                               {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--idle-timeout"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestDppserver)
#include "tst_dppserver.moc"
