#include "idempotencygate.h"

#include "store/idempotencykeyrepository.h"

#include <QCryptographicHash>

namespace dpp::server {

namespace {

constexpr QByteArrayView kHeader = "idempotency-key";
const QString kParam = QStringLiteral("Idempotency-Key");

// Headers replayed with a stored answer besides the body: what a client reads to find the
// resource (Location) and its version (ETag). Date, rate-limit and security headers are
// the replay's own.
const QList<QByteArray>& storedHeaders()
{
    static const QList<QByteArray> names{"Content-Type", "ETag", "Location"};
    return names;
}

QString requestTarget(const Request& request)
{
    QString target = QString::fromLatin1(request.rawPath);
    if (!request.rawQuery.isEmpty())
        target += u'?' + QString::fromLatin1(request.rawQuery);
    return target;
}

} // namespace

bool IdempotencyGate::applies(const Request& request)
{
    const QByteArray& m = request.method;
    return (m == "POST" || m == "PATCH" || m == "PUT" || m == "DELETE") &&
           request.rawPath.startsWith("/v1/");
}

std::optional<ApiError> IdempotencyGate::checkHeader(const Request& request)
{
    if (!request.hasHeader(kHeader))
        return std::nullopt;
    const QByteArray key = request.header(kHeader);
    bool printable = !key.isEmpty() && key.size() <= 255;
    for (const char c : key)
        printable = printable && uchar(c) >= 0x20 && uchar(c) <= 0x7e;
    if (printable)
        return std::nullopt;
    return ApiError::badRequest(
        QStringLiteral("invalid_idempotency_key"),
        QStringLiteral("Idempotency-Key must be 1 to 255 printable ASCII characters "
                       "(a UUID is a good choice)"),
        kParam);
}

Response IdempotencyGate::run(const Request& request, const std::function<Response()>& handler)
{
    if (!m_db || !request.principal || !applies(request) || !request.hasHeader(kHeader))
        return handler();
    const QString key = QString::fromLatin1(request.header(kHeader));
    store::IdempotencyKeyRepository keys(*m_db, request.principal->tenantId,
                                         request.principal->keyId);
    const QString method = QString::fromLatin1(request.method);
    const QString path = requestTarget(request);
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex());

    const auto claimed = keys.claim(key, method, path, sha);
    if (!claimed.ok()) {
        if (claimed.error().code == u"idempotency_key_in_progress")
            return Response::error(
                ApiError::conflict(claimed.error().code, claimed.error().message, kParam));
        return Response::error(ApiError::internal());
    }
    if (const auto& stored = *claimed) {
        if (stored->method != method || stored->path != path || stored->bodySha256 != sha) {
            ApiError e = ApiError::validation(
                kParam,
                QStringLiteral("this Idempotency-Key was used for %1 %2 with another body; "
                               "use a new key for a new request")
                    .arg(stored->method, stored->path),
                QStringLiteral("idempotency_key_reused"));
            e.type = QStringLiteral("invalid_request_error");
            return Response::error(e);
        }
        if (stored->inProgress)
            return Response::error(ApiError::conflict(
                QStringLiteral("idempotency_key_in_progress"),
                QStringLiteral("a request with this Idempotency-Key is still running; retry "
                               "once it has finished"),
                kParam));
        Response replay;
        replay.status = stored->status;
        replay.headers = stored->headers;
        replay.body = stored->body;
        replay.setHeader("Idempotent-Replayed", "true");
        return replay;
    }

    Response response;
    try {
        response = handler();
    } catch (...) {
        keys.release(key); // the request never finished: a retry must run it
        throw;
    }
    const bool storable = !response.stream && response.status >= 200 && response.status < 500 &&
                          !(response.status >= 300 && response.status < 400);
    if (!storable) {
        keys.release(key);
        return response;
    }
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray& name : storedHeaders()) {
        if (const QByteArray v = response.header(name); !v.isEmpty())
            headers.append({name, v});
    }
    if (!keys.complete(key, response.status, headers, response.body).ok())
        keys.release(key); // better a retry that runs again than a key stuck in progress
    return response;
}

} // namespace dpp::server
