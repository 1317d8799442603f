#include "acceptlanguage.h"

#include <QRegularExpression>
#include <algorithm>

namespace dpp::exporting {

QStringList AcceptLanguage::ranges(const QByteArray& header)
{
    struct Entry
    {
        QString tag;
        double q;
        qsizetype order;
    };
    QList<Entry> entries;
    const QList<QByteArray> parts = header.split(',');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QList<QByteArray> fields = parts.at(i).split(';');
        const QString tag = QString::fromLatin1(fields.first().trimmed()).toLower();
        if (tag == QLatin1String("*") || !isWellFormed(tag))
            continue;
        double q = 1.0;
        bool valid = true;
        for (qsizetype f = 1; f < fields.size(); ++f) {
            const QByteArray param = fields.at(f).trimmed();
            if (param.startsWith("q=") || param.startsWith("Q=")) {
                bool ok = false;
                q = param.mid(2).toDouble(&ok);
                valid = ok && q >= 0 && q <= 1;
            }
        }
        if (valid && q > 0)
            entries.append({tag, q, i});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.q > b.q; });
    QStringList out;
    for (const Entry& e : entries) {
        if (!out.contains(e.tag))
            out.append(e.tag);
    }
    return out;
}

QString AcceptLanguage::lookup(const QStringList& ranges, const QStringList& available,
                               const QString& fallback)
{
    for (QString range : ranges) {
        range = range.toLower();
        while (!range.isEmpty()) {
            for (const QString& tag : available) {
                if (tag.compare(range, Qt::CaseInsensitive) == 0)
                    return tag;
            }
            qsizetype cut = range.lastIndexOf(u'-');
            if (cut < 0)
                break;
            // RFC 4647 §3.4: a single-letter subtag left at the end goes with the cut.
            if (cut >= 2 && range.at(cut - 2) == u'-')
                cut -= 2;
            range.truncate(cut);
        }
    }
    return fallback;
}

bool AcceptLanguage::isWellFormed(const QString& tag)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$"));
    return re.match(tag).hasMatch();
}

} // namespace dpp::exporting
