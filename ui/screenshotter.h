// Screenshotter: `dppstudio --screenshot DIR`: once the event loop has
// settled, grabs the main window, the label designer (with an example label)
// and the print dialog with QWidget::grab(), writes PNGs to DIR and quits.
// Deterministic pictures for the README and the Xvfb smoke test.
#pragma once

#include <QObject>
#include <QString>

class QMainWindow;

namespace dpp::ui {

class Screenshotter : public QObject
{
    Q_OBJECT
public:
    Screenshotter(QMainWindow* window, QString dir);
    // Starts the sequence; the application exits with 0 when every file was
    // written, 1 otherwise.
    void start();

private:
    bool save(QWidget* widget, const QString& name);
    void showPublishPanel();
    QMainWindow* m_window;
    QString m_dir;
    bool m_ok = true;
};

} // namespace dpp::ui
