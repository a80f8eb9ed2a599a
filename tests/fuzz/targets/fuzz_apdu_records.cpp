// Any bytes as a card's answers: the APDU layer and the SSSE record parsers give a card or a
// typed error, never crash, and never loop (the T=0 conversation is bounded).
#include <cstddef>
#include <cstdint>

#include "smartcard/ssc_card.h"

using namespace lobby::smartcard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::span<const uint8_t> input(data, size);
    // 1. The input as one response and as one record.
    (void)parseResponse(input);
    if (size > 0) (void)parseRecord(input.subspan(1), data[0]);
    (void)parseBcdDate(input.first(std::min<size_t>(size, 4)));
    (void)decodeGbk(input.first(std::min<size_t>(size, 30)));
    // 2. The input as a whole card: each command consumes the next length-prefixed answer.
    size_t offset = 0;
    int commands = 0;
    const RawTransmit card = [&](std::span<const uint8_t>) -> lobby::Result<Bytes> {
        if (++commands > 1000) __builtin_trap();  // a read must stay bounded
        if (offset >= size) {
            return lobby::makeError(lobby::ErrorKind::NoCard, "fuzz.end", "no more answers");
        }
        const size_t length = std::min<size_t>(data[offset], size - offset - 1);
        Bytes answer(data + offset + 1, data + offset + 1 + length);
        offset += 1 + length;
        return answer;
    };
    auto read = readSscCard(card);
    if (read.ok()) (void)validate(read.value(), lobby::Date{2026, 11, 22});
    return 0;
}
