#include "journeys/pickup_flow.h"

#include "core/qml_exposure.h"
#include "journal/reconcile.h"
#include "journeys/booking_view.h"
#include "journeys/checkin_outcome.h"
#include "journeys/slip_desk.h"
#include "journeys/slip_fields.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Booking;
using platform::CheckIn;
using platform::Payment;
using platform::PlatformClient;
using services::CallFailure;

namespace {
const char* const kPaymentTimedOut = QT_TRANSLATE_NOOP(
    "PickUpFlow",
    "The time to pay ran out. Your booking is still there, unpaid. If you did pay, the payment "
    "goes to this booking; you can then check in.");
const char* const kPaymentFailed = QT_TRANSLATE_NOOP(
    "PickUpFlow",
    "The payment did not go through. Nothing was charged; your booking is still there.");

}  // namespace

PickUpFlow::PickUpFlow(core::SessionController& session, services::PlatformService* platform,
                       SlipDesk& slips, journal::TransactionJournal* journal, BookingPolicy policy,
                       QObject* parent)
    : JourneyFlow(session, platform, slips, journal, parent),
      policy_(std::move(policy)),
      payments_(platform, session, policy_.paymentPollInterval_ms) {
    connect(&session_, &core::SessionController::stateChanged, this, [this] {
        if (session_.currentState() == core::SessionState::PickUp) load();
    });
    connect(&payments_, &PaymentSession::tick, this, &PickUpFlow::paymentTick);
    connect(&payments_, &PaymentSession::startFailed, this, [this](const CallFailure& failure) {
        setBusy(false);
        settleFailed(std::exchange(payTx_, 0), failure);
        payStep_ = PayStep::None;
        session_.journeyFailed(failure.message);
    });
    connect(&payments_, &PaymentSession::awaitingPatientChanged, this, [this] {
        setBusy(false);
        payStep_ = PayStep::Paying;
        session_.setScreenStep(payStep());
        emit changed();
    });
    connect(&payments_, &PaymentSession::captured, this, [this] {
        setBusy(false);
        paid();
    });
    connect(&payments_, &PaymentSession::declined, this, [this] {
        setBusy(false);
        endPayment("payment declined; the booking stays as it was");
        session_.journeyFailed({"PickUpFlow", kPaymentFailed});
    });
    connect(&payments_, &PaymentSession::timedOut, this, [this] {
        endPayment("the time to pay ran out; the booking stays as it was");
        session_.journeyFailed({"PickUpFlow", kPaymentTimedOut});
    });
}

PickUpFlow* PickUpFlow::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<PickUpFlow>(qmlEngine, kQmlName);
}

QVariantList PickUpFlow::bookings() const {
    QVariantList list;
    for (const auto& booking : bookings_) {
        QVariantMap view = bookingView(booking);
        view["action"] =
            booking.stopService                               ? QStringLiteral("stopped")
            : booking.status == platform::BookingStatus::Paid ? QStringLiteral("checkin")
            : booking.status == platform::BookingStatus::Held ? QStringLiteral("unpaid")
                                                              : QStringLiteral("done");
        list << view;
    }
    return list;
}

void PickUpFlow::clear() {
    // A payment still being watched stays open in the journal: the reconciler asks the platform
    // whether it landed (the booking is the patient's either way).
    payments_.stop();
    payStep_ = PayStep::None;
    payingId_.clear();
    payTx_ = 0;
    bookings_.clear();
    loaded_ = false;
    busy_ = false;
    emit changed();
}

void PickUpFlow::load() {
    bookings_.clear();
    loaded_ = false;
    payStep_ = PayStep::None;
    payingId_.clear();
    session_.setScreenStep({});
    loadBookings({PlatformClient::Scope::Today}, [this](std::vector<Booking> bookings) {
        bookings_ = std::move(bookings);
        loaded_ = true;
        qCInfo(lcJourney) << "pick-up:" << bookings_.size() << "bookings today";
        emit changed();
        // Come with the booking's voucher or code: that booking is what the patient came for,
        // so it is checked in (or offered for payment) without a tap.
        const Booking* voucher = findBooking(session_.bookingScope().toStdString());
        if (voucher == nullptr || voucher->stopService) return;
        if (voucher->status == platform::BookingStatus::Paid)
            checkIn(QString::fromStdString(voucher->id));
        else if (voucher->status == platform::BookingStatus::Held)
            choosePayment(QString::fromStdString(voucher->id));
    });
}

void PickUpFlow::checkIn(const QString& bookingId) {
    if (busy_ || platform_ == nullptr) return;
    const auto it = std::find_if(bookings_.begin(), bookings_.end(), [&](const Booking& b) {
        return QString::fromStdString(b.id) == bookingId;
    });
    if (it == bookings_.end() || it->status != platform::BookingStatus::Paid || it->stopService)
        return;
    const Booking booking = *it;
    setBusy(true);
    // One check-in per booking: the key is the booking's own, so a retry after a lost reply
    // (or from another kiosk) gets the same queue number rather than a second one.
    const std::string key = journal::checkInKey(booking.id);
    const std::int64_t tx =
        openTransaction(journal::Kind::CheckIn, journal::Step::CheckedIn, key, booking.id);
    if (tx == 0) return;
    qCInfo(lcJourney) << "checking in booking" << bookingId;
    platform_->call<CheckIn>(
        [id = booking.id, key](PlatformClient& client) { return client.checkIn(id, key); },
        [this, booking, key, tx](Result<CheckIn> checkIn, std::optional<CallFailure> failure) {
            if (!checkIn) {
                setBusy(false);
                settleFailed(tx, *failure);
                qCInfo(lcJourney) << "check-in refused:" << failure->error.code.c_str();
                session_.journeyFailed(failure->message);
                return;
            }
            recordStep(tx, journal::Step::CheckedIn, journal::Phase::After, key);
            printCheckInSlip(tx, booking, checkIn.value());
        });
}

const Booking* PickUpFlow::findBooking(const std::string& id) const {
    const auto it = std::find_if(bookings_.begin(), bookings_.end(),
                                 [&](const Booking& b) { return b.id == id; });
    return it == bookings_.end() ? nullptr : &*it;
}

QString PickUpFlow::payStep() const {
    switch (payStep_) {
        case PayStep::None:
            return {};
        case PayStep::Choose:
            return QStringLiteral("pay");
        case PayStep::Paying:
            return QStringLiteral("paying");
    }
    return {};
}

QVariantMap PickUpFlow::payingFor() const {
    const Booking* booking = findBooking(payingId_);
    return booking ? bookingView(*booking) : QVariantMap{};
}

void PickUpFlow::setPaymentMethods(const QStringList& methods) {
    policy_.paymentMethods = methods;
    emit changed();
}

void PickUpFlow::choosePayment(const QString& bookingId) {
    if (busy_ || payStep_ != PayStep::None || platform_ == nullptr) return;
    const Booking* booking = findBooking(bookingId.toStdString());
    if (booking == nullptr || booking->status != platform::BookingStatus::Held ||
        booking->stopService)
        return;
    payingId_ = booking->id;
    payStep_ = PayStep::Choose;
    session_.setScreenStep(payStep());
    emit changed();
}

void PickUpFlow::pay(const QString& method) {
    if (busy_ || payStep_ != PayStep::Choose || platform_ == nullptr) return;
    if (!policy_.paymentMethods.contains(method)) return;
    const std::string key = PaymentSession::attemptKey(payingId_);
    payTx_ = openTransaction(journal::Kind::HeldPayment, journal::Step::PaymentStarted, key,
                             payingId_, method.toStdString());
    if (payTx_ == 0) return;
    setBusy(true);
    qCInfo(lcJourney).noquote() << "pick-up: paying for booking" << payingId_.c_str() << "by"
                                << method;
    payments_.start(payingId_, method.toStdString(), key, policy_.paymentWindow_s,
                    [this, tx = payTx_](journal::Step step, journal::Phase phase,
                                        const std::string& stepKey, const std::string& paymentId) {
                        recordStep(tx, step, phase, stepKey, {}, paymentId);
                    });
}

// Paid: the transaction is done, and the booking is checked in at once.
void PickUpFlow::paid() {
    settle(std::exchange(payTx_, 0), journal::State::Closed, "paid at pick-up");
    qCInfo(lcJourney) << "pick-up: booking" << payingId_.c_str() << "paid; checking in";
    for (auto& booking : bookings_) {
        if (booking.id == payingId_) booking.status = platform::BookingStatus::Paid;
    }
    const QString id = QString::fromStdString(payingId_);
    payStep_ = PayStep::None;
    payingId_.clear();
    session_.setScreenStep({});
    emit changed();
    checkIn(id);
}

// The patient stops paying (or could not): the booking stays theirs, unpaid, until its own
// hold ends; a payment that still lands is the platform's to apply or refund.
void PickUpFlow::endPayment(const std::string& outcome) {
    payments_.stop();
    if (payTx_ != 0) settle(std::exchange(payTx_, 0), journal::State::Closed, outcome);
    payStep_ = PayStep::Choose;
    session_.setScreenStep(payStep());
    emit changed();
}

void PickUpFlow::stepBack() {
    if (busy_) return;
    switch (payStep_) {
        case PayStep::Paying:
            qCInfo(lcJourney) << "pick-up: the patient stopped paying";
            return endPayment("the patient stepped back; the booking stays as it was");
        case PayStep::Choose:
            payStep_ = PayStep::None;
            payingId_.clear();
            session_.setScreenStep({});
            emit changed();
            return;
        case PayStep::None:
            session_.back();
            return;
    }
}

}  // namespace lobby::journeys
