// BatchRequest: what a symbol batch is made of: a serial range (GTIN + lot +
// prefix + start + count + width) or a GTIN list, the symbologies, the image
// format and how symbols look. Validated as a whole by BatchPlan before any file
// is written.
#pragma once

#include "symbol/datamatrixencoder.h"
#include "symbol/qrencoder.h"
#include "symbol/renderoptions.h"

#include <QString>
#include <QStringList>

namespace dpp::exporting {

enum class BatchSymbols { Qr, DataMatrix, Both };
enum class BatchImage { Svg, Png };

// What a symbology carries in a batch.
enum class BatchContent {
    DigitalLink,   // the GS1 Digital Link URI (plain QR / DataMatrix)
    ElementString, // the GS1 element string (GS1 QR ]Q3 / GS1 DataMatrix ]d2)
};

struct BatchRequest
{
    // Serial range: files qr/<serial>.<ext>, datamatrix/<serial>.<ext>.
    QString gtin;
    QString lot;    // optional: AI 10
    QString prefix; // serial prefix, e.g. "SN"
    qint64 start = 1;
    qint64 count = 0;
    int width = 6; // digits of the running number, zero-padded

    // GTIN list (used instead of the range when not empty): files
    // <gtin>_qr.<ext>, <gtin>_datamatrix.<ext>. `lot` applies to all when set.
    QStringList gtins;

    BatchSymbols symbols = BatchSymbols::Both;
    BatchImage image = BatchImage::Svg;
    // GS1 practice: Digital Link in QR, element string in DataMatrix.
    BatchContent qrContent = BatchContent::DigitalLink;
    BatchContent dataMatrixContent = BatchContent::ElementString;
    QString base = QStringLiteral("https://id.gs1.org"); // resolver for the Digital Links

    symbol::RenderOptions render;
    symbol::QrOptions qr;
    symbol::DataMatrixOptions dataMatrix;
    int threads = 0; // 0 = every core

    bool isList() const { return !gtins.isEmpty(); }
};

// Largest batch one request may ask for (one ZIP stays below ZIP64 sizes in practice).
inline constexpr qint64 kMaxBatchCount = 10'000'000;

} // namespace dpp::exporting
