#include "idcard/sam_protocol.h"

#include <algorithm>
#include <cstdio>

namespace lobby::idcard {
namespace {

Error protocolError(const char* code, std::string message) {
    return makeError(ErrorKind::Protocol, code, std::move(message));
}

Bytes frame(std::span<const std::uint8_t> body) {
    const std::size_t length = body.size() + 1;  // + CHK
    Bytes out(kPreamble.begin(), kPreamble.end());
    out.push_back(static_cast<std::uint8_t>(length >> 8));
    out.push_back(static_cast<std::uint8_t>(length & 0xFF));
    out.insert(out.end(), body.begin(), body.end());
    out.push_back(checksum(std::span(out).subspan(kPreamble.size())));
    return out;
}

}  // namespace

std::uint8_t checksum(std::span<const std::uint8_t> bytesAfterPreamble) {
    std::uint8_t value = 0;
    for (const auto byte : bytesAfterPreamble)
        value ^= byte;
    return value;
}

Bytes encodeCommand(Command command, std::span<const std::uint8_t> data) {
    Bytes body{command.cmd, command.para};
    body.insert(body.end(), data.begin(), data.end());
    return frame(body);
}

Bytes encodeResponse(const Response& response) {
    Bytes body{response.sw1, response.sw2, response.sw3};
    body.insert(body.end(), response.data.begin(), response.data.end());
    return frame(body);
}

Result<std::pair<Command, Bytes>> decodeCommand(std::span<const std::uint8_t> bytes) {
    FrameDecoder decoder;
    decoder.feed(bytes);
    auto payload = decoder.next();
    if (!payload) return protocolError("idcard.sam.truncated", "truncated frame");
    if (!payload->ok()) return payload->error();
    const Bytes& body = payload->value();
    if (body.size() < 2) return protocolError("idcard.sam.bad_length", "command frame too short");
    return std::pair{Command{body[0], body[1]}, Bytes(body.begin() + 2, body.end())};
}

std::optional<Error> statusError(std::uint8_t sw3) {
    struct Known {
        std::uint8_t sw3;
        ErrorKind kind;
        const char* code;
        const char* message;
    };
    static constexpr Known kKnown[] = {
        {0x10, ErrorKind::Protocol, "idcard.sam.bad_checksum",
         "the reader received a bad checksum"},
        {0x11, ErrorKind::Protocol, "idcard.sam.bad_length", "the reader received a bad length"},
        {0x21, ErrorKind::Protocol, "idcard.sam.bad_command",
         "the reader does not know the command"},
        {0x23, ErrorKind::Device, "idcard.sam.unknown_error",
         "the reader reported an unknown error"},
        {0x24, ErrorKind::Device, "idcard.sam.unknown_error",
         "the reader reported an unknown error"},
        {0x31, ErrorKind::CardInvalid, "idcard.sam.card_auth_failed", "card authentication failed"},
        {0x32, ErrorKind::Device, "idcard.sam.reader_auth_failed", "reader authentication failed"},
        {0x33, ErrorKind::CardInvalid, "idcard.sam.verify_failed", "card verification failed"},
        {0x40, ErrorKind::CardInvalid, "idcard.sam.wrong_card", "this is not a resident ID card"},
        {0x41, ErrorKind::Device, "idcard.sam.read_failed", "reading the card failed"},
        {0x47, ErrorKind::Device, "idcard.sam.random_failed", "the card's random challenge failed"},
        {0x60, ErrorKind::Device, "idcard.sam.self_test_failed",
         "the SAM module failed its self-test"},
        {0x66, ErrorKind::Device, "idcard.sam.not_authorised", "the SAM module is not authorised"},
        {0x80, ErrorKind::NoCard, "idcard.sam.no_card", "no card on the reader"},
        {0x81, ErrorKind::NoCard, "idcard.sam.select_failed", "selecting the card failed"},
    };
    if (sw3 == status::kOk || sw3 == status::kCardFound) return std::nullopt;
    for (const auto& known : kKnown) {
        if (known.sw3 == sw3) return makeError(known.kind, known.code, known.message);
    }
    char message[32];
    std::snprintf(message, sizeof message, "unknown status 0x%02X", sw3);
    return makeError(ErrorKind::Device, "idcard.sam.unknown_status", message);
}

void FrameDecoder::feed(std::span<const std::uint8_t> bytes) {
    buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
}

// Drops bytes until the buffer starts with the preamble (or with a prefix of it that more
// bytes may complete). Returns true when a full preamble is at the front.
bool FrameDecoder::dropToPreamble() {
    while (!buffer_.empty()) {
        std::size_t matched = 0;
        while (matched < kPreamble.size() && matched < buffer_.size() &&
               buffer_[matched] == kPreamble[matched]) {
            ++matched;
        }
        if (matched == kPreamble.size()) return true;
        if (matched == buffer_.size()) return false;  // a prefix; wait for more
        buffer_.pop_front();
    }
    return false;
}

std::optional<Result<Bytes>> FrameDecoder::next() {
    if (!dropToPreamble()) return std::nullopt;
    constexpr std::size_t kHeader = kPreamble.size() + 2;
    if (buffer_.size() < kHeader) return std::nullopt;
    const std::size_t length = (std::size_t{buffer_[5]} << 8) | buffer_[6];
    if (length < 2 || length > kMaxFrameLength) {
        buffer_.pop_front();  // skip this preamble; resynchronise on the next one
        return Result<Bytes>(protocolError(
            "idcard.sam.bad_length", "frame length " + std::to_string(length) + " does not fit"));
    }
    if (buffer_.size() < kHeader + length) return std::nullopt;
    Bytes afterPreamble(buffer_.begin() + kPreamble.size(), buffer_.begin() + kHeader + length);
    const std::uint8_t received = afterPreamble.back();
    afterPreamble.pop_back();
    if (checksum(afterPreamble) != received) {
        buffer_.pop_front();
        return Result<Bytes>(protocolError("idcard.sam.bad_checksum", "bad checksum in reply"));
    }
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<long>(kHeader + length));
    return Result<Bytes>(Bytes(afterPreamble.begin() + 2, afterPreamble.end()));
}

Result<Response> toResponse(const Bytes& payload) {
    if (payload.size() < 3) {
        return protocolError("idcard.sam.bad_length", "reply too short for a status");
    }
    return Response{payload[0], payload[1], payload[2], Bytes(payload.begin() + 3, payload.end())};
}

}  // namespace lobby::idcard
