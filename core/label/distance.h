// Distance: one length type for the label engine. Millimetres inside (what
// stock makers publish); inches and points only at the edges (UI, PDF, ZPL).
#pragma once

#include "result.h"

#include <QString>

namespace dpp::label {

class Distance
{
public:
    static constexpr double kMmPerInch = 25.4;
    static constexpr double kPointsPerInch = 72.0;

    constexpr Distance() = default;
    static constexpr Distance mm(double v) { return Distance(v); }
    static constexpr Distance inches(double v) { return Distance(v * kMmPerInch); }
    static constexpr Distance points(double v) { return Distance(v * kMmPerInch / kPointsPerInch); }
    // Whole device dots at a resolution back to a length.
    static constexpr Distance dots(double v, int dpi) { return Distance(v * kMmPerInch / dpi); }

    // "50", "50mm", "2in", "2\"", "144pt"; a bare number is millimetres.
    // Errors name `param` (the JSON path or option the text came from).
    static Result<Distance> parse(const QString& text, const QString& param);

    constexpr double toMm() const { return m_mm; }
    constexpr double toInches() const { return m_mm / kMmPerInch; }
    constexpr double toPoints() const { return m_mm / kMmPerInch * kPointsPerInch; }
    constexpr double toDots(int dpi) const { return m_mm / kMmPerInch * dpi; }

    constexpr Distance operator+(Distance o) const { return Distance(m_mm + o.m_mm); }
    constexpr Distance operator-(Distance o) const { return Distance(m_mm - o.m_mm); }
    constexpr Distance operator*(double f) const { return Distance(m_mm * f); }
    constexpr bool operator==(const Distance&) const = default;

private:
    constexpr explicit Distance(double mm) : m_mm(mm) {}
    double m_mm = 0;
};

} // namespace dpp::label
