// bench_serialstates: opening a 100,000-serial batch in the desktop's serial list
// (Records tab ▸ Serials…), from a real SQLite store, offscreen. Ours:
// SerialStatesDialog (SerialStateModel over a QTableView). Peer: the same serials
// and states read the same way and put into a QTableWidget, one item per cell —
// what the list costs without a model. Figures: the median of 3 opens, from
// construction to the first painted frame (QWidget::grab), then the ratio.
#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <products/productdocument.h>
#include <products/serialstatesdialog.h>
#include <store/productrepository.h>
#include <store/serialrepository.h>
#include <store/tenantrepository.h>

using namespace dpp;

namespace {
constexpr int kSerials = 100000;

qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    auto db = store::Database::open(dir.filePath(QStringLiteral("store.sqlite")));
    if (!db.ok()) {
        std::fprintf(stderr, "bench_serialstates: %s\n", qPrintable(db.error().message));
        return 1;
    }
    const auto tenant = store::TenantRepository(**db).ensure(QStringLiteral("bench"));
    if (!tenant.ok())
        return 1;
    const auto product = store::ProductRepository(**db, tenant->id)
                             .create(QJsonObject{{"gtin", "09506000134352"},
                                                 {"name", QJsonObject{{"en", "Bench"}}}});
    if (!product.ok())
        return 1;
    passport::SerialBatch b;
    b.productId = product->id;
    b.prefix = QStringLiteral("SN");
    b.count = kSerials;
    b.width = 6;
    store::SerialRepository serials(**db, tenant->id);
    const auto batch = serials.createBatch(b);
    if (!batch.ok()) {
        std::fprintf(stderr, "bench_serialstates: %s\n", qPrintable(batch.error().message));
        return 1;
    }
    // A realistic mix: the first tenth printed.
    QStringList printed = batch->serials().mid(0, kSerials / 10);
    if (!serials.setStates(batch->id, printed, "assigned", "available").ok() ||
        !serials.setStates(batch->id, printed, "printed", "assigned").ok())
        return 1;
    ui::ProductDocument document(*db, tenant->id);
    if (!document.load(product->id).ok())
        return 1;

    QList<qint64> ours, peer;
    int oursRows = 0, peerRows = 0;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        {
            ui::SerialStatesDialog dialog(&document, batch->id);
            dialog.show();
            dialog.grab();
            oursRows = dialog.view()->model()->rowCount();
            ours.append(t.elapsed());
        }
        t.restart();
        {
            const QHash<QString, QString> stored = document.storedSerialStates(batch->id);
            const QStringList list = batch->serials();
            QTableWidget table(int(list.size()), 2);
            table.setHorizontalHeaderLabels({QStringLiteral("Serial"), QStringLiteral("State")});
            for (int r = 0; r < list.size(); ++r) {
                table.setItem(r, 0, new QTableWidgetItem(list[r]));
                table.setItem(r, 1, new QTableWidgetItem(stored.value(list[r])));
            }
            table.resize(520, 600);
            table.show();
            table.grab();
            peerRows = table.rowCount();
            peer.append(t.elapsed());
        }
    }
    const qint64 o = median(ours), p = median(peer);
    std::printf("open a %d-serial batch to the first painted frame (median of 3, ms)\n", kSerials);
    std::printf("  ours  SerialStatesDialog (model + QTableView), %d rows: %lld ms\n", oursRows,
                static_cast<long long>(o));
    std::printf("  peer  QTableWidget with one item per cell,     %d rows: %lld ms\n", peerRows,
                static_cast<long long>(p));
    std::printf("  ratio peer/ours: %.1fx\n", o > 0 ? double(p) / double(o) : 0.0);
    return oursRows == kSerials && peerRows == kSerials ? 0 : 1;
}
