#include "labeldesigndocument.h"

#include "labelundocommands.h"

#include <algorithm>

namespace dpp::ui {

LabelDesignDocument::LabelDesignDocument(label::LabelDocument document, QObject* parent)
    : QObject(parent), m_document(std::move(document))
{
    // Files written by hand or older tools may lack ids; the designer needs
    // one per element so copy/paste and undo can name them.
    for (label::LabelElement& e : m_document.elements) {
        if (e.id.isEmpty())
            e.id = nextElementId();
    }
}

void LabelDesignDocument::setFileName(const QString& fileName)
{
    m_fileName = fileName;
    Q_EMIT fileNameChanged(fileName);
}

void LabelDesignDocument::addElements(const QList<label::LabelElement>& elements,
                                      const QString& text)
{
    if (elements.isEmpty())
        return;
    m_undo.push(new AddElementsCommand(this, elements, text));
}

void LabelDesignDocument::removeElements(const QList<int>& indexes, const QString& text)
{
    if (indexes.isEmpty())
        return;
    m_undo.push(new RemoveElementsCommand(this, indexes, text));
}

void LabelDesignDocument::changeElements(const QList<int>& indexes,
                                         const QList<label::LabelElement>& after,
                                         const QString& text, int mergeKey)
{
    if (indexes.isEmpty() || indexes.size() != after.size())
        return;
    QList<label::LabelElement> before;
    bool same = true;
    for (int i = 0; i < indexes.size(); ++i) {
        const label::LabelElement& old = m_document.elements.at(indexes.at(i));
        before.append(old);
        if (old.toJson() != after.at(i).toJson())
            same = false;
    }
    if (same)
        return; // nothing to record: keeps the undo stack free of no-op steps
    m_undo.push(new ChangeElementsCommand(this, indexes, before, after, text, mergeKey));
}

void LabelDesignDocument::changeElement(int index, const label::LabelElement& after,
                                        const QString& text, int mergeKey)
{
    changeElements({index}, {after}, text, mergeKey);
}

void LabelDesignDocument::applyElement(int index, const label::LabelElement& element)
{
    m_document.elements[index] = element;
    Q_EMIT elementChanged(index);
}

void LabelDesignDocument::applyInsert(int index, const label::LabelElement& element)
{
    m_document.elements.insert(index, element);
    Q_EMIT elementsReset();
}

void LabelDesignDocument::applyRemove(int index)
{
    m_document.elements.removeAt(index);
    Q_EMIT elementsReset();
}

QString LabelDesignDocument::nextElementId() const
{
    int highest = 0;
    for (const label::LabelElement& e : m_document.elements) {
        if (e.id.startsWith(u'e'))
            highest = std::max(highest, e.id.mid(1).toInt());
    }
    return QStringLiteral("e%1").arg(highest + 1);
}

} // namespace dpp::ui
