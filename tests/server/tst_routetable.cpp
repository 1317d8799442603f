// RouteTable: pattern checks, matching rules (literal beats parameter, encoded slashes stay
// in their segment) and the Allow list the 405 answer uses.
#include <QTest>
#include <server/routetable.h>

using namespace dpp::server;

class TestRouteTable : public QObject
{
    Q_OBJECT

    static Route make(const char* method, const QString& path)
    {
        Route r;
        r.method = method;
        r.path = path;
        r.summary = path;
        r.handler = [](const Request&) { return Response::noContent(); };
        return r;
    }

private Q_SLOTS:
    void rejectsBadRoutes()
    {
        RouteTable t;
        QVERIFY(t.add(make("GET", QStringLiteral("/v1/products/{product}"))).ok());
        const auto dup = t.add(make("GET", QStringLiteral("/v1/products/{product}")));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, QStringLiteral("duplicate_route"));
        QVERIFY(t.add(make("POST", QStringLiteral("/v1/products/{product}"))).ok());
        QVERIFY(!t.add(make("GET", QStringLiteral("v1/no-slash"))).ok());
        QVERIFY(!t.add(make("GET", QStringLiteral("/v1/a{b}"))).ok());
        QVERIFY(!t.add(make("GET", QStringLiteral("/v1/{x}/{x}"))).ok());
        QVERIFY(!t.add(make("GET", QStringLiteral("/v1//x"))).ok());
        QVERIFY(!t.add(make("HEAD", QStringLiteral("/v1/h"))).ok()); // derived from GET
        Route noHandler = make("GET", QStringLiteral("/v1/none"));
        noHandler.handler = nullptr;
        QVERIFY(!t.add(noHandler).ok());
        QCOMPARE(t.routes().size(), size_t(2));
    }

    void literalSegmentsWinOverParameters()
    {
        RouteTable t;
        QVERIFY(t.add(make("GET", QStringLiteral("/v1/products/{product}"))).ok());
        QVERIFY(t.add(make("POST", QStringLiteral("/v1/products/batch"))).ok());
        QVERIFY(t.add(make("GET", QStringLiteral("/v1/products/{product}/passport"))).ok());
        auto m = t.match("/v1/products/batch");
        QVERIFY(m);
        QCOMPARE(m->pattern, QStringLiteral("/v1/products/batch"));
        QVERIFY(m->find("POST"));
        QVERIFY(!m->find("GET")); // → 405, although {product} would accept GET
        m = t.match("/v1/products/09506000134352");
        QVERIFY(m);
        QCOMPARE(m->params.value(QStringLiteral("product")), QStringLiteral("09506000134352"));
        m = t.match("/v1/products/x/passport");
        QVERIFY(m);
        QCOMPARE(m->pattern, QStringLiteral("/v1/products/{product}/passport"));
        QVERIFY(!t.match("/v1/products"));
        QVERIFY(!t.match("/v1/products/"));
        QVERIFY(!t.match("/v1/products/x/passport/extra"));
        QVERIFY(!t.match("relative"));
    }

    void encodedSlashStaysInItsSegment()
    {
        RouteTable t;
        QVERIFY(t.add(make("GET", QStringLiteral("/01/{gtin}/10/{lot}"))).ok());
        const auto m = t.match("/01/09506000134352/10/AB%2FC%20D");
        QVERIFY(m);
        QCOMPARE(m->params.value(QStringLiteral("lot")), QStringLiteral("AB/C D"));
        QVERIFY(!t.match("/01/09506000134352/10/AB/C"));
    }

    void allowListsEveryMethodOfThePath()
    {
        RouteTable t;
        QVERIFY(t.add(make("GET", QStringLiteral("/v1/x/{id}"))).ok());
        QVERIFY(t.add(make("PATCH", QStringLiteral("/v1/y"))).ok());
        QVERIFY(t.add(make("DELETE", QStringLiteral("/v1/x/{id}"))).ok());
        const auto m = t.match("/v1/x/1");
        QVERIFY(m);
        QCOMPARE(m->routes.size(), 2);
        QCOMPARE(m->allowHeader(), QByteArray("GET, HEAD, DELETE, OPTIONS"));
        QCOMPARE(t.match("/v1/y")->allowHeader(), QByteArray("PATCH, OPTIONS"));
        QCOMPARE(RouteTable::parameterNames(QStringLiteral("/a/{b}/c/{d}")),
                 (QStringList{QStringLiteral("b"), QStringLiteral("d")}));
    }
};

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
