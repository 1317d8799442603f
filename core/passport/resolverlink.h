// ResolverLink: one link the GS1 Digital Link resolver serves for a GTIN, a
// GTIN + lot, or a GTIN + serial (link type, target, title, media type,
// languages, context, default flag).
#pragma once

#include "fielderror.h"

#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct ResolverLink
{
    QString id;
    QString gtin;                           // 14 digits
    QString level = QStringLiteral("gtin"); // gtin | lot | serial
    QString qualifier;                      // the lot or serial value for levels lot/serial
    QString linkType;                       // CURIE such as "gs1:dpp", "gs1:pip"
    QString href;
    QString title;
    QString mediaType;
    QStringList languages; // ISO 639-1
    QString context;
    bool isDefault = false;

    static const QStringList& levels();
    FieldErrors validate() const;
    QJsonObject toJson() const;
};

} // namespace dpp::passport
