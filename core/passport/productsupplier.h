// ProductSupplier: the link between a product and one of its suppliers, with what the
// supplier delivers for it ("ingredients", "materials", "cells", …). A supplier appears
// at most once per product; the role says what it delivers.
#pragma once

#include "fielderror.h"

#include <QDateTime>
#include <QJsonObject>

namespace dpp::passport {

struct ProductSupplier
{
    QString productId;
    QString supplierId;
    QString role;
    QDateTime createdAt;

    // The roles front ends offer first. Any other lower-case word is accepted too
    // (letters, digits, '_' or '-', up to 40), because supply chains name their own
    // parts ("cathode_active_material") and a closed list would only push people to
    // "other".
    static const QStringList& commonRoles();
    // {supplierId, role} as sent by an API client; the product comes from the URL.
    static ProductSupplier fromJson(const QJsonObject& json, FieldErrors* typeErrors = nullptr);
    FieldErrors validate() const;
    QJsonObject toJson() const;
};

} // namespace dpp::passport
