// Resolver: the GS1-conformant Digital Link resolver (GS1 Resolver Standard 1.2,
// R1–R25 in docs research gs1.md §2.2) mounted at the server root: /01/{gtin}[/22/…]
// [/10/{lot}][/21/{serial}] answer with a 307 to the chosen link, a linkset, a 300 or
// a 400/404. Links come from the store through ResolverLookup (one query per GTIN),
// cached per process by GTIN.
//
// Cache invalidation rule: an entry is served only while the change journal's head
// (store::JournalHead, one indexed MAX(seq)) is what it was when the entry was read, and
// this process's link change counter is unchanged. Every write that can change an answer
// (links, products: name, status, deletion) writes a journal row in its own transaction,
// in any process on the store. The head is read at most every
// ApiContext::resolverFreshnessMs (default 100 ms): reading it on every request is a
// store read per scan, which on SQLite contends with the scan writer's commits and cost
// a quarter of the throughput. So an answer reflects a committed write after at most
// that long, in every process; 0 makes it exact (the head is read on every request).
#pragma once

#include "apicontext.h"
#include "request.h"
#include "response.h"
#include "store/journalhead.h"
#include "store/resolverlookup.h"

#include <QElapsedTimer>
#include <QHash>
#include <memory>

namespace dpp::server {

class Resolver
{
public:
    static constexpr qsizetype kCacheEntries = 20000;

    explicit Resolver(ApiContext context);

    /// Whether `rawPath` is the resolver's: its first segment is a GS1 AI (2–4 digits), or
    /// it is one segment of URI-safe base64 (a legacy compressed Digital Link).
    static bool claims(const QByteArray& rawPath);
    /// Answers GET, HEAD and OPTIONS (405 otherwise) on a claimed path.
    Response handle(const Request& request);

    /// The /.well-known/gs1resolver description file for the origin the client used (R4).
    static QJsonObject descriptionFile(const QString& origin);
    /// "scheme://host[:port]" as the client addressed us (Host, X-Forwarded-Proto).
    static QString originOf(const Request& request);
    /// CORS headers every resolver answer carries, whatever its status (R3).
    static void addCors(Response& response);

private:
    struct Cached
    {
        std::shared_ptr<const store::ResolverRecord> record;
        qint64 journalHead = 0;
        quint64 generation = 0;
    };
    Result<std::shared_ptr<const store::ResolverRecord>> lookup(const QString& gtin14);
    static bool claimsAsAi(const QByteArray& rawPath);
    /// R21: decompress, answer as for the uncompressed URI, add rel="owl:sameAs".
    Response handleCompressed(const Request& request, const QString& segment);

    ApiContext m_context;
    QHash<QString, Cached> m_cache;
    std::unique_ptr<store::JournalHead> m_head; // made on first use, on the server's thread
    qint64 m_knownHead = -1;                    // the head as last read (-1: not yet)
    QElapsedTimer m_headAge;                    // since m_knownHead was read
};

} // namespace dpp::server
