#include "preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <label/printercalibration.h>

namespace dpp::ui {

PreferencesDialog::PreferencesDialog(const Preferences& preferences, QWidget* parent)
    : QDialog(parent), m_original(preferences), m_language(new QComboBox(this)),
      m_resolver(new QLineEdit(preferences.resolverBase, this)),
      m_server(new QLineEdit(preferences.serverUrl, this)),
      m_apiKey(new QLineEdit(preferences.apiKey, this)), m_printers(new QTableWidget(0, 3, this)),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Preferences"));
    // Languages with a translation, named in their own language.
    m_language->addItem(tr("System language"), QString());
    for (const auto& [code, name] : QList<std::pair<QString, QString>>{{"en", "English"},
                                                                       {"de", "Deutsch"},
                                                                       {"fr", "Français"},
                                                                       {"sk", "Slovenčina"},
                                                                       {"pt", "Português"}})
        m_language->addItem(name, code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences.language)));
    m_apiKey->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_server->setPlaceholderText(QStringLiteral("https://dpp.example.com"));
    m_printers->setHorizontalHeaderLabels(
        {tr("Name"), tr("Target (host:9100, cups:QUEUE or printer)"), tr("Calibration (JSON)")});
    m_printers->horizontalHeader()->setStretchLastSection(true);
    for (const auto& p : preferences.printers) {
        const int r = m_printers->rowCount();
        m_printers->insertRow(r);
        m_printers->setItem(r, 0, new QTableWidgetItem(p.name));
        m_printers->setItem(r, 1, new QTableWidgetItem(p.target));
        m_printers->setItem(r, 2,
                            new QTableWidgetItem(QString::fromUtf8(
                                QJsonDocument(p.calibration).toJson(QJsonDocument::Compact))));
    }
    auto* addPrinter = new QPushButton(tr("Add printer"), this);
    auto* removePrinter = new QPushButton(tr("Remove printer"), this);
    connect(addPrinter, &QPushButton::clicked, this, [this] {
        const int r = m_printers->rowCount();
        m_printers->insertRow(r);
        m_printers->setItem(r, 0, new QTableWidgetItem(tr("Printer %1").arg(r + 1)));
        m_printers->setItem(r, 1, new QTableWidgetItem(QStringLiteral("127.0.0.1:9100")));
        m_printers->setItem(r, 2,
                            new QTableWidgetItem(QString::fromUtf8(
                                QJsonDocument(label::PrinterCalibration().toJson())
                                    .toJson(QJsonDocument::Compact))));
    });
    connect(removePrinter, &QPushButton::clicked, this, [this] {
        if (m_printers->currentRow() >= 0)
            m_printers->removeRow(m_printers->currentRow());
    });
    m_message->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_message->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Language (after restart)"), m_language);
    form->addRow(tr("Default &resolver base URL"), m_resolver);
    form->addRow(tr("Sync &server URL"), m_server);
    form->addRow(tr("Sync API &key"), m_apiKey);
    auto* printerButtons = new QHBoxLayout;
    printerButtons->addWidget(addPrinter);
    printerButtons->addWidget(removePrinter);
    printerButtons->addStretch();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_resolver, &QLineEdit::textChanged, this, &PreferencesDialog::validate);
    connect(m_server, &QLineEdit::textChanged, this, &PreferencesDialog::validate);
    connect(m_printers, &QTableWidget::cellChanged, this, &PreferencesDialog::validate);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Printers and calibration"), this));
    layout->addWidget(m_printers);
    layout->addLayout(printerButtons);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(640, 480);
    validate();
}

void PreferencesDialog::validate()
{
    QStringList problems;
    auto checkUrl = [&](const QLineEdit* edit, const QString& field, bool required) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) {
            if (required)
                problems << tr("%1: is required").arg(field);
            return;
        }
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
            url.host().isEmpty())
            problems << tr("%1: must be an http(s) URL such as https://id.example.com").arg(field);
    };
    checkUrl(m_resolver, tr("Resolver base URL"), true);
    checkUrl(m_server, tr("Server URL"), false);
    for (int r = 0; r < m_printers->rowCount(); ++r) {
        const auto* cal = m_printers->item(r, 2);
        const QJsonDocument doc =
            QJsonDocument::fromJson(cal ? cal->text().toUtf8() : QByteArray());
        if (!doc.isObject()) {
            problems << tr("Printer %1 calibration: must be a JSON object").arg(r + 1);
            continue;
        }
        const auto parsed = label::PrinterCalibration::fromJson(doc.object(), QString());
        if (!parsed.ok())
            problems << tr("Printer %1 calibration %2: %3")
                            .arg(r + 1)
                            .arg(parsed.error().param, parsed.error().message);
    }
    m_message->setText(problems.join(u'\n'));
    if (m_ok)
        m_ok->setEnabled(problems.isEmpty());
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p = m_original;
    p.language = m_language->currentData().toString();
    p.resolverBase = m_resolver->text().trimmed();
    p.serverUrl = m_server->text().trimmed();
    p.apiKey = m_apiKey->text().trimmed();
    p.printers.clear();
    for (int r = 0; r < m_printers->rowCount(); ++r) {
        auto text = [&](int c) {
            return m_printers->item(r, c) ? m_printers->item(r, c)->text().trimmed() : QString();
        };
        p.printers.append({text(0), text(1), QJsonDocument::fromJson(text(2).toUtf8()).object()});
    }
    return p;
}

} // namespace dpp::ui
