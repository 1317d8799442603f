// PropertyPanel: the selected element's properties (box, rotation, z, lock,
// and the fields of its kind); every change is an undo step on the document,
// consecutive typing in one field merging into one step.
#pragma once

#include <QPointer>

#include <QWidget>
#include <functional>
#include <label/labelelement.h>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace dpp::ui {

class ColourButton;
class LabelDesignDocument;
class MergeFieldPicker;

class PropertyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PropertyPanel(QWidget* parent = nullptr);
    void setDocument(LabelDesignDocument* document);
    void setSelection(const QList<int>& indexes);
    int currentIndex() const { return m_index; }
    MergeFieldPicker* mergeFieldPicker() const { return m_picker; }
    ColourButton* strokeButton() const { return m_stroke; }
    ColourButton* fillButton() const { return m_fill; }
    ColourButton* textColourButton() const { return m_textColour; }

    // Inserts "{{field}}" where it belongs: the text at the cursor, or a
    // symbol's content (switching a Digital Link symbol to literal content).
    void insertPlaceholder(const QString& placeholder);

private:
    void refresh();
    void edit(const std::function<void(label::LabelElement&)>& change, const QString& text,
              int mergeKey);
    QDoubleSpinBox* mmSpin(int key, const std::function<void(label::LabelElement&, double)>& set);

    QPointer<LabelDesignDocument> m_document; // owned by the window; may go first
    int m_index = -1;
    bool m_refreshing = false;

    QFormLayout* m_form = nullptr;
    QLabel* m_type = nullptr;
    QDoubleSpinBox *m_x = nullptr, *m_y = nullptr, *m_w = nullptr, *m_h = nullptr;
    QDoubleSpinBox* m_rotation = nullptr;
    QSpinBox* m_z = nullptr;
    QCheckBox* m_locked = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QFontComboBox* m_font = nullptr;
    QDoubleSpinBox* m_fontSize = nullptr;
    QCheckBox* m_bold = nullptr;
    QCheckBox* m_shrink = nullptr;
    QComboBox* m_contentKind = nullptr;
    QLineEdit* m_content = nullptr;
    QDoubleSpinBox* m_module = nullptr;
    QComboBox* m_ec = nullptr;
    QComboBox* m_linearType = nullptr;
    QCheckBox* m_humanReadable = nullptr;
    QLineEdit* m_image = nullptr;
    QDoubleSpinBox* m_lineWidth = nullptr;
    ColourButton* m_stroke = nullptr;
    ColourButton* m_fill = nullptr;
    ColourButton* m_textColour = nullptr;
    MergeFieldPicker* m_picker = nullptr;
};

} // namespace dpp::ui
