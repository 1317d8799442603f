#include "printjob.h"

#include "labelexporter.h"
#include "labelrenderer.h"
#include "symbolverifier.h"
#include "zplwriter.h"

#include <QPageSize>
#include <QPainter>
#include <QPrinter>

namespace dpp::label {

Result<PrintTarget> PrintJob::parseTarget(const QString& zplHost, const QString& zplQueue,
                                          const QString& printer)
{
    const int given = int(!zplHost.isEmpty()) + int(!zplQueue.isEmpty()) + int(!printer.isEmpty());
    if (given != 1)
        return Error{QStringLiteral("target"),
                     QStringLiteral("give exactly one of --printer, --zpl-host, --zpl-queue"),
                     QStringLiteral("invalid")};
    if (!zplHost.isEmpty()) {
        auto e = RawPrinter::parseEndpoint(zplHost, QStringLiteral("zpl_host"));
        if (!e)
            return e.error();
        return PrintTarget{PrintTarget::Kind::ZplHost, zplHost};
    }
    if (!zplQueue.isEmpty())
        return PrintTarget{PrintTarget::Kind::ZplQueue, zplQueue};
    return PrintTarget{PrintTarget::Kind::Cups, printer};
}

Result<PrintReport> PrintJob::run(const LabelDocument& doc, MergeSource& source,
                                  const PrintTarget& target, const PrintOptions& options)
{
    PrintReport report;
    const bool paged =
        target.kind == PrintTarget::Kind::Cups || target.kind == PrintTarget::Kind::PdfFile;
    const int dpi = paged ? std::max(300, doc.calibration.dpi) : doc.calibration.dpi;
    LabelRenderer renderer(doc, RenderSettings{dpi, !paged});

    // Verified print: a full pass over the symbols before the first byte goes
    // out, so a job never half-prints and then stops on a bad record.
    if (options.verify) {
        SymbolVerifier verifier(dpi);
        if (Status s = source.seek(options.resumeFrom); !s)
            return s.error();
        MergeRecord record;
        while (true) {
            auto got = source.next(record);
            if (!got)
                return got.error();
            if (!got.value())
                break;
            auto symbols = renderer.symbols(record);
            if (!symbols)
                return symbols.error();
            if (Status s = verifier.check(symbols.value()); !s)
                return s.error();
        }
        report.verification = verifier.report();
    }
    if (Status s = source.seek(options.resumeFrom); !s)
        return s.error();
    report.nextLabel = options.resumeFrom;

    auto sent = [&](const QList<MergeRecord>& chunk) -> Status {
        report.sent += chunk.size();
        report.nextLabel += chunk.size();
        if (options.onSent)
            if (Status s = options.onSent(chunk); !s)
                return s;
        if (options.progress && !options.progress(report.sent))
            return Error{QStringLiteral("job"),
                         QStringLiteral("cancelled after %1 labels; resume at label %2")
                             .arg(report.sent)
                             .arg(report.nextLabel + 1),
                         QStringLiteral("cancelled")};
        return Ok{};
    };

    if (paged) {
        QPrinter printer(QPrinter::HighResolution);
        if (target.kind == PrintTarget::Kind::PdfFile) {
            if (target.name.isEmpty())
                return Error{QStringLiteral("output"), QStringLiteral("no PDF file name given"),
                             QStringLiteral("invalid")};
            printer.setOutputFormat(QPrinter::PdfFormat);
            printer.setOutputFileName(target.name);
        } else {
            printer.setPrinterName(target.name);
        }
        if (!printer.isValid())
            return Error{QStringLiteral("printer"),
                         QStringLiteral("no CUPS printer named '%1'").arg(target.name),
                         QStringLiteral("printer_unreachable")};
        const double w = doc.stock.isSheet() ? doc.stock.pageWidth.toMm() : doc.labelWidthMm();
        const double h = doc.stock.isSheet() ? doc.stock.pageHeight.toMm() : doc.labelHeightMm();
        printer.setFullPage(true);
        printer.setPageSize(
            QPageSize(QSizeF(w, h), QPageSize::Millimeter, QString(), QPageSize::ExactMatch));
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        printer.setDocName(doc.name.isEmpty() ? QStringLiteral("DPP label") : doc.name);
        QPainter painter;
        if (!painter.begin(&printer))
            return Error{QStringLiteral("printer"),
                         QStringLiteral("cannot start a job on '%1'").arg(target.name),
                         QStringLiteral("printer_unreachable")};
        painter.scale(printer.resolution() / 25.4, printer.resolution() / 25.4);
        // Pages stream into QPrinter's spool file one at a time; nothing but
        // the current page's records is held, so memory stays flat in N.
        QList<MergeRecord> page;
        MergeRecord record;
        qint64 painted = 0;
        bool first = true;
        while (true) {
            page.clear();
            while (page.size() < doc.stock.labelsPerPage()) {
                auto got = source.next(record);
                if (!got)
                    return got.error();
                if (!got.value())
                    break;
                page.append(record);
            }
            if (page.isEmpty())
                break;
            if (!first)
                printer.newPage();
            first = false;
            if (Status s = LabelExporter::paintPage(painter, renderer, page); !s) {
                printer.abort();
                return s.error();
            }
            painted += page.size();
            // Nothing reached CUPS (or the PDF file) yet: a cancel aborts the
            // spool so no page prints. `rendered` asks; without it, `progress`.
            const bool goOn = options.rendered   ? options.rendered(painted)
                              : options.progress ? options.progress(painted)
                                                 : true;
            if (!goOn) {
                printer.abort();
                return Error{QStringLiteral("job"),
                             QStringLiteral("cancelled before anything was sent; nothing was "
                                            "printed, resume at label %1")
                                 .arg(options.resumeFrom + 1),
                             QStringLiteral("cancelled")};
            }
        }
        if (painted == 0) {
            printer.abort();
            return Error{QStringLiteral("merge"), QStringLiteral("the merge source has no records"),
                         QStringLiteral("empty")};
        }
        // CUPS receives the job when the painter ends; only then is it "sent".
        if (!painter.end())
            return Error{target.kind == PrintTarget::Kind::PdfFile ? QStringLiteral("output")
                                                                   : QStringLiteral("printer"),
                         QStringLiteral("the print job failed"), QStringLiteral("printer_io")};
        // Report the sent records in chunks, read again from the source rather
        // than kept from the painting pass.
        if (Status s = source.seek(options.resumeFrom); !s)
            return s.error();
        QList<MergeRecord> chunk;
        for (qint64 i = 0; i < painted; ++i) {
            auto got = source.next(record);
            if (!got)
                return got.error();
            if (!got.value())
                break;
            chunk.append(record);
            if (chunk.size() >= options.chunkLabels || i + 1 == painted) {
                // The job is out: no cancel question any more, only the record keeping.
                report.sent += chunk.size();
                report.nextLabel += chunk.size();
                if (options.onSent)
                    if (Status s = options.onSent(chunk); !s)
                        return s.error();
                chunk.clear();
            }
        }
        return report;
    }

    std::optional<RawPrinter::Endpoint> endpoint;
    if (target.kind == PrintTarget::Kind::ZplHost)
        endpoint = RawPrinter::parseEndpoint(target.name, QStringLiteral("zpl_host")).value();
    ZplWriter writer(doc);
    QList<MergeRecord> chunk;
    QByteArray zpl;
    MergeRecord record;
    while (true) {
        auto got = source.next(record);
        if (!got)
            return got.error();
        if (got.value()) {
            auto label = writer.label(record);
            if (!label)
                return label.error();
            zpl += label.value();
            chunk.append(record);
        }
        if (!chunk.isEmpty() && (!got.value() || chunk.size() >= options.chunkLabels)) {
            const Status s = endpoint ? RawPrinter::sendTcp(*endpoint, zpl)
                                      : RawPrinter::sendCupsRaw(target.name, zpl);
            if (!s)
                return Error{s.error().param,
                             s.error().message +
                                 QStringLiteral(" (resume at label %1)").arg(report.nextLabel + 1),
                             s.error().code};
            if (Status after = sent(chunk); !after)
                return after.error();
            chunk.clear();
            zpl.clear();
        }
        if (!got.value())
            break;
    }
    return report;
}

} // namespace dpp::label
