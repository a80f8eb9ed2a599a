// The printer's own status over USB (DLE EOT on its bulk endpoints), through libusb against an
// emulated USB printer in a umockdev testbed.
#include <gtest/gtest.h>

#include "usb/kioskctl_runner.h"

#include <atomic>

#include "printer/usb_status.h"
#include "usb/usb_bulk_device.h"

using namespace lobby;
using namespace lobby::printer;
using namespace std::chrono_literals;

namespace {

// A USB printer (VID 0416, PID 5011): printer-class interface, bulk OUT 0x01, bulk IN 0x82.
std::unique_ptr<test::UsbBulkDevice> makeUsbPrinter(std::atomic<PrinterState>& state) {
    test::UsbIdentity identity{"0416", "5011", 3,
                               "12011001000000401604115000010102030 1"
                               "0902200001010080fa"
                               "090400000207010200"
                               "07050102400000"
                               "07058202400000"};
    identity.descriptorsHex.erase(
        std::remove(identity.descriptorsHex.begin(), identity.descriptorsHex.end(), ' '),
        identity.descriptorsHex.end());
    return std::make_unique<test::UsbBulkDevice>(
        identity,
        [&state](unsigned char, std::span<const std::uint8_t> data, test::InQueues& replies) {
            for (std::size_t i = 0; i + 2 < data.size(); ++i) {
                if (data[i] == 0x10 && data[i + 1] == 0x04) {
                    replies[0x82].push_back(encodeStatus(state.load(), data[i + 2]));
                }
            }
        });
}

}  // namespace

TEST(UsbPrinterStatus, AsksThePrinterItself) {
    std::atomic<PrinterState> state{PrinterState::Ready};
    auto printer = makeUsbPrinter(state);
    printer->plug();
    const usb::UsbId id{0x0416, 0x5011};
    for (const auto expected : {PrinterState::Ready, PrinterState::PaperLow, PrinterState::PaperOut,
                                PrinterState::CoverOpen, PrinterState::Offline}) {
        state = expected;
        auto status = queryStatusUsb(id, 2s);
        ASSERT_TRUE(status.ok()) << status.error().message;
        EXPECT_EQ(status.value(), expected) << toString(expected);
    }
    printer->unplug();
    auto gone = queryStatusUsb(id, 2s);
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().kind, ErrorKind::Unavailable);
}

TEST(UsbPrinterStatus, KioskctlReportsIt) {
    std::atomic<PrinterState> state{PrinterState::CoverOpen};
    auto printer = makeUsbPrinter(state);
    printer->plug();
    const auto [status, output] = test::runKioskctl("device printer status --direct usb:0416:5011");
    EXPECT_EQ(status, 0) << output;
    EXPECT_NE(output.find(R"("state":"cover_open")"), std::string::npos) << output;
}
