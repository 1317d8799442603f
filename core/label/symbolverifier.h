// SymbolVerifier: the software pre-check of verified print. Each distinct
// symbol layout of a job (element, symbology, module grid size) is drawn at
// the printer's dpi exactly as the label renderer draws it and decoded back
// with zxing-cpp; a symbol that does not read as its intended content stops
// the job before anything is sent. Not an ISO/IEC 15415 grade: no optics.
#pragma once

#include "labelrenderer.h"
#include "result.h"

#include <QJsonObject>
#include <QSet>

namespace dpp::label {

struct VerificationCheck
{
    QString element; // "$.elements[2]"
    QString symbology;
    QString layout; // "25x25 @ 0.508 mm"
    QByteArray expected;
    QByteArray decoded;
    bool passed = false;
    QString error;
};

class SymbolVerifier
{
public:
    explicit SymbolVerifier(int dpi) : m_dpi(dpi) {}
    // Checks the symbols of one record whose layout was not seen before.
    // Returns an error naming the element when a symbol does not round-trip.
    Status check(const QList<PlacedSymbol>& symbols);
    const QList<VerificationCheck>& checks() const { return m_checks; }
    QJsonObject report() const;

    // Decodes one QR/DataMatrix from an image (zxing-cpp), for tests and tools.
    static Result<QByteArray> decode(const QImage& image);

private:
    int m_dpi;
    QSet<QString> m_seen;
    QList<VerificationCheck> m_checks;
};

} // namespace dpp::label
