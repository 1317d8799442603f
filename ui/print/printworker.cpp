#include "printworker.h"

#include <label/mergesource.h>
#include <store/database.h>

namespace dpp::ui {

namespace {
QString describe(const Error& e)
{
    return (e.param.isEmpty() ? QString() : e.param + QStringLiteral(": ")) + e.message;
}
} // namespace

PrintWorker::PrintWorker(label::LabelDocument document, label::PrintTarget target, bool verify,
                         qint64 resumeFrom)
    : m_document(std::move(document)), m_target(std::move(target)), m_verify(verify),
      m_resumeFrom(resumeFrom)
{}

void PrintWorker::setStoreJob(const QString& location, const QString& tenantId,
                              const label::StorePrintRequest& request)
{
    m_store = StoreJob{location, tenantId, request};
}

void PrintWorker::run()
{
    auto source = label::MergeSource::open(m_document.merge);
    if (!source) {
        Q_EMIT finished(false, 0, m_resumeFrom, {}, describe(source.error()));
        return;
    }
    const qint64 records = source.value()->recordCount();
    const qint64 total =
        records < 0 || m_store ? -1 : records * source.value()->copies() - m_resumeFrom;
    qint64 sent = 0;
    label::PrintOptions options;
    options.verify = m_verify;
    options.resumeFrom = m_store ? 0 : m_resumeFrom;
    options.progress = [this, total, &sent](qint64 done) {
        sent = done;
        Q_EMIT progress(done, total);
        return !m_cancel.load();
    };
    options.rendered = [this, total](qint64 done) {
        Q_EMIT progress(done, total);
        return !m_cancel.load();
    };
    if (m_store) {
        auto db = store::Database::open(m_store->location);
        if (!db) {
            Q_EMIT finished(false, 0, 0, {}, describe(db.error()));
            return;
        }
        qint64 storeSent = 0;
        options.onSent = [&storeSent](const QList<label::MergeRecord>& chunk) -> Status {
            storeSent += chunk.size();
            return Ok{};
        };
        auto report = label::StorePrintJob::run(**db, m_store->tenantId, m_document,
                                                m_store->request, m_target, options);
        if (!report) {
            Q_EMIT finished(false, storeSent, 0, {}, describe(report.error()));
            return;
        }
        Q_EMIT finished(true, report->print.sent, report->print.nextLabel,
                        report->print.verification, QString());
        return;
    }
    auto report = label::PrintJob::run(m_document, *source.value(), m_target, options);
    if (!report) {
        Q_EMIT finished(false, sent, m_resumeFrom + sent, {}, describe(report.error()));
        return;
    }
    Q_EMIT finished(true, report->sent, report->nextLabel, report->verification, QString());
}

} // namespace dpp::ui
