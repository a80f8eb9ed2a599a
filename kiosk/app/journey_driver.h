#pragma once
// Walks a scripted patient journey through the real UI (--journey FILE): taps items by their
// objectName with real mouse events and waits for screens, so the demo and the end-to-end tests
// exercise exactly what a patient's finger does. The script is a JSON array of steps:
//   {"tap": "startButton"}            tap the visible, enabled item with that objectName
//   {"expect_screen": "menu"}         wait until that screen is shown ("done|error": either)
//   {"wait_ms": 500}                  pause
//   {"register_if_asked": "menu"}     wait for that screen ("menu|error": either); if the kiosk
//                                     asks a new patient to register (建档) on the way, confirms
//                                     their details, types a mobile number twice ("phone", else a
//                                     fresh one) and the code texted to it
//   {"type": "110105..."}             tap those keys of the on-screen keypad
//   {"type_sms": "13800138000"}       type the code of the last text to that number, read from
//                                     the sandbox's outbox ($LOBBY_SMS_OUTBOX); with
//                                     "wrong": true, that code with its last digit changed
//   {"present": "function_book"}      wait until an item with that objectName is visible
//   {"absent": "function_book"}       wait until none is
//   {"place_card": "resident-zhang"}  put a card from sim/idcard's catalogue on the simulated
//   reader
//   {"remove_card": true}             lift it
//   {"insert_ssc": "ssc-wang"}        insert a virtual social-security card (optionally
//                                     followed by a fault: "ssc-wang blocked") into pcscd's vpcd
//   {"remove_ssc": true}              pull it out
//   {"scan": "YBPZ..."}               scan a code on the simulated scanner
//   {"idcard_fault": "silent"}        the simulated ID reader misbehaves from now on (sim/idcard
//                                     faults: removed_before_read, silent, truncated, ...)
//   {"if_screen": "error", "skip_to": "L"}  if that screen shows, go on after {"label": "L"}
//   {"if_absent": "nextPage", "skip_to": "L"}  if no such item shows, go on after that label
//   {"skip_to": "L"}                  go on after {"label": "L"} in any case
//   {"settle_ms": 30}                 from now on tap once a screen has settled this long
//                                     (default 150 ms, a patient's pace; soaks go faster)
// Each step has a deadline ("timeout_ms", default 5000). The app exits 0 when the journey
// ends, 1 on the first failed step.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QObject>
#include <QTimer>
#include <functional>

#include "common/error.h"

class QQuickItem;
class QQuickWindow;

namespace lobby::core {
class SessionController;
}

namespace lobby::app {

class JourneyDriver : public QObject {
    Q_OBJECT
public:
    using DeviceControl = std::function<Status(const QString& action, const QString& argument)>;
    // `ready` says when the next step may run (e.g. no screenshot pending); `devices` acts on
    // simulated devices.
    JourneyDriver(QJsonArray steps, core::SessionController* session, std::function<bool()> ready,
                  DeviceControl devices, QObject* parent = nullptr);

    static Result<QJsonArray> loadSteps(const QString& path);

    void start(QQuickWindow* window);
    // Walk the steps this many times (soak and benchmarks); passFinished after each.
    void setRepeat(int passes) { passes_ = passes; }

signals:
    void finished(int exitCode);
    void passFinished(int pass);

private:
    enum class StepOutcome { Done, Pending, Failed };
    void poll();
    // Runs or continues the current step; true when it completed and the next may run at once.
    bool advance();
    StepOutcome runStep(const QJsonObject& step);
    StepOutcome tap(const QString& objectName);
    // Taps the keypad's keys for `text`, one per settle interval; Done once all are typed.
    StepOutcome typeKeys(const QString& text);
    // The steps a new patient takes to register, run before the step that met the question.
    QJsonArray registrationSteps(const QString& phone);
    // The code in the last text to `phone` in the sandbox's outbox; empty if none yet.
    QString smsCode(const QString& phone) const;
    void click(QQuickItem* item);
    void fail(const QString& why);

    QJsonArray steps_;
    core::SessionController* session_;
    std::function<bool()> ready_;
    DeviceControl devices_;
    QQuickWindow* window_ = nullptr;
    QTimer pollTimer_;
    int index_ = 0;
    int passes_ = 1;
    int pass_ = 1;
    qint64 stepStarted_ms_ = -1;
    qint64 registerAskedAt_ms_ = -1;  // when the new-patient confirmation was first seen
    int typed_ = 0;                   // keys of the current "type" step tapped so far
    QJsonArray interlude_;            // steps run before the current one (a registration)
    int registrations_ = 0;           // for a fresh mobile number each
    qint64 lastKeyAt_ms_ = -1;
    int settleAfterTap_ms_;  // set from kSettleAfterTap_ms in the constructor
    QElapsedTimer clock_;
};

}  // namespace lobby::app
