// PrintWorker: runs one core PrintJob, or with the store a StorePrintJob (the
// calls `dppctl print` makes), on a worker thread so the dialog stays
// responsive, reports progress, and can be cancelled; the resume point comes
// back with the result.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <atomic>
#include <label/labeldocument.h>
#include <label/mergerecord.h>
#include <label/printjob.h>
#include <label/storeprintjob.h>
#include <optional>

namespace dpp::ui {

class PrintWorker : public QObject
{
    Q_OBJECT
public:
    PrintWorker(label::LabelDocument document, label::PrintTarget target, bool verify,
                qint64 resumeFrom);
    void cancel() { m_cancel = true; }
    // Prints through StorePrintJob::run on the store at `location` (opened
    // on the worker thread: a connection belongs to its thread), so serial
    // states, the print_jobs row, resume and reprint are those of dppctl.
    void setStoreJob(const QString& location, const QString& tenantId,
                     const label::StorePrintRequest& request);

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // ok: report filled; else error. nextLabel is the 0-based resume point
    // (a store job resumes by serial instead; its error names the last one).
    void finished(bool ok, qint64 sent, qint64 nextLabel, const QJsonObject& verification,
                  const QString& error);

private:
    label::LabelDocument m_document;
    label::PrintTarget m_target;
    bool m_verify;
    qint64 m_resumeFrom;
    std::atomic<bool> m_cancel{false};
    struct StoreJob
    {
        QString location, tenantId;
        label::StorePrintRequest request;
    };
    std::optional<StoreJob> m_store;
};

} // namespace dpp::ui
