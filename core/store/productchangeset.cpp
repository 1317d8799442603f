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
} // namespace

bool ProductChangeSet::hasRecords() const
{
    return !documents.isEmpty() || !removedDocuments.isEmpty() || !batches.isEmpty() ||
           !removedBatches.isEmpty() || !units.isEmpty() || !readings.isEmpty() ||
           !events.isEmpty() || !statusChanges.isEmpty() || !unlinkedSuppliers.isEmpty() ||
           !links.isEmpty();
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
