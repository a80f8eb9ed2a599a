#pragma once
// The credit blacklist (失信), both of the seed's rules: a patient who misses `noShows` paid
// appointments within `lookback_days`, or who booked `maxBookings` times (paid, whether kept,
// cancelled or missed) within `bookingLookback_days`, may not book for `blocked_days` from the
// day of the last of them.

#include <optional>
#include <vector>

namespace lobby::sim {

struct CreditRule {
    int noShows = 3;
    int lookback_days = 90;
    int blocked_days = 30;
    int maxBookings = 20;
    int bookingLookback_days = 30;
};

// Days are counted relative to today (today = 0, yesterday = -1). Returns the first day the
// patient may book again when that is after today, or nothing when the patient is not blocked.
std::optional<int> creditBlockedUntil(std::vector<int> noShowDays, const CreditRule& rule);
// The same for the second rule, from the days the patient's paid bookings were made.
std::optional<int> bookingsBlockedUntil(std::vector<int> bookingDays, const CreditRule& rule);

}  // namespace lobby::sim
