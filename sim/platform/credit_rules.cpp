#include "sim/platform/credit_rules.h"

#include <algorithm>

namespace lobby::sim {

namespace {

// `count` events within `lookback` days, ending on the latest such run's last day, block until
// that day + blocked_days (when after today).
std::optional<int> blockedUntil(std::vector<int> days, int count, int lookback,
                                const CreditRule& rule) {
    std::sort(days.begin(), days.end());
    std::optional<int> until;
    for (std::size_t last = 0; last < days.size(); ++last) {
        const auto inWindow =
            std::count_if(days.begin(), days.begin() + static_cast<long>(last) + 1,
                          [&](int day) { return day > days[last] - lookback; });
        if (inWindow >= count) until = days[last] + rule.blocked_days;
    }
    if (until && *until > 0) return until;
    return std::nullopt;
}

}  // namespace

std::optional<int> creditBlockedUntil(std::vector<int> noShowDays, const CreditRule& rule) {
    return blockedUntil(std::move(noShowDays), rule.noShows, rule.lookback_days, rule);
}

std::optional<int> bookingsBlockedUntil(std::vector<int> bookingDays, const CreditRule& rule) {
    return blockedUntil(std::move(bookingDays), rule.maxBookings, rule.bookingLookback_days, rule);
}

}  // namespace lobby::sim
