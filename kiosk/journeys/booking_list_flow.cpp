#include "journeys/booking_list_flow.h"

#include <QDateTime>

#include "core/qml_exposure.h"
#include "journeys/booking_view.h"
#include "journeys/slip_desk.h"
#include "journeys/slip_fields.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Booking;
using platform::PlatformClient;
using services::CallFailure;

namespace {
const char* const kCtx = "BookingListFlow";
const char* const kCancelled = QT_TRANSLATE_NOOP("BookingListFlow", "Booking cancelled");
const char* const kRefunded =
    QT_TRANSLATE_NOOP("BookingListFlow", "Booking cancelled and fee refunded");
const char* const kRefund = QT_TRANSLATE_NOOP("BookingListFlow", "Refund");
const char* const kRefundWay = QT_TRANSLATE_NOOP(
    "BookingListFlow",
    "The fee goes back the way you paid, usually within 1 to 3 working days. Nothing more to do.");
const char* const kNothingToRefund =
    QT_TRANSLATE_NOOP("BookingListFlow", "Nothing was paid, so nothing is refunded");
const char* const kReceipt = QT_TRANSLATE_NOOP("BookingListFlow", "Receipt");
const char* const kReceiptPrinted = QT_TRANSLATE_NOOP("BookingListFlow", "Printed: please take it");
const char* const kReceiptFailed = QT_TRANSLATE_NOOP(
    "BookingListFlow", "Not printed: the refund is recorded and goes ahead all the same");
const char* const kBooking = QT_TRANSLATE_NOOP("BookingListFlow", "Booking");

// The platform decides; this only spares the patient a button that would be refused: before the
// visit day, or any time once the doctor has stopped the session.
bool mayCancel(const Booking& booking) {
    if (booking.status != platform::BookingStatus::Paid &&
        booking.status != platform::BookingStatus::Held)
        return false;
    if (booking.stopService) return true;
    return QString::fromStdString(booking.visit.date) > QDate::currentDate().toString(Qt::ISODate);
}
}  // namespace

BookingListFlow::BookingListFlow(core::SessionController& session,
                                 services::PlatformService* platform, SlipDesk& slips,
                                 journal::TransactionJournal* journal, QObject* parent)
    : JourneyFlow(session, platform, slips, journal, parent) {
    connect(&session_, &core::SessionController::stateChanged, this, [this] {
        const auto state = session_.currentState();
        if (state == core::SessionState::Cancel || state == core::SessionState::MyBookings) {
            cancelling_ = state == core::SessionState::Cancel;
            load();
        }
    });
    connect(&session_, &core::SessionController::patientLeft, this, &BookingListFlow::clear);
    connect(&session_, &core::SessionController::languageChanged, this, &BookingListFlow::changed);
}

BookingListFlow* BookingListFlow::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<BookingListFlow>(qmlEngine, kQmlName);
}

void BookingListFlow::clear() {
    bookings_.clear();
    confirming_.clear();
    refundAsked_.clear();
    loaded_ = false;
    busy_ = false;
    emit changed();
}

const Booking* BookingListFlow::find(const std::string& id) const {
    for (const auto& booking : bookings_) {
        if (booking.id == id) return &booking;
    }
    return nullptr;
}

QVariantList BookingListFlow::bookings() const {
    QVariantList list;
    for (const auto& booking : bookings_) {
        QVariantMap view = bookingView(booking);
        view["canCancel"] = cancelling_ && mayCancel(booking);
        list << view;
    }
    return list;
}

QVariantMap BookingListFlow::confirming() const {
    const Booking* booking = find(confirming_);
    return booking == nullptr ? QVariantMap{} : bookingView(*booking);
}

void BookingListFlow::load() {
    bookings_.clear();
    confirming_.clear();
    loaded_ = false;
    loadBookings({PlatformClient::Scope::Today, PlatformClient::Scope::Upcoming},
                 [this](std::vector<Booking> bookings) {
                     bookings_ = std::move(bookings);
                     loaded_ = true;
                     emit changed();
                     if (const std::string asked = std::exchange(refundAsked_, {}); !asked.empty())
                         askToCancel(QString::fromStdString(asked));
                 });
}

void BookingListFlow::refundStopped(const QString& bookingId) {
    const auto state = session_.currentState();
    if (busy_ || bookingId.isEmpty() ||
        (state != core::SessionState::PickUp && state != core::SessionState::MyBookings &&
         state != core::SessionState::Menu))
        return;
    refundAsked_ = bookingId.toStdString();
    session_.refundStopped();
}

void BookingListFlow::askToCancel(const QString& bookingId) {
    const Booking* booking = find(bookingId.toStdString());
    if (busy_ || !cancelling_ || booking == nullptr || !mayCancel(*booking)) return;
    confirming_ = booking->id;
    session_.setScreenStep(QStringLiteral("confirm"));
    emit changed();
}

void BookingListFlow::keep() {
    confirming_.clear();
    session_.setScreenStep({});
    emit changed();
}

void BookingListFlow::confirmCancel() {
    const Booking* booking = find(confirming_);
    if (busy_ || booking == nullptr || platform_ == nullptr) return;
    setBusy(true);
    const std::string id = booking->id;
    // One cancellation per booking: a retry after a lost reply is the same cancellation.
    const std::string key = "cancel-" + id;
    const std::int64_t tx =
        openTransaction(journal::Kind::Refund, journal::Step::RefundRequested, key, id);
    if (tx == 0) return;
    qCInfo(lcJourney) << "cancelling booking" << id.c_str();
    platform_->call<Booking>(
        [id, key](PlatformClient& client) { return client.cancelBooking(id, key); },
        [this, tx, key, before = *booking](Result<Booking> cancelled,
                                           std::optional<CallFailure> failure) {
            confirming_.clear();
            if (!cancelled) {
                setBusy(false);
                settleFailed(tx, *failure);
                qCInfo(lcJourney) << "cancel refused:" << failure->error.code.c_str();
                session_.journeyFailed(failure->message);
                return;
            }
            recordStep(tx, journal::Step::RefundConfirmed, journal::Phase::After, key);
            Booking result = cancelled.value();
            if (result.visit.date.empty()) result.visit = before.visit;
            qCInfo(lcJourney) << "booking" << result.id.c_str()
                              << std::string(platform::toString(result.status)).c_str();
            printReceipt(tx, result);
        });
}

void BookingListFlow::printReceipt(std::int64_t tx, const Booking& cancelled) {
    const bool refunded = cancelled.status == platform::BookingStatus::Refunded;
    const QVariantMap view = bookingView(cancelled);
    const QString summary =
        QStringLiteral("%1 %2 %3")
            .arg(view.value("department").toString(),
                 QString::fromStdString(cancelled.visit.doctorName), view.value("when").toString());
    auto finish = [this, refunded, summary, fee = cancelled.feeFen](bool printed, bool receipt) {
        setBusy(false);
        core::JourneyOutcome outcome;
        outcome.title = {kCtx, refunded ? kRefunded : kCancelled};
        outcome.rows = {{{kCtx, kBooking}, core::TranslatableText::verbatim(summary)}};
        if (refunded) {
            outcome.rows.append({{kCtx, kRefund}, core::TranslatableText::verbatim(feeText(fee))});
            outcome.next = {kCtx, kRefundWay};
            if (receipt)
                outcome.rows.append(
                    {{kCtx, kReceipt}, {kCtx, printed ? kReceiptPrinted : kReceiptFailed}});
        } else {
            outcome.rows.append({{kCtx, kRefund}, {kCtx, kNothingToRefund}});
        }
        session_.journeySucceeded(std::move(outcome));
    };
    if (!refunded) {
        settle(tx, journal::State::Closed, "cancelled; nothing to refund");
        return finish(false, false);
    }
    recordStep(tx, journal::Step::SlipPrinted, journal::Phase::Before, {});
    slips_.print(QStringLiteral("refund_receipt"),
                 refundFields(cancelled, session_.patientName().toStdString()), cancelled.id,
                 [this, tx, finish](bool printed) {
                     settlePrinted(tx, printed, "refund receipt");
                     finish(printed, true);
                 });
}

}  // namespace lobby::journeys
