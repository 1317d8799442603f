#include "fieldform.h"

#include "fielddecoration.h"
#include "fieldtext.h"
#include "productdocument.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace dpp::ui {

using passport::FieldSpec;
using passport::FieldType;

namespace {
QString accessText(passport::AccessGroup group)
{
    switch (group) {
    case passport::AccessGroup::Public:
        return FieldForm::tr("public");
    case passport::AccessGroup::LegitimateInterest:
        return FieldForm::tr("legitimate interest");
    case passport::AccessGroup::LegitimateInterestAndAuthority:
        return FieldForm::tr("legitimate interest and authorities");
    case passport::AccessGroup::Authority:
        return FieldForm::tr("authorities only");
    case passport::AccessGroup::Internal:
        return FieldForm::tr("internal");
    }
    return {};
}
} // namespace

FieldForm::FieldForm(ProductDocument* document, QString prefix, const QList<FieldSpec>& specs,
                     bool showAccess, QWidget* parent)
    : QWidget(parent), m_document(document), m_prefix(std::move(prefix))
{
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const FieldSpec& spec : specs) {
        Row row{spec, createEditor(spec), new QLabel(this)};
        row.editor->setObjectName(path(spec.key));
        row.message->setObjectName(path(spec.key) + QStringLiteral(":error"));
        row.message->setStyleSheet(QStringLiteral("color: #d32f2f;"));
        row.message->setWordWrap(true);
        row.message->hide();
        auto* cell = new QWidget(this);
        auto* box = new QVBoxLayout(cell);
        box->setContentsMargins(0, 0, 0, 0);
        box->setSpacing(1);
        box->addWidget(row.editor);
        box->addWidget(row.message);
        // Field labels come from the core tables (English); "FieldSpec" is their
        // translation context.
        QString label = QCoreApplication::translate("FieldSpec", spec.label.toUtf8().constData());
        if (showAccess)
            label += QStringLiteral(" [%1]").arg(accessText(spec.access));
        auto* labelWidget = new QLabel(label, this);
        labelWidget->setBuddy(row.editor);
        form->addRow(labelWidget, cell);
        m_fields.insert(path(spec.key), row.editor);
        m_rows.append(row);
    }
    connect(m_document, &ProductDocument::changed, this, &FieldForm::refresh);
    connect(m_document, &ProductDocument::errorsChanged, this, &FieldForm::showErrors);
    refresh(QString());
    showErrors();
}

QString FieldForm::path(const QString& key) const
{
    return m_prefix.isEmpty() ? key : m_prefix + u'.' + key;
}

QWidget* FieldForm::createEditor(const FieldSpec& spec)
{
    const QString p = path(spec.key);
    if (spec.type == FieldType::Enum || spec.type == FieldType::Boolean) {
        auto* combo = new QComboBox(this);
        // The empty entry is "not given", which differs from "no".
        combo->addItem(QString(), QJsonValue(QJsonValue::Undefined).toVariant());
        if (spec.type == FieldType::Boolean) {
            combo->addItem(tr("yes"), true);
            combo->addItem(tr("no"), false);
        } else {
            for (const QString& v : spec.values)
                combo->addItem(v, v);
        }
        connect(combo, &QComboBox::activated, this, [this, combo, p](int index) {
            const QVariant data = combo->itemData(index);
            m_document->setValue(p, index == 0 ? QJsonValue(QJsonValue::Undefined)
                                               : QJsonValue::fromVariant(data));
        });
        return combo;
    }
    auto* edit = new QLineEdit(this);
    if (spec.type == FieldType::Text && spec.maxLength > 200)
        edit->setMinimumWidth(320);
    connect(edit, &QLineEdit::textEdited, this, [this, spec, p](const QString& text) {
        m_document->setValue(p, FieldText::parse(spec, text), true);
    });
    return edit;
}

void FieldForm::refresh(const QString& changedPath)
{
    for (const Row& row : std::as_const(m_rows)) {
        const QString p = path(row.spec.key);
        if (!changedPath.isEmpty() && changedPath != p && !p.startsWith(changedPath + u'.'))
            continue;
        const QJsonValue v = m_document->value(p);
        if (auto* combo = qobject_cast<QComboBox*>(row.editor)) {
            const QSignalBlocker block(combo);
            int index = 0;
            for (int i = 1; i < combo->count(); ++i)
                if (QJsonValue::fromVariant(combo->itemData(i)) == v)
                    index = i;
            combo->setCurrentIndex(index);
        } else if (auto* edit = qobject_cast<QLineEdit*>(row.editor)) {
            const QString text = FieldText::format(v);
            // Keep what the user typed ("1." while typing 1.5) when it means the same.
            const QJsonValue typed = FieldText::parse(row.spec, edit->text());
            if (typed != v && text != edit->text()) {
                const QSignalBlocker block(edit);
                edit->setText(text);
            }
        }
    }
}

void FieldForm::showErrors()
{
    for (const Row& row : std::as_const(m_rows))
        FieldDecoration::apply(row.editor, row.message, m_document->errorAt(path(row.spec.key)));
}

} // namespace dpp::ui
