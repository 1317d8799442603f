// The main window's product list over a real SQLite store of 100,000 products
// (created in one transaction through core ProductBulkInserter): the lazy model
// loads one page at a time as the view scrolls, search (debounced) and the
// sector filter re-run the query, and a column click sorts in the store.
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <products/productbrowser.h>
#include <products/producttablemodel.h>
#include <store/productbulkinserter.h>
#include <store/tenantrepository.h>

using namespace dpp;
using dpp::ui::ProductBrowser;
using dpp::ui::ProductTableModel;

namespace {
constexpr int kProducts = 100000;

QString gtinFor(int n)
{
    const QString body = QStringLiteral("400%1").arg(n, 9, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += body[i].digitValue() * (i % 2 == 0 ? 1 : 3);
    return body + QString::number((10 - sum % 10) % 10);
}
} // namespace

class TestProductList : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<store::Database> m_db;
    QString m_tenant;

private Q_SLOTS:
    void initTestCase()
    {
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("big.sqlite")));
        QVERIFY(db.ok());
        m_db = *db;
        m_tenant = store::TenantRepository(*m_db).ensure(QStringLiteral("default"))->id;
        QList<QJsonObject> products;
        products.reserve(kProducts);
        for (int i = 0; i < kProducts; ++i)
            products.append(
                {{"gtin", gtinFor(i)},
                 {"name",
                  QJsonObject{
                      {"en", QStringLiteral("Product %1").arg(i, 6, 10, QLatin1Char('0'))}}},
                 {"category", i % 10 == 0 ? QStringLiteral("wine") : QStringLiteral("textile")},
                 {"sku", QStringLiteral("S-%1").arg(i)}});
        auto inserted = store::ProductBulkInserter(*m_db, m_tenant).insert(products);
        QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().message));
        QCOMPARE(*inserted, kProducts);
    }

    void lazyModelLoadsPagesOnDemand()
    {
        ProductBrowser browser;
        browser.resize(900, 600);
        browser.setStore(m_db, m_tenant);
        ProductTableModel* model = browser.model();
        QCOMPARE(model->totalCount(), kProducts);
        // Opening reads one page, not the store.
        QCOMPARE(model->rowCount(), ProductTableModel::kPageSize);
        QCOMPARE(model->rowsFetched(), ProductTableModel::kPageSize);
        QVERIFY(browser.countLabel()->text().contains(QStringLiteral("100")));
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QCOMPARE(model->rowCount(), ProductTableModel::kPageSize);

        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 2 * ProductTableModel::kPageSize);
        QCOMPARE(model->index(2 * ProductTableModel::kPageSize - 1, ProductTableModel::Gtin)
                     .data()
                     .toString(),
                 QStringLiteral("0") + gtinFor(2 * ProductTableModel::kPageSize - 1));

        // Scrolling to the end of what is loaded asks for the next page only.
        browser.view()->scrollToBottom();
        QTRY_VERIFY(model->rowCount() > 2 * ProductTableModel::kPageSize);
        QVERIFY(model->rowCount() <= 4 * ProductTableModel::kPageSize);
        QVERIFY(model->rowsFetched() < kProducts / 50);
    }

    void searchFilterAndSort()
    {
        ProductBrowser browser;
        browser.setStore(m_db, m_tenant);
        browser.show();
        ProductTableModel* model = browser.model();
        // Typing runs one query after the pause, not one per key.
        QTest::keyClicks(browser.searchEdit(), gtinFor(54321));
        QCOMPARE(model->totalCount(), kProducts); // not yet: still typing
        QTRY_COMPARE(model->totalCount(), 1);
        QCOMPARE(model->index(0, ProductTableModel::Name).data().toString(),
                 QStringLiteral("Product 054321"));
        // Enter applies at once.
        browser.searchEdit()->setText(QStringLiteral("product 09999"));
        QTest::keyClick(browser.searchEdit(), Qt::Key_Return);
        QCOMPARE(model->totalCount(), 10); // Product 099990 .. 099999, case-insensitive
        browser.searchEdit()->clear();
        browser.applyFilters();
        QCOMPARE(model->totalCount(), kProducts);

        browser.sectorFilter()->setCurrentIndex(browser.sectorFilter()->findData("wine"));
        QCOMPARE(model->totalCount(), kProducts / 10);
        QCOMPARE(model->rowCount(), ProductTableModel::kPageSize);
        browser.statusFilter()->setCurrentIndex(browser.statusFilter()->findData("deleted"));
        QCOMPARE(model->totalCount(), 0);
        browser.statusFilter()->setCurrentIndex(0);

        // Click the Name header twice: descending by name, sorted by the store.
        QHeaderView* header = browser.view()->horizontalHeader();
        const int x = header->sectionViewportPosition(ProductTableModel::Name) + 5;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        QCOMPARE(model->query().sort, store::ProductCatalog::SortKey::Name);
        QVERIFY(model->query().descending);
        QCOMPARE(model->index(0, ProductTableModel::Name).data().toString(),
                 QStringLiteral("Product 099990"));
    }
};

QTEST_MAIN(TestProductList)
#include "tst_productlist.moc"
