#include "multipartform.h"

#include <QRegularExpression>

namespace dpp::server {

namespace {

Error invalid(const QString& message)
{
    return Error{QStringLiteral("body"), message, QStringLiteral("invalid_multipart")};
}

// A parameter of a header value (`name="file"`), quoted or not.
QString headerParam(const QByteArray& value, const char* name)
{
    const QRegularExpression re(
        QStringLiteral("(?:^|;)\\s*%1=(?:\"([^\"]*)\"|([^;\\s]*))").arg(QString::fromLatin1(name)),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromUtf8(value));
    if (!m.hasMatch())
        return {};
    return m.captured(1).isNull() ? m.captured(2) : m.captured(1);
}

} // namespace

Result<MultipartForm> MultipartForm::parse(const QByteArray& contentType, const QByteArray& body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return invalid(QStringLiteral("send the upload as multipart/form-data"));
    const QByteArray boundary = headerParam(contentType, "boundary").toUtf8();
    if (boundary.isEmpty() || boundary.size() > 200)
        return invalid(QStringLiteral("the multipart boundary is missing"));
    const QByteArray delimiter = "--" + boundary;

    MultipartForm form;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return invalid(QStringLiteral("no part found in the multipart body"));
    for (;;) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return form; // closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return invalid(QStringLiteral("malformed multipart delimiter line"));
        pos += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            return invalid(QStringLiteral("a multipart part has no header end"));
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headerEnd + 4);
        if (next < 0)
            return invalid(QStringLiteral("the multipart body is truncated"));
        Part part;
        for (const QByteArray& line : body.mid(pos, headerEnd - pos).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray key = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (key == "content-disposition") {
                part.name = headerParam(value, "name");
                part.filename = headerParam(value, "filename");
            } else if (key == "content-type") {
                part.contentType = value;
            }
        }
        part.data = body.mid(headerEnd + 4, next - headerEnd - 4);
        form.m_parts.append(part);
        pos = next + 2;
    }
}

std::optional<MultipartForm::Part> MultipartForm::part(const QString& name) const
{
    for (const Part& p : m_parts) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

} // namespace dpp::server
