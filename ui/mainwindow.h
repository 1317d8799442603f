// The desktop app's main window. A skeleton until the desktop issue lands:
// it shows what the app is and where the command line tools are.
#pragma once

#include <QMainWindow>
#include <memory>

namespace dpp::store {
class Database;
}

namespace dpp::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    // The open store (null when none could be opened).
    std::shared_ptr<dpp::store::Database> database() const;

Q_SIGNALS:
    void storeChanged();

private:
    // Labels and Publish menus: ui/mainwindowlabels.cpp, ui/mainwindowpublish.cpp.
    void installLabelActions();
    void installPublishActions();
    mutable std::shared_ptr<dpp::store::Database> m_db;
};

} // namespace dpp::ui
