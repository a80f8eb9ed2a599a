#include "sim/platform/credit_rules.h"

#include <algorithm>

namespace lobby::sim {

std::optional<int> creditBlockedUntil(std::vector<int> noShowDays, const CreditRule& rule) {
    std::sort(noShowDays.begin(), noShowDays.end());
    std::optional<int> until;
    for (std::size_t last = 0; last < noShowDays.size(); ++last) {
        const auto inWindow =
            std::count_if(noShowDays.begin(), noShowDays.begin() + static_cast<long>(last) + 1,
                          [&](int day) { return day > noShowDays[last] - rule.lookback_days; });
        if (inWindow >= rule.noShows) until = noShowDays[last] + rule.blocked_days;
    }
    if (until && *until > 0) return until;
    return std::nullopt;
}

}  // namespace lobby::sim
