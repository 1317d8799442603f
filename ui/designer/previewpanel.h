// PreviewPanel: chooses the record the design is previewed with — the
// document's own merge source, or a product from the open store with a
// serial — and shows the merged label as it prints (core LabelRenderer).
#pragma once

#include <QWidget>
#include <label/labeldocument.h>
#include <label/mergerecord.h>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;

namespace dpp::store {
class Database;
}

namespace dpp::ui {

class PreviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPanel(QWidget* parent = nullptr);
    // Lists the store's products (the first 100 by GTIN, one API page); null = document source
    // only.
    void setStore(std::shared_ptr<store::Database> db, const QString& tenantId);
    const label::MergeRecord& record() const { return m_record; }
    // Recomputes the record and redraws the preview for `document`.
    void refresh(const label::LabelDocument& document);
    QComboBox* productBox() const { return m_product; }
    QLineEdit* serialEdit() const { return m_serial; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void recordChanged(const label::MergeRecord& record);

private:
    void recompute();

    label::LabelDocument m_document;
    label::MergeRecord m_record;
    QString m_error;
    QComboBox* m_product = nullptr;
    QLineEdit* m_serial = nullptr;
    QLabel* m_image = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace dpp::ui
