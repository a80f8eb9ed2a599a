#pragma once
// How a booking appears on the kiosk's lists (pick-up, cancel, my bookings): in the current
// language, with nothing about the patient in it.

#include <QVariantMap>

#include "platform/platform_client.h"

namespace lobby::journeys {

// {id, department, doctor, when, status, statusText, fee, stopService}
QVariantMap bookingView(const platform::Booking& booking);
QString feeText(int fee_fen);  // "¥30.00"

}  // namespace lobby::journeys
