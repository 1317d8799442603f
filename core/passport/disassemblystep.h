// DisassemblyStep: one step of the dismantling sequence (Battery Reg. Annex
// XIII 2(c), ESPR repair information): what to do, with which tool.
#pragma once

#include "fieldspec.h"

#include <QJsonObject>
#include <optional>

namespace dpp::passport {

struct DisassemblyStep
{
    int step = 0; // 1-based position in the sequence
    QString description;
    QString tool;
    QString fastener;
    std::optional<double> durationMin;
    QString warning;

    static const QList<FieldSpec>& fields();
    static FieldErrors validate(const QJsonObject& json, const QString& prefix);
    static DisassemblyStep fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
    bool operator==(const DisassemblyStep&) const = default;
};

} // namespace dpp::passport
