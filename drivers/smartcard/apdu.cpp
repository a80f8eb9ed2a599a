#include "smartcard/apdu.h"

#include <cstdio>

namespace lobby::smartcard {
namespace {
constexpr int kMaxRounds = 32;  // 32 x 256 bytes is far more than any record we read
}

Bytes Apdu::encode() const {
    Bytes out{cla, ins, p1, p2};
    if (!data.empty()) {
        out.push_back(static_cast<std::uint8_t>(data.size()));
        out.insert(out.end(), data.begin(), data.end());
    }
    if (le) out.push_back(static_cast<std::uint8_t>(*le & 0xFF));  // 256 -> 00
    return out;
}

Result<Response> parseResponse(std::span<const std::uint8_t> raw) {
    if (raw.size() < 2) {
        return makeError(ErrorKind::Protocol, "smartcard.short_response",
                         "the card's answer has no status word");
    }
    const std::size_t dataLength = raw.size() - 2;
    return Response{Bytes(raw.begin(), raw.begin() + static_cast<long>(dataLength)),
                    static_cast<std::uint16_t>((raw[dataLength] << 8) | raw[dataLength + 1])};
}

std::optional<Error> statusError(std::uint16_t sw) {
    struct Known {
        std::uint16_t sw;
        ErrorKind kind;
        const char* code;
        const char* message;
    };
    static constexpr Known kKnown[] = {
        {0x6983, ErrorKind::CardInvalid, "smartcard.blocked", "the card is blocked"},
        {0x6A82, ErrorKind::NotFound, "smartcard.file_not_found",
         "the card has no such file (not a social-security card?)"},
        {0x6A83, ErrorKind::NotFound, "smartcard.record_not_found", "the card has no such record"},
        {0x6982, ErrorKind::CardInvalid, "smartcard.security", "the card refused access"},
        {0x6A81, ErrorKind::Device, "smartcard.not_supported", "the card does not support this"},
        {0x6A86, ErrorKind::Protocol, "smartcard.wrong_p1p2", "the card rejected the parameters"},
        {0x6B00, ErrorKind::Protocol, "smartcard.wrong_p1p2", "the card rejected the parameters"},
        {0x6700, ErrorKind::Protocol, "smartcard.wrong_length", "the card rejected the length"},
        {0x6D00, ErrorKind::Protocol, "smartcard.bad_instruction",
         "the card does not know the instruction"},
        {0x6E00, ErrorKind::Protocol, "smartcard.bad_class", "the card does not know the class"},
        {0x6581, ErrorKind::Device, "smartcard.memory_failure", "the card's memory failed"},
    };
    if (sw == 0x9000) return std::nullopt;
    for (const auto& known : kKnown) {
        if (known.sw == sw) return makeError(known.kind, known.code, known.message);
    }
    char message[48];
    std::snprintf(message, sizeof message, "the card answered status %04X", sw);
    return makeError(ErrorKind::Device, "smartcard.status", message);
}

Result<Response> transmitApdu(const RawTransmit& transmit, const Apdu& apdu) {
    Apdu current = apdu;
    Bytes collected;
    for (int round = 0; round < kMaxRounds; ++round) {
        auto raw = transmit(current.encode());
        if (!raw) return raw.error();
        auto response = parseResponse(raw.value());
        if (!response) return response.error();
        collected.insert(collected.end(), response->data.begin(), response->data.end());
        if (response->sw1() == 0x61) {
            // More data waiting: fetch it (SW2 = how much; 00 means 256).
            const std::uint16_t available = response->sw2() == 0 ? 256 : response->sw2();
            current = Apdu{apdu.cla, 0xC0, 0x00, 0x00, {}, available};
            continue;
        }
        if (response->sw1() == 0x6C) {
            // Wrong Le: the card says how many bytes it has; ask again for exactly that.
            collected.clear();
            current = apdu;
            current.le = response->sw2() == 0 ? 256 : response->sw2();
            continue;
        }
        return Response{std::move(collected), response->sw};
    }
    return makeError(ErrorKind::Protocol, "smartcard.endless_response",
                     "the card kept asking to be asked again");
}

}  // namespace lobby::smartcard
