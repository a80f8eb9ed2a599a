// The HID scanner path for real: the driver opens, grabs and reads an evdev node served by a
// umockdev testbed (run under umockdev-wrapper). No mock of the driver.
#include <gtest/gtest.h>

#include "usb/kioskctl_runner.h"

#include "scanner/scan_rules.h"
#include "scanner/scan_source.h"
#include "usb/evdev_scanner_device.h"

using namespace lobby;
using namespace lobby::scanner;
using namespace std::chrono_literals;

TEST(EvdevScanner, GrabsTheDeviceAndTurnsKeystrokesIntoScans) {
    test::EvdevScannerDevice device;
    auto source = openEvdevScanner(test::EvdevScannerDevice::kDevNode);
    ASSERT_TRUE(source.ok()) << source.error().message;
    EXPECT_TRUE(device.grabbed()) << "a scan must never reach the UI as keystrokes";

    auto nothing = source.value()->next(100ms);
    ASSERT_TRUE(nothing.ok());
    EXPECT_FALSE(nothing->has_value());

    device.type("YBPZ:ab12-CD");
    auto scan = source.value()->next(2s);
    ASSERT_TRUE(scan.ok()) << scan.error().message;
    ASSERT_TRUE(scan->has_value());
    EXPECT_EQ(**scan, "YBPZ:ab12-CD");

    auto rules = parseRules("evoucher=YBPZ;visit_card=JZK");
    ASSERT_TRUE(rules.ok());
    EXPECT_EQ(classify(rules.value(), **scan)->kind, TokenKind::EVoucher);

    device.type("JZK0001");
    device.type("1234567890");
    EXPECT_EQ(source.value()->next(2s)->value(), "JZK0001");
    EXPECT_EQ(source.value()->next(2s)->value(), "1234567890");

    source.value().reset();
    EXPECT_FALSE(device.grabbed()) << "closing the scanner releases the grab";
}

TEST(EvdevScanner, MissingDeviceIsUnavailable) {
    auto source = openEvdevScanner("/dev/input/event99");
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().kind, ErrorKind::Unavailable);
}

TEST(EvdevScanner, KioskctlPrintsEachScanMasked) {
    test::EvdevScannerDevice device;
    device.type("YBPZ:0123456789");
    device.type("JZK0001");
    const auto [status, output] =
        test::runKioskctl("device scanner watch --evdev /dev/input/event7 --count 2");
    EXPECT_EQ(status, 0) << output;
    EXPECT_NE(output.find(R"({"kind":"evoucher","length":15,"value":"YBPZ*******6789"})"),
              std::string::npos)
        << output;
    EXPECT_NE(output.find(R"("kind":"visit_card")"), std::string::npos) << output;
    EXPECT_EQ(output.find("0123456789"), std::string::npos) << "the full scan must not be printed";
}
