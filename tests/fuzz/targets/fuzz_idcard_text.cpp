// Any 256-byte text block: decoding and validation give a card or a typed error, never a crash.
#include <cstddef>
#include <cstdint>

#include "idcard/id_card.h"

using namespace lobby::idcard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto card = decodeText(std::span(data, size));
    if (!card.ok()) {
        if (card.error().message.empty()) __builtin_trap();
        return 0;
    }
    (void)validate(card.value(), Date{2026, 11, 22});
    (void)lobby::hasValidCheckDigit(card->idNumber);
    return 0;
}
