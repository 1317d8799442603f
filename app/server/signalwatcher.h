// SignalWatcher: turns SIGTERM/SIGINT into a Qt signal. The C handler only writes a byte
// to a pipe (async-signal-safe); a QSocketNotifier reads it in the event loop, where it is
// safe to start draining the server.
#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <initializer_list>

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(std::initializer_list<int> signals, QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void received(int signal);

private:
    QSocketNotifier* m_notifier = nullptr;
};
