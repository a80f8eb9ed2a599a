#pragma once
// A SAM reader on USB for tests: a umockdev testbed with a device whose sysfs descriptors
// declare the reader's four bulk endpoints, and an ioctl handler that serves libusb's usbfs
// requests (URB submit, reap, discard) from the SAM emulator. libusb runs unmodified against
// it; the test binary must run under umockdev-wrapper.

#include <umockdev.h>

#include <deque>
#include <map>
#include <mutex>
#include <vector>

#include "idcard/sam_protocol.h"
#include "sim/idcard/sam_emulator.h"

namespace lobby::test {

class UsbSamDevice {
public:
    explicit UsbSamDevice(sim::SamEmulator& emulator);
    ~UsbSamDevice();

    void plug();
    void unplug();

private:
    static gboolean onIoctl(UMockdevIoctlBase* handler, UMockdevIoctlClient* client, gpointer self);
    gboolean handle(UMockdevIoctlClient* client);
    gboolean submit(UMockdevIoctlClient* client, UMockdevIoctlData* argument);
    gboolean reap(UMockdevIoctlClient* client, UMockdevIoctlData* argument);
    gboolean discard(UMockdevIoctlClient* client, UMockdevIoctlData* argument);

    struct Urb {
        UMockdevIoctlData* data;    // the client's struct usbdevfs_urb (referenced)
        UMockdevIoctlData* buffer;  // its buffer (referenced)
        bool discarded = false;
    };

    sim::SamEmulator& emulator_;
    UMockdevTestbed* testbed_;
    UMockdevIoctlBase* handler_;
    std::mutex mutex_;
    idcard::FrameDecoder commands_;
    std::map<unsigned char, std::deque<std::uint8_t>> replies_;  // by IN endpoint
    std::vector<Urb> inFlight_;
    bool plugged_ = false;
};

}  // namespace lobby::test
