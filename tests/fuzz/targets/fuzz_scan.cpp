// Any bytes as a scan (what a barcode or QR scanner sends is whatever the code holds) and as the
// scanner's rules from a config: a rule set or a typed error; a scan accepted only if it is 1 to
// kMaxScanLength printable ASCII characters, kept byte for byte and named by its longest prefix.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scanner/scan_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace lobby::scanner;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    if (auto rules = parseRules(bytes); !rules && rules.error().message.empty()) __builtin_trap();

    static const auto kRules = parseRules("evoucher=YBPZ;visit_card=JZK,JZKA;payment_code=10,13");
    if (!kRules) __builtin_trap();
    auto token = classify(kRules.value(), bytes);
    if (!token) {
        if (token.error().message.empty()) __builtin_trap();
        return 0;
    }
    if (token->value != bytes || bytes.empty() || bytes.size() > kMaxScanLength) __builtin_trap();
    for (const unsigned char c : bytes) {
        if (c < 0x20 || c > 0x7e) __builtin_trap();
    }
    const auto startsWith = [&](const char* prefix) { return bytes.rfind(prefix, 0) == 0; };
    const TokenKind expected = startsWith("YBPZ")                     ? TokenKind::EVoucher
                               : startsWith("JZK")                    ? TokenKind::VisitCard
                               : startsWith("10") || startsWith("13") ? TokenKind::PaymentCode
                                                                      : TokenKind::Unknown;
    if (token->kind != expected) __builtin_trap();
    return 0;
}
