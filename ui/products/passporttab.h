// PassportTab: the product's passport history (every version with its status
// and SHA-256, newest first) and the Publish… action.
#pragma once

#include <QWidget>

class QTableWidget;
class QPushButton;

namespace dpp::ui {

class ProductDocument;

class PassportTab : public QWidget
{
    Q_OBJECT
public:
    explicit PassportTab(ProductDocument* document, QWidget* parent = nullptr);
    QTableWidget* history() const { return m_history; }
    QPushButton* publishButton() const { return m_publish; }
    void reload();

private:
    ProductDocument* m_document;
    QTableWidget* m_history;
    QPushButton* m_publish;
};

} // namespace dpp::ui
