// Screenshots of the public passport pages as a phone shows them: the real dppserver
// (--sandbox seeds the sample wine and battery) on a free loopback port, Debian's headless
// Chromium at 390×844 with every background-network feature off and a fresh profile. The
// PNGs land in <build>/screenshots/ (viewer-wine.png, viewer-battery.png); the test checks
// their size, that they are not blank, and the page text through --dump-dom.
#include "testsupport.h"

#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <csignal>
#include <memory>

using dpp::test::binDir;

namespace {

const QString kChromium = QStringLiteral("/usr/bin/chromium");

struct Chromium
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// One headless Chromium run. Without the networking flags it calls Google services; the
// fresh profile keeps one run from seeing another's cache.
Chromium chromium(const QStringList& mode, const QString& url)
{
    QTemporaryDir profile;
    QStringList args{QStringLiteral("--headless"),
                     QStringLiteral("--no-sandbox"),
                     QStringLiteral("--disable-gpu"),
                     QStringLiteral("--disable-quic"),
                     QStringLiteral("--no-first-run"),
                     QStringLiteral("--disable-background-networking"),
                     QStringLiteral("--disable-component-update"),
                     QStringLiteral("--disable-sync"),
                     QStringLiteral("--hide-scrollbars"),
                     QStringLiteral("--user-data-dir=") + profile.path(),
                     QStringLiteral("--window-size=390,844")};
    args += mode;
    args.append(url);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), profile.path()); // nothing lands in the real home
    p.setProcessEnvironment(env);
    p.start(kChromium, args);
    Chromium r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(90000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Distinct colours on a grid of samples; a blank or failed page has one or two.
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestViewerScreenshots : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QProcess> m_server;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_outDir;

    void shoot(const QString& path, const QString& file, const QStringList& texts)
    {
        const QString png = m_outDir + u'/' + file;
        QFile::remove(png);
        const Chromium shot = chromium({QStringLiteral("--screenshot=") + png}, m_url + path);
        QVERIFY2(shot.exitCode == 0, shot.err.right(2000).constData());
        QImage image(png);
        QVERIFY2(!image.isNull(), qPrintable(png));
        // 390×844 CSS pixels; a device scale factor gives a whole multiple.
        QVERIFY2(image.width() % 390 == 0 && image.height() % 844 == 0 &&
                     image.width() / 390 == image.height() / 844,
                 qPrintable(QStringLiteral("%1×%2").arg(image.width()).arg(image.height())));
        const int colours = distinctColours(image);
        QVERIFY2(colours >= 16, qPrintable(QStringLiteral("only %1 colours").arg(colours)));
        // Our header band is drawn: the top-left corner is not the page background.
        QVERIFY(image.pixel(5, 5) != image.pixel(5, image.height() - 5));

        const Chromium dom = chromium({QStringLiteral("--dump-dom")}, m_url + path);
        QCOMPARE(dom.exitCode, 0);
        const QString html = QString::fromUtf8(dom.out);
        for (const QString& t : texts)
            QVERIFY2(html.contains(t), qPrintable(t));
        // The stylesheet came through the CSP: Chromium rendered with our own CSS only.
        QVERIFY(html.contains(QStringLiteral("/viewer/viewer.css")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(kChromium))
            QSKIP("/usr/bin/chromium is not installed (Debian package chromium); the viewer "
                  "screenshots need it");
        QVERIFY(m_dir.isValid());
        m_outDir = QDir(binDir() + QStringLiteral("/../screenshots")).absolutePath();
        QVERIFY(QDir().mkpath(m_outDir));

        m_server = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path());
        m_server->setProcessEnvironment(env);
        m_server->setProcessChannelMode(QProcess::SeparateChannels);
        m_server->start(binDir() + QStringLiteral("/dppserver"),
                        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--sandbox"), QStringLiteral("--rate-limit"),
                         QStringLiteral("0"), QStringLiteral("--database"),
                         m_dir.filePath(QStringLiteral("sandbox.sqlite"))});
        QVERIFY(m_server->waitForStarted(10000));
        while (!m_server->canReadLine() && m_server->waitForReadyRead(30000)) {
        }
        const QString line = QString::fromUtf8(m_server->readLine().trimmed());
        const auto m =
            QRegularExpression(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)$"))
                .match(line);
        QVERIFY2(m.hasMatch(),
                 qPrintable(line + QString::fromUtf8(m_server->readAllStandardError())));
        m_url = m.captured(1);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->state() == QProcess::Running) {
            ::kill(pid_t(m_server->processId()), SIGTERM);
            if (!m_server->waitForFinished(15000))
                m_server->kill();
        }
    }

    void wine()
    {
        shoot(QStringLiteral("/passport/05601012012200"), QStringLiteral("viewer-wine.png"),
              {QStringLiteral("Quinta dos Carvalhais Alfrocheiro 2019"),
               QStringLiteral("Wine e-label"), QStringLiteral("Ingredients"),
               QStringLiteral("<strong class=\"allergen\">sulphites</strong>"),
               QStringLiteral("Contains: Sulphites"),
               QStringLiteral("Nutrition declaration per 100 ml")});
    }

    void battery()
    {
        shoot(QStringLiteral("/passport/01/08523456790018/10/LOT2026A/21/SN000001"),
              QStringLiteral("viewer-battery.png"),
              {QStringLiteral("Smart Battery"), QStringLiteral("Battery passport"),
               QStringLiteral("Battery chemistry"), QStringLiteral("NMC"),
               QStringLiteral("Electric vehicle battery"), QStringLiteral("SN000001")});
    }
};

QTEST_GUILESS_MAIN(TestViewerScreenshots)
#include "tst_viewer_screenshots.moc"
