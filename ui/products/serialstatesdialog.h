// SerialStatesDialog: the serials of one stored batch with their states, where an
// operator marks serials activated or decommissions damaged ones. Each "Set state"
// is one undoable step staged in the ProductDocument and stored by the editor's Save;
// only the states the life-cycle rule allows for every selected serial are offered.
#pragma once

#include <QDialog>
#include <result.h>

class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QTableView;

namespace dpp::ui {

class ProductDocument;
class SerialStateModel;

class SerialStatesDialog : public QDialog
{
    Q_OBJECT
public:
    SerialStatesDialog(ProductDocument* document, QString batchId, QWidget* parent = nullptr);

    QString batchId() const { return m_batchId; }
    QTableView* view() const { return m_view; }
    SerialStateModel* model() const { return m_model; }
    QComboBox* stateFilter() const { return m_filter; }
    QPushButton* setStateButton() const { return m_setState; }
    QLabel* countsLabel() const { return m_counts; }

    // The selected serials, in the order shown.
    QStringList selectedSerials() const;
    // The states every selected serial may move to (SerialBatch::nextStates of each,
    // after the staged changes); what the "Set state" menu offers.
    QStringList offeredStates() const;
    // Stages the selected serials' move to `state` (one undo step); errors name the field.
    Status setSelectedState(const QString& state);

private:
    void reloadStored();
    void showStaged();
    void updateOffer();
    void report(const Status& status);

    ProductDocument* m_document;
    QString m_batchId;
    SerialStateModel* m_model;
    QTableView* m_view;
    QComboBox* m_filter;
    QPushButton* m_setState;
    QMenu* m_menu;
    QLabel* m_counts;
    QLabel* m_message;
};

} // namespace dpp::ui
