#include "printdialog.h"

#include "printworker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPageSize>
#include <QPlainTextEdit>
#include <QPrinterInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QThread>
#include <QVBoxLayout>
#include <label/labelexporter.h>
#include <label/labelrenderer.h>
#include <label/mergesource.h>
#include <label/stockcheck.h>
#include <label/storemergespec.h>
#include <store/productrepository.h>
#include <store/serialrepository.h>

namespace dpp::ui {

namespace {
constexpr int kPreviewPages = 4; // enough to see sheets fill and serials count up
}

PrintDialog::PrintDialog(const label::LabelDocument& document, std::shared_ptr<store::Database> db,
                         const QString& tenantId, QWidget* parent, const PrintSettings& settings)
    : QDialog(parent), m_document(document), m_db(std::move(db)), m_tenantId(tenantId),
      m_settings(settings)
{
    setObjectName(QStringLiteral("printDialog"));
    setWindowTitle(tr("Print labels"));
    auto* outer = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    outer->addLayout(left, 1);
    auto* form = new QFormLayout;
    left->addLayout(form);

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("printTarget"));
    form->addRow(tr("Printer"), m_target);
    auto* outRow = new QHBoxLayout;
    m_outputFile = new QLineEdit(this);
    m_outputFile->setObjectName(QStringLiteral("outputFile"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    outRow->addWidget(m_outputFile);
    outRow->addWidget(browse);
    form->addRow(tr("PDF file"), outRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(
            this, tr("Print to PDF"), m_outputFile->text(), tr("PDF files (*.pdf)"));
        if (!f.isEmpty())
            m_outputFile->setText(f);
    });
    m_stock = new QLabel(this);
    m_stock->setObjectName(QStringLiteral("stockCheck"));
    m_stock->setWordWrap(true);
    form->addRow(tr("Stock"), m_stock);

    m_records = new QComboBox(this);
    m_records->setObjectName(QStringLiteral("recordsKind"));
    m_records->addItem(tr("The label's own merge source"), int(Records::Document));
    m_records->addItem(tr("Serial range"), int(Records::SerialRange));
    m_records->addItem(tr("Serial batch from the store"), int(Records::SerialBatch));
    m_records->addItem(tr("Products from the store"), int(Records::Products));
    m_records->addItem(tr("CSV file"), int(Records::Csv));
    form->addRow(tr("Records"), m_records);

    m_recordPages = new QStackedWidget(this);
    m_recordPages->addWidget(new QLabel(tr("As saved in the label file."), this));
    auto* rangePage = new QWidget(this);
    auto* rangeForm = new QFormLayout(rangePage);
    m_gtin = new QLineEdit(document.merge.gtin, rangePage);
    m_gtin->setObjectName(QStringLiteral("rangeGtin"));
    m_range = new QLineEdit(document.merge.serials.isEmpty() ? QStringLiteral("SN000001-SN000010")
                                                             : document.merge.serials,
                            rangePage);
    m_range->setObjectName(QStringLiteral("serialRange"));
    m_range->setPlaceholderText(QStringLiteral("SN000001-SN000500"));
    rangeForm->addRow(tr("GTIN"), m_gtin);
    rangeForm->addRow(tr("Serials"), m_range);
    m_recordPages->addWidget(rangePage);
    auto* batchPage = new QWidget(this);
    auto* batchForm = new QFormLayout(batchPage);
    m_batch = new QComboBox(batchPage);
    m_batch->setObjectName(QStringLiteral("serialBatch"));
    m_batchResume =
        new QCheckBox(tr("Continue after the last serial a job sent to the printer"), batchPage);
    m_batchResume->setObjectName(QStringLiteral("batchResume"));
    m_reprint = new QLineEdit(batchPage);
    m_reprint->setObjectName(QStringLiteral("reprintRange"));
    m_reprint->setPlaceholderText(tr("e.g. SN000010-SN000020 (already printed serials)"));
    batchForm->addRow(tr("Batch"), m_batch);
    batchForm->addRow(m_batchResume);
    batchForm->addRow(tr("Reprint"), m_reprint);
    m_recordPages->addWidget(batchPage);
    m_products = new QListWidget(this);
    m_products->setSelectionMode(QAbstractItemView::MultiSelection);
    m_recordPages->addWidget(m_products);
    m_csv = new QLineEdit(document.merge.csvFile, this);
    m_csv->setPlaceholderText(tr("CSV file with a header row"));
    m_recordPages->addWidget(m_csv);
    form->addRow(m_recordPages);
    if (m_db) {
        store::ProductRepository products(*m_db, m_tenantId);
        store::SerialRepository serials(*m_db, m_tenantId);
        const auto page = products.page(100);
        if (page) {
            for (const passport::Product& p : page->items) {
                auto* item = new QListWidgetItem(p.displayName() + QStringLiteral(" · ") + p.gtin,
                                                 m_products);
                item->setData(Qt::UserRole, p.id);
                for (const passport::SerialBatch& b : serials.batches(p.id)) {
                    m_batch->addItem(tr("%1 · %2 serials from %3")
                                         .arg(p.displayName())
                                         .arg(b.count)
                                         .arg(b.serials().value(0)),
                                     b.id);
                    m_batch->setItemData(m_batch->count() - 1, p.id, Qt::UserRole + 1);
                }
            }
        }
    }

    m_copies = new QSpinBox(this);
    m_copies->setObjectName(QStringLiteral("copies"));
    m_copies->setRange(1, 1000);
    m_copies->setValue(std::max(1, document.merge.copies));
    form->addRow(tr("Copies of each label"), m_copies);
    m_resume = new QSpinBox(this);
    m_resume->setObjectName(QStringLiteral("resumeFrom"));
    m_resume->setRange(1, 100000000);
    m_resume->setToolTip(tr("Start at this label (after a cancelled or failed job)"));
    form->addRow(tr("Start at label"), m_resume);
    m_offsetX = new QDoubleSpinBox(this);
    m_offsetY = new QDoubleSpinBox(this);
    for (QDoubleSpinBox* s : {m_offsetX, m_offsetY}) {
        s->setRange(-20, 20);
        s->setDecimals(2);
        s->setSingleStep(0.1);
        s->setSuffix(tr(" mm"));
    }
    m_offsetX->setValue(document.calibration.offsetX.toMm());
    m_offsetY->setValue(document.calibration.offsetY.toMm());
    auto* offsets = new QHBoxLayout;
    offsets->addWidget(m_offsetX);
    offsets->addWidget(m_offsetY);
    form->addRow(tr("Calibration offset (x, y)"), offsets);
    m_verify =
        new QCheckBox(tr("Verified print: decode every symbol layout before printing"), this);
    m_verify->setObjectName(QStringLiteral("verify"));
    m_verify->setChecked(m_settings.verify);
    form->addRow(m_verify);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("printProgress"));
    m_progress->setValue(0);
    left->addWidget(m_progress);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("printReport"));
    m_report->setReadOnly(true);
    m_report->setPlaceholderText(tr("The print report and the verification results appear here."));
    left->addWidget(m_report);
    auto* buttons = new QDialogButtonBox(this);
    m_print = buttons->addButton(tr("&Print"), QDialogButtonBox::AcceptRole);
    m_print->setObjectName(QStringLiteral("printButton"));
    m_cancel = buttons->addButton(tr("C&ancel job"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);
    auto* close = buttons->addButton(QDialogButtonBox::Close);
    left->addWidget(buttons);
    connect(m_print, &QPushButton::clicked, this, &PrintDialog::startPrint);
    connect(m_cancel, &QPushButton::clicked, this, &PrintDialog::cancelPrint);
    connect(close, &QPushButton::clicked, this, [this] {
        if (!isRunning())
            reject();
    });

    auto* right = new QVBoxLayout;
    outer->addLayout(right, 1);
    right->addWidget(new QLabel(tr("Preview (first pages)"), this));
    m_preview = new QListWidget(this);
    m_preview->setObjectName(QStringLiteral("printPreview"));
    m_preview->setViewMode(QListView::IconMode);
    m_preview->setIconSize(QSize(220, 220));
    m_preview->setResizeMode(QListView::Adjust);
    right->addWidget(m_preview);
    auto* refresh = new QPushButton(tr("Update preview"), this);
    right->addWidget(refresh);
    connect(refresh, &QPushButton::clicked, this, &PrintDialog::updatePreview);

    fillTargets();
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        m_outputFile->setEnabled(targetId() == QLatin1String("pdf"));
        updateStockCheck();
    });
    connect(m_records, &QComboBox::currentIndexChanged, this, &PrintDialog::updateRecordsPage);
    updateRecordsPage();
    m_outputFile->setEnabled(targetId() == QLatin1String("pdf"));
    updateStockCheck();
    updatePreview();
    resize(960, 640);
}

PrintDialog::~PrintDialog()
{
    if (m_thread) {
        m_worker->cancel();
        m_thread->quit();
        m_thread->wait();
    }
}

void PrintDialog::fillTargets()
{
    m_target->addItem(tr("PDF file"), QStringLiteral("pdf"));
    for (const QString& name : QPrinterInfo::availablePrinterNames())
        m_target->addItem(tr("%1 (CUPS)").arg(name), QString(QStringLiteral("cups:") + name));
    for (const QString& host : m_settings.zplHosts)
        m_target->addItem(tr("%1 (ZPL, network)").arg(host),
                          QString(QStringLiteral("zpl-host:") + host));
    for (const QString& queue : m_settings.zplQueues)
        m_target->addItem(tr("%1 (ZPL, raw CUPS queue)").arg(queue),
                          QString(QStringLiteral("zpl-queue:") + queue));
    const int last = m_target->findData(m_settings.lastTarget);
    if (last >= 0)
        m_target->setCurrentIndex(last);
}

void PrintDialog::setTarget(const QString& id)
{
    int i = m_target->findData(id);
    if (i < 0) {
        m_target->addItem(id, id);
        i = m_target->count() - 1;
    }
    m_target->setCurrentIndex(i);
}

QString PrintDialog::targetId() const
{
    return m_target->currentData().toString();
}

void PrintDialog::setOutputFile(const QString& file)
{
    m_outputFile->setText(file);
}

void PrintDialog::setRecords(Records records)
{
    m_records->setCurrentIndex(m_records->findData(int(records)));
}

void PrintDialog::setSerialRange(const QString& gtin, const QString& range)
{
    m_gtin->setText(gtin);
    m_range->setText(range);
}

void PrintDialog::setVerify(bool on)
{
    m_verify->setChecked(on);
}

void PrintDialog::setCopies(int copies)
{
    m_copies->setValue(copies);
}

void PrintDialog::setBatchResume(bool on)
{
    m_batchResume->setChecked(on);
}

void PrintDialog::setReprint(const QString& range)
{
    m_reprint->setText(range);
}

void PrintDialog::updateRecordsPage()
{
    m_recordPages->setCurrentIndex(m_records->currentIndex());
    // A store batch resumes by serial (the store knows the last one sent).
    m_resume->setEnabled(Records(m_records->currentData().toInt()) != Records::SerialBatch);
}

Result<label::PrintTarget> PrintDialog::target() const
{
    const QString id = targetId();
    if (id == QLatin1String("pdf")) {
        if (m_outputFile->text().trimmed().isEmpty())
            return Error{QStringLiteral("output"), tr("choose the PDF file to print to"),
                         QStringLiteral("required")};
        return label::PrintTarget{label::PrintTarget::Kind::PdfFile,
                                  m_outputFile->text().trimmed()};
    }
    if (id.startsWith(QLatin1String("cups:")))
        return label::PrintJob::parseTarget({}, {}, id.mid(5));
    if (id.startsWith(QLatin1String("zpl-host:")))
        return label::PrintJob::parseTarget(id.mid(9), {}, {});
    if (id.startsWith(QLatin1String("zpl-queue:")))
        return label::PrintJob::parseTarget({}, id.mid(10), {});
    return Error{QStringLiteral("printer"), tr("choose a printer"), QStringLiteral("required")};
}

Result<label::LabelDocument> PrintDialog::jobDocument() const
{
    label::LabelDocument doc = m_document;
    label::MergeSpec spec = doc.merge;
    switch (Records(m_records->currentData().toInt())) {
    case Records::Document:
        break;
    case Records::SerialRange: {
        label::MergeOverrides o;
        o.gtin = m_gtin->text().trimmed();
        o.serials = m_range->text().trimmed();
        if (o.gtin.isEmpty())
            return Error{QStringLiteral("gtin"), tr("a serial range needs the product's GTIN"),
                         QStringLiteral("required")};
        if (o.serials.isEmpty())
            return Error{QStringLiteral("serials"), tr("give the serials, e.g. SN000001-SN000500"),
                         QStringLiteral("required")};
        spec = o.applyTo(spec);
        break;
    }
    case Records::SerialBatch: {
        if (!m_db || m_batch->currentIndex() < 0)
            return Error{QStringLiteral("batch"), tr("the store has no serial batch to print"),
                         QStringLiteral("required")};
        auto s = label::StoreMergeSpec::build(*m_db, m_tenantId,
                                              m_batch->currentData(Qt::UserRole + 1).toString(),
                                              m_batch->currentData().toString(), spec);
        if (!s)
            return s.error();
        spec = s->spec;
        break;
    }
    case Records::Products: {
        QStringList ids;
        for (QListWidgetItem* item : m_products->selectedItems())
            ids.append(item->data(Qt::UserRole).toString());
        if (!m_db)
            return Error{QStringLiteral("products"), tr("no store is open"),
                         QStringLiteral("required")};
        auto s = label::StoreMergeSpec::products(*m_db, m_tenantId, ids, spec);
        if (!s)
            return s.error();
        spec = s.value();
        break;
    }
    case Records::Csv: {
        label::MergeOverrides o;
        o.csvFile = m_csv->text().trimmed();
        if (o.csvFile.isEmpty())
            return Error{QStringLiteral("csv"), tr("choose the CSV file"),
                         QStringLiteral("required")};
        spec = o.applyTo(spec);
        break;
    }
    }
    spec.copies = m_copies->value();
    doc.merge = spec;
    doc.calibration.offsetX = label::Distance::mm(m_offsetX->value());
    doc.calibration.offsetY = label::Distance::mm(m_offsetY->value());
    const auto cal = m_settings.calibration.find(targetId());
    if (cal != m_settings.calibration.end() && cal->dpi > 0)
        doc.calibration.dpi = cal->dpi;
    for (const Error& problem : doc.checkMergeFields())
        return problem;
    return doc;
}

void PrintDialog::updateStockCheck()
{
    const auto t = target();
    label::PrintTarget::Kind kind = label::PrintTarget::Kind::PdfFile;
    QSizeF largest;
    if (t) {
        kind = t->kind;
        if (kind == label::PrintTarget::Kind::Cups) {
            const QPrinterInfo info = QPrinterInfo::printerInfo(t->name);
            for (const QPageSize& size : info.supportedPageSizes()) {
                const QSizeF mm = size.size(QPageSize::Millimeter);
                if (mm.width() * mm.height() > largest.width() * largest.height())
                    largest = mm;
            }
        }
    }
    // Saved calibration for this printer, as Preferences recorded it.
    const auto cal = m_settings.calibration.find(targetId());
    if (cal != m_settings.calibration.end()) {
        m_offsetX->setValue(cal->offsetXMm);
        m_offsetY->setValue(cal->offsetYMm);
    }
    const QList<Error> problems = label::StockCheck::check(m_document, kind, largest);
    QStringList lines;
    for (const Error& e : problems)
        lines.append(e.message);
    const QString size = tr("%1 (%2 × %3 mm)")
                             .arg(m_document.stock.name)
                             .arg(m_document.labelWidthMm(), 0, 'g', 4)
                             .arg(m_document.labelHeightMm(), 0, 'g', 4);
    m_stock->setText(lines.isEmpty()
                         ? tr("%1: fits this printer").arg(size)
                         : size + QStringLiteral("\n⚠ ") + lines.join(QStringLiteral("\n⚠ ")));
}

QString PrintDialog::stockWarnings() const
{
    return m_stock->text();
}

QString PrintDialog::reportText() const
{
    return m_report->toPlainText();
}

int PrintDialog::previewPages() const
{
    return m_preview->count();
}

void PrintDialog::updatePreview()
{
    m_preview->clear();
    auto doc = jobDocument();
    if (!doc) {
        m_report->setPlainText(
            tr("Cannot preview: %1: %2").arg(doc.error().param, doc.error().message));
        return;
    }
    auto source = label::MergeSource::open(doc->merge);
    if (!source) {
        m_report->setPlainText(
            tr("Cannot preview: %1: %2").arg(source.error().param, source.error().message));
        return;
    }
    label::LabelRenderer renderer(doc.value());
    const int perPage = doc->stock.labelsPerPage();
    label::MergeRecord record;
    for (int page = 0; page < kPreviewPages; ++page) {
        QList<label::MergeRecord> records;
        while (records.size() < perPage) {
            auto got = source.value()->next(record);
            if (!got) {
                m_report->setPlainText(tr("Cannot preview: %1").arg(got.error().message));
                return;
            }
            if (!got.value())
                break;
            records.append(record);
        }
        if (records.isEmpty())
            break;
        // 100 dpi is plenty for a thumbnail and keeps a sheet preview fast.
        auto image = label::LabelExporter::renderPage(renderer, records, 100, false);
        if (!image) {
            m_report->setPlainText(
                tr("Cannot preview: %1: %2").arg(image.error().param, image.error().message));
            return;
        }
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(image.value())),
                                         tr("Page %1").arg(page + 1), m_preview);
        Q_UNUSED(item);
    }
}

void PrintDialog::startPrint()
{
    if (isRunning())
        return;
    m_error.clear();
    m_verification = {};
    m_sent = 0;
    auto doc = jobDocument();
    auto t = target();
    if (!doc || !t) {
        const Error e = !doc ? doc.error() : t.error();
        m_error = e.param + QStringLiteral(": ") + e.message;
        m_report->setPlainText(tr("Not printed. %1").arg(m_error));
        Q_EMIT printFinished(false);
        return;
    }
    m_settings.lastTarget = targetId();
    m_report->setPlainText(tr("Printing…"));
    m_progress->setRange(0, 0);
    m_print->setEnabled(false);
    m_cancel->setEnabled(true);
    m_thread = new QThread(this);
    m_worker =
        new PrintWorker(doc.value(), t.value(), m_verify->isChecked(), m_resume->value() - 1);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &PrintWorker::run);
    connect(m_worker, &PrintWorker::progress, this, [this](qint64 done, qint64 total) {
        if (total > 0) {
            m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
            m_progress->setValue(int(std::min<qint64>(done, INT_MAX)));
        }
    });
    connect(m_worker, &PrintWorker::finished, this, &PrintDialog::finish);
    if (m_db && Records(m_records->currentData().toInt()) == Records::SerialBatch) {
        // The same core call as dppctl print --product --batch: serial states,
        // the print_jobs row, resume and reprint behave alike from both.
        label::StorePrintRequest request;
        request.productRef = m_batch->currentData(Qt::UserRole + 1).toString();
        request.batchId = m_batch->currentData().toString();
        request.resume = m_batchResume->isChecked();
        request.reprint = m_reprint->text().trimmed();
        request.label = m_document.name;
        request.actor = qEnvironmentVariable("USER", QStringLiteral("dppstudio"));
        m_worker->setStoreJob(m_db->location(), m_tenantId, request);
    }
    m_thread->start();
}

void PrintDialog::cancelPrint()
{
    if (m_worker)
        m_worker->cancel();
}

void PrintDialog::finish(bool ok, qint64 sent, qint64 nextLabel, const QJsonObject& verification,
                         const QString& error)
{
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    m_worker = nullptr;
    m_thread->deleteLater();
    m_thread = nullptr;
    m_print->setEnabled(true);
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    m_sent = sent;
    m_verification = verification;
    m_error = error;
    // After a stop the next try starts where this one stopped (resume is one
    // click on Print); after a complete job the next one starts at label 1.
    m_resume->setValue(ok ? 1 : int(std::min<qint64>(nextLabel + 1, m_resume->maximum())));
    const bool storeBatch =
        m_db && Records(m_records->currentData().toInt()) == Records::SerialBatch;
    if (storeBatch) {
        // The store kept the last serial sent: Print again continues there.
        m_batchResume->setChecked(!ok && (sent > 0 || m_batchResume->isChecked()));
        if (ok)
            m_reprint->clear();
    }
    QStringList lines;
    if (ok)
        lines << tr("%n label(s) printed.", nullptr, int(sent));
    else if (storeBatch)
        lines << tr("Stopped: %1").arg(error)
              << tr("%n label(s) sent before it stopped; Print continues after the last serial "
                    "sent.",
                    nullptr, int(sent));
    else
        lines << tr("Stopped: %1").arg(error)
              << tr("%n label(s) sent before it stopped; Print resumes at label %1.", nullptr,
                    int(sent))
                     .arg(nextLabel + 1);
    if (!verification.isEmpty()) {
        lines << QString() << tr("Verification (each symbol layout decoded back):");
        for (const QJsonValue& v : verification.value(QStringLiteral("checks")).toArray()) {
            const QJsonObject c = v.toObject();
            lines << tr("%1 %2 %3 %4: %5")
                         .arg(c.value(QStringLiteral("passed")).toBool() ? QStringLiteral("✔")
                                                                         : QStringLiteral("✘"),
                              c.value(QStringLiteral("element")).toString(),
                              c.value(QStringLiteral("symbology")).toString(),
                              c.value(QStringLiteral("layout")).toString(),
                              c.value(QStringLiteral("decoded")).toString());
        }
    }
    m_report->setPlainText(lines.join(u'\n'));
    Q_EMIT printFinished(ok);
}

} // namespace dpp::ui
