#pragma once
// What every journey's flow shares: the session it serves, the platform and the slip desk it
// uses, "busy" while it waits on them, one `changed` signal for its screen, and dropping all it
// holds when the patient leaves (clear()).

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <functional>
#include <vector>

#include "core/session_controller.h"
#include "journal/transaction_journal.h"
#include "platform/platform_client.h"

namespace lobby::services {
class PlatformService;
struct CallFailure;
}  // namespace lobby::services

namespace lobby::journeys {

class SlipDesk;

class JourneyFlow : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(bool busy READ busy NOTIFY changed)

public:
    bool busy() const { return busy_; }

signals:
    void changed();

protected:
    // `platform` may be null (none configured): the journeys are then never offered.
    // `journal` may be null (it could not be opened): then no step that moves money or a
    // booking is taken, since it could not be recovered after a crash.
    JourneyFlow(core::SessionController& session, services::PlatformService* platform,
                SlipDesk& slips, journal::TransactionJournal* journal, QObject* parent);

    // The journal around each money step (journal/transaction_journal.h). Opening fails the
    // journey with a clear message if the journal cannot be written; 0 then.
    std::int64_t openTransaction(journal::Kind kind, journal::Step step, const std::string& key,
                                 const std::string& bookingId = {}, const std::string& detail = {});
    void recordStep(std::int64_t transaction, journal::Step step, journal::Phase phase,
                    const std::string& key, const std::string& bookingId = {},
                    const std::string& paymentId = {}, const std::string& detail = {});
    void settle(std::int64_t transaction, journal::State state, const std::string& outcome);
    // After a failed call: a refusal (the platform did not act) closes the transaction; a lost
    // reply leaves it open for the reconciler, which asks the platform what happened.
    void settleFailed(std::int64_t transaction, const services::CallFailure& failure);
    // A slip was printed, or not: either way the transaction is settled, owing a reprint if not.
    void settlePrinted(std::int64_t transaction, bool printed, const std::string& what);
    // Prints the check-in slip (挂号单) of a booking just checked in, settles `transaction`, and
    // ends the journey on the done screen with the queue number.
    void printCheckInSlip(std::int64_t transaction, const platform::Booking& booking,
                          const platform::CheckIn& checkIn, bool registered = false);

    void setBusy(bool busy);
    // A fresh idempotency key.
    static std::string newKey();
    // The patient's bookings for each scope in turn, then `done`; a failure ends the journey in
    // the platform's words, unless `failed` handles it.
    void loadBookings(std::vector<platform::PlatformClient::Scope> scopes,
                      std::function<void(std::vector<platform::Booking>)> done,
                      std::function<void(const services::CallFailure&)> failed = {});
    // The patient has gone: drop everything of theirs.
    virtual void clear() = 0;

    core::SessionController& session_;
    services::PlatformService* platform_;
    SlipDesk& slips_;
    journal::TransactionJournal* journal_;
    bool busy_ = false;
};

}  // namespace lobby::journeys
