#include "syncengine.h"

#include "passport/batteryunit.h"
#include "store/batteryunitrepository.h"
#include "store/documentrepository.h"
#include "store/passportpublisher.h"
#include "store/passportrepository.h"
#include "store/productanalyticsrepository.h"
#include "store/productrepository.h"
#include "store/resolverlinkrepository.h"
#include "store/serialrepository.h"
#include "store/supplierrepository.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QUrl>
#include <algorithm>
#include <utility>

namespace dpp::sync {

using store::ChangeEntry;
using store::ChangeJournal;

namespace {

QString ent(const char* name)
{
    return QString::fromLatin1(name);
}

// Sets the journal origin for the scope: the server's versions written locally are
// recorded as "sync" and never pushed back.
class OriginScope
{
public:
    OriginScope(store::Database& db, const QString& origin) : m_db(db), m_old(db.journalOrigin())
    {
        m_db.setJournalOrigin(origin);
    }
    ~OriginScope() { m_db.setJournalOrigin(m_old); }
    OriginScope(const OriginScope&) = delete;
    OriginScope& operator=(const OriginScope&) = delete;

private:
    store::Database& m_db;
    QString m_old;
};

} // namespace

SyncEngine::SyncEngine(store::Database& db, QString tenantId, Settings settings, QObject* parent)
    : QObject(parent), m_db(db), m_tenantId(std::move(tenantId)), m_settings(std::move(settings)),
      m_api(m_settings.serverUrl, m_settings.apiKey), m_state(db, m_api.baseUrl(), m_tenantId)
{
    m_api.setTimeout(m_settings.timeoutMs);
}

QList<store::SyncConflict> SyncEngine::conflicts() const
{
    return m_state.openConflicts();
}

ApiClient::Headers SyncEngine::headers(qint64 seq, const QString& step,
                                       const QString& ifMatch) const
{
    ApiClient::Headers h{
        {"Idempotency-Key", QStringLiteral("%1-%2-%3").arg(m_storeId).arg(seq).arg(step).toUtf8()}};
    if (!ifMatch.isEmpty())
        h.append({"If-Match", ifMatch.toUtf8()});
    return h;
}

ApiReply SyncEngine::call(const std::function<ApiReply()>& request)
{
    ApiReply reply;
    int delay = m_settings.backoffMs;
    const int attempts = std::max(1, m_settings.attempts);
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        reply = request();
        if (!transient(reply) || attempt == attempts)
            return reply;
        Q_EMIT message(tr("no answer from %1 (%2), retrying in %3 ms")
                           .arg(m_api.baseUrl(), reply.answered()
                                                     ? QStringLiteral("HTTP %1").arg(reply.status)
                                                     : reply.networkError)
                           .arg(delay));
        // Sleep in slices so that cancel() is not held up by a long backoff.
        for (int slept = 0; slept < delay && !m_cancel.load(); slept += 50)
            QThread::msleep(50);
        if (m_cancel.load())
            return reply;
        delay *= 2;
    }
    return reply;
}

SyncEngine::Outcome SyncEngine::remember(const QString& entity, const QString& localId,
                                         const QString& remoteId, const QString& etag)
{
    if (Status s = m_state.setMapping(entity, localId, remoteId, etag); !s.ok()) {
        if (m_report && m_report->failure.isEmpty())
            m_report->failure = tr("cannot record the server's id: %1").arg(s.error().message);
        return Outcome::Failed;
    }
    return Outcome::Pushed;
}

QString SyncEngine::gtinOf(const QString& productId) const
{
    const auto p = store::ProductRepository(m_db, m_tenantId).get(productId);
    return p ? p->gtin : QString();
}

SyncEngine::Outcome SyncEngine::failed(const ApiReply& reply)
{
    if (m_report && m_report->failure.isEmpty())
        m_report->failure =
            reply.answered() ? tr("the server %1 answered HTTP %2 repeatedly; try again later")
                                   .arg(m_api.baseUrl())
                                   .arg(reply.status)
                             : tr("cannot reach %1: %2").arg(m_api.baseUrl(), reply.networkError);
    return Outcome::Failed;
}

bool SyncEngine::transient(const ApiReply& reply)
{
    // 409 idempotency_key_in_progress: the same request (from a run that was killed) is
    // still running on the server; its answer is replayed once it is done.
    return !reply.answered() || reply.status == 429 || reply.status >= 500 ||
           (reply.status == 409 &&
            reply.error().value(u"code").toString() == u"idempotency_key_in_progress");
}

SyncEngine::Outcome SyncEngine::reject(const ChangeEntry& e, const ApiReply& reply)
{
    if (transient(reply))
        return failed(reply);
    if (reply.status == 401 || reply.status == 403) {
        // The key is wrong or lacks a scope: every further request would fail the same way.
        if (m_report && m_report->failure.isEmpty())
            m_report->failure = tr("the server refused the API key (HTTP %1): %2")
                                    .arg(reply.status)
                                    .arg(reply.error().value(u"message").toString());
        return Outcome::Failed;
    }
    const QJsonObject error = reply.error();
    store::SyncError row;
    row.seq = e.seq;
    row.entity = e.entity;
    row.localId = e.entityId;
    row.status = reply.status;
    row.code = error.value(u"code").toString();
    row.param = error.value(u"param").toString();
    row.message = error.value(u"message").toString();
    if (row.message.isEmpty())
        row.message = QString::fromUtf8(reply.body.left(200));
    m_state.addError(row);
    const QString line =
        tr("%1 %2 %3 refused (HTTP %4): %5%6")
            .arg(e.entity, e.op, e.entityId)
            .arg(reply.status)
            .arg(row.param.isEmpty() ? QString() : row.param + QStringLiteral(": "), row.message);
    if (m_report) {
        ++m_report->errors;
        m_report->problems.append(line);
    }
    Q_EMIT message(line);
    return Outcome::Rejected;
}

SyncEngine::Outcome SyncEngine::conflict(const ChangeEntry& e, const QString& label,
                                         const QJsonObject& mine, const ApiReply& theirs)
{
    if (!theirs.success())
        return reject(e, theirs);
    const ConflictKind* kind = ConflictKind::find(e.entity);
    const ServerVersion server =
        kind ? kind->version(theirs)
             : ServerVersion{theirs.json(), QString::fromUtf8(theirs.header("ETag")), {}};
    if (kind && !mine.isEmpty() && kind->same(mine, server.shown)) {
        // Both sides made the same change: there is nothing to choose; the server's ETag
        // is the one to send next.
        const auto map = m_state.mapping(e.entity, e.entityId);
        return remember(e.entity, e.entityId, map ? map->remoteId : server.id, server.etag);
    }
    store::SyncConflict c;
    c.entity = e.entity;
    c.localId = e.entityId;
    c.label = label;
    c.seq = e.seq;
    c.mine = mine;
    c.theirs = server.shown;
    c.theirsEtag = server.etag;
    if (auto added = m_state.addConflict(c); !added.ok())
        return reject(e, theirs);
    Q_EMIT message(tr("conflict: %1 %2 changed on the server and here; choose a version")
                       .arg(e.entity, label));
    return Outcome::Conflict;
}

SyncEngine::Report SyncEngine::run()
{
    Report report;
    m_report = &report;
    const auto finish = [&]() {
        report.conflicts = int(m_state.openConflicts().size());
        m_report = nullptr;
        return report;
    };
    const auto id = m_state.storeId();
    if (!id.ok()) {
        report.failure = id.error().message;
        return finish();
    }
    m_storeId = *id;

    ChangeJournal journal(m_db);
    QList<ChangeEntry> pending;
    for (qint64 after = m_state.cursor();;) {
        const auto page = journal.after(after, 5000, m_tenantId);
        if (!page.ok()) {
            report.failure = page.error().message;
            return finish();
        }
        pending += *page;
        if (page->size() < 5000)
            break;
        after = page->last().seq;
    }
    // The last local entry of each record: earlier ones are superseded (coalesced).
    QHash<QString, qint64> lastOf;
    for (const ChangeEntry& e : pending) {
        if (e.origin == u"local") {
            ++report.total;
            lastOf.insert(e.entity + u'/' + e.entityId, e.seq);
        }
    }
    Q_EMIT progress(0, report.total);

    int done = 0;
    for (const ChangeEntry& e : pending) {
        if (m_cancel.load()) {
            report.cancelled = true;
            Q_EMIT message(tr("cancelled; the next sync resumes with the remaining changes"));
            return finish();
        }
        if (e.origin == u"local") {
            const bool superseded = lastOf.value(e.entity + u'/' + e.entityId) != e.seq;
            switch (pushEntry(e, superseded)) {
            case Outcome::Pushed:
                ++report.pushed;
                break;
            case Outcome::Skipped:
                ++report.skipped;
                break;
            case Outcome::Conflict:
            case Outcome::Rejected:
                break;
            case Outcome::Failed:
                if (m_cancel.load())
                    report.cancelled = true;
                return finish();
            }
            ++done;
        }
        // Only after the server's answer: a crash before this line repeats the entry
        // with the same Idempotency-Key.
        if (Status s = m_state.setCursor(e.seq); !s.ok()) {
            report.failure = s.error().message;
            return finish();
        }
        if (e.origin == u"local")
            Q_EMIT progress(done, report.total);
    }
    if (m_settings.pull && !m_cancel.load()) {
        const LocalChanges changedHere = pendingLocalChanges();
        for (const char* entity :
             {ChangeJournal::Product, ChangeJournal::Passport, ChangeJournal::Supplier,
              ChangeJournal::Link, ChangeJournal::BatteryUnit}) {
            if (!m_cancel.load() && report.failure.isEmpty())
                pullKind(*ConflictKind::find(ent(entity)), changedHere, report);
        }
    }
    if (m_settings.analytics && !m_cancel.load() && report.failure.isEmpty())
        pullAnalytics(report);
    if (m_cancel.load())
        report.cancelled = true;
    return finish();
}

SyncEngine::Outcome SyncEngine::pushEntry(const ChangeEntry& e, bool supersededLater)
{
    if (e.entity == ent(ChangeJournal::Product))
        return pushProduct(e, supersededLater);
    if (e.entity == ent(ChangeJournal::Passport))
        return pushPassport(e);
    if (e.entity == ent(ChangeJournal::Document))
        return pushDocument(e);
    if (e.entity == ent(ChangeJournal::Supplier))
        return pushSupplier(e);
    if (e.entity == ent(ChangeJournal::ProductSupplier))
        return pushProductSupplier(e);
    if (e.entity == ent(ChangeJournal::SerialBatch))
        return pushSerialBatch(e);
    if (e.entity == ent(ChangeJournal::Link))
        return pushLink(e);
    if (e.entity == ent(ChangeJournal::BatteryUnit))
        return pushBatteryUnit(e);
    if (e.entity == ent(ChangeJournal::Serial) && e.op == u"state_changed")
        return pushSerialStates(e);
    return Outcome::Skipped;
}

SyncEngine::Outcome SyncEngine::pushProduct(const ChangeEntry& e, bool supersededLater)
{
    const ConflictKind& kind = *ConflictKind::find(e.entity);
    if (heldByConflict(e, kind))
        return Outcome::Conflict;
    store::ProductRepository products(m_db, m_tenantId);
    const auto local = products.get(e.entityId);
    const QString gtin = local ? local->gtin : e.data.value(u"gtin").toString();
    const QString path = QStringLiteral("/v1/products/") + pathPart(gtin);
    const QString entity = ent(ChangeJournal::Product);
    const auto map = m_state.mapping(entity, e.entityId);
    // A later entry of this product sends its then current state; a product the server
    // does not know yet is created now, because entries in between (a passport, a serial
    // batch) need it there.
    if (supersededLater && map)
        return Outcome::Skipped;
    const bool deleted = !local || local->status == u"deleted";
    if (deleted) {
        if (!map)
            return Outcome::Skipped; // never reached the server
        const ApiReply r = call([&] {
            return m_api.sendEmpty("DELETE", path,
                                   headers(e.seq, QStringLiteral("delete"), map->etag));
        });
        if (r.success() || r.status == 404) {
            m_state.removeMapping(entity, e.entityId);
            return Outcome::Pushed;
        }
        if (r.status == 412)
            return conflict(e, gtin, {}, call([&] { return m_api.get(path); }));
        return reject(e, r);
    }
    const QJsonObject mine = withoutStoreFields(local->toJson());
    if (!map) {
        const ApiReply r = call([&] {
            return m_api.sendJson("POST", QStringLiteral("/v1/products"), mine,
                                  headers(e.seq, QStringLiteral("create")));
        });
        if (r.success()) {
            return remember(entity, e.entityId, r.json().value(u"id").toString(),
                            QString::fromUtf8(r.header("ETag")));
        }
        if (r.status != 409)
            return reject(e, r);
        // The server has this GTIN already (another desktop pushed it): the same content
        // is the same product; different content is a conflict for the user.
        const ApiReply theirs = call([&] { return m_api.get(path); });
        if (theirs.success() && withoutStoreFields(theirs.json()) == mine) {
            return remember(entity, e.entityId, theirs.json().value(u"id").toString(),
                            QString::fromUtf8(theirs.header("ETag")));
        }
        return conflict(e, gtin, mine, theirs);
    }
    return pushUpdate(e, kind, *map);
}

bool SyncEngine::heldByConflict(const ChangeEntry& e, const ConflictKind& kind)
{
    if (!m_state.hasOpenConflict(e.entity, e.entityId))
        return false;
    const auto map = m_state.mapping(e.entity, e.entityId);
    const ConflictScope scope{m_db, m_tenantId, map ? map->remoteId : QString()};
    for (store::SyncConflict c : m_state.openConflicts()) {
        if (c.entity != e.entity || c.localId != e.entityId)
            continue;
        if (const auto mine = kind.mine(scope, e.entityId, e.data); mine.ok()) {
            c.mine = *mine;
            m_state.addConflict(c);
        }
    }
    return true;
}

ApiReply SyncEngine::send(const ApiRequest& request, const ApiClient::Headers& headers)
{
    return m_api.sendJson(request.method, request.path, request.body, headers);
}

SyncEngine::Outcome SyncEngine::pushUpdate(const ChangeEntry& e, const ConflictKind& kind,
                                           const store::SyncMapping& map)
{
    if (heldByConflict(e, kind))
        return Outcome::Conflict;
    const ConflictScope scope{m_db, m_tenantId, map.remoteId};
    const auto mine = kind.mine(scope, e.entityId, e.data);
    const auto request =
        mine.ok() ? kind.sendMine(scope, e.entityId, *mine) : Result<ApiRequest>(mine.error());
    if (!request.ok())
        return Outcome::Skipped; // gone here since; its own journal entry follows
    const ApiReply r =
        call([&] { return send(*request, headers(e.seq, QStringLiteral("update"), map.etag)); });
    if (r.success())
        return remember(e.entity, e.entityId, map.remoteId, kind.version(r).etag);
    const auto current = kind.currentPath(scope, e.entityId);
    if (r.status != 412 || !current.ok())
        return reject(e, r);
    return conflict(e, kind.label(scope, e.entityId), *mine,
                    call([&] { return m_api.get(*current); }));
}

SyncEngine::Outcome SyncEngine::pushPassport(const ChangeEntry& e)
{
    const QString entity = ent(ChangeJournal::Passport);
    // Held while a conflict is open; the conflict then shows the newest local version,
    // which is what keep mine publishes.
    if (heldByConflict(e, *ConflictKind::find(entity)))
        return Outcome::Conflict;
    // Every local version is published on the server in turn (each with its own
    // Idempotency-Key, If-Match = the one sent before), so the server's history holds the
    // same versions in the same order as the desktop's: a regulator reading either sees
    // what was published when.
    const auto version =
        store::PassportRepository(m_db, m_tenantId).get(e.data.value(u"version_id").toString());
    const QString gtin = gtinOf(e.entityId);
    if (!version || gtin.isEmpty())
        return Outcome::Skipped;
    const QString current = QStringLiteral("/v1/products/%1/passport").arg(pathPart(gtin));
    const QJsonObject mine{{QStringLiteral("kind"), version->kind},
                           {QStringLiteral("data"), version->data}};
    auto map = m_state.mapping(entity, e.entityId);
    if (!map) {
        // The first push of this passport: the server may already have one (another
        // desktop); never replace it unasked.
        const ApiReply theirs = call([&] { return m_api.get(current); });
        if (theirs.success()) {
            const QJsonObject t = theirs.json().value(u"passport").toObject();
            if (t.value(u"sha256").toString() == version->sha256) {
                return remember(entity, e.entityId, t.value(u"id").toString(),
                                QString::fromUtf8(theirs.header("ETag")));
            }
            return conflict(e, gtin, mine, theirs);
        }
        if (theirs.status != 404)
            return reject(e, theirs);
    }
    QJsonObject body = mine;
    body.insert(QStringLiteral("gtin"), gtin);
    const ApiReply r = call([&] {
        return m_api.sendJson(
            "POST", QStringLiteral("/v1/passports"), body,
            headers(e.seq, QStringLiteral("publish"), map ? map->etag : QString()));
    });
    if (r.success()) {
        QString etag = QString::fromUtf8(r.header("ETag"));
        if (etag.isEmpty())
            etag = u'"' + r.json().value(u"sha256").toString() + u'"';
        return remember(entity, e.entityId, r.json().value(u"id").toString(), etag);
    }
    if (r.status == 412)
        return conflict(e, gtin, mine, call([&] { return m_api.get(current); }));
    return reject(e, r);
}

SyncEngine::Outcome SyncEngine::createMapped(const ChangeEntry& e, const QString& path,
                                             const QJsonObject& body, const QString& step)
{
    if (m_state.mapping(e.entity, e.entityId))
        return Outcome::Skipped;
    const ApiReply r =
        call([&] { return m_api.sendJson("POST", path, body, headers(e.seq, step)); });
    if (!r.success())
        return reject(e, r);
    return remember(e.entity, e.entityId, r.json().value(u"id").toString(),
                    QString::fromUtf8(r.header("ETag")));
}

SyncEngine::Outcome SyncEngine::deleteMapped(const ChangeEntry& e, const QString& path)
{
    const ApiReply r = call(
        [&] { return m_api.sendEmpty("DELETE", path, headers(e.seq, QStringLiteral("delete"))); });
    if (!r.success() && r.status != 404)
        return reject(e, r);
    m_state.removeMapping(e.entity, e.entityId);
    return Outcome::Pushed;
}

SyncEngine::Outcome SyncEngine::pushDocument(const ChangeEntry& e)
{
    // A document of no product is tenant-wide (/v1/documents); a product's one goes under
    // the product, which must still be here to name it.
    const QString productId = e.data.value(u"product_id").toString();
    QString base = QStringLiteral("/v1/documents");
    if (!productId.isEmpty()) {
        const QString gtin = gtinOf(productId);
        if (gtin.isEmpty())
            return Outcome::Skipped;
        base = QStringLiteral("/v1/products/%1/documents").arg(pathPart(gtin));
    }
    if (e.op == u"deleted") {
        const auto map = m_state.mapping(e.entity, e.entityId);
        if (!map)
            return Outcome::Skipped;
        return deleteMapped(e, base + u'/' + pathPart(map->remoteId));
    }
    store::DocumentRepository documents(m_db, m_tenantId);
    const auto doc = documents.get(e.entityId);
    const auto bytes = documents.bytes(e.entityId);
    if (!doc || !bytes.ok() || m_state.mapping(e.entity, e.entityId))
        return Outcome::Skipped; // deleted again before it was pushed, or pushed already
    const QString path = base + QStringLiteral("?doc_type=") + pathPart(doc->docType);
    const ApiClient::FilePart file{QStringLiteral("file"), doc->filename, doc->mediaType.toUtf8(),
                                   *bytes};
    const auto h = headers(e.seq, QStringLiteral("upload"));
    const ApiReply r = call([&] { return m_api.sendMultipart(path, {file}, h.first().second, h); });
    if (!r.success())
        return reject(e, r);
    return remember(e.entity, e.entityId, r.json().value(u"id").toString(), {});
}

SyncEngine::Outcome SyncEngine::pushSupplier(const ChangeEntry& e)
{
    const auto supplier = store::SupplierRepository(m_db, m_tenantId).get(e.entityId);
    if (!supplier)
        return Outcome::Skipped;
    const QJsonObject body = withoutStoreFields(supplier->toJson());
    const auto map = m_state.mapping(e.entity, e.entityId);
    if (!map)
        return createMapped(e, QStringLiteral("/v1/suppliers"), body);
    if (e.op != u"updated")
        return Outcome::Skipped;
    return pushUpdate(e, *ConflictKind::find(e.entity), *map);
}

SyncEngine::Outcome SyncEngine::pushProductSupplier(const ChangeEntry& e)
{
    const QString gtin = gtinOf(e.data.value(u"product_id").toString());
    const auto supplier =
        m_state.mapping(ent(ChangeJournal::Supplier), e.data.value(u"supplier_id").toString());
    if (gtin.isEmpty() || !supplier)
        return Outcome::Skipped;
    const QString base = QStringLiteral("/v1/products/%1/suppliers").arg(pathPart(gtin));
    if (e.op == u"deleted") {
        if (!m_state.mapping(e.entity, e.entityId))
            return Outcome::Skipped;
        return deleteMapped(e, base + u'/' + pathPart(supplier->remoteId));
    }
    const QJsonObject body{{QStringLiteral("supplierId"), supplier->remoteId},
                           {QStringLiteral("role"), e.data.value(u"role")}};
    const ApiReply r = call(
        [&] { return m_api.sendJson("POST", base, body, headers(e.seq, QStringLiteral("link"))); });
    if (!r.success() &&
        !(r.status == 409 && r.error().value(u"code").toString() == u"duplicate_link"))
        return reject(e, r);
    return remember(e.entity, e.entityId, supplier->remoteId, {});
}

SyncEngine::Outcome SyncEngine::pushSerialBatch(const ChangeEntry& e)
{
    if (e.op == u"deleted") {
        const auto map = m_state.mapping(e.entity, e.entityId);
        if (!map)
            return Outcome::Skipped;
        return deleteMapped(e, QStringLiteral("/v1/serial-batches/") + pathPart(map->remoteId));
    }
    store::SerialRepository serials(m_db, m_tenantId);
    const auto batch = serials.batch(e.entityId);
    const QString gtin = batch ? gtinOf(batch->productId) : QString();
    if (!batch || gtin.isEmpty())
        return Outcome::Skipped;
    QJsonObject body{{QStringLiteral("lot"), batch->lot}};
    if (batch->mode == u"uploaded") {
        // A stored batch keeps its uploaded serials as rows, not in the value type.
        body.insert(QStringLiteral("serials"),
                    QJsonArray::fromStringList(serials.serials(e.entityId)));
    } else {
        body.insert(QStringLiteral("prefix"), batch->prefix);
        body.insert(QStringLiteral("start"), batch->start);
        body.insert(QStringLiteral("count"), batch->count);
        body.insert(QStringLiteral("width"), batch->width);
    }
    return createMapped(e, QStringLiteral("/v1/products/%1/serial-batches").arg(pathPart(gtin)),
                        body);
}

SyncEngine::Outcome SyncEngine::pushSerialStates(const ChangeEntry& e)
{
    // Two shapes: one serial set by hand {product_id, batch_id, serial, from, to}, or a
    // batch's assignment {batch_id, serials:[…], to:"assigned"} (all from "available").
    // Each serial is one compare-and-set PATCH with "from", so the server takes exactly
    // the step the desktop took, or answers 412 when its serial moved on meanwhile.
    store::SerialRepository serials(m_db, m_tenantId);
    const QString to = e.data.value(u"to").toString();
    QString batchId = e.data.value(u"batch_id").toString();
    QStringList names;
    QString from = e.data.value(u"from").toString();
    if (e.data.contains(u"serials")) {
        for (const QJsonValue& v : e.data.value(u"serials").toArray())
            names.append(v.toString());
        if (from.isEmpty())
            from = QStringLiteral("available");
    } else {
        names.append(e.data.value(u"serial").toString());
        if (batchId.isEmpty()) {
            // Entries written before batch_id was journaled: find the serial's batch.
            for (const auto& b : serials.batches(e.data.value(u"product_id").toString()))
                if (serials.serialInBatch(b.id, names.first()))
                    batchId = b.id;
        }
    }
    const auto batch = m_state.mapping(ent(ChangeJournal::SerialBatch), batchId);
    if (!batch || to.isEmpty())
        return Outcome::Skipped; // the batch never reached the server (or was refused)
    const QString base =
        QStringLiteral("/v1/serial-batches/%1/serials/").arg(pathPart(batch->remoteId));
    const ConflictKind& kind = *ConflictKind::find(e.entity);
    if (names.size() > 1) {
        // An assignment: one request per 10 000 serials, not one per serial. Only a chunk
        // where some serial moved on the server (412), or holds an open conflict, goes
        // serial by serial below, so that exactly those serials become conflicts.
        QStringList serialBySerial;
        constexpr qsizetype kChunk = 10000;
        for (qsizetype at = 0; at < names.size(); at += kChunk) {
            const QStringList chunk = names.mid(at, kChunk);
            const bool held = std::any_of(chunk.cbegin(), chunk.cend(), [&](const QString& n) {
                return m_state.hasOpenConflict(e.entity, batchId + u'/' + n);
            });
            if (held) {
                serialBySerial += chunk;
                continue;
            }
            const QJsonObject body{{QStringLiteral("serials"), QJsonArray::fromStringList(chunk)},
                                   {QStringLiteral("state"), to},
                                   {QStringLiteral("from"), from}};
            const ApiReply r = call([&] {
                return m_api.sendJson(
                    "PATCH",
                    QStringLiteral("/v1/serial-batches/%1/serials").arg(pathPart(batch->remoteId)),
                    body, headers(e.seq, QStringLiteral("states-%1").arg(at)));
            });
            if (r.status == 412)
                serialBySerial += chunk;
            else if (!r.success())
                return reject(e, r);
        }
        names = serialBySerial;
    }
    Outcome outcome = Outcome::Pushed;
    for (const QString& serial : std::as_const(names)) {
        // Per serial: the conflict of one serial holds that serial only.
        ChangeEntry one = e;
        one.entityId = batchId + u'/' + serial;
        if (heldByConflict(one, kind)) {
            outcome = Outcome::Conflict;
            continue;
        }
        QJsonObject body{{QStringLiteral("state"), to}};
        if (!from.isEmpty())
            body.insert(QStringLiteral("from"), from);
        const ApiReply r = call([&] {
            return m_api.sendJson("PATCH", base + pathPart(serial), body,
                                  headers(e.seq, QStringLiteral("state-") + serial));
        });
        if (r.success())
            continue;
        Outcome o = Outcome::Rejected;
        if (r.status == 412) {
            // The server's serial moved on since the batch was pushed: the user chooses.
            // The map names the server's serial for resolve().
            const QString remoteId = batch->remoteId + u'/' + serial;
            if (remember(e.entity, one.entityId, remoteId, {}) == Outcome::Failed)
                return Outcome::Failed;
            const ConflictScope scope{m_db, m_tenantId, remoteId};
            const auto mine = kind.mine(scope, one.entityId, one.data);
            o = mine.ok() ? conflict(one, kind.label(scope, one.entityId), *mine,
                                     call([&] { return m_api.get(base + pathPart(serial)); }))
                          : Outcome::Skipped;
        } else {
            o = reject(e, r);
        }
        if (o == Outcome::Failed)
            return o;
        if (o != Outcome::Skipped && outcome != Outcome::Conflict)
            outcome = o;
    }
    return outcome;
}

SyncEngine::Outcome SyncEngine::pushLink(const ChangeEntry& e)
{
    const QString linkType = e.data.value(u"link_type").toString();
    const QString gtin = e.data.value(u"gtin").toString();
    const QString base = QStringLiteral("/v1/products/%1/links").arg(pathPart(gtin));
    const auto map = m_state.mapping(e.entity, e.entityId);
    if (e.op == u"deleted") {
        if (!map)
            return Outcome::Skipped;
        return deleteMapped(e, base + u'/' + pathPart(map->remoteId));
    }
    const auto link = store::ResolverLinkRepository(m_db, m_tenantId).get(e.entityId);
    if (!link)
        return Outcome::Skipped;
    // The publisher's own gs1:dpp / gs1:pip links point at the local viewer; the server's
    // publisher makes its own ones for its viewer when the passport arrives.
    if (!map && link->level == u"gtin" && (linkType == u"gs1:dpp" || linkType == u"gs1:pip") &&
        link->href.contains(u"/passport/"))
        return Outcome::Skipped;
    QJsonObject body = link->toJson();
    for (const char* key : {"id", "product_id", "gtin", "version"})
        body.remove(QLatin1String(key));
    if (!map)
        return createMapped(e, base, body);
    return pushUpdate(e, *ConflictKind::find(e.entity), *map);
}

SyncEngine::Outcome SyncEngine::pushBatteryUnit(const ChangeEntry& e)
{
    const auto unit = store::BatteryUnitRepository(m_db, m_tenantId).get(e.entityId);
    if (!unit)
        return Outcome::Skipped;
    if (e.op == u"created") {
        const QString gtin = gtinOf(unit->productId);
        if (gtin.isEmpty())
            return Outcome::Skipped;
        QJsonObject body = unit->toJson();
        for (const char* key : {"id", "product_id", "created_at", "updated_at", "version"})
            body.remove(QLatin1String(key));
        // The status travels with its own "updated" entry (and event) below.
        body.remove(QStringLiteral("status"));
        return createMapped(e, QStringLiteral("/v1/products/%1/battery-units").arg(pathPart(gtin)),
                            body);
    }
    const auto map = m_state.mapping(e.entity, e.entityId);
    if (!map)
        return Outcome::Skipped;
    // The status is versioned (If-Match, conflicts); readings and events are append-only:
    // both sides only ever add them, so they never conflict and carry no If-Match.
    if (e.op == u"updated")
        return pushUpdate(e, *ConflictKind::find(e.entity), *map);
    const QString path = QStringLiteral("/v1/battery-units/") + pathPart(map->remoteId);
    QString target = path;
    QJsonObject body;
    if (e.op == u"soh_recorded") {
        target = path + QStringLiteral("/soh");
        body = e.data.value(u"reading").toObject();
    } else if (e.op == u"event_recorded") {
        target = path + QStringLiteral("/events");
        body = e.data.value(u"event").toObject();
    } else {
        return Outcome::Skipped;
    }
    const ApiReply r =
        call([&] { return m_api.sendJson("POST", target, body, headers(e.seq, e.op)); });
    return r.success() ? Outcome::Pushed : reject(e, r);
}

SyncEngine::LocalChanges SyncEngine::pendingLocalChanges() const
{
    // Read once per pull, not once per record: the journal after the cursor is what has
    // not reached the server yet.
    LocalChanges out;
    ChangeJournal journal(m_db);
    const auto pending = journal.after(m_state.cursor(), 1000000, m_tenantId);
    for (const ChangeEntry& e : pending.ok() ? *pending : QList<ChangeEntry>()) {
        out.readUpTo = e.seq;
        // Appended readings and events change no version of the record.
        if (e.origin == u"local" && e.op != u"soh_recorded" && e.op != u"event_recorded")
            out.records.insert(e.entity + u'/' + e.entityId);
    }
    if (out.readUpTo == 0)
        out.readUpTo = m_state.cursor();
    return out;
}

bool SyncEngine::changedLocallyAfter(qint64 seq, const QString& entity,
                                     const QString& localId) const
{
    const auto later = ChangeJournal(m_db).after(seq, 1000000, m_tenantId);
    if (!later.ok())
        return true; // cannot tell: do not overwrite
    for (const ChangeEntry& e : *later)
        if (e.origin == u"local" && e.entity == entity && e.entityId == localId &&
            e.op != u"soh_recorded" && e.op != u"event_recorded")
            return true;
    return false;
}

void SyncEngine::pullKind(const ConflictKind& kind, const LocalChanges& changedHere, Report& report)
{
    for (const store::SyncMapping& m : m_state.mappings(kind.entity)) {
        if (m_cancel.load())
            return;
        if (m.etag.isEmpty() || m_state.hasOpenConflict(kind.entity, m.localId))
            continue;
        const ConflictScope scope{m_db, m_tenantId, m.remoteId};
        const auto path = kind.currentPath(scope, m.localId);
        const auto mine = kind.mine(scope, m.localId, {});
        if (!path.ok() || !mine.ok())
            continue; // deleted here; its own journal entry deletes it there
        const ApiReply r = call([&] { return m_api.get(*path); });
        if (!r.answered() || r.status >= 500) {
            failed(r);
            return;
        }
        // 404: deleted on the server by someone else. Not deleted here unasked: the
        // local record stays and a later change of it is refused with the server's message.
        if (!r.success())
            continue;
        const ServerVersion theirs = kind.version(r);
        if (theirs.etag.isEmpty() || theirs.etag == m.etag)
            continue;
        if (kind.same(*mine, theirs.shown)) {
            m_state.setMapping(kind.entity, m.localId, m.remoteId, theirs.etag);
            continue;
        }
        const QString label = kind.label(scope, m.localId);
        ChangeEntry here;
        here.entity = kind.entity;
        here.entityId = m.localId;
        if (changedHere.records.contains(kind.entity + u'/' + m.localId)) {
            conflict(here, label, *mine, r);
            continue;
        }
        bool editedMeanwhile = false;
        const Status taken = m_db.transaction([&]() -> Status {
            OriginScope origin(m_db, QStringLiteral("sync")); // only theirs, written here
            // Checked in the transaction that writes theirs: an edit made here since the
            // pull read the journal must become a conflict, not be overwritten.
            if (changedLocallyAfter(changedHere.readUpTo, kind.entity, m.localId)) {
                editedMeanwhile = true;
                return Error{QStringLiteral("conflict"), QStringLiteral("changed here meanwhile"),
                             QStringLiteral("conflict")};
            }
            if (Status s = kind.takeTheirs(scope, m.localId, theirs.shown); !s.ok())
                return s;
            return m_state.setMapping(kind.entity, m.localId, m.remoteId, theirs.etag);
        });
        if (editedMeanwhile) {
            if (const auto now = kind.mine(scope, m.localId, {}); now.ok())
                conflict(here, label, *now, r);
            continue;
        }
        if (!taken.ok()) {
            report.problems.append(tr("%1 %2: the server's version is not valid here: %3")
                                       .arg(kind.entity, label, taken.error().message));
            continue;
        }
        ++report.pulled;
        Q_EMIT message(tr("pulled %1 %2 from the server").arg(kind.entity, label));
    }
}

void SyncEngine::pullAnalytics(Report& report)
{
    store::ProductRepository products(m_db, m_tenantId);
    store::ProductAnalyticsRepository analytics(m_db, m_tenantId);
    const QString entity = ent(ChangeJournal::Product);
    for (const store::SyncMapping& m : m_state.mappings(entity)) {
        if (m_cancel.load())
            return;
        const auto local = products.get(m.localId);
        if (!local || local->status == u"deleted")
            continue;
        const ApiReply r = call([&] {
            return m_api.get(QStringLiteral("/v1/analytics/product/") + pathPart(local->gtin));
        });
        if (r.status == 401 || r.status == 403) {
            report.problems.append(
                tr("analytics not pulled: the API key lacks the analytics:read scope"));
            return;
        }
        if (!r.success())
            continue;
        const QJsonObject json = r.json();
        store::ProductAnalytics row;
        row.productId = m.localId;
        row.gtin = local->gtin;
        row.scans = json.value(u"totalScans").toInteger();
        row.data = json;
        if (analytics.put(row).ok())
            ++report.analytics;
    }
}

Status SyncEngine::resolve(const QString& conflictId, Choice choice)
{
    const auto c = m_state.conflict(conflictId);
    if (!c || c->status != u"open")
        return Error{QStringLiteral("conflict"),
                     QStringLiteral("no open conflict with id %1").arg(conflictId),
                     QStringLiteral("not_found")};
    const auto id = m_state.storeId();
    if (!id.ok())
        return id.error();
    m_storeId = *id;
    const ConflictKind* kind = ConflictKind::find(c->entity);
    if (!kind)
        return Error{
            QStringLiteral("conflict"),
            QStringLiteral("conflicts of %1 records cannot be resolved here").arg(c->entity),
            QStringLiteral("unsupported")};
    const auto map = m_state.mapping(c->entity, c->localId);
    // A record both sides created has no mapping yet: the server's id came with theirs.
    const ConflictScope scope{m_db, m_tenantId,
                              map ? map->remoteId : c->theirs.value(u"id").toString()};

    if (choice == Choice::TakeTheirs) {
        OriginScope origin(m_db, QStringLiteral("sync"));
        return m_db.transaction([&]() -> Status {
            if (Status s = kind->takeTheirs(scope, c->localId, c->theirs); !s.ok())
                return s;
            if (Status s = m_state.setMapping(c->entity, c->localId, scope.remoteId, c->theirsEtag);
                !s.ok())
                return s;
            return m_state.closeConflict(conflictId, QStringLiteral("took_theirs"));
        });
    }

    // Keep mine: the local version, sent against the server version the user saw.
    const auto mine = kind->mine(scope, c->localId, c->mine);
    if (!mine.ok())
        return mine.error();
    const auto request = kind->sendMine(scope, c->localId, *mine);
    if (!request.ok())
        return request.error();
    // The key names the server version the user chose against: resolving again after
    // another 412 is a new request, not a replay of the first answer.
    QString against = c->theirsEtag;
    against.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")));
    const auto h =
        headers(c->seq, QStringLiteral("keep-%1-%2").arg(conflictId, against), c->theirsEtag);
    const ApiReply r = call([&] { return send(*request, h); });
    if (r.status == 412) {
        // Changed on the server again since: show the user the newer version.
        const auto current = kind->currentPath(scope, c->localId);
        const ApiReply theirs =
            current.ok() ? call([&] { return m_api.get(*current); }) : ApiReply();
        if (theirs.success()) {
            const ServerVersion v = kind->version(theirs);
            store::SyncConflict again = *c;
            again.mine = *mine;
            again.theirs = v.shown;
            again.theirsEtag = v.etag;
            m_state.addConflict(again);
        }
        return Error{QStringLiteral("conflict"),
                     QStringLiteral("the server's version changed again; compare once more"),
                     QStringLiteral("version_mismatch")};
    }
    if (!r.success()) {
        const QJsonObject e = r.error();
        return Error{
            e.value(u"param").toString(),
            r.answered()
                ? e.value(u"message").toString(QString::fromUtf8(r.body.left(200)))
                : QStringLiteral("cannot reach %1: %2").arg(m_api.baseUrl(), r.networkError),
            e.value(u"code").toString(QStringLiteral("sync_failed"))};
    }
    const ServerVersion v = kind->version(r);
    if (Status s = m_state.setMapping(c->entity, c->localId, v.id.isEmpty() ? scope.remoteId : v.id,
                                      v.etag);
        !s.ok())
        return s;
    return m_state.closeConflict(conflictId, QStringLiteral("kept_mine"));
}

} // namespace dpp::sync
