// PassportView: what the public passport page shows, as a template model: the sections of
// one audience view (consumer, recycler, regulator) in one language, with numbers and units
// formatted. It reads only projectForAudience() output, so a field the audience may not see
// can never reach the page. ViewerPage renders it; a GUI preview can render it too.
#pragma once

#include "passport/audienceprojection.h"
#include "passport/batteryunit.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace dpp::exporting {

class PassportView
{
public:
    enum class View { Consumer, Recycler, Regulator };

    /// "consumer" | "recycler" | "regulator" (empty = consumer); false for anything else.
    static bool parseView(const QString& text, View* out);
    static QString toString(View view);

    struct Options
    {
        View view = View::Consumer;
        /// Who is looking: Public unless the request carried an authorised session.
        passport::Audience audience = passport::Audience::Public;
        QString chromeLanguage = QStringLiteral("en");  // headings and labels
        QString contentLanguage = QStringLiteral("en"); // the product's multilingual fields
        QString lot;
        QString serial;
        /// The page's own path ("/passport/01/…/10/…"): view and language links append
        /// a query to it, so every link stays on this page.
        QString pagePath;
        QString idBase; // resolver base for the JSON-LD ids
        /// The physical battery the serial names, with its latest state-of-health reading.
        /// Annex XIII point 4 data: shown only to the legitimate-interest audience.
        std::optional<passport::BatteryUnit> unit;
        std::optional<passport::SohReading> latestReading;
    };

    /// The audience an authorised session of the passport's tenant gets in `view`:
    /// recyclers are parties with a legitimate interest, regulators are authorities, and the
    /// consumer view is the public one for everybody.
    static passport::Audience authorisedAudience(View view);

    /// The model for templates/passport.html (keys documented in that file).
    static QJsonObject build(const passport::Product& product,
                             const passport::PassportVersion& version, const Options& options);

    /// The languages the product's own texts come in (name, ingredient statement), the
    /// default one first: English when the name has it, else the name's first language.
    static QStringList contentLanguages(const passport::Product& product,
                                        const passport::PassportVersion& version);

    /// `value` with the decimals it needs (at most 3), in the conventions of `language`
    /// ("0,6" in German, "150,000" in English).
    static QString formatNumber(double value, const QString& language);
};

} // namespace dpp::exporting
