#include "scanner/scan_rules.h"

namespace lobby::scanner {
namespace {

Error ruleError(std::string message) {
    return makeError(ErrorKind::InvalidConfig, "scanner.bad_rules", std::move(message));
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    return text;
}

}  // namespace

std::string_view toString(TokenKind kind) {
    switch (kind) {
        case TokenKind::EVoucher:
            return "evoucher";
        case TokenKind::VisitCard:
            return "visit_card";
        case TokenKind::BookingCode:
            return "booking_code";
        case TokenKind::PaymentCode:
            return "payment_code";
        case TokenKind::Unknown:
            return "unknown";
    }
    return "unknown";
}

Result<std::vector<ScanRule>> parseRules(std::string_view spec) {
    std::vector<ScanRule> rules;
    while (!spec.empty()) {
        const auto end = spec.find(';');
        const std::string_view entry = trim(spec.substr(0, end));
        spec = end == std::string_view::npos ? std::string_view{} : spec.substr(end + 1);
        if (entry.empty()) continue;
        const auto equals = entry.find('=');
        if (equals == std::string_view::npos) {
            return ruleError("'" + std::string(entry) + "' is not kind=prefix");
        }
        const std::string_view name = trim(entry.substr(0, equals));
        TokenKind kind;
        if (name == "evoucher") {
            kind = TokenKind::EVoucher;
        } else if (name == "visit_card") {
            kind = TokenKind::VisitCard;
        } else if (name == "booking_code") {
            kind = TokenKind::BookingCode;
        } else if (name == "payment_code") {
            kind = TokenKind::PaymentCode;
        } else {
            return ruleError("unknown scan kind '" + std::string(name) + "'");
        }
        std::string_view prefixes = entry.substr(equals + 1);
        while (!prefixes.empty()) {
            const auto comma = prefixes.find(',');
            const std::string_view prefix = trim(prefixes.substr(0, comma));
            prefixes =
                comma == std::string_view::npos ? std::string_view{} : prefixes.substr(comma + 1);
            if (prefix.empty()) return ruleError("empty prefix for '" + std::string(name) + "'");
            rules.push_back({kind, std::string(prefix)});
        }
    }
    return rules;
}

Result<ScanToken> classify(const std::vector<ScanRule>& rules, std::string scan) {
    if (scan.empty() || scan.size() > kMaxScanLength) {
        return makeError(ErrorKind::Protocol, "scanner.bad_scan", "empty or overlong scan");
    }
    for (const char c : scan) {
        if (c < 0x20 || c > 0x7E) {
            return makeError(ErrorKind::Protocol, "scanner.bad_scan",
                             "the scan contains non-printable characters");
        }
    }
    const ScanRule* best = nullptr;
    for (const auto& rule : rules) {
        if (scan.starts_with(rule.prefix) &&
            (best == nullptr || rule.prefix.size() > best->prefix.size())) {
            best = &rule;
        }
    }
    return ScanToken{best != nullptr ? best->kind : TokenKind::Unknown, std::move(scan)};
}

}  // namespace lobby::scanner
