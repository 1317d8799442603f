// AcceptLanguage: picks the language of a response from an Accept-Language header by
// RFC 4647 §3.4 lookup, so the viewer (and anything else that answers people) agrees on it.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace dpp::exporting {

class AcceptLanguage
{
public:
    /// The language ranges of a header, best first: ordered by q-value (RFC 9110 §12.5.4),
    /// ties in header order; q=0 ranges, "*" and malformed entries are dropped, tags lower-cased.
    static QStringList ranges(const QByteArray& header);

    /// RFC 4647 lookup: for each range in order, the range itself, then with its last subtag
    /// cut off, and so on ("de-CH-1996" → "de-ch" → "de"); the first tag of `available` that
    /// equals one (case-insensitively) wins, returned as spelt in `available`. Nothing
    /// matches: `fallback`.
    static QString lookup(const QStringList& ranges, const QStringList& available,
                          const QString& fallback);

    /// Whether `tag` is a well-formed language tag as far as the viewer cares
    /// (1–8 letters, then "-" and 1–8 letters or digits, repeated).
    static bool isWellFormed(const QString& tag);
};

} // namespace dpp::exporting
