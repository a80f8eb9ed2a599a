#pragma once
// The public SAM frame protocol of second-generation resident ID card readers.
//
//   host -> reader: AA AA AA 96 69 | LenH LenL | CMD PARA | data | CHK
//   reader -> host: AA AA AA 96 69 | LenH LenL | SW1 SW2 SW3 | data | CHK
//
// Len (big-endian) counts every byte after it, CHK included; CHK is the XOR of every byte
// after the preamble except itself.

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <vector>

#include "common/error.h"

namespace lobby::idcard {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::array<std::uint8_t, 5> kPreamble = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
// The largest legal reply: SW (3) + three lengths (6) + text 256 + photo 1024 + fingerprint
// 1024 + CHK, rounded up. Anything longer is a corrupt length field.
inline constexpr std::size_t kMaxFrameLength = 4096;

struct Command {
    std::uint8_t cmd;
    std::uint8_t para;
};

namespace commands {
inline constexpr Command kResetSam{0x10, 0xFF};
inline constexpr Command kSamStatus{0x11, 0xFF};
inline constexpr Command kSamId{0x12, 0xFF};
inline constexpr Command kFindCard{0x20, 0x01};
inline constexpr Command kSelectCard{0x20, 0x02};
inline constexpr Command kReadTextPhoto{0x30, 0x01};
inline constexpr Command kReadTextPhotoFingerprint{0x30, 0x10};
inline constexpr Command setBaudRate(std::uint8_t index) {
    return {0x60, index};
}  // 0..4
}  // namespace commands

namespace status {
inline constexpr std::uint8_t kOk = 0x90;
inline constexpr std::uint8_t kCardFound = 0x9F;
inline constexpr std::uint8_t kNoCard = 0x80;
inline constexpr std::uint8_t kSelectFailed = 0x81;
}  // namespace status

struct Response {
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;
    std::uint8_t sw3 = 0;
    Bytes data;
};

std::uint8_t checksum(std::span<const std::uint8_t> bytesAfterPreamble);
Bytes encodeCommand(Command command, std::span<const std::uint8_t> data = {});
Bytes encodeResponse(const Response& response);  // used by the simulator
// Decodes a host->reader frame (the simulator's side).
Result<std::pair<Command, Bytes>> decodeCommand(std::span<const std::uint8_t> frame);

// The typed error for a reader status byte (SW3); nullopt for the success codes 90 and 9F.
std::optional<Error> statusError(std::uint8_t sw3);

// Cuts a byte stream into frames. Garbage before a preamble is skipped; a frame whose length
// does not fit or whose checksum is wrong is reported once and the decoder resynchronises on
// the next preamble, so one corrupt frame never poisons the ones after it.
class FrameDecoder {
public:
    void feed(std::span<const std::uint8_t> bytes);
    // The next complete frame's payload (bytes between Len and CHK), an error for a corrupt
    // one, or nullopt when more bytes are needed.
    std::optional<Result<Bytes>> next();
    void reset() { buffer_.clear(); }
    std::size_t buffered() const { return buffer_.size(); }

private:
    bool dropToPreamble();
    std::deque<std::uint8_t> buffer_;
};

// Splits a decoded reply payload (SW1 SW2 SW3 data) into a Response.
Result<Response> toResponse(const Bytes& payload);

}  // namespace lobby::idcard
