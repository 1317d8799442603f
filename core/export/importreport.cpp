#include "importreport.h"

#include <QJsonArray>

namespace dpp::exporting {

QJsonObject ImportReport::toJson() const
{
    QJsonArray list;
    for (const RowError& e : errors)
        list.append(QJsonObject{{QStringLiteral("row"), e.row},
                                {QStringLiteral("column"), e.column},
                                {QStringLiteral("message"), e.message}});
    return {{QStringLiteral("created"), created},
            {QStringLiteral("updated"), updated},
            {QStringLiteral("skipped"), skipped},
            {QStringLiteral("errors"), list}};
}

} // namespace dpp::exporting
