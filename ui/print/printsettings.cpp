#include "printsettings.h"

#include <QVariantMap>

namespace dpp::ui {

PrintSettings PrintSettings::load(const QSettings& s)
{
    PrintSettings out;
    out.zplHosts = s.value(QStringLiteral("printing/zplHosts")).toStringList();
    out.zplQueues = s.value(QStringLiteral("printing/zplQueues")).toStringList();
    out.lastTarget = s.value(QStringLiteral("printing/lastTarget")).toString();
    out.verify = s.value(QStringLiteral("printing/verify"), true).toBool();
    const QVariantMap cal = s.value(QStringLiteral("printing/calibration")).toMap();
    for (auto it = cal.begin(); it != cal.end(); ++it) {
        const QVariantMap m = it.value().toMap();
        PrinterCalibrationSetting c;
        c.offsetXMm = m.value(QStringLiteral("offsetXMm")).toDouble();
        c.offsetYMm = m.value(QStringLiteral("offsetYMm")).toDouble();
        c.dpi = m.value(QStringLiteral("dpi")).toInt();
        out.calibration.insert(it.key(), c);
    }
    return out;
}

PrintSettings PrintSettings::load()
{
    return load(QSettings());
}

void PrintSettings::save(QSettings& s) const
{
    s.setValue(QStringLiteral("printing/zplHosts"), zplHosts);
    s.setValue(QStringLiteral("printing/zplQueues"), zplQueues);
    s.setValue(QStringLiteral("printing/lastTarget"), lastTarget);
    s.setValue(QStringLiteral("printing/verify"), verify);
    QVariantMap cal;
    for (auto it = calibration.begin(); it != calibration.end(); ++it) {
        cal.insert(it.key(), QVariantMap{{QStringLiteral("offsetXMm"), it->offsetXMm},
                                         {QStringLiteral("offsetYMm"), it->offsetYMm},
                                         {QStringLiteral("dpi"), it->dpi}});
    }
    s.setValue(QStringLiteral("printing/calibration"), cal);
}

} // namespace dpp::ui
