// EprExport: the battery figures a producer reports to Extended Producer Responsibility
// schemes: per battery product the units placed on the market in a period (battery units
// registered in it), unit and total weight, category and chemistry. Written as our CSV,
// JSON, and two layouts that are our reading of what the Slovak schemes ask for: the
// ASEKOL producer report ("asekol") and the MŽP SR (Ministry of Environment) register
// report ("mzp-sr"). Neither scheme publishes a machine-readable format; the columns are
// documented in README.md and may need adjusting to a scheme's current form.
#pragma once

#include "result.h"
#include "store/database.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>

namespace dpp::exporting {

class EprExport
{
public:
    struct Query
    {
        QDate from, to;  // inclusive; invalid = open-ended
        QString country; // member state whose EPR registration number is reported; may be empty
    };

    struct Output
    {
        QByteArray bytes;
        QByteArray contentType;
        QString filename;
    };

    /// `format`: csv | json | asekol | mzp-sr (error param "format").
    static Result<Output> batteries(store::Database& db, const QString& tenantId,
                                    const QString& format, const Query& query);
    /// Every battery unit (optionally of one status): csv | json.
    static Result<Output> batteryUnits(store::Database& db, const QString& tenantId,
                                       const QString& format, const QString& status);
    /// Parses "YYYY-MM-DD"; an empty value is an open end. Error param is `param`.
    static Result<QDate> parseDate(const QString& value, const QString& param);
};

} // namespace dpp::exporting
