// ProductDocument: one product being edited in the desktop app, with the
// passport data that goes with it (the wine e-label; a battery passport
// publishes the product's battery data). Every edit is a SetValueCommand on
// the document's QUndoStack (Tiled's document pattern), validation comes from
// the same core validators the REST API uses, and saving and publishing are
// core repository calls.
//
// Records around the product (documents, serial batches and their serials'
// states, battery units with their SoH readings and lifecycle events, supplier
// links) are staged in the document by StageRecordsCommand, so Undo/Redo covers
// them too, and Save writes the product and every staged record in one
// transaction (core ProductChangeSet).
//
// Paths: product fields by their JSON key ("gtin", "battery.chemistry"); the
// wine e-label under "passport." ("passport.nutrition.energyKj").
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUndoStack>
#include <memory>
#include <passport/fielderror.h>
#include <passport/passportdiff.h>
#include <passport/passportversion.h>
#include <result.h>
#include <store/database.h>
#include <store/productchangeset.h>

namespace dpp::ui {

class ProductDocument : public QObject
{
    Q_OBJECT
public:
    static inline const QString kPassportPrefix = QStringLiteral("passport");

    // A new, empty product.
    ProductDocument(std::shared_ptr<store::Database> db, QString tenantId,
                    QObject* parent = nullptr);
    ~ProductDocument() override;
    // Loads a stored product and its latest passport version; param "id" when unknown.
    Status load(const QString& productId);

    bool isNew() const { return m_productId.isEmpty(); }
    QString productId() const { return m_productId; }
    QString tenantId() const { return m_tenantId; }
    store::Database& database() const { return *m_db; }
    // The resolver base URL (Preferences::resolverBase): publishing gives the GTIN its
    // default resolver links there, exactly as publishing through the server does.
    void setPublicBase(const QString& baseUrl) { m_publicBase = baseUrl; }
    QUndoStack* undoStack() { return &m_undo; }
    bool isModified() const { return !m_undo.isClean(); }

    QJsonObject product() const { return m_product; }
    // wine: the e-label; battery: the product's battery data; otherwise {}.
    QString passportKind() const;
    QJsonObject passportData() const;

    QJsonValue value(const QString& path) const;
    // Pushes an undoable change (no-op when the value is the same). `mergeable`:
    // consecutive changes of this path merge into one undo step (typing).
    void setValue(const QString& path, const QJsonValue& value, bool mergeable = false);
    // Applies without recording; SetValueCommand calls it.
    void applyValue(const QString& path, const QJsonValue& value);

    // Errors Save would report, params as above; passport ones prefixed "passport.".
    const passport::FieldErrors& errors() const { return m_errors; }
    // First error at `path` or inside it ("materials" covers "materials[2].name").
    QString errorAt(const QString& path) const;
    // Non-blocking hint about the wine energy value (core NutritionEnergy).
    QString energyWarning() const;

    // Records staged since the last save (product fields of the set are unused).
    const store::ProductChangeSet& staged() const { return m_staged; }
    // Replaces the staged records without recording; StageRecordsCommand calls it.
    void applyStaged(const store::ProductChangeSet& staged);
    // Staging, each one undoable step. Errors name the record's field and stage nothing.
    Status stageDocument(const QString& docType, const QString& filename, const QString& mediaType,
                         const QByteArray& bytes);
    // A staged document (by key) is dropped; a stored one (by id) is removed on save.
    void removeDocument(const QString& idOrKey);
    Status stageSerialBatch(const passport::SerialBatch& batch);
    // Also drops the state changes staged for the batch's serials (same undo step).
    void removeSerialBatch(const QString& idOrKey);
    // Returns the staged unit's key, which readings and events can refer to.
    Result<QString> stageBatteryUnit(const passport::BatteryUnit& unit);
    // `unitKey`: a stored unit's id or a staged unit's key.
    Status stageReading(const QString& unitKey, const passport::SohReading& reading);
    Status stageEvent(const QString& unitKey, const passport::LifecycleEvent& event);
    // A new Annex XIII 4(c) status for a unit; Save stores it with its event.
    Status stageStatus(const QString& unitKey, const QString& status);
    // The status a unit will have after Save: its stored (or staged) status, then the
    // staged changes; `storedStatus` when nothing is staged for the key.
    QString stagedStatus(const QString& unitKey, const QString& storedStatus) const;
    // Moves serials of a stored batch of this product to `state` (one undoable step),
    // checked at once against each serial's state after the earlier staged changes
    // (params "serial_states[n].state" naming the allowed next states,
    // "serial_states[n].serials[j]", "batch_id"). Save stores them compare-and-set.
    Status stageSerialStates(const QString& batchId, const QStringList& serials,
                             const QString& state);
    // serial -> state of a stored batch in the store now (empty for an unknown batch).
    QHash<QString, QString> storedSerialStates(const QString& batchId) const;
    // Links a supplier with a role / removes a link (staged: dropped; stored: on save).
    Status stageSupplierLink(const passport::ProductSupplier& link);
    Status removeSupplierLink(const QString& supplierId);
    static bool isStagedKey(const QString& idOrKey);

    // Writes the product (create or update), when the e-label changed a new passport
    // draft, and every staged record, in one transaction. Nothing is written on an
    // error and the document stays modified. Once staged records are stored the undo
    // history is cleared: stored records are not taken back by Undo (SoH history and
    // lifecycle events are append-only; a stored document or batch is removed by a
    // new edit).
    Status save();

    std::optional<passport::PassportVersion> publishedVersion() const;
    QList<passport::PassportVersion> history() const;
    // What publishing now would change against the published version.
    QList<passport::PassportDiff::Change> pendingChanges() const;
    // Publishes the saved passport data as a new version (save first).
    Result<passport::PassportVersion> publish();

Q_SIGNALS:
    // `path` changed (or "" after a load/save: everything).
    void changed(const QString& path);
    // The staged records changed (stage, undo, redo, save, load).
    void recordsChanged();
    void errorsChanged();
    void saved();
    void published();

private:
    void revalidate();
    void pushStaged(const store::ProductChangeSet& after, const QString& text);
    std::shared_ptr<store::Database> m_db;
    QString m_tenantId;
    QString m_publicBase;
    QString m_productId;
    QJsonObject m_product;
    QJsonObject m_wine;
    QJsonObject m_savedWine; // the latest stored version's e-label
    passport::FieldErrors m_errors;
    store::ProductChangeSet m_staged;
    QUndoStack m_undo;
};

} // namespace dpp::ui
