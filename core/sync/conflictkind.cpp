#include "conflictkind.h"

#include "store/batteryunitrepository.h"
#include "store/changejournal.h"
#include "store/passportpublisher.h"
#include "store/passportrepository.h"
#include "store/productrepository.h"
#include "store/resolverlinkrepository.h"
#include "store/serialrepository.h"
#include "store/supplierrepository.h"

#include <QUrl>

namespace dpp::sync {

using store::ChangeJournal;

QJsonObject withoutStoreFields(QJsonObject json)
{
    for (const char* key : {"id", "created_at", "updated_at", "version"})
        json.remove(QLatin1String(key));
    return json;
}

QString pathPart(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

namespace {

Error gone(const QString& what)
{
    return Error{QStringLiteral("conflict"), QStringLiteral("the local %1 is gone").arg(what),
                 QStringLiteral("not_found")};
}

// The defaults every kind starts from (see the header).
ConflictKind base(const char* entity)
{
    ConflictKind k;
    k.entity = QString::fromLatin1(entity);
    k.version = [](const ApiReply& r) {
        const QJsonObject json = r.json();
        return ServerVersion{json, QString::fromUtf8(r.header("ETag")),
                             json.value(u"id").toString()};
    };
    k.same = [](const QJsonObject& mine, const QJsonObject& theirs) {
        return withoutStoreFields(mine) == withoutStoreFields(theirs);
    };
    return k;
}

std::optional<passport::Product> productOf(const ConflictScope& s, const QString& localId)
{
    return store::ProductRepository(s.db, s.tenantId).get(localId);
}

QString productPath(const passport::Product& p)
{
    return QStringLiteral("/v1/products/") + pathPart(p.gtin);
}

// Products: PATCH /v1/products/{gtin}; theirs is the whole product the server sent.
ConflictKind productKind()
{
    ConflictKind k = base(ChangeJournal::Product);
    k.label = [](const ConflictScope& s, const QString& id) {
        const auto p = productOf(s, id);
        return p ? p->gtin : id;
    };
    k.mine = [](const ConflictScope& s, const QString& id,
                const QJsonObject&) -> Result<QJsonObject> {
        const auto p = productOf(s, id);
        if (!p)
            return gone(QStringLiteral("product"));
        return withoutStoreFields(p->toJson());
    };
    k.sendMine = [](const ConflictScope& s, const QString& id,
                    const QJsonObject& mine) -> Result<ApiRequest> {
        const auto p = productOf(s, id);
        if (!p)
            return gone(QStringLiteral("product"));
        return ApiRequest{"PATCH", productPath(*p), mine};
    };
    k.currentPath = [](const ConflictScope& s, const QString& id) -> Result<QString> {
        const auto p = productOf(s, id);
        if (!p)
            return gone(QStringLiteral("product"));
        return productPath(*p);
    };
    k.takeTheirs = [](const ConflictScope& s, const QString& id,
                      const QJsonObject& theirs) -> Status {
        const auto p = productOf(s, id);
        if (!p)
            return gone(QStringLiteral("product"));
        QJsonObject json = withoutStoreFields(theirs);
        json.insert(QStringLiteral("gtin"), p->gtin);
        if (auto saved = store::ProductRepository(s.db, s.tenantId).save(json); !saved.ok())
            return saved.error();
        return Ok{};
    };
    return k;
}

// Published passports: the server keeps its own version history, so "mine" is published
// again (POST /v1/passports with If-Match = the sha256 the user saw); the choice is about
// {kind, data}.
ConflictKind passportKind()
{
    ConflictKind k = base(ChangeJournal::Passport);
    k.label = productKind().label;
    k.mine = [](const ConflictScope& s, const QString& id,
                const QJsonObject&) -> Result<QJsonObject> {
        const auto v = store::PassportRepository(s.db, s.tenantId).published(id);
        if (!v)
            return Error{QStringLiteral("conflict"), QStringLiteral("no published local passport"),
                         QStringLiteral("not_found")};
        return QJsonObject{{QStringLiteral("kind"), v->kind}, {QStringLiteral("data"), v->data}};
    };
    k.sendMine = [](const ConflictScope& s, const QString& id,
                    const QJsonObject& mine) -> Result<ApiRequest> {
        const auto p = productOf(s, id);
        if (!p)
            return gone(QStringLiteral("product"));
        QJsonObject body = mine;
        body.insert(QStringLiteral("gtin"), p->gtin);
        return ApiRequest{"POST", QStringLiteral("/v1/passports"), body};
    };
    k.currentPath = [](const ConflictScope& s, const QString& id) -> Result<QString> {
        const auto p = productOf(s, id);
        if (!p)
            return gone(QStringLiteral("product"));
        return QString(productPath(*p) + QStringLiteral("/passport"));
    };
    // A GET answers {product, passport:{id, kind, sha256, data, …}}; POST /v1/passports
    // answers the version itself. A passport's version tag is its sha256.
    k.version = [](const ApiReply& r) {
        const QJsonObject json = r.json();
        const QJsonObject p =
            json.contains(u"passport") ? json.value(u"passport").toObject() : json;
        QString etag = QString::fromUtf8(r.header("ETag"));
        if (etag.isEmpty())
            etag = u'"' + p.value(u"sha256").toString() + u'"';
        return ServerVersion{{{QStringLiteral("kind"), p.value(u"kind")},
                              {QStringLiteral("data"), p.value(u"data")}},
                             etag,
                             p.value(u"id").toString()};
    };
    k.takeTheirs = [](const ConflictScope& s, const QString& id,
                      const QJsonObject& theirs) -> Status {
        const auto published =
            store::PassportPublisher(s.db, s.tenantId)
                .publish(id, theirs.value(u"kind").toString(), theirs.value(u"data").toObject());
        if (!published.ok())
            return published.error();
        return Ok{};
    };
    return k;
}

// Suppliers: PATCH /v1/suppliers/{id}. An optional field that is empty here is sent as
// null, so the server's copy loses it too (PATCH leaves absent keys as they are).
ConflictKind supplierKind()
{
    ConflictKind k = base(ChangeJournal::Supplier);
    k.label = [](const ConflictScope& s, const QString& id) {
        const auto sup = store::SupplierRepository(s.db, s.tenantId).get(id);
        return sup ? sup->name : id;
    };
    k.mine = [](const ConflictScope& s, const QString& id,
                const QJsonObject&) -> Result<QJsonObject> {
        const auto sup = store::SupplierRepository(s.db, s.tenantId).get(id);
        if (!sup)
            return gone(QStringLiteral("supplier"));
        return withoutStoreFields(sup->toJson());
    };
    k.sendMine = [](const ConflictScope& s, const QString&,
                    const QJsonObject& mine) -> Result<ApiRequest> {
        QJsonObject body = mine;
        for (const char* key : {"country", "gln", "vat_number"})
            if (!body.contains(QLatin1String(key)))
                body.insert(QLatin1String(key), QJsonValue::Null);
        return ApiRequest{"PATCH", QStringLiteral("/v1/suppliers/") + pathPart(s.remoteId), body};
    };
    k.currentPath = [](const ConflictScope& s, const QString&) -> Result<QString> {
        return QString(QStringLiteral("/v1/suppliers/") + pathPart(s.remoteId));
    };
    k.takeTheirs = [](const ConflictScope& s, const QString& id,
                      const QJsonObject& theirs) -> Status {
        QJsonObject patch;
        for (const char* key : {"name", "country", "role", "gln", "vat_number"}) {
            const QString field = QLatin1String(key);
            patch.insert(field, theirs.contains(field) ? theirs.value(field)
                                                       : QJsonValue(QJsonValue::Null));
        }
        if (auto updated = store::SupplierRepository(s.db, s.tenantId).update(id, patch);
            !updated.ok())
            return updated.error();
        return Ok{};
    };
    return k;
}

std::optional<passport::ResolverLink> linkOf(const ConflictScope& s, const QString& localId)
{
    return store::ResolverLinkRepository(s.db, s.tenantId).get(localId);
}

// A link as both sides compare it: its key (GTIN, level, qualifier) cannot change, and the
// server's product id means nothing here. "default": false is not sent: a link stops
// being the default only when another one becomes it (the server refuses false).
QJsonObject linkContent(QJsonObject json)
{
    for (const char* key : {"product_id", "gtin", "level", "qualifier"})
        json.remove(QLatin1String(key));
    json = withoutStoreFields(json);
    if (!json.value(u"default").toBool())
        json.remove(QStringLiteral("default"));
    return json;
}

QString linksPath(const QString& gtin, const QString& remoteId)
{
    return QStringLiteral("/v1/products/%1/links/%2").arg(pathPart(gtin), pathPart(remoteId));
}

// Resolver links: PATCH /v1/products/{gtin}/links/{id}; label "<gtin> <type> <languages>".
ConflictKind linkKind()
{
    ConflictKind k = base(ChangeJournal::Link);
    k.label = [](const ConflictScope& s, const QString& id) {
        const auto l = linkOf(s, id);
        if (!l)
            return id;
        QStringList parts{l->gtin, l->linkType};
        if (l->level != u"gtin")
            parts.append(l->level + u' ' + l->qualifier);
        if (!l->languages.isEmpty())
            parts.append(l->languages.join(u','));
        return parts.join(u' ');
    };
    k.mine = [](const ConflictScope& s, const QString& id,
                const QJsonObject&) -> Result<QJsonObject> {
        const auto l = linkOf(s, id);
        if (!l)
            return gone(QStringLiteral("link"));
        return linkContent(l->toJson());
    };
    k.sendMine = [](const ConflictScope& s, const QString& id,
                    const QJsonObject& mine) -> Result<ApiRequest> {
        const auto l = linkOf(s, id);
        if (!l)
            return gone(QStringLiteral("link"));
        return ApiRequest{"PATCH", linksPath(l->gtin, s.remoteId), mine};
    };
    k.currentPath = [](const ConflictScope& s, const QString& id) -> Result<QString> {
        const auto l = linkOf(s, id);
        if (!l)
            return gone(QStringLiteral("link"));
        return linksPath(l->gtin, s.remoteId);
    };
    k.version = [](const ApiReply& r) {
        const QJsonObject json = r.json();
        return ServerVersion{linkContent(json), QString::fromUtf8(r.header("ETag")),
                             json.value(u"id").toString()};
    };
    k.takeTheirs = [](const ConflictScope& s, const QString& id,
                      const QJsonObject& theirs) -> Status {
        if (auto updated =
                store::ResolverLinkRepository(s.db, s.tenantId).update(id, linkContent(theirs));
            !updated.ok())
            return updated.error();
        return Ok{};
    };
    return k;
}

// Battery units: only the Annex XIII 4(c) status is updated (PATCH /v1/battery-units/{id}
// {status, description}); the description lives in the status-change event, so it comes
// from the journal entry or the conflict (hint). The server's GET has no description:
// two versions are the same when the status is.
ConflictKind batteryUnitKind()
{
    ConflictKind k = base(ChangeJournal::BatteryUnit);
    k.label = [](const ConflictScope& s, const QString& id) {
        const auto u = store::BatteryUnitRepository(s.db, s.tenantId).get(id);
        return u ? u->uniqueIdentifier : id;
    };
    k.mine = [](const ConflictScope& s, const QString& id,
                const QJsonObject& hint) -> Result<QJsonObject> {
        const auto u = store::BatteryUnitRepository(s.db, s.tenantId).get(id);
        if (!u)
            return gone(QStringLiteral("battery unit"));
        // An entry sends the status it recorded, so each change reaches the server's
        // event history in order.
        const QString status = hint.value(u"status").toString(u->status);
        QJsonObject out{{QStringLiteral("status"), status}};
        if (const QString d = hint.value(u"description").toString(); !d.isEmpty())
            out.insert(QStringLiteral("description"), d);
        return out;
    };
    k.sendMine = [](const ConflictScope& s, const QString&,
                    const QJsonObject& mine) -> Result<ApiRequest> {
        return ApiRequest{"PATCH", QStringLiteral("/v1/battery-units/") + pathPart(s.remoteId),
                          mine};
    };
    k.currentPath = [](const ConflictScope& s, const QString&) -> Result<QString> {
        return QString(QStringLiteral("/v1/battery-units/") + pathPart(s.remoteId));
    };
    k.version = [](const ApiReply& r) {
        const QJsonObject json = r.json();
        return ServerVersion{{{QStringLiteral("status"), json.value(u"status")}},
                             QString::fromUtf8(r.header("ETag")),
                             json.value(u"id").toString()};
    };
    k.same = [](const QJsonObject& mine, const QJsonObject& theirs) {
        return mine.value(u"status") == theirs.value(u"status");
    };
    k.takeTheirs = [](const ConflictScope& s, const QString& id,
                      const QJsonObject& theirs) -> Status {
        return store::BatteryUnitRepository(s.db, s.tenantId)
            .takeStatus(id, theirs.value(u"status").toString(),
                        QStringLiteral("status taken from the server (sync)"));
    };
    return k;
}

// A serial's conflict id is "<batch id>/<serial>" on both sides (local batch id in the
// conflict, the server's batch id in the sync map): a serial is unique within its batch,
// and a batch id (a UUID) has no "/", while a serial (AI 21) may.
std::pair<QString, QString> batchAndSerial(const QString& id)
{
    const qsizetype slash = id.indexOf(u'/');
    return {id.left(slash), id.mid(slash + 1)};
}

std::optional<store::SerialRepository::SerialInfo> serialOf(const ConflictScope& s,
                                                            const QString& localId)
{
    const auto [batch, serial] = batchAndSerial(localId);
    return store::SerialRepository(s.db, s.tenantId).serialInBatch(batch, serial);
}

QString serialPath(const QString& remoteId)
{
    const auto [batch, serial] = batchAndSerial(remoteId);
    return QStringLiteral("/v1/serial-batches/%1/serials/%2")
        .arg(pathPart(batch), pathPart(serial));
}

// One serial's state: PATCH /v1/serial-batches/{id}/serials/{serial} {state}. Keep mine
// sends the local state without "from": the server's transition rule still applies, so a
// state more than one step ahead of the server's is refused with the allowed ones named
// (the user then takes theirs, or moves the serial on locally and syncs again). Take theirs
// writes the server's state even where the local rule would refuse the step (e.g. back
// from decommissioned): the server has accepted it. Label: the GS1 element string
// "(01)<gtin>(21)<serial>" printed under the symbol.
ConflictKind serialKind()
{
    ConflictKind k = base(ChangeJournal::Serial);
    k.label = [](const ConflictScope& s, const QString& id) {
        const auto info = serialOf(s, id);
        if (!info)
            return id;
        const auto p = productOf(s, info->productId);
        return QStringLiteral("(01)%1(21)%2").arg(p ? p->gtin : QString(), info->serial);
    };
    k.mine = [](const ConflictScope& s, const QString& id,
                const QJsonObject&) -> Result<QJsonObject> {
        const auto info = serialOf(s, id);
        if (!info)
            return gone(QStringLiteral("serial"));
        return QJsonObject{{QStringLiteral("serial"), info->serial},
                           {QStringLiteral("state"), info->state}};
    };
    k.sendMine = [](const ConflictScope& s, const QString&,
                    const QJsonObject& mine) -> Result<ApiRequest> {
        return ApiRequest{"PATCH", serialPath(s.remoteId),
                          QJsonObject{{QStringLiteral("state"), mine.value(u"state")}}};
    };
    k.currentPath = [](const ConflictScope& s, const QString&) -> Result<QString> {
        return serialPath(s.remoteId);
    };
    k.version = [](const ApiReply& r) {
        const QJsonObject json = r.json();
        return ServerVersion{{{QStringLiteral("serial"), json.value(u"serial")},
                              {QStringLiteral("state"), json.value(u"state")}},
                             {},
                             json.value(u"batch_id").toString() + u'/' +
                                 json.value(u"serial").toString()};
    };
    k.takeTheirs = [](const ConflictScope& s, const QString& id,
                      const QJsonObject& theirs) -> Status {
        const auto info = serialOf(s, id);
        if (!info)
            return gone(QStringLiteral("serial"));
        return store::SerialRepository(s.db, s.tenantId)
            .overrideState(info->productId, info->serial, theirs.value(u"state").toString());
    };
    return k;
}

} // namespace

const ConflictKind* ConflictKind::find(const QString& entity)
{
    // One entry per kind that can conflict; add new kinds here (see the header).
    static const QList<ConflictKind> kinds = {productKind(), passportKind(),    supplierKind(),
                                              linkKind(),    batteryUnitKind(), serialKind()};
    for (const ConflictKind& k : kinds)
        if (k.entity == entity)
            return &k;
    return nullptr;
}

} // namespace dpp::sync
