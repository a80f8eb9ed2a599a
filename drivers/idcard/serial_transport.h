#pragma once
// A SAM reader on a serial port (often a USB-serial bridge): raw 8N1, exclusive open.

#include <memory>
#include <string>

#include "idcard/transport.h"

namespace lobby::idcard {

class SerialTransport final : public Transport {
public:
    static Result<std::unique_ptr<SerialTransport>> open(const std::string& device, int baud);
    // Like open(), but a reader that is not there yet is not an error: the transport answers
    // Unavailable until reopen() finds it (a kiosk may boot before its reader is plugged in).
    static Result<std::unique_ptr<SerialTransport>> create(const std::string& device, int baud);
    ~SerialTransport() override;

    Status write(std::span<const std::uint8_t> bytes, Milliseconds timeout) override;
    Result<std::size_t> read(std::span<std::uint8_t> buffer, Milliseconds timeout) override;
    void discardInput() override;
    Status reopen() override;
    double bytesPerSecond() const override { return baud_ / 10.0; }  // 8N1: 10 bits a byte

private:
    SerialTransport(std::string device, int baud) : device_(std::move(device)), baud_(baud) {}
    static Result<std::unique_ptr<SerialTransport>> construct(const std::string& device, int baud);
    Status openDevice();
    void closeDevice();

    std::string device_;
    int baud_;
    int fd_ = -1;
};

}  // namespace lobby::idcard
