#include "scanthresholdrepository.h"

#include "sqlhelpers.h"

#include <QMap>
#include <algorithm>

namespace dpp::store {

const QList<qint64>& ScanThresholdRepository::defaults()
{
    static const QList<qint64> list = {100, 1000, 10000};
    return list;
}

Result<QList<qint64>> ScanThresholdRepository::parse(const QJsonValue& value)
{
    auto fail = [](const QString& param, const QString& message) {
        return Error{param, message, QStringLiteral("validation_error")};
    };
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > 20)
        return fail(QStringLiteral("thresholds"),
                    QStringLiteral("must be an array of 1 to 20 scan counts, e.g. [100, 1000]"));
    QList<qint64> out;
    const QJsonArray a = value.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const double d = a[i].toDouble(-1);
        if (!a[i].isDouble() || d < 1 || d > 1e15 || d != double(qint64(d)))
            return fail(QStringLiteral("thresholds[%1]").arg(i),
                        QStringLiteral("must be a whole number of scans, at least 1"));
        if (out.contains(qint64(d)))
            return fail(QStringLiteral("thresholds[%1]").arg(i),
                        QStringLiteral("%1 is listed twice").arg(qint64(d)));
        out.append(qint64(d));
    }
    std::sort(out.begin(), out.end());
    return out;
}

QList<qint64> ScanThresholdRepository::thresholds(const QString& productId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT thresholds FROM scan_thresholds WHERE tenant_id = :t AND product_id = :p"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":p"), productId);
    if (!Database::exec(q).ok() || !q.next())
        return defaults();
    QList<qint64> out;
    for (const QJsonValue& v : sql::arrayFrom(q.value(0)))
        out.append(qint64(v.toDouble()));
    return out;
}

Status ScanThresholdRepository::setThresholds(const QString& productId,
                                              const QList<qint64>& thresholds)
{
    QJsonArray a;
    for (qint64 t : thresholds)
        a.append(t);
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO scan_thresholds (tenant_id, product_id, thresholds, updated_at) VALUES (:t, "
        ":p, :th, :now) ON CONFLICT (tenant_id, product_id) DO UPDATE SET thresholds = "
        "excluded.thresholds, updated_at = excluded.updated_at"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":th"), sql::toText(a));
    q.bindValue(QStringLiteral(":now"), Database::now());
    return Database::exec(q);
}

QList<qint64> ScanThresholdRepository::fired(const QString& productId) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT threshold FROM scan_thresholds_fired WHERE tenant_id = :t AND "
                       "product_id = :p ORDER BY threshold"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":p"), productId);
    QList<qint64> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(q.value(0).toLongLong());
    return out;
}

Result<QList<ScanThresholdRepository::Crossing>>
ScanThresholdRepository::recordCrossings(Database& db, const QList<analytics::ScanEvent>& events)
{
    // Scans per (tenant, product) in this batch.
    QMap<std::pair<QString, QString>, std::pair<qint64, QString>> batch;
    for (const auto& e : events) {
        auto& slot = batch[{e.tenantId, e.productId}];
        ++slot.first;
        slot.second = e.gtin;
    }
    QList<Crossing> out;
    const Status s = db.transaction([&]() -> Status {
        for (auto it = batch.begin(); it != batch.end(); ++it) {
            const auto& [tenant, product] = it.key();
            QSqlQuery total = db.prepare(QStringLiteral(
                "SELECT COALESCE(SUM(scans), 0) FROM scan_rollup_monthly WHERE tenant_id = :t "
                "AND product_id = :p AND dimension = 'total'"));
            total.bindValue(QStringLiteral(":t"), tenant);
            total.bindValue(QStringLiteral(":p"), product);
            if (Status st = Database::exec(total); !st.ok())
                return st;
            const qint64 after = total.next() ? total.value(0).toLongLong() : 0;
            const qint64 before = after - it.value().first;
            for (qint64 threshold : ScanThresholdRepository(db, tenant).thresholds(product)) {
                if (threshold <= before || threshold > after)
                    continue;
                QSqlQuery fire = db.prepare(QStringLiteral(
                    "INSERT INTO scan_thresholds_fired (tenant_id, product_id, threshold, "
                    "fired_at) VALUES (:t, :p, :th, :now) ON CONFLICT (tenant_id, product_id, "
                    "threshold) DO NOTHING"));
                fire.bindValue(QStringLiteral(":t"), tenant);
                fire.bindValue(QStringLiteral(":p"), product);
                fire.bindValue(QStringLiteral(":th"), threshold);
                fire.bindValue(QStringLiteral(":now"), Database::now());
                if (Status st = Database::exec(fire); !st.ok())
                    return st;
                if (fire.numRowsAffected() == 1)
                    out.append({tenant, product, it.value().second, threshold, after});
            }
        }
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    return out;
}

} // namespace dpp::store
