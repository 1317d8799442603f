// ProductChangeSet: a product together with the records around it that an
// editor has staged (attached/removed documents, new/removed serial batches,
// new battery units, their SoH readings and lifecycle events, supplier links
// made or removed, serial state changes), committed in
// ONE transaction through the same repository calls the REST API makes. The
// desktop app's Save is one commit(); a CLI or server caller can use it too.
//
// Decisions: staged records refer to a battery unit by a key: the stored
// unit's id, or the key of a unit staged in the same change set. SoH readings
// and lifecycle events are append-only once stored (Battery Regulation Annex
// XIII history), so a change set can add them but never edit or remove them.
// Serial state changes apply to serials of stored batches only (a staged batch's
// serials are all "available" until it is stored; stage the batch, save, then move
// its serials), and each records the state it expects every serial to be in, so a
// serial another writer (a print job, a sync pull, the API) moved meanwhile makes
// the whole commit fail instead of skipping a step of the serial's life.
#pragma once

#include "database.h"
#include "passport/batteryunit.h"
#include "passport/fielderror.h"
#include "passport/productsupplier.h"
#include "passport/serialbatch.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <optional>

namespace dpp::store {

class ProductChangeSet
{
public:
    struct NewDocument
    {
        QString key; // stable while staged (an editor lists and removes it by this)
        QString docType;
        QString filename;
        QString mediaType;
        QByteArray bytes;
    };
    struct NewBatch
    {
        QString key;
        passport::SerialBatch batch; // productId is filled in by commit()
    };
    struct NewUnit
    {
        QString key;
        passport::BatteryUnit unit; // productId is filled in by commit()
    };
    struct NewReading
    {
        QString unitKey; // stored unit id or a NewUnit key
        passport::SohReading reading;
    };
    struct NewEvent
    {
        QString unitKey;
        passport::LifecycleEvent event;
    };
    // Annex XIII 4(c) status of a unit; the store records the matching event.
    struct StatusChange
    {
        QString unitKey;
        QString status; // see BatteryUnit::statuses()
        QString description;
    };
    // Serials of one stored batch moving to `state` (SerialBatch::canTransition).
    struct SerialStateChange
    {
        QString batchId;
        QStringList serials;
        QString state;
        // Each serial's state before this change (the stored state after the earlier
        // staged changes), filled in by serialStateErrors(); commit() compares and sets.
        QStringList from;
    };

    // Empty: the product is created by commit(). Otherwise the stored product.
    QString productId;
    // The product's fields; when unset commit() leaves the product row alone.
    std::optional<QJsonObject> product;
    // A passport draft (kind + data) to store with the product, e.g. a wine e-label.
    QString draftKind;
    QJsonObject draftData;

    QList<NewDocument> documents;
    QStringList removedDocuments; // stored document ids
    QList<NewBatch> batches;
    QStringList removedBatches; // stored batch ids
    QList<NewUnit> units;
    QList<NewReading> readings;
    QList<NewEvent> events;
    QList<StatusChange> statusChanges;      // applied after readings and events, in order
    QStringList unlinkedSuppliers;          // supplier ids whose link goes (before links)
    QList<passport::ProductSupplier> links; // productId is filled in by commit()
    QList<SerialStateChange> serialStates;  // applied after the batches, in order

    // Whether any record besides the product and its draft is staged.
    bool hasRecords() const;
    // A key for a staged record, unique within this process.
    static QString newKey();

    // What the store would refuse about a staged record on its own, checked when it is
    // staged so the user hears it at once; commit() checks everything again against the
    // store. Params are the record's own fields ("doc_type", "count", "state_of_health_pct").
    static passport::FieldErrors documentErrors(const NewDocument& document);
    // Also refuses serials that clash with another batch staged here.
    passport::FieldErrors batchErrors(const passport::SerialBatch& batch) const;
    passport::FieldErrors unitErrors(const passport::BatteryUnit& unit) const;
    // `stored`: the supplier ids linked to the product in the store now. Refuses a
    // supplier that is (or will be) linked already, as the store would (param supplierId).
    passport::FieldErrors linkErrors(const passport::ProductSupplier& link,
                                     const QStringList& stored) const;

    // The serials of `batchId` whose state the staged changes alter, with the state each
    // will have after Save (later changes win). Serials not listed keep their stored state.
    QHash<QString, QString> stagedSerialStates(const QString& batchId) const;
    // A batch's serials per state after Save, from its `stored` counts
    // (SerialRepository::countByState) and the staged changes.
    QMap<QString, int> serialStateCounts(const QString& batchId, QMap<QString, int> stored) const;
    // Checks a change about to be appended (it becomes serial_states[n], n =
    // serialStates.size()) against `stored` (serial -> state of the batch in the store
    // now) and the earlier staged changes, and fills in change.from. Refuses a batch
    // staged for removal (param "serial_states[n].batch_id"), an empty list or a serial
    // the batch does not hold or lists twice ("serial_states[n].serials[j]") and a step
    // the rule refuses ("serial_states[n].state", naming the allowed next states).
    passport::FieldErrors serialStateErrors(SerialStateChange& change,
                                            const QHash<QString, QString>& stored) const;

    // Writes everything in one transaction and returns the product id. On any error
    // nothing is written; the error's param says which record, e.g.
    // "serial_batches[0].serials", "battery_units[1].unique_identifier" or
    // "supplier_links[0].role"; a serial moved meanwhile is code "version_mismatch",
    // param "serial_states[i].serials[j]".
    Result<QString> commit(Database& db, const QString& tenantId) const;
};

} // namespace dpp::store
