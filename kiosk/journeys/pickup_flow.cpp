#include "journeys/pickup_flow.h"

#include "core/qml_exposure.h"
#include "journeys/booking_view.h"
#include "journeys/slip_desk.h"
#include "journeys/slip_fields.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Booking;
using platform::CheckIn;
using platform::PlatformClient;
using services::CallFailure;

namespace {
const char* const kCheckedIn = QT_TRANSLATE_NOOP("PickUpFlow", "You are checked in");
const char* const kQueueNumber = QT_TRANSLATE_NOOP("PickUpFlow", "Your queue number");
const char* const kClinicRoom = QT_TRANSLATE_NOOP("PickUpFlow", "Clinic room");
const char* const kTime = QT_TRANSLATE_NOOP("PickUpFlow", "Time");
const char* const kDoctor = QT_TRANSLATE_NOOP("PickUpFlow", "Doctor");
const char* const kSlip = QT_TRANSLATE_NOOP("PickUpFlow", "Slip");
const char* const kSlipPrinted = QT_TRANSLATE_NOOP("PickUpFlow", "Printed: please take it");
const char* const kSlipFailed =
    QT_TRANSLATE_NOOP("PickUpFlow", "Not printed: show this screen or your ID card at the clinic");

}  // namespace

PickUpFlow::PickUpFlow(core::SessionController& session, services::PlatformService* platform,
                       SlipDesk& slips, journal::TransactionJournal* journal, QObject* parent)
    : JourneyFlow(session, platform, slips, journal, parent) {
    connect(&session_, &core::SessionController::stateChanged, this, [this] {
        if (session_.currentState() == core::SessionState::PickUp) load();
    });
}

PickUpFlow* PickUpFlow::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<PickUpFlow>(qmlEngine, kQmlName);
}

QVariantList PickUpFlow::bookings() const {
    QVariantList list;
    for (const auto& booking : bookings_) {
        QVariantMap view = bookingView(booking);
        view["action"] = booking.stopService        ? QStringLiteral("stopped")
                         : booking.status == "paid" ? QStringLiteral("checkin")
                         : booking.status == "held" ? QStringLiteral("unpaid")
                                                    : QStringLiteral("done");
        list << view;
    }
    return list;
}

void PickUpFlow::clear() {
    bookings_.clear();
    loaded_ = false;
    busy_ = false;
    emit changed();
}

void PickUpFlow::load() {
    bookings_.clear();
    loaded_ = false;
    loadBookings({PlatformClient::Scope::Today}, [this](std::vector<Booking> bookings) {
        bookings_ = std::move(bookings);
        loaded_ = true;
        qCInfo(lcJourney) << "pick-up:" << bookings_.size() << "bookings today";
        emit changed();
    });
}

void PickUpFlow::checkIn(const QString& bookingId) {
    if (busy_ || platform_ == nullptr) return;
    const auto it = std::find_if(bookings_.begin(), bookings_.end(), [&](const Booking& b) {
        return QString::fromStdString(b.id) == bookingId;
    });
    if (it == bookings_.end() || it->status != "paid" || it->stopService) return;
    const Booking booking = *it;
    setBusy(true);
    // One check-in per booking: the key is the booking's own, so a retry after a lost reply
    // (or from another kiosk) gets the same queue number rather than a second one.
    const std::string key = "checkin-" + booking.id;
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
            printSlip(tx, booking, checkIn.value());
        });
}

void PickUpFlow::printSlip(std::int64_t tx, const Booking& booking, const CheckIn& checkIn) {
    recordStep(tx, journal::Step::SlipPrinted, journal::Phase::Before, {});
    printer::SlipFields fields = checkinFields(
        booking, checkIn, session_.patientName().toStdString(), slips_.queueUrlFor(booking.id));
    slips_.print(
        QStringLiteral("checkin"), std::move(fields), booking.id,
        [this, tx, booking, checkIn](bool printed) {
            settlePrinted(tx, printed, "check-in slip");
            setBusy(false);
            core::JourneyOutcome outcome;
            outcome.title = {"PickUpFlow", kCheckedIn};
            outcome.headlineLabel = {"PickUpFlow", kQueueNumber};
            outcome.headline = QString::fromStdString(checkIn.queueNumber);
            outcome.rows = {
                {{"PickUpFlow", kClinicRoom},
                 core::TranslatableText::bilingual(QString::fromStdString(checkIn.clinicRoomZh),
                                                   QString::fromStdString(checkIn.clinicRoomEn))},
                {{"PickUpFlow", kTime},
                 core::TranslatableText::verbatim(QString::fromStdString(checkIn.timeWindow))},
                {{"PickUpFlow", kDoctor},
                 core::TranslatableText::verbatim(QString::fromStdString(
                     booking.visit.doctorName + " " + booking.visit.doctorTitle))},
                {{"PickUpFlow", kSlip}, {"PickUpFlow", printed ? kSlipPrinted : kSlipFailed}},
            };
            session_.journeySucceeded(std::move(outcome));
        });
}

}  // namespace lobby::journeys
