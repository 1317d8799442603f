// SyncEngine: pushes a desktop store's changes to a hosted dppserver through the
// public REST API (the outbox is the change journal), pulls the server's newer
// versions (every conflict kind) and the scan analytics of the local products. Every
// request carries an Idempotency-Key made of (store id, journal seq, step), so a run that
// crashed or lost the network repeats exactly the same requests when resumed; the
// cursor moves past an entry only once the server has answered it.
//
// Conflicts: an update carries If-Match with the last ETag the server sent; a 412
// (or a record both sides created differently) becomes a conflict row holding both
// versions. The record is not pushed again until the user keeps one of them
// (resolve()). Nothing is overwritten silently, on either side. Which records can
// conflict, and how each is read, sent and written, is ConflictKind's (conflictkind.h):
// products, passports, suppliers, resolver links, battery unit status and serial states.
// A 412 whose two versions say the same is no conflict: the new ETag is taken.
//
// A SyncEngine works on the Database of the thread that made it; run() blocks that
// thread (the desktop runs it on a worker thread with its own connection).
#pragma once

#include "apiclient.h"
#include "conflictkind.h"
#include "result.h"
#include "store/changejournal.h"
#include "store/syncstaterepository.h"

#include <QObject>
#include <QSet>
#include <atomic>
#include <functional>

namespace dpp::sync {

class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QString serverUrl;
        QString apiKey;
        int attempts = 4;      // per request, for network errors, 429 and 5xx
        int backoffMs = 500;   // doubled after each failed attempt
        int timeoutMs = 30000; // per request
        bool pull = true;      // fetch newer server versions of unchanged records
        bool analytics = true; // fetch scan analytics of the local products
    };

    struct Report
    {
        int total = 0;     // local changes that were waiting
        int pushed = 0;    // sent and acknowledged
        int skipped = 0;   // superseded by a later change of the same record, or not syncable
        int conflicts = 0; // conflicts open after the run
        int errors = 0;    // changes the server refused in this run
        int pulled = 0;    // server versions taken into the local store
        int analytics = 0; // products whose analytics were refreshed
        bool cancelled = false;
        QString failure;      // why the run stopped early (network); empty otherwise
        QStringList problems; // one line per refused change of this run
        bool clean() const
        {
            return !cancelled && failure.isEmpty() && conflicts == 0 && errors == 0;
        }
    };

    enum class Choice { KeepMine, TakeTheirs };

    SyncEngine(store::Database& db, QString tenantId, Settings settings, QObject* parent = nullptr);

    // Push, then pull, then analytics. Safe to call again after a failure; after a
    // cancel, a new engine resumes from the cursor.
    Report run();
    // Thread-safe, also before run() starts: the run stops after the request in flight
    // and the cursor stays valid. Sticky for this engine.
    void cancel() { m_cancel.store(true); }

    QList<store::SyncConflict> conflicts() const;
    // Keep mine: re-send the local version with If-Match = the server's ETag.
    // Take theirs: write the server's version into the local store (journal origin
    // "sync", so it is not pushed back). Errors name the conflict or what the server said.
    Status resolve(const QString& conflictId, Choice choice);

Q_SIGNALS:
    void progress(int done, int total);
    void message(const QString& line);

private:
    enum class Outcome { Pushed, Skipped, Conflict, Rejected, Failed };

    Outcome pushEntry(const store::ChangeEntry& e, bool supersededLater);
    Outcome pushProduct(const store::ChangeEntry& e, bool supersededLater);
    Outcome pushPassport(const store::ChangeEntry& e);
    Outcome pushDocument(const store::ChangeEntry& e);
    Outcome pushSupplier(const store::ChangeEntry& e);
    Outcome pushProductSupplier(const store::ChangeEntry& e);
    Outcome pushSerialBatch(const store::ChangeEntry& e);
    Outcome pushLink(const store::ChangeEntry& e);
    Outcome pushBatteryUnit(const store::ChangeEntry& e);
    Outcome pushSerialStates(const store::ChangeEntry& e);
    // The update step of a versioned record (see ConflictKind): sends the kind's mine with
    // If-Match = the mapping's ETag; a 412 opens the conflict (or, when the server already
    // has the same, takes its ETag). Held (Outcome::Conflict) while a conflict is open.
    Outcome pushUpdate(const store::ChangeEntry& e, const ConflictKind& kind,
                       const store::SyncMapping& map);
    // True while the record has an open conflict; refreshes the conflict's mine to the
    // newest local version so the user compares against what would be sent.
    bool heldByConflict(const store::ChangeEntry& e, const ConflictKind& kind);
    ApiReply send(const ApiRequest& request, const ApiClient::Headers& headers);
    // Creates the record when it has no server id yet; maps the server's id.
    Outcome createMapped(const store::ChangeEntry& e, const QString& path, const QJsonObject& body,
                         const QString& step = QStringLiteral("create"));
    Outcome deleteMapped(const store::ChangeEntry& e, const QString& path);

    // What changed here and has not reached the server: "entity/localId" of the local
    // entries after the cursor, read once for the whole pull, and the journal's last seq
    // at that moment (edits made later, while the pull runs, are checked per record).
    struct LocalChanges
    {
        QSet<QString> records;
        qint64 readUpTo = 0;
    };
    LocalChanges pendingLocalChanges() const;
    // Whether `entity/localId` got a local change after `seq` (the user edits on while the
    // desktop syncs on its worker thread).
    bool changedLocallyAfter(qint64 seq, const QString& entity, const QString& localId) const;
    // Records of `kind` whose server version moved on: taken when nothing changed here,
    // a conflict when something did (every kind: products, passports, suppliers, links,
    // battery status).
    void pullKind(const ConflictKind& kind, const LocalChanges& changedHere, Report& report);
    void pullAnalytics(Report& report);

    // No answer, 429, 5xx or a key still in progress: worth asking again later.
    static bool transient(const ApiReply& reply);
    // One request with retries (network errors, 429, 5xx) and backoff.
    ApiReply call(const std::function<ApiReply()>& request);
    ApiClient::Headers headers(qint64 seq, const QString& step, const QString& ifMatch = {}) const;
    Outcome reject(const store::ChangeEntry& e, const ApiReply& reply);
    Outcome failed(const ApiReply& reply);
    Outcome conflict(const store::ChangeEntry& e, const QString& label, const QJsonObject& mine,
                     const ApiReply& theirs);
    QString gtinOf(const QString& productId) const;
    // Maps local -> server id; Pushed, or Failed when the store cannot record it.
    Outcome remember(const QString& entity, const QString& localId, const QString& remoteId,
                     const QString& etag);

    store::Database& m_db;
    QString m_tenantId;
    Settings m_settings;
    ApiClient m_api;
    store::SyncStateRepository m_state;
    QString m_storeId;
    std::atomic_bool m_cancel{false};
    Report* m_report = nullptr;
};

} // namespace dpp::sync
