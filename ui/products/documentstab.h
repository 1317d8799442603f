// DocumentsTab: files attached to the product (declaration of conformity, test
// reports, manuals) through core DocumentRepository, with a preview of a
// PDF's first page (core PdfPreview). Documents are stored records, not edits
// of the product: attaching one writes it at once, like the REST API does.
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

    // Attaches the file with `docType`; errors name the field (e.g. "filename").
    Status attach(const QString& path, const QString& docType);
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
