#pragma once
// A USB HID barcode scanner's evdev node for tests, in a umockdev testbed: answers EVIOCGRAB
// and serves queued key events to read(). The test binary runs under umockdev-wrapper.

#include <umockdev.h>

#include <deque>
#include <mutex>
#include <string>

namespace lobby::test {

class EvdevScannerDevice {
public:
    static constexpr const char* kDevNode = "/dev/input/event7";

    EvdevScannerDevice();
    ~EvdevScannerDevice();

    // Queues the key presses and releases a scanner sends for `text`, then Enter.
    void type(const std::string& text);
    bool grabbed() const;

private:
    static gboolean onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self);
    static gboolean onRead(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self);
    void key(unsigned short code, bool shift);

    UMockdevTestbed* testbed_;
    UMockdevIoctlBase* handler_;
    mutable std::mutex mutex_;
    std::deque<unsigned char> events_;  // raw struct input_event bytes
    bool grabbed_ = false;
};

}  // namespace lobby::test
