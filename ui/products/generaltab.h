// GeneralTab: the product's identity: multilingual name (language -> text),
// GTIN with live check-digit feedback and the Digital Link it resolves under,
// and every other scalar product field from the core field table.
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace dpp::ui {

class FieldForm;
class ProductDocument;

class GeneralTab : public QWidget
{
    Q_OBJECT
public:
    GeneralTab(ProductDocument* document, QString resolverBase, QWidget* parent = nullptr);

    QLineEdit* gtinEdit() const { return m_gtin; }
    QLabel* gtinFeedback() const { return m_gtinFeedback; }
    QLabel* digitalLink() const { return m_link; }
    QTableWidget* namesTable() const { return m_names; }
    // Sets the name in `language` (adds the row when missing), as the user would.
    void setName(const QString& language, const QString& text);
    QHash<QString, QWidget*> fields() const;

private:
    void refresh(const QString& path);
    void updateGtinFeedback();
    void namesEdited();
    void showErrors();

    ProductDocument* m_document;
    QString m_resolverBase;
    QTableWidget* m_names;
    QLabel* m_namesMessage;
    QLineEdit* m_gtin;
    QLabel* m_gtinFeedback;
    QLabel* m_link;
    FieldForm* m_form;
    bool m_refreshing = false;
};

} // namespace dpp::ui
