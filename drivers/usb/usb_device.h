#pragma once
// One USB device opened by VID:PID through libusb, with one interface claimed (a kernel driver
// bound to it is detached), and bulk transfers that always have a deadline. The only place in
// the project where libusb's codes are turned into our errors.

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "common/error.h"

struct libusb_context;
struct libusb_device_handle;

namespace lobby::usb {

using Milliseconds = std::chrono::milliseconds;

struct UsbId {
    std::uint16_t vendor = 0;
    std::uint16_t product = 0;
};

// "0400:c35a" -> {0x0400, 0xC35A}.
Result<UsbId> parseUsbId(const std::string& text);

struct BulkEndpoints {
    unsigned char out = 0;
    unsigned char in = 0;
};

class UsbDevice {
public:
    // `role` names the device in messages ("the reader", "the printer").
    static Result<std::unique_ptr<UsbDevice>> open(UsbId id, int interfaceNumber, std::string role);
    ~UsbDevice();

    Status bulkOut(unsigned char endpoint, std::span<const std::uint8_t> bytes,
                   Milliseconds timeout);
    Result<std::size_t> bulkIn(unsigned char endpoint, std::span<std::uint8_t> buffer,
                               Milliseconds timeout);
    // The first bulk OUT and bulk IN endpoints of the claimed interface.
    Result<BulkEndpoints> bulkEndpoints() const;

private:
    UsbDevice(libusb_context* context, libusb_device_handle* handle, int interfaceNumber,
              std::string role)
        : context_(context), handle_(handle), interface_(interfaceNumber), role_(std::move(role)) {}

    libusb_context* context_;
    libusb_device_handle* handle_;
    int interface_;
    std::string role_;
};

}  // namespace lobby::usb
