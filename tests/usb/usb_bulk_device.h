#pragma once
// A USB device with bulk endpoints for tests: a umockdev testbed holding its sysfs entry
// (descriptors included) and an ioctl handler serving libusb's usbfs requests (URB submit,
// reap, discard). What the device answers is up to a responder. libusb runs unmodified
// against it; the test binary runs under umockdev-wrapper.

#include <umockdev.h>

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace lobby::test {

// Bytes queued for the host, by IN endpoint.
using InQueues = std::map<unsigned char, std::deque<std::uint8_t>>;
// Called with each bulk OUT transfer; queues the device's answers.
using Responder = std::function<void(unsigned char outEndpoint, std::span<const std::uint8_t> data,
                                     InQueues& replies)>;

struct UsbIdentity {
    const char* vendor;          // "0400"
    const char* product;         // "c35a"
    int devnum;                  // on bus 1
    std::string descriptorsHex;  // device + configuration descriptors
};

class UsbBulkDevice {
public:
    UsbBulkDevice(UsbIdentity identity, Responder responder);
    ~UsbBulkDevice();

    void plug();
    void unplug();

private:
    static gboolean onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self);
    gboolean handle(UMockdevIoctlClient* client);
    gboolean submit(UMockdevIoctlClient* client, UMockdevIoctlData* argument);
    gboolean reap(UMockdevIoctlClient* client, UMockdevIoctlData* argument);
    gboolean discard(UMockdevIoctlClient* client, UMockdevIoctlData* argument);

    struct Urb {
        UMockdevIoctlData* data;    // the client's struct usbdevfs_urb (referenced)
        UMockdevIoctlData* buffer;  // its buffer (referenced)
        bool discarded = false;
    };

    UsbIdentity identity_;
    Responder responder_;
    std::string sysPath_;
    std::string devNode_;
    UMockdevTestbed* testbed_;
    UMockdevIoctlBase* handler_;
    std::mutex mutex_;
    InQueues replies_;
    std::vector<Urb> inFlight_;
    bool plugged_ = false;
};

}  // namespace lobby::test
