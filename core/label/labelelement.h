// LabelElement: one object on a label (text, 2D symbol, linear barcode,
// image, line, rectangle, ellipse) with its box in millimetres from the
// label's top-left corner, rotation about the box centre, z-order and lock.
// One value type with per-kind fields keeps JSON, undo and copying simple.
#pragma once

#include "distance.h"
#include "result.h"

#include <QColor>
#include <QJsonObject>
#include <QRectF>
#include <QString>

namespace dpp::label {

class LabelElement
{
public:
    enum class Type { Text, Qr, DataMatrix, Linear, Image, Line, Rect, Ellipse };
    enum class ContentKind { DigitalLink, ElementString, Literal };
    enum class LinearType { Ean13, UpcA, Gs1_128 };

    Type type = Type::Text;
    QString id;
    Distance x, y, width, height;
    double rotation = 0; // degrees clockwise about the box centre
    int z = 0;           // higher draws later (on top)
    bool locked = false;

    // Text
    QString text; // may hold {{merge fields}}; '\n' breaks lines
    QString fontFamily = QStringLiteral("DejaVu Sans");
    double fontSizePt = 10;
    bool bold = false;
    bool italic = false;
    Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignTop;
    bool shrinkToFit = false;
    bool printerFont = false; // ZPL: use the printer's scalable font (^A0) instead of a graphic
    // The glyphs' colour; in JSON "fill" as in SVG (text is filled), written only when
    // not black so older files stay byte-identical.
    QColor textColour = Qt::black;

    // QR / DataMatrix / Linear
    ContentKind contentKind = ContentKind::DigitalLink;
    QString content; // ElementString / Literal, with merge fields; DigitalLink uses the record's
    Distance moduleMm = Distance::mm(0.5);
    QString qrEc = QStringLiteral("M");
    LinearType linearType = LinearType::Ean13;
    bool humanReadable = true; // linear: the digits under the bars

    // Image: a file path (PNG/JPEG/SVG/PDF); PDF uses `page` (1-based).
    QString imagePath;
    int page = 1;
    bool monochrome = false; // thermal: threshold to 1 bit

    // Shapes. JSON "stroke"/"fill": "#rrggbb" or "none" (transparent = none).
    Distance lineWidth = Distance::mm(0.3);
    QColor stroke = Qt::black;
    QColor fill = Qt::transparent;

    // How a colour prints on a black-only device (thermal/ZPL): none stays none, dark
    // colours (ITU-R 601 luminance below 50 %) print black, light ones white.
    static QColor blackOrWhite(const QColor& colour);
    // Whether `colour` prints as itself on such a device (black, white or none).
    static bool isBlackOrWhite(const QColor& colour);

    bool isSymbol() const { return type == Type::Qr || type == Type::DataMatrix; }
    QRectF rectMm() const { return QRectF(x.toMm(), y.toMm(), width.toMm(), height.toMm()); }

    static QString typeName(Type type);
    static Result<LabelElement> fromJson(const QJsonObject& object, const QString& path);
    QJsonObject toJson() const;
};

} // namespace dpp::label
