#pragma once
// What a scan is: the kiosk does not decode e-vouchers or payment codes, it only recognises
// their kind by configurable prefix rules and hands the text on as an opaque token.
//
// Rules are written "kind=prefix,prefix;kind=prefix", e.g.
//   "evoucher=YBPZ;visit_card=JZK;booking_code=YYD;payment_code=10,11,12,13,14,15,25,26,27,28,29,30"
// (booking_code: the barcode on the kiosk's own booking voucher, 预约单)
// The longest matching prefix wins; a scan matching none is of kind "unknown".

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace lobby::scanner {

enum class TokenKind { EVoucher, VisitCard, BookingCode, PaymentCode, Unknown };

struct ScanRule {
    TokenKind kind;
    std::string prefix;
};

struct ScanToken {
    TokenKind kind = TokenKind::Unknown;
    std::string value;  // opaque; personal data: never logged unmasked
};

inline constexpr std::size_t kMaxScanLength = 1024;

Result<std::vector<ScanRule>> parseRules(std::string_view spec);
// Checks the scan (printable ASCII, 1..kMaxScanLength characters) and classifies it.
Result<ScanToken> classify(const std::vector<ScanRule>& rules, std::string scan);

// "evoucher", "visit_card", "booking_code", "payment_code", "unknown"
std::string_view toString(TokenKind kind);

}  // namespace lobby::scanner
