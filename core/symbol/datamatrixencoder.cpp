#include "datamatrixencoder.h"

#include <dmtx.h>
#include <memory>

namespace dpp::symbol {

namespace {

constexpr int kSizeCount = DmtxSymbol16x48 + 1;

QSize sizeOf(int sizeIdx)
{
    return QSize(dmtxGetSymbolAttribute(DmtxSymAttribSymbolCols, sizeIdx),
                 dmtxGetSymbolAttribute(DmtxSymAttribSymbolRows, sizeIdx));
}

bool isSquare(int sizeIdx)
{
    return sizeIdx < DmtxSymbol8x18;
}

struct EncodeDeleter
{
    void operator()(DmtxEncode* enc) const { dmtxEncodeDestroy(&enc); }
};

QString sizeText(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

} // namespace

QList<QSize> DataMatrixEncoder::supportedSizes()
{
    QList<QSize> sizes;
    for (int i = 0; i < kSizeCount; ++i)
        sizes << sizeOf(i);
    return sizes;
}

Status DataMatrixEncoder::validate(const DataMatrixOptions& options)
{
    if (!options.size.isValid())
        return Ok{};
    const bool wantSquare = options.shape == DataMatrixShape::Square;
    QStringList allowed;
    for (int i = 0; i < kSizeCount; ++i) {
        if (isSquare(i) != wantSquare)
            continue;
        if (sizeOf(i) == options.size)
            return Ok{};
        allowed << sizeText(sizeOf(i));
    }
    return Error{QStringLiteral("size"),
                 QStringLiteral("%1 is not a %2 DataMatrix size; use one of %3")
                     .arg(sizeText(options.size),
                          wantSquare ? QStringLiteral("square") : QStringLiteral("rectangular"),
                          allowed.join(QStringLiteral(", "))),
                 QStringLiteral("invalid_size")};
}

Result<SymbolMatrix> DataMatrixEncoder::encode(const SymbolContent& content) const
{
    return content.isGs1() ? encodeGs1(content.data) : encodeText(content.data);
}

Result<SymbolMatrix> DataMatrixEncoder::encodeText(QByteArrayView data) const
{
    return encodeBytes(data.toByteArray(), false);
}

Result<SymbolMatrix> DataMatrixEncoder::encodeGs1(QByteArrayView encoderData) const
{
    // With DmtxPropFnc1 every GS byte becomes an FNC1 codeword, so a leading
    // GS gives the FNC1 in first position that makes it GS1 DataMatrix (]d2).
    QByteArray data;
    data.reserve(encoderData.size() + 1);
    data += '\x1d';
    data += encoderData;
    return encodeBytes(std::move(data), true);
}

Result<SymbolMatrix> DataMatrixEncoder::encodeBytes(QByteArray data, bool gs1) const
{
    if (auto ok = validate(m_options); !ok)
        return ok.error();
    if (data.isEmpty() || (gs1 && data.size() == 1))
        return Error{QStringLiteral("data"), QStringLiteral("nothing to encode"),
                     QStringLiteral("empty")};
    int sizeRequest =
        m_options.shape == DataMatrixShape::Square ? DmtxSymbolSquareAuto : DmtxSymbolRectAuto;
    if (m_options.size.isValid()) {
        for (int i = 0; i < kSizeCount; ++i)
            if (sizeOf(i) == m_options.size && isSquare(i) == (sizeRequest == DmtxSymbolSquareAuto))
                sizeRequest = i;
    }
    std::unique_ptr<DmtxEncode, EncodeDeleter> enc(dmtxEncodeCreate());
    if (!enc)
        return Error{QStringLiteral("data"), QStringLiteral("DataMatrix encoder could not start"),
                     QStringLiteral("encode_failed")};
    // ASCII encodation packs digit pairs into one codeword (GS1 data is mostly
    // digits) and is the scheme libdmtx supports FNC1 in.
    dmtxEncodeSetProp(enc.get(), DmtxPropScheme, DmtxSchemeAscii);
    dmtxEncodeSetProp(enc.get(), DmtxPropSizeRequest, sizeRequest);
    dmtxEncodeSetProp(enc.get(), DmtxPropModuleSize, 1);
    dmtxEncodeSetProp(enc.get(), DmtxPropMarginSize, 0);
    if (gs1)
        dmtxEncodeSetProp(enc.get(), DmtxPropFnc1, 0x1d);
    if (dmtxEncodeDataMatrix(enc.get(), int(data.size()),
                             reinterpret_cast<unsigned char*>(data.data())) != DmtxPass) {
        const int payload = int(data.size()) - (gs1 ? 1 : 0);
        if (m_options.size.isValid())
            return Error{QStringLiteral("size"),
                         QStringLiteral("%1 bytes do not fit a %2 DataMatrix")
                             .arg(payload)
                             .arg(sizeText(m_options.size)),
                         QStringLiteral("too_long")};
        return Error{QStringLiteral("data"),
                     QStringLiteral("%1 bytes do not fit any %2 DataMatrix")
                         .arg(payload)
                         .arg(m_options.shape == DataMatrixShape::Square
                                  ? QStringLiteral("square")
                                  : QStringLiteral("rectangular")),
                     QStringLiteral("too_long")};
    }
    const int sizeIdx = enc->region.sizeIdx;
    const QSize size = sizeOf(sizeIdx);
    SymbolMatrix matrix(Symbology::DataMatrix, size.width(), size.height());
    // With module size 1 and margin 0 each image pixel is one module, so the
    // grid is read straight from libdmtx's pixels (RGB, dark = 0). libdmtx's y
    // axis points up: its row 0 is the symbol's bottom edge.
    const DmtxImage* image = enc->image;
    if (!image || image->width != size.width() || image->height != size.height())
        return Error{QStringLiteral("data"), QStringLiteral("unexpected DataMatrix image"),
                     QStringLiteral("encode_failed")};
    for (int y = 0; y < size.height(); ++y) {
        const int offset = dmtxImageGetByteOffset(enc->image, 0, y);
        const unsigned char* pixel = image->pxl + offset;
        const int row = size.height() - 1 - y;
        for (int x = 0; x < size.width(); ++x, pixel += image->bytesPerPixel)
            if (*pixel == 0)
                matrix.setDark(x, row);
    }
    return matrix;
}

} // namespace dpp::symbol
