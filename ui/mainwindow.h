// The desktop app's main window. A skeleton until the desktop issue lands:
// it shows what the app is and where the command line tools are.
#pragma once

#include <QMainWindow>

namespace dpp::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace dpp::ui
