#include "usb/evdev_scanner_device.h"

#include <linux/input.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace lobby::test {
namespace {

// The inverse of the driver's key map, for the characters the tests type.
bool codeFor(char c, unsigned short& code, bool& shift) {
    static const char* kDigits = "1234567890";
    shift = false;
    if (const char* digit = std::strchr(kDigits, c); digit != nullptr && c != 0) {
        code = static_cast<unsigned short>(KEY_1 + (digit - kDigits));
        return true;
    }
    static const unsigned short kLetters[] = {
        KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I, KEY_J, KEY_K, KEY_L, KEY_M,
        KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R, KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z};
    if (c >= 'a' && c <= 'z') {
        code = kLetters[c - 'a'];
        return true;
    }
    if (c >= 'A' && c <= 'Z') {
        code = kLetters[c - 'A'];
        shift = true;
        return true;
    }
    switch (c) {
        case ':':
            code = KEY_SEMICOLON;
            shift = true;
            return true;
        case '-':
            code = KEY_MINUS;
            return true;
        case '/':
            code = KEY_SLASH;
            return true;
        case '.':
            code = KEY_DOT;
            return true;
        default:
            return false;
    }
}

}  // namespace

EvdevScannerDevice::EvdevScannerDevice()
    : testbed_(umockdev_testbed_new()), handler_(umockdev_ioctl_base_new()) {
    g_signal_connect(handler_, "handle-ioctl", G_CALLBACK(&EvdevScannerDevice::onIoctl), this);
    g_signal_connect(handler_, "handle-read", G_CALLBACK(&EvdevScannerDevice::onRead), this);
    GError* error = nullptr;
    umockdev_testbed_attach_ioctl(testbed_, kDevNode, handler_, &error);
    g_clear_error(&error);
    umockdev_testbed_add_from_string(testbed_,
                                     "P: /devices/virtual/input/input7/event7\n"
                                     "N: input/event7\n"
                                     "E: SUBSYSTEM=input\n"
                                     "E: DEVNAME=/dev/input/event7\n"
                                     "E: ID_INPUT=1\n"
                                     "E: ID_INPUT_KEYBOARD=1\n",
                                     &error);
    g_clear_error(&error);
}

EvdevScannerDevice::~EvdevScannerDevice() {
    g_object_unref(handler_);
    g_object_unref(testbed_);
}

bool EvdevScannerDevice::grabbed() const {
    std::lock_guard lock(mutex_);
    return grabbed_;
}

void EvdevScannerDevice::key(unsigned short code, bool shift) {
    auto push = [this](unsigned short type, unsigned short keyCode, int value) {
        input_event event{};
        event.type = type;
        event.code = keyCode;
        event.value = value;
        const auto* bytes = reinterpret_cast<const unsigned char*>(&event);
        events_.insert(events_.end(), bytes, bytes + sizeof event);
    };
    if (shift) push(EV_KEY, KEY_LEFTSHIFT, 1);
    push(EV_KEY, code, 1);
    push(EV_SYN, SYN_REPORT, 0);
    push(EV_KEY, code, 0);
    if (shift) push(EV_KEY, KEY_LEFTSHIFT, 0);
    push(EV_SYN, SYN_REPORT, 0);
}

void EvdevScannerDevice::type(const std::string& text) {
    std::lock_guard lock(mutex_);
    for (const char c : text) {
        unsigned short code = 0;
        bool shift = false;
        if (codeFor(c, code, shift)) key(code, shift);
    }
    key(KEY_ENTER, false);
}

gboolean EvdevScannerDevice::onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client,
                                     gpointer self) {
    auto* device = static_cast<EvdevScannerDevice*>(self);
    if (umockdev_ioctl_client_get_request(client) != EVIOCGRAB) return FALSE;
    UMockdevIoctlData* argument = umockdev_ioctl_client_get_arg(client);
    std::lock_guard lock(device->mutex_);
    device->grabbed_ = *reinterpret_cast<unsigned long*>(argument->data) != 0;
    umockdev_ioctl_client_complete(client, 0, 0);
    return TRUE;
}

gboolean EvdevScannerDevice::onRead(UMockdevIoctlBase*, UMockdevIoctlClient* client,
                                    gpointer self) {
    auto* device = static_cast<EvdevScannerDevice*>(self);
    UMockdevIoctlData* buffer = umockdev_ioctl_client_get_arg(client);
    std::lock_guard lock(device->mutex_);
    const std::size_t whole = (buffer->data_len / sizeof(input_event)) * sizeof(input_event);
    const std::size_t count = std::min(whole, device->events_.size());
    if (count == 0) {
        umockdev_ioctl_client_complete(client, -1, EAGAIN);
        return TRUE;
    }
    std::copy_n(device->events_.begin(), count, static_cast<unsigned char*>(buffer->data));
    device->events_.erase(device->events_.begin(),
                          device->events_.begin() + static_cast<long>(count));
    umockdev_ioctl_client_complete(client, static_cast<glong>(count), 0);
    return TRUE;
}

}  // namespace lobby::test
