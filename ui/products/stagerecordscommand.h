// StageRecordsCommand: one undoable change of the records a ProductDocument has
// staged for its next Save (a document attached or removed, a serial batch, a
// battery unit, an SoH reading, a lifecycle event). It keeps the staged set
// before and after, so Undo/Redo restore it exactly; the bytes of attached
// files are shared, not copied.
#pragma once

#include <QUndoCommand>
#include <store/productchangeset.h>

namespace dpp::ui {

class ProductDocument;

class StageRecordsCommand : public QUndoCommand
{
public:
    StageRecordsCommand(ProductDocument* document, store::ProductChangeSet before,
                        store::ProductChangeSet after, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProductDocument* m_document;
    store::ProductChangeSet m_before;
    store::ProductChangeSet m_after;
};

} // namespace dpp::ui
