#include "sim/platform/hospital_rules.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>

#include "sim/platform/store_time.h"

namespace lobby::sim {
namespace {

using nlohmann::json;

Error invalid(const std::string& what) {
    return makeError(ErrorKind::InvalidConfig, "rules.invalid", "hospital rules: " + what);
}

// "09:30" → 570
bool parseClock(const std::string& text, int& minutes) {
    const int parsed = store_time::minuteOfDay(text);
    if (parsed < 0) return false;
    minutes = parsed;
    return true;
}

}  // namespace

Result<HospitalRules> parseHospitalRules(const std::string& text) {
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) return invalid("not a JSON object");
    HospitalRules rules;
    int holdMinutes = static_cast<int>(rules.unpaidHold.count());
    struct IntRule {
        int* target;
        int minimum, maximum;
    };
    const std::map<std::string, IntRule> ints = {
        {"booking_window_first_days", {&rules.bookingWindowFirst_days, 0, 30}},
        {"booking_window_last_days", {&rules.bookingWindowLast_days, 0, 90}},
        {"release_hour", {&rules.releaseHour, 0, 23}},
        {"max_per_doctor_per_day", {&rules.maxPerDoctorPerDay, 1, 10}},
        {"max_per_day", {&rules.maxPerDay, 1, 20}},
        {"no_shows", {&rules.credit.noShows, 1, 100}},
        {"no_show_lookback_days", {&rules.credit.lookback_days, 1, 3650}},
        {"blocked_days", {&rules.credit.blocked_days, 0, 3650}},
        {"max_bookings", {&rules.credit.maxBookings, 1, 1000}},
        {"booking_lookback_days", {&rules.credit.bookingLookback_days, 1, 3650}},
        {"cancel_until_days_before", {&rules.cancelUntil_daysBefore, 0, 30}},
        {"unpaid_hold_minutes", {&holdMinutes, 1, 120}},
    };
    const std::map<std::string, int*> clocks = {
        {"morning_pickup_closes", &rules.morningPickupCloses_min},
        {"afternoon_pickup_closes", &rules.afternoonPickupCloses_min},
        {"morning_registration_closes", &rules.morningRegistrationCloses_min},
        {"afternoon_registration_closes", &rules.afternoonRegistrationCloses_min},
    };
    for (const auto& [key, value] : root.items()) {
        if (key == "real_name_check" || key == "same_day_registration") {
            if (!value.is_boolean()) return invalid(key + " must be true or false");
            (key == "real_name_check" ? rules.realNameCheck : rules.sameDayRegistration) =
                value.get<bool>();
        } else if (const auto it = ints.find(key); it != ints.end()) {
            if (!value.is_number_integer()) return invalid(key + " must be an integer");
            const auto number = value.get<long long>();
            if (number < it->second.minimum || number > it->second.maximum) {
                return invalid(key + ": " + std::to_string(number) + " is out of range " +
                               std::to_string(it->second.minimum) + ".." +
                               std::to_string(it->second.maximum));
            }
            *it->second.target = static_cast<int>(number);
        } else if (const auto clock = clocks.find(key); clock != clocks.end()) {
            if (!value.is_string() || !parseClock(value.get<std::string>(), *clock->second))
                return invalid(key + " must be a time of day as \"HH:MM\"");
        } else {
            return invalid("unknown key " + key);
        }
    }
    if (rules.bookingWindowFirst_days > rules.bookingWindowLast_days)
        return invalid("booking_window_first_days is after booking_window_last_days");
    rules.unpaidHold = std::chrono::minutes(holdMinutes);
    return rules;
}

}  // namespace lobby::sim
