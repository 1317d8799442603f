#include "printworker.h"

#include <label/mergesource.h>

namespace dpp::ui {

PrintWorker::PrintWorker(label::LabelDocument document, label::PrintTarget target, bool verify,
                         qint64 resumeFrom)
    : m_document(std::move(document)), m_target(std::move(target)), m_verify(verify),
      m_resumeFrom(resumeFrom)
{}

void PrintWorker::run()
{
    auto source = label::MergeSource::open(m_document.merge);
    if (!source) {
        Q_EMIT finished(false, 0, m_resumeFrom, {},
                        source.error().param + QStringLiteral(": ") + source.error().message);
        return;
    }
    const qint64 records = source.value()->recordCount();
    const qint64 total = records < 0 ? -1 : records * source.value()->copies() - m_resumeFrom;
    qint64 sent = 0;
    label::PrintOptions options;
    options.verify = m_verify;
    options.resumeFrom = m_resumeFrom;
    options.progress = [this, total, &sent](qint64 done) {
        sent = done;
        Q_EMIT progress(done, total);
        return !m_cancel.load();
    };
    options.onSent = [this](const QList<label::MergeRecord>& chunk) -> Status {
        bool ok = true;
        Q_EMIT chunkSent(chunk, &ok);
        if (!ok)
            return Error{QStringLiteral("store"),
                         tr("the printed serials could not be recorded in the store"),
                         QStringLiteral("store")};
        return Ok{};
    };
    options.rendered = [this, total](qint64 done) {
        Q_EMIT progress(done, total);
        return !m_cancel.load();
    };
    auto report = label::PrintJob::run(m_document, *source.value(), m_target, options);
    if (!report) {
        Q_EMIT finished(false, sent, m_resumeFrom + sent, {},
                        (report.error().param.isEmpty()
                             ? QString()
                             : report.error().param + QStringLiteral(": ")) +
                            report.error().message);
        return;
    }
    Q_EMIT finished(true, report->sent, report->nextLabel, report->verification, QString());
}

} // namespace dpp::ui
