// Document: a file attached to a product (declaration of conformity, test
// report, manual …). The record holds metadata and the SHA-256 of the bytes;
// the bytes themselves are kept by the store (see store/documentrepository.h).
#pragma once

#include "fielderror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace dpp::passport {

struct Document
{
    QString id;
    QString productId; // may be empty: a tenant-wide document
    QString docType;   // see docTypes()
    QString filename;  // display name only, never a path
    QString mediaType;
    qint64 size = 0;
    QString sha256;
    QDateTime createdAt;

    static const QStringList& docTypes();
    static const QStringList& mediaTypes();
    // Why `name` cannot be a document filename, or empty: no separators, no
    // "..", no control characters, at most 255 characters.
    static QString filenameProblem(const QString& name);

    FieldErrors validate() const;
    QJsonObject toJson() const;
};

} // namespace dpp::passport
