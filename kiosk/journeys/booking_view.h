#pragma once
// How a booking appears on the kiosk's lists (pick-up, cancel, my bookings): in the current
// language, with nothing about the patient in it.

#include <QVariantList>
#include <QVariantMap>
#include <vector>

#include <utility>

#include "core/translatable_text.h"
#include "platform/platform_client.h"

namespace lobby::journeys {

// {id, department, doctor, when, status, statusText, fee, stopService}
QVariantMap bookingView(const platform::Booking& booking);
QString feeText(int fee_fen);  // "¥30.00"
// 号别 and their fees from the hospital's rules: "Fees: general clinic ¥8.00; named doctors
// ¥10.00–¥50.00"; empty when the platform gave none.
QString clinicFeesText(const std::vector<platform::BookingRules::ClinicFees>& fees);
// A visit day as a patient says it: 今天 / 明天 / 周三 12月3日 (Today / Tomorrow / Wed 3 Dec).
QString dayLabel(const std::string& isoDate);
// 上午 / 下午 (morning / afternoon).
QString periodLabel(const std::string& period);
// The rows a booking's voucher adds to the done screen (booked or moved alike): whether it
// printed, and what the patient does on the day.
std::pair<core::TranslatableText, core::TranslatableText> voucherRow(bool printed);
core::TranslatableText onTheDay();
// The days of these sessions as tabs, in date order: [{date, label, count (free slices)}].
QVariantList dayTabs(const std::vector<platform::Session>& sessions);
// One day's sessions as morning / afternoon: [{label, slices: [{id, time, remaining}]}]. Slices
// the platform does not let be booked now (today's, over or past the cut-off) are left out, and
// with `freeOnly` full ones too; a period left empty is left out.
QVariantList periodsOn(const std::vector<platform::Session>& sessions, const std::string& date,
                       bool freeOnly);

}  // namespace lobby::journeys
