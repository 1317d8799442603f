// PrinterCalibration: how one printer needs the design nudged and fed:
// offsets, resolution, darkness, speed and media sensing. Kept apart from
// the design so a label moves between printers without being edited.
#pragma once

#include "distance.h"
#include "result.h"

#include <QJsonObject>

namespace dpp::label {

struct PrinterCalibration
{
    enum class Media { Gap, Continuous, Mark };
    enum class MediaType { Direct, Transfer };

    Distance offsetX; // added to every element: where the printer really starts
    Distance offsetY;
    int dpi = 203;     // 203 / 300 / 600 for thermal; office printers use 300+
    int darkness = 15; // ZPL ~SD 0–30
    int speed = 4;     // ZPL ^PR inches per second, 1–14
    Media media = Media::Gap;
    MediaType mediaType = MediaType::Direct;

    static Result<PrinterCalibration> fromJson(const QJsonObject& object, const QString& path);
    QJsonObject toJson() const;
};

} // namespace dpp::label
