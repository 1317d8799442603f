// Preferences: the desktop app's settings: language, default resolver base
// URL, printers with their calibration (the print dialog reads them), server
// URL and API key for sync, and the recent stores. One INI file at a known
// path, readable by its owner only (0600) because it holds an API key.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <result.h>

namespace dpp::ui {

struct PrinterSetting
{
    QString name;
    // "host:9100" (raw ZPL over TCP), "cups:QUEUE" (raw CUPS queue) or a CUPS
    // printer name for page printers.
    QString target;
    QJsonObject calibration; // label::PrinterCalibration::toJson()
    bool operator==(const PrinterSetting&) const = default;
};

class Preferences
{
public:
    static constexpr int kMaxRecentStores = 8;

    QString language; // ISO 639-1; empty = the system's
    QString resolverBase = QStringLiteral("https://id.gs1.org");
    QList<PrinterSetting> printers;
    QString serverUrl;
    QString apiKey;
    QStringList recentStores; // most recent first

    // <config>/DPP Studio/dppstudio/dppstudio.ini (QStandardPaths::AppConfigLocation),
    // or $DPP_STUDIO_SETTINGS when set (tests, portable installs).
    static QString defaultFilePath();
    static Preferences load(const QString& path = defaultFilePath());
    // Writes the file with mode 0600 (created so, and re-set after every write).
    Status save(const QString& path = defaultFilePath()) const;

    // Puts `location` first, without duplicates, keeping kMaxRecentStores.
    void addRecentStore(const QString& location);

    bool operator==(const Preferences&) const = default;
};

} // namespace dpp::ui
