#include "propertypanel.h"

#include "colourbutton.h"
#include "labeldesigndocument.h"
#include "mergefieldpicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace dpp::ui {

using label::Distance;
using label::LabelElement;

namespace {
enum Key {
    kX = 100,
    kY,
    kW,
    kH,
    kRotation,
    kZ,
    kText,
    kFontSize,
    kContent,
    kModule,
    kLineWidth,
};
} // namespace

PropertyPanel::PropertyPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("propertyPanel"));
    m_form = new QFormLayout(this);
    m_type = new QLabel(tr("Nothing selected"), this);
    m_form->addRow(tr("Element"), m_type);

    m_x = mmSpin(kX, [](LabelElement& e, double v) { e.x = Distance::mm(v); });
    m_y = mmSpin(kY, [](LabelElement& e, double v) { e.y = Distance::mm(v); });
    m_w = mmSpin(kW, [](LabelElement& e, double v) { e.width = Distance::mm(v); });
    m_h = mmSpin(kH, [](LabelElement& e, double v) { e.height = Distance::mm(v); });
    m_x->setObjectName(QStringLiteral("propX"));
    m_y->setObjectName(QStringLiteral("propY"));
    m_w->setObjectName(QStringLiteral("propWidth"));
    m_h->setObjectName(QStringLiteral("propHeight"));
    m_form->addRow(tr("X (mm)"), m_x);
    m_form->addRow(tr("Y (mm)"), m_y);
    m_form->addRow(tr("Width (mm)"), m_w);
    m_form->addRow(tr("Height (mm)"), m_h);

    m_rotation = new QDoubleSpinBox(this);
    m_rotation->setRange(-360, 360);
    m_rotation->setSingleStep(90);
    m_rotation->setSuffix(QStringLiteral("°"));
    connect(m_rotation, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit([v](LabelElement& e) { e.rotation = v; }, tr("Rotate"), kRotation);
    });
    m_form->addRow(tr("Rotation"), m_rotation);

    m_z = new QSpinBox(this);
    m_z->setRange(-1000, 1000);
    connect(m_z, &QSpinBox::valueChanged, this,
            [this](int v) { edit([v](LabelElement& e) { e.z = v; }, tr("Change order"), kZ); });
    m_form->addRow(tr("Z-order"), m_z);

    m_locked = new QCheckBox(tr("Locked"), this);
    m_locked->setObjectName(QStringLiteral("propLocked"));
    connect(m_locked, &QCheckBox::toggled, this, [this](bool on) {
        edit([on](LabelElement& e) { e.locked = on; }, on ? tr("Lock") : tr("Unlock"), -1);
    });
    m_form->addRow(QString(), m_locked);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("propText"));
    m_text->setMaximumHeight(70);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        const QString t = m_text->toPlainText();
        edit([t](LabelElement& e) { e.text = t; }, tr("Edit text"), kText);
    });
    m_form->addRow(tr("Text"), m_text);

    m_font = new QFontComboBox(this);
    connect(m_font, &QFontComboBox::currentFontChanged, this, [this](const QFont& f) {
        const QString family = f.family();
        edit([family](LabelElement& e) { e.fontFamily = family; }, tr("Change font"), -1);
    });
    m_form->addRow(tr("Font"), m_font);
    m_fontSize = new QDoubleSpinBox(this);
    m_fontSize->setRange(2, 400);
    m_fontSize->setSuffix(tr(" pt"));
    connect(m_fontSize, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit([v](LabelElement& e) { e.fontSizePt = v; }, tr("Change font size"), kFontSize);
    });
    m_form->addRow(tr("Size"), m_fontSize);
    m_bold = new QCheckBox(tr("Bold"), this);
    connect(m_bold, &QCheckBox::toggled, this,
            [this](bool on) { edit([on](LabelElement& e) { e.bold = on; }, tr("Bold"), -1); });
    m_form->addRow(QString(), m_bold);
    m_textColour = new ColourButton(false, this);
    m_textColour->setObjectName(QStringLiteral("propTextColour"));
    connect(m_textColour, &ColourButton::colourChosen, this, [this](const QColor& c) {
        edit([c](LabelElement& e) { e.textColour = c; }, tr("Change text colour"), -1);
    });
    m_form->addRow(tr("Text colour"), m_textColour);
    m_shrink = new QCheckBox(tr("Shrink to fit"), this);
    connect(m_shrink, &QCheckBox::toggled, this, [this](bool on) {
        edit([on](LabelElement& e) { e.shrinkToFit = on; }, tr("Shrink to fit"), -1);
    });
    m_form->addRow(QString(), m_shrink);

    m_contentKind = new QComboBox(this);
    m_contentKind->setObjectName(QStringLiteral("propContentKind"));
    m_contentKind->addItem(tr("Digital Link of the record"),
                           int(LabelElement::ContentKind::DigitalLink));
    m_contentKind->addItem(tr("GS1 element string"), int(LabelElement::ContentKind::ElementString));
    m_contentKind->addItem(tr("Literal text"), int(LabelElement::ContentKind::Literal));
    connect(m_contentKind, &QComboBox::currentIndexChanged, this, [this](int) {
        const auto kind = LabelElement::ContentKind(m_contentKind->currentData().toInt());
        edit([kind](LabelElement& e) { e.contentKind = kind; }, tr("Change content"), -1);
    });
    m_form->addRow(tr("Encodes"), m_contentKind);
    m_content = new QLineEdit(this);
    m_content->setObjectName(QStringLiteral("propContent"));
    connect(m_content, &QLineEdit::textEdited, this, [this](const QString& t) {
        edit([t](LabelElement& e) { e.content = t; }, tr("Change content"), kContent);
    });
    m_form->addRow(tr("Content"), m_content);
    m_module = mmSpin(kModule, [](LabelElement& e, double v) { e.moduleMm = Distance::mm(v); });
    m_module->setDecimals(3);
    m_module->setSingleStep(0.01);
    m_module->setMinimum(0.05);
    m_form->addRow(tr("Module (mm)"), m_module);
    m_ec = new QComboBox(this);
    m_ec->addItems(
        {QStringLiteral("L"), QStringLiteral("M"), QStringLiteral("Q"), QStringLiteral("H")});
    connect(m_ec, &QComboBox::currentTextChanged, this, [this](const QString& ec) {
        edit([ec](LabelElement& e) { e.qrEc = ec; }, tr("Change error correction"), -1);
    });
    m_form->addRow(tr("Error correction"), m_ec);
    m_linearType = new QComboBox(this);
    m_linearType->addItem(QStringLiteral("EAN-13"), int(LabelElement::LinearType::Ean13));
    m_linearType->addItem(QStringLiteral("UPC-A"), int(LabelElement::LinearType::UpcA));
    m_linearType->addItem(QStringLiteral("GS1-128"), int(LabelElement::LinearType::Gs1_128));
    connect(m_linearType, &QComboBox::currentIndexChanged, this, [this](int) {
        const auto t = LabelElement::LinearType(m_linearType->currentData().toInt());
        edit([t](LabelElement& e) { e.linearType = t; }, tr("Change barcode type"), -1);
    });
    m_form->addRow(tr("Barcode"), m_linearType);
    m_humanReadable = new QCheckBox(tr("Digits under the bars"), this);
    connect(m_humanReadable, &QCheckBox::toggled, this, [this](bool on) {
        edit([on](LabelElement& e) { e.humanReadable = on; }, tr("Change barcode"), -1);
    });
    m_form->addRow(QString(), m_humanReadable);

    m_image = new QLineEdit(this);
    connect(m_image, &QLineEdit::editingFinished, this, [this] {
        const QString path = m_image->text();
        edit([path](LabelElement& e) { e.imagePath = path; }, tr("Change image"), -1);
    });
    m_form->addRow(tr("Image file"), m_image);

    m_lineWidth =
        mmSpin(kLineWidth, [](LabelElement& e, double v) { e.lineWidth = Distance::mm(v); });
    m_form->addRow(tr("Line width (mm)"), m_lineWidth);
    m_stroke = new ColourButton(true, this);
    m_stroke->setObjectName(QStringLiteral("propStroke"));
    connect(m_stroke, &ColourButton::colourChosen, this, [this](const QColor& c) {
        edit([c](LabelElement& e) { e.stroke = c; }, tr("Change line colour"), -1);
    });
    m_form->addRow(tr("Line colour"), m_stroke);
    m_fill = new ColourButton(true, this);
    m_fill->setObjectName(QStringLiteral("propFill"));
    connect(m_fill, &ColourButton::colourChosen, this, [this](const QColor& c) {
        edit([c](LabelElement& e) { e.fill = c; }, tr("Change fill"), -1);
    });
    m_form->addRow(tr("Fill"), m_fill);

    m_picker = new MergeFieldPicker(this);
    connect(m_picker, &MergeFieldPicker::placeholderChosen, this,
            &PropertyPanel::insertPlaceholder);
    m_form->addRow(tr("Merge field"), m_picker);
    refresh();
}

QDoubleSpinBox* PropertyPanel::mmSpin(int key,
                                      const std::function<void(LabelElement&, double)>& set)
{
    auto* spin = new QDoubleSpinBox(this);
    spin->setRange(-1000, 2000);
    spin->setDecimals(2);
    spin->setSingleStep(0.5);
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key, set](double v) {
        edit([set, v](LabelElement& e) { set(e, v); }, tr("Change size or position"), key);
    });
    return spin;
}

void PropertyPanel::setDocument(LabelDesignDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_index = -1;
    connect(document, &LabelDesignDocument::elementChanged, this, [this](int index) {
        if (index == m_index)
            refresh();
    });
    connect(document, &LabelDesignDocument::elementsReset, this, [this] {
        if (m_index >= m_document->count())
            m_index = -1;
        refresh();
    });
    refresh();
}

void PropertyPanel::setSelection(const QList<int>& indexes)
{
    m_index = indexes.size() == 1 ? indexes.first() : -1;
    refresh();
    if (indexes.size() > 1)
        m_type->setText(tr("%n elements selected", nullptr, int(indexes.size())));
}

void PropertyPanel::edit(const std::function<void(LabelElement&)>& change, const QString& text,
                         int mergeKey)
{
    if (m_refreshing || !m_document || m_index < 0)
        return;
    LabelElement e = m_document->element(m_index);
    change(e);
    m_document->changeElement(m_index, e, text, mergeKey);
}

void PropertyPanel::insertPlaceholder(const QString& placeholder)
{
    if (!m_document || m_index < 0)
        return;
    const LabelElement& current = m_document->element(m_index);
    if (current.type == LabelElement::Type::Text) {
        m_text->setFocus();
        m_text->insertPlainText(placeholder); // textChanged records the edit
        return;
    }
    if (current.isSymbol() || current.type == LabelElement::Type::Linear) {
        LabelElement e = current;
        if (e.contentKind == LabelElement::ContentKind::DigitalLink) {
            e.contentKind = LabelElement::ContentKind::Literal;
            e.content.clear();
        }
        const int at = m_content->hasFocus() ? m_content->cursorPosition() : int(e.content.size());
        e.content.insert(at, placeholder);
        m_document->changeElement(m_index, e, tr("Insert %1").arg(placeholder));
    }
}

void PropertyPanel::refresh()
{
    m_refreshing = true;
    const bool have = m_document && m_index >= 0 && m_index < m_document->count();
    for (QWidget* w : findChildren<QWidget*>()) {
        if (w != m_type && w->parentWidget() == this)
            w->setEnabled(have);
    }
    using T = LabelElement::Type;
    auto show = [this](QWidget* w, bool visible) { m_form->setRowVisible(w, visible); };
    if (!have) {
        m_type->setText(tr("Nothing selected"));
        for (QWidget* w : {static_cast<QWidget*>(m_text), static_cast<QWidget*>(m_font),
                           static_cast<QWidget*>(m_fontSize), static_cast<QWidget*>(m_bold),
                           static_cast<QWidget*>(m_shrink), static_cast<QWidget*>(m_contentKind),
                           static_cast<QWidget*>(m_content), static_cast<QWidget*>(m_module),
                           static_cast<QWidget*>(m_ec), static_cast<QWidget*>(m_linearType),
                           static_cast<QWidget*>(m_humanReadable), static_cast<QWidget*>(m_image),
                           static_cast<QWidget*>(m_lineWidth), static_cast<QWidget*>(m_stroke),
                           static_cast<QWidget*>(m_fill), static_cast<QWidget*>(m_textColour)})
            show(w, false);
        m_refreshing = false;
        return;
    }
    const LabelElement& e = m_document->element(m_index);
    m_type->setText(LabelElement::typeName(e.type) + QStringLiteral(" · ") + e.id);
    m_x->setValue(e.x.toMm());
    m_y->setValue(e.y.toMm());
    m_w->setValue(e.width.toMm());
    m_h->setValue(e.height.toMm());
    m_rotation->setValue(e.rotation);
    m_z->setValue(e.z);
    m_locked->setChecked(e.locked);
    const bool text = e.type == T::Text;
    const bool symbol = e.isSymbol();
    const bool linear = e.type == T::Linear;
    const bool shape = e.type == T::Line || e.type == T::Rect || e.type == T::Ellipse;
    show(m_text, text);
    show(m_font, text);
    show(m_fontSize, text);
    show(m_bold, text);
    show(m_shrink, text);
    show(m_contentKind, symbol);
    show(m_content, symbol || linear);
    show(m_module, symbol || linear);
    show(m_ec, e.type == T::Qr);
    show(m_linearType, linear);
    show(m_humanReadable, linear);
    show(m_image, e.type == T::Image);
    show(m_lineWidth, shape);
    show(m_stroke, shape);
    show(m_fill, e.type == T::Rect || e.type == T::Ellipse);
    show(m_textColour, text);
    show(m_picker, text || symbol || linear);
    if (m_text->toPlainText() != e.text)
        m_text->setPlainText(e.text);
    m_font->setCurrentFont(QFont(e.fontFamily));
    m_fontSize->setValue(e.fontSizePt);
    m_bold->setChecked(e.bold);
    m_shrink->setChecked(e.shrinkToFit);
    m_contentKind->setCurrentIndex(m_contentKind->findData(int(e.contentKind)));
    if (m_content->text() != e.content)
        m_content->setText(e.content);
    m_module->setValue(e.moduleMm.toMm());
    m_ec->setCurrentText(e.qrEc);
    m_linearType->setCurrentIndex(m_linearType->findData(int(e.linearType)));
    m_humanReadable->setChecked(e.humanReadable);
    m_image->setText(e.imagePath);
    m_lineWidth->setValue(e.lineWidth.toMm());
    m_stroke->setColour(e.stroke);
    m_fill->setColour(e.fill);
    m_textColour->setColour(e.textColour);
    m_refreshing = false;
}

} // namespace dpp::ui
