// PublishDialog: confirms publishing a product's passport. It lists, field by
// field, what the new version changes against the published one (core
// PassportDiff) and publishes through core PassportPublisher.
#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace dpp::ui {

class ProductDocument;

class PublishDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PublishDialog(ProductDocument* document, QWidget* parent = nullptr);

    QTableWidget* changes() const { return m_changes; }
    QPushButton* publishButton() const { return m_publish; }
    QLabel* message() const { return m_message; }

private:
    void publish();
    ProductDocument* m_document;
    QTableWidget* m_changes;
    QLabel* m_message;
    QPushButton* m_publish;
};

} // namespace dpp::ui
