#include "storeprintjob.h"

#include "store/serialrepository.h"
#include "storemergespec.h"

#include <QRegularExpression>
#include <QSet>

namespace dpp::label {

namespace {
Error invalid(const QString& param, const QString& message, const QString& code)
{
    return Error{param, message, code};
}
} // namespace

QString StorePrintJob::describe(const PrintTarget& target)
{
    switch (target.kind) {
    case PrintTarget::Kind::ZplHost:
        return QStringLiteral("zpl-host:") + target.name;
    case PrintTarget::Kind::ZplQueue:
        return QStringLiteral("zpl-queue:") + target.name;
    case PrintTarget::Kind::PdfFile:
        return QStringLiteral("pdf:") + target.name;
    case PrintTarget::Kind::Cups:
        break;
    }
    return QStringLiteral("cups:") + target.name;
}

Result<StorePrintReport> StorePrintJob::run(store::Database& db, const QString& tenantId,
                                            LabelDocument doc, const StorePrintRequest& request,
                                            const PrintTarget& target, PrintOptions options)
{
    if (request.resume && !request.reprint.isEmpty())
        return invalid(QStringLiteral("reprint"),
                       QStringLiteral("give --resume or --reprint, not both"),
                       QStringLiteral("invalid"));
    if ((request.resume || !request.reprint.isEmpty()) && request.batchId.isEmpty())
        return invalid(request.resume ? QStringLiteral("resume") : QStringLiteral("reprint"),
                       QStringLiteral("resume and reprint work on a serial batch: add --batch ID"),
                       QStringLiteral("required"));
    auto merge =
        StoreMergeSpec::build(db, tenantId, request.productRef, request.batchId, doc.merge);
    if (!merge)
        return merge.error();
    doc.merge = merge->spec;

    store::PrintJobEntry job;
    job.productId = merge->product.id;
    job.batchId = request.batchId;
    job.label = request.label.isEmpty() ? doc.name : request.label;
    job.target = describe(target);
    job.actor = request.actor;
    StorePrintReport out;

    if (merge->batch) {
        store::SerialRepository serials(db, tenantId);
        store::PrintJobRepository jobs(db, tenantId);
        const QStringList all = doc.merge.serialList;
        QSet<QString> printed, decommissioned;
        for (const char* state : {"printed", "activated"})
            for (const QString& s : serials.serials(request.batchId, QLatin1String(state)))
                printed.insert(s);
        for (const QString& s : serials.serials(request.batchId, QStringLiteral("decommissioned")))
            decommissioned.insert(s);
        QStringList todo;
        if (!request.reprint.isEmpty()) {
            auto range = SerialRange::parse(request.reprint, QStringLiteral("reprint"));
            if (!range)
                return range.error();
            const QSet<QString> inBatch(all.begin(), all.end());
            for (qint64 i = 0; i < range->count(); ++i) {
                const QString s = range->at(i);
                if (!inBatch.contains(s))
                    return invalid(
                        QStringLiteral("reprint"),
                        QStringLiteral("%1 is not a serial of batch %2").arg(s, request.batchId),
                        QStringLiteral("not_found"));
                if (decommissioned.contains(s)) {
                    ++out.skipped; // never print a decommissioned serial again
                    continue;
                }
                if (!printed.contains(s))
                    return invalid(
                        QStringLiteral("reprint"),
                        QStringLiteral("%1 was never printed; print it with --resume").arg(s),
                        QStringLiteral("invalid_state"));
                todo << s;
            }
            job.kind = QStringLiteral("reprint");
            job.requested = request.reprint;
        } else {
            // The resume point is the furthest serial (in batch order) any
            // print job handed to the printer, whichever job sent it.
            qint64 after = -1;
            QString lastSerial;
            for (const store::PrintJobEntry& j : jobs.jobs(request.batchId)) {
                if (j.kind != QLatin1String("print") || j.lastSerial.isEmpty())
                    continue;
                const qint64 at = all.indexOf(j.lastSerial);
                if (at > after) {
                    after = at;
                    lastSerial = j.lastSerial;
                }
            }
            if (request.resume) {
                if (after < 0)
                    return invalid(QStringLiteral("resume"),
                                   QStringLiteral("nothing of batch %1 was printed yet; print "
                                                  "without --resume")
                                       .arg(request.batchId),
                                   QStringLiteral("invalid_state"));
                job.requested = QStringLiteral("resume after ") + lastSerial;
            } else if (!printed.isEmpty()) {
                return invalid(QStringLiteral("batch"),
                               QStringLiteral("%1 serials of batch %2 were already printed (last "
                                              "handed to the printer: %3); continue with "
                                              "--resume or print again with --reprint FIRST-LAST")
                                   .arg(printed.size())
                                   .arg(request.batchId, lastSerial.isEmpty()
                                                             ? QStringLiteral("unknown")
                                                             : lastSerial),
                               QStringLiteral("already_printed"));
            }
            for (qint64 i = after + 1; i < all.size(); ++i) {
                const QString& s = all.at(i);
                if (decommissioned.contains(s) || printed.contains(s)) {
                    ++out.skipped;
                    continue;
                }
                todo << s;
            }
        }
        if (todo.isEmpty())
            return invalid(request.reprint.isEmpty() ? QStringLiteral("batch")
                                                     : QStringLiteral("reprint"),
                           QStringLiteral("nothing left to print in batch %1").arg(request.batchId),
                           QStringLiteral("empty"));
        doc.merge.serialList = todo;
    }

    for (const Error& problem : doc.checkMergeFields())
        return problem;
    auto source = MergeSource::open(doc.merge);
    if (!source)
        return source.error();

    store::PrintJobRepository jobs(db, tenantId);
    auto started = jobs.start(job);
    if (!started)
        return started.error();
    out.job = started.value();

    // Runs after each chunk left for the printer: only then do its serials
    // count as printed and advance the resume point.
    const auto userOnSent = options.onSent;
    options.resumeFrom = 0;
    options.onSent = [&](const QList<MergeRecord>& chunk) -> Status {
        QStringList sent;
        for (const MergeRecord& r : chunk) {
            const QString s = r.value(QStringLiteral("serial"));
            if (!s.isEmpty() && (sent.isEmpty() || sent.last() != s))
                sent << s;
        }
        if (Status s = jobs.recordSent(out.job, sent, chunk.size()); !s)
            return s;
        return userOnSent ? userOnSent(chunk) : Status(Ok{});
    };
    auto report = PrintJob::run(doc, *source.value(), target, options);
    if (!report) {
        const bool cancelled = report.error().code == QLatin1String("cancelled");
        // The job row keeps what was sent before the failure; its outcome is audited too.
        (void)jobs.finish(out.job,
                          cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"),
                          report.error().message);
        Error e = report.error();
        // PrintJob counts labels of this run; with the store, resume goes by serial.
        static const QRegularExpression labelHint(
            QStringLiteral(R"((\s*\(resume at label \d+\)|;\s*resume at label \d+))"));
        e.message.remove(labelHint);
        if (merge->batch && !out.job.lastSerial.isEmpty())
            e.message += QStringLiteral(" (last serial sent: %1; continue with --resume)")
                             .arg(out.job.lastSerial);
        return e;
    }
    out.print = report.value();
    if (Status s = jobs.finish(out.job, QStringLiteral("completed")); !s)
        return s.error();
    return out;
}

} // namespace dpp::label
