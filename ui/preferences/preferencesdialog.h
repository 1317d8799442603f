// PreferencesDialog: edits Preferences: language (after a restart), default
// resolver base URL, printers and their calibration (listed here; the print
// dialog uses them), and the server URL and API key for sync.
#pragma once

#include "preferences.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QTableWidget;
class QLabel;
class QPushButton;

namespace dpp::ui {

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences& preferences, QWidget* parent = nullptr);
    // The dialog's values (recent stores unchanged).
    Preferences preferences() const;

    QComboBox* languageCombo() const { return m_language; }
    QLineEdit* resolverEdit() const { return m_resolver; }
    QLineEdit* serverEdit() const { return m_server; }
    QLineEdit* apiKeyEdit() const { return m_apiKey; }
    QTableWidget* printerTable() const { return m_printers; }

private:
    void validate();
    Preferences m_original;
    QComboBox* m_language;
    QLineEdit* m_resolver;
    QLineEdit* m_server;
    QLineEdit* m_apiKey;
    QTableWidget* m_printers;
    QLabel* m_message;
    QPushButton* m_ok = nullptr;
};

} // namespace dpp::ui
