// DataMatrixEncoder: ECC 200 DataMatrix through libdmtx, to a SymbolMatrix.
// GS1 DataMatrix uses libdmtx's FNC1 property (GS in the data becomes FNC1).
// libdmtx is asked for module size 1 and margin 0 so it does no image work; we draw.
#pragma once

#include "result.h"
#include "symbolcontent.h"
#include "symbolmatrix.h"

#include <QByteArrayView>
#include <QList>
#include <QSize>

namespace dpp::symbol {

enum class DataMatrixShape { Square, Rectangle };

struct DataMatrixOptions
{
    DataMatrixShape shape = DataMatrixShape::Square;
    // Fixed size in modules (columns × rows, e.g. 18×18 or 32×8); invalid = smallest that fits.
    QSize size;
};

class DataMatrixEncoder
{
public:
    explicit DataMatrixEncoder(DataMatrixOptions options = {}) : m_options(options) {}

    // The ECC 200 sizes libdmtx offers (columns × rows), squares first.
    static QList<QSize> supportedSizes();
    // Checks a fixed size is an ECC 200 size of the chosen shape; param "size".
    static Status validate(const DataMatrixOptions& options);

    Result<SymbolMatrix> encode(const SymbolContent& content) const;
    Result<SymbolMatrix> encodeText(QByteArrayView data) const;
    // GS1 DataMatrix: `encoderData` without the leading FNC1, GS (0x1D) for separators.
    Result<SymbolMatrix> encodeGs1(QByteArrayView encoderData) const;

private:
    Result<SymbolMatrix> encodeBytes(QByteArray data, bool gs1) const;
    DataMatrixOptions m_options;
};

} // namespace dpp::symbol
