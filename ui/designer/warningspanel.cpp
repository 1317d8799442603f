#include "warningspanel.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <label/labelrenderer.h>

namespace dpp::ui {

WarningsPanel::WarningsPanel(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("warningsPanel"));
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT elementActivated(item->data(Qt::UserRole).toInt());
    });
}

void WarningsPanel::check(const label::LabelDocument& document, const label::MergeRecord& record)
{
    clear();
    QList<Error> problems;
    QStringList supplied = document.merge.suppliedFields();
    supplied += record.values.keys();
    problems += document.checkMergeFields(supplied);
    // A roll label goes to a label printer, usually black-only (thermal): say which
    // colours it cannot print. A sheet goes to an office printer.
    label::LabelRenderer renderer(
        document, label::RenderSettings{document.calibration.dpi, !document.stock.isSheet()});
    problems += renderer.designWarnings(record);
    // A content that cannot be drawn for this record (bad GTIN, missing field).
    QImage scratch(8, 8, QImage::Format_ARGB32);
    QPainter painter(&scratch);
    if (const Status painted = renderer.paint(painter, record); !painted)
        problems.append(painted.error());
    painter.end();
    static const QRegularExpression elementPath(QStringLiteral("elements\\[(\\d+)\\]"));
    QSet<QString> seen;
    for (const Error& e : problems) {
        const QString text =
            e.param.isEmpty() ? e.message : e.param + QStringLiteral(": ") + e.message;
        if (seen.contains(text))
            continue;
        seen.insert(text);
        auto* item = new QListWidgetItem(text, this);
        const auto m = elementPath.match(e.param);
        item->setData(Qt::UserRole, m.hasMatch() ? m.captured(1).toInt() : -1);
    }
    if (count() == 0) {
        auto* ok = new QListWidgetItem(tr("No problems found"), this);
        ok->setData(Qt::UserRole, -1);
        ok->setFlags(Qt::ItemIsEnabled);
    }
}

QStringList WarningsPanel::messages() const
{
    QStringList out;
    for (int i = 0; i < count(); ++i) {
        if (item(i)->flags() & Qt::ItemIsSelectable)
            out.append(item(i)->text());
    }
    return out;
}

} // namespace dpp::ui
