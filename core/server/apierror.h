// ApiError: the one error shape every HTTP answer uses,
// {"error":{"type","message","code","param"}}, with the status code it travels with.
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

namespace dpp::server {

struct ApiError
{
    int status = 400;
    QString type;    // broad class a client can switch on ("invalid_request_error", ...)
    QString code;    // stable machine code ("malformed_json", "not_found", ...)
    QString message; // human readable; never internal details
    QString param;   // field the error is about; empty (null on the wire) when none

    /// {"error":{...}} as sent on the wire.
    QJsonObject toJson() const;

    static ApiError malformedJson(const QString& message);
    static ApiError badRequest(const QString& code, const QString& message,
                               const QString& param = {});
    static ApiError unauthorized(const QString& message);
    static ApiError forbidden(const QString& message);
    static ApiError notFound(const QString& message);
    static ApiError methodNotAllowed(const QString& message);
    static ApiError conflict(const QString& code, const QString& message,
                             const QString& param = {});
    static ApiError requestTimeout();
    static ApiError lengthRequired();
    static ApiError payloadTooLarge(qint64 limitBytes);
    static ApiError headersTooLarge(qint64 limitBytes);
    static ApiError validation(const QString& param, const QString& message,
                               const QString& code = {});
    static ApiError tooManyRequests(int retryAfterSeconds);
    /// 412: the If-Match version is not the resource's current one (code version_mismatch).
    static ApiError versionMismatch(const QString& message);
    static ApiError serviceUnavailable(const QString& message);
    /// The answer to a bug on our side: deliberately says nothing about it.
    static ApiError internal();

    /// Maps a core error to an HTTP error. Core reports what went wrong in Error::code;
    /// which status that is belongs to the API, so the mapping lives here, once.
    static ApiError fromError(const Error& error);
};

} // namespace dpp::server
