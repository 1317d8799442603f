// LabelDesignDocument: the label being designed, as the designer's widgets see
// it: a core LabelDocument plus its undo stack. Every edit goes through a
// QUndoCommand (labelundocommands.h); widgets only listen to the signals.
#pragma once

#include <QObject>
#include <QUndoStack>
#include <label/labeldocument.h>

namespace dpp::ui {

class LabelDesignDocument : public QObject
{
    Q_OBJECT
public:
    explicit LabelDesignDocument(label::LabelDocument document, QObject* parent = nullptr);

    const label::LabelDocument& document() const { return m_document; }
    const QList<label::LabelElement>& elements() const { return m_document.elements; }
    const label::LabelElement& element(int index) const { return m_document.elements.at(index); }
    int count() const { return int(m_document.elements.size()); }
    QUndoStack* undoStack() { return &m_undo; }

    QString fileName() const { return m_fileName; }
    void setFileName(const QString& fileName);

    // Undoable edits. `text` names the step in Edit ▸ Undo.
    void addElements(const QList<label::LabelElement>& elements, const QString& text);
    void removeElements(const QList<int>& indexes, const QString& text);
    // Replaces elements in place. `mergeKey` >= 0 merges consecutive edits with
    // the same key on the same elements into one step (typing, nudging).
    void changeElements(const QList<int>& indexes, const QList<label::LabelElement>& after,
                        const QString& text, int mergeKey = -1);
    void changeElement(int index, const label::LabelElement& after, const QString& text,
                       int mergeKey = -1);

    // Used by the undo commands only: apply without recording.
    void applyElement(int index, const label::LabelElement& element);
    void applyInsert(int index, const label::LabelElement& element);
    void applyRemove(int index);

    // A fresh id for a new element ("e7").
    QString nextElementId() const;

Q_SIGNALS:
    void elementChanged(int index);
    // Elements were added or removed: indexes changed.
    void elementsReset();
    void fileNameChanged(const QString& fileName);

private:
    label::LabelDocument m_document;
    QUndoStack m_undo;
    QString m_fileName;
};

} // namespace dpp::ui
