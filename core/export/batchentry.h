// BatchEntry: one symbol file of a batch archive, encoded, drawn and already deflated
// (or stored, for PNG) with its CRC, ready for a raw ZIP write. Shared by BatchExporter
// (archive files, many threads) and BatchZipStream (archives streamed over HTTP).
#pragma once

#include "batchplan.h"

#include <QByteArray>
#include <QString>

namespace dpp::exporting {

struct BatchEntry
{
    // Level 1: symbol SVGs are repetitive path data, so the fastest level already
    // deflates them to about a third, and compression was the largest cost per entry.
    static constexpr int kDeflateLevel = 1;
    static constexpr int kDeflated = 8; // ZIP method 8 (Z_DEFLATED)

    QString name;
    QByteArray data; // deflated (method 8) or stored (method 0)
    quint32 crc = 0;
    qint64 size = 0;
    int method = kDeflated;
    QString error; // set when this entry could not be made

    // Thread-safe: each thread keeps its own deflate state.
    static BatchEntry make(const BatchPlan& plan, const BatchItem& item,
                           symbol::Symbology symbology);
};

} // namespace dpp::exporting
