// SerialBatch: a set of GS1 serial numbers (AI 21) for one product, either
// generated sequentially (prefix + zero-padded counter) or uploaded. Each
// serial moves forward through available → assigned → printed → activated,
// and may be decommissioned from any state.
#pragma once

#include "fielderror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct SerialBatch
{
    QString id;
    QString productId;
    QString lot;
    QString mode = QStringLiteral("sequential"); // sequential | uploaded
    QString prefix;
    qint64 start = 1;
    int count = 0;
    int width = 6;        // digits of the counter
    QStringList uploaded; // mode "uploaded": the serials
    // Mode "uploaded" from a file: the 1-based row of each serial, so errors can name
    // the row a user sees in a spreadsheet. Empty for JSON uploads (errors name serials[i]).
    QList<int> uploadedRows;
    QDateTime createdAt;
    // The store's row version (ETag and "version" on the API; not part of toJson()). It
    // moves with the batch's serial states too, which its API answer counts.
    qint64 rowVersion = 0;

    static const QStringList& states();
    // Whether a serial may move from `from` to `to`.
    static bool canTransition(const QString& from, const QString& to);
    // The states a serial in `from` may move to (empty for decommissioned or unknown): what
    // an error names when a transition is refused.
    static QStringList nextStates(const QString& from);
    // Empty when the move is allowed; else the sentence every refusal uses (API, sync,
    // editor): "a serial cannot go from A to B; allowed next: C, D" or "…; A is final".
    static QString transitionProblem(const QString& from, const QString& to);
    // Empty when `serial` is a valid AI 21 value (1–20 chars of GS1 CSET 82, checked by
    // the GS1 "cset82" linter of core/gs1).
    static QString serialProblem(const QString& serial);
    // Where uploaded serial `index` came from: "row N" for file uploads, else "serials[i]".
    QString origin(qsizetype index) const;

    /// A batch as an API client sends it: sequential {lot, prefix, start, count, width} or
    /// uploaded {lot, serials:[…]}. Shape problems (wrong types, count missing) go to
    /// `errors`; value rules are validate()'s job. The product comes from elsewhere.
    static SerialBatch fromJson(const QJsonObject& json, FieldErrors& errors);
    FieldErrors validate() const;
    // The serials this batch holds, in order.
    QStringList serials() const;
    QJsonObject toJson() const;
};

} // namespace dpp::passport
