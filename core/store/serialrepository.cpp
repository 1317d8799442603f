#include "serialrepository.h"

#include "sqlhelpers.h"

#include <QVariantList>

namespace dpp::store {

using passport::SerialBatch;

namespace {
const char* kSelect = "SELECT id, product_id, lot, mode, prefix, start_number, count, width, "
                      "created_at FROM serial_batches";
SerialBatch batchFrom(const QSqlQuery& q)
{
    SerialBatch b;
    b.id = q.value(0).toString();
    b.productId = q.value(1).toString();
    b.lot = q.value(2).toString();
    b.mode = q.value(3).toString();
    b.prefix = q.value(4).toString();
    b.start = q.value(5).toLongLong();
    b.count = q.value(6).toInt();
    b.width = q.value(7).toInt();
    b.createdAt = sql::timeFrom(q.value(8));
    return b;
}
} // namespace

Result<SerialBatch> SerialRepository::createBatch(SerialBatch batch)
{
    if (const auto errors = batch.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    batch.id = sql::newId();
    const QString now = Database::now();
    batch.createdAt = QDateTime::fromString(now, Qt::ISODateWithMs);
    const QStringList serials = batch.serials();
    if (batch.mode == QLatin1String("uploaded"))
        batch.count = int(serials.size());
    const Status s = m_db.transaction([&]() -> Status {
        QSqlQuery owner =
            m_db.prepare(QStringLiteral("SELECT 1 FROM products WHERE id = :p AND tenant_id = :t"));
        owner.bindValue(QStringLiteral(":p"), batch.productId);
        owner.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status e = Database::exec(owner); !e.ok())
            return e;
        if (!owner.next())
            return sql::notFound(QStringLiteral("product_id"), QStringLiteral("product"));
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO serial_batches (id, tenant_id, product_id, lot, mode, prefix, "
            "start_number, "
            "count, width, created_at) VALUES (:id, :t, :p, :l, :m, :pre, :s, :c, :w, :at)"));
        q.bindValue(QStringLiteral(":id"), batch.id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":p"), batch.productId);
        q.bindValue(QStringLiteral(":l"), sql::nullableText(batch.lot));
        q.bindValue(QStringLiteral(":m"), batch.mode);
        q.bindValue(QStringLiteral(":pre"), sql::nullableText(batch.prefix));
        q.bindValue(QStringLiteral(":s"), batch.start);
        q.bindValue(QStringLiteral(":c"), batch.count);
        q.bindValue(QStringLiteral(":w"), batch.width);
        q.bindValue(QStringLiteral(":at"), now);
        if (Status e = Database::exec(q); !e.ok())
            return e;
        // Batched binds in chunks keep memory flat for large batches.
        constexpr qsizetype kChunk = 5000;
        for (qsizetype from = 0; from < serials.size(); from += kChunk) {
            const qsizetype n = std::min(kChunk, serials.size() - from);
            QVariantList tenants, products, batches, values, states, times;
            for (qsizetype i = 0; i < n; ++i) {
                tenants << m_tenantId;
                products << batch.productId;
                batches << batch.id;
                values << serials[from + i];
                states << QStringLiteral("available");
                times << now;
            }
            QSqlQuery insert = m_db.prepare(QStringLiteral(
                "INSERT INTO serials (tenant_id, product_id, batch_id, serial, state, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)"));
            insert.addBindValue(tenants);
            insert.addBindValue(products);
            insert.addBindValue(batches);
            insert.addBindValue(values);
            insert.addBindValue(states);
            insert.addBindValue(times);
            if (!insert.execBatch())
                return Error{
                    QStringLiteral("serials"),
                    QStringLiteral("a serial of this batch is already used for this product"),
                    QStringLiteral("duplicate")};
        }
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    return batch;
}

std::optional<SerialBatch> SerialRepository::batch(const QString& batchId) const
{
    return sql::rowById<SerialBatch>(m_db, kSelect, batchId, m_tenantId, batchFrom);
}

QList<SerialBatch> SerialRepository::batches(const QString& productId) const
{
    QSqlQuery q = m_db.prepare(
        QLatin1String(kSelect) +
        QStringLiteral(" WHERE product_id = :p AND tenant_id = :t ORDER BY created_at"));
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<SerialBatch> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(batchFrom(q));
    return out;
}

std::optional<QString> SerialRepository::state(const QString& productId,
                                               const QString& serial) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT state FROM serials WHERE product_id = :p AND serial = :s AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":s"), serial);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

Status SerialRepository::setState(const QString& productId, const QString& serial,
                                  const QString& to)
{
    return m_db.transaction([&]() -> Status {
        const auto from = state(productId, serial);
        if (!from)
            return sql::notFound(QStringLiteral("serial"), QStringLiteral("serial"));
        if (!SerialBatch::canTransition(*from, to))
            return Error{QStringLiteral("state"),
                         QStringLiteral("a serial cannot go from %1 to %2").arg(*from, to),
                         QStringLiteral("invalid_state")};
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "UPDATE serials SET state = :to, updated_at = :u WHERE product_id = :p AND serial = :s "
            "AND tenant_id = :t AND state = :from"));
        q.bindValue(QStringLiteral(":to"), to);
        q.bindValue(QStringLiteral(":u"), Database::now());
        q.bindValue(QStringLiteral(":p"), productId);
        q.bindValue(QStringLiteral(":s"), serial);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":from"), *from);
        if (Status e = Database::exec(q); !e.ok())
            return e;
        if (q.numRowsAffected() != 1)
            return Error{QStringLiteral("state"), QStringLiteral("the serial changed meanwhile"),
                         QStringLiteral("conflict")};
        return Ok{};
    });
}

Result<QStringList> SerialRepository::assign(const QString& batchId, int count)
{
    if (count < 1)
        return Error{QStringLiteral("count"), QStringLiteral("must be at least 1"),
                     QStringLiteral("validation_error")};
    QStringList picked;
    const Status s = m_db.transaction([&]() -> Status {
        picked = serials(batchId, QStringLiteral("available")).mid(0, count);
        if (picked.size() < count)
            return Error{QStringLiteral("count"),
                         QStringLiteral("only %1 serials are available").arg(picked.size()),
                         QStringLiteral("insufficient")};
        for (const QString& serial : picked) {
            QSqlQuery q = m_db.prepare(QStringLiteral(
                "UPDATE serials SET state = 'assigned', updated_at = :u WHERE batch_id = :b AND "
                "serial = :s AND tenant_id = :t AND state = 'available'"));
            q.bindValue(QStringLiteral(":u"), Database::now());
            q.bindValue(QStringLiteral(":b"), batchId);
            q.bindValue(QStringLiteral(":s"), serial);
            q.bindValue(QStringLiteral(":t"), m_tenantId);
            if (Status e = Database::exec(q); !e.ok())
                return e;
            if (q.numRowsAffected() != 1)
                return Error{QStringLiteral("count"), QStringLiteral("serials changed meanwhile"),
                             QStringLiteral("conflict")};
        }
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    return picked;
}

QMap<QString, int> SerialRepository::countByState(const QString& batchId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT state, COUNT(*) FROM serials WHERE batch_id "
                                              "= :b AND tenant_id = :t GROUP BY state"));
    q.bindValue(QStringLiteral(":b"), batchId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QMap<QString, int> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

QStringList SerialRepository::serials(const QString& batchId, const QString& state) const
{
    QString sql =
        QStringLiteral("SELECT serial FROM serials WHERE batch_id = :b AND tenant_id = :t");
    if (!state.isEmpty())
        sql += QStringLiteral(" AND state = :s");
    QSqlQuery q = m_db.prepare(sql + QStringLiteral(" ORDER BY serial"));
    q.bindValue(QStringLiteral(":b"), batchId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!state.isEmpty())
        q.bindValue(QStringLiteral(":s"), state);
    QStringList out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(q.value(0).toString());
    return out;
}

} // namespace dpp::store
