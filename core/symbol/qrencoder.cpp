#include "qrencoder.h"

#include <cerrno>
#include <memory>
#include <qrencode.h>
#include <zint.h>

namespace dpp::symbol {

namespace {

QRecLevel toLibLevel(QrEcLevel level)
{
    switch (level) {
    case QrEcLevel::L:
        return QR_ECLEVEL_L;
    case QrEcLevel::M:
        return QR_ECLEVEL_M;
    case QrEcLevel::Q:
        return QR_ECLEVEL_Q;
    case QrEcLevel::H:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

struct QrCodeDeleter
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};
struct ZintDeleter
{
    void operator()(zint_symbol* symbol) const { ZBarcode_Delete(symbol); }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeDeleter>;

Error tooLong(const QrOptions& options, int size)
{
    if (options.version > 0)
        return Error{QStringLiteral("version"),
                     QStringLiteral("%1 bytes do not fit QR version %2 at error correction %3")
                         .arg(size)
                         .arg(options.version)
                         .arg(qrEcLevelLetter(options.ecLevel)),
                     QStringLiteral("too_long")};
    return Error{QStringLiteral("data"),
                 QStringLiteral("%1 bytes do not fit any QR version at error correction %2")
                     .arg(size)
                     .arg(qrEcLevelLetter(options.ecLevel)),
                 QStringLiteral("too_long")};
}

Result<SymbolMatrix> toMatrix(QrCodePtr code, const QrOptions& options, int size)
{
    if (!code)
        return errno == ERANGE ? tooLong(options, size)
                               : Error{QStringLiteral("data"),
                                       QStringLiteral("QR encoding failed (errno %1)").arg(errno),
                                       QStringLiteral("encode_failed")};
    // libqrencode treats the version as a minimum; a fixed version must hold.
    if (options.version > 0 && code->version != options.version)
        return tooLong(options, size);
    SymbolMatrix matrix(Symbology::Qr, code->width, code->width);
    matrix.setVersion(code->version);
    const unsigned char* cell = code->data;
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x, ++cell)
            if (*cell & 1) // bit 0 is the module colour; the other bits describe its role
                matrix.setDark(x, y);
    return matrix;
}

} // namespace

std::optional<QrEcLevel> qrEcLevelFromName(QStringView name)
{
    if (name.size() != 1)
        return std::nullopt;
    switch (name.at(0).toUpper().unicode()) {
    case 'L':
        return QrEcLevel::L;
    case 'M':
        return QrEcLevel::M;
    case 'Q':
        return QrEcLevel::Q;
    case 'H':
        return QrEcLevel::H;
    }
    return std::nullopt;
}

QChar qrEcLevelLetter(QrEcLevel level)
{
    static constexpr char letters[] = {'L', 'M', 'Q', 'H'};
    return QLatin1Char(letters[int(level)]);
}

Status QrEncoder::validate(const QrOptions& options)
{
    if (options.version < 0 || options.version > 40)
        return Error{QStringLiteral("version"),
                     QStringLiteral("QR version must be 1 to 40 (or 0 for automatic); got %1")
                         .arg(options.version),
                     QStringLiteral("out_of_range")};
    return Ok{};
}

Result<SymbolMatrix> QrEncoder::encode(const SymbolContent& content) const
{
    return content.isGs1() ? encodeGs1(content.aiValues) : encodeText(content.data);
}

Result<SymbolMatrix> QrEncoder::encodeText(QByteArrayView data) const
{
    if (auto ok = validate(m_options); !ok)
        return ok.error();
    if (data.isEmpty())
        return Error{QStringLiteral("data"), QStringLiteral("nothing to encode"),
                     QStringLiteral("empty")};
    errno = 0;
    QrCodePtr code(QRcode_encodeData(int(data.size()),
                                     reinterpret_cast<const unsigned char*>(data.data()),
                                     m_options.version, toLibLevel(m_options.ecLevel)));
    return toMatrix(std::move(code), m_options, int(data.size()));
}

Result<SymbolMatrix> QrEncoder::encodeGs1(const QList<gs1::AiValue>& values) const
{
    if (auto ok = validate(m_options); !ok)
        return ok.error();
    if (values.isEmpty())
        return Error{QStringLiteral("data"), QStringLiteral("nothing to encode"),
                     QStringLiteral("empty")};
    // zint's GS1 input: "[AI]value…". The GS1 engine has validated the values,
    // so zint's own checks are off; it still knows which AIs need a separator.
    QByteArray input;
    for (const gs1::AiValue& v : values)
        input += '[' + v.ai.toLatin1() + ']' + v.value.toLatin1();
    std::unique_ptr<zint_symbol, ZintDeleter> symbol(ZBarcode_Create());
    if (!symbol)
        return Error{QStringLiteral("data"), QStringLiteral("QR encoder could not start"),
                     QStringLiteral("encode_failed")};
    symbol->symbology = BARCODE_QRCODE;
    symbol->input_mode = GS1_MODE | GS1NOCHECK_MODE;
    symbol->option_1 = int(m_options.ecLevel) + 1; // zint: 1 = L … 4 = H
    symbol->option_2 = m_options.version;
    const int rc = ZBarcode_Encode(
        symbol.get(), reinterpret_cast<const unsigned char*>(input.constData()), int(input.size()));
    if (rc >= ZINT_ERROR) {
        if (rc == ZINT_ERROR_TOO_LONG)
            return tooLong(m_options, int(input.size()));
        return Error{
            QStringLiteral("data"),
            QStringLiteral("GS1 QR encoding failed: %1").arg(QString::fromLatin1(symbol->errtxt)),
            QStringLiteral("encode_failed")};
    }
    const int width = symbol->width;
    const int version = (width - 17) / 4;
    if (m_options.version > 0 && version != m_options.version)
        return tooLong(m_options, int(input.size()));
    SymbolMatrix matrix(Symbology::Qr, width, symbol->rows);
    matrix.setVersion(version);
    // zint packs each row's modules into bits, least significant bit first.
    for (int y = 0; y < symbol->rows; ++y)
        for (int x = 0; x < width; ++x)
            if ((symbol->encoded_data[y][x >> 3] >> (x & 7)) & 1)
                matrix.setDark(x, y);
    return matrix;
}

} // namespace dpp::symbol
