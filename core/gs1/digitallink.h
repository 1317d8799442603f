// DigitalLink: a GS1 Digital Link URI: parse (any scheme/host/stem), validate
// through the AI table, build the canonical URI for a resolver base, and
// convert both ways to element strings.
#pragma once

#include "elementstring.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dpp::gs1 {

struct DigitalLinkOptions
{
    bool permitZeroSuppressedGtin = false; // accept GTIN-8/12/13 in the path and pad to 14
    bool permitUnknownAis = false;         // unknown numeric query keys as AIs
    bool unknownAiNotDlAttribute = true;   // with permitUnknownAis: still refuse them in the query
    bool checkRequisites = true;           // req= association rules
    // Deprecated DL 1.0 path names (/gtin/, /ser/, /sscc/ …) in place of AIs.
    // Off by default; only for reading very old printed codes.
    bool permitConvenienceAlphas = false;
};

class DigitalLink
{
public:
    static constexpr const char* kDefaultBase = "https://id.gs1.org";

    // Parses and validates a DL URI. Errors name the AI (param "ai:10") and what
    // is wrong with it; the message says which component.
    static Result<DigitalLink> parse(QStringView uri, const DigitalLinkOptions& = {});

    // Builds the DL for the given AIs on `base` (scheme://host[/stem]; default
    // https://id.gs1.org): primary key and qualifiers in the path in their
    // permitted order, data attributes in the query. Validates everything.
    static Result<DigitalLink> fromElementString(const ElementString& elements,
                                                 const QString& base = QString(),
                                                 const DigitalLinkOptions& = {});
    static Result<DigitalLink> build(const QList<AiValue>& ais, const QString& base = QString(),
                                     const DigitalLinkOptions& = {});

    // The URI as built or as given (canonical path and query, original stem).
    QString uri() const;
    // The same identity on another resolver base.
    QString uriOnBase(const QString& base) const;

    QString base() const { return m_base; }                  // scheme://host[/stem]
    const QList<AiValue>& pathAis() const { return m_path; } // key first, then qualifiers
    const QList<AiValue>& queryAis() const { return m_query; }
    QStringList ignoredQueryParameters() const { return m_ignoredQuery; } // "linkType=gs1:pip"
    ElementString elementString() const; // path AIs then query AIs, in URI order
    AiValue primaryKey() const { return m_path.value(0); }

    // Percent-encoding per the GS1 DL URI syntax: unreserved characters kept;
    // in the query a space becomes '+'.
    static QString escape(QStringView value, bool inQuery);
    // Reverse; '+' is literal in the path and a space in the query. Malformed
    // escapes are kept as they are.
    static QString unescape(QStringView value, bool inQuery);

private:
    QString m_base;
    QList<AiValue> m_path;
    QList<AiValue> m_query;
    QStringList m_ignoredQuery;
};

} // namespace dpp::gs1
