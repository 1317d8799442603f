#include "printercalibration.h"

#include "jsonfields.h"

namespace dpp::label {

namespace {
const QStringList kMedia = {QStringLiteral("gap"), QStringLiteral("continuous"),
                            QStringLiteral("mark")};
const QStringList kType = {QStringLiteral("direct"), QStringLiteral("transfer")};
} // namespace

Result<PrinterCalibration> PrinterCalibration::fromJson(const QJsonObject& object,
                                                        const QString& path)
{
    const JsonFields f(object, path);
    PrinterCalibration c;
    DPP_TAKE(c.offsetX, f.distance(QStringLiteral("offset_x"), {}, -50, 50));
    DPP_TAKE(c.offsetY, f.distance(QStringLiteral("offset_y"), {}, -50, 50));
    DPP_TAKE(c.dpi, f.integer(QStringLiteral("dpi"), 203, 72, 2400));
    DPP_TAKE(c.darkness, f.integer(QStringLiteral("darkness"), 15, 0, 30));
    DPP_TAKE(c.speed, f.integer(QStringLiteral("speed"), 4, 1, 14));
    QString media, type;
    DPP_TAKE(media, f.choice(QStringLiteral("media"), kMedia, QStringLiteral("gap")));
    DPP_TAKE(type, f.choice(QStringLiteral("media_type"), kType, QStringLiteral("direct")));
    c.media = Media(kMedia.indexOf(media));
    c.mediaType = MediaType(kType.indexOf(type));
    return c;
}

QJsonObject PrinterCalibration::toJson() const
{
    return QJsonObject{{QStringLiteral("offset_x"), offsetX.toMm()},
                       {QStringLiteral("offset_y"), offsetY.toMm()},
                       {QStringLiteral("dpi"), dpi},
                       {QStringLiteral("darkness"), darkness},
                       {QStringLiteral("speed"), speed},
                       {QStringLiteral("media"), kMedia.at(int(media))},
                       {QStringLiteral("media_type"), kType.at(int(mediaType))}};
}

} // namespace dpp::label
