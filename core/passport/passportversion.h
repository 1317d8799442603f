// PassportVersion: one stored version of a product's passport. A product has
// any number of versions; at most one is published. Publishing a new version
// supersedes the previous published one (kept, status "superseded"), so every
// scan result ever served can be reproduced. Each version carries the SHA-256
// of its canonical JSON, so tampering with stored data is detectable.
//
// `data` depends on `kind`: "wine" holds the WineLabel (ingredients, nutrition,
// allergens, origin, producers), "battery" the Battery data snapshot, and
// "product" an empty or free-form object for other ESPR products.
#pragma once

#include "fieldspec.h"

#include <QDateTime>
#include <QJsonObject>

namespace dpp::passport {

class PassportVersion
{
public:
    QString id;
    QString productId;
    int version = 0;
    QString status = QStringLiteral("draft"); // draft | published | archived | superseded
    QString kind;                             // wine | battery | product
    QJsonObject data;
    QString sha256; // of canonicalJson(data), lower-case hex
    QDateTime createdAt;
    QDateTime publishedAt;

    static const QStringList& kinds();
    static const QStringList& statuses();

    // Validates `data` for `kind` (errors are relative to data: "nutrition.energyKj").
    static FieldErrors validateData(const QString& kind, const QJsonObject& data);

    // Compact JSON with object keys sorted (QJsonObject keeps them sorted) and
    // numbers in Qt's shortest round-trip form: the same data always gives the
    // same bytes, on every platform and after a store round trip.
    static QByteArray canonicalJson(const QJsonObject& data);
    static QString hashOf(const QJsonObject& data);
    bool hashMatches() const { return sha256 == hashOf(data); }

    QJsonObject toJson() const;
};

} // namespace dpp::passport
