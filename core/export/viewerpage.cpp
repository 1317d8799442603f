#include "viewerpage.h"

#include "acceptlanguage.h"
#include "gs1/digitallink.h"
#include "gs1/gtin.h"
#include "htmltemplate.h"
#include "jsonldwriter.h"
#include "store/batteryunitrepository.h"
#include "store/publishedpassportlookup.h"
#include "viewerstrings.h"

#include <QFile>
#include <QJsonDocument>
#include <optional>

namespace dpp::exporting {

namespace {

std::optional<HtmlTemplate> loadTemplate(const QString& path)
{
    auto t = HtmlTemplate::load(path);
    if (!t.ok()) {
        qWarning("viewer: %s", qPrintable(t.error().message));
        return std::nullopt;
    }
    return std::move(t).value();
}

// Templates ship inside the library and are compiled once (thread-safe static init); a
// broken one is a build defect, which the viewer tests catch.
const HtmlTemplate* compiled(bool passportPage)
{
    static const std::optional<HtmlTemplate> passport =
        loadTemplate(QStringLiteral(":/viewer/passport.html"));
    static const std::optional<HtmlTemplate> error =
        loadTemplate(QStringLiteral(":/viewer/error.html"));
    const std::optional<HtmlTemplate>& t = passportPage ? passport : error;
    return t ? &*t : nullptr;
}

QStringList requestedRanges(const QString& lang, const QByteArray& acceptLanguage)
{
    QStringList ranges = AcceptLanguage::ranges(acceptLanguage);
    if (!lang.isEmpty())
        ranges.prepend(lang.toLower());
    return ranges;
}

QString chromeLanguage(const QStringList& ranges, const QString& contentFallback)
{
    const QStringList& available = ViewerStrings::languages();
    const QString fallback =
        available.contains(contentFallback) ? contentFallback : QStringLiteral("en");
    return AcceptLanguage::lookup(ranges, available, fallback);
}

ViewerPage::Answer failure(int status, const QString& message, const QString& param,
                           const QStringList& ranges)
{
    ViewerPage::Answer a;
    a.status = status;
    a.param = param;
    a.message = message;
    a.language = chromeLanguage(ranges, QStringLiteral("en"));
    const auto t = [&](const char* key) {
        return ViewerStrings::text(a.language, QLatin1String(key));
    };
    QString title = status == 404   ? t("notFoundTitle")
                    : status == 401 ? t("unauthorizedTitle")
                    : status == 400 ? t("badRequestTitle")
                                    : QString::number(status);
    const QJsonObject model{{QStringLiteral("lang"), a.language},
                            {QStringLiteral("status"), status},
                            {QStringLiteral("title"), title},
                            {QStringLiteral("message"), message},
                            {QStringLiteral("param"), param},
                            {QStringLiteral("t"), ViewerStrings::table(a.language)},
                            {QStringLiteral("stylesheet"), QStringLiteral("/viewer/viewer.css")}};
    if (const HtmlTemplate* tpl = compiled(false))
        a.body = tpl->render(model).toUtf8();
    else
        a.body = "<!DOCTYPE html><title>" + QByteArray::number(status) + "</title>";
    return a;
}

} // namespace

ViewerPage::Answer ViewerPage::error(int status, const QString& message, const QString& param,
                                     const QString& lang, const QByteArray& acceptLanguage)
{
    return failure(
        status, message, param,
        requestedRanges(AcceptLanguage::isWellFormed(lang) ? lang : QString(), acceptLanguage));
}

QString ViewerPage::canonicalPath(const QString& gtin14, const QString& lot, const QString& serial)
{
    QString path = QStringLiteral("/passport/01/") + gtin14;
    if (!lot.isEmpty())
        path += QStringLiteral("/10/") + gs1::DigitalLink::escape(lot, false);
    if (!serial.isEmpty())
        path += QStringLiteral("/21/") + gs1::DigitalLink::escape(serial, false);
    return path;
}

bool ViewerPage::wantsJsonLd(const QByteArray& accept)
{
    const QByteArray a = accept.toLower();
    return (a.contains("application/ld+json") || a.contains("application/json")) &&
           !a.contains("text/html");
}

QByteArray ViewerPage::stylesheet()
{
    QFile file(QStringLiteral(":/viewer/viewer.css"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ViewerPage::Answer ViewerPage::render(store::Database& db, const Request& request)
{
    // A malformed ?lang= is the user's mistake; say so rather than guess.
    if (!request.lang.isEmpty() && !AcceptLanguage::isWellFormed(request.lang))
        return failure(400,
                       QStringLiteral("lang: \"%1\" is not a language tag (e.g. en, de, pt-BR)")
                           .arg(request.lang.left(40)),
                       QStringLiteral("lang"), requestedRanges({}, request.acceptLanguage));
    const QStringList ranges = requestedRanges(request.lang, request.acceptLanguage);

    PassportView::View view;
    if (!PassportView::parseView(request.view, &view))
        return failure(400,
                       QStringLiteral("view: \"%1\" is not a view; use consumer, recycler or "
                                      "regulator")
                           .arg(request.view.left(40)),
                       QStringLiteral("view"), ranges);

    // GTIN-8/12/13 are accepted and padded, as scanners hand them over; then the same rules
    // as a printed Digital Link: check digit, AI 10/21 character set and length.
    const auto gtin = gs1::Gtin::parse(request.gtin);
    if (!gtin.ok())
        return failure(400, QStringLiteral("gtin: ") + gtin.error().message, QStringLiteral("gtin"),
                       ranges);
    QList<gs1::AiValue> ais{{QStringLiteral("01"), gtin->gtin14()}};
    if (!request.lot.isEmpty())
        ais.append({QStringLiteral("10"), request.lot});
    if (!request.serial.isEmpty())
        ais.append({QStringLiteral("21"), request.serial});
    const auto link = gs1::DigitalLink::build(ais);
    if (!link.ok()) {
        // Name the parameter the user typed, not the AI behind it.
        const QString ai = link.error().param.section(u':', -1);
        const QString param = ai == QLatin1String("10")   ? QStringLiteral("batch")
                              : ai == QLatin1String("21") ? QStringLiteral("serial")
                                                          : QStringLiteral("gtin");
        return failure(400, param + QStringLiteral(": ") + link.error().message, param, ranges);
    }
    const QString gtin14 = link->primaryKey().value;

    const auto found = store::PublishedPassportLookup(db).find(gtin14, request.authorisedTenant);
    if (!found)
        return failure(404,
                       ViewerStrings::text(chromeLanguage(ranges, QStringLiteral("en")),
                                           QStringLiteral("notFoundText")),
                       QStringLiteral("gtin"), ranges);

    const QStringList content = PassportView::contentLanguages(found->product, found->version);
    PassportView::Options o;
    o.view = view;
    o.contentLanguage = AcceptLanguage::lookup(ranges, content, content.first());
    o.chromeLanguage = chromeLanguage(ranges, o.contentLanguage);
    const bool authorised =
        !request.authorisedTenant.isEmpty() && request.authorisedTenant == found->tenantId;
    o.audience = authorised ? PassportView::authorisedAudience(view) : passport::Audience::Public;
    o.lot = request.lot;
    o.serial = request.serial;
    o.pagePath = canonicalPath(gtin14, request.lot, request.serial);
    if (!request.serial.isEmpty() && authorised) {
        // Only looked up for a session that may see it (see PassportView::Options::unit).
        store::BatteryUnitRepository units(db, found->tenantId);
        for (const passport::BatteryUnit& u : units.list(found->product.id)) {
            if (u.serialNumber == request.serial &&
                (request.lot.isEmpty() || u.lot.isEmpty() || u.lot == request.lot)) {
                o.unit = u;
                const auto readings = units.readings(u.id);
                if (!readings.isEmpty())
                    o.latestReading = readings.last();
                break;
            }
        }
    }
    o.idBase = request.idBase.isEmpty() ? QString::fromLatin1(gs1::DigitalLink::kDefaultBase)
                                        : request.idBase;

    Answer a;
    a.language = o.chromeLanguage;
    const HtmlTemplate* tpl = compiled(true);
    if (!tpl) {
        a.status = 500;
        return a;
    }
    if (wantsJsonLd(request.accept)) {
        a.contentType = "application/ld+json";
        a.body = QJsonDocument(
                     JsonLdWriter::passport(found->product, found->version, o.audience, o.idBase))
                     .toJson(QJsonDocument::Compact);
        return a;
    }
    a.body = tpl->render(PassportView::build(found->product, found->version, o)).toUtf8();
    return a;
}

} // namespace dpp::exporting
