#include "routetable.h"

#include <QUrl>

namespace dpp::server {

namespace {

bool isParameter(QStringView segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

QStringList segmentsOf(const QString& pattern)
{
    // "/a/b" → ["a", "b"]; "/" → [].
    QStringList parts = pattern.split(u'/');
    parts.removeFirst();
    if (parts.size() == 1 && parts.first().isEmpty())
        parts.clear();
    return parts;
}

} // namespace

QStringList RouteTable::parameterNames(const QString& pattern)
{
    QStringList names;
    for (const QString& s : segmentsOf(pattern)) {
        if (isParameter(s))
            names.append(s.mid(1, s.size() - 2));
    }
    return names;
}

Status RouteTable::add(Route route)
{
    static const QList<QByteArray> kMethods{"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (!kMethods.contains(route.method))
        return Error{QStringLiteral("method"),
                     QStringLiteral("unsupported method %1").arg(QString::fromLatin1(route.method)),
                     {}};
    if (!route.path.startsWith(u'/'))
        return Error{QStringLiteral("path"), QStringLiteral("path must start with /"), {}};
    const QStringList segments = segmentsOf(route.path);
    QStringList seen;
    for (const QString& s : segments) {
        if (s.isEmpty() && segments.size() > 0)
            return Error{
                QStringLiteral("path"), QStringLiteral("empty segment in %1").arg(route.path), {}};
        if (s.contains(u'{') || s.contains(u'}')) {
            if (!isParameter(s))
                return Error{QStringLiteral("path"),
                             QStringLiteral("parameter must fill a whole segment: %1").arg(s),
                             {}};
            if (seen.contains(s))
                return Error{QStringLiteral("path"),
                             QStringLiteral("parameter %1 appears twice").arg(s),
                             {}};
            seen.append(s);
        }
    }
    for (const Route& r : m_routes) {
        if (r.method == route.method && r.path == route.path)
            return Error{QStringLiteral("path"),
                         QStringLiteral("%1 %2 is already registered")
                             .arg(QString::fromLatin1(route.method), route.path),
                         QStringLiteral("duplicate_route")};
    }
    if (!route.handler)
        return Error{QStringLiteral("handler"), QStringLiteral("route without handler"), {}};
    if (!segments.isEmpty()) {
        if (isParameter(segments.first()))
            m_parameterFirst = true;
        else
            m_firstLiterals.insert(segments.first());
    }
    m_routes.push_back(std::move(route));
    m_segments.push_back(segments);
    return Ok{};
}

std::optional<RouteTable::Match> RouteTable::match(const QByteArray& encodedPath) const
{
    if (!encodedPath.startsWith('/'))
        return std::nullopt;
    if (!m_parameterFirst && encodedPath.size() > 1) {
        const qsizetype end = encodedPath.indexOf('/', 1);
        const QByteArray first = encodedPath.mid(1, end < 0 ? -1 : end - 1);
        if (!m_firstLiterals.contains(QUrl::fromPercentEncoding(first)))
            return std::nullopt;
    }
    QList<QByteArray> raw = encodedPath.split('/');
    raw.removeFirst();
    if (raw.size() == 1 && raw.first().isEmpty())
        raw.clear();

    // Each request segment is decoded once, not once per candidate pattern.
    QStringList decodedSegments;
    decodedSegments.reserve(raw.size());
    for (const QByteArray& segment : raw)
        decodedSegments.append(QUrl::fromPercentEncoding(segment));

    std::optional<Match> best;
    QList<bool> bestShape; // literal positions of the best pattern: literals win, leftmost first
    for (std::size_t index = 0; index < m_routes.size(); ++index) {
        const Route& route = m_routes[index];
        if (best && best->pattern == route.path) {
            best->routes.append(&route);
            continue;
        }
        const QStringList& segments = m_segments[index];
        if (segments.size() != raw.size())
            continue;
        // A literal first segment that differs rules the pattern out before any of the
        // bookkeeping below (most patterns, on every resolver request, which comes here
        // first and falls through to the resolver).
        if (!segments.isEmpty() && !isParameter(segments.first()) &&
            decodedSegments.first() != segments.first())
            continue;
        Match m;
        QList<bool> shape;
        bool ok = true;
        for (qsizetype i = 0; i < segments.size() && ok; ++i) {
            const QString& decoded = decodedSegments.at(i);
            if (isParameter(segments.at(i))) {
                ok = !decoded.isEmpty();
                m.params.insert(segments.at(i).mid(1, segments.at(i).size() - 2), decoded);
                shape.append(false);
            } else {
                ok = decoded == segments.at(i);
                shape.append(true);
            }
        }
        if (!ok)
            continue;
        if (!best || std::lexicographical_compare(bestShape.begin(), bestShape.end(), shape.begin(),
                                                  shape.end())) {
            m.pattern = route.path;
            m.routes.append(&route);
            best = std::move(m);
            bestShape = shape;
        }
    }
    return best;
}

const Route* RouteTable::Match::find(QByteArrayView method) const
{
    for (const Route* r : routes) {
        if (r->method == method)
            return r;
    }
    return nullptr;
}

QByteArray RouteTable::Match::allowHeader() const
{
    QList<QByteArray> methods;
    for (const Route* r : routes) {
        methods.append(r->method);
        if (r->method == "GET")
            methods.append("HEAD");
    }
    methods.append("OPTIONS");
    return methods.join(", ");
}

} // namespace dpp::server
