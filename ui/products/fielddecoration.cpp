#include "fielddecoration.h"

#include <QLabel>
#include <QWidget>

namespace dpp::ui {

void FieldDecoration::apply(QWidget* field, QLabel* message, const QString& error)
{
    if (field->property(kErrorProperty).toString() == error && !error.isEmpty())
        return;
    field->setProperty(kErrorProperty, error);
    // Scoped to the widget's own class so child widgets (a combo's popup) keep their look.
    field->setStyleSheet(error.isEmpty()
                             ? QString()
                             : QStringLiteral("%1 { border: 2px solid #d32f2f; }")
                                   .arg(QString::fromLatin1(field->metaObject()->className())));
    field->setToolTip(error);
    if (message) {
        message->setText(error);
        message->setVisible(!error.isEmpty());
    }
}

} // namespace dpp::ui
