// MultipartForm: the parts of a multipart/form-data body (RFC 7578), for uploads. Only
// what uploads need: each part's field name, filename, media type and bytes.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace dpp::server {

class MultipartForm
{
public:
    struct Part
    {
        QString name;     // form field name
        QString filename; // as the client sent it; empty for plain fields
        QByteArray contentType;
        QByteArray data;
    };

    /// Parses `body` sent with `contentType`; Error code "invalid_multipart" (param
    /// "body") when it is not multipart/form-data with a boundary, or is truncated.
    static Result<MultipartForm> parse(const QByteArray& contentType, const QByteArray& body);

    std::optional<Part> part(const QString& name) const;
    const QList<Part>& parts() const { return m_parts; }

private:
    QList<Part> m_parts;
};

} // namespace dpp::server
