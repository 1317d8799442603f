#include "documentrepository.h"

#include "changejournal.h"

#include "sqlhelpers.h"

#include <QCryptographicHash>

namespace dpp::store {

using passport::Document;

namespace {
const char* kSelect = "SELECT id, product_id, doc_type, filename, media_type, size, sha256, "
                      "created_at FROM documents";
Document documentFrom(const QSqlQuery& q)
{
    Document d;
    d.id = q.value(0).toString();
    d.productId = q.value(1).toString();
    d.docType = q.value(2).toString();
    d.filename = q.value(3).toString();
    d.mediaType = q.value(4).toString();
    d.size = q.value(5).toLongLong();
    d.sha256 = q.value(6).toString();
    d.createdAt = sql::timeFrom(q.value(7));
    return d;
}
} // namespace

Result<Document> DocumentRepository::add(const QString& productId, const QString& docType,
                                         const QString& filename, const QString& mediaType,
                                         const QByteArray& bytes)
{
    Document d;
    d.id = sql::newId();
    d.productId = productId;
    d.docType = docType;
    d.filename = filename;
    d.mediaType = mediaType;
    d.size = bytes.size();
    d.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    d.createdAt = QDateTime::fromString(Database::now(), Qt::ISODateWithMs);
    if (const auto errors = d.validate(); !errors.isEmpty())
        return sql::validationError(errors);
    const Status s = m_db.transaction([&]() -> Status {
        if (!productId.isEmpty()) {
            QSqlQuery owner = m_db.prepare(
                QStringLiteral("SELECT 1 FROM products WHERE id = :p AND tenant_id = :t"));
            owner.bindValue(QStringLiteral(":p"), productId);
            owner.bindValue(QStringLiteral(":t"), m_tenantId);
            if (Status e = Database::exec(owner); !e.ok())
                return e;
            if (!owner.next())
                return sql::notFound(QStringLiteral("product_id"), QStringLiteral("product"));
        }
        QSqlQuery have = m_db.prepare(
            QStringLiteral("SELECT 1 FROM document_blobs WHERE tenant_id = :t AND sha256 = :h"));
        have.bindValue(QStringLiteral(":t"), m_tenantId);
        have.bindValue(QStringLiteral(":h"), d.sha256);
        if (Status e = Database::exec(have); !e.ok())
            return e;
        if (!have.next()) {
            QSqlQuery blob = m_db.prepare(QStringLiteral(
                "INSERT INTO document_blobs (tenant_id, sha256, bytes) VALUES (:t, :h, :b)"));
            blob.bindValue(QStringLiteral(":t"), m_tenantId);
            blob.bindValue(QStringLiteral(":h"), d.sha256);
            blob.bindValue(QStringLiteral(":b"), bytes);
            if (Status e = Database::exec(blob); !e.ok())
                return e;
        }
        QSqlQuery q = m_db.prepare(
            QStringLiteral("INSERT INTO documents (id, tenant_id, product_id, doc_type, filename, "
                           "media_type, size, "
                           "sha256, created_at) VALUES (:id, :t, :p, :dt, :f, :m, :s, :h, :c)"));
        q.bindValue(QStringLiteral(":id"), d.id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        q.bindValue(QStringLiteral(":p"), sql::nullableText(productId));
        q.bindValue(QStringLiteral(":dt"), docType);
        q.bindValue(QStringLiteral(":f"), filename);
        q.bindValue(QStringLiteral(":m"), mediaType);
        q.bindValue(QStringLiteral(":s"), d.size);
        q.bindValue(QStringLiteral(":h"), d.sha256);
        q.bindValue(QStringLiteral(":c"), sql::timeText(d.createdAt));
        if (Status e = Database::exec(q); !e.ok())
            return e;
        return ChangeJournal(m_db).record(m_tenantId, QLatin1String(ChangeJournal::Document), d.id,
                                          QStringLiteral("created"),
                                          {{QStringLiteral("product_id"), productId},
                                           {QStringLiteral("doc_type"), docType},
                                           {QStringLiteral("filename"), filename},
                                           {QStringLiteral("sha256"), d.sha256}});
    });
    if (!s.ok())
        return s.error();
    return d;
}

std::optional<Document> DocumentRepository::get(const QString& id) const
{
    return sql::rowById<Document>(m_db, kSelect, id, m_tenantId, documentFrom);
}

QList<Document> DocumentRepository::list(const QString& productId) const
{
    QString sql = QLatin1String(kSelect) + QStringLiteral(" WHERE tenant_id = :t");
    if (!productId.isEmpty())
        sql += QStringLiteral(" AND product_id = :p");
    QSqlQuery q = m_db.prepare(sql + QStringLiteral(" ORDER BY created_at, filename"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    if (!productId.isEmpty())
        q.bindValue(QStringLiteral(":p"), productId);
    QList<Document> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(documentFrom(q));
    return out;
}

QList<Document> DocumentRepository::tenantWide() const
{
    QSqlQuery q = m_db.prepare(QLatin1String(kSelect) +
                               QStringLiteral(" WHERE tenant_id = :t AND product_id IS NULL "
                                              "ORDER BY created_at, filename"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    QList<Document> out;
    if (Database::exec(q).ok())
        while (q.next())
            out.append(documentFrom(q));
    return out;
}

Result<QByteArray> DocumentRepository::bytes(const QString& id) const
{
    const auto d = get(id);
    if (!d)
        return sql::notFound(QStringLiteral("id"), QStringLiteral("document"));
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT bytes FROM document_blobs WHERE tenant_id = :t AND sha256 = :h"));
    q.bindValue(QStringLiteral(":t"), m_tenantId);
    q.bindValue(QStringLiteral(":h"), d->sha256);
    if (Status s = Database::exec(q); !s.ok())
        return s.error();
    if (!q.next())
        return sql::notFound(QStringLiteral("id"), QStringLiteral("document content"));
    const QByteArray data = q.value(0).toByteArray();
    if (QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex() != d->sha256.toLatin1())
        return Error{QStringLiteral("id"),
                     QStringLiteral("stored document content does not match its SHA-256"),
                     QStringLiteral("integrity_error")};
    return data;
}

Status DocumentRepository::remove(const QString& id)
{
    return m_db.transaction([&]() -> Status {
        const auto d = get(id);
        if (!d)
            return sql::notFound(QStringLiteral("id"), QStringLiteral("document"));
        QSqlQuery q =
            m_db.prepare(QStringLiteral("DELETE FROM documents WHERE id = :id AND tenant_id = :t"));
        q.bindValue(QStringLiteral(":id"), id);
        q.bindValue(QStringLiteral(":t"), m_tenantId);
        if (Status s = Database::exec(q); !s.ok())
            return s;
        // Drop the bytes when no other document of this tenant uses them.
        QSqlQuery gc = m_db.prepare(
            QStringLiteral("DELETE FROM document_blobs WHERE tenant_id = :t AND sha256 = :h AND "
                           "NOT EXISTS (SELECT "
                           "1 FROM documents WHERE tenant_id = :t2 AND sha256 = :h2)"));
        gc.bindValue(QStringLiteral(":t"), m_tenantId);
        gc.bindValue(QStringLiteral(":h"), d->sha256);
        gc.bindValue(QStringLiteral(":t2"), m_tenantId);
        gc.bindValue(QStringLiteral(":h2"), d->sha256);
        if (Status s = Database::exec(gc); !s.ok())
            return s;
        return ChangeJournal(m_db).record(
            m_tenantId, QLatin1String(ChangeJournal::Document), id, QStringLiteral("deleted"),
            {{QStringLiteral("product_id"), d->productId}, {QStringLiteral("sha256"), d->sha256}});
    });
}

} // namespace dpp::store
