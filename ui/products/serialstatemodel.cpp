#include "serialstatemodel.h"

#include <QFont>
#include <passport/serialbatch.h>

namespace dpp::ui {

SerialStateModel::SerialStateModel(QObject* parent) : QAbstractTableModel(parent) {}

void SerialStateModel::setSerials(const QStringList& serials, const QHash<QString, QString>& stored)
{
    beginResetModel();
    m_serials = serials;
    m_stored.clear();
    m_stored.reserve(serials.size());
    // Share the five state strings instead of one copy per serial.
    const QStringList& states = passport::SerialBatch::states();
    for (const QString& serial : serials) {
        const QString state = stored.value(serial);
        const qsizetype known = states.indexOf(state);
        m_stored.append(known >= 0 ? states[known] : state);
    }
    m_staged.clear();
    refilter();
    endResetModel();
}

void SerialStateModel::setStaged(const QHash<QString, QString>& staged)
{
    if (staged == m_staged)
        return;
    if (m_filter.isEmpty()) {
        // Same rows: keep the user's selection and scroll position.
        m_staged = staged;
        if (!m_serials.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_staged = staged;
    refilter();
    endResetModel();
}

void SerialStateModel::setStateFilter(const QString& state)
{
    if (state == m_filter)
        return;
    beginResetModel();
    m_filter = state;
    refilter();
    endResetModel();
}

void SerialStateModel::refilter()
{
    m_rows.clear();
    if (m_filter.isEmpty())
        return;
    for (qsizetype i = 0; i < m_serials.size(); ++i)
        if (effectiveState(i) == m_filter)
            m_rows.append(i);
}

QString SerialStateModel::effectiveState(qsizetype serialIndex) const
{
    if (!m_staged.isEmpty())
        if (const auto it = m_staged.constFind(m_serials[serialIndex]); it != m_staged.cend())
            return *it;
    return m_stored[serialIndex];
}

namespace {
qsizetype indexOfRow(const QList<qsizetype>& rows, bool filtered, int row)
{
    return filtered ? rows.value(row, -1) : row;
}
} // namespace

QString SerialStateModel::serialAt(int row) const
{
    const qsizetype i = indexOfRow(m_rows, !m_filter.isEmpty(), row);
    return i >= 0 && i < m_serials.size() ? m_serials[i] : QString();
}

QString SerialStateModel::stateAt(int row) const
{
    const qsizetype i = indexOfRow(m_rows, !m_filter.isEmpty(), row);
    return i >= 0 && i < m_serials.size() ? effectiveState(i) : QString();
}

bool SerialStateModel::isStaged(int row) const
{
    const qsizetype i = indexOfRow(m_rows, !m_filter.isEmpty(), row);
    return i >= 0 && i < m_serials.size() && m_staged.contains(m_serials[i]) &&
           m_staged.value(m_serials[i]) != m_stored[i];
}

int SerialStateModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_filter.isEmpty() ? m_serials.size() : m_rows.size());
}

int SerialStateModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SerialStateModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == SerialColumn)
            return serialAt(row);
        return isStaged(row) ? tr("%1 (not saved yet)").arg(stateLabel(stateAt(row)))
                             : stateLabel(stateAt(row));
    case Qt::FontRole:
        if (isStaged(row)) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (isStaged(row)) {
            const qsizetype i = indexOfRow(m_rows, !m_filter.isEmpty(), row);
            return tr("Stored: %1").arg(stateLabel(m_stored[i]));
        }
        return {};
    case StateRole:
        return stateAt(row);
    default:
        return {};
    }
}

QVariant SerialStateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == SerialColumn ? tr("Serial") : tr("State");
}

QString SerialStateModel::stateLabel(const QString& state)
{
    if (state == QLatin1String("available"))
        return tr("available");
    if (state == QLatin1String("assigned"))
        return tr("assigned");
    if (state == QLatin1String("printed"))
        return tr("printed");
    if (state == QLatin1String("activated"))
        return tr("activated");
    if (state == QLatin1String("decommissioned"))
        return tr("decommissioned");
    return state;
}

QString SerialStateModel::countsText(const QMap<QString, int>& counts)
{
    QStringList parts;
    for (const QString& state : passport::SerialBatch::states())
        if (counts.value(state) > 0)
            parts << tr("%1 %2").arg(counts.value(state)).arg(stateLabel(state));
    // States the rule does not know (written by a newer version) still count.
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > 0 && !passport::SerialBatch::states().contains(it.key()))
            parts << tr("%1 %2").arg(it.value()).arg(it.key());
    return parts.join(QStringLiteral(" · "));
}

} // namespace dpp::ui
