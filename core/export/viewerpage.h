// ViewerPage: the public passport page end to end: validates the key (GTIN, batch, serial)
// with the GS1 Digital Link rules, finds the published passport, negotiates the language,
// picks the audience and renders resources/viewer/*.html. The HTTP route and any preview
// call this one function and only translate its answer.
#pragma once

#include "passportview.h"
#include "store/database.h"

#include <QByteArray>
#include <QString>

namespace dpp::exporting {

class ViewerPage
{
public:
    struct Request
    {
        QString gtin;   // any GTIN form (8/12/13/14 digits)
        QString lot;    // AI 10, optional
        QString serial; // AI 21, optional
        QString view;   // ?view=: consumer (default) | recycler | regulator
        QString lang;   // ?lang=: beats Accept-Language
        QByteArray acceptLanguage;
        /// Accept: a client that asks for JSON-LD (and not HTML) gets the passport's JSON-LD,
        /// the same document the page embeds (see wantsJsonLd).
        QByteArray accept;
        /// Tenant of an authenticated session holding passports:read; empty = anonymous.
        /// Restricted fields are shown only when it owns the passport.
        QString authorisedTenant;
        QString idBase; // resolver base URL for the JSON-LD ids
    };

    struct Answer
    {
        int status = 200; // 200, 400 (bad key or parameter), 404 (no published passport)
        QString param;    // for 400: the parameter at fault ("gtin", "batch", "view", …)
        QString language; // language of the page chrome
        QString message;  // for errors: what is wrong, as the page says it
        QByteArray contentType = "text/html; charset=utf-8";
        QByteArray body; // the page (UTF-8), or the JSON-LD
    };

    /// Whether an Accept header asks for JSON-LD rather than a page: it names
    /// application/ld+json or application/json and not text/html. Browsers always name
    /// text/html, so they keep getting the page.
    static bool wantsJsonLd(const QByteArray& accept);

    static Answer render(store::Database& db, const Request& request);

    /// An error page (also for 401/429 answers of the route) in the language the request
    /// asked for; `message` is shown as text.
    static Answer error(int status, const QString& message, const QString& param,
                        const QString& lang, const QByteArray& acceptLanguage);

    /// The page's own path for a key: /passport/01/{gtin}[/10/{lot}][/21/{serial}].
    static QString canonicalPath(const QString& gtin14, const QString& lot, const QString& serial);

    /// resources/viewer/viewer.css (served at /viewer/viewer.css).
    static QByteArray stylesheet();
};

} // namespace dpp::exporting
