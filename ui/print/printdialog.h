// PrintDialog: prints a label design: printer (CUPS, ZPL host:9100 or raw
// queue from the settings, or a PDF file), a stock check, the records
// (serial range, a serial batch or products from the store, a CSV file),
// copies, calibration offset, verified print, a page preview; then runs the
// core PrintJob (a serial batch: StorePrintJob, as `dppctl print --batch`) on
// a worker thread with progress, cancel and resume, and shows the
// verification report.
#pragma once

#include "printsettings.h"

#include <QDialog>
#include <QJsonObject>
#include <label/labeldocument.h>
#include <label/printjob.h>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QThread;

namespace dpp::store {
class Database;
}

namespace dpp::ui {

class PrintWorker;

class PrintDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Records { Document, SerialRange, SerialBatch, Products, Csv };

    PrintDialog(const label::LabelDocument& document, std::shared_ptr<store::Database> db,
                const QString& tenantId, QWidget* parent = nullptr,
                const PrintSettings& settings = PrintSettings::load());
    ~PrintDialog() override;

    // The choices as the widgets hold them, for tests and scripting.
    void setTarget(const QString& targetId); // "pdf", "cups:NAME", "zpl-host:H:P", "zpl-queue:Q"
    QString targetId() const;
    void setOutputFile(const QString& file);
    void setRecords(Records records);
    void setSerialRange(const QString& gtin, const QString& range);
    void setVerify(bool on);
    void setCopies(int copies);
    // Serial batch from the store: continue after the last serial sent
    // (dppctl print --resume), or print these printed serials again (--reprint).
    void setBatchResume(bool on);
    void setReprint(const QString& range);

    // The document with the dialog's records, copies and calibration applied,
    // or the error naming the field that is wrong.
    Result<label::LabelDocument> jobDocument() const;
    Result<label::PrintTarget> target() const;

    bool isRunning() const { return m_thread != nullptr; }
    QString stockWarnings() const;
    QString reportText() const;
    QJsonObject lastVerification() const { return m_verification; }
    qint64 lastSent() const { return m_sent; }
    QString lastError() const { return m_error; }
    int previewPages() const;

public Q_SLOTS:
    void startPrint();
    void cancelPrint();
    void updatePreview();

Q_SIGNALS:
    void printFinished(bool ok);

private:
    void fillTargets();
    void updateStockCheck();
    void updateRecordsPage();
    void finish(bool ok, qint64 sent, qint64 nextLabel, const QJsonObject& verification,
                const QString& error);

    label::LabelDocument m_document;
    std::shared_ptr<store::Database> m_db;
    QString m_tenantId;
    PrintSettings m_settings;

    QComboBox* m_target = nullptr;
    QLineEdit* m_outputFile = nullptr;
    QLabel* m_stock = nullptr;
    QComboBox* m_records = nullptr;
    QStackedWidget* m_recordPages = nullptr;
    QLineEdit* m_gtin = nullptr;
    QLineEdit* m_range = nullptr;
    QComboBox* m_batch = nullptr;
    QCheckBox* m_batchResume = nullptr;
    QLineEdit* m_reprint = nullptr;
    QListWidget* m_products = nullptr;
    QLineEdit* m_csv = nullptr;
    QSpinBox* m_copies = nullptr;
    QSpinBox* m_resume = nullptr;
    QDoubleSpinBox* m_offsetX = nullptr;
    QDoubleSpinBox* m_offsetY = nullptr;
    QCheckBox* m_verify = nullptr;
    QListWidget* m_preview = nullptr;
    QProgressBar* m_progress = nullptr;
    QPlainTextEdit* m_report = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_cancel = nullptr;

    QThread* m_thread = nullptr;
    PrintWorker* m_worker = nullptr;
    QJsonObject m_verification;
    qint64 m_sent = 0;
    QString m_error;
};

} // namespace dpp::ui
