#pragma once
// A byte pipe to a SAM reader. Implementations: SerialTransport (termios), UsbTransport
// (libusb bulk endpoints) and, in sim/, an in-process loopback to the emulator.
//
// Contract: every call returns within its timeout; read() returns as soon as at least one byte
// is available (never an empty success); an unplugged device is ErrorKind::Unavailable, after
// which reopen() may succeed once it is back.

#include <chrono>
#include <cstdint>
#include <span>

#include "common/error.h"

namespace lobby::idcard {

using Milliseconds = std::chrono::milliseconds;

class Transport {
public:
    virtual ~Transport() = default;
    virtual Status write(std::span<const std::uint8_t> bytes, Milliseconds timeout) = 0;
    virtual Result<std::size_t> read(std::span<std::uint8_t> buffer, Milliseconds timeout) = 0;
    // Drops bytes already received but not read (stale replies from an earlier exchange).
    virtual void discardInput() = 0;
    virtual Status reopen() = 0;
    // Bytes per second on the wire, for the wire-time figures; 0 when not meaningful.
    virtual double bytesPerSecond() const { return 0.0; }
};

}  // namespace lobby::idcard
