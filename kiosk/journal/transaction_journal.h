#pragma once
// The kiosk's transaction journal: every step that touches money or a booking (booking created,
// payment started, payment confirmed, hold released, checked in, refund requested, refund
// confirmed, slip printed) is made durable here before its platform call and again after it,
// with the call's idempotency key. After a crash, a lost reply or a dead printer, what is still
// open here is what the reconciler (reconcile.h) settles with the platform.
//
// SQLite in WAL mode with synchronous=FULL: a step recorded is on disk when the call returns.
// The file is 0600. It holds no personal data beyond booking and payment ids and a masked name;
// a patient is known only by a salted hash of their platform id (to hand them a slip that failed
// to print at their next visit). Plain C++, no Qt; not thread-safe (the Qt thread owns it).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"

struct sqlite3;

namespace lobby::journal {

// HeldPayment: a booking made elsewhere (phone, app) and still unpaid, paid at the kiosk at
// pick-up. Unlike a kiosk's own booking, its hold is never released by the kiosk. Move: a paid
// booking whose doctor stopped the session moved to another slice (改约; `detail` holds the
// slice it goes to). Registration: 当日挂号, a booking for today paid and checked in at once (the
// steps of a booking, then the check-in under the booking's own check-in key). Bills: 门诊缴费,
// one money step with two legs: the bills locked (`bookingId` holds the lock), the insurance
// settled under the message id decided when it opened (`detail`), the cash part paid
// (`paymentId`), the HIS's save, the guide slip.
enum class Kind { Booking, CheckIn, Refund, HeldPayment, Move, Registration, Bills };
enum class Step {
    BookingCreated,
    PaymentStarted,
    PaymentConfirmed,
    HoldReleased,
    CheckedIn,
    RefundRequested,
    RefundConfirmed,
    BookingMoved,
    SlipPrinted,
    BillsLocked,
    InsuranceSettled,
    BillsSaved,
};
enum class Phase { Before, After };
// Open: not settled yet. Reprint: settled with the platform, but the patient is owed a slip at
// their next visit. Closed: nothing more to do.
enum class State { Open, Reprint, Closed };

std::string_view nameOf(Kind kind);
std::string_view nameOf(Step step);
std::string_view nameOf(Phase phase);
std::optional<Step> stepNamed(std::string_view name);

struct Transaction {
    std::int64_t id = 0;
    Kind kind = Kind::Booking;
    std::string patientRef;                    // salted hash of the platform's patient id
    std::string maskedName;                    // 张*丰
    std::string bookingId, paymentId, detail;  // detail: e.g. the payment method
    Step step = Step::BookingCreated;          // the last step recorded...
    Phase phase = Phase::Before;               // ...whether its call was answered...
    std::string key;                           // ...and that call's idempotency key
    State state = State::Open;
    std::string outcome;  // how it ended, in a technician's words
    std::int64_t openedAt_s = 0;
};

class TransactionJournal {
public:
    // Creates the file (0600) and its directory if need be.
    static Result<std::unique_ptr<TransactionJournal>> open(const std::filesystem::path& file);
    ~TransactionJournal();
    TransactionJournal(const TransactionJournal&) = delete;
    TransactionJournal& operator=(const TransactionJournal&) = delete;

    // Opens a transaction with its first step, before that step's call.
    Result<std::int64_t> begin(Kind kind, const std::string& patientRef,
                               const std::string& maskedName, Step step, const std::string& key,
                               const std::string& bookingId = {}, const std::string& detail = {});
    // A step before or after its call; an empty key, id or detail leaves the stored one as it is
    // (a slip has no call: the transaction keeps its last call's key).
    Status record(std::int64_t transaction, Step step, Phase phase, const std::string& key,
                  const std::string& bookingId = {}, const std::string& paymentId = {},
                  const std::string& detail = {});
    // Ends or parks a transaction; non-empty ids (learnt while settling it) are kept with it.
    Status settle(std::int64_t transaction, State state, const std::string& outcome,
                  const std::string& bookingId = {}, const std::string& paymentId = {});

    Result<Transaction> find(std::int64_t transaction);
    // Still open, oldest first.
    Result<std::vector<Transaction>> unfinished();
    // Slips owed to this patient, oldest first.
    Result<std::vector<Transaction>> reprintsFor(const std::string& patientRef);
    // Forgets closed transactions opened before `before_s` (seconds since the epoch).
    Result<int> prune(std::int64_t before_s);

    // A PRAGMA's value on the journal's own connection ("synchronous" → "2" for FULL).
    std::string pragma(const char* name);

    // The patient's reference: SHA-256 of this kiosk's random salt and their platform id.
    std::string patientRef(const std::string& patientId) const;

    // The fault suite's kill point: once this step and phase is durable the process SIGKILLs
    // itself, exactly as a power cut at that point would leave it.
    void setCrashPoint(std::optional<std::pair<Step, Phase>> point) { crashPoint_ = point; }

private:
    TransactionJournal(sqlite3* db, std::string salt) : db_(db), salt_(std::move(salt)) {}
    Status execute(const char* sql);
    void crashIfAt(Step step, Phase phase) const;
    Result<std::vector<Transaction>> query(const char* sql, const std::string& parameter);

    sqlite3* db_;
    std::string salt_;
    std::optional<std::pair<Step, Phase>> crashPoint_;
};

}  // namespace lobby::journal
