#include "journeys/journey_flow.h"

#include <QUuid>

#include "journal/reconcile.h"
#include "journeys/checkin_outcome.h"
#include "journeys/slip_desk.h"
#include "journeys/slip_fields.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

namespace {
const char* const kJournalUnavailable = QT_TRANSLATE_NOOP(
    "JourneyFlow",
    "This kiosk cannot take bookings or payments right now. Nothing was charged. Please use "
    "the service desk.");
}  // namespace

using platform::Booking;
using platform::PlatformClient;

JourneyFlow::JourneyFlow(core::SessionController& session, services::PlatformService* platform,
                         SlipDesk& slips, journal::TransactionJournal* journal, QObject* parent)
    : QObject(parent), session_(session), platform_(platform), slips_(slips), journal_(journal) {
    connect(&session_, &core::SessionController::patientLeft, this, [this] { clear(); });
    connect(&session_, &core::SessionController::languageChanged, this, &JourneyFlow::changed);
}

void JourneyFlow::setBusy(bool busy) {
    if (busy_ == busy) return;
    busy_ = busy;
    session_.holdIdle(this, busy);  // the platform, not the patient, is slow
    emit changed();
}

void JourneyFlow::loadBookings(std::vector<PlatformClient::Scope> scopes,
                               std::function<void(std::vector<Booking>)> done,
                               std::function<void(const services::CallFailure&)> failed) {
    if (platform_ == nullptr) return;
    setBusy(true);
    const std::string patientId = session_.patientId().toStdString();
    platform_->call<std::vector<Booking>>(
        [patientId, scopes](PlatformClient& client) -> Result<std::vector<Booking>> {
            std::vector<Booking> all;
            for (const auto scope : scopes) {
                auto some = client.bookings(patientId, scope);
                if (!some) return some.error();
                all.insert(all.end(), some->begin(), some->end());
            }
            return all;
        },
        [this, done = std::move(done), failed = std::move(failed)](
            Result<std::vector<Booking>> bookings, std::optional<services::CallFailure> failure) {
            setBusy(false);
            if (!bookings)
                return failed ? failed(*failure) : session_.journeyFailed(failure->message);
            done(std::move(bookings.value()));
        });
}

std::int64_t JourneyFlow::openTransaction(journal::Kind kind, journal::Step step,
                                          const std::string& key, const std::string& bookingId,
                                          const std::string& detail) {
    auto opened =
        journal_ == nullptr
            ? Result<std::int64_t>(makeError(ErrorKind::Unavailable, "journal.none",
                                             "the journal could not be opened"))
            : journal_->begin(kind, journal_->patientRef(session_.patientId().toStdString()),
                              session_.patientName().toStdString(), step, key, bookingId, detail);
    if (!opened) {
        qCCritical(lcJourney) << "journal:" << opened.error().message.c_str()
                              << "- the step is refused";
        setBusy(false);
        session_.journeyFailed({"JourneyFlow", kJournalUnavailable});
        return 0;
    }
    return opened.value();
}

void JourneyFlow::recordStep(std::int64_t transaction, journal::Step step, journal::Phase phase,
                             const std::string& key, const std::string& bookingId,
                             const std::string& paymentId, const std::string& detail) {
    if (journal_ == nullptr || transaction == 0) return;
    // A failure here leaves the transaction at its previous step, which the reconciler settles
    // the same way: the platform is asked rather than the journal trusted.
    if (auto recorded =
            journal_->record(transaction, step, phase, key, bookingId, paymentId, detail);
        !recorded) {
        qCCritical(lcJourney) << "journal:" << recorded.error().message.c_str();
    }
}

void JourneyFlow::settle(std::int64_t transaction, journal::State state,
                         const std::string& outcome) {
    if (journal_ == nullptr || transaction == 0) return;
    if (auto settled = journal_->settle(transaction, state, outcome); !settled)
        qCCritical(lcJourney) << "journal:" << settled.error().message.c_str();
}

void JourneyFlow::settleFailed(std::int64_t transaction, const services::CallFailure& failure) {
    if (journal::isDefinitiveRefusal(failure.error)) {
        settle(transaction, journal::State::Closed, "refused: " + failure.error.code);
    } else {
        qCWarning(lcJourney) << "transaction" << transaction
                             << "left for the reconciler:" << failure.error.code.c_str();
    }
}

void JourneyFlow::settlePrinted(std::int64_t transaction, bool printed, const std::string& what) {
    if (printed) {
        recordStep(transaction, journal::Step::SlipPrinted, journal::Phase::After, {});
        settle(transaction, journal::State::Closed, what + " printed");
    } else {
        settle(transaction, journal::State::Reprint, what + " not printed; owed at the next visit");
    }
}

std::string JourneyFlow::newKey() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

void JourneyFlow::printCheckInSlip(std::int64_t transaction, const platform::Booking& booking,
                                   const platform::CheckIn& checkIn, bool registered) {
    recordStep(transaction, journal::Step::SlipPrinted, journal::Phase::Before, {});
    printer::SlipFields fields = checkinFields(
        booking, checkIn, session_.patientName().toStdString(), slips_.queueUrlFor(booking.id));
    setBusy(true);
    slips_.print(
        QStringLiteral("checkin"), std::move(fields), booking.id,
        [this, transaction, booking, checkIn, registered](bool printed) {
            settlePrinted(transaction, printed, "check-in slip");
            setBusy(false);
            session_.journeySucceeded(checkedInOutcome(booking, checkIn, printed, registered));
        });
}

}  // namespace lobby::journeys
