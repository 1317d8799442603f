#include "preferences.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSettings>
#include <QStandardPaths>

namespace dpp::ui {

namespace {
constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;
}

QString Preferences::defaultFilePath()
{
    const QString env = qEnvironmentVariable("DPP_STUDIO_SETTINGS");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/dppstudio.ini");
}

Preferences Preferences::load(const QString& path)
{
    Preferences p;
    if (!QFileInfo::exists(path))
        return p;
    QSettings s(path, QSettings::IniFormat);
    p.language = s.value(QStringLiteral("general/language")).toString();
    p.resolverBase = s.value(QStringLiteral("general/resolverBase"), p.resolverBase).toString();
    p.serverUrl = s.value(QStringLiteral("sync/serverUrl")).toString();
    p.apiKey = s.value(QStringLiteral("sync/apiKey")).toString();
    p.recentStores = s.value(QStringLiteral("general/recentStores")).toStringList();
    const int n = s.beginReadArray(QStringLiteral("printers"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        p.printers.append(
            {s.value(QStringLiteral("name")).toString(),
             s.value(QStringLiteral("target")).toString(),
             QJsonDocument::fromJson(s.value(QStringLiteral("calibration")).toByteArray())
                 .object()});
    }
    s.endArray();
    return p;
}

Status Preferences::save(const QString& path) const
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{QStringLiteral("settings"),
                     QStringLiteral("cannot create the folder of %1").arg(path),
                     QStringLiteral("io_error")};
    // Create the file owner-only before anything is written, so the API key is
    // never readable by others, not even for a moment.
    if (!QFileInfo::exists(path)) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return Error{QStringLiteral("settings"),
                         QStringLiteral("cannot write %1: %2").arg(path, f.errorString()),
                         QStringLiteral("io_error")};
        f.setPermissions(kOwnerOnly);
    }
    {
        QSettings s(path, QSettings::IniFormat);
        s.clear();
        s.setValue(QStringLiteral("general/language"), language);
        s.setValue(QStringLiteral("general/resolverBase"), resolverBase);
        s.setValue(QStringLiteral("general/recentStores"), recentStores);
        s.setValue(QStringLiteral("sync/serverUrl"), serverUrl);
        s.setValue(QStringLiteral("sync/apiKey"), apiKey);
        s.beginWriteArray(QStringLiteral("printers"), int(printers.size()));
        for (int i = 0; i < printers.size(); ++i) {
            s.setArrayIndex(i);
            s.setValue(QStringLiteral("name"), printers[i].name);
            s.setValue(QStringLiteral("target"), printers[i].target);
            s.setValue(QStringLiteral("calibration"),
                       QJsonDocument(printers[i].calibration).toJson(QJsonDocument::Compact));
        }
        s.endArray();
        s.sync();
        if (s.status() != QSettings::NoError)
            return Error{QStringLiteral("settings"), QStringLiteral("cannot write %1").arg(path),
                         QStringLiteral("io_error")};
    }
    // QSettings replaces the file on write; make sure the new one is owner-only too.
    if (!QFile::setPermissions(path, kOwnerOnly))
        return Error{QStringLiteral("settings"),
                     QStringLiteral("cannot restrict the permissions of %1").arg(path),
                     QStringLiteral("io_error")};
    return Ok{};
}

void Preferences::addRecentStore(const QString& location)
{
    recentStores.removeAll(location);
    recentStores.prepend(location);
    while (recentStores.size() > kMaxRecentStores)
        recentStores.removeLast();
}

} // namespace dpp::ui
