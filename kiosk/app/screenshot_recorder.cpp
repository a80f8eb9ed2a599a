#include "app/screenshot_recorder.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QInputMethod>
#include <QQuickWindow>

#include "core/kiosk_info.h"
#include "core/session_controller.h"
#include "logging/categories.h"

namespace lobby::app {
namespace {
// Long enough for the Loader to swap screens and for the first frame of the new one.
constexpr int kSettle_ms = 300;
}  // namespace

ScreenshotRecorder::ScreenshotRecorder(QString directory, core::SessionController* session,
                                       core::KioskInfo* kiosk, QObject* parent)
    : QObject(parent), directory_(std::move(directory)), session_(session), kiosk_(kiosk) {
    QDir().mkpath(directory_);
    captureTimer_.setSingleShot(true);
    captureTimer_.setInterval(kSettle_ms);
    connect(&captureTimer_, &QTimer::timeout, this, &ScreenshotRecorder::capture);
    connect(session_, &core::SessionController::screenChanged, this, &ScreenshotRecorder::schedule);
    connect(kiosk_, &core::KioskInfo::languageChanged, this, &ScreenshotRecorder::schedule);
    connect(kiosk_, &core::KioskInfo::elderModeChanged, this, &ScreenshotRecorder::schedule);
    // The on-screen keyboard coming up is a screen of its own to the patient.
    connect(QGuiApplication::inputMethod(), &QInputMethod::visibleChanged, this,
            &ScreenshotRecorder::schedule);
    // Paused for an update, the attract screen says so: what the patient sees then counts too.
    connect(session_, &core::SessionController::updatingChanged, this,
            &ScreenshotRecorder::schedule);
    connect(session_, &core::SessionController::countdownChanged, this, [this] {
        if (!captureTimer_.isActive()) schedule();
    });
}

void ScreenshotRecorder::attach(QQuickWindow* window) {
    window_ = window;
    schedule();
}

void ScreenshotRecorder::schedule() {
    if (window_ != nullptr) captureTimer_.start();
}

void ScreenshotRecorder::capture() {
    const QString overlay =
        QString(session_->countdownActive() ? QStringLiteral("-countdown") : QString()) +
        (session_->updating() ? QStringLiteral("-updating") : QString()) +
        (QGuiApplication::inputMethod()->isVisible() ? QStringLiteral("-keyboard") : QString());
    const QString key = session_->screenName() + overlay + "-" + kiosk_->language() +
                        (kiosk_->elderMode() ? QStringLiteral("-elder") : QString());
    if (key == lastSaved_) return;
    const QImage image = window_->grabWindow();
    if (image.isNull()) {
        qCWarning(lcUi) << "could not grab the window for" << key;
        return;
    }
    ++counter_;
    const QString path =
        QDir(directory_)
            .filePath(QStringLiteral("%1-%2.png").arg(counter_, 2, 10, QChar('0')).arg(key));
    if (!image.save(path)) {
        qCWarning(lcUi) << "could not save" << path;
        return;
    }
    lastSaved_ = key;
    qCInfo(lcUi) << "screenshot" << path;
}

}  // namespace lobby::app
