#include "compositiontab.h"

#include "jsontableeditor.h"

#include <QGroupBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <passport/disassemblystep.h>
#include <passport/material.h>
#include <passport/substance.h>

namespace dpp::ui {

CompositionTab::CompositionTab(ProductDocument* document, QWidget* parent) : QWidget(parent)
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto add = [&](const QString& title, JsonTableEditor* editor) {
        auto* box = new QGroupBox(title, splitter);
        auto* l = new QVBoxLayout(box);
        l->addWidget(editor);
        splitter->addWidget(box);
        return editor;
    };
    m_materials = add(tr("Materials"), new JsonTableEditor(document, QStringLiteral("materials"),
                                                           passport::Material::fields()));
    m_substances =
        add(tr("Substances of concern"), new JsonTableEditor(document, QStringLiteral("substances"),
                                                             passport::Substance::fields()));
    m_steps = add(tr("Disassembly steps"),
                  new JsonTableEditor(document, QStringLiteral("disassembly_steps"),
                                      passport::DisassemblyStep::fields()));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

QHash<QString, QWidget*> CompositionTab::fields() const
{
    return {{m_materials->path(), m_materials->table()},
            {m_substances->path(), m_substances->table()},
            {m_steps->path(), m_steps->table()}};
}

} // namespace dpp::ui
