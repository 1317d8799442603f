// Product: a trade item (one GTIN) with every DPP field: identity, multilingual
// name, manufacturer, weights, dimensions, carbon footprint, recycled content,
// repairability, compliance flags, URLs, plus materials, substances,
// disassembly steps and, for batteries, the nested battery data.
//
// JSON keys are snake_case (the DPP.GS product record names, also the CSV
// template columns). Scalar DPP attributes live in `attributes`, keyed and
// validated by Product::fields(), so adding a field is one table row.
#pragma once

#include "battery.h"
#include "disassemblystep.h"
#include "fieldspec.h"
#include "material.h"
#include "substance.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <optional>

namespace dpp::passport {

class Product
{
public:
    QString id;                                // UUID, assigned by the store
    QString gtin;                              // normalised to 14 digits
    QMap<QString, QString> name;               // language (ISO 639-1) -> name
    QString category;                          // see categories()
    QString status = QStringLiteral("active"); // active | deleted
    QDateTime createdAt;
    QDateTime updatedAt;
    // The store's row version (ETag and "version" on the API); 0 when not from a store.
    // Kept out of toJson(): passport data and its sha256 must not change with it.
    qint64 rowVersion = 0;
    QJsonObject attributes; // every other scalar field of fields()
    QList<Material> materials;
    QList<Substance> substances;
    QList<DisassemblyStep> disassemblySteps;
    std::optional<Battery> battery;

    static const QStringList& categories();
    // Scalar fields, in template column order (structured ones excluded).
    static const QList<FieldSpec>& fields();
    // Keys holding arrays/objects, validated by their own types.
    static const QStringList& structuredKeys();

    // Field-level validation of a product JSON. `tenantGcps`: when not empty,
    // the GTIN must start (after its indicator digit) with one of them.
    static FieldErrors validate(const QJsonObject& json, const QStringList& tenantGcps = {});
    // Builds a product from JSON that validate() accepted (GTIN normalised).
    static Product fromJson(const QJsonObject& json);
    QJsonObject toJson() const;

    // Name in `language`, falling back to English, then to any language.
    QString displayName(const QString& language = QStringLiteral("en")) const;

    bool operator==(const Product&) const = default;
};

} // namespace dpp::passport
