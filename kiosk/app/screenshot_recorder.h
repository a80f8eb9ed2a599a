#pragma once
// Saves a PNG of every screen the kiosk shows (--screenshot-dir): on each change of screen or
// language, once the new frame has been rendered. Files are numbered in the order shown:
// 01-attract-zh.png, 02-attract-en.png, ...

#include <QObject>
#include <QString>
#include <QTimer>

class QQuickWindow;

namespace lobby::core {
class KioskInfo;
class SessionController;
}  // namespace lobby::core

namespace lobby::app {

class ScreenshotRecorder : public QObject {
    Q_OBJECT
public:
    ScreenshotRecorder(QString directory, core::SessionController* session, core::KioskInfo* kiosk,
                       QObject* parent = nullptr);

    void attach(QQuickWindow* window);
    bool isIdle() const { return !captureTimer_.isActive(); }
    int savedCount() const { return counter_; }

private:
    void schedule();
    void capture();

    QString directory_;
    core::SessionController* session_;
    core::KioskInfo* kiosk_;
    QQuickWindow* window_ = nullptr;
    QTimer captureTimer_;
    QString lastSaved_;
    int counter_ = 0;
};

}  // namespace lobby::app
