#include "linktypes.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace dpp::passport {

namespace {

struct Vocabulary
{
    QStringList curies;
    QHash<QString, QString> byLowerName; // "pip" → "gs1:pip"
    QHash<QString, QString> labels;      // "gs1:pip" → label
};

const Vocabulary& vocabulary()
{
    static const Vocabulary v = [] {
        Vocabulary out;
        QFile file(QStringLiteral(":/resolver/linktypes.json"));
        if (!file.open(QIODevice::ReadOnly))
            return out;
        const QJsonObject types = QJsonDocument::fromJson(file.readAll())
                                      .object()
                                      .value(QStringLiteral("linkTypes"))
                                      .toObject();
        for (auto it = types.begin(); it != types.end(); ++it) {
            out.curies.append(it.key());
            out.byLowerName.insert(it.key().mid(4).toLower(), it.key());
            out.labels.insert(it.key(),
                              it.value().toObject().value(QStringLiteral("label")).toString());
        }
        out.curies.sort();
        return out;
    }();
    return v;
}

} // namespace

const QStringList& LinkTypes::all()
{
    return vocabulary().curies;
}

QString LinkTypes::normalise(QStringView value)
{
    static const QStringList prefixes = {
        QStringLiteral("gs1:"), QStringLiteral("https://ref.gs1.org/voc/"),
        QStringLiteral("https://gs1.org/voc/"), QStringLiteral("https://www.gs1.org/voc/"),
        QStringLiteral("http://gs1.org/voc/")};
    for (const QString& prefix : prefixes) {
        if (value.startsWith(prefix, Qt::CaseInsensitive))
            return vocabulary().byLowerName.value(value.mid(prefix.size()).toString().toLower());
    }
    return {};
}

QString LinkTypes::uri(const QString& curie)
{
    return QLatin1String(kNamespace) + curie.mid(4);
}

QString LinkTypes::label(const QString& curie)
{
    return vocabulary().labels.value(curie);
}

} // namespace dpp::passport
