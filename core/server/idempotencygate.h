// IdempotencyGate: the Idempotency-Key rule of the /v1 API, applied once by Server to
// every authenticated POST/PATCH/PUT/DELETE. The first answer for a key is stored
// (store::IdempotencyKeyRepository) and replayed for a retry with the same method, path
// and body, so a client whose connection dropped can resend without doing things twice.
#pragma once

#include "request.h"
#include "response.h"
#include "store/database.h"

#include <functional>
#include <memory>
#include <optional>

namespace dpp::server {

class IdempotencyGate
{
public:
    explicit IdempotencyGate(std::shared_ptr<store::Database> db) : m_db(std::move(db)) {}

    /// Whether the key rule applies to this request (a mutating /v1 request).
    static bool applies(const Request& request);
    /// A malformed Idempotency-Key header (400, param "Idempotency-Key"); nullopt when the
    /// header is absent or well formed: 1 to 255 printable ASCII characters.
    static std::optional<ApiError> checkHeader(const Request& request);

    /// Runs `handler` at most once per key: a first request claims the key, runs and has
    /// its 2xx/4xx answer stored; a repeat gets that answer with Idempotent-Replayed: true;
    /// the key with another method, path or body is 422 idempotency_key_reused; while the
    /// first still runs, 409 idempotency_key_in_progress. A 5xx or a streamed answer is not
    /// stored (the key is released, so a retry runs again). Without a key: just `handler`.
    Response run(const Request& request, const std::function<Response()>& handler);

private:
    std::shared_ptr<store::Database> m_db;
};

} // namespace dpp::server
