// CompressedDigitalLink: reads the legacy compressed form of a GS1 Digital Link (the
// URI-safe base64 path segment of GS1 Digital Link 1.1/1.2 compression, e.g.
// https://id.example.com/HxHKVAdpQgZzjr-hCDKigI) back into its AIs, so the resolver can
// answer printed compressed codes (GS1 Resolver R21, a MAY for legacy compression).
#pragma once

#include "elementstring.h"
#include "result.h"

#include <QList>
#include <QPair>
#include <QString>

namespace dpp::gs1 {

class CompressedDigitalLink
{
public:
    struct Decoded
    {
        QList<AiValue> ais;                    // in the order they were encoded
        QList<QPair<QString, QString>> nonGs1; // compressed non-GS1 key=value pairs
    };

    /// Whether `segment` can be a compressed path: URI-safe base64 only, long enough
    /// to hold at least a GTIN (the shortest useful code is 8 characters).
    static bool looksCompressed(QStringView segment);

    /// Decodes one compressed segment. Errors (param "path") say what could not be read:
    /// an AI code outside the table, an unknown optimisation code, a value cut short.
    /// The AIs are not validated here; DigitalLink::build does that.
    static Result<Decoded> decompress(QStringView segment);
};

} // namespace dpp::gs1
