#include "clientpreferences.h"

#include <algorithm>

namespace dpp::server {

QList<QString> ClientPreferences::parseQualityList(const QByteArray& header)
{
    struct Item
    {
        QString value;
        double q;
        int order;
    };
    // Most clients send one range ("*/*", "en"): no list or weights to take apart.
    if (!header.contains(',') && !header.contains(';')) {
        const QByteArray value = header.trimmed();
        return value.isEmpty() ? QList<QString>()
                               : QList<QString>{QString::fromLatin1(value).toLower()};
    }
    QList<Item> items;
    int order = 0;
    for (const QByteArray& part : header.split(',')) {
        const QList<QByteArray> fields = part.split(';');
        const QByteArray value = fields.first().trimmed();
        if (value.isEmpty())
            continue;
        double q = 1.0;
        for (qsizetype i = 1; i < fields.size(); ++i) {
            const QByteArray f = fields[i].trimmed();
            if (f.startsWith("q=") || f.startsWith("Q=")) {
                bool ok = false;
                q = f.mid(2).toDouble(&ok);
                if (!ok)
                    q = 0; // a malformed weight is treated as "not acceptable"
            }
        }
        if (q > 0)
            items.append({QString::fromLatin1(value).toLower(), q, order++});
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.q > b.q; });
    QList<QString> out;
    for (const Item& i : items)
        out.append(i.value);
    return out;
}

QString ClientPreferences::deviceOf(const QByteArray& userAgent)
{
    if (userAgent.contains("iPhone") || userAgent.contains("iPad") || userAgent.contains("iPod"))
        return QStringLiteral("ios");
    if (userAgent.contains("Android"))
        return QStringLiteral("android");
    return QStringLiteral("desktop");
}

ClientPreferences ClientPreferences::from(const QByteArray& acceptLanguage,
                                          const QByteArray& accept, const QByteArray& userAgent,
                                          const QString& context)
{
    ClientPreferences p;
    p.languages = parseQualityList(acceptLanguage);
    p.languages.removeAll(QStringLiteral("*"));
    p.mediaTypes = parseQualityList(accept);
    p.mediaTypes.removeAll(QStringLiteral("*/*"));
    p.context = context;
    p.device = deviceOf(userAgent);
    return p;
}

} // namespace dpp::server
