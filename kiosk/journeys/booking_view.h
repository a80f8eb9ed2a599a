#pragma once
// How a booking appears on the kiosk's lists (pick-up, cancel, my bookings): in the current
// language, with nothing about the patient in it.

#include <QVariantMap>

#include "platform/platform_client.h"

namespace lobby::journeys {

// {id, department, doctor, when, status, statusText, fee, stopService}
QVariantMap bookingView(const platform::Booking& booking);
QString feeText(int fee_fen);  // "¥30.00"
// A visit day as a patient says it: 今天 / 明天 / 周三 12月3日 (Today / Tomorrow / Wed 3 Dec).
QString dayLabel(const std::string& isoDate);
// 上午 / 下午 (morning / afternoon).
QString periodLabel(const std::string& period);

}  // namespace lobby::journeys
