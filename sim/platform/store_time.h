#pragma once
// Local-time helpers of the sandbox platform's store (internal to sim/platform): dates as the
// hospital's schedule writes them, and when pick-up closes.

#include <cstdint>
#include <ctime>
#include <string>

#include "sim/platform/hospital_rules.h"
#include "sim/platform/platform_store.h"

namespace lobby::sim::store_time {

std::string isoDate(std::time_t when);                // "2026-11-22", local
std::string isoDateTime(std::int64_t storedSeconds);  // "2026-11-22T09:30:00+08:00" (RFC 3339)
// Days from today to `date` (YYYY-MM-DD), both local.
int daysAhead(const std::string& date, Clock::time_point now);
int localHour(Clock::time_point now);
int localMinuteOfDay(Clock::time_point now);
// "08:30" → 510; -1 when it is not a time of day (HH:MM, 00:00 to 23:59).
int minuteOfDay(const std::string& hhmm);
int registrationCloses_min(const std::string& period, const HospitalRules& rules);
int pickupCloses_min(const std::string& period, const HospitalRules& rules);
// Pickup closes at the hospital's time for the session's half day, local time.
bool pickupClosed(const std::string& period, Clock::time_point now, const HospitalRules& rules);
// "09:30": the detail the pickup refusal's words show.
std::string clockText(int minutes);

}  // namespace lobby::sim::store_time
