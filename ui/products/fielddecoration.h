// FieldDecoration: how an editor field shows a validation error: a red border,
// the message as tooltip and, when the field has one, in a label under it.
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace dpp::ui {

class FieldDecoration
{
public:
    // Empty `error` clears the decoration.
    static void apply(QWidget* field, QLabel* message, const QString& error);
    // Property set on a decorated field; tests and the error list read it.
    static constexpr const char* kErrorProperty = "dppFieldError";
};

} // namespace dpp::ui
