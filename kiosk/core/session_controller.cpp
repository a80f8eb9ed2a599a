#include "core/session_controller.h"

#include <QCoreApplication>

#include "core/qml_exposure.h"
#include "core/screen_registry.h"
#include "logging/categories.h"

namespace lobby::core {
namespace {
constexpr int kTickInterval_ms = 250;
}  // namespace

SessionController::SessionController(SessionTiming timing, FunctionCatalog* catalog,
                                     QObject* parent)
    : QObject(parent),
      catalog_(catalog),
      timing_(timing),
      watchdog_(timing.idleTimeout_ms, timing.idleCountdown_ms) {
    clock_.start();
    tickTimer_.setInterval(kTickInterval_ms);
    connect(&tickTimer_, &QTimer::timeout, this, &SessionController::tick);
    farewellTimer_.setSingleShot(true);
    updateLeaseTimer_.setSingleShot(true);
    connect(&updateLeaseTimer_, &QTimer::timeout, this, [this] {
        qCWarning(lcSession) << "the update's lease expired: back in service";
        catalog_->setUpdating(false);
        emit updatingChanged();
    });
    farewellTimer_.setInterval(timing_.farewell_ms);
    connect(&farewellTimer_, &QTimer::timeout, this,
            [this] { handle(SessionEvent::FarewellElapsed); });
    connect(&machine_, &SessionMachine::stateChanged, this, &SessionController::onStateChanged);
    connect(&machine_, &SessionMachine::sessionEnded, this, &SessionController::onSessionEnded);
    connect(catalog_, &FunctionCatalog::changed, this, &SessionController::functionsChanged);
}

void SessionController::setTiming(SessionTiming timing) {
    timing_ = timing;
    applyLimits();
    farewellTimer_.setInterval(timing.farewell_ms);
}

void SessionController::setLongerTimes(bool longer) {
    if (longer == longerTimes_) return;
    longerTimes_ = longer;
    applyLimits();
    tick();
}

void SessionController::applyLimits() {
    watchdog_.setLimits(std::int64_t{timing_.idleTimeout_ms} * limitFactor(),
                        std::int64_t{timing_.idleCountdown_ms} * limitFactor());
}

void SessionController::holdIdle(const void* holder, bool held) {
    const bool wasHeld = !idleHolders_.empty();
    if (held) {
        idleHolders_.insert(holder);
    } else {
        idleHolders_.erase(holder);
    }
    if (wasHeld == !idleHolders_.empty()) return;
    if (wasHeld) {
        watchdog_.release(now_ms());
    } else {
        watchdog_.hold();
    }
    tick();
    emit idleClockChanged();
}

SessionController* SessionController::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return exposedTo<SessionController>(qmlEngine, kQmlName);
}

QString SessionController::stateName() const {
    return core::stateName(machine_.state());
}
QString SessionController::screenName() const {
    const QString name = ScreenRegistry::nameFor(machine_.state());
    return screenStep_.isEmpty() ? name : name + "-" + screenStep_;
}

void SessionController::setScreenStep(const QString& step) {
    if (step == screenStep_) return;
    screenStep_ = step;
    emit screenChanged();
}
QUrl SessionController::screenUrl() const {
    return screenFiles_ ? screenFiles_(ScreenRegistry::nameFor(machine_.state())) : QUrl();
}

void SessionController::setScreenFiles(std::function<QUrl(const QString& screen)> files) {
    screenFiles_ = std::move(files);
    emit stateChanged();
}

void SessionController::start() {
    handle(SessionEvent::Start);
}
void SessionController::back() {
    if (machine_.state() == SessionState::Error && maskedPatientName_.isEmpty()) {
        handle(SessionEvent::Start);  // not identified yet: back to the ways to identify
        return;
    }
    handle(SessionEvent::Back);
}
void SessionController::startMove() {
    handle(SessionEvent::ChooseMove);
}
void SessionController::choosePatient() {
    handle(SessionEvent::ChoosePatient);
}
void SessionController::refundStopped() {
    handle(SessionEvent::ChooseCancel);
}
void SessionController::openMaintenance() {
    handle(SessionEvent::OpenMaintenance);
}
void SessionController::finish() {
    handle(SessionEvent::Finish);
}
void SessionController::acknowledge() {
    handle(SessionEvent::Acknowledge);
}
void SessionController::stay() {
    noteActivity();
}

void SessionController::chooseFunction(const QString& id) {
    if (!bookingScope_.isEmpty() && id != QLatin1String("pickup")) {
        qCInfo(lcSession) << "function" << id << "chosen in a voucher's session; ignored";
        return;
    }
    if (!catalog_->isAvailable(id)) {
        qCInfo(lcSession) << "function" << id << "chosen while unavailable; ignored";
        return;
    }
    if (id == QLatin1String("pickup")) {
        handle(SessionEvent::ChoosePickUp);
    } else if (id == QLatin1String("book")) {
        handle(SessionEvent::ChooseBook);
    } else if (id == QLatin1String("register")) {
        handle(SessionEvent::ChooseRegister);
    } else if (id == QLatin1String("cancel")) {
        handle(SessionEvent::ChooseCancel);
    } else if (id == QLatin1String("my_bookings")) {
        handle(SessionEvent::ChooseMyBookings);
    } else if (id == QLatin1String("bills")) {
        handle(SessionEvent::ChooseBills);
    } else if (id == QLatin1String("reports")) {
        handle(SessionEvent::ChooseReports);
    } else if (id == QLatin1String("invoices")) {
        handle(SessionEvent::ChooseInvoices);
    }
}

void SessionController::noteActivity() {
    watchdog_.noteActivity(now_ms());
    tick();
}

void SessionController::retranslate() {
    emit functionsChanged();
    emit errorChanged();
    emit noticeChanged();
    emit outcomeChanged();
    emit languageChanged();
}

void SessionController::identityPresented() {
    handle(SessionEvent::IdentityPresented);
    if (machine_.state() == SessionState::Identifying) setReadingCard(true);
}

void SessionController::setReadingCard(bool reading) {
    if (reading == readingCard_) return;
    readingCard_ = reading;
    holdIdle(&readingCard_, reading);  // the card reader, not the patient, is slow
    emit readingCardChanged();
}

void SessionController::identified(const QString& maskedName, const QString& patientId) {
    if (machine_.state() != SessionState::Identifying) return;
    setReadingCard(false);
    maskedPatientName_ = maskedName;
    patientId_ = patientId;
    emit patientChanged();
    handle(SessionEvent::IdentifySucceeded);
}

void SessionController::identifiedForBooking(const QString& maskedName, const QString& patientId,
                                             const QString& bookingId) {
    if (machine_.state() != SessionState::Identifying) return;
    setReadingCard(false);
    maskedPatientName_ = maskedName;
    patientId_ = patientId;
    bookingScope_ = bookingId;
    emit patientChanged();
    emit functionsChanged();
    handle(SessionEvent::ChoosePickUp);
}

QVariantList SessionController::functions() const {
    QVariantList all = catalog_->functions();
    if (bookingScope_.isEmpty()) return all;
    QVariantList pickUpOnly;
    for (const QVariant& function : all) {
        if (function.toMap().value("id") == QLatin1String("pickup")) pickUpOnly << function;
    }
    return pickUpOnly;
}

void SessionController::identificationFailed(TranslatableText message) {
    if (machine_.state() != SessionState::Identifying) return;
    setReadingCard(false);
    errorMessage_ = message;
    emit errorChanged();
    handle(SessionEvent::IdentifyFailed);
}

void SessionController::cardRemoved() {
    handle(SessionEvent::CardRemoved);
}

void SessionController::journeySucceeded(JourneyOutcome outcome) {
    outcome_ = std::move(outcome);
    emit outcomeChanged();
    handle(SessionEvent::JourneySucceeded);
}

void SessionController::journeyFailed(TranslatableText message) {
    errorMessage_ = std::move(message);
    emit errorChanged();
    handle(SessionEvent::JourneyFailed);
}

QVariantMap SessionController::outcome() const {
    QVariantList rows;
    for (const auto& [label, value] : outcome_.rows)
        rows << QVariantMap{{"label", label.translated()}, {"value", value.translated()}};
    return {{"title", outcome_.title.translated()},
            {"headlineLabel", outcome_.headlineLabel.translated()},
            {"headline", outcome_.headline},
            {"next", outcome_.next.translated()},
            {"rows", rows}};
}

QString SessionController::takeAway() const {
    if (cardUsed_ && slipPrinted_) return QStringLiteral("card_and_slip");
    if (cardUsed_) return QStringLiteral("card");
    if (slipPrinted_) return QStringLiteral("slip");
    return {};
}

void SessionController::noteCardUsed() {
    if (cardUsed_ || !isPatientPresent(machine_.state())) return;
    cardUsed_ = true;
    emit takeAwayChanged();
}

void SessionController::noteSlipPrinted() {
    if (slipPrinted_ || !isPatientPresent(machine_.state())) return;
    slipPrinted_ = true;
    emit takeAwayChanged();
}

void SessionController::handle(SessionEvent event) {
    if (updating() && machine_.state() == SessionState::Idle) {
        qCInfo(lcSession) << "out of service for an update: nothing starts";
        return;
    }
    machine_.handle(event);
}

UpdateLeaseAnswer SessionController::grantUpdateLease(qint64 duration_ms) {
    if (duration_ms <= 0 || duration_ms > kMaxUpdateLease_ms) return UpdateLeaseAnswer::TooLong;
    if (machine_.state() != SessionState::Idle) return UpdateLeaseAnswer::PatientPresent;
    const bool was = updating();
    updateLeaseTimer_.start(static_cast<int>(duration_ms));
    if (!was) {
        catalog_->setUpdating(true);
        emit updatingChanged();
    }
    return UpdateLeaseAnswer::Granted;
}

void SessionController::endUpdateLease() {
    if (!updating()) return;
    updateLeaseTimer_.stop();
    catalog_->setUpdating(false);
    emit updatingChanged();
}

void SessionController::onStateChanged(SessionState from, SessionState to) {
    if (isAttended(to)) {
        if (!tickTimer_.isActive()) {
            watchdog_.arm(now_ms());
            tickTimer_.start();
            tick();  // the time left is shown from the first screen
        }
    } else {
        watchdog_.disarm();
        tickTimer_.stop();
        tick();
    }
    if (to == SessionState::Farewell) {
        farewellTimer_.start();
    } else {
        farewellTimer_.stop();
    }
    screenStep_.clear();
    // A new patient: nothing of the last one's card or slip is theirs to take.
    if (to == SessionState::Identifying &&
        (from == SessionState::Idle || from == SessionState::Farewell) &&
        (cardUsed_ || slipPrinted_)) {
        cardUsed_ = slipPrinted_ = false;
        emit takeAwayChanged();
    }
    if (to == SessionState::Idle ||
        (from == SessionState::Farewell && to == SessionState::Identifying))
        emit readyForNextPatient();
    emit stateChanged();
    emit screenChanged();
}

void SessionController::onSessionEnded() {
    setReadingCard(false);
    // Whoever still waits is told the patient left (patientLeft, below) and lets go.
    if (!idleHolders_.empty()) {
        idleHolders_.clear();
        watchdog_.release(now_ms());
        emit idleClockChanged();
    }
    maskedPatientName_.clear();
    patientId_.clear();
    const bool scoped = !bookingScope_.isEmpty();
    bookingScope_.clear();
    if (scoped) emit functionsChanged();
    errorMessage_ = {};
    outcome_ = {};
    notice_ = {};
    emit patientChanged();
    emit errorChanged();
    emit outcomeChanged();
    emit noticeChanged();
    emit patientLeft();
}

void SessionController::setNotice(TranslatableText notice) {
    notice_ = std::move(notice);
    emit noticeChanged();
}

void SessionController::tick() {
    const qint64 now = now_ms();
    if (watchdog_.phase(now) == IdleWatchdog::Phase::Expired) {
        qCInfo(lcSession) << "no touch for" << timing_.idleTimeout_ms / 1000 * limitFactor() << "s";
        handle(SessionEvent::IdleTimeout);
        return;
    }
    const int remaining = watchdog_.countdownRemaining_s(now);
    if (remaining != countdownRemaining_) {
        countdownRemaining_ = remaining;
        emit countdownChanged();
    }
    const int idleRemaining = watchdog_.remaining_s(now);
    if (idleRemaining != idleRemaining_) {
        idleRemaining_ = idleRemaining;
        emit idleClockChanged();
    }
}

}  // namespace lobby::core
