#pragma once
// The credit blacklist (失信): a patient who misses `noShows` paid appointments within
// `lookback_days` may not book for `blocked_days` from the day of the last of them.

#include <optional>
#include <vector>

namespace lobby::sim {

struct CreditRule {
    int noShows = 3;
    int lookback_days = 90;
    int blocked_days = 30;
};

// Days are counted relative to today (today = 0, yesterday = -1). Returns the first day the
// patient may book again when that is after today, or nothing when the patient is not blocked.
std::optional<int> creditBlockedUntil(std::vector<int> noShowDays, const CreditRule& rule);

}  // namespace lobby::sim
