// PrintJobRepository: the audit trail of label print jobs on a product's
// serials and the resume point of each serial batch (the last serial a
// print job handed to the printer). Serials move to "printed" here, in the
// same transaction that advances the job, so state and resume point agree.
#pragma once

#include "database.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace dpp::store {

struct PrintJobEntry
{
    QString id;
    QString productId;
    QString batchId;                        // empty: the product's own fields, no serials
    QString kind = QStringLiteral("print"); // print | reprint
    QString label;                          // the .dpplabel file or document name
    QString target;    // "cups:NAME", "zpl-host:HOST:PORT", "zpl-queue:NAME", "pdf:FILE"
    QString requested; // the reprint range as asked, or "resume"
    QString firstSerial;
    QString lastSerial; // the last serial handed to the printer so far
    qint64 labelsSent = 0;
    QString status = QStringLiteral("running"); // running | completed | failed | cancelled
    QString message;
    QString actor; // who started it (OS user for dppctl, user for the GUI/API)
    QDateTime createdAt;
    QDateTime updatedAt;

    QJsonObject toJson() const;
};

class PrintJobRepository
{
public:
    PrintJobRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId))
    {}

    // Records a new running job (id and times assigned).
    Result<PrintJobEntry> start(PrintJobEntry job);
    // After labels left for the printer: for a "print" job the serials move to
    // "printed" (from available or assigned; later states stay as they are),
    // and the job's last serial and count advance. A reprint changes no state.
    Status recordSent(PrintJobEntry& job, const QStringList& serials, qint64 labels);
    Status finish(PrintJobEntry& job, const QString& status, const QString& message = {});

    // The last serial any "print" job of the batch handed to the printer.
    std::optional<QString> resumeSerial(const QString& batchId) const;
    QList<PrintJobEntry> jobs(const QString& batchId) const;
    std::optional<PrintJobEntry> get(const QString& id) const;

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
