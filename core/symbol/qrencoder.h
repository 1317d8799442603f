// QrEncoder: QR Code to a SymbolMatrix. Text (Digital Link URIs) goes through
// libqrencode in 8-bit mode. GS1 element strings become GS1 QR (FNC1 in first
// position) through libzint: libqrencode 4.1.1's QRinput_setFNC1First makes
// every encode fail with EINVAL (fix never merged: fukuchi/libqrencode PR #145).
#pragma once

#include "result.h"
#include "symbolcontent.h"
#include "symbolmatrix.h"

#include <QByteArrayView>
#include <optional>

namespace dpp::symbol {

enum class QrEcLevel { L, M, Q, H };

// "L", "M", "Q", "H" (case-insensitive).
std::optional<QrEcLevel> qrEcLevelFromName(QStringView name);
QChar qrEcLevelLetter(QrEcLevel level);

struct QrOptions
{
    QrEcLevel ecLevel = QrEcLevel::M; // M: the GS1 recommendation for Digital Link on packs
    int version = 0;                  // 0 = smallest that fits; 1–40 = exactly this version
};

class QrEncoder
{
public:
    explicit QrEncoder(QrOptions options = {}) : m_options(options) {}

    // Checks version range; param "version".
    static Status validate(const QrOptions& options);

    Result<SymbolMatrix> encode(const SymbolContent& content) const;
    // Whole data in 8-bit (byte) mode, as Digital Link URIs should be.
    Result<SymbolMatrix> encodeText(QByteArrayView data) const;
    // GS1 QR from (AI, value) pairs already validated by the GS1 engine; the
    // encoder places FNC1 separators after variable-length AIs.
    Result<SymbolMatrix> encodeGs1(const QList<gs1::AiValue>& values) const;

private:
    QrOptions m_options;
};

} // namespace dpp::symbol
