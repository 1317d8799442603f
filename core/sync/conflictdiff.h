// ConflictDiff: the two versions of a sync conflict side by side, field by field
// (nested objects flattened to dotted paths, arrays compared whole), for the desktop's
// conflicts view and `dppctl sync --conflicts` readers.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dpp::sync {

class ConflictDiff
{
public:
    struct Row
    {
        QString field; // "name.en", "materials"
        QString mine;  // compact JSON text of the value; empty when absent
        QString theirs;
        bool differs = false;
    };

    // Every field of either version, in path order; store-owned fields (id, times,
    // version) are left out because they differ by nature.
    static QList<Row> rows(const QJsonObject& mine, const QJsonObject& theirs);
};

} // namespace dpp::sync
