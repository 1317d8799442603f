// RouteTable: every route of the server in one list. The router matches request paths
// against it (literal segments beat {named} ones) and the OpenAPI document is built from it.
#pragma once

#include "result.h"
#include "route.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <deque>
#include <optional>

namespace dpp::server {

class RouteTable
{
public:
    /// Adds a route. Fails for a malformed pattern or a method+path that is already taken.
    Status add(Route route);

    struct Match
    {
        QString pattern;                // the route path that matched
        QList<const Route*> routes;     // every method registered on that path
        QHash<QString, QString> params; // {name} → percent-decoded segment

        const Route* find(QByteArrayView method) const;
        /// Methods for the Allow header: registered ones plus HEAD (with GET) and OPTIONS.
        QByteArray allowHeader() const;
    };

    /// Matches a percent-encoded path. Segments are split before decoding, so "%2F" stays
    /// inside one segment (GS1 values may contain slashes).
    std::optional<Match> match(const QByteArray& encodedPath) const;

    /// In registration order; stable addresses.
    const std::deque<Route>& routes() const { return m_routes; }

    /// The {name} parameters of a pattern, in order.
    static QStringList parameterNames(const QString& pattern);

private:
    std::deque<Route> m_routes;
    // m_segments[i] is m_routes[i].path split once at add(): match() runs on every request
    // and splitting every pattern there was over half of a resolver redirect's cost.
    std::deque<QStringList> m_segments;
    // The literal first segments of all patterns, and whether any pattern starts with a
    // parameter: a path whose first segment no pattern can match (every resolver request,
    // /01/…) is refused before its segments are split and decoded.
    QSet<QString> m_firstLiterals;
    bool m_parameterFirst = false;
};

} // namespace dpp::server
