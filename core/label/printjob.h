// PrintJob: a batch of merged labels sent to a printer, streamed in chunks
// so memory stays flat: raw ZPL to host:9100 or to a CUPS raw queue, or pages
// through QPrinter (any CUPS printer, full page, zero margins, or a PDF file:
// "print to file" as in every desktop print dialog, same pages as the printer). Optional
// verified print checks every distinct symbol layout before anything is sent.
// `onSent` runs only after a chunk left for the printer, so callers move
// serials to "printed" and store the resume point only for sent labels.
#pragma once

#include "labeldocument.h"
#include "mergesource.h"
#include "rawprinter.h"
#include "result.h"

#include <QJsonObject>
#include <functional>

namespace dpp::label {

struct PrintTarget
{
    enum class Kind { ZplHost, ZplQueue, Cups, PdfFile };
    Kind kind = Kind::ZplHost;
    QString name; // host:port, queue/printer name, or the PDF file path
};

struct PrintOptions
{
    bool verify = false;
    qint64 resumeFrom = 0; // labels already printed (0-based index of the first to send)
    int chunkLabels = 50;  // labels per network write / ZPL job
    // After each chunk was sent: the records in it. Return an error to stop.
    std::function<Status(const QList<MergeRecord>&)> onSent;
    // ZPL targets: after each chunk, labels sent so far; return false to cancel.
    // QPrinter targets when `rendered` is not set: asked as `rendered` is.
    std::function<bool(qint64)> progress;
    // QPrinter targets (CUPS, PDF file) send the whole job at the end: after each
    // page, the labels drawn so far; return false to abort (nothing is sent).
    // Once the job is out, only onSent runs (in chunks re-read from the source).
    std::function<bool(qint64)> rendered;
};

struct PrintReport
{
    qint64 sent = 0;
    qint64 nextLabel = 0; // resume point
    QJsonObject verification;
};

class PrintJob
{
public:
    static Result<PrintTarget> parseTarget(const QString& zplHost, const QString& zplQueue,
                                           const QString& printer);
    static Result<PrintReport> run(const LabelDocument& doc, MergeSource& source,
                                   const PrintTarget& target, const PrintOptions& options);
};

} // namespace dpp::label
