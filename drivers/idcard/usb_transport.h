#pragma once
// A SAM reader attached as a USB full-speed device with bulk endpoints: the host sends a
// frame's preamble and length on 0x02 and the rest on 0x06; the reader answers with the
// preamble and length on 0x81 and the rest on 0x85.

#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "idcard/transport.h"
#include "usb/usb_device.h"

namespace lobby::idcard {

using usb::parseUsbId;
using usb::UsbId;

namespace usb_endpoints {
inline constexpr unsigned char kOutHeader = 0x02;
inline constexpr unsigned char kOutBody = 0x06;
inline constexpr unsigned char kInHeader = 0x81;
inline constexpr unsigned char kInBody = 0x85;
}  // namespace usb_endpoints

class UsbTransport final : public Transport {
public:
    static Result<std::unique_ptr<UsbTransport>> open(UsbId id);
    // Like open(), but a reader not plugged in yet is not an error (see reopen()).
    static Result<std::unique_ptr<UsbTransport>> create(UsbId id);

    Status write(std::span<const std::uint8_t> bytes, Milliseconds timeout) override;
    Result<std::size_t> read(std::span<std::uint8_t> buffer, Milliseconds timeout) override;
    void discardInput() override { pending_.clear(); }
    Status reopen() override;
    double bytesPerSecond() const override { return 0.0; }

private:
    explicit UsbTransport(UsbId id) : id_(id) {}
    Status openDevice();

    UsbId id_;
    std::unique_ptr<usb::UsbDevice> device_;
    std::deque<std::uint8_t> pending_;
};

}  // namespace lobby::idcard
