// MergeFieldPicker: a button with the merge fields core knows (the merge-field
// catalogue plus the open document's source fields); choosing one emits the
// "{{field}}" placeholder to insert.
#pragma once

#include <QToolButton>

namespace dpp::ui {

class MergeFieldPicker : public QToolButton
{
    Q_OBJECT
public:
    explicit MergeFieldPicker(QWidget* parent = nullptr);
    // Extra fields offered first (CSV columns, store fields of the preview record).
    void setExtraFields(const QStringList& fields);
    QStringList fields() const;
    // Same as choosing `field` in the menu.
    void choose(const QString& field);

Q_SIGNALS:
    void placeholderChosen(const QString& placeholder);

private:
    void rebuildMenu();
    QStringList m_extra;
};

} // namespace dpp::ui
