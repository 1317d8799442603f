// ProductRepository: the products of one tenant. Indexed columns (GTIN,
// category, status, English name, brand, SKU, lot) sit beside the full
// product JSON in `body`; the DPP field list grows with regulations, and a
// JSON body keeps that a code change, not a migration. GTINs are unique per
// tenant, so save() is an upsert keyed by GTIN.
#pragma once

#include <QSqlQuery>

#include "database.h"
#include "passport/product.h"

#include <optional>

namespace dpp::store {

class ProductRepository
{
public:
    ProductRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId)) {}

    // From now on this repository sees only the products linked to `supplierId` through
    // product_suppliers (a supplier-role user): every read, update and delete; others are
    // "not found", so their existence is not revealed. An empty id sees nothing.
    void restrictToSupplier(const QString& supplierId) { m_supplierScope = supplierId; }

    struct Saved
    {
        passport::Product product;
        bool created = false; // false: an existing product with this GTIN was updated
    };
    // Validates (incl. the tenant's GCPs), then inserts or updates by GTIN.
    // On a validation error the store is unchanged; errors() has the full list.
    Result<Saved> save(const QJsonObject& json);
    // Field errors save() would report for `json`.
    passport::FieldErrors errors(const QJsonObject& json) const;

    // A new product; a GTIN the tenant already has is a conflict (code "duplicate_gtin",
    // 409 on the API) instead of the upsert save() does.
    Result<passport::Product> create(const QJsonObject& json);
    // Applies the keys of `patch` to an active product and validates the result. The GTIN
    // identifies the product, so a different one is refused (param "gtin", code "immutable").
    // With `expectedVersion`, the product must still have that row version (checked in the
    // UPDATE itself, so two writers cannot both win): otherwise Error code
    // "version_mismatch", param "If-Match", and nothing changes. "version" in the patch is
    // ignored (clients send back what they read).
    Result<passport::Product> update(const QString& id, const QJsonObject& patch,
                                     std::optional<qint64> expectedVersion = std::nullopt);
    // An active product by UUID or any GTIN form (how API URLs name products).
    std::optional<passport::Product> resolve(const QString& reference) const;

    struct Page
    {
        QList<passport::Product> items;
        bool hasMore = false;
    };
    // Active products ordered by GTIN, `limit` of them after the product with id
    // `startingAfter` (empty = from the start). An unknown cursor is an error
    // (param "starting_after").
    Result<Page> page(int limit, const QString& startingAfter = {}) const;

    std::optional<passport::Product> get(const QString& id) const;
    std::optional<passport::Product> findByGtin(const QString& gtin) const;
    // Active products (and deleted ones when asked), ordered by GTIN.
    QList<passport::Product> list(const QString& category = {}, bool includeDeleted = false) const;
    int count() const;
    // Soft delete: status "deleted"; passports and history stay. `expectedVersion` as for
    // update().
    Status remove(const QString& id, std::optional<qint64> expectedVersion = std::nullopt);

    // The Error update() and remove() return when the expected version is not current.
    static Error versionMismatch(qint64 expected, qint64 current);

    // Binds the product's columns that are kept beside the JSON body for listing and
    // search (:cat :status :name :brand :sku :lot) and the body itself (:body): one place
    // decides them for save() and ProductBulkInserter.
    static void bindColumns(QSqlQuery& q, const passport::Product& p, const QJsonObject& body);

private:
    // save() without the transaction and the journal entry; an update of an existing row
    // happens only while it has `expectedVersion` (when given).
    Result<Saved> saveRow(const QJsonObject& json, std::optional<qint64> expectedVersion = {});
    Result<Saved> saveJournaled(const QJsonObject& json, std::optional<qint64> expectedVersion);
    QStringList gcps() const;
    // " AND id IN (…)" for the supplier restriction (empty without one) and its binding.
    QString scopeClause() const;
    void bindScope(QSqlQuery& q) const;
    Database& m_db;
    QString m_tenantId;
    std::optional<QString> m_supplierScope;
};

} // namespace dpp::store
