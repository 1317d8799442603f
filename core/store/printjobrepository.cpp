#include "printjobrepository.h"

#include "sqlhelpers.h"

#include <QSqlError>
#include <QVariantList>

namespace dpp::store {

namespace {
const char* kSelect = "SELECT id, product_id, batch_id, kind, label, target, requested, "
                      "first_serial, last_serial, labels_sent, status, message, actor, "
                      "created_at, updated_at FROM print_jobs";
PrintJobEntry jobFrom(const QSqlQuery& q)
{
    PrintJobEntry j;
    j.id = q.value(0).toString();
    j.productId = q.value(1).toString();
    j.batchId = q.value(2).toString();
    j.kind = q.value(3).toString();
    j.label = q.value(4).toString();
    j.target = q.value(5).toString();
    j.requested = q.value(6).toString();
    j.firstSerial = q.value(7).toString();
    j.lastSerial = q.value(8).toString();
    j.labelsSent = q.value(9).toLongLong();
    j.status = q.value(10).toString();
    j.message = q.value(11).toString();
    j.actor = q.value(12).toString();
    j.createdAt = sql::timeFrom(q.value(13));
    j.updatedAt = sql::timeFrom(q.value(14));
    return j;
}
} // namespace

QJsonObject PrintJobEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("product_id"), productId},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("label"), label},
                  {QStringLiteral("target"), target},
                  {QStringLiteral("labels_sent"), double(labelsSent)},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("created_at"), createdAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("updated_at"), updatedAt.toString(Qt::ISODateWithMs)}};
    auto put = [&](const char* key, const QString& v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    put("batch_id", batchId);
    put("requested", requested);
    put("first_serial", firstSerial);
    put("last_serial", lastSerial);
    put("message", message);
    put("actor", actor);
    return o;
}

Result<PrintJobEntry> PrintJobRepository::start(PrintJobEntry job)
{
    job.id = sql::newId();
    const QString now = Database::now();
    job.createdAt = job.updatedAt = QDateTime::fromString(now, Qt::ISODateWithMs);
    job.status = QStringLiteral("running");
    job.labelsSent = 0;
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO print_jobs (id, tenant_id, product_id, batch_id, kind, label, target, "
        "requested, first_serial, last_serial, labels_sent, status, message, actor, created_at, "
        "updated_at) VALUES (:id, :t, :p, :b, :k, :l, :tg, :r, :f, NULL, 0, :s, NULL, :a, :at, "
        ":at)"));
    q.bindValue(QStringLiteral(":id"), job.id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":p"), job.productId);
    q.bindValue(QStringLiteral(":b"), sql::nullableText(job.batchId));
    q.bindValue(QStringLiteral(":k"), job.kind);
    q.bindValue(QStringLiteral(":l"), job.label);
    q.bindValue(QStringLiteral(":tg"), job.target);
    q.bindValue(QStringLiteral(":r"), sql::nullableText(job.requested));
    q.bindValue(QStringLiteral(":f"), sql::nullableText(job.firstSerial));
    q.bindValue(QStringLiteral(":s"), job.status);
    q.bindValue(QStringLiteral(":a"), sql::nullableText(job.actor));
    q.bindValue(QStringLiteral(":at"), now);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    return job;
}

Status PrintJobRepository::recordSent(PrintJobEntry& job, const QStringList& serials, qint64 labels)
{
    const QString now = Database::now();
    return m_db.transaction([&]() -> Status {
        if (job.kind == QLatin1String("print") && !serials.isEmpty()) {
            // available → assigned → printed in one step: handing a serial to the
            // printer assigns it; already printed, activated or decommissioned
            // serials keep their state (a state never moves backwards).
            QVariantList states, times, tenants, products, values;
            for (const QString& serial : serials) {
                states << QStringLiteral("printed");
                times << now;
                tenants << m_tenantId;
                products << job.productId;
                values << serial;
            }
            QSqlQuery u = m_db.prepare(QStringLiteral(
                "UPDATE serials SET state = ?, updated_at = ? WHERE tenant_id = ? AND "
                "product_id = ? AND serial = ? AND state IN ('available', 'assigned')"));
            u.addBindValue(states);
            u.addBindValue(times);
            u.addBindValue(tenants);
            u.addBindValue(products);
            u.addBindValue(values);
            if (!u.execBatch())
                return Error{
                    QStringLiteral("serials"),
                    QStringLiteral("cannot mark serials printed: %1").arg(u.lastError().text()),
                    QStringLiteral("store")};
        }
        const QString last = serials.isEmpty() ? job.lastSerial : serials.last();
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "UPDATE print_jobs SET last_serial = :l, labels_sent = :n, updated_at = :u, "
            "first_serial = COALESCE(first_serial, :f) WHERE id = :id AND tenant_id = :t"));
        q.bindValue(QStringLiteral(":l"), sql::nullableText(last));
        q.bindValue(QStringLiteral(":n"), job.labelsSent + labels);
        q.bindValue(QStringLiteral(":u"), now);
        q.bindValue(QStringLiteral(":f"), sql::nullableText(serials.value(0)));
        q.bindValue(QStringLiteral(":id"), job.id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status s = Database::exec(q); !s.ok())
            return s;
        job.lastSerial = last;
        job.labelsSent += labels;
        if (job.firstSerial.isEmpty())
            job.firstSerial = serials.value(0);
        return Ok{};
    });
}

Status PrintJobRepository::finish(PrintJobEntry& job, const QString& status, const QString& message)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE print_jobs SET status = :s, message = :m, updated_at = :u WHERE "
                       "id = :id AND tenant_id = :t"));
    q.bindValue(QStringLiteral(":s"), status);
    q.bindValue(QStringLiteral(":m"), sql::nullableText(message));
    q.bindValue(QStringLiteral(":u"), Database::now());
    q.bindValue(QStringLiteral(":id"), job.id);
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (Status s = Database::exec(q); !s.ok())
        return s;
    job.status = status;
    job.message = message;
    return Ok{};
}

std::optional<QString> PrintJobRepository::resumeSerial(const QString& batchId) const
{
    QSqlQuery q = m_db.prepare(QLatin1String(kSelect) +
                               QStringLiteral(" WHERE tenant_id = :t AND batch_id = :b AND kind = "
                                              "'print' AND last_serial IS NOT NULL ORDER BY "
                                              "updated_at DESC, created_at DESC"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":b"), batchId);
    if (!Database::exec(q).ok() || !q.next())
        return std::nullopt;
    return jobFrom(q).lastSerial;
}

QList<PrintJobEntry> PrintJobRepository::jobs(const QString& batchId) const
{
    QSqlQuery q = m_db.prepare(
        QLatin1String(kSelect) +
        QStringLiteral(" WHERE tenant_id = :t AND batch_id = :b ORDER BY created_at, id"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":b"), batchId);
    QList<PrintJobEntry> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(jobFrom(q));
    return out;
}

std::optional<PrintJobEntry> PrintJobRepository::get(const QString& id) const
{
    return sql::rowById<PrintJobEntry>(m_db, kSelect, id, m_tenantId, jobFrom);
}

} // namespace dpp::store
