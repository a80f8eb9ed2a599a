#pragma once
// What goes on each slip a journey hands out, from the platform's answers: the same fields
// whether the slip is printed in the journey or reprinted at the patient's next visit.

#include <string>

#include "platform/platform_client.h"
#include "printer/slip.h"

namespace lobby::journeys {

// The "method" of a voucher for a booking moved (改约) with the fee it was paid with.
inline constexpr const char* kMovedBooking = "moved";
// Slips are printed in both languages, whatever the screen shows: "微信支付 WeChat Pay".
std::string slipMethodName(const std::string& method);

// Where the patient goes after checking in, in Chinese and English: the platform's wayfinding,
// or, where it gives none, the clinic room to wait at. Shown on the done screen and printed.
struct Wayfinding {
    std::string zh, en;
};
Wayfinding wayfindingFor(const platform::CheckIn& checkIn);

printer::SlipFields voucherFields(const platform::Booking& booking, const std::string& method,
                                  const std::string& maskedName);
printer::SlipFields checkinFields(const platform::Booking& booking,
                                  const platform::CheckIn& checkIn, const std::string& maskedName,
                                  const std::string& queueUrl);
printer::SlipFields refundFields(const platform::Booking& booking, const std::string& maskedName);
// 缴费凭条: the HIS's receipt, the split, and for each bill (up to kGuideSlipBills; the last line
// counts the rest) its items and where to go next. `payMethod` names how the cash part was paid
// ("" when there was none).
inline constexpr int kGuideSlipBills = 6;
printer::SlipFields billsGuideFields(const platform::BillReceipt& receipt,
                                     const std::string& payMethod, const std::string& maskedName);

}  // namespace lobby::journeys
