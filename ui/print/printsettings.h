// PrintSettings: the printers and calibration the print dialog offers, kept
// in the application's QSettings (written by the Preferences dialog, read here).
//
// QSettings keys (the contract with Preferences):
//   printing/zplHosts      QStringList  network ZPL printers, "host:port" (port 9100 if omitted)
//   printing/zplQueues     QStringList  CUPS queues that take raw ZPL
//   printing/lastTarget    QString      target id last used: "pdf", "cups:NAME",
//                                       "zpl-host:HOST:PORT" or "zpl-queue:NAME"
//   printing/verify        bool         verified print (default true)
//   printing/calibration   QVariantMap  target id → {"offsetXMm": double,
//                                       "offsetYMm": double, "dpi": int}
// CUPS printers are not stored: they come from the system (QPrinterInfo).
#pragma once

#include <QHash>
#include <QSettings>
#include <QStringList>

namespace dpp::ui {

struct PrinterCalibrationSetting
{
    double offsetXMm = 0;
    double offsetYMm = 0;
    int dpi = 0; // 0 = keep the label's own
};

struct PrintSettings
{
    QStringList zplHosts;
    QStringList zplQueues;
    QString lastTarget;
    bool verify = true;
    QHash<QString, PrinterCalibrationSetting> calibration;

    static PrintSettings load(const QSettings& settings);
    // Reads the application's default QSettings.
    static PrintSettings load();
    void save(QSettings& settings) const;
};

} // namespace dpp::ui
