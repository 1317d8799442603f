#include "productchangeset.h"

#include "batteryunitrepository.h"
#include "documentrepository.h"
#include "passportrepository.h"
#include "productrepository.h"
#include "productsupplierrepository.h"
#include "serialrepository.h"
#include "sqlhelpers.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QHash>
#include <QSet>

namespace dpp::store {

using passport::FieldErrors;

namespace {
// The failing record named in the param, so the user knows which staged item to fix.
Error inRecord(const QString& list, qsizetype index, const Error& e)
{
    const QString where = QStringLiteral("%1[%2]").arg(list).arg(index);
    return Error{e.param.isEmpty() ? where : where + u'.' + e.param, e.message, e.code};
}

// Applies one staged state change, compare-and-set against the state each serial had
// when it was staged. Serials coming from the same state move with one setStates call
// (one journal row, one webhook, as the bulk API does); a lone serial with setState, so
// its journal row names the serial like the API's single-serial PATCH.
Status applySerialStates(SerialRepository& repo, const QString& productId,
                         const ProductChangeSet::SerialStateChange& change)
{
    const auto batch = repo.batch(change.batchId);
    if (!batch || batch->productId != productId)
        return sql::notFound(QStringLiteral("batch_id"),
                             QStringLiteral("serial batch of this product"));
    if (change.from.size() != change.serials.size())
        return Error{QStringLiteral("serials"),
                     QStringLiteral("staged without the state each serial is expected in"),
                     QStringLiteral("validation_error")};
    QStringList order; // the "from" states in the order they first occur
    QHash<QString, QList<qsizetype>> groups;
    for (qsizetype j = 0; j < change.serials.size(); ++j) {
        if (!groups.contains(change.from[j]))
            order.append(change.from[j]);
        groups[change.from[j]].append(j);
    }
    const auto serialParam = [](qsizetype j) { return QStringLiteral("serials[%1]").arg(j); };
    for (const QString& from : order) {
        const QList<qsizetype> indexes = groups.value(from);
        if (indexes.size() == 1) {
            const qsizetype j = indexes.first();
            if (!repo.serialInBatch(change.batchId, change.serials[j]))
                return Error{serialParam(j),
                             QStringLiteral("this batch has no serial \"%1\"")
                                 .arg(change.serials[j].left(40)),
                             QStringLiteral("not_found")};
            if (Status r = repo.setState(productId, change.serials[j], change.state, from);
                !r.ok()) {
                Error e = r.error();
                if (e.param != QLatin1String("state"))
                    e.param = serialParam(j);
                return e;
            }
            continue;
        }
        QStringList group;
        group.reserve(indexes.size());
        for (qsizetype j : indexes)
            group.append(change.serials[j]);
        qsizetype failedAt = -1;
        const auto moved = repo.setStates(change.batchId, group, change.state, from, &failedAt);
        if (!moved.ok()) {
            Error e = moved.error();
            // setStates counts in the group; the user staged the whole list.
            if (e.param.startsWith(u"serials[") && failedAt >= 0 && failedAt < indexes.size())
                e.param = serialParam(indexes[failedAt]);
            return e;
        }
    }
    return Ok{};
}
} // namespace

bool ProductChangeSet::hasRecords() const
{
    return !documents.isEmpty() || !removedDocuments.isEmpty() || !batches.isEmpty() ||
           !removedBatches.isEmpty() || !units.isEmpty() || !readings.isEmpty() ||
           !events.isEmpty() || !statusChanges.isEmpty() || !unlinkedSuppliers.isEmpty() ||
           !links.isEmpty() || !serialStates.isEmpty();
}

QString ProductChangeSet::newKey()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("staged:%1").arg(++counter);
}

FieldErrors ProductChangeSet::documentErrors(const NewDocument& document)
{
    passport::Document d;
    d.docType = document.docType;
    d.filename = document.filename;
    d.mediaType = document.mediaType;
    d.size = document.bytes.size();
    return d.validate();
}

FieldErrors ProductChangeSet::batchErrors(const passport::SerialBatch& batch) const
{
    passport::SerialBatch b = batch;
    // The product may not exist yet; commit() fills it in.
    if (b.productId.isEmpty())
        b.productId = QStringLiteral("staged");
    FieldErrors errors = b.validate();
    if (!errors.isEmpty())
        return errors;
    QSet<QString> staged;
    for (const auto& other : batches)
        for (const QString& s : other.batch.serials())
            staged.insert(s);
    const QStringList serials = b.serials();
    for (qsizetype i = 0; i < serials.size(); ++i)
        if (staged.contains(serials[i])) {
            errors.append(
                {b.mode == QLatin1String("uploaded") ? b.origin(i) : QStringLiteral("start"),
                 QStringLiteral("serial %1 is already in a batch staged for this "
                                "product")
                     .arg(serials[i])});
            break;
        }
    return errors;
}

FieldErrors ProductChangeSet::unitErrors(const passport::BatteryUnit& unit) const
{
    passport::BatteryUnit u = unit;
    if (u.productId.isEmpty())
        u.productId = QStringLiteral("staged");
    FieldErrors errors = u.validate();
    for (const auto& other : units)
        if (other.unit.uniqueIdentifier == unit.uniqueIdentifier) {
            errors.append({QStringLiteral("unique_identifier"),
                           QStringLiteral("a battery with this identifier is already staged")});
            break;
        }
    return errors;
}

FieldErrors ProductChangeSet::linkErrors(const passport::ProductSupplier& link,
                                         const QStringList& stored) const
{
    passport::ProductSupplier l = link;
    if (l.productId.isEmpty())
        l.productId = QStringLiteral("staged");
    FieldErrors errors = l.validate();
    bool linked = stored.contains(link.supplierId) && !unlinkedSuppliers.contains(link.supplierId);
    for (const auto& other : links)
        linked = linked || other.supplierId == link.supplierId;
    if (linked)
        errors.append({QStringLiteral("supplierId"),
                       QStringLiteral("the supplier is already linked to this product; remove "
                                      "the link first to change its role")});
    return errors;
}

QHash<QString, QString> ProductChangeSet::stagedSerialStates(const QString& batchId) const
{
    QHash<QString, QString> out;
    for (const auto& c : serialStates)
        if (c.batchId == batchId)
            for (const QString& serial : c.serials)
                out.insert(serial, c.state);
    return out;
}

QMap<QString, int> ProductChangeSet::serialStateCounts(const QString& batchId,
                                                       QMap<QString, int> stored) const
{
    // A serial's stored state is the "from" of the first change that moves it.
    QHash<QString, QString> first;
    for (const auto& c : serialStates)
        if (c.batchId == batchId)
            for (qsizetype j = 0; j < c.serials.size() && j < c.from.size(); ++j)
                first.insert(c.serials[j], first.value(c.serials[j], c.from[j]));
    const QHash<QString, QString> last = stagedSerialStates(batchId);
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        const QString to = last.value(it.key());
        if (to == *it)
            continue;
        if (--stored[*it] <= 0)
            stored.remove(*it);
        ++stored[to];
    }
    return stored;
}

FieldErrors ProductChangeSet::serialStateErrors(SerialStateChange& change,
                                                const QHash<QString, QString>& stored) const
{
    const QString where = QStringLiteral("serial_states[%1].").arg(serialStates.size());
    change.from.clear();
    if (removedBatches.contains(change.batchId))
        return {{where + QStringLiteral("batch_id"),
                 QStringLiteral("the batch is removed on save; its serials cannot change state")}};
    if (change.serials.isEmpty())
        return {{where + QStringLiteral("serials"), QStringLiteral("choose at least one serial")}};
    if (!passport::SerialBatch::states().contains(change.state))
        return {{where + QStringLiteral("state"),
                 QStringLiteral("unknown state \"%1\"; one of: %2")
                     .arg(change.state.left(40),
                          passport::SerialBatch::states().join(QStringLiteral(", ")))}};
    const QHash<QString, QString> staged = stagedSerialStates(change.batchId);
    QSet<QString> seen;
    seen.reserve(change.serials.size());
    QStringList from;
    from.reserve(change.serials.size());
    for (qsizetype j = 0; j < change.serials.size(); ++j) {
        const QString& serial = change.serials[j];
        const QString param = where + QStringLiteral("serials[%1]").arg(j);
        if (seen.contains(serial))
            return {{param, QStringLiteral("serial %1 is listed twice").arg(serial.left(40))}};
        seen.insert(serial);
        const auto it = stored.constFind(serial);
        if (it == stored.cend())
            return {
                {param, QStringLiteral("this batch has no serial \"%1\"").arg(serial.left(40))}};
        // The state the serial will have when this change is applied on Save.
        const QString current = staged.value(serial, *it);
        // One error for the lot: a selection of 100,000 serials must not produce as many.
        if (const QString problem = passport::SerialBatch::transitionProblem(current, change.state);
            !problem.isEmpty())
            return {{where + QStringLiteral("state"),
                     QStringLiteral("serial %1: %2").arg(serial.left(40), problem)}};
        from.append(current);
    }
    change.from = from;
    return {};
}

Result<QString> ProductChangeSet::commit(Database& db, const QString& tenantId) const
{
    QString id = productId;
    const Status s = db.transaction([&]() -> Status {
        ProductRepository products(db, tenantId);
        if (product) {
            auto saved = id.isEmpty() ? products.create(*product) : products.update(id, *product);
            if (!saved.ok())
                return saved.error();
            id = saved->id;
        } else if (id.isEmpty()) {
            return Error{QStringLiteral("product"), QStringLiteral("is required for a new product"),
                         QStringLiteral("validation_error")};
        } else if (!products.get(id)) {
            return sql::notFound(QStringLiteral("product_id"), QStringLiteral("product"));
        }
        if (!draftKind.isEmpty())
            if (auto draft = PassportRepository(db, tenantId).createDraft(id, draftKind, draftData);
                !draft.ok())
                return Error{QStringLiteral("passport.") + draft.error().param,
                             draft.error().message, draft.error().code};

        DocumentRepository docs(db, tenantId);
        for (qsizetype i = 0; i < removedDocuments.size(); ++i) {
            const auto d = docs.get(removedDocuments[i]);
            if (!d || d->productId != id)
                return inRecord(QStringLiteral("removed_documents"), i,
                                sql::notFound({}, QStringLiteral("document of this product")));
            if (Status r = docs.remove(d->id); !r.ok())
                return inRecord(QStringLiteral("removed_documents"), i, r.error());
        }
        for (qsizetype i = 0; i < documents.size(); ++i) {
            const auto& d = documents[i];
            if (auto added = docs.add(id, d.docType, d.filename, d.mediaType, d.bytes); !added.ok())
                return inRecord(QStringLiteral("documents"), i, added.error());
        }

        SerialRepository serials(db, tenantId);
        for (qsizetype i = 0; i < removedBatches.size(); ++i) {
            const auto b = serials.batch(removedBatches[i]);
            if (!b || b->productId != id)
                return inRecord(QStringLiteral("removed_serial_batches"), i,
                                sql::notFound({}, QStringLiteral("serial batch of this product")));
            if (Status r = serials.deleteBatch(b->id); !r.ok())
                return inRecord(QStringLiteral("removed_serial_batches"), i, r.error());
        }
        for (qsizetype i = 0; i < batches.size(); ++i) {
            passport::SerialBatch b = batches[i].batch;
            b.productId = id;
            if (auto created = serials.createBatch(b); !created.ok())
                return inRecord(QStringLiteral("serial_batches"), i, created.error());
        }
        for (qsizetype i = 0; i < serialStates.size(); ++i)
            if (Status r = applySerialStates(serials, id, serialStates[i]); !r.ok())
                return inRecord(QStringLiteral("serial_states"), i, r.error());

        BatteryUnitRepository batteries(db, tenantId);
        QHash<QString, QString> unitIds; // staged key -> stored id
        for (qsizetype i = 0; i < units.size(); ++i) {
            passport::BatteryUnit u = units[i].unit;
            u.productId = id;
            auto created = batteries.create(u);
            if (!created.ok())
                return inRecord(QStringLiteral("battery_units"), i, created.error());
            unitIds.insert(units[i].key, created->id);
        }
        // A reading or event of a stored unit must be of a unit of this product.
        auto unitOf = [&](const QString& key) -> QString {
            if (unitIds.contains(key))
                return unitIds.value(key);
            const auto u = batteries.get(key);
            return u && u->productId == id ? u->id : QString();
        };
        for (qsizetype i = 0; i < readings.size(); ++i) {
            const QString unit = unitOf(readings[i].unitKey);
            if (unit.isEmpty())
                return inRecord(
                    QStringLiteral("soh_readings"), i,
                    sql::notFound(QStringLiteral("unit_id"), QStringLiteral("battery unit")));
            if (Status r = batteries.addReading(unit, readings[i].reading); !r.ok())
                return inRecord(QStringLiteral("soh_readings"), i, r.error());
        }
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QString unit = unitOf(events[i].unitKey);
            if (unit.isEmpty())
                return inRecord(
                    QStringLiteral("lifecycle_events"), i,
                    sql::notFound(QStringLiteral("unit_id"), QStringLiteral("battery unit")));
            if (Status r = batteries.addEvent(unit, events[i].event); !r.ok())
                return inRecord(QStringLiteral("lifecycle_events"), i, r.error());
        }
        for (qsizetype i = 0; i < statusChanges.size(); ++i) {
            const QString unit = unitOf(statusChanges[i].unitKey);
            if (unit.isEmpty())
                return inRecord(
                    QStringLiteral("status_changes"), i,
                    sql::notFound(QStringLiteral("unit_id"), QStringLiteral("battery unit")));
            if (Status r = batteries.setStatus(unit, statusChanges[i].status,
                                               statusChanges[i].description);
                !r.ok())
                return inRecord(QStringLiteral("status_changes"), i, r.error());
        }

        ProductSupplierRepository suppliers(db, tenantId);
        for (qsizetype i = 0; i < unlinkedSuppliers.size(); ++i)
            if (Status r = suppliers.unlink(id, unlinkedSuppliers[i]); !r.ok())
                return inRecord(QStringLiteral("removed_supplier_links"), i, r.error());
        for (qsizetype i = 0; i < links.size(); ++i) {
            passport::ProductSupplier l = links[i];
            l.productId = id;
            if (auto made = suppliers.link(l); !made.ok())
                return inRecord(QStringLiteral("supplier_links"), i, made.error());
        }
        return Ok{};
    });
    if (!s.ok())
        return s.error();
    return id;
}

} // namespace dpp::store
