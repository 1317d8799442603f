#include "symbolverifier.h"

#include "symbol/symbolpath.h"

#define ZX_USE_UTF8 1 // zxing-cpp 1.4: text() as UTF-8 bytes
#include <ZXing/ReadBarcode.h>

#include <QJsonArray>
#include <QPainter>
#include <cmath>

namespace dpp::label {

Result<QByteArray> SymbolVerifier::decode(const QImage& input)
{
    const QImage gray = input.convertToFormat(QImage::Format_Grayscale8);
    ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                          int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::DataMatrix);
    hints.setTryHarder(true);
    const ZXing::Result r = ZXing::ReadBarcode(view, hints);
    if (!r.isValid())
        return Error{QStringLiteral("symbol"), QString::fromStdString(ZXing::ToString(r.error())),
                     QStringLiteral("not_decoded")};
    return QByteArray::fromStdString(r.text());
}

Status SymbolVerifier::check(const QList<PlacedSymbol>& symbols)
{
    for (const PlacedSymbol& s : symbols) {
        const QString layout = QStringLiteral("%1x%2 @ %3 mm")
                                   .arg(s.matrix.width())
                                   .arg(s.matrix.height())
                                   .arg(s.moduleMm, 0, 'f', 3);
        const QString key = QString::number(s.element) + QLatin1Char('|') + layout;
        if (m_seen.contains(key))
            continue;
        m_seen.insert(key);
        // The same drawing call as the renderer, at whole dots per module.
        const int dots = std::max(1, int(std::lround(s.moduleMm * m_dpi / 25.4)));
        const int margin = 4 * dots; // white around the quiet zone, as the label background gives
        QImage image(s.matrix.totalWidth() * dots + 2 * margin,
                     s.matrix.totalHeight() * dots + 2 * margin, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing, false);
            symbol::SymbolPath::paint(&p, s.matrix, dots, QPointF(margin, margin));
        }
        VerificationCheck c;
        c.element = QStringLiteral("$.elements[%1]").arg(s.element);
        c.symbology = symbol::symbologyName(s.matrix.symbology());
        c.layout = layout;
        c.expected = s.expected;
        auto decoded = decode(image);
        if (decoded) {
            c.decoded = decoded.value();
            c.passed = c.decoded == c.expected;
            if (!c.passed)
                c.error = QStringLiteral("decoded content differs");
        } else {
            c.error = decoded.error().message;
        }
        m_checks.append(c);
        if (!c.passed)
            return Error{
                c.element,
                QStringLiteral(
                    "verified print: the %1 symbol (%2) does not read back as intended: %3")
                    .arg(c.symbology, layout, c.error),
                QStringLiteral("verification_failed")};
    }
    return Ok{};
}

QJsonObject SymbolVerifier::report() const
{
    QJsonArray list;
    int passed = 0;
    for (const VerificationCheck& c : m_checks) {
        passed += c.passed ? 1 : 0;
        list.append(QJsonObject{{QStringLiteral("element"), c.element},
                                {QStringLiteral("symbology"), c.symbology},
                                {QStringLiteral("layout"), c.layout},
                                {QStringLiteral("expected"), QString::fromUtf8(c.expected)},
                                {QStringLiteral("decoded"), QString::fromUtf8(c.decoded)},
                                {QStringLiteral("passed"), c.passed},
                                {QStringLiteral("error"), c.error}});
    }
    return QJsonObject{{QStringLiteral("dpi"), m_dpi},
                       {QStringLiteral("checked"), int(m_checks.size())},
                       {QStringLiteral("passed"), passed},
                       {QStringLiteral("checks"), list}};
}

} // namespace dpp::label
