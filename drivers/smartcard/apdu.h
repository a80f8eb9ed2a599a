#pragma once
// ISO 7816-4 short APDUs, status words mapped to typed errors, and the T=0 conversations every
// card reader path needs: 61xx (more data: GET RESPONSE) and 6Cxx (wrong Le: send again).

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "common/error.h"

namespace lobby::smartcard {

using Bytes = std::vector<std::uint8_t>;

struct Apdu {
    std::uint8_t cla = 0x00;
    std::uint8_t ins = 0x00;
    std::uint8_t p1 = 0x00;
    std::uint8_t p2 = 0x00;
    Bytes data;
    std::optional<std::uint16_t> le;  // 0..256; 256 is encoded as 00

    Bytes encode() const;
};

struct Response {
    Bytes data;
    std::uint16_t sw = 0;
    std::uint8_t sw1() const { return static_cast<std::uint8_t>(sw >> 8); }
    std::uint8_t sw2() const { return static_cast<std::uint8_t>(sw & 0xFF); }
    bool ok() const { return sw == 0x9000; }
};

// Splits a raw response (data + SW1 SW2); fewer than two bytes is a protocol error.
Result<Response> parseResponse(std::span<const std::uint8_t> raw);

// The typed error for a failing status word (nullopt for 9000).
std::optional<Error> statusError(std::uint16_t sw);

// Sends raw command bytes, returns raw response bytes. One implementation talks PC/SC; tests
// and the simulator plug the virtual card in directly.
using RawTransmit = std::function<Result<Bytes>(std::span<const std::uint8_t> command)>;

// Sends an APDU, following 61xx with GET RESPONSE (collecting every chunk) and 6Cxx by
// resending with the Le the card asked for. Gives up after a bounded number of rounds so a
// card that keeps answering 61xx cannot hang the kiosk.
Result<Response> transmitApdu(const RawTransmit& transmit, const Apdu& apdu);

}  // namespace lobby::smartcard
