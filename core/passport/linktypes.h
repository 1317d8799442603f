// LinkTypes: the 60 ratified GS1 Web Vocabulary link types (WebVoc 1.16, bundled in
// resources/resolver/linktypes.json), so link records and resolver requests can be
// checked and normalised without the network.
#pragma once

#include <QString>
#include <QStringList>

namespace dpp::passport {

class LinkTypes
{
public:
    /// The namespace we emit in linksets and the description file (GS1 Resolver 1.2).
    static constexpr const char* kNamespace = "https://ref.gs1.org/voc/";

    /// Every ratified type as a CURIE ("gs1:pip"), sorted.
    static const QStringList& all();
    /// "gs1:pip", "https://gs1.org/voc/pip", "https://ref.gs1.org/voc/pip",
    /// "https://www.gs1.org/voc/pip" (any case) → "gs1:pip"; empty when not a ratified type.
    static QString normalise(QStringView value);
    /// "gs1:pip" → "https://ref.gs1.org/voc/pip".
    static QString uri(const QString& curie);
    /// The label WebVoc gives the type ("Product information page"); empty when unknown.
    static QString label(const QString& curie);
};

} // namespace dpp::passport
