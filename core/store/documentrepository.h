// DocumentRepository: documents of one tenant and their bytes.
//
// Decision: the bytes live in the database (table document_blobs, keyed by
// tenant and SHA-256, so identical uploads are stored once). One database is
// then the whole state: a backup, a PostgreSQL replica or a second dppserver
// behind a load balancer sees every document without a shared folder, and
// no path derived from user input is ever opened on the server. Filenames
// are metadata only and are checked (no separators, no "..", no control
// characters) before they are stored. Documents are capped at 50 MiB.
#pragma once

#include "database.h"
#include "passport/document.h"

#include <optional>

namespace dpp::store {

class DocumentRepository
{
public:
    DocumentRepository(Database& db, QString tenantId) : m_db(db), m_tenantId(std::move(tenantId))
    {}

    // Stores the bytes (once per content) and the document record in one transaction.
    Result<passport::Document> add(const QString& productId, const QString& docType,
                                   const QString& filename, const QString& mediaType,
                                   const QByteArray& bytes);
    std::optional<passport::Document> get(const QString& id) const;
    QList<passport::Document> list(const QString& productId = {}) const;
    // The documents of no product (certificates, policies valid for every product).
    QList<passport::Document> tenantWide() const;
    // The stored bytes, verified against the recorded SHA-256.
    Result<QByteArray> bytes(const QString& id) const;
    Status remove(const QString& id);

private:
    Database& m_db;
    QString m_tenantId;
};

} // namespace dpp::store
