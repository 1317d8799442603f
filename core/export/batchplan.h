// BatchPlan: a validated BatchRequest that yields each batch item on demand
// (serial, GTIN, Digital Link, element string) without holding the batch in
// memory. Validation names the field: "gtin", "lot", "prefix", "count",
// "serial" (too long for AI 21), "gtins" (with the line), "base", …
#pragma once

#include "batchrequest.h"
#include "gs1/elementstring.h"
#include "result.h"
#include "symbol/symbolcontent.h"

namespace dpp::exporting {

struct BatchItem
{
    QString serial; // empty in list mode
    QString gtin;   // 14 digits
    QString lot;
    QString digitalLink;
    gs1::ElementString elementString;
    QString fileStem; // file name without folder and extension
};

class BatchPlan
{
public:
    static Result<BatchPlan> create(const BatchRequest& request);

    const BatchRequest& request() const { return m_request; }
    qint64 itemCount() const { return m_request.isList() ? m_gtins.size() : m_request.count; }
    int symbolsPerItem() const { return m_request.symbols == BatchSymbols::Both ? 2 : 1; }
    qint64 symbolCount() const { return itemCount() * symbolsPerItem(); }

    // Item `index` (0-based). Thread-safe; the plan's validation guarantees success.
    BatchItem item(qint64 index) const;
    // The content a symbology carries for an item.
    symbol::SymbolContent content(const BatchItem& item, symbol::Symbology symbology) const;
    // Archive path of an item's symbol: "qr/SN000001.svg" or "09506000134352_qr.svg".
    QString entryName(const BatchItem& item, symbol::Symbology symbology) const;

    // manifest.csv header and one row per item (RFC 4180 quoting).
    static QByteArray manifestHeader();
    static QByteArray manifestRow(const BatchItem& item);

private:
    Result<BatchItem> makeItem(const QString& gtin14, const QString& serial) const;
    QString serialAt(qint64 index) const;

    BatchRequest m_request;
    QStringList m_gtins; // normalised, list mode
};

} // namespace dpp::exporting
