// FieldForm: a form over a table of core FieldSpecs bound to one object of a
// ProductDocument (the product, its battery, the wine e-label's nutrition …).
// Each field gets the widget its type calls for; edits become undoable
// document commands and errors are shown at the field as the user types.
#pragma once

#include <QHash>
#include <QWidget>
#include <passport/fieldspec.h>

class QFormLayout;
class QLabel;

namespace dpp::ui {

class ProductDocument;

class FieldForm : public QWidget
{
    Q_OBJECT
public:
    // `prefix`: the document path of the object ("" = product, "battery",
    // "passport.nutrition"). `showAccess`: add each field's access group.
    FieldForm(ProductDocument* document, QString prefix, const QList<passport::FieldSpec>& specs,
              bool showAccess = false, QWidget* parent = nullptr);

    // Document path -> editor widget, for the editor's "what to fix" list.
    const QHash<QString, QWidget*>& fields() const { return m_fields; }
    QWidget* field(const QString& key) const { return m_fields.value(path(key)); }

private:
    struct Row
    {
        passport::FieldSpec spec;
        QWidget* editor = nullptr;
        QLabel* message = nullptr;
    };
    QString path(const QString& key) const;
    QWidget* createEditor(const passport::FieldSpec& spec);
    void refresh(const QString& changedPath);
    void showErrors();

    ProductDocument* m_document;
    QString m_prefix;
    QList<Row> m_rows;
    QHash<QString, QWidget*> m_fields;
};

} // namespace dpp::ui
