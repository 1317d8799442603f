// CompositionTab: the product's materials, substances of concern and
// disassembly steps, each an editable table (add, remove, reorder, paste rows
// from a spreadsheet) over the core field tables.
#pragma once

#include <QHash>
#include <QWidget>

namespace dpp::ui {

class JsonTableEditor;
class ProductDocument;

class CompositionTab : public QWidget
{
    Q_OBJECT
public:
    explicit CompositionTab(ProductDocument* document, QWidget* parent = nullptr);
    JsonTableEditor* materials() const { return m_materials; }
    JsonTableEditor* substances() const { return m_substances; }
    JsonTableEditor* steps() const { return m_steps; }
    QHash<QString, QWidget*> fields() const;

private:
    JsonTableEditor* m_materials;
    JsonTableEditor* m_substances;
    JsonTableEditor* m_steps;
};

} // namespace dpp::ui
