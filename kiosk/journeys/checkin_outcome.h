#pragma once
// What the done screen shows once a booking is checked in, whether it was picked up (取号) or
// registered for today (当日挂号): the queue number stressed, the clinic room, the time, the
// doctor, whether the slip printed, and where to go now.

#include "core/session_controller.h"
#include "platform/platform_types.h"

namespace lobby::journeys {

// `registered`: 当日挂号, registered and paid just now (titled so, with the fee paid).
core::JourneyOutcome checkedInOutcome(const platform::Booking& booking,
                                      const platform::CheckIn& checkIn, bool slipPrinted,
                                      bool registered = false);

}  // namespace lobby::journeys
