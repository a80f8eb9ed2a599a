#pragma once
// The booking rules one hospital runs with (../shared/DOMAIN.md), each configurable: the sandbox
// reads them from a JSON file (`lobby-platform --rules FILE`), strictly: an unknown key, a wrong
// type or a value out of range is an error naming the key.

#include <chrono>
#include <string>

#include "common/error.h"
#include "sim/platform/credit_rules.h"

namespace lobby::sim {

struct HospitalRules {
    bool realNameCheck = true;        // the ID number's GB 11643 check digit must hold
    int bookingWindowFirst_days = 1;  // bookable from this many days ahead...
    int bookingWindowLast_days = 7;   // ...to this many
    int releaseHour = 8;              // the last day's slots go on sale at this hour
    // 当日挂号: today's slices are sold on the day, each half day until its cut-off, never once
    // the slice is over; a registration made on the day is checked in until the same cut-off.
    bool sameDayRegistration = true;
    int morningRegistrationCloses_min = 11 * 60;
    int afternoonRegistrationCloses_min = 16 * 60 + 30;
    int maxPerDoctorPerDay = 1;
    int maxPerDay = 3;
    CreditRule credit;                          // the blacklist
    int cancelUntil_daysBefore = 1;             // cancellable until 24:00 this many days before
    int morningPickupCloses_min = 9 * 60 + 30;  // minutes after midnight
    int afternoonPickupCloses_min = 14 * 60 + 30;
    std::chrono::minutes unpaidHold{10};
};

Result<HospitalRules> parseHospitalRules(const std::string& json);

}  // namespace lobby::sim
