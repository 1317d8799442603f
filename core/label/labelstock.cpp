#include "labelstock.h"

#include "jsonfields.h"

namespace dpp::label {

namespace {
constexpr double kMaxMm = 2000; // 2 m: longer than any label, short enough to catch unit mistakes
}

QRectF LabelStock::labelRectMm(int index) const
{
    if (!isSheet())
        return QRectF(0, 0, labelWidth.toMm(), labelHeight.toMm());
    const int i = index % labelsPerPage();
    const int col = i % columns;
    const int row = i / columns;
    return QRectF(marginLeft.toMm() + col * pitchX.toMm(), marginTop.toMm() + row * pitchY.toMm(),
                  labelWidth.toMm(), labelHeight.toMm());
}

QString LabelStock::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Sheet:
        return QStringLiteral("sheet");
    case Kind::DieCut:
        return QStringLiteral("die-cut");
    case Kind::Continuous:
        return QStringLiteral("continuous");
    }
    return {};
}

Result<LabelStock> LabelStock::fromJson(const QJsonObject& object, const QString& path)
{
    const JsonFields f(object, path);
    LabelStock s;
    DPP_TAKE(s.id, f.string(QStringLiteral("id"), {}, true));
    DPP_TAKE(s.name, f.string(QStringLiteral("name"), s.id));
    DPP_TAKE(s.vendor, f.string(QStringLiteral("vendor"), {}));
    QString kind;
    DPP_TAKE(kind, f.choice(QStringLiteral("kind"),
                            {QStringLiteral("sheet"), QStringLiteral("die-cut"),
                             QStringLiteral("continuous")},
                            QStringLiteral("die-cut")));
    s.kind = kind == QLatin1String("sheet")        ? Kind::Sheet
             : kind == QLatin1String("continuous") ? Kind::Continuous
                                                   : Kind::DieCut;
    DPP_TAKE(s.labelWidth, f.distance(QStringLiteral("width"), {}, 1, kMaxMm, true));
    DPP_TAKE(s.labelHeight, f.distance(QStringLiteral("height"), {}, 1, kMaxMm, true));
    DPP_TAKE(s.cornerRadius, f.distance(QStringLiteral("corner_radius"), {}, 0, 100));
    DPP_TAKE(s.gap, f.distance(QStringLiteral("gap"), Distance::mm(s.kind == Kind::DieCut ? 3 : 0),
                               0, 50));
    if (s.isSheet()) {
        DPP_TAKE(s.pageWidth, f.distance(QStringLiteral("page_width"), {}, 10, kMaxMm, true));
        DPP_TAKE(s.pageHeight, f.distance(QStringLiteral("page_height"), {}, 10, kMaxMm, true));
        DPP_TAKE(s.columns, f.integer(QStringLiteral("columns"), 1, 1, 100, true));
        DPP_TAKE(s.rows, f.integer(QStringLiteral("rows"), 1, 1, 100, true));
        DPP_TAKE(s.marginLeft, f.distance(QStringLiteral("left"), {}, 0, kMaxMm, true));
        DPP_TAKE(s.marginTop, f.distance(QStringLiteral("top"), {}, 0, kMaxMm, true));
        DPP_TAKE(s.pitchX,
                 f.distance(QStringLiteral("pitch_x"), s.labelWidth, s.labelWidth.toMm(), kMaxMm));
        DPP_TAKE(s.pitchY, f.distance(QStringLiteral("pitch_y"), s.labelHeight,
                                      s.labelHeight.toMm(), kMaxMm));
        // A grid that runs off the sheet is a typo in the stock file, not a layout.
        const double right =
            s.marginLeft.toMm() + (s.columns - 1) * s.pitchX.toMm() + s.labelWidth.toMm();
        const double bottom =
            s.marginTop.toMm() + (s.rows - 1) * s.pitchY.toMm() + s.labelHeight.toMm();
        if (right > s.pageWidth.toMm() + 0.5)
            return Error{f.pathOf(QStringLiteral("columns")),
                         QStringLiteral("the grid ends at %1 mm, past the page width %2 mm")
                             .arg(right)
                             .arg(s.pageWidth.toMm()),
                         QStringLiteral("out_of_range")};
        if (bottom > s.pageHeight.toMm() + 0.5)
            return Error{f.pathOf(QStringLiteral("rows")),
                         QStringLiteral("the grid ends at %1 mm, past the page height %2 mm")
                             .arg(bottom)
                             .arg(s.pageHeight.toMm()),
                         QStringLiteral("out_of_range")};
    }
    return s;
}

QJsonObject LabelStock::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("vendor"), vendor},
                  {QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("width"), labelWidth.toMm()},
                  {QStringLiteral("height"), labelHeight.toMm()}};
    if (cornerRadius.toMm() > 0)
        o.insert(QStringLiteral("corner_radius"), cornerRadius.toMm());
    if (isSheet()) {
        o.insert(QStringLiteral("page_width"), pageWidth.toMm());
        o.insert(QStringLiteral("page_height"), pageHeight.toMm());
        o.insert(QStringLiteral("columns"), columns);
        o.insert(QStringLiteral("rows"), rows);
        o.insert(QStringLiteral("left"), marginLeft.toMm());
        o.insert(QStringLiteral("top"), marginTop.toMm());
        o.insert(QStringLiteral("pitch_x"), pitchX.toMm());
        o.insert(QStringLiteral("pitch_y"), pitchY.toMm());
    } else {
        o.insert(QStringLiteral("gap"), gap.toMm());
    }
    return o;
}

} // namespace dpp::label
