#include "setvaluecommand.h"

#include "productdocument.h"

namespace dpp::ui {

SetValueCommand::SetValueCommand(ProductDocument* document, QString path, QJsonValue before,
                                 QJsonValue after, bool mergeable, const QString& text)
    : QUndoCommand(text), m_document(document), m_path(std::move(path)),
      m_before(std::move(before)), m_after(std::move(after)), m_mergeable(mergeable)
{}

void SetValueCommand::undo()
{
    m_document->applyValue(m_path, m_before);
}

void SetValueCommand::redo()
{
    m_document->applyValue(m_path, m_after);
}

bool SetValueCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const SetValueCommand*>(other);
    if (!next->m_mergeable || next->m_path != m_path || next->m_document != m_document)
        return false;
    m_after = next->m_after;
    // Typing a value and deleting it again leaves nothing to undo.
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

} // namespace dpp::ui
