// ViewerStrings: the passport viewer's page chrome ("Ingredients", "Allergens", …) in each
// language it ships, from :/viewer/strings.json. Chosen per request on the server, which is
// why these are not Qt tr() strings (tr() follows the process locale).
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace dpp::exporting {

class ViewerStrings
{
public:
    /// Languages with a chrome table ("en", "de", "fr", "sk", "pt"); "en" is complete.
    static const QStringList& languages();
    /// `key` in `language`; falls back to English, then to the key itself.
    static QString text(const QString& language, const QString& key);
    /// Whether `language` has its own text for `key` (no English fallback).
    static bool has(const QString& language, const QString& key);
    /// Every key in `language`, English filling the gaps: the `t` object of the templates.
    static QJsonObject table(const QString& language);
};

} // namespace dpp::exporting
