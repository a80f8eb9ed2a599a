#include <gtest/gtest.h>

#include <fcntl.h>
#include <linux/input-event-codes.h>
#include <unistd.h>

#include "scanner/scan_rules.h"
#include "scanner/scan_source.h"

using namespace lobby;
using namespace lobby::scanner;
using namespace std::chrono_literals;

TEST(ScanRules, LongestPrefixWins) {
    auto rules = parseRules("evoucher=YB; visit_card=JZK ;payment_code=10,11,12;evoucher=YBPZ");
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    EXPECT_EQ(rules->size(), 6u);
    EXPECT_EQ(classify(rules.value(), "YBPZ:xyz")->kind, TokenKind::EVoucher);
    EXPECT_EQ(classify(rules.value(), "JZK000123")->kind, TokenKind::VisitCard);
    EXPECT_EQ(classify(rules.value(), "134567890123456789")->kind, TokenKind::Unknown);
    EXPECT_EQ(classify(rules.value(), "114567890123456789")->kind, TokenKind::PaymentCode);
    EXPECT_EQ(classify(rules.value(), "JZK000123")->value, "JZK000123");
    auto withVouchers = parseRules("booking_code=YYD;payment_code=10,11");
    ASSERT_TRUE(withVouchers.ok());
    EXPECT_EQ(classify(withVouchers.value(), "YYD12345678")->kind, TokenKind::BookingCode);
    EXPECT_EQ(toString(TokenKind::BookingCode), "booking_code");
}

TEST(ScanRules, BadRulesAndBadScansAreTypedErrors) {
    EXPECT_EQ(parseRules("evoucher").error().code, "scanner.bad_rules");
    EXPECT_EQ(parseRules("lottery=88").error().message, "unknown scan kind 'lottery'");
    EXPECT_EQ(parseRules("visit_card=JZK,,X").error().code, "scanner.bad_rules");
    EXPECT_TRUE(parseRules("").ok());
    EXPECT_EQ(classify({}, "").error().code, "scanner.bad_scan");
    EXPECT_EQ(classify({}, std::string("AB\x01", 3)).error().code, "scanner.bad_scan");
    EXPECT_EQ(classify({}, std::string(kMaxScanLength + 1, 'A')).error().code, "scanner.bad_scan");
}

TEST(ScanKeys, MapsAUsLayoutWithShift) {
    EXPECT_EQ(keyToChar(KEY_1, false), '1');
    EXPECT_EQ(keyToChar(KEY_0, false), '0');
    EXPECT_EQ(keyToChar(KEY_A, false), 'a');
    EXPECT_EQ(keyToChar(KEY_A, true), 'A');
    EXPECT_EQ(keyToChar(KEY_SEMICOLON, true), ':');
    EXPECT_EQ(keyToChar(KEY_SLASH, false), '/');
    EXPECT_EQ(keyToChar(KEY_2, true), '@');
    EXPECT_EQ(keyToChar(KEY_LEFTCTRL, false), 0);
}

TEST(SerialScanner, SplitsScansOnCrLfAndKeepsPartialLines) {
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    ASSERT_GE(master, 0);
    ASSERT_EQ(::grantpt(master), 0);
    ASSERT_EQ(::unlockpt(master), 0);
    auto source = openSerialScanner(::ptsname(master), 9600);
    ASSERT_TRUE(source.ok()) << source.error().message;

    const std::string wire = "YBPZ:one\r\nJZK2\rpart";
    ASSERT_EQ(::write(master, wire.data(), wire.size()), static_cast<ssize_t>(wire.size()));
    EXPECT_EQ(source.value()->next(1s)->value(), "YBPZ:one");
    EXPECT_EQ(source.value()->next(1s)->value(), "JZK2");
    auto partial = source.value()->next(150ms);
    ASSERT_TRUE(partial.ok());
    EXPECT_FALSE(partial->has_value()) << "no scan until its suffix arrives";
    ASSERT_EQ(::write(master, "ial\n", 4), 4);
    EXPECT_EQ(source.value()->next(1s)->value(), "partial");
    ::close(master);
}

TEST(SerialScanner, MissingPortIsUnavailable) {
    auto source = openSerialScanner("/dev/lobby-no-scanner", 9600);
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().kind, ErrorKind::Unavailable);
}

TEST(SerialScanner, TabSuffixSplitsOnTabsOnly) {
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    ASSERT_GE(master, 0);
    ASSERT_EQ(::grantpt(master), 0);
    ASSERT_EQ(::unlockpt(master), 0);
    auto source = openSerialScanner(::ptsname(master), 9600, ScanSuffix::Tab);
    ASSERT_TRUE(source.ok()) << source.error().message;
    ASSERT_EQ(::write(master, "JZK1\tJZK2\t", 10), 10);
    EXPECT_EQ(source.value()->next(1s)->value(), "JZK1");
    EXPECT_EQ(source.value()->next(1s)->value(), "JZK2");
    EXPECT_EQ(parseSuffix("tab").value(), ScanSuffix::Tab);
    EXPECT_EQ(parseSuffix("space").error().code, "scanner.bad_suffix");
    ::close(master);
}
