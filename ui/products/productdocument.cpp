#include "productdocument.h"

#include "jsonpath.h"
#include "setvaluecommand.h"
#include "stagerecordscommand.h"

#include <passport/nutritionenergy.h>
#include <store/passportpublisher.h>
#include <store/passportrepository.h>
#include <store/productrepository.h>
#include <store/productsupplierrepository.h>
#include <store/serialrepository.h>

namespace dpp::ui {

using passport::FieldErrors;

ProductDocument::ProductDocument(std::shared_ptr<store::Database> db, QString tenantId,
                                 QObject* parent)
    : QObject(parent), m_db(std::move(db)), m_tenantId(std::move(tenantId))
{
    revalidate();
}

ProductDocument::~ProductDocument()
{
    // The stack announces "clean" while it is destroyed; the editor listening
    // to it is already half gone by then.
    m_undo.blockSignals(true);
}

Status ProductDocument::load(const QString& productId)
{
    const auto product = store::ProductRepository(*m_db, m_tenantId).get(productId);
    if (!product)
        return Error{QStringLiteral("id"), tr("no product with id %1").arg(productId),
                     QStringLiteral("not_found")};
    m_productId = product->id;
    m_product = product->toJson();
    // Store-owned keys are shown elsewhere and never sent back.
    m_product.remove(QStringLiteral("id"));
    m_product.remove(QStringLiteral("created_at"));
    m_product.remove(QStringLiteral("updated_at"));
    const auto versions = history();
    m_wine = {};
    for (auto it = versions.rbegin(); it != versions.rend(); ++it)
        if (it->kind == QLatin1String("wine")) {
            m_wine = it->data;
            break;
        }
    m_savedWine = m_wine;
    m_staged = {};
    m_undo.clear();
    revalidate();
    Q_EMIT changed(QString());
    Q_EMIT recordsChanged();
    return Ok{};
}

QString ProductDocument::passportKind() const
{
    const QString category = m_product.value(QStringLiteral("category")).toString();
    if (category == QLatin1String("wine") || category == QLatin1String("battery"))
        return category;
    return QStringLiteral("product");
}

QJsonObject ProductDocument::passportData() const
{
    const QString kind = passportKind();
    if (kind == QLatin1String("wine"))
        return m_wine;
    if (kind == QLatin1String("battery"))
        return m_product.value(QStringLiteral("battery")).toObject();
    return {};
}

QJsonValue ProductDocument::value(const QString& path) const
{
    if (path == kPassportPrefix)
        return m_wine;
    if (path.startsWith(kPassportPrefix + u'.'))
        return JsonPath::value(m_wine, path.mid(kPassportPrefix.size() + 1));
    return JsonPath::value(m_product, path);
}

void ProductDocument::setValue(const QString& path, const QJsonValue& value, bool mergeable)
{
    const QJsonValue before = this->value(path);
    const bool beforeEmpty = before.isUndefined() || before.isNull();
    const bool afterEmpty = value.isUndefined() || value.isNull();
    if (before == value || (beforeEmpty && afterEmpty))
        return;
    m_undo.push(new SetValueCommand(this, path, before, value, mergeable,
                                    tr("Edit %1").arg(path.section(u'.', -1))));
}

void ProductDocument::applyValue(const QString& path, const QJsonValue& value)
{
    if (path == kPassportPrefix)
        m_wine = value.toObject();
    else if (path.startsWith(kPassportPrefix + u'.'))
        m_wine = JsonPath::withValue(m_wine, path.mid(kPassportPrefix.size() + 1), value);
    else
        m_product = JsonPath::withValue(m_product, path, value);
    revalidate();
    Q_EMIT changed(path);
}

void ProductDocument::revalidate()
{
    FieldErrors errors = store::ProductRepository(*m_db, m_tenantId).errors(m_product);
    // An e-label the user has started must be complete before it is stored;
    // products that are not wine never carry one.
    if (passportKind() == QLatin1String("wine") && !m_wine.isEmpty())
        for (const auto& e :
             passport::PassportVersion::validateData(QStringLiteral("wine"), m_wine))
            errors.append({kPassportPrefix + u'.' + e.param, e.message});
    if (errors != m_errors) {
        m_errors = errors;
        Q_EMIT errorsChanged();
    }
}

QString ProductDocument::errorAt(const QString& path) const
{
    for (const auto& e : m_errors)
        if (e.param == path || e.param.startsWith(path + u'[') || e.param.startsWith(path + u'.'))
            return e.message;
    return {};
}

QString ProductDocument::energyWarning() const
{
    if (passportKind() != QLatin1String("wine"))
        return {};
    return passport::NutritionEnergy::warning(m_wine);
}

Status ProductDocument::save()
{
    if (!m_errors.isEmpty())
        return Error{m_errors.first().param, m_errors.first().message,
                     QStringLiteral("validation_error")};
    store::ProductChangeSet changes = m_staged;
    changes.productId = m_productId;
    changes.product = m_product;
    if (passportKind() == QLatin1String("wine") && !m_wine.isEmpty() && m_wine != m_savedWine) {
        changes.draftKind = QStringLiteral("wine");
        changes.draftData = m_wine;
    }
    const auto id = changes.commit(*m_db, m_tenantId);
    if (!id.ok())
        return id.error();
    m_productId = *id;
    if (const auto stored = store::ProductRepository(*m_db, m_tenantId).get(m_productId)) {
        m_product = stored->toJson();
        m_product.remove(QStringLiteral("id"));
        m_product.remove(QStringLiteral("created_at"));
        m_product.remove(QStringLiteral("updated_at"));
    }
    if (passportKind() == QLatin1String("wine"))
        m_savedWine = m_wine;
    const bool records = m_staged.hasRecords();
    m_staged = {};
    if (records)
        m_undo.clear();
    else
        m_undo.setClean();
    revalidate();
    Q_EMIT changed(QString());
    Q_EMIT recordsChanged();
    Q_EMIT saved();
    return Ok{};
}

void ProductDocument::applyStaged(const store::ProductChangeSet& staged)
{
    m_staged = staged;
    Q_EMIT recordsChanged();
}

void ProductDocument::pushStaged(const store::ProductChangeSet& after, const QString& text)
{
    m_undo.push(new StageRecordsCommand(this, m_staged, after, text));
}

bool ProductDocument::isStagedKey(const QString& idOrKey)
{
    return idOrKey.startsWith(QLatin1String("staged:"));
}

namespace {
Error firstError(const passport::FieldErrors& errors)
{
    return Error{errors.first().param, errors.first().message, QStringLiteral("validation_error")};
}
} // namespace

Status ProductDocument::stageDocument(const QString& docType, const QString& filename,
                                      const QString& mediaType, const QByteArray& bytes)
{
    store::ProductChangeSet::NewDocument d{store::ProductChangeSet::newKey(), docType, filename,
                                           mediaType, bytes};
    if (const auto errors = store::ProductChangeSet::documentErrors(d); !errors.isEmpty())
        return firstError(errors);
    store::ProductChangeSet after = m_staged;
    after.documents.append(d);
    pushStaged(after, tr("Attach %1").arg(filename));
    return Ok{};
}

void ProductDocument::removeDocument(const QString& idOrKey)
{
    store::ProductChangeSet after = m_staged;
    if (isStagedKey(idOrKey))
        after.documents.removeIf([&](const auto& d) { return d.key == idOrKey; });
    else if (!after.removedDocuments.contains(idOrKey))
        after.removedDocuments.append(idOrKey);
    pushStaged(after, tr("Remove document"));
}

Status ProductDocument::stageSerialBatch(const passport::SerialBatch& batch)
{
    if (const auto errors = m_staged.batchErrors(batch); !errors.isEmpty())
        return firstError(errors);
    store::ProductChangeSet after = m_staged;
    after.batches.append({store::ProductChangeSet::newKey(), batch});
    pushStaged(after, tr("New serial batch"));
    return Ok{};
}

void ProductDocument::removeSerialBatch(const QString& idOrKey)
{
    store::ProductChangeSet after = m_staged;
    if (isStagedKey(idOrKey))
        after.batches.removeIf([&](const auto& b) { return b.key == idOrKey; });
    else if (!after.removedBatches.contains(idOrKey))
        after.removedBatches.append(idOrKey);
    // The batch's staged state changes go with it (Undo brings both back): Save would
    // otherwise fail on serials whose batch is gone.
    after.serialStates.removeIf([&](const auto& c) { return c.batchId == idOrKey; });
    pushStaged(after, tr("Remove serial batch"));
}

QHash<QString, QString> ProductDocument::storedSerialStates(const QString& batchId) const
{
    return store::SerialRepository(*m_db, m_tenantId).statesOf(batchId);
}

Status ProductDocument::stageSerialStates(const QString& batchId, const QStringList& serials,
                                          const QString& state)
{
    const auto batch =
        isNew() ? std::nullopt : store::SerialRepository(*m_db, m_tenantId).batch(batchId);
    if (!batch || batch->productId != m_productId)
        return Error{QStringLiteral("batch_id"),
                     tr("no stored serial batch of this product (save a new batch first)"),
                     QStringLiteral("not_found")};
    store::ProductChangeSet::SerialStateChange change;
    change.batchId = batchId;
    change.serials = serials;
    change.state = state;
    if (const auto errors = m_staged.serialStateErrors(change, storedSerialStates(batchId));
        !errors.isEmpty())
        return firstError(errors);
    store::ProductChangeSet after = m_staged;
    after.serialStates.append(change);
    pushStaged(after, serials.size() == 1
                          ? tr("Set serial %1 to %2").arg(serials.first(), state)
                          : tr("Set %1 serials to %2").arg(serials.size()).arg(state));
    return Ok{};
}

Result<QString> ProductDocument::stageBatteryUnit(const passport::BatteryUnit& unit)
{
    if (const auto errors = m_staged.unitErrors(unit); !errors.isEmpty())
        return firstError(errors);
    store::ProductChangeSet after = m_staged;
    const QString key = store::ProductChangeSet::newKey();
    after.units.append({key, unit});
    pushStaged(after, tr("Add battery unit"));
    return key;
}

Status ProductDocument::stageReading(const QString& unitKey, const passport::SohReading& reading)
{
    if (unitKey.isEmpty())
        return Error{QStringLiteral("unit_id"), tr("choose a battery unit"),
                     QStringLiteral("validation_error")};
    if (const auto errors = reading.validate(); !errors.isEmpty())
        return firstError(errors);
    store::ProductChangeSet after = m_staged;
    after.readings.append({unitKey, reading});
    pushStaged(after, tr("Add SoH reading"));
    return Ok{};
}

Status ProductDocument::stageEvent(const QString& unitKey, const passport::LifecycleEvent& event)
{
    if (unitKey.isEmpty())
        return Error{QStringLiteral("unit_id"), tr("choose a battery unit"),
                     QStringLiteral("validation_error")};
    if (const auto errors = event.validate(); !errors.isEmpty())
        return firstError(errors);
    store::ProductChangeSet after = m_staged;
    after.events.append({unitKey, event});
    pushStaged(after, tr("Add lifecycle event"));
    return Ok{};
}

Status ProductDocument::stageStatus(const QString& unitKey, const QString& status)
{
    if (unitKey.isEmpty())
        return Error{QStringLiteral("unit_id"), tr("choose a battery unit"),
                     QStringLiteral("validation_error")};
    if (!passport::BatteryUnit::statuses().contains(status))
        return Error{QStringLiteral("status"),
                     tr("must be one of: %1")
                         .arg(passport::BatteryUnit::statuses().join(QStringLiteral(", "))),
                     QStringLiteral("validation_error")};
    store::ProductChangeSet after = m_staged;
    after.statusChanges.append({unitKey, status, QString()});
    pushStaged(after, tr("Change battery status"));
    return Ok{};
}

QString ProductDocument::stagedStatus(const QString& unitKey, const QString& storedStatus) const
{
    QString status = storedStatus;
    for (const auto& u : m_staged.units)
        if (u.key == unitKey)
            status = u.unit.status;
    for (const auto& c : m_staged.statusChanges)
        if (c.unitKey == unitKey)
            status = c.status;
    return status;
}

Status ProductDocument::stageSupplierLink(const passport::ProductSupplier& link)
{
    QStringList stored;
    if (!isNew())
        for (const auto& l :
             store::ProductSupplierRepository(*m_db, m_tenantId).ofProduct(m_productId))
            stored << l.supplierId;
    if (const auto errors = m_staged.linkErrors(link, stored); !errors.isEmpty())
        return firstError(errors);
    store::ProductChangeSet after = m_staged;
    after.links.append(link);
    pushStaged(after, tr("Link supplier"));
    return Ok{};
}

Status ProductDocument::removeSupplierLink(const QString& supplierId)
{
    store::ProductChangeSet after = m_staged;
    if (after.links.removeIf([&](const auto& l) { return l.supplierId == supplierId; }) == 0) {
        bool stored = false;
        if (!isNew())
            for (const auto& l :
                 store::ProductSupplierRepository(*m_db, m_tenantId).ofProduct(m_productId))
                stored = stored || l.supplierId == supplierId;
        if (!stored || after.unlinkedSuppliers.contains(supplierId))
            return Error{QStringLiteral("supplierId"),
                         tr("the supplier is not linked to this product"),
                         QStringLiteral("not_found")};
        after.unlinkedSuppliers.append(supplierId);
    }
    pushStaged(after, tr("Unlink supplier"));
    return Ok{};
}

std::optional<passport::PassportVersion> ProductDocument::publishedVersion() const
{
    if (isNew())
        return std::nullopt;
    return store::PassportRepository(*m_db, m_tenantId).published(m_productId);
}

QList<passport::PassportVersion> ProductDocument::history() const
{
    if (isNew())
        return {};
    return store::PassportRepository(*m_db, m_tenantId).versions(m_productId);
}

QList<passport::PassportDiff::Change> ProductDocument::pendingChanges() const
{
    const auto current = publishedVersion();
    return passport::PassportDiff::between(current ? current->data : QJsonObject(), passportData());
}

Result<passport::PassportVersion> ProductDocument::publish()
{
    if (isNew() || isModified())
        return Error{QStringLiteral("product"), tr("save the product before publishing"),
                     QStringLiteral("unsaved")};
    store::PassportPublisher publisher(*m_db, m_tenantId);
    publisher.setPublicBase(m_publicBase);
    auto version = publisher.publish(m_productId, passportKind(), passportData());
    if (version.ok())
        Q_EMIT published();
    return version;
}

} // namespace dpp::ui
