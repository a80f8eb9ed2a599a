// Any bytes from a reader: the frame decoder and the read-reply parser must yield frames or
// typed errors, never crash, never loop, and always make progress on what they were fed.
#include <cstddef>
#include <cstdint>

#include "idcard/sam_protocol.h"
#include "idcard/sam_reader.h"

using namespace lobby::idcard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FrameDecoder decoder;
    // Feed in two pieces to exercise frames split across reads.
    const size_t half = size / 2;
    decoder.feed(std::span(data, half));
    decoder.feed(std::span(data + half, size - half));
    size_t frames = 0;
    while (auto frame = decoder.next()) {
        if (++frames > size + 1) __builtin_trap();  // each result consumes at least one byte
        if (!frame->ok()) continue;
        auto response = toResponse(frame->value());
        if (!response.ok()) continue;
        (void)parseReadData(response->data, false);
        (void)parseReadData(response->data, true);
        (void)statusError(response->sw3);
    }
    if (decoder.buffered() > size) __builtin_trap();
    return 0;
}
