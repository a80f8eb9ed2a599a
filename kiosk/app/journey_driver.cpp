#include "app/journey_driver.h"

#include <algorithm>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointingDevice>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTest>

#include "core/session_controller.h"
#include "logging/categories.h"

namespace lobby::app {
namespace {

constexpr int kPoll_ms = 50;
constexpr int kDefaultStepTimeout_ms = 5000;
constexpr int kSettleAfterTap_ms = 150;  // a patient's pace, unless the script sets another
constexpr int kSettleAfterTap_min_ms = 15;
constexpr int kStepsPerPoll_max = 32;
constexpr int kSettleAfterKey_ms = 80;  // a brisk typist

QQuickItem* findVisibleItem(QQuickItem* root, const QString& objectName) {
    if (root == nullptr || !root->isVisible()) return nullptr;
    if (root->objectName() == objectName) return root;
    for (QQuickItem* child : root->childItems()) {
        if (QQuickItem* found = findVisibleItem(child, objectName)) return found;
    }
    return nullptr;
}

// A key of the on-screen keypad (its keys carry `key` and `text`) showing `text`, inside
// `keyboard`.
QQuickItem* findKey(QQuickItem* keyboard, const QString& text) {
    if (keyboard == nullptr || !keyboard->isVisible()) return nullptr;
    if (keyboard->property("key").isValid() && keyboard->property("text").toString() == text &&
        keyboard->isEnabled())
        return keyboard;
    for (QQuickItem* child : keyboard->childItems()) {
        if (QQuickItem* found = findKey(child, text)) return found;
    }
    return nullptr;
}

// Scrolls every Flickable around `item` so that it is in view, as a patient would before tapping
// it (a screen whose content is taller than the window scrolls).
void scrollIntoView(QQuickItem* item) {
    for (QQuickItem* ancestor = item->parentItem(); ancestor != nullptr;
         ancestor = ancestor->parentItem()) {
        if (!ancestor->inherits("QQuickFlickable")) continue;
        const qreal viewHeight = ancestor->height();
        const qreal contentY = ancestor->property("contentY").toReal();
        const qreal contentHeight = ancestor->property("contentHeight").toReal();
        // The item's top and bottom in the flickable's content coordinates.
        const qreal top = item->mapToItem(ancestor, QPointF(0, 0)).y() + contentY;
        const qreal bottom = top + item->height();
        qreal wanted = contentY;
        if (bottom > contentY + viewHeight) wanted = bottom - viewHeight;
        if (top < wanted) wanted = top;
        wanted = std::clamp(wanted, 0.0, std::max(0.0, contentHeight - viewHeight));
        if (wanted != contentY) ancestor->setProperty("contentY", wanted);
    }
}

}  // namespace

JourneyDriver::JourneyDriver(QJsonArray steps, core::SessionController* session,
                             std::function<bool()> ready, DeviceControl devices, QObject* parent)
    : QObject(parent),
      steps_(std::move(steps)),
      session_(session),
      ready_(std::move(ready)),
      devices_(std::move(devices)),
      settleAfterTap_ms_(kSettleAfterTap_ms) {
    pollTimer_.setInterval(kPoll_ms);
    connect(&pollTimer_, &QTimer::timeout, this, &JourneyDriver::poll);
}

Result<QJsonArray> JourneyDriver::loadSteps(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::NotFound, "journey.unreadable",
                         (path + ": " + file.errorString()).toStdString());
    }
    QJsonParseError parseError{};
    const auto document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        return makeError(ErrorKind::InvalidArgument, "journey.invalid",
                         (path + ": not a JSON array of steps").toStdString());
    }
    return document.array();
}

void JourneyDriver::start(QQuickWindow* window) {
    window_ = window;
    clock_.start();
    pollTimer_.start();
}

void JourneyDriver::poll() {
    // Steps that complete at once (a label, a screen already shown) do not each wait a poll;
    // after a tap or a device action the event loop runs first, as it would for a patient.
    for (int steps = 0; steps < kStepsPerPoll_max; ++steps) {
        if (!ready_() || !advance()) return;
    }
}

bool JourneyDriver::advance() {
    if (index_ >= steps_.size() && pass_ < passes_) {
        emit passFinished(pass_);
        ++pass_;
        index_ = 0;
        return false;
    }
    if (index_ >= steps_.size()) {
        emit passFinished(pass_);
        pollTimer_.stop();
        qCInfo(lcUi) << "journey finished:" << steps_.size() << "steps";
        emit finished(0);
        return false;
    }
    const bool interlude = !interlude_.isEmpty();
    const QJsonObject step =
        interlude ? interlude_.first().toObject() : steps_.at(index_).toObject();
    if (!interlude && step.contains("skip_to")) {
        // A fault may end a session early: skip to the label if the screen (or any, without
        // "if_screen") says so; the screen still has to be one the script expects next.
        // "if_absent": a layout that shows the item only sometimes (a pager in landscape).
        const bool jump =
            step.contains("if_absent")
                ? findVisibleItem(window_->contentItem(), step.value("if_absent").toString()) ==
                      nullptr
                : !step.contains("if_screen") || step.value("if_screen")
                                                     .toString()
                                                     .split(QLatin1Char('|'))
                                                     .contains(session_->screenName());
        for (qsizetype i = index_ + 1; jump && i < steps_.size(); ++i) {
            if (steps_.at(i).toObject().value("label") == step.value("skip_to")) {
                index_ = static_cast<int>(i);
                break;
            }
        }
        ++index_;
        stepStarted_ms_ = -1;
        return true;
    }
    if (!interlude && step.contains("settle_ms")) {
        settleAfterTap_ms_ = std::max(kSettleAfterTap_min_ms, step.value("settle_ms").toInt());
        pollTimer_.setInterval(std::min(kPoll_ms, settleAfterTap_ms_ / 3));
        ++index_;
        return true;
    }
    if (stepStarted_ms_ < 0) stepStarted_ms_ = clock_.elapsed();
    const StepOutcome outcome = runStep(step);
    if (outcome == StepOutcome::Failed) return false;
    if (!interlude && !interlude_.isEmpty()) {
        // The step began an interlude (a registration): its steps run first, each on its own
        // clock, and this step's clock starts again after them.
        stepStarted_ms_ = -1;
        return true;
    }
    if (outcome == StepOutcome::Done) {
        if (interlude)
            interlude_.removeFirst();
        else
            ++index_;
        stepStarted_ms_ = -1;
        return step.contains("label") || step.contains("expect_screen") ||
               step.contains("present") || step.contains("absent") || step.contains("wait_ms");
    }
    const int timeout_ms = step.value("timeout_ms").toInt(kDefaultStepTimeout_ms);
    if (clock_.elapsed() - stepStarted_ms_ > timeout_ms) {
        fail(QStringLiteral("step %1 %2 did not complete within %3 ms (screen: %4)")
                 .arg(index_ + 1)
                 .arg(QString::fromUtf8(QJsonDocument(step).toJson(QJsonDocument::Compact)))
                 .arg(timeout_ms)
                 .arg(session_->screenName()));
    }
    return false;
}

JourneyDriver::StepOutcome JourneyDriver::runStep(const QJsonObject& step) {
    if (step.contains("label")) return StepOutcome::Done;
    if (step.contains("tap")) return tap(step.value("tap").toString());
    if (step.contains("expect_screen")) {
        // "done|error": either screen ends the step (a fault may or may not reach the patient).
        return step.value("expect_screen")
                       .toString()
                       .split(QLatin1Char('|'))
                       .contains(session_->screenName())
                   ? StepOutcome::Done
                   : StepOutcome::Pending;
    }
    for (const char* action :
         {"place_card", "remove_card", "insert_ssc", "remove_ssc", "scan", "idcard_fault"}) {
        if (!step.contains(action)) continue;
        const Status status = devices_(QString::fromLatin1(action), step.value(action).toString());
        if (!status) {
            fail(QStringLiteral("step %1: %2").arg(index_ + 1).arg(status.error().message.c_str()));
            return StepOutcome::Failed;
        }
        // A scanned code is a credential: the log says only how long it was.
        if (QLatin1String(action) == QLatin1String("scan")) {
            qCInfo(lcUi) << action << step.value(action).toString().size() << "chars";
        } else {
            qCInfo(lcUi) << action << step.value(action).toString();
        }
        return StepOutcome::Done;
    }
    // "register_if_asked": "menu|error": waits for one of those screens; if the kiosk asks a
    // new patient to confirm their details first (identify-register), confirms them.
    if (step.contains("register_if_asked")) {
        const QString screen = session_->screenName();
        if (step.value("register_if_asked").toString().split(QLatin1Char('|')).contains(screen)) {
            registerAskedAt_ms_ = -1;
            return StepOutcome::Done;
        }
        if (screen != QLatin1String("identify-register")) return StepOutcome::Pending;
        // Like any tap, only once the screen has settled.
        if (registerAskedAt_ms_ < 0) registerAskedAt_ms_ = clock_.elapsed();
        if (clock_.elapsed() - registerAskedAt_ms_ >= settleAfterTap_ms_) {
            registerAskedAt_ms_ = -1;
            interlude_ = registrationSteps(step.value("phone").toString());
        }
        return StepOutcome::Pending;
    }
    // "type": "110105...": taps those keys of the on-screen keypad (object name "keyboard"),
    // one per settle interval, as a patient would.
    if (step.contains("type")) return typeKeys(step.value("type").toString());
    if (step.contains("type_sms")) {
        const QString code = smsCode(step.value("type_sms").toString());
        if (code.isEmpty()) return StepOutcome::Pending;  // not texted yet
        if (!step.value("wrong").toBool()) return typeKeys(code);
        const int last = code.back().digitValue();
        return typeKeys(code.left(code.size() - 1) + QString::number((last + 1) % 10));
    }
    // "present" / "absent": an item with that object name is (not) visible; waits until so.
    if (step.contains("present") || step.contains("absent")) {
        const bool wanted = step.contains("present");
        const QString name = step.value(wanted ? "present" : "absent").toString();
        const bool visible = findVisibleItem(window_->contentItem(), name) != nullptr;
        return visible == wanted ? StepOutcome::Done : StepOutcome::Pending;
    }
    if (step.contains("wait_ms")) {
        return clock_.elapsed() - stepStarted_ms_ >= step.value("wait_ms").toInt()
                   ? StepOutcome::Done
                   : StepOutcome::Pending;
    }
    fail(QStringLiteral("step %1: unknown kind of step").arg(index_ + 1));
    return StepOutcome::Failed;
}

QJsonArray JourneyDriver::registrationSteps(const QString& phone) {
    // A number of its own for each registration, so that none waits out another's minute.
    const QString number =
        !phone.isEmpty()
            ? phone
            : QStringLiteral("139%1%2")
                  .arg(QDateTime::currentSecsSinceEpoch() % 10'000'000, 7, 10, QLatin1Char('0'))
                  .arg(registrations_++ % 10);
    return QJsonArray{
        QJsonObject{{"tap", "confirmRegistration"}},
        QJsonObject{{"expect_screen", "identify-register-phone"}},
        QJsonObject{{"type", number}},
        QJsonObject{{"tap", "submitPhone"}},
        QJsonObject{{"expect_screen", "identify-register-phone-again"}},
        QJsonObject{{"type", number}},
        QJsonObject{{"tap", "submitPhone"}},
        QJsonObject{{"expect_screen", "identify-register-sms"}, {"timeout_ms", 15000}},
        QJsonObject{{"type_sms", number}, {"timeout_ms", 15000}},
        QJsonObject{{"tap", "submitSmsCode"}},
    };
}

QString JourneyDriver::smsCode(const QString& phone) const {
    QFile outbox(qEnvironmentVariable("LOBBY_SMS_OUTBOX"));
    if (!outbox.open(QIODevice::ReadOnly)) return {};
    QString code;
    static const QRegularExpression digits(QStringLiteral("\\d{4,8}"));
    for (const QByteArray& line : outbox.readAll().split('\n')) {
        const QJsonObject text = QJsonDocument::fromJson(line).object();
        if (text.value("phone").toString() != phone) continue;
        const auto match = digits.match(text.value("text").toString());
        if (match.hasMatch()) code = match.captured();
    }
    return code;
}

JourneyDriver::StepOutcome JourneyDriver::typeKeys(const QString& text) {
    if (typed_ >= text.size()) {
        typed_ = 0;
        return StepOutcome::Done;
    }
    if (clock_.elapsed() - lastKeyAt_ms_ < kSettleAfterKey_ms) return StepOutcome::Pending;
    QQuickItem* key = findKey(findVisibleItem(window_->contentItem(), QStringLiteral("keyboard")),
                              text.mid(typed_, 1));
    if (key == nullptr) return StepOutcome::Pending;
    scrollIntoView(key);
    const QPoint scene = key->mapToScene(QPointF(key->width() / 2, key->height() / 2)).toPoint();
    // A finger on a touchscreen: the keyboard takes touch points itself (its mouse emulation
    // path is not what a kiosk's screen sends, and leaks in Qt 6.4).
    static QPointingDevice* const touchscreen = QTest::createTouchDevice();
    QTest::touchEvent(window_, touchscreen).press(0, scene, window_);
    QTest::touchEvent(window_, touchscreen).release(0, scene, window_);
    lastKeyAt_ms_ = clock_.elapsed();
    ++typed_;
    // What is typed may be personal (an ID number): the log says only how much.
    if (typed_ == text.size()) qCInfo(lcUi) << "typed" << text.size() << "keys";
    return StepOutcome::Pending;
}

JourneyDriver::StepOutcome JourneyDriver::tap(const QString& objectName) {
    QQuickItem* item = findVisibleItem(window_->contentItem(), objectName);
    if (item == nullptr || !item->isEnabled()) return StepOutcome::Pending;
    if (clock_.elapsed() - stepStarted_ms_ < settleAfterTap_ms_) return StepOutcome::Pending;
    click(item);
    return StepOutcome::Done;
}

void JourneyDriver::click(QQuickItem* item) {
    // QTest's mouse functions go through QWindowSystemInterface, the same path as a real
    // touchscreen's events, so the press reaches the window like a finger's would.
    // The tap may replace the screen and delete the item, so it is not touched afterwards.
    scrollIntoView(item);
    const QPoint scene = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    const QString name = item->objectName();
    QTest::mouseClick(window_, Qt::LeftButton, Qt::NoModifier, scene);
    qCInfo(lcUi) << "tapped" << name;
}

void JourneyDriver::fail(const QString& why) {
    pollTimer_.stop();
    qCCritical(lcUi).noquote() << "journey failed:" << why;
    emit finished(1);
}

}  // namespace lobby::app
