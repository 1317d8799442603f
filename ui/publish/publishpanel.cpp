#include "publishpanel.h"

#include "localserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <label/mergerecord.h>
#include <store/productrepository.h>
#include <symbol/qrencoder.h>
#include <symbol/symbolpath.h>

namespace dpp::ui {

PublishPanel::PublishPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("publishPanel"));
    m_server = new LocalServer(this);
    auto* form = new QFormLayout(this);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("publishPort"));
    m_port->setRange(0, 65535);
    m_port->setValue(8080);
    m_port->setSpecialValueText(tr("any free port"));
    form->addRow(tr("Port"), m_port);
    m_lan = new QCheckBox(tr("Reachable from the local network (phones)"), this);
    m_lan->setObjectName(QStringLiteral("publishLan"));
    m_lan->setToolTip(tr("Off: only this computer can connect (127.0.0.1)."));
    form->addRow(m_lan);
    m_base = new QLineEdit(this);
    m_base->setObjectName(QStringLiteral("publishBaseUrl"));
    m_base->setPlaceholderText(tr("automatic"));
    form->addRow(tr("Base URL for links"), m_base);
    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("&Start"), this);
    m_start->setObjectName(QStringLiteral("publishStart"));
    m_stop = new QPushButton(tr("S&top"), this);
    m_stop->setObjectName(QStringLiteral("publishStop"));
    m_stop->setEnabled(false);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    form->addRow(buttons);
    m_state = new QLabel(tr("Stopped"), this);
    m_state->setObjectName(QStringLiteral("publishState"));
    m_state->setWordWrap(true);
    form->addRow(tr("State"), m_state);
    m_url = new QLabel(this);
    m_url->setObjectName(QStringLiteral("publishUrl"));
    m_url->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_url->setOpenExternalLinks(true);
    form->addRow(tr("Resolver"), m_url);
    m_product = new QComboBox(this);
    m_product->setObjectName(QStringLiteral("publishProduct"));
    form->addRow(tr("Product"), m_product);
    m_link = new QLabel(this);
    m_link->setObjectName(QStringLiteral("publishLink"));
    m_link->setWordWrap(true);
    m_link->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Digital Link"), m_link);
    m_qrLabel = new QLabel(this);
    m_qrLabel->setAlignment(Qt::AlignCenter);
    m_qrLabel->setMinimumSize(200, 200);
    form->addRow(m_qrLabel);

    connect(m_start, &QPushButton::clicked, this, &PublishPanel::start);
    connect(m_stop, &QPushButton::clicked, this, &PublishPanel::stop);
    connect(m_product, &QComboBox::currentIndexChanged, this, &PublishPanel::updateLink);
    connect(m_server, &LocalServer::stateChanged, this, [this](bool running, const QString& url) {
        m_start->setEnabled(!running);
        m_stop->setEnabled(running);
        m_port->setEnabled(!running);
        m_lan->setEnabled(!running);
        m_base->setEnabled(!running);
        m_state->setText(running ? tr("Running on port %1").arg(m_server->port()) : tr("Stopped"));
        m_url->setText(running ? QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toHtmlEscaped())
                               : QString());
        updateLink();
        Q_EMIT serverStateChanged(running, url);
    });
}

void PublishPanel::setStore(std::shared_ptr<store::Database> db, const QString& tenantId)
{
    if (m_server->isRunning() && db != m_db)
        stop(); // the server must not keep publishing a store the user closed
    m_db = std::move(db);
    m_tenantId = tenantId;
    const QSignalBlocker block(m_product);
    m_product->clear();
    if (m_db) {
        const auto page = store::ProductRepository(*m_db, m_tenantId).page(100);
        if (page) {
            for (const passport::Product& p : page->items)
                m_product->addItem(p.displayName() + QStringLiteral(" · ") + p.gtin, p.gtin);
        }
    }
    updateLink();
}

void PublishPanel::setPort(int port)
{
    m_port->setValue(port);
}

void PublishPanel::setLanAccess(bool on)
{
    m_lan->setChecked(on);
}

void PublishPanel::start()
{
    const bool lan = m_lan->isChecked();
    QString base = m_base->text().trimmed();
    if (!base.isEmpty() && !base.startsWith(QLatin1String("http://")) &&
        !base.startsWith(QLatin1String("https://"))) {
        m_state->setText(tr("Base URL: must start with http:// or https://"));
        return;
    }
    const Status ok = m_server->start(
        m_db, lan ? QHostAddress(QHostAddress::AnyIPv4) : QHostAddress(QHostAddress::LocalHost),
        quint16(m_port->value()), base);
    if (!ok) {
        m_state->setText(tr("Not started: %1").arg(ok.error().message));
        return;
    }
    if (base.isEmpty() && lan) {
        // A phone cannot reach 0.0.0.0: links name this machine's LAN address.
        const QString ip = LocalServer::lanAddress();
        if (!ip.isEmpty()) {
            const quint16 port = m_server->port();
            m_server->stop();
            const Status again = m_server->start(m_db, QHostAddress(QHostAddress::AnyIPv4), port,
                                                 QStringLiteral("http://%1:%2").arg(ip).arg(port));
            if (!again)
                m_state->setText(tr("Not started: %1").arg(again.error().message));
        }
    }
}

void PublishPanel::stop()
{
    m_server->stop();
}

QString PublishPanel::shownUrl() const
{
    return m_server->baseUrl();
}

QString PublishPanel::digitalLink() const
{
    const QString gtin = m_product->currentData().toString();
    if (gtin.isEmpty())
        return {};
    label::MergeRecord record;
    const QString base = m_server->isRunning() ? m_server->baseUrl() : QString();
    if (!record.setProductKeys(gtin, {}, {}, {}, base))
        return {};
    return record.value(QStringLiteral("digital_link"));
}

void PublishPanel::updateLink()
{
    const QString link = digitalLink();
    m_link->setText(link);
    m_qr = QImage();
    m_qrLabel->clear();
    if (link.isEmpty())
        return;
    auto matrix = symbol::QrEncoder().encodeText(link.toUtf8());
    if (!matrix)
        return;
    // The matrix carries its quiet zone; 6 pixels a module reads well off a screen.
    constexpr int kPx = 6;
    m_qr = QImage(matrix->totalWidth() * kPx, matrix->totalHeight() * kPx, QImage::Format_RGB32);
    m_qr.fill(Qt::white);
    QPainter p(&m_qr);
    symbol::SymbolPath::paint(&p, matrix.value(), kPx, QPointF(0, 0));
    p.end();
    m_qrLabel->setPixmap(QPixmap::fromImage(m_qr));
}

} // namespace dpp::ui
