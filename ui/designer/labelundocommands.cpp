#include "labelundocommands.h"

#include "labeldesigndocument.h"

#include <algorithm>

namespace dpp::ui {

AddElementsCommand::AddElementsCommand(LabelDesignDocument* document,
                                       QList<label::LabelElement> elements, const QString& text)
    : QUndoCommand(text), m_document(document), m_elements(std::move(elements))
{
    m_first = document->count();
}

void AddElementsCommand::redo()
{
    for (int i = 0; i < m_elements.size(); ++i)
        m_document->applyInsert(m_first + i, m_elements.at(i));
}

void AddElementsCommand::undo()
{
    for (int i = int(m_elements.size()) - 1; i >= 0; --i)
        m_document->applyRemove(m_first + i);
}

RemoveElementsCommand::RemoveElementsCommand(LabelDesignDocument* document, QList<int> indexes,
                                             const QString& text)
    : QUndoCommand(text), m_document(document), m_indexes(std::move(indexes))
{
    std::sort(m_indexes.begin(), m_indexes.end());
    m_indexes.erase(std::unique(m_indexes.begin(), m_indexes.end()), m_indexes.end());
    for (int i : m_indexes)
        m_removed.append(document->element(i));
}

void RemoveElementsCommand::redo()
{
    for (int i = int(m_indexes.size()) - 1; i >= 0; --i)
        m_document->applyRemove(m_indexes.at(i));
}

void RemoveElementsCommand::undo()
{
    for (int i = 0; i < m_indexes.size(); ++i)
        m_document->applyInsert(m_indexes.at(i), m_removed.at(i));
}

ChangeElementsCommand::ChangeElementsCommand(LabelDesignDocument* document, QList<int> indexes,
                                             QList<label::LabelElement> before,
                                             QList<label::LabelElement> after, const QString& text,
                                             int mergeKey)
    : QUndoCommand(text), m_document(document), m_indexes(std::move(indexes)),
      m_before(std::move(before)), m_after(std::move(after)), m_mergeKey(mergeKey)
{}

void ChangeElementsCommand::redo()
{
    for (int i = 0; i < m_indexes.size(); ++i)
        m_document->applyElement(m_indexes.at(i), m_after.at(i));
}

void ChangeElementsCommand::undo()
{
    for (int i = 0; i < m_indexes.size(); ++i)
        m_document->applyElement(m_indexes.at(i), m_before.at(i));
}

bool ChangeElementsCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const ChangeElementsCommand*>(other);
    if (o->m_indexes != m_indexes)
        return false;
    m_after = o->m_after;
    return true;
}

} // namespace dpp::ui
