#include "syncpanel.h"

#include <QBrush>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>
#include <store/productanalyticsrepository.h>
#include <sync/conflictdiff.h>
#include <sync/syncengine.h>

namespace dpp::ui {

SyncPanel::SyncPanel(QWidget* parent) : QWidget(parent)
{
    m_sync = new QPushButton(tr("Sync now"), this);
    m_sync->setObjectName(QStringLiteral("syncNow"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("syncCancel"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m changes"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_status->setWordWrap(true);
    m_messages = new QListWidget(this);
    m_messages->setObjectName(QStringLiteral("syncMessages"));
    m_conflicts = new QListWidget(this);
    m_conflicts->setObjectName(QStringLiteral("syncConflicts"));
    m_diff = new QTableWidget(0, 3, this);
    m_diff->setObjectName(QStringLiteral("syncDiff"));
    m_diff->setHorizontalHeaderLabels(
        {tr("Field"), tr("Mine (this computer)"), tr("Theirs (server)")});
    m_diff->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_diff->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_analytics = new QTableWidget(0, 2, this);
    m_analytics->setObjectName(QStringLiteral("syncAnalytics"));
    m_analytics->setHorizontalHeaderLabels({tr("GTIN"), tr("Scans")});
    m_analytics->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_analytics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keepMine = new QPushButton(tr("Keep mine"), this);
    m_keepMine->setObjectName(QStringLiteral("keepMine"));
    m_takeTheirs = new QPushButton(tr("Take theirs"), this);
    m_takeTheirs->setObjectName(QStringLiteral("takeTheirs"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_sync);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto* choice = new QHBoxLayout;
    choice->addStretch();
    choice->addWidget(m_keepMine);
    choice->addWidget(m_takeTheirs);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("Messages"), this));
    layout->addWidget(m_messages, 1);
    layout->addWidget(new QLabel(tr("Conflicts"), this));
    layout->addWidget(m_conflicts, 1);
    layout->addWidget(m_diff, 2);
    layout->addLayout(choice);
    layout->addWidget(new QLabel(tr("Scans on the server (pulled with each sync)"), this));
    layout->addWidget(m_analytics, 1);

    connect(m_sync, &QPushButton::clicked, this, &SyncPanel::startSync);
    connect(m_cancel, &QPushButton::clicked, this, &SyncPanel::cancelSync);
    connect(m_keepMine, &QPushButton::clicked, this, &SyncPanel::keepMine);
    connect(m_takeTheirs, &QPushButton::clicked, this, &SyncPanel::takeTheirs);
    connect(m_conflicts, &QListWidget::currentRowChanged, this, &SyncPanel::showConflict);
    setBusy(false);
}

SyncPanel::~SyncPanel()
{
    if (m_thread) {
        cancelSync();
        m_thread->wait();
        // Its finished() handler, which would delete it, went with this panel.
        delete m_thread;
    }
}

void SyncPanel::setStore(std::shared_ptr<store::Database> db, const QString& tenantId)
{
    m_db = std::move(db);
    m_tenantId = tenantId;
    reloadConflicts();
    reloadAnalytics();
    setBusy(false);
}

void SyncPanel::setServer(const QString& url, const QString& apiKey)
{
    m_url = url;
    m_key = apiKey;
    reloadConflicts();
    setBusy(false);
}

void SyncPanel::setBusy(bool busy)
{
    const bool ready = m_db && !m_url.isEmpty() && !m_key.isEmpty();
    m_sync->setEnabled(!busy && ready);
    m_cancel->setEnabled(busy);
    const bool chosen = m_conflicts->currentRow() >= 0;
    m_keepMine->setEnabled(!busy && chosen);
    m_takeTheirs->setEnabled(!busy && chosen);
    if (!busy && !ready)
        m_status->setText(tr("Set the server URL and API key in Preferences to sync."));
}

void SyncPanel::runInWorker(std::function<QString(sync::SyncEngine&)> work)
{
    if (m_thread || !m_db)
        return;
    {
        QMutexLocker lock(&m_engineLock);
        m_cancelRequested = false;
    }
    setBusy(true);
    sync::SyncEngine::Settings settings;
    settings.serverUrl = m_url;
    settings.apiKey = m_key;
    const QString location = m_db->location();
    const QString tenant = m_tenantId;
    // The worker opens its own connection: a Database belongs to the thread that opened it.
    m_thread = QThread::create([this, location, tenant, settings, work]() {
        auto db = store::Database::open(location);
        QString outcome;
        if (!db.ok()) {
            outcome = db.error().message;
        } else {
            sync::SyncEngine engine(**db, tenant, settings);
            connect(&engine, &sync::SyncEngine::progress, this, [this](int done, int total) {
                m_progress->setRange(0, std::max(1, total));
                m_progress->setValue(done);
            });
            connect(&engine, &sync::SyncEngine::message, this,
                    [this](const QString& line) { m_messages->addItem(line); });
            {
                QMutexLocker lock(&m_engineLock);
                m_engine = &engine;
                if (m_cancelRequested)
                    engine.cancel();
            }
            outcome = work(engine);
            QMutexLocker lock(&m_engineLock);
            m_engine = nullptr;
        }
        QMetaObject::invokeMethod(this, [this, outcome]() {
            m_status->setText(outcome);
            m_messages->addItem(outcome);
        });
    });
    connect(m_thread, &QThread::finished, this, [this]() {
        m_thread->deleteLater();
        m_thread = nullptr;
        reloadConflicts();
        reloadAnalytics();
        setBusy(false);
        Q_EMIT finished();
    });
    m_thread->start();
}

void SyncPanel::startSync()
{
    m_messages->clear();
    m_status->setText(tr("Syncing with %1…").arg(m_url));
    runInWorker([](sync::SyncEngine& engine) {
        const sync::SyncEngine::Report r = engine.run();
        QString text = tr("%1 of %2 changes pushed, %3 skipped, %4 pulled, %5 conflicts, %6 "
                          "errors")
                           .arg(r.pushed)
                           .arg(r.total)
                           .arg(r.skipped)
                           .arg(r.pulled)
                           .arg(r.conflicts)
                           .arg(r.errors);
        if (r.cancelled)
            text += tr("; cancelled (the next sync resumes)");
        if (!r.failure.isEmpty())
            text += QStringLiteral("; ") + r.failure;
        return text;
    });
}

void SyncPanel::cancelSync()
{
    QMutexLocker lock(&m_engineLock);
    if (!m_thread)
        return;
    m_cancelRequested = true;
    if (m_engine)
        m_engine->cancel();
}

void SyncPanel::resolveSelected(bool keepMine)
{
    const int row = m_conflicts->currentRow();
    if (row < 0 || row >= m_open.size())
        return;
    const QString id = m_open[row].id;
    const QString label = m_open[row].label;
    runInWorker([id, label, keepMine](sync::SyncEngine& engine) {
        const Status s = engine.resolve(id, keepMine ? sync::SyncEngine::Choice::KeepMine
                                                     : sync::SyncEngine::Choice::TakeTheirs);
        if (!s.ok())
            return tr("%1: %2").arg(label, s.error().message);
        return keepMine ? tr("%1: your version is on the server").arg(label)
                        : tr("%1: the server's version is now here").arg(label);
    });
}

void SyncPanel::reloadConflicts()
{
    m_conflicts->clear();
    m_diff->setRowCount(0);
    m_open.clear();
    if (!m_db || m_url.isEmpty())
        return;
    sync::SyncEngine::Settings settings;
    settings.serverUrl = m_url;
    settings.apiKey = m_key;
    m_open = sync::SyncEngine(*m_db, m_tenantId, settings).conflicts();
    for (const store::SyncConflict& c : m_open)
        m_conflicts->addItem(
            tr("%1 %2: changed here and on the server").arg(entityName(c.entity), c.label));
    if (!m_open.isEmpty())
        m_conflicts->setCurrentRow(0);
}

QString SyncPanel::entityName(const QString& entity)
{
    // The kinds core/sync/conflictkind.h can put in conflict; an unknown one shows as is.
    if (entity == u"product")
        return tr("Product");
    if (entity == u"passport")
        return tr("Passport");
    if (entity == u"supplier")
        return tr("Supplier");
    if (entity == u"link")
        return tr("Resolver link");
    if (entity == u"battery_unit")
        return tr("Battery status");
    if (entity == u"serial")
        return tr("Serial number state");
    return entity;
}

void SyncPanel::reloadAnalytics()
{
    m_analytics->setRowCount(0);
    if (!m_db)
        return;
    const auto rows = store::ProductAnalyticsRepository(*m_db, m_tenantId).all();
    m_analytics->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_analytics->setItem(i, 0, new QTableWidgetItem(rows[i].gtin));
        auto* scans = new QTableWidgetItem(QLocale().toString(rows[i].scans));
        scans->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        scans->setToolTip(tr("as of %1").arg(rows[i].fetchedAt));
        m_analytics->setItem(i, 1, scans);
    }
}

void SyncPanel::showConflict()
{
    m_diff->setRowCount(0);
    const int row = m_conflicts->currentRow();
    setBusy(m_thread != nullptr);
    if (row < 0 || row >= m_open.size())
        return;
    const auto rows = sync::ConflictDiff::rows(m_open[row].mine, m_open[row].theirs);
    m_diff->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const QStringList cells{r.field, r.mine, r.theirs};
        for (int col = 0; col < 3; ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (r.differs) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setBackground(QBrush(QColor(255, 236, 179)));
            }
            m_diff->setItem(i, col, item);
        }
    }
}

} // namespace dpp::ui
