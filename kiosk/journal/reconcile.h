#pragma once
// Settles one unfinished journal transaction with the platform: asks what became of the call
// whose reply was lost (GET /v1/idempotency/{key}), then completes it, gives a held slot back,
// or leaves the patient a slip to collect at their next visit. Every action is a replay under a
// key the platform already knows, or a release under the booking's own release key, so running
// it twice, or alongside a late reply, changes nothing. Blocking: run it on the platform worker.

#include <optional>
#include <string>

#include "journal/transaction_journal.h"

namespace lobby::platform {
class PlatformClient;
}

namespace lobby::journal {

struct Resolution {
    // Retry: the platform could not be asked (unreachable, timed out); try again later.
    enum class Action { Close, Reprint, Retry } action = Action::Retry;
    std::string outcome;  // a technician's words, no personal data
    std::string bookingId, paymentId;
};

Resolution reconcile(platform::PlatformClient& client, const Transaction& transaction);

// The key that gives a held slot back; one per booking, so every release of it is the same one.
std::string releaseKey(const std::string& bookingId);
// The key that checks a booking in; one per booking, so a retry (after a lost reply, from the
// reconciler or from another kiosk) gets the same queue number rather than a second one.
std::string checkInKey(const std::string& bookingId);

// 门诊缴费: the key that saves a lock's bills in the HIS; one per lock, so a retry or the
// reconciler gets the same receipt rather than a refusal.
std::string billsSaveKey(const std::string& lockId);

// What of a bill payment may have gone through: the lock, the insurance message (empty when the
// patient paid it all themselves), the cash payment (empty when none was started).
struct BillLegs {
    std::string lockId, messageId, paymentId;
};
// Undoes every leg that went through, in order: the cash reversed (撤销) or refunded, the
// insurance settlement cancelled (结算撤销) or, unknown, its message reversed (冲正), the lock let
// go. Each is safe to repeat. Nullopt once all is undone; else what stopped it (try again). Bills
// the HIS saved meanwhile stop it before anything is undone ("bills_saved").
std::optional<Error> undoBills(platform::PlatformClient& client, const BillLegs& legs);

// Whether a failed call's outcome is known: the platform answered with a refusal (it did not
// act), as opposed to a lost reply, a timeout or an unavailable platform (it may have acted).
bool isDefinitiveRefusal(const Error& error);

}  // namespace lobby::journal
