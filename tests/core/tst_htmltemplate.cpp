// The viewer's building blocks in core: the HTML template engine (sections, loops,
// inverted sections, escaping by default, syntax errors with line numbers), the shipped
// viewer templates, RFC 4647 Accept-Language lookup and locale number formatting.
#include <QJsonArray>
#include <QTest>
#include <export/acceptlanguage.h>
#include <export/htmltemplate.h>
#include <export/passportview.h>
#include <export/viewerstrings.h>

using dpp::exporting::AcceptLanguage;
using dpp::exporting::HtmlTemplate;
using dpp::exporting::PassportView;
using dpp::exporting::ViewerStrings;

namespace {
QString render(const QString& text, const QJsonObject& context)
{
    const auto t = HtmlTemplate::compile(text);
    if (!t.ok())
        return QStringLiteral("ERROR ") + t.error().message;
    return t->render(context);
}
} // namespace

class TestHtmlTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeholdersAreEscaped()
    {
        const QJsonObject c{
            {QStringLiteral("name"), QStringLiteral("<script>alert('x')</script> & \"co\"")}};
        QCOMPARE(render(QStringLiteral("<h1>{{name}}</h1>"), c),
                 QStringLiteral("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                                "&quot;co&quot;</h1>"));
        // In an attribute the quote cannot break out either.
        QCOMPARE(render(QStringLiteral("<a title=\"{{name}}\">"), c).count(u'"'), 2);
        // Raw only when asked for.
        QCOMPARE(render(QStringLiteral("{{{name}}}|{{&name}}"),
                        {{QStringLiteral("name"), QStringLiteral("<b>")}}),
                 QStringLiteral("<b>|<b>"));
        QCOMPARE(render(QStringLiteral("[{{missing}}]"), {}), QStringLiteral("[]"));
        QCOMPARE(render(QStringLiteral("{{n}} {{b}}"),
                        {{QStringLiteral("n"), 0.5}, {QStringLiteral("b"), true}}),
                 QStringLiteral("0.5 true"));
    }

    void sectionsLoopsAndInverted()
    {
        const QJsonObject c{
            {QStringLiteral("items"),
             QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("a")},
                                    {QStringLiteral("strong"), true}},
                        QJsonObject{{QStringLiteral("text"), QStringLiteral("<b>")},
                                    {QStringLiteral("strong"), false}}}},
            {QStringLiteral("empty"), QJsonArray{}},
            {QStringLiteral("obj"), QJsonObject{{QStringLiteral("x"), QStringLiteral("in")}}},
            {QStringLiteral("x"), QStringLiteral("out")},
            {QStringLiteral("list"), QJsonArray{QStringLiteral("p"), QStringLiteral("q")}},
            {QStringLiteral("flag"), true}};
        QCOMPARE(render(QStringLiteral("{{#items}}{{#strong}}<strong>{{text}}</strong>{{/strong}}"
                                       "{{^strong}}{{text}}{{/strong}};{{/items}}"),
                        c),
                 QStringLiteral("<strong>a</strong>;&lt;b&gt;;"));
        QCOMPARE(render(QStringLiteral("{{#empty}}no{{/empty}}{{^empty}}none{{/empty}}"), c),
                 QStringLiteral("none"));
        QCOMPARE(render(QStringLiteral("{{#obj}}{{x}}{{/obj}} {{x}} {{obj.x}}"), c),
                 QStringLiteral("in out in"));
        QCOMPARE(render(QStringLiteral("{{#list}}[{{.}}]{{/list}}"), c), QStringLiteral("[p][q]"));
        // Names not on the item are looked up outwards (Mustache), e.g. the root's x.
        QCOMPARE(render(QStringLiteral("{{#items}}{{x}}{{/items}}"), c), QStringLiteral("outout"));
        QCOMPARE(render(QStringLiteral("{{#flag}}yes{{/flag}}{{#nope}}no{{/nope}}"), c),
                 QStringLiteral("yes"));
        QCOMPARE(render(QStringLiteral("a{{! a comment }}b"), c), QStringLiteral("ab"));
    }

    void syntaxErrorsNameTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed section") << "a\n{{#x}}b"
                                          << "line 2: section \"x\" is never closed";
        QTest::newRow("stray close") << "a\nb\n{{/x}}"
                                     << "line 3: {{/x}} closes no section";
        QTest::newRow("crossed") << "{{#a}}\n{{#b}}{{/a}}{{/b}}"
                                 << "line 2: {{/a}} closes section \"b\" opened on line 2";
        QTest::newRow("open tag") << "x {{name"
                                  << "line 1: tag without closing }}";
        QTest::newRow("empty") << "{{ }}"
                               << "line 1: empty tag";
    }

    void syntaxErrorsNameTheLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto t = HtmlTemplate::compile(text);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().param, QStringLiteral("template"));
        QCOMPARE(t.error().message, message);
    }

    void shippedTemplatesCompile()
    {
        for (const char* path : {":/viewer/passport.html", ":/viewer/error.html"}) {
            const auto t = HtmlTemplate::load(QLatin1String(path));
            QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        }
        QVERIFY(!HtmlTemplate::load(QStringLiteral(":/viewer/nope.html")).ok());
    }

    void chromeIsTranslated()
    {
        QCOMPARE(ViewerStrings::languages(),
                 (QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"),
                              QStringLiteral("sk"), QStringLiteral("pt")}));
        // Every language has every key English has: no half-translated page.
        const QJsonObject en = ViewerStrings::table(QStringLiteral("en"));
        for (const QString& lang : ViewerStrings::languages()) {
            for (auto it = en.begin(); it != en.end(); ++it)
                QVERIFY2(ViewerStrings::has(lang, it.key()), qPrintable(lang + u' ' + it.key()));
        }
        QCOMPARE(ViewerStrings::text(QStringLiteral("de"), QStringLiteral("ingredients")),
                 QStringLiteral("Zutaten"));
        QCOMPARE(ViewerStrings::text(QStringLiteral("xx"), QStringLiteral("allergens")),
                 QStringLiteral("Allergens"));
    }

    void acceptLanguageRanges()
    {
        QCOMPARE(
            AcceptLanguage::ranges("da, en-gb;q=0.8, en;q=0.7"),
            (QStringList{QStringLiteral("da"), QStringLiteral("en-gb"), QStringLiteral("en")}));
        QCOMPARE(AcceptLanguage::ranges("en;q=0.2, de;q=0.8, fr"),
                 (QStringList{QStringLiteral("fr"), QStringLiteral("de"), QStringLiteral("en")}));
        // q=0, the wildcard, junk and out-of-range q-values are dropped.
        QCOMPARE(AcceptLanguage::ranges("de;q=0, *, <x>, en;q=2, pt;q=abc, sk;q=0.1"),
                 QStringList{QStringLiteral("sk")});
        QVERIFY(AcceptLanguage::ranges("").isEmpty());
    }

    void acceptLanguageLookup()
    {
        const QStringList available{QStringLiteral("en"), QStringLiteral("de"),
                                    QStringLiteral("pt-BR")};
        const QString fb = QStringLiteral("en");
        QCOMPARE(AcceptLanguage::lookup({QStringLiteral("de-ch-1996")}, available, fb),
                 QStringLiteral("de"));
        QCOMPARE(
            AcceptLanguage::lookup({QStringLiteral("fr"), QStringLiteral("de")}, available, fb),
            QStringLiteral("de"));
        QCOMPARE(AcceptLanguage::lookup({QStringLiteral("PT-br")}, available, fb),
                 QStringLiteral("pt-BR"));
        // Lookup shortens the range, never the available tag: "pt" does not match "pt-BR".
        QCOMPARE(AcceptLanguage::lookup({QStringLiteral("pt")}, available, fb), fb);
        // A single-letter subtag goes with the one before it (RFC 4647 §3.4).
        QCOMPARE(AcceptLanguage::lookup({QStringLiteral("de-x-foo")}, available, fb),
                 QStringLiteral("de"));
        QCOMPARE(AcceptLanguage::lookup({}, available, QStringLiteral("de")), QStringLiteral("de"));
        QVERIFY(AcceptLanguage::isWellFormed(QStringLiteral("pt-BR")));
        QVERIFY(!AcceptLanguage::isWellFormed(QStringLiteral("<x>")));
        QVERIFY(!AcceptLanguage::isWellFormed(QStringLiteral("en-")));
    }

    void numbersFollowTheLanguage()
    {
        QCOMPARE(PassportView::formatNumber(0.6, QStringLiteral("de")), QStringLiteral("0,6"));
        QCOMPARE(PassportView::formatNumber(0.6, QStringLiteral("en")), QStringLiteral("0.6"));
        QCOMPARE(PassportView::formatNumber(12.5, QStringLiteral("fr")), QStringLiteral("12,5"));
        QCOMPARE(PassportView::formatNumber(330, QStringLiteral("en")), QStringLiteral("330"));
        QCOMPARE(PassportView::formatNumber(150000, QStringLiteral("en")),
                 QStringLiteral("150,000"));
        QCOMPARE(PassportView::formatNumber(0.125, QStringLiteral("en")), QStringLiteral("0.125"));
        QCOMPARE(PassportView::formatNumber(1.23456, QStringLiteral("en")),
                 QStringLiteral("1.235"));
    }

    void viewNames()
    {
        PassportView::View v;
        QVERIFY(PassportView::parseView(QString(), &v) && v == PassportView::View::Consumer);
        QVERIFY(PassportView::parseView(QStringLiteral("recycler"), &v) &&
                v == PassportView::View::Recycler);
        QVERIFY(PassportView::parseView(QStringLiteral("regulator"), &v) &&
                v == PassportView::View::Regulator);
        QVERIFY(!PassportView::parseView(QStringLiteral("Regulator"), &v));
        QVERIFY(PassportView::authorisedAudience(PassportView::View::Consumer) ==
                dpp::passport::Audience::Public);
        QVERIFY(PassportView::authorisedAudience(PassportView::View::Recycler) ==
                dpp::passport::Audience::LegitimateInterest);
        QVERIFY(PassportView::authorisedAudience(PassportView::View::Regulator) ==
                dpp::passport::Audience::Authority);
    }
};

QTEST_GUILESS_MAIN(TestHtmlTemplate)
#include "tst_htmltemplate.moc"
