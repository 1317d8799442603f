// PrintWorker: runs one core PrintJob (the call `dppctl print` makes) on a
// worker thread so the dialog stays responsive, reports progress, and can
// be cancelled between chunks; the resume point comes back with the result.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <atomic>
#include <label/labeldocument.h>
#include <label/mergerecord.h>
#include <label/printjob.h>

namespace dpp::ui {

class PrintWorker : public QObject
{
    Q_OBJECT
public:
    PrintWorker(label::LabelDocument document, label::PrintTarget target, bool verify,
                qint64 resumeFrom);
    void cancel() { m_cancel = true; }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // After each chunk left for the printer (connect blocking-queued to record
    // it in the store on the store's thread; `*ok` false stops the job).
    void chunkSent(const QList<dpp::label::MergeRecord>& records, bool* ok);
    // ok: report filled; else error. nextLabel is the 0-based resume point.
    void finished(bool ok, qint64 sent, qint64 nextLabel, const QJsonObject& verification,
                  const QString& error);

private:
    label::LabelDocument m_document;
    label::PrintTarget m_target;
    bool m_verify;
    qint64 m_resumeFrom;
    std::atomic<bool> m_cancel{false};
};

} // namespace dpp::ui
