#include "linkchoice.h"

namespace dpp::server {

using passport::ResolverLink;
using Links = QList<const ResolverLink*>;

namespace {

// Narrows `links` to those passing `keep`, unless none does (then the step says nothing).
template <typename Pred> void narrow(Links& links, Pred keep)
{
    Links kept;
    for (const ResolverLink* l : links)
        if (keep(*l))
            kept.append(l);
    if (!kept.isEmpty())
        links = kept;
}

bool mediaMatches(const QString& range, const QString& type)
{
    if (type.isEmpty())
        return false;
    if (range.endsWith(QLatin1String("/*")))
        return type.startsWith(range.left(range.size() - 1), Qt::CaseInsensitive);
    return type.compare(range, Qt::CaseInsensitive) == 0;
}

bool sameAttributes(const ResolverLink& a, const ResolverLink& b)
{
    QStringList la = a.languages, lb = b.languages;
    la.sort();
    lb.sort();
    return la == lb && a.mediaType == b.mediaType && a.context == b.context && a.device == b.device;
}

} // namespace

QString LinkChoice::lookupLanguage(const QList<QString>& ranges, const QStringList& available)
{
    QStringList tags;
    for (const QString& t : available)
        tags.append(t.toLower());
    for (QString range : ranges) {
        while (!range.isEmpty()) {
            if (tags.contains(range))
                return range;
            const qsizetype dash = range.lastIndexOf(u'-');
            range = dash > 0 ? range.left(dash) : QString();
        }
    }
    for (const QString& range : ranges)
        for (const QString& tag : tags)
            if (tag.startsWith(range + u'-'))
                return tag;
    return {};
}

LinkChoice::Answer LinkChoice::choose(Links candidates, const ClientPreferences& prefs,
                                      const ResolverLink* fallback)
{
    // Audience first: a link for "regulator" is never served to a request without that
    // context when a general link exists.
    if (!prefs.context.isEmpty())
        narrow(candidates, [&](const ResolverLink& l) {
            return l.context.compare(prefs.context, Qt::CaseInsensitive) == 0;
        });
    else
        narrow(candidates, [](const ResolverLink& l) { return l.context.isEmpty(); });
    // A link for the client's platform beats a general one; one for another platform only
    // serves when nothing else is there.
    Links forDevice = candidates;
    narrow(forDevice, [&](const ResolverLink& l) { return l.device == prefs.device; });
    if (!forDevice.isEmpty() && forDevice.first()->device == prefs.device)
        candidates = forDevice;
    else
        narrow(candidates, [](const ResolverLink& l) { return l.device == QLatin1String("any"); });

    QStringList tags;
    for (const ResolverLink* l : candidates)
        tags.append(l->languages);
    const QString language = lookupLanguage(prefs.languages, tags);
    if (!language.isEmpty())
        narrow(candidates, [&](const ResolverLink& l) {
            for (const QString& t : l.languages)
                if (t.compare(language, Qt::CaseInsensitive) == 0)
                    return true;
            return false;
        });
    for (const QString& range : prefs.mediaTypes) {
        const qsizetype before = candidates.size();
        Links matching = candidates;
        narrow(matching, [&](const ResolverLink& l) { return mediaMatches(range, l.mediaType); });
        if (matching.size() < before || mediaMatches(range, matching.first()->mediaType)) {
            candidates = matching;
            break;
        }
    }

    Answer a;
    a.remaining = candidates;
    if (candidates.size() == 1) {
        a.link = candidates.first();
        return a;
    }
    if (fallback && candidates.contains(fallback)) {
        a.link = fallback;
        return a;
    }
    bool allAlike = true;
    for (const ResolverLink* l : candidates)
        allAlike = allAlike && sameAttributes(*l, *candidates.first());
    if (allAlike && !fallback) {
        a.outcome = Outcome::Ambiguous;
        return a;
    }
    // The request expressed no preference that tells them apart: the oldest one.
    a.link = candidates.first();
    return a;
}

} // namespace dpp::server
