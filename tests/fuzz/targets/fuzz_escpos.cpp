// Any bytes a printer might receive or answer: the ESC/POS decoder and the DLE EOT status
// decoder give a result or a typed error, never a crash or an endless loop.
#include <cstddef>
#include <cstdint>

#include "printer/escpos.h"
#include "sim/printer/escpos_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto slip = lobby::sim::decodeEscPos(std::span(data, size));
    if (slip.ok()) {
        (void)slip->text();
        (void)slip->lines();
    } else if (slip.error().message.empty()) {
        __builtin_trap();
    }
    if (size >= 3) (void)lobby::printer::decodeStatus(data[0], data[1], data[2]);
    return 0;
}
