// DocumentsTab: files attached to the product (declaration of conformity, test
// reports, manuals) through core DocumentRepository, with a preview of a
// PDF's first page (core PdfPreview). Attaching or removing a document is an
// undoable edit staged in the ProductDocument; Save stores it with the product
// in one transaction. Staged rows are shown in italics, "not saved yet".
#pragma once

#include <QWidget>
#include <result.h>

class QComboBox;
class QLabel;
class QTableWidget;

namespace dpp::ui {

class ProductDocument;

class DocumentsTab : public QWidget
{
    Q_OBJECT
public:
    explicit DocumentsTab(ProductDocument* document, QWidget* parent = nullptr);

    // Stages the file with `docType`; errors name the field (e.g. "doc_type").
    Status attach(const QString& path, const QString& docType);
    // Removes the selected document (staged: dropped; stored: removed on save).
    void removeSelected();
    QTableWidget* list() const { return m_list; }
    QLabel* preview() const { return m_preview; }
    void reload();

private:
    void showPreview();
    ProductDocument* m_document;
    QTableWidget* m_list;
    QComboBox* m_type;
    QLabel* m_preview;
    QLabel* m_status;
};

} // namespace dpp::ui
