#pragma once
// A SAM reader attached as a USB full-speed device with bulk endpoints: the host sends a
// frame's preamble and length on 0x02 and the rest on 0x06; the reader answers with the
// preamble and length on 0x81 and the rest on 0x85. libusb errors are mapped here, once.

#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "idcard/transport.h"

struct libusb_context;
struct libusb_device_handle;

namespace lobby::idcard {

struct UsbId {
    std::uint16_t vendor = 0;
    std::uint16_t product = 0;
};

// "0400:c35a" -> {0x0400, 0xC35A}.
Result<UsbId> parseUsbId(const std::string& text);

namespace usb_endpoints {
inline constexpr unsigned char kOutHeader = 0x02;
inline constexpr unsigned char kOutBody = 0x06;
inline constexpr unsigned char kInHeader = 0x81;
inline constexpr unsigned char kInBody = 0x85;
}  // namespace usb_endpoints

class UsbTransport final : public Transport {
public:
    // Finds the device by VID:PID, detaches a kernel driver if one is bound, claims interface 0.
    static Result<std::unique_ptr<UsbTransport>> open(UsbId id);
    // Like open(), but a reader not plugged in yet is not an error (see reopen()).
    static Result<std::unique_ptr<UsbTransport>> create(UsbId id);
    ~UsbTransport() override;

    Status write(std::span<const std::uint8_t> bytes, Milliseconds timeout) override;
    Result<std::size_t> read(std::span<std::uint8_t> buffer, Milliseconds timeout) override;
    void discardInput() override { pending_.clear(); }
    Status reopen() override;
    double bytesPerSecond() const override { return 0.0; }

private:
    explicit UsbTransport(UsbId id) : id_(id) {}
    Status openDevice();
    void closeDevice();
    Status bulkOut(unsigned char endpoint, std::span<const std::uint8_t> bytes,
                   Milliseconds timeout);
    Result<std::size_t> bulkIn(unsigned char endpoint, std::span<std::uint8_t> buffer,
                               Milliseconds timeout);

    UsbId id_;
    libusb_context* context_ = nullptr;
    libusb_device_handle* handle_ = nullptr;
    std::deque<std::uint8_t> pending_;
};

}  // namespace lobby::idcard
