// PublishPanel: start and stop the in-process server on the open store
// (port, who may connect, base URL), show the resolver URL and a QR of the
// selected product's Digital Link to scan with a phone on the same network.
#pragma once

#include <QImage>
#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace dpp::store {
class Database;
}

namespace dpp::ui {

class LocalServer;

class PublishPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PublishPanel(QWidget* parent = nullptr);
    void setStore(std::shared_ptr<store::Database> db, const QString& tenantId);
    LocalServer* server() const { return m_server; }

    void setPort(int port);
    void setLanAccess(bool on);
    // The URL shown to the user (the server's base URL); empty when stopped.
    QString shownUrl() const;
    // The selected product's Digital Link on the server's base; empty when none.
    QString digitalLink() const;
    QImage qrImage() const { return m_qr; }

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    // For the main window's status bar.
    void serverStateChanged(bool running, const QString& url);

private:
    void updateLink();

    std::shared_ptr<store::Database> m_db;
    QString m_tenantId;
    LocalServer* m_server = nullptr;
    QSpinBox* m_port = nullptr;
    QCheckBox* m_lan = nullptr;
    QLineEdit* m_base = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_url = nullptr;
    QComboBox* m_product = nullptr;
    QLabel* m_link = nullptr;
    QLabel* m_qrLabel = nullptr;
    QImage m_qr;
};

} // namespace dpp::ui
