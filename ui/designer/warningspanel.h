// WarningsPanel: what the label engine says about the design for the preview
// record: module snapping at the printer's dpi, modules under the GS1
// minimum X-dimension, symbols overflowing their box, unknown merge fields
// and contents that do not render. All checks are core's; this only lists them.
#pragma once

#include <QListWidget>
#include <label/labeldocument.h>
#include <label/mergerecord.h>

namespace dpp::ui {

class WarningsPanel : public QListWidget
{
    Q_OBJECT
public:
    explicit WarningsPanel(QWidget* parent = nullptr);
    void check(const label::LabelDocument& document, const label::MergeRecord& record);
    QStringList messages() const;

Q_SIGNALS:
    // The element a clicked warning is about (-1 when none).
    void elementActivated(int index);
};

} // namespace dpp::ui
