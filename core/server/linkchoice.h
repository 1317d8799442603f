// LinkChoice: picks the one link a resolver request redirects to among links of one
// type at one key level (GS1 Resolver R14, R18, R19): audience (context), device,
// language (RFC 4647 lookup over Accept-Language), then media type (Accept).
#pragma once

#include "clientpreferences.h"
#include "passport/resolverlink.h"

#include <QList>

namespace dpp::server {

class LinkChoice
{
public:
    enum class Outcome {
        Chosen,   // `link` is the answer
        Ambiguous // several links no request could tell apart: answer 300 (R18)
    };
    struct Answer
    {
        Outcome outcome = Outcome::Chosen;
        const passport::ResolverLink* link = nullptr;
        QList<const passport::ResolverLink*> remaining;
    };

    /// `candidates` is not empty. `fallback` (the level's default link, or null) wins whenever
    /// the request leaves a choice open; with a fallback the answer is never Ambiguous, so an
    /// unmatched language still redirects to gs1:defaultLink (R19).
    static Answer choose(QList<const passport::ResolverLink*> candidates,
                         const ClientPreferences& prefs,
                         const passport::ResolverLink* fallback = nullptr);

    /// RFC 4647 §3.4 lookup: the first range (best q first) that, progressively truncated,
    /// equals a tag of some link; then, as a lenient second pass, a range that is a prefix
    /// of a tag ("en" → "en-GB"). Returns the matched tag (lower case), or empty.
    static QString lookupLanguage(const QList<QString>& ranges, const QStringList& available);
};

} // namespace dpp::server
