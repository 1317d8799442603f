// ConflictKind: what the sync engine needs to know about one kind of versioned record to
// turn a 412 into a conflict the user decides, and to carry out the choice (keep mine /
// take theirs). One descriptor per ChangeJournal entity; SyncEngine has no per-kind
// branches for conflicts.
//
// Kinds today: product, passport, supplier, link, battery_unit (its status), serial (one
// serial's state; local id "<batch id>/<serial>").
// Adding a kind:
//   1. in conflictkind.cpp write `ConflictKind serialKind()` filling the members below
//      (start from base(entity), which fills the defaults), and list it in find();
//   2. in the kind's push step call SyncEngine::pushUpdate() with its sync mapping (it
//      sends mine with If-Match, remembers the new ETag, and on a 412 opens the
//      conflict); SyncEngine::resolve() then handles the kind without further code.
// Never conflicting, on purpose: battery state-of-health readings and lifecycle events,
// serial batches, documents and product<->supplier links are append-only or
// create/delete only (nothing on the server is replaced), so they carry no If-Match.
#pragma once

#include "apiclient.h"
#include "result.h"
#include "store/database.h"

#include <QJsonObject>
#include <functional>

namespace dpp::sync {

// Where a kind's functions read and write: one tenant of the desktop store, and the
// server's id of the record (from the sync map; empty before the first push).
struct ConflictScope
{
    store::Database& db;
    QString tenantId;
    QString remoteId;
};

// One request of the REST API; the engine adds If-Match and the Idempotency-Key.
struct ApiRequest
{
    QByteArray method;
    QString path;
    QJsonObject body;
};

// The server's version of a record as an answer carried it.
struct ServerVersion
{
    QJsonObject shown; // "theirs" as the conflict shows it and take theirs writes it
    QString etag;      // what keep mine sends as If-Match against this version
    QString id;        // the server's id of the record; empty when the answer has none
};

struct ConflictKind
{
    QString entity; // ChangeJournal entity name

    // What the user recognises the record by in lists: a GTIN, a supplier's name.
    std::function<QString(const ConflictScope&, const QString& localId)> label;
    // The local version, as the conflict shows it and the update sends it. `hint` is what
    // the journal entry (on push) or the open conflict's mine (on resolve) says about the
    // change, for fields the local row does not keep (a status change's description).
    // An error when the local record is gone.
    std::function<Result<QJsonObject>(const ConflictScope&, const QString& localId,
                                      const QJsonObject& hint)>
        mine;
    // The update that sends `mine` to the server.
    std::function<Result<ApiRequest>(const ConflictScope&, const QString& localId,
                                     const QJsonObject& mine)>
        sendMine;
    // GET path of the server's current version.
    std::function<Result<QString>(const ConflictScope&, const QString& localId)> currentPath;
    // Reads the server's version out of a GET or update answer. Default: the body as it
    // is, the ETag header, the body's "id".
    std::function<ServerVersion(const ApiReply&)> version;
    // Two versions that say the same need no choice (a 412 after an equal change on both
    // sides: the engine just takes the new ETag). Default: equal without store fields.
    std::function<bool(const QJsonObject& mine, const QJsonObject& theirs)> same;
    // Writes theirs into the local store. Runs inside the transaction that also updates
    // the sync map and closes the conflict, with journal origin "sync" (never pushed back).
    // Rules that judge a local user's change (state transitions) do not apply: the server
    // has already accepted this version.
    std::function<Status(const ConflictScope&, const QString& localId, const QJsonObject& theirs)>
        takeTheirs;

    // The descriptor of a ChangeJournal entity; nullptr when its records cannot conflict.
    static const ConflictKind* find(const QString& entity);
};

// What two copies of a record must agree on: the store-owned fields (id, times, row
// version) differ by nature.
QJsonObject withoutStoreFields(QJsonObject json);
// A value as one percent-encoded path segment of an API URL.
QString pathPart(const QString& value);

} // namespace dpp::sync
