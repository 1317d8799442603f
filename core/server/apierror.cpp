#include "apierror.h"

namespace dpp::server {

namespace {
ApiError make(int status, const char* type, const QString& code, const QString& message,
              const QString& param = {})
{
    return ApiError{status, QString::fromLatin1(type), code, message, param};
}
} // namespace

QJsonObject ApiError::toJson() const
{
    QJsonObject inner{{QStringLiteral("type"), type},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("param"),
                       param.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(param)}};
    return QJsonObject{{QStringLiteral("error"), inner}};
}

ApiError ApiError::malformedJson(const QString& message)
{
    return make(400, "invalid_request_error", QStringLiteral("malformed_json"), message);
}

ApiError ApiError::badRequest(const QString& code, const QString& message, const QString& param)
{
    return make(400, "invalid_request_error", code, message, param);
}

ApiError ApiError::unauthorized(const QString& message)
{
    return make(401, "authentication_error", QStringLiteral("unauthorized"), message);
}

ApiError ApiError::forbidden(const QString& message)
{
    return make(403, "permission_error", QStringLiteral("forbidden"), message);
}

ApiError ApiError::notFound(const QString& message)
{
    return make(404, "not_found_error", QStringLiteral("not_found"), message);
}

ApiError ApiError::methodNotAllowed(const QString& message)
{
    return make(405, "invalid_request_error", QStringLiteral("method_not_allowed"), message);
}

ApiError ApiError::conflict(const QString& code, const QString& message, const QString& param)
{
    return make(409, "conflict_error", code, message, param);
}

ApiError ApiError::requestTimeout()
{
    return make(408, "invalid_request_error", QStringLiteral("request_timeout"),
                QStringLiteral("the request head did not arrive in time"));
}

ApiError ApiError::lengthRequired()
{
    return make(411, "invalid_request_error", QStringLiteral("length_required"),
                QStringLiteral("send the body with Content-Length; chunked uploads are not "
                               "accepted"));
}

ApiError ApiError::payloadTooLarge(qint64 limitBytes)
{
    return make(413, "invalid_request_error", QStringLiteral("payload_too_large"),
                QStringLiteral("request body exceeds the limit of %1 bytes").arg(limitBytes));
}

ApiError ApiError::headersTooLarge(qint64 limitBytes)
{
    return make(
        431, "invalid_request_error", QStringLiteral("headers_too_large"),
        QStringLiteral("request line and headers exceed the limit of %1 bytes").arg(limitBytes));
}

ApiError ApiError::validation(const QString& param, const QString& message, const QString& code)
{
    return make(422, "validation_error", code.isEmpty() ? QStringLiteral("invalid") : code, message,
                param);
}

ApiError ApiError::versionMismatch(const QString& message)
{
    return make(412, "precondition_failed", QStringLiteral("version_mismatch"), message,
                QStringLiteral("If-Match"));
}

ApiError ApiError::tooManyRequests(int retryAfterSeconds)
{
    return make(429, "rate_limit_error", QStringLiteral("rate_limited"),
                QStringLiteral("too many requests; retry after %1 s").arg(retryAfterSeconds));
}

ApiError ApiError::serviceUnavailable(const QString& message)
{
    return make(503, "api_error", QStringLiteral("unavailable"), message);
}

ApiError ApiError::internal()
{
    return make(500, "api_error", QStringLiteral("internal_error"),
                QStringLiteral("internal server error"));
}

ApiError ApiError::fromError(const Error& error)
{
    const QString& code = error.code;
    if (code == u"malformed_json")
        return malformedJson(error.message);
    if (code == u"not_found")
        return make(404, "not_found_error", code, error.message, error.param);
    if (code == u"conflict" || code.startsWith(u"duplicate"))
        return conflict(code, error.message, error.param);
    if (code == u"invalid_if_match")
        return badRequest(code, error.message, error.param);
    if (code == u"version_mismatch")
        return versionMismatch(error.message);
    if (code == u"unauthorized")
        return make(401, "authentication_error", code, error.message, error.param);
    if (code == u"forbidden")
        return make(403, "permission_error", code, error.message, error.param);
    // Everything else a user can cause is a field that failed validation.
    return validation(error.param, error.message, code);
}

} // namespace dpp::server
