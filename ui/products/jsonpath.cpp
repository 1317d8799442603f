#include "jsonpath.h"

namespace dpp::ui {

QJsonValue JsonPath::value(const QJsonObject& root, const QString& path)
{
    if (path.isEmpty())
        return root;
    QJsonValue v = root;
    for (const QString& key : path.split(u'.'))
        v = v.toObject().value(key);
    return v;
}

QJsonObject JsonPath::withValue(const QJsonObject& root, const QString& path,
                                const QJsonValue& value)
{
    if (path.isEmpty())
        return value.toObject();
    const qsizetype dot = path.indexOf(u'.');
    QJsonObject out = root;
    if (dot < 0) {
        if (value.isUndefined() || value.isNull())
            out.remove(path);
        else
            out.insert(path, value);
        return out;
    }
    const QString head = path.left(dot);
    const QJsonObject child = withValue(root.value(head).toObject(), path.mid(dot + 1), value);
    if (child.isEmpty())
        out.remove(head);
    else
        out.insert(head, child);
    return out;
}

} // namespace dpp::ui
