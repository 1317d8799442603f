// SerialStateModel: the serials of one batch with their states, for a table view
// that must stay responsive with 100,000 serials (one row per serial, no item
// objects). States staged in the ProductDocument overlay the stored ones and
// are shown in italics, "not saved yet"; a state filter hides the other rows.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>

namespace dpp::ui {

class SerialStateModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SerialColumn, StateColumn, ColumnCount };
    // The serial's state after Save (raw value, e.g. "activated"), for any column.
    static constexpr int StateRole = Qt::UserRole + 1;

    explicit SerialStateModel(QObject* parent = nullptr);

    // The batch's serials in batch order with their stored states (serial -> state).
    void setSerials(const QStringList& serials, const QHash<QString, QString>& stored);
    // serial -> staged state (ProductChangeSet::stagedSerialStates).
    void setStaged(const QHash<QString, QString>& staged);
    // Shows only serials whose state after Save is `state`; empty shows all.
    void setStateFilter(const QString& state);
    QString stateFilter() const { return m_filter; }

    QString serialAt(int row) const;
    // The state the serial of `row` will have after Save.
    QString stateAt(int row) const;
    bool isStaged(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A state as the user reads it ("activated" in the UI language).
    static QString stateLabel(const QString& state);
    // "90 available · 10 printed", in the order of the serial life cycle.
    static QString countsText(const QMap<QString, int>& counts);

private:
    void refilter();
    QString effectiveState(qsizetype serialIndex) const;

    QStringList m_serials;
    QStringList m_stored; // parallel to m_serials
    QHash<QString, QString> m_staged;
    QString m_filter;
    QList<qsizetype> m_rows; // visible rows -> index into m_serials (unused without a filter)
};

} // namespace dpp::ui
