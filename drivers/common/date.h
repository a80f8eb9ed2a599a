#pragma once
// A calendar date as cards store it (no time zone, no time of day).

#include <optional>
#include <string>
#include <string_view>

namespace lobby {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    auto operator<=>(const Date&) const = default;
    std::string iso() const;  // YYYY-MM-DD
};

bool isValidDate(const Date& date);
// "YYYYMMDD" -> a real date, or nullopt.
std::optional<Date> parseCompactDate(std::string_view text);
// Today in the kiosk's local time zone.
Date localToday();

}  // namespace lobby
