#include "common/date.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace lobby {
namespace {
bool isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}
}  // namespace

std::string Date::iso() const {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

bool isValidDate(const Date& date) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (date.year < 1900 || date.year > 2200 || date.month < 1 || date.month > 12) return false;
    const int days = kDays[static_cast<std::size_t>(date.month - 1)] +
                     (date.month == 2 && isLeap(date.year) ? 1 : 0);
    return date.day >= 1 && date.day <= days;
}

std::optional<Date> parseCompactDate(std::string_view text) {
    if (text.size() != 8 || text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    const Date date{number(0, 4), number(4, 2), number(6, 2)};
    if (!isValidDate(date)) return std::nullopt;
    return date;
}

Date localToday() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace lobby
