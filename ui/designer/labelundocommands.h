// The designer's undo steps: add, remove and change elements of a
// LabelDesignDocument. Commands hold whole element values (small), which
// keeps every kind of edit — move, resize, property, z-order — one class.
#pragma once

#include <QUndoCommand>
#include <label/labelelement.h>

namespace dpp::ui {

class LabelDesignDocument;

class AddElementsCommand : public QUndoCommand
{
public:
    AddElementsCommand(LabelDesignDocument* document, QList<label::LabelElement> elements,
                       const QString& text);
    void redo() override;
    void undo() override;

private:
    LabelDesignDocument* m_document;
    QList<label::LabelElement> m_elements;
    int m_first = 0;
};

class RemoveElementsCommand : public QUndoCommand
{
public:
    RemoveElementsCommand(LabelDesignDocument* document, QList<int> indexes, const QString& text);
    void redo() override;
    void undo() override;

private:
    LabelDesignDocument* m_document;
    QList<int> m_indexes; // ascending
    QList<label::LabelElement> m_removed;
};

class ChangeElementsCommand : public QUndoCommand
{
public:
    ChangeElementsCommand(LabelDesignDocument* document, QList<int> indexes,
                          QList<label::LabelElement> before, QList<label::LabelElement> after,
                          const QString& text, int mergeKey);
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeKey; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    LabelDesignDocument* m_document;
    QList<int> m_indexes;
    QList<label::LabelElement> m_before;
    QList<label::LabelElement> m_after;
    int m_mergeKey;
};

} // namespace dpp::ui
