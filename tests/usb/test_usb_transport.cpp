// The USB path for real: libusb, unmodified, against an emulated reader in a umockdev testbed
// (run under umockdev-wrapper). No mock of libusb or of the driver.
#include <gtest/gtest.h>

#include "usb/kioskctl_runner.h"

#include "idcard/sam_reader.h"
#include "idcard/usb_transport.h"
#include "sim/idcard/sam_emulator.h"
#include "usb/usb_sam_device.h"

using namespace lobby;
using namespace lobby::idcard;
using namespace std::chrono_literals;

namespace {
constexpr UsbId kReader{0x0400, 0xC35A};
constexpr SamTimeouts kTimeouts{300ms, 1000ms};

struct UsbRig {
    sim::SamEmulator emulator;
    std::unique_ptr<test::UsbBulkDevice> device = test::makeUsbSamDevice(emulator);
    UsbRig() {
        emulator.setLatencies({0ms, 0ms, 0ms, 0ms});
        device->plug();
    }
};
}  // namespace

TEST(UsbTransport, ParsesVidPid) {
    auto id = parseUsbId("0400:c35a");
    ASSERT_TRUE(id.ok());
    EXPECT_EQ(id->vendor, 0x0400);
    EXPECT_EQ(id->product, 0xC35A);
    EXPECT_FALSE(parseUsbId("0400-c35a").ok());
    EXPECT_FALSE(parseUsbId("0400:c35a0").ok());
    EXPECT_FALSE(parseUsbId("zz00:c35a").ok());
}

TEST(UsbTransport, ReadsACardThroughLibusb) {
    UsbRig rig;
    rig.emulator.placeCard(*sim::findCard("resident-zhang"));
    auto transport = UsbTransport::open(kReader);
    ASSERT_TRUE(transport.ok()) << transport.error().message;
    SamReader reader(std::move(transport.value()), kTimeouts);
    auto card = reader.readPresentCard();
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->name, "张三丰");
    EXPECT_EQ(card->photoWlt.size(), 1024u);
}

TEST(UsbTransport, NoReaderPluggedIsUnavailable) {
    sim::SamEmulator emulator;
    auto device = test::makeUsbSamDevice(emulator);  // never plugged
    auto transport = UsbTransport::open(kReader);
    ASSERT_FALSE(transport.ok());
    EXPECT_EQ(transport.error().kind, ErrorKind::Unavailable);
}

TEST(UsbTransport, SilentReaderTimesOutAndTheNextExchangeWorks) {
    UsbRig rig;
    auto transport = UsbTransport::open(kReader);
    ASSERT_TRUE(transport.ok()) << transport.error().message;
    SamReader reader(std::move(transport.value()), kTimeouts);
    rig.emulator.setFault(sim::SamFault::Silent);
    auto silent = reader.findCard();
    ASSERT_FALSE(silent.ok());
    EXPECT_EQ(silent.error().kind, ErrorKind::Timeout);
    rig.emulator.setFault(sim::SamFault::None);
    auto found = reader.findCard();
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_FALSE(found.value());
}

TEST(UsbTransport, UnpluggedReaderIsPickedUpAgainWhenPluggedBack) {
    UsbRig rig;
    rig.emulator.placeCard(*sim::findCard("resident-li"));
    auto transport = UsbTransport::open(kReader);
    ASSERT_TRUE(transport.ok()) << transport.error().message;
    SamReader reader(std::move(transport.value()), kTimeouts);
    ASSERT_TRUE(reader.findCard().ok());

    rig.device->unplug();
    auto gone = reader.findCard();
    ASSERT_FALSE(gone.ok());
    EXPECT_TRUE(gone.error().kind == ErrorKind::Unavailable || gone.error().kind == ErrorKind::Io)
        << gone.error().message;
    EXPECT_FALSE(reader.transport().reopen().ok());

    rig.device->plug();
    ASSERT_TRUE(reader.transport().reopen().ok());
    auto card = reader.readPresentCard();
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->name, "李秀英");
}

TEST(UsbTransport, KioskctlReadsTheUsbReaderAsJson) {
    // kioskctl runs as a child process inside this testbed (umockdev passes it on through
    // $UMOCKDEV_DIR and the preload library), talking libusb to the same emulated reader.
    UsbRig rig;
    rig.emulator.placeCard(*sim::findCard("hmt-chen"));
    const auto [status, output] = test::runKioskctl("device idcard read --usb 0400:c35a");
    EXPECT_EQ(status, 0) << output;
    EXPECT_NE(output.find(R"("card_type":"hmt_permit")"), std::string::npos) << output;
    EXPECT_NE(output.find(R"("pass_number":"H12345678")"), std::string::npos) << output;
}
