#include "sim/platform/store_time.h"

#include <cmath>
#include <cstdio>

namespace lobby::sim::store_time {

std::string isoDate(std::time_t when) {
    std::tm local{};
    localtime_r(&when, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

std::string isoDateTime(std::int64_t storedSeconds) {
    const std::time_t when = static_cast<std::time_t>(storedSeconds);
    std::tm local{};
    localtime_r(&when, &local);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S%z", &local);
    // RFC 3339 writes the offset with a colon: +08:00, not strftime's +0800.
    std::string text = buffer;
    if (text.size() >= 5) text.insert(text.size() - 2, ":");
    return text;
}

int daysAhead(const std::string& date, Clock::time_point now) {
    std::tm target{};
    std::sscanf(date.c_str(), "%d-%d-%d", &target.tm_year, &target.tm_mon, &target.tm_mday);
    target.tm_year -= 1900;
    target.tm_mon -= 1;
    target.tm_hour = 12;
    const std::time_t today = Clock::to_time_t(now);
    std::tm local{};
    localtime_r(&today, &local);
    local.tm_hour = 12;
    local.tm_min = local.tm_sec = 0;
    return static_cast<int>(
        std::lround(std::difftime(std::mktime(&target), std::mktime(&local)) / 86400.0));
}

int localHour(Clock::time_point now) {
    const std::time_t when = Clock::to_time_t(now);
    std::tm local{};
    localtime_r(&when, &local);
    return local.tm_hour;
}

int localMinuteOfDay(Clock::time_point now) {
    const std::time_t when = Clock::to_time_t(now);
    std::tm local{};
    localtime_r(&when, &local);
    return local.tm_hour * 60 + local.tm_min;
}

int minuteOfDay(const std::string& hhmm) {
    int hour = -1, minute = -1;
    char colon = 0;
    if (hhmm.size() != 5 || std::sscanf(hhmm.c_str(), "%2d%c%2d", &hour, &colon, &minute) != 3 ||
        colon != ':' || hour < 0 || hour > 23 || minute < 0 || minute > 59)
        return -1;
    return hour * 60 + minute;
}

int registrationCloses_min(const std::string& period, const HospitalRules& rules) {
    return period == "morning" ? rules.morningRegistrationCloses_min
                               : rules.afternoonRegistrationCloses_min;
}

int pickupCloses_min(const std::string& period, const HospitalRules& rules) {
    return period == "morning" ? rules.morningPickupCloses_min : rules.afternoonPickupCloses_min;
}

bool pickupClosed(const std::string& period, Clock::time_point now, const HospitalRules& rules) {
    const std::time_t when = Clock::to_time_t(now);
    std::tm local{};
    localtime_r(&when, &local);
    return local.tm_hour * 60 + local.tm_min > pickupCloses_min(period, rules);
}

std::string clockText(int minutes) {
    char text[32];
    std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
    return text;
}

}  // namespace lobby::sim::store_time
