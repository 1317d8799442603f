#include "stagerecordscommand.h"

#include "productdocument.h"

namespace dpp::ui {

StageRecordsCommand::StageRecordsCommand(ProductDocument* document, store::ProductChangeSet before,
                                         store::ProductChangeSet after, const QString& text)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)),
      m_after(std::move(after))
{}

void StageRecordsCommand::undo()
{
    m_document->applyStaged(m_before);
}

void StageRecordsCommand::redo()
{
    m_document->applyStaged(m_after);
}

} // namespace dpp::ui
