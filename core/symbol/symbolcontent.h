// SymbolContent: what goes into a symbol and how: plain bytes (a Digital Link
// URI, encoded as 8-bit data) or a GS1 message (FNC1 in first position, GS
// where a separator FNC1 goes), plus the human-readable line printed under it.
#pragma once

#include "gs1/elementstring.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace dpp::symbol {

struct SymbolContent
{
    enum class Kind {
        Text, // bytes as given (UTF-8), e.g. a GS1 Digital Link URI
        Gs1,  // GS1 element string: FNC1 first, GS (0x1D) for separator FNC1s
    };

    Kind kind = Kind::Text;
    QByteArray data;       // Text: the bytes; Gs1: encoder data without the leading FNC1
    QString humanReadable; // the URI, or the element string in brackets "(01)…(21)…"
    // Gs1: the same message as (AI, value) pairs, for encoders that take AIs (zint).
    QList<gs1::AiValue> aiValues;

    bool isGs1() const { return kind == Kind::Gs1; }

    // A URI or other text, encoded as UTF-8 bytes.
    static SymbolContent text(const QString& text);
    // GS1 data already in encoder form: `encoderData` as ElementString::encoderData(),
    // `values` the same AIs in order, `bracketed` the "(01)…" form.
    static SymbolContent gs1(QList<gs1::AiValue> values, QByteArray encoderData, QString bracketed);
    static SymbolContent gs1(const gs1::ElementString& elements);
    // Parses and validates "(01)…(10)…" through the GS1 engine. Errors keep the
    // engine's param ("ai:10") or say "element_string".
    static Result<SymbolContent> fromElementString(QStringView bracketed);
    // A GS1 Digital Link URI, validated (param "uri" or the engine's "ai:…").
    static Result<SymbolContent> fromDigitalLink(QStringView uri);
    // Builds the Digital Link for a GTIN with optional lot, serial and expiry
    // (YYMMDD) on `base` (empty = https://id.gs1.org). Errors name the input
    // field: "gtin", "lot", "serial", "expiry", "base".
    static Result<SymbolContent> fromProductKeys(const QString& gtin, const QString& lot,
                                                 const QString& serial, const QString& expiry,
                                                 const QString& base);
};

} // namespace dpp::symbol
