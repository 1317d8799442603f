#include "labelrenderer.h"

#include "linearsymbol.h"
#include "mergetemplate.h"
#include "symbol/symbolpath.h"
#include "symbol/symbolrenderer.h"

#include <QDir>
#include <QFileInfo>
#include <QPaintEngine>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextLayout>
#include <cmath>
#include <numeric>
#include <poppler-qt6.h>

namespace dpp::label {

namespace {
QString elementPath(int index)
{
    return QStringLiteral("$.elements[%1]").arg(index);
}

// Rotation about the element box centre.
void applyRotation(QPainter& p, const LabelElement& e)
{
    if (e.rotation == 0)
        return;
    const QPointF c = e.rectMm().center();
    p.translate(c);
    p.rotate(e.rotation);
    p.translate(-c);
}
} // namespace

LabelRenderer::LabelRenderer(const LabelDocument& document, RenderSettings settings)
    : m_document(document), m_settings(settings)
{}

LabelRenderer::~LabelRenderer() = default;

double LabelRenderer::snappedModuleMm(double moduleMm, int dpi)
{
    if (dpi <= 0)
        return moduleMm;
    const double dots = std::max(1.0, std::round(moduleMm * dpi / 25.4));
    return dots * 25.4 / dpi;
}

double LabelRenderer::gs1MinimumModuleMm(symbol::Symbology symbology)
{
    return symbology == symbol::Symbology::Qr ? 0.396 : 0.255;
}

Result<PlacedSymbol> LabelRenderer::placeSymbol(int index, const MergeRecord& record) const
{
    const LabelElement& e = m_document.elements.at(index);
    const QString path = elementPath(index);
    symbol::SymbolContent content;
    switch (e.contentKind) {
    case LabelElement::ContentKind::DigitalLink: {
        if (!record.has(QStringLiteral("digital_link")))
            return Error{
                path + QStringLiteral(".content_kind"),
                QStringLiteral("the record has no Digital Link (no GTIN in the merge source)"),
                QStringLiteral("unknown_merge_field")};
        content = symbol::SymbolContent::text(record.value(QStringLiteral("digital_link")));
        break;
    }
    case LabelElement::ContentKind::ElementString: {
        auto text = MergeTemplate::expand(e.content, record, path + QStringLiteral(".content"));
        if (!text)
            return text.error();
        auto c = symbol::SymbolContent::fromElementString(text.value());
        if (!c)
            return Error{path + QStringLiteral(".content"), c.error().message, c.error().code};
        content = c.value();
        break;
    }
    case LabelElement::ContentKind::Literal: {
        auto text = MergeTemplate::expand(e.content, record, path + QStringLiteral(".content"));
        if (!text)
            return text.error();
        content = symbol::SymbolContent::text(text.value());
        break;
    }
    }
    const auto symbology =
        e.type == LabelElement::Type::Qr ? symbol::Symbology::Qr : symbol::Symbology::DataMatrix;
    symbol::QrOptions qr;
    qr.ecLevel = symbol::qrEcLevelFromName(e.qrEc).value_or(symbol::QrEcLevel::M);
    auto matrix = symbol::SymbolRenderer::encode(symbology, content, qr);
    if (!matrix)
        return Error{path + QStringLiteral(".content"), matrix.error().message,
                     matrix.error().code};
    PlacedSymbol placed;
    placed.element = index;
    placed.matrix = matrix.value();
    placed.content = content;
    placed.expected = content.data;
    placed.moduleMm = snappedModuleMm(e.moduleMm.toMm(), m_settings.dpi);
    placed.rectMm = QRectF(e.x.toMm(), e.y.toMm(), placed.matrix.totalWidth() * placed.moduleMm,
                           placed.matrix.totalHeight() * placed.moduleMm);
    return placed;
}

Result<QList<PlacedSymbol>> LabelRenderer::symbols(const MergeRecord& record) const
{
    QList<PlacedSymbol> out;
    for (int i = 0; i < m_document.elements.size(); ++i) {
        if (!m_document.elements.at(i).isSymbol())
            continue;
        auto s = placeSymbol(i, record);
        if (!s)
            return s.error();
        out.append(s.value());
    }
    return out;
}

QList<Error> LabelRenderer::designWarnings(const MergeRecord& sample) const
{
    QList<Error> warnings;
    for (int i = 0; i < m_document.elements.size(); ++i) {
        const LabelElement& e = m_document.elements.at(i);
        if (m_settings.thermal) {
            // What the user designed in colour and a thermal printer cannot show.
            auto colourWarning = [&](const QColor& c, const QString& key) {
                if (LabelElement::isBlackOrWhite(c))
                    return;
                warnings.append(Error{
                    elementPath(i) + u'.' + key,
                    QStringLiteral("colour %1 prints as %2 on a black-only (thermal/ZPL) printer")
                        .arg(c.name(), LabelElement::blackOrWhite(c) == QColor(Qt::black)
                                           ? QStringLiteral("black")
                                           : QStringLiteral("white")),
                    QStringLiteral("colour_mapped")});
            };
            if (e.type == LabelElement::Type::Text)
                colourWarning(e.textColour, QStringLiteral("fill"));
            if (e.type == LabelElement::Type::Line || e.type == LabelElement::Type::Rect ||
                e.type == LabelElement::Type::Ellipse) {
                colourWarning(e.stroke, QStringLiteral("stroke"));
                colourWarning(e.fill, QStringLiteral("fill"));
            }
        }
        if (!e.isSymbol())
            continue;
        const QString path = elementPath(i) + QStringLiteral(".module");
        const double designed = e.moduleMm.toMm();
        const double snapped = snappedModuleMm(designed, m_settings.dpi);
        if (std::abs(snapped - designed) > 0.1 * designed)
            warnings.append(
                Error{path,
                      QStringLiteral("at %1 dpi the module snaps from %2 mm to %3 mm (%4 %)")
                          .arg(m_settings.dpi)
                          .arg(designed, 0, 'f', 3)
                          .arg(snapped, 0, 'f', 3)
                          .arg((snapped - designed) / designed * 100, 0, 'f', 0),
                      QStringLiteral("module_snapped")});
        const auto symbology = e.type == LabelElement::Type::Qr ? symbol::Symbology::Qr
                                                                : symbol::Symbology::DataMatrix;
        if (snapped < gs1MinimumModuleMm(symbology) - 1e-9)
            warnings.append(
                Error{path,
                      QStringLiteral("module %1 mm is below the GS1 minimum X-dimension %2 mm")
                          .arg(snapped, 0, 'f', 3)
                          .arg(gs1MinimumModuleMm(symbology)),
                      QStringLiteral("below_gs1_minimum")});
        auto placed = placeSymbol(i, sample);
        if (placed && (placed->rectMm.width() > e.width.toMm() + 0.01 ||
                       placed->rectMm.height() > e.height.toMm() + 0.01))
            warnings.append(
                Error{elementPath(i),
                      QStringLiteral("the symbol (%1 × %2 mm with quiet zone) overflows its box")
                          .arg(placed->rectMm.width(), 0, 'f', 1)
                          .arg(placed->rectMm.height(), 0, 'f', 1),
                      QStringLiteral("symbol_overflow")});
    }
    return warnings;
}

Status LabelRenderer::paintText(QPainter& p, const LabelElement& e, const QString& path,
                                const MergeRecord& record)
{
    auto text = MergeTemplate::expand(e.text, record, path + QStringLiteral(".text"));
    if (!text)
        return text.error();
    QFont font(e.fontFamily);
    font.setBold(e.bold);
    font.setItalic(e.italic);
    // Sizes in the painter's millimetre units: 1 pt = 25.4/72 mm. A pixel
    // size of 100 scaled down keeps metrics independent of the device dpi.
    constexpr double kUnitsPerEm = 100;
    font.setPixelSize(int(kUnitsPerEm));
    font.setHintingPreference(QFont::PreferNoHinting);
    double emMm = e.fontSizePt * 25.4 / 72;
    const QRectF box = e.rectMm();
    QTextOption option(e.alignment);
    option.setWrapMode(QTextOption::WordWrap);
    auto measure = [&](double em) {
        const double s = em / kUnitsPerEm;
        const QRectF unscaled(0, 0, box.width() / s, 1e6);
        const QFontMetricsF fm(font);
        return fm.boundingRect(unscaled, int(e.alignment) | Qt::TextWordWrap, text.value()).size() *
               s;
    };
    if (e.shrinkToFit) {
        // Shrink in 5 % steps until it fits; a floor keeps it readable-ish.
        for (int i = 0; i < 40; ++i) {
            const QSizeF size = measure(emMm);
            if (size.width() <= box.width() + 1e-6 && size.height() <= box.height() + 1e-6)
                break;
            emMm *= 0.95;
        }
    }
    const double s = emMm / kUnitsPerEm;
    p.save();
    applyRotation(p, e);
    p.translate(box.topLeft());
    p.scale(s, s);
    p.setFont(font);
    p.setPen(m_settings.thermal ? LabelElement::blackOrWhite(e.textColour) : e.textColour);
    p.setRenderHint(QPainter::TextAntialiasing, !m_settings.thermal);
    p.setRenderHint(QPainter::Antialiasing, !m_settings.thermal);
    p.drawText(QRectF(0, 0, box.width() / s, box.height() / s), text.value(), option);
    p.restore();
    return Ok{};
}

const QImage* LabelRenderer::cachedImage(const LabelElement& e, const QString& path, Error* error)
{
    const QString key = e.imagePath + QLatin1Char('#') + QString::number(e.page);
    auto it = m_images.find(key);
    if (it != m_images.end())
        return &it.value();
    const QString file = QFileInfo(e.imagePath).isRelative() && !m_document.baseDir.isEmpty()
                             ? QDir(m_document.baseDir).filePath(e.imagePath)
                             : e.imagePath;
    QImage image(file);
    if (image.isNull()) {
        *error = Error{path + QStringLiteral(".path"),
                       QStringLiteral("cannot read image %1").arg(file), QStringLiteral("io")};
        return nullptr;
    }
    if (m_settings.thermal || e.monochrome)
        image = image.convertToFormat(QImage::Format_Mono, Qt::MonoOnly | Qt::DiffuseDither);
    return &m_images.insert(key, image).value();
}

Status LabelRenderer::paintImage(QPainter& p, const LabelElement& e, const QString& path)
{
    const QString file = QFileInfo(e.imagePath).isRelative() && !m_document.baseDir.isEmpty()
                             ? QDir(m_document.baseDir).filePath(e.imagePath)
                             : e.imagePath;
    const QString suffix = QFileInfo(file).suffix().toLower();
    const QRectF box = e.rectMm();
    p.save();
    applyRotation(p, e);
    Status result = Ok{};
    if (suffix == QLatin1String("svg") && !m_settings.thermal) {
        // Vector stays vector on PDF/SVG devices.
        QSvgRenderer svg(file);
        if (!svg.isValid())
            result = Error{path + QStringLiteral(".path"),
                           QStringLiteral("cannot read SVG %1").arg(file), QStringLiteral("io")};
        else
            svg.render(&p, box);
    } else if (suffix == QLatin1String("pdf") && !m_settings.thermal) {
        std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(file);
        if (!pdf || pdf->isLocked() || e.page > pdf->numPages()) {
            result = Error{path + QStringLiteral(".page"),
                           QStringLiteral("cannot read page %1 of %2").arg(e.page).arg(file),
                           QStringLiteral("io")};
        } else {
            // Poppler's QPainter backend draws the page as vector operations.
            pdf->setRenderBackend(Poppler::Document::QPainterBackend);
            std::unique_ptr<Poppler::Page> page(pdf->page(e.page - 1));
            const QSizeF pt = page->pageSizeF();
            p.translate(box.topLeft());
            p.scale(box.width() / (pt.width() * 25.4 / 72),
                    box.height() / (pt.height() * 25.4 / 72));
            p.scale(25.4 / 72, 25.4 / 72);
            if (!page->renderToPainter(&p, 72, 72))
                result =
                    Error{path + QStringLiteral(".page"),
                          QStringLiteral("Poppler could not draw the page"), QStringLiteral("io")};
        }
    } else {
        Error error;
        const QImage* image = nullptr;
        if (suffix == QLatin1String("svg") || suffix == QLatin1String("pdf")) {
            // Thermal: rasterise the vector source at the printer dpi, then go 1-bit.
            const QString key = file + QStringLiteral("#thermal");
            if (!m_images.contains(key)) {
                const int dpi = m_settings.dpi > 0 ? m_settings.dpi : 300;
                QImage raster(QSize(int(box.width() * dpi / 25.4), int(box.height() * dpi / 25.4)),
                              QImage::Format_ARGB32);
                raster.fill(Qt::white);
                if (suffix == QLatin1String("svg")) {
                    QPainter rp(&raster);
                    QSvgRenderer(file).render(&rp);
                } else if (auto pdf = Poppler::Document::load(file);
                           pdf && e.page <= pdf->numPages()) {
                    std::unique_ptr<Poppler::Page> page(pdf->page(e.page - 1));
                    raster = page->renderToImage(dpi, dpi).scaled(raster.size());
                }
                m_images.insert(key, raster.convertToFormat(QImage::Format_Mono,
                                                            Qt::MonoOnly | Qt::DiffuseDither));
            }
            image = &m_images[key];
        } else {
            image = cachedImage(e, path, &error);
        }
        if (!image)
            result = error;
        else
            p.drawImage(box, *image);
    }
    p.restore();
    return result;
}

void LabelRenderer::paintSymbolRuns(QPainter& p, const symbol::SymbolMatrix& matrix,
                                    double moduleMm, QPointF topLeft)
{
    // PDF only (profiled: 40 % of a 10,000-label job was zlib deflating the
    // page content). Qt's PDF engine writes drawRects() natively as "re"
    // operators in the painter's local units under one "cm", so in module
    // units each dark run of a row is a few small integers ("3 7 5 1 re"),
    // against two long device coordinates per outline corner for a path. All
    // runs end in one "f": a single fill, so viewers show no seams.
    p.fillRect(
        QRectF(topLeft, QSizeF(matrix.totalWidth() * moduleMm, matrix.totalHeight() * moduleMm)),
        Qt::white);
    // A run with the same span as one ending on the row above extends that
    // rectangle downwards (finder patterns, timing gaps): fewer operators.
    m_runs.clear();
    m_open.clear();
    for (int y = 0; y < matrix.height(); ++y) {
        m_next.clear();
        qsizetype above = 0;
        int x = 0;
        while (x < matrix.width()) {
            if (!matrix.isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < matrix.width() && matrix.isDark(x, y))
                ++x;
            while (above < m_open.size() && m_runs[m_open[above]].left() < start)
                ++above;
            if (above < m_open.size() && m_runs[m_open[above]].left() == start &&
                m_runs[m_open[above]].width() == x - start) {
                QRectF& r = m_runs[m_open[above]];
                r.setHeight(r.height() + 1);
                m_next.append(m_open[above]);
            } else {
                m_next.append(m_runs.size());
                m_runs.append(QRectF(start, y, x - start, 1));
            }
        }
        std::swap(m_open, m_next);
    }
    p.save();
    p.translate(topLeft + QPointF(matrix.quietZone() * moduleMm, matrix.quietZone() * moduleMm));
    p.scale(moduleMm, moduleMm);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::black);
    p.drawRects(m_runs.constData(), int(m_runs.size()));
    p.restore();
}

Status LabelRenderer::paint(QPainter& p, const MergeRecord& record)
{
    const QList<LabelElement>& elements = m_document.elements;
    // Paint order by z, stable in file order; indices kept for error paths.
    QList<int> order(elements.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return elements[a].z < elements[b].z; });
    p.save();
    p.translate(m_document.calibration.offsetX.toMm(), m_document.calibration.offsetY.toMm());
    for (int i : order) {
        const LabelElement& e = elements.at(i);
        const QString path = elementPath(i);
        switch (e.type) {
        case LabelElement::Type::Text:
            if (Status s = paintText(p, e, path, record); !s) {
                p.restore();
                return s;
            }
            break;
        case LabelElement::Type::Qr:
        case LabelElement::Type::DataMatrix: {
            auto placed = placeSymbol(i, record);
            if (!placed) {
                p.restore();
                return placed.error();
            }
            p.save();
            applyRotation(p, e);
            p.setRenderHint(QPainter::Antialiasing, false);
            if (p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Pdf)
                paintSymbolRuns(p, placed->matrix, placed->moduleMm, placed->rectMm.topLeft());
            else
                symbol::SymbolPath::paint(&p, placed->matrix, placed->moduleMm,
                                          placed->rectMm.topLeft());
            p.restore();
            break;
        }
        case LabelElement::Type::Linear: {
            auto text = MergeTemplate::expand(e.content, record, path + QStringLiteral(".content"));
            if (!text) {
                p.restore();
                return text.error();
            }
            auto linear = LinearSymbol::encode(e.linearType, text.value(), e.humanReadable,
                                               path + QStringLiteral(".content"));
            if (!linear) {
                p.restore();
                return linear.error();
            }
            p.save();
            applyRotation(p, e);
            linear->paint(p, e.rectMm());
            p.restore();
            break;
        }
        case LabelElement::Type::Image:
            if (Status s = paintImage(p, e, path); !s) {
                p.restore();
                return s;
            }
            break;
        case LabelElement::Type::Line:
        case LabelElement::Type::Rect:
        case LabelElement::Type::Ellipse: {
            p.save();
            applyRotation(p, e);
            // Straight rules print crisp without antialiasing on raster devices.
            p.setRenderHint(QPainter::Antialiasing,
                            e.type == LabelElement::Type::Ellipse && !m_settings.thermal);
            // A thermal printer has black only: colours map to black or white.
            const QColor stroke =
                m_settings.thermal ? LabelElement::blackOrWhite(e.stroke) : e.stroke;
            const QColor fill = m_settings.thermal ? LabelElement::blackOrWhite(e.fill) : e.fill;
            QPen pen(stroke, e.lineWidth.toMm());
            pen.setCapStyle(Qt::FlatCap);
            pen.setJoinStyle(Qt::MiterJoin);
            p.setPen(e.lineWidth.toMm() > 0 && stroke.alpha() > 0 ? pen : QPen(Qt::NoPen));
            p.setBrush(fill.alpha() > 0 ? QBrush(fill) : QBrush(Qt::NoBrush));
            if (e.type == LabelElement::Type::Line)
                p.drawLine(QPointF(e.x.toMm(), e.y.toMm()),
                           QPointF(e.x.toMm() + e.width.toMm(), e.y.toMm() + e.height.toMm()));
            else if (e.type == LabelElement::Type::Rect)
                p.drawRect(e.rectMm());
            else
                p.drawEllipse(e.rectMm());
            p.restore();
            break;
        }
        }
    }
    p.restore();
    return Ok{};
}

} // namespace dpp::label
