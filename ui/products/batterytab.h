// BatteryTab: every battery field of core/passport/battery.h, grouped as the
// Battery Regulation groups access to them (Annex XIII point 1 public, points
// 2-3 restricted), each field labelled with its access group.
#pragma once

#include <QHash>
#include <QWidget>

namespace dpp::ui {

class FieldForm;
class ProductDocument;

class BatteryTab : public QWidget
{
    Q_OBJECT
public:
    explicit BatteryTab(ProductDocument* document, QWidget* parent = nullptr);
    QHash<QString, QWidget*> fields() const;

private:
    QList<FieldForm*> m_forms;
};

} // namespace dpp::ui
