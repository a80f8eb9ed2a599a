#pragma once
// Settles one unfinished journal transaction with the platform: asks what became of the call
// whose reply was lost (GET /v1/idempotency/{key}), then completes it, gives a held slot back,
// or leaves the patient a slip to collect at their next visit. Every action is a replay under a
// key the platform already knows, or a release under the booking's own release key, so running
// it twice, or alongside a late reply, changes nothing. Blocking: run it on the platform worker.

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

// Whether a failed call's outcome is known: the platform answered with a refusal (it did not
// act), as opposed to a lost reply, a timeout or an unavailable platform (it may have acted).
bool isDefinitiveRefusal(const Error& error);

}  // namespace lobby::journal
