// SetValueCommand: the one undoable edit of a ProductDocument: the value at a
// path changes from `before` to `after` (Tiled's pattern: widgets push
// commands, the document applies them). Consecutive typing into the same
// field merges into one step, so Undo takes back a word, not a letter.
#pragma once

#include <QJsonValue>
#include <QUndoCommand>

namespace dpp::ui {

class ProductDocument;

class SetValueCommand : public QUndoCommand
{
public:
    SetValueCommand(ProductDocument* document, QString path, QJsonValue before, QJsonValue after,
                    bool mergeable, const QString& text);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeable ? 1 : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProductDocument* m_document;
    QString m_path;
    QJsonValue m_before;
    QJsonValue m_after;
    bool m_mergeable;
};

} // namespace dpp::ui
