#include "labelelement.h"

#include "jsonfields.h"

#include <QRegularExpression>

namespace dpp::label {

namespace {
const QStringList kTypes = {QStringLiteral("text"),       QStringLiteral("qr"),
                            QStringLiteral("datamatrix"), QStringLiteral("linear"),
                            QStringLiteral("image"),      QStringLiteral("line"),
                            QStringLiteral("rect"),       QStringLiteral("ellipse")};
const QStringList kContent = {QStringLiteral("digital_link"), QStringLiteral("element_string"),
                              QStringLiteral("literal")};
const QStringList kLinear = {QStringLiteral("ean13"), QStringLiteral("upca"),
                             QStringLiteral("gs1-128")};
const QStringList kAlign = {QStringLiteral("left"), QStringLiteral("center"),
                            QStringLiteral("right")};

Result<QColor> colour(const JsonFields& f, const QString& key, const QColor& fallback,
                      bool allowNone = true)
{
    auto s = f.string(key, QString());
    if (!s)
        return s.error();
    if (s->isEmpty())
        return fallback;
    if (s.value() == QLatin1String("none")) {
        if (!allowNone)
            return Error{f.pathOf(key), QStringLiteral("text needs a colour (#rrggbb), not none"),
                         QStringLiteral("invalid_colour")};
        return QColor(Qt::transparent);
    }
    // Exactly #rrggbb: names and other notations would not survive a round trip.
    static const QRegularExpression rgb(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!rgb.match(s.value()).hasMatch())
        return Error{f.pathOf(key),
                     QStringLiteral("'%1' is not a colour (#rrggbb or none)").arg(s.value()),
                     QStringLiteral("invalid_colour")};
    return QColor::fromString(s.value());
}
QString colourName(const QColor& c)
{
    return c.alpha() == 0 ? QStringLiteral("none") : c.name();
}
} // namespace

QColor LabelElement::blackOrWhite(const QColor& colour)
{
    if (colour.alpha() == 0)
        return Qt::transparent;
    // Perceived brightness (ITU-R 601 weights): pure red and blue are dark, yellow light.
    return qGray(colour.rgb()) < 128 ? QColor(Qt::black) : QColor(Qt::white);
}

bool LabelElement::isBlackOrWhite(const QColor& colour)
{
    return colour.alpha() == 0 || colour == QColor(Qt::black) || colour == QColor(Qt::white);
}

QString LabelElement::typeName(Type type)
{
    return kTypes.at(int(type));
}

Result<LabelElement> LabelElement::fromJson(const QJsonObject& object, const QString& path)
{
    const JsonFields f(object, path);
    LabelElement e;
    QString type;
    DPP_TAKE(type, f.choice(QStringLiteral("type"), kTypes, QString()));
    e.type = Type(kTypes.indexOf(type));
    DPP_TAKE(e.id, f.string(QStringLiteral("id"), QString()));
    DPP_TAKE(e.x, f.distance(QStringLiteral("x"), {}, -1000, 2000, true));
    DPP_TAKE(e.y, f.distance(QStringLiteral("y"), {}, -1000, 2000, true));
    const bool isLine = e.type == Type::Line;
    DPP_TAKE(e.width, f.distance(QStringLiteral("width"), {}, isLine ? -2000 : 0.01, 2000, true));
    DPP_TAKE(e.height,
             f.distance(QStringLiteral("height"), {}, isLine ? -2000 : 0.01, 2000, !isLine));
    DPP_TAKE(e.rotation, f.number(QStringLiteral("rotation"), 0, -360, 360));
    DPP_TAKE(e.z, f.integer(QStringLiteral("z"), 0, -100000, 100000));
    DPP_TAKE(e.locked, f.boolean(QStringLiteral("locked"), false));

    switch (e.type) {
    case Type::Text: {
        DPP_TAKE(e.text, f.string(QStringLiteral("text"), QString(), true));
        DPP_TAKE(e.fontFamily, f.string(QStringLiteral("font"), e.fontFamily));
        DPP_TAKE(e.fontSizePt, f.number(QStringLiteral("size"), 10, 1, 500));
        DPP_TAKE(e.bold, f.boolean(QStringLiteral("bold"), false));
        DPP_TAKE(e.italic, f.boolean(QStringLiteral("italic"), false));
        DPP_TAKE(e.shrinkToFit, f.boolean(QStringLiteral("shrink_to_fit"), false));
        DPP_TAKE(e.printerFont, f.boolean(QStringLiteral("printer_font"), false));
        DPP_TAKE(e.textColour, colour(f, QStringLiteral("fill"), Qt::black, false));
        QString align;
        DPP_TAKE(align, f.choice(QStringLiteral("align"), kAlign, QStringLiteral("left")));
        e.alignment = (align == QLatin1String("center")  ? Qt::AlignHCenter
                       : align == QLatin1String("right") ? Qt::AlignRight
                                                         : Qt::AlignLeft) |
                      Qt::AlignTop;
        break;
    }
    case Type::Qr:
    case Type::DataMatrix:
    case Type::Linear: {
        QString kind;
        DPP_TAKE(kind, f.choice(QStringLiteral("content_kind"), kContent,
                                e.type == Type::Linear ? QStringLiteral("literal")
                                                       : QStringLiteral("digital_link")));
        e.contentKind = ContentKind(kContent.indexOf(kind));
        DPP_TAKE(e.content, f.string(QStringLiteral("content"), QString(),
                                     e.contentKind != ContentKind::DigitalLink));
        DPP_TAKE(e.moduleMm, f.distance(QStringLiteral("module"),
                                        Distance::mm(e.type == Type::Linear ? 0.33 : 0.5), 0.1, 5));
        DPP_TAKE(e.qrEc, f.choice(QStringLiteral("ec"),
                                  {QStringLiteral("L"), QStringLiteral("M"), QStringLiteral("Q"),
                                   QStringLiteral("H")},
                                  QStringLiteral("M")));
        if (e.type == Type::Linear) {
            QString lt;
            DPP_TAKE(lt, f.choice(QStringLiteral("symbology"), kLinear, QStringLiteral("ean13")));
            e.linearType = LinearType(kLinear.indexOf(lt));
            DPP_TAKE(e.humanReadable, f.boolean(QStringLiteral("human_readable"), true));
        }
        break;
    }
    case Type::Image:
        DPP_TAKE(e.imagePath, f.string(QStringLiteral("path"), QString(), true));
        DPP_TAKE(e.page, f.integer(QStringLiteral("page"), 1, 1, 100000));
        DPP_TAKE(e.monochrome, f.boolean(QStringLiteral("monochrome"), false));
        break;
    case Type::Line:
    case Type::Rect:
    case Type::Ellipse:
        DPP_TAKE(e.lineWidth, f.distance(QStringLiteral("line_width"), Distance::mm(0.3), 0, 50));
        DPP_TAKE(e.stroke, colour(f, QStringLiteral("stroke"), Qt::black));
        DPP_TAKE(e.fill, colour(f, QStringLiteral("fill"), Qt::transparent));
        break;
    }
    return e;
}

QJsonObject LabelElement::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), typeName(type)},
                  {QStringLiteral("x"), x.toMm()},
                  {QStringLiteral("y"), y.toMm()},
                  {QStringLiteral("width"), width.toMm()},
                  {QStringLiteral("height"), height.toMm()}};
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    if (rotation != 0)
        o.insert(QStringLiteral("rotation"), rotation);
    if (z != 0)
        o.insert(QStringLiteral("z"), z);
    if (locked)
        o.insert(QStringLiteral("locked"), true);
    switch (type) {
    case Type::Text:
        o.insert(QStringLiteral("text"), text);
        o.insert(QStringLiteral("font"), fontFamily);
        o.insert(QStringLiteral("size"), fontSizePt);
        o.insert(QStringLiteral("bold"), bold);
        o.insert(QStringLiteral("italic"), italic);
        o.insert(QStringLiteral("shrink_to_fit"), shrinkToFit);
        o.insert(QStringLiteral("printer_font"), printerFont);
        o.insert(QStringLiteral("align"), (alignment & Qt::AlignHCenter) ? kAlign[1]
                                          : (alignment & Qt::AlignRight) ? kAlign[2]
                                                                         : kAlign[0]);
        if (textColour != QColor(Qt::black))
            o.insert(QStringLiteral("fill"), colourName(textColour));
        break;
    case Type::Qr:
    case Type::DataMatrix:
    case Type::Linear:
        o.insert(QStringLiteral("content_kind"), kContent.at(int(contentKind)));
        if (!content.isEmpty())
            o.insert(QStringLiteral("content"), content);
        o.insert(QStringLiteral("module"), moduleMm.toMm());
        if (type == Type::Qr)
            o.insert(QStringLiteral("ec"), qrEc);
        if (type == Type::Linear) {
            o.insert(QStringLiteral("symbology"), kLinear.at(int(linearType)));
            o.insert(QStringLiteral("human_readable"), humanReadable);
        }
        break;
    case Type::Image:
        o.insert(QStringLiteral("path"), imagePath);
        o.insert(QStringLiteral("page"), page);
        o.insert(QStringLiteral("monochrome"), monochrome);
        break;
    case Type::Line:
    case Type::Rect:
    case Type::Ellipse:
        o.insert(QStringLiteral("line_width"), lineWidth.toMm());
        o.insert(QStringLiteral("stroke"), colourName(stroke));
        o.insert(QStringLiteral("fill"), colourName(fill));
        break;
    }
    return o;
}

} // namespace dpp::label
