// SyncPanel: the desktop's Sync dock: pushes the open store to the hosted server of
// the preferences (core SyncEngine on a worker thread with its own connection, so the
// window never blocks), with progress, cancel and the run's messages; open conflicts
// with both versions side by side and "Keep mine" / "Take theirs".
#pragma once

#include <QMutex>
#include <QWidget>
#include <memory>
#include <store/database.h>
#include <store/syncstaterepository.h>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace dpp::sync {
class SyncEngine;
}

namespace dpp::ui {

class SyncPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SyncPanel(QWidget* parent = nullptr);
    ~SyncPanel() override;

    void setStore(std::shared_ptr<store::Database> db, const QString& tenantId);
    void setServer(const QString& url, const QString& apiKey);

    bool isRunning() const { return m_thread != nullptr; }
    QListWidget* conflictList() const { return m_conflicts; }
    QTableWidget* diffTable() const { return m_diff; }
    QListWidget* messages() const { return m_messages; }
    QProgressBar* progressBar() const { return m_progress; }
    QTableWidget* analyticsTable() const { return m_analytics; }

public Q_SLOTS:
    void startSync();
    void cancelSync();
    void keepMine() { resolveSelected(true); }
    void takeTheirs() { resolveSelected(false); }

Q_SIGNALS:
    // A sync run or a resolution ended (the lists are up to date).
    void finished();

private:
    // Runs `work` with a fresh SyncEngine on a worker thread; `done` on the GUI thread.
    void runInWorker(std::function<QString(sync::SyncEngine&)> work);
    void resolveSelected(bool keepMine);
    void reloadConflicts();
    void reloadAnalytics();
    void showConflict();
    void setBusy(bool busy);
    // What the conflict list calls a record of a ChangeJournal entity.
    static QString entityName(const QString& entity);

    std::shared_ptr<store::Database> m_db;
    QString m_tenantId;
    QString m_url;
    QString m_key;
    QList<store::SyncConflict> m_open;

    QPushButton* m_sync = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_messages = nullptr;
    QListWidget* m_conflicts = nullptr;
    QTableWidget* m_diff = nullptr;
    QTableWidget* m_analytics = nullptr;
    QPushButton* m_keepMine = nullptr;
    QPushButton* m_takeTheirs = nullptr;

    QThread* m_thread = nullptr;
    QMutex m_engineLock; // guards m_engine, set by the worker while it runs
    sync::SyncEngine* m_engine = nullptr;
    bool m_cancelRequested = false; // guarded by m_engineLock; a cancel before the engine exists
};

} // namespace dpp::ui
