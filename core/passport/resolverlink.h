// ResolverLink: one link the GS1 Digital Link resolver serves for a GTIN, a
// GTIN + lot, or a GTIN + serial (link type, target, title, media type,
// languages, context, device, default flag).
#pragma once

#include "fielderror.h"

#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct ResolverLink
{
    QString id;
    QString productId;
    QString gtin;                           // 14 digits
    QString level = QStringLiteral("gtin"); // gtin | lot | serial
    QString qualifier;                      // the lot or serial value for levels lot/serial
    QString linkType;                       // ratified GS1 type as a CURIE: "gs1:dpp", "gs1:pip"
    QString href;
    QString title;
    QString mediaType;
    QStringList languages; // BCP 47 "ll" or "ll-CC" (the GS1 linkset schema allows no more)
    QString context;       // audience or jurisdiction the link is for ("consumer", "DE")
    QString device = QStringLiteral("any"); // any | ios | android | desktop
    // The default of its key level. In linksets the default is listed twice: under
    // gs1:defaultLink (title only, R13) and under its own descriptive type.
    bool isDefault = false;
    // The store's row version (ETag and "version" on the API; not part of toJson()).
    qint64 rowVersion = 0;

    static const QStringList& levels();
    static const QStringList& devices();

    /// Reads the API shape (see toJson). link_type may be a CURIE or a full GS1 URI; it is
    /// normalised to the CURIE. Unknown keys are ignored; validate() judges the values.
    static ResolverLink fromJson(const QJsonObject& json);
    /// Applies the keys present in `patch` (same names as fromJson).
    void applyPatch(const QJsonObject& patch);

    FieldErrors validate() const;
    QJsonObject toJson() const;
    /// The key level this link belongs to, for grouping: "gtin", "lot:L1", "serial:S1".
    QString levelKey() const
    {
        return level == QLatin1String("gtin") ? level : level + u':' + qualifier;
    }
};

} // namespace dpp::passport
