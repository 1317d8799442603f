#include "resolver.h"

#include "clientpreferences.h"
#include "gs1/compresseddigitallink.h"
#include "gs1/digitallink.h"
#include "linkchoice.h"
#include "linksetbuilder.h"
#include "passport/linktypes.h"
#include "store/resolverlinkrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace dpp::server {

using passport::LinkTypes;
using passport::ResolverLink;

namespace {

constexpr const char* kAllow = "GET, HEAD, OPTIONS";
constexpr const char* kVary = "Accept, Accept-Language";

bool isDigits(QByteArrayView s)
{
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return !s.isEmpty();
}

QByteArray linksetLinkHeader(const QString& anchor)
{
    return "<" + anchor.toUtf8() +
           "?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"";
}

QByteArray contextLinkHeader(const QString& origin)
{
    return "<" + origin.toUtf8() +
           "/linkset-context.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"; "
           "type=\"application/ld+json\"";
}

bool isPort(QByteArrayView s)
{
    return s.size() >= 1 && s.size() <= 5 && isDigits(s);
}

// A Host header we may echo into anchors: a name or IPv4 ("[A-Za-z0-9.-]+") or a bracketed
// IPv6 literal, each with an optional ":port" of 1-5 digits. Checked by hand: this runs on
// every resolver request and a QRegularExpression match was a visible share of a redirect.
bool hostShaped(QByteArrayView host)
{
    if (host.startsWith('[')) {
        const qsizetype close = host.indexOf(']');
        if (close < 2)
            return false;
        for (char c : host.sliced(1, close - 1))
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
                  c == ':' || c == '.'))
                return false;
        const QByteArrayView rest = host.sliced(close + 1);
        return rest.isEmpty() || (rest.startsWith(':') && isPort(rest.sliced(1)));
    }
    qsizetype colon = host.indexOf(':');
    const QByteArrayView name = colon < 0 ? host : host.first(colon);
    if (name.isEmpty())
        return false;
    for (char c : name)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '.' || c == '-'))
            return false;
    return colon < 0 || isPort(host.sliced(colon + 1));
}

Response errorAnswer(const ApiError& e)
{
    Response r = Response::error(e);
    r.setHeader("Vary", kVary);
    Resolver::addCors(r);
    return r;
}

const QJsonObject& linksetContext()
{
    static const QJsonObject context = [] {
        QFile f(QStringLiteral(":/resolver/linkset-context.jsonld"));
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll())
                                                 .object()
                                                 .value(QStringLiteral("@context"))
                                                 .toObject()
                                           : QJsonObject();
    }();
    return context;
}

} // namespace

Resolver::Resolver(ApiContext context) : m_context(std::move(context)) {}

bool Resolver::claimsAsAi(const QByteArray& rawPath)
{
    const qsizetype end = rawPath.indexOf('/', 1);
    const QByteArrayView first =
        QByteArrayView(rawPath).sliced(1, end < 0 ? rawPath.size() - 1 : end - 1);
    return first.size() >= 2 && first.size() <= 4 && isDigits(first);
}

bool Resolver::claims(const QByteArray& rawPath)
{
    if (!rawPath.startsWith('/'))
        return false;
    const qsizetype end = rawPath.indexOf('/', 1);
    const QByteArrayView first =
        QByteArrayView(rawPath).sliced(1, end < 0 ? rawPath.size() - 1 : end - 1);
    if (first.size() >= 2 && first.size() <= 4 && isDigits(first))
        return true;
    // One segment of URI-safe base64: a legacy compressed Digital Link (R21).
    QByteArrayView single = QByteArrayView(rawPath).sliced(1);
    if (single.endsWith('/'))
        single.chop(1);
    return end < 0 || end == rawPath.size() - 1
               ? gs1::CompressedDigitalLink::looksCompressed(QString::fromLatin1(single))
               : false;
}

Response Resolver::handleCompressed(const Request& request, const QString& segment)
{
    const auto decoded = gs1::CompressedDigitalLink::decompress(segment);
    if (!decoded.ok()) // not one of ours: the same answer as any unknown path
        return errorAnswer(
            ApiError::notFound(QStringLiteral("no route for /%1").arg(segment.left(200))));
    const QString origin = originOf(request);
    const auto dl = gs1::DigitalLink::build(decoded->ais, origin);
    if (!dl.ok())
        return errorAnswer(ApiError::badRequest(
            QStringLiteral("invalid_digital_link"),
            QStringLiteral("the compressed Digital Link decodes to an invalid one: %1")
                .arg(dl.error().message),
            dl.error().param.isEmpty() ? QStringLiteral("path") : dl.error().param));
    // Answer exactly as for the uncompressed URI (R21: no redirect to it on our own domain).
    QString uri = dl->uri().mid(origin.size());
    for (const auto& [key, value] : decoded->nonGs1)
        uri += (uri.contains(u'?') ? u'&' : u'?') +
               QString::fromLatin1(QUrl::toPercentEncoding(key)) + u'=' +
               QString::fromLatin1(QUrl::toPercentEncoding(value));
    Request inner = request;
    const qsizetype q = uri.indexOf(u'?');
    inner.rawPath = (q < 0 ? uri : uri.left(q)).toLatin1();
    QByteArray query = q < 0 ? QByteArray() : uri.mid(q + 1).toLatin1();
    if (!request.rawQuery.isEmpty())
        query += (query.isEmpty() ? "" : "&") + request.rawQuery;
    inner.rawQuery = query;
    inner.query = QUrlQuery(QString::fromLatin1(query));
    Response r = handle(inner);
    const QByteArray sameAs = "<" + (origin + uri).toUtf8() + ">; rel=\"owl:sameAs\"";
    const QByteArray link = r.header("Link");
    r.setHeader("Link", link.isEmpty() ? sameAs : link + ", " + sameAs);
    return r;
}

void Resolver::addCors(Response& r)
{
    // Literals without an allocation each: these go out on every scan.
    r.setHeader(QByteArrayLiteral("Access-Control-Allow-Origin"), QByteArrayLiteral("*"));
    r.setHeader(QByteArrayLiteral("Access-Control-Expose-Headers"),
                QByteArrayLiteral("Link, Location, Vary, Content-Type"));
}

QString Resolver::originOf(const Request& request)
{
    QString scheme = request.secure ? QStringLiteral("https") : QStringLiteral("http");
    // Behind a TLS-terminating load balancer the client used https although we see http.
    const QByteArray forwarded = request.header("x-forwarded-proto").trimmed().toLower();
    if (forwarded == "https" || forwarded == "http")
        scheme = QString::fromLatin1(forwarded);
    const QByteArray host = request.header("host");
    return scheme + QStringLiteral("://") +
           (hostShaped(host) ? QString::fromLatin1(host) : QStringLiteral("localhost"));
}

QJsonObject Resolver::descriptionFile(const QString& origin)
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("DPP Studio GS1 Digital Link resolver")},
        {QStringLiteral("resolverRoot"), origin},
        {QStringLiteral("supportedPrimaryKeys"), QJsonArray{QStringLiteral("01")}},
        {QStringLiteral("supportedLinkType"),
         QJsonArray{QJsonObject{{QStringLiteral("namespace"), QLatin1String(LinkTypes::kNamespace)},
                                {QStringLiteral("prefix"), QStringLiteral("gs1:")}}}},
        {QStringLiteral("linkTypeDefaultCanBeLinkset"), true},
        {QStringLiteral("jsonLdContextLocation"),
         QString(origin + QStringLiteral("/linkset-context.jsonld"))}};
}

Result<std::shared_ptr<const store::ResolverRecord>> Resolver::lookup(const QString& gtin14)
{
    // The head is read before the links: a write committed in between then only makes
    // the next head read drop the entry, never keeps an old answer (see the header's rule).
    if (m_knownHead < 0 || m_headAge.elapsed() >= m_context.resolverFreshnessMs) {
        if (!m_head)
            m_head = std::make_unique<store::JournalHead>(*m_context.db);
        const auto head = m_head->read();
        if (!head.ok())
            return head.error();
        m_knownHead = *head;
        m_headAge.start();
    }
    const quint64 generation = store::ResolverLinkRepository::changeCounter();
    const auto it = m_cache.constFind(gtin14);
    if (it != m_cache.cend() && it->generation == generation && it->journalHead == m_knownHead)
        return it->record;
    auto found = store::ResolverLookup::find(*m_context.db, gtin14);
    if (!found.ok())
        return found.error();
    if (m_cache.size() >= kCacheEntries)
        m_cache.clear(); // crude but bounded; hot keys are back after one query
    auto record = std::make_shared<const store::ResolverRecord>(std::move(found).value());
    m_cache.insert(gtin14, Cached{record, m_knownHead, generation});
    return std::shared_ptr<const store::ResolverRecord>(record);
}

Response Resolver::handle(const Request& request)
{
    QByteArray path = request.rawPath;
    // R16: one trailing slash is tolerated (the DL syntax itself refuses it).
    if (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    const QString origin = originOf(request);
    const QString requestAnchor = origin + QString::fromLatin1(path);
    if (path.indexOf('/', 1) < 0 && !claimsAsAi(path))
        return handleCompressed(request, QString::fromLatin1(path.mid(1)));

    if (request.method == "OPTIONS") {
        Response r = Response::noContent();
        r.setHeader("Allow", kAllow);
        r.setHeader("Access-Control-Allow-Methods", kAllow);
        r.setHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type");
        r.setHeader("Access-Control-Max-Age", "600");
        r.setHeader("Link", linksetLinkHeader(requestAnchor));
        r.setHeader("Vary", kVary);
        addCors(r);
        return r;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        Response r = errorAnswer(ApiError::methodNotAllowed(
            QStringLiteral("%1 is not allowed on a Digital Link; allowed: %2")
                .arg(QString::fromLatin1(request.method.left(16)), QLatin1String(kAllow))));
        r.setHeader("Allow", kAllow);
        return r;
    }

    // R5: the full URI through the GS1 syntax checks (path order, check digits, query AIs).
    QString uri = QStringLiteral("https://resolver.invalid") + QString::fromLatin1(path);
    if (!request.rawQuery.isEmpty())
        uri += u'?' + QString::fromLatin1(request.rawQuery);
    const auto dl = gs1::DigitalLink::parse(uri);
    if (!dl.ok())
        return errorAnswer(ApiError::badRequest(
            QStringLiteral("invalid_digital_link"),
            QStringLiteral("not a valid GS1 Digital Link: %1").arg(dl.error().message),
            dl.error().param.isEmpty() ? QStringLiteral("path") : dl.error().param));
    if (dl->primaryKey().ai != QLatin1String("01"))
        return errorAnswer(
            ApiError::notFound(QStringLiteral("this resolver holds links for GTINs (AI 01) only")));

    const QString gtin = dl->primaryKey().value;
    QString lot, serial;
    for (const auto& list : {dl->pathAis(), dl->queryAis()})
        for (const gs1::AiValue& ai : list) {
            if (ai.ai == QLatin1String("10") && lot.isEmpty())
                lot = ai.value;
            else if (ai.ai == QLatin1String("21"))
                serial = ai.value;
        }

    const auto record = lookup(gtin);
    if (!record.ok())
        return errorAnswer(ApiError::serviceUnavailable(
            QStringLiteral("the link store is not reachable; try again shortly")));
    const store::ResolverRecord& rec = **record;

    // Anchors: the request path cut after the AI of each level (the suite walks up two
    // segments at a time and compares byte for byte).
    const QList<QByteArray> segments = path.split('/');
    const auto anchorAfter = [&](const char* ai) -> QString {
        for (qsizetype i = 1; i + 1 < segments.size(); i += 2)
            if (segments[i] == ai)
                return origin + QString::fromLatin1(segments.mid(0, i + 2).join('/'));
        return requestAnchor;
    };
    QList<LinksetBuilder::Level> levels;
    // Anchor and description are only made for a level that has links: most requests
    // name levels (lot, serial) with none, and building their texts was wasted work.
    const auto addLevel = [&](const char* level, const QString& qualifier, const char* ai,
                              const char* kind) {
        QList<const ResolverLink*> found;
        for (const ResolverLink& link : rec.links)
            if (link.level == QLatin1String(level) && link.qualifier == qualifier)
                found.append(&link);
        if (found.isEmpty())
            return;
        levels.append(LinksetBuilder::Level{
            anchorAfter(ai),
            kind ? QStringLiteral("%1, %2 %3")
                       .arg(rec.itemDescription, QLatin1String(kind), qualifier)
                 : rec.itemDescription,
            std::move(found)});
    };
    // R20: most specific first; unknown qualifiers fall through to the next level up.
    if (!serial.isEmpty())
        addLevel("serial", serial, "21", "serial");
    if (!lot.isEmpty())
        addLevel("lot", lot, "10", "lot");
    addLevel("gtin", QString(), "01", nullptr);
    if (levels.isEmpty())
        return errorAnswer(
            ApiError::notFound(QStringLiteral("no links are registered for GTIN %1").arg(gtin)));

    QString linkType;
    for (const auto& [key, value] : request.query.queryItems(QUrl::FullyDecoded))
        if (key.compare(QLatin1String("linkType"), Qt::CaseInsensitive) == 0)
            linkType = value;
    const QList<QString> accepted = ClientPreferences::parseQualityList(request.header("accept"));
    const bool acceptsJson = accepted.contains(QStringLiteral("application/linkset+json")) ||
                             accepted.contains(QStringLiteral("application/json")) ||
                             accepted.contains(QStringLiteral("application/ld+json"));
    const bool wantsHtml = !acceptsJson && accepted.contains(QStringLiteral("text/html"));
    const bool linksetAsked =
        linkType.compare(QLatin1String("linkset"), Qt::CaseInsensitive) == 0 ||
        linkType.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0 ||
        (linkType.isEmpty() && acceptsJson);

    RawScan scan;
    scan.tenantId = rec.tenantId;
    scan.productId = rec.productId;
    scan.gtin = gtin;
    scan.lot = lot;
    scan.serial = serial;
    scan.at = QDateTime::currentDateTimeUtc();
    // The client as trusted proxies vouch for it (--trusted-proxy): behind a reverse
    // proxy the TCP peer is the proxy, and every scan would be located there.
    scan.client = request.clientAddress.isNull() ? request.remoteAddress : request.clientAddress;
    scan.userAgent = request.header("user-agent");
    scan.referer = request.header("referer");
    const auto record_ = [&](const QString& level, const QString& served) {
        if (!m_context.scans || request.method != "GET")
            return;
        scan.keyLevel = level;
        scan.linkType = served;
        m_context.scans->record(scan);
    };
    const auto levelOf = [](const ResolverLink* l) { return l->level; };

    // The linkset (R8–R11) and the 300 answer (R18) share one shape.
    const auto linksetAnswer = [&](const QList<LinksetBuilder::Level>& shown, int status) {
        QJsonObject set = LinksetBuilder::build(shown);
        Response r;
        if (wantsHtml) {
            r = Response::bytes(LinksetBuilder::html(shown, set, rec.itemDescription),
                                "text/html; charset=utf-8", status);
        } else if (accepted.contains(QStringLiteral("application/ld+json")) &&
                   !accepted.contains(QStringLiteral("application/linkset+json"))) {
            set.insert(QStringLiteral("@context"), linksetContext()); // R11: embedded
            r = Response::bytes(QJsonDocument(set).toJson(QJsonDocument::Compact),
                                "application/ld+json", status);
        } else {
            const bool plainJson = accepted.contains(QStringLiteral("application/json")) &&
                                   !accepted.contains(QStringLiteral("application/linkset+json"));
            r = Response::bytes(QJsonDocument(set).toJson(QJsonDocument::Compact),
                                plainJson ? "application/json" : "application/linkset+json",
                                status);
        }
        r.setHeader("Link", contextLinkHeader(origin) + ", " + linksetLinkHeader(requestAnchor));
        r.setHeader("Vary", kVary);
        addCors(r);
        return r;
    };

    if (linksetAsked) {
        record_(levels.first().links.first()->level, QStringLiteral("linkset"));
        return linksetAnswer(levels, 200);
    }

    QString wanted;
    if (!linkType.isEmpty()) {
        wanted = LinkTypes::normalise(linkType);
        if (wanted.isEmpty())
            return errorAnswer(ApiError::notFound(
                QStringLiteral("\"%1\" is not a GS1 link type this resolver knows")
                    .arg(linkType.left(100))));
        if (wanted == QLatin1String("gs1:defaultLink") ||
            wanted == QLatin1String("gs1:defaultLinkMulti"))
            wanted.clear();
    }
    const ClientPreferences prefs = ClientPreferences::from(
        request.header("accept-language"), request.header("accept"), scan.userAgent,
        request.query.queryItemValue(QStringLiteral("context"), QUrl::FullyDecoded));

    const ResolverLink* chosen = nullptr;
    for (const LinksetBuilder::Level& level : levels) {
        const ResolverLink* def = nullptr;
        for (const ResolverLink* l : level.links)
            if (l->isDefault)
                def = l;
        const QString type = wanted.isEmpty() ? (def ? def->linkType : QString()) : wanted;
        QList<const ResolverLink*> candidates;
        for (const ResolverLink* l : level.links)
            if (!type.isEmpty() && l->linkType == type)
                candidates.append(l);
        if (candidates.isEmpty())
            continue; // R20: walk up without redirecting
        const auto answer =
            LinkChoice::choose(candidates, prefs, def && def->linkType == type ? def : nullptr);
        if (answer.outcome == LinkChoice::Outcome::Ambiguous) {
            LinksetBuilder::Level shown{level.anchor, level.itemDescription, answer.remaining};
            record_(levelOf(answer.remaining.first()), wanted);
            Response r = linksetAnswer({shown}, 300);
            return r;
        }
        chosen = answer.link;
        break;
    }
    if (!chosen)
        return errorAnswer(ApiError::notFound(
            QStringLiteral("no %1 link is registered for this item").arg(wanted)));

    // R17: the raw query string travels on, unchanged.
    QByteArray location = chosen->href.toUtf8();
    if (!request.rawQuery.isEmpty())
        location += (location.contains('?') ? "&" : "?") + request.rawQuery;
    Response r;
    r.status = 307;
    r.setHeader(QByteArrayLiteral("Location"), location);
    r.setHeader(QByteArrayLiteral("Link"), linksetLinkHeader(requestAnchor));
    r.setHeader(QByteArrayLiteral("Vary"), kVary);
    r.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    addCors(r);
    record_(levelOf(chosen), wanted.isEmpty() ? QStringLiteral("gs1:defaultLink") : wanted);
    return r;
}

} // namespace dpp::server
