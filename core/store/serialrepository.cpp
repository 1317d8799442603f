#include "serialrepository.h"

#include "changejournal.h"

#include "sqlhelpers.h"

#include <QHash>
#include <QJsonArray>
#include <QVariantList>
#include <algorithm>

namespace dpp::store {

using passport::SerialBatch;

namespace {
const char* kSelect = "SELECT id, product_id, lot, mode, prefix, start_number, count, width, "
                      "created_at, row_version FROM serial_batches";
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
    b.rowVersion = q.value(9).toLongLong();
    return b;
}
} // namespace

Result<QList<qsizetype>> SerialRepository::clashes(const QString& productId,
                                                   const QStringList& candidates) const
{
    // IN lists in chunks: both engines cap bound parameters per statement.
    constexpr qsizetype kChunk = 500;
    QList<qsizetype> out;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < candidates.size(); ++i)
        index.insert(candidates[i], i);
    for (qsizetype from = 0; from < candidates.size(); from += kChunk) {
        const qsizetype n = std::min(kChunk, candidates.size() - from);
        QStringList marks(n, QStringLiteral("?"));
        QSqlQuery q = m_db.prepare(
            QStringLiteral("SELECT serial FROM serials WHERE product_id = ? AND serial IN (%1)")
                .arg(marks.join(u',')));
        q.addBindValue(productId);
        for (qsizetype i = 0; i < n; ++i)
            q.addBindValue(candidates[from + i]);
        if (Status e = Database::exec(q); !e.ok())
            return e.error();
        while (q.next())
            out.append(index.value(q.value(0).toString()));
    }
    std::sort(out.begin(), out.end());
    return out;
}

Status SerialRepository::record(const QString& batchId, const QString& productId,
                                const QString& action, const QJsonObject& detail,
                                const QString& actor)
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO serial_audit (id, tenant_id, batch_id, product_id, action, detail, actor, "
        "created_at) VALUES (:id, :t, :b, :p, :a, :d, :actor, :at)"));
    q.bindValue(QStringLiteral(":id"), sql::newId());
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":b"), batchId);
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":a"), action);
    q.bindValue(QStringLiteral(":d"), sql::toText(detail));
    q.bindValue(QStringLiteral(":actor"), sql::nullableText(actor));
    q.bindValue(QStringLiteral(":at"), Database::now());
    if (Status s = Database::exec(q); !s.ok())
        return s;
    // The audit trail's actions are the journal's changes: a batch created or
    // deleted, or serials of it assigned (a state change of those serials).
    QJsonObject data = detail;
    data.insert(QStringLiteral("product_id"), productId);
    data.insert(QStringLiteral("batch_id"), batchId);
    if (action == u"assigned") {
        data.insert(QStringLiteral("to"), QStringLiteral("assigned"));
        return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::Serial), batchId,
                                          QStringLiteral("state_changed"), data);
    }
    return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::SerialBatch),
                                      batchId, action, data);
}

QList<SerialRepository::AuditEntry> SerialRepository::audit(const QString& batchId) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT batch_id, action, detail, actor, created_at FROM serial_audit "
                       "WHERE tenant_id = :t AND batch_id = :b ORDER BY created_at, id"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":b"), batchId);
    QList<AuditEntry> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(), sql::timeFrom(q.value(4))});
    return out;
}

Status SerialRepository::bumpVersion(const QString& batchId)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE serial_batches SET row_version = "
                                              "row_version + 1 WHERE id = :b AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":b"), batchId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    return Database::exec(q);
}

Status SerialRepository::deleteBatch(const QString& batchId, const QString& actor,
                                     std::optional<qint64> expectedVersion)
{
    return m_db.transaction([&]() -> Status {
        const auto b = batch(batchId);
        if (!b)
            return sql::notFound(QStringLiteral("id"), QStringLiteral("serial batch"));
        if (expectedVersion && *expectedVersion != b->rowVersion)
            return sql::versionMismatch(QStringLiteral("serial batch"), *expectedVersion,
                                        b->rowVersion);
        const QMap<QString, int> counts = countByState(batchId);
        QStringList used;
        for (auto it = counts.begin(); it != counts.end(); ++it)
            if (it.key() != u"available")
                used << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        if (!used.isEmpty())
            return Error{QStringLiteral("id"),
                         QStringLiteral("the batch cannot be deleted: %1 (only batches whose "
                                        "serials are all still available can be)")
                             .arg(used.join(QStringLiteral(", "))),
                         QStringLiteral("conflict")};
        for (const char* table : {"serials", "serial_batches"}) {
            QSqlQuery q = m_db.prepare(
                QStringLiteral("DELETE FROM %1 WHERE %2 = :b AND tenant_id = :t")
                    .arg(QLatin1String(table),
                         QLatin1String(qstrcmp(table, "serials") == 0 ? "batch_id" : "id")));
            q.bindValue(QStringLiteral(":b"), batchId);
            q.bindValue(QStringLiteral(":t"), m_tenantId);
            if (Status e = Database::exec(q); !e.ok())
                return e;
        }
        QJsonObject detail{{QStringLiteral("lot"), b->lot}};
        for (auto it = counts.begin(); it != counts.end(); ++it)
            detail.insert(it.key(), it.value());
        return record(batchId, b->productId, QStringLiteral("deleted"), detail, actor);
    });
}

Result<SerialBatch> SerialRepository::createBatch(SerialBatch batch, const QString& actor)
{
    if (const auto errors = batch.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    batch.id = sql::newId();
    batch.rowVersion = 1;
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
        auto clashing = clashes(batch.productId, serials);
        if (!clashing.ok())
            return clashing.error();
        if (!clashing->isEmpty()) {
            QStringList named;
            for (qsizetype i : clashing->mid(0, 10))
                named << QStringLiteral("%1 (\"%2\")").arg(batch.origin(i), serials[i]);
            if (clashing->size() > 10)
                named << QStringLiteral("and %1 more").arg(clashing->size() - 10);
            // Sequential ranges overlap at their start; uploads name the file or element.
            const QString param = !batch.uploadedRows.isEmpty() ? QStringLiteral("file")
                                  : batch.mode == u"uploaded"
                                      ? QStringLiteral("serials[%1]").arg(clashing->first())
                                      : QStringLiteral("start");
            return Error{param,
                         QStringLiteral("%1 serial(s) already used for this product: %2")
                             .arg(clashing->size())
                             .arg(named.join(QStringLiteral(", "))),
                         QStringLiteral("duplicate")};
        }
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
        return record(
            batch.id, batch.productId, QStringLiteral("created"),
            {{QStringLiteral("mode"), batch.mode}, {QStringLiteral("count"), int(serials.size())}},
            actor);
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
                                  const QString& to, const std::optional<QString>& expectedFrom)
{
    return writeState(productId, serial, to, expectedFrom, true);
}

Status SerialRepository::overrideState(const QString& productId, const QString& serial,
                                       const QString& to)
{
    return writeState(productId, serial, to, std::nullopt, false);
}

Result<QStringList> SerialRepository::setStates(const QString& batchId, const QStringList& serials,
                                                const QString& to, const QString& from,
                                                qsizetype* failedAt)
{
    if (const QString problem = SerialBatch::transitionProblem(from, to); !problem.isEmpty())
        return Error{QStringLiteral("state"), problem, QStringLiteral("invalid_state")};
    const auto owner = batch(batchId);
    if (!owner)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("serial batch"));
    QStringList changed;
    const Status s = m_db.transaction([&]() -> Status {
        QHash<QString, QString> states = statesOf(batchId);
        QSqlQuery move = prepareMove();
        for (qsizetype i = 0; i < serials.size(); ++i) {
            if (failedAt)
                *failedAt = i; // stays at the serial an error below is about
            const QString param = QStringLiteral("serials[%1]").arg(i);
            const auto it = states.constFind(serials[i]);
            if (it == states.cend())
                return Error{
                    param,
                    QStringLiteral("this batch has no serial \"%1\"").arg(serials[i].left(40)),
                    QStringLiteral("not_found")};
            if (*it == to)
                continue;
            if (*it != from)
                return Error{
                    param, QStringLiteral("serial %1 is %2 now, not %3").arg(serials[i], *it, from),
                    QStringLiteral("version_mismatch")};
            if (Status e = moveSerial(move, owner->productId, serials[i], from, to, param); !e.ok())
                return e;
            states.insert(serials[i], to); // a serial listed twice is then "already there"
            changed.append(serials[i]);
        }
        if (changed.isEmpty())
            return Ok{};
        if (Status e = bumpVersion(batchId); !e.ok())
            return e;
        return ChangeJournal(m_db).record(
            m_tenantId, QLatin1String(ChangeJournal::Serial), batchId,
            QStringLiteral("state_changed"),
            QJsonObject{{QStringLiteral("product_id"), owner->productId},
                        {QStringLiteral("batch_id"), batchId},
                        {QStringLiteral("count"), int(changed.size())},
                        {QStringLiteral("serials"), QJsonArray::fromStringList(changed)},
                        {QStringLiteral("from"), from},
                        {QStringLiteral("to"), to}});
    });
    if (!s.ok())
        return s.error();
    return changed;
}

QHash<QString, QString> SerialRepository::statesOf(const QString& batchId) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT serial, state FROM serials WHERE batch_id = :b AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":b"), batchId);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QHash<QString, QString> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

std::optional<SerialRepository::SerialInfo>
SerialRepository::serialInBatch(const QString& batchId, const QString& serial) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT serial, state, batch_id, product_id FROM serials WHERE batch_id = "
                       ":b AND serial = :s AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":b"), batchId);
    q.bindValue(QStringLiteral(":s"), serial);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return SerialInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString()};
}

QSqlQuery SerialRepository::prepareMove() const
{
    // By the primary key (product_id, serial): a batch_id condition instead made the
    // (batch_id, state) index scan the whole batch per serial (minutes for 100,000).
    return m_db.prepare(
        QStringLiteral("UPDATE serials SET state = :to, updated_at = :u WHERE product_id = :p AND "
                       "serial = :s AND tenant_id = :t AND state = :from"));
}

Status SerialRepository::moveSerial(QSqlQuery& q, const QString& productId, const QString& serial,
                                    const QString& from, const QString& to, const QString& param)
{
    q.bindValue(QStringLiteral(":to"), to);
    q.bindValue(QStringLiteral(":u"), Database::now());
    q.bindValue(QStringLiteral(":p"), productId);
    q.bindValue(QStringLiteral(":s"), serial);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":from"), from);
    if (Status e = Database::exec(q); !e.ok())
        return e;
    if (q.numRowsAffected() != 1)
        return Error{param, QStringLiteral("the serial changed meanwhile"),
                     QStringLiteral("conflict")};
    return Ok{};
}

Status SerialRepository::writeState(const QString& productId, const QString& serial,
                                    const QString& to, const std::optional<QString>& expectedFrom,
                                    bool checkRule)
{
    if (!SerialBatch::states().contains(to))
        return Error{QStringLiteral("state"),
                     QStringLiteral("unknown state \"%1\"; one of: %2")
                         .arg(to.left(40), SerialBatch::states().join(QStringLiteral(", "))),
                     QStringLiteral("invalid_state")};
    return m_db.transaction([&]() -> Status {
        QSqlQuery current = m_db.prepare(QStringLiteral(
            "SELECT state, batch_id FROM serials WHERE product_id = :p AND serial = :s AND "
            "tenant_id = :t"));
        current.bindValue(QStringLiteral(":p"), productId);
        current.bindValue(QStringLiteral(":s"), serial);
        current.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status e = Database::exec(current); !e.ok())
            return e;
        if (!current.next())
            return sql::notFound(QStringLiteral("serial"), QStringLiteral("serial"));
        const QString from = current.value(0).toString();
        const QString batchId = current.value(1).toString();
        // Already there: nothing to do, whatever `expectedFrom` said (the goal is met; two
        // desktops pushing the same step must not make a conflict).
        if (from == to)
            return Ok{};
        if (expectedFrom && *expectedFrom != from)
            return Error{QStringLiteral("from"),
                         QStringLiteral("the serial is %1 now, not %2").arg(from, *expectedFrom),
                         QStringLiteral("version_mismatch")};
        if (const QString problem = SerialBatch::transitionProblem(from, to);
            checkRule && !problem.isEmpty())
            return Error{QStringLiteral("state"), problem, QStringLiteral("invalid_state")};
        QSqlQuery move = prepareMove();
        if (Status e = moveSerial(move, productId, serial, from, to, QStringLiteral("state"));
            !e.ok())
            return e;
        if (Status e = bumpVersion(batchId); !e.ok())
            return e;
        return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::Serial), serial,
                                          QStringLiteral("state_changed"),
                                          QJsonObject{{QStringLiteral("product_id"), productId},
                                                      {QStringLiteral("batch_id"), batchId},
                                                      {QStringLiteral("serial"), serial},
                                                      {QStringLiteral("from"), from},
                                                      {QStringLiteral("to"), to}});
    });
}

Result<QStringList> SerialRepository::assign(const QString& batchId, int count,
                                             const QString& actor)
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
        if (Status e = bumpVersion(batchId); !e.ok())
            return e;
        const auto b = batch(batchId);
        return record(batchId, b ? b->productId : QString(), QStringLiteral("assigned"),
                      {{QStringLiteral("count"), count},
                       {QStringLiteral("serials"), QJsonArray::fromStringList(picked)}},
                      actor);
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
