// Substance: a substance of concern declared for a product (REACH SVHC,
// battery hazardous substances), identified by CAS number.
#pragma once

#include "fieldspec.h"

#include <QJsonObject>
#include <optional>

namespace dpp::passport {

struct Substance
{
    QString name;
    QString casNumber; // check digit validated
    QString ecNumber;
    std::optional<double> concentrationPct; // w/w
    std::optional<bool> svhc;               // on the REACH candidate list
    QString location;                       // component or article it is in
    QString hazardClass;

    static const QList<FieldSpec>& fields();
    static FieldErrors validate(const QJsonObject& json, const QString& prefix);
    static Substance fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
    bool operator==(const Substance&) const = default;
};

} // namespace dpp::passport
