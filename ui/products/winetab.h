// WineTab: the EU wine e-label of a wine product: scalar fields, ingredients
// (ordered: the label lists them by weight), nutrition per 100 ml with the
// energy computed from the nutrients and a warning when the declared value
// differs, allergens, origin and producers.
#pragma once

#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;

namespace dpp::ui {

class FieldForm;
class JsonTableEditor;
class ProductDocument;

class WineTab : public QWidget
{
    Q_OBJECT
public:
    explicit WineTab(ProductDocument* document, QWidget* parent = nullptr);

    JsonTableEditor* ingredients() const { return m_ingredients; }
    QLabel* computedEnergy() const { return m_computed; }
    QLabel* energyWarning() const { return m_warning; }
    QHash<QString, QWidget*> fields() const;

private:
    void refresh(const QString& path);

    ProductDocument* m_document;
    QList<FieldForm*> m_forms;
    JsonTableEditor* m_ingredients;
    JsonTableEditor* m_producers;
    QLabel* m_computed;
    QLabel* m_warning;
    QHash<QString, QCheckBox*> m_allergens;
};

} // namespace dpp::ui
