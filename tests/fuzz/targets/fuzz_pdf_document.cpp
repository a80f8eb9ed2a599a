// Any bytes the platform might send as a report or an e-invoice: checkPdf gives a document with
// pages or a typed error with a message, never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "printer/pdf_document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto document = lobby::printer::checkPdf(std::vector<std::uint8_t>(data, data + size), 1 << 20);
    if (document.ok()) {
        if (document->pages < 1 || document->pages > lobby::printer::kMaxPdfPages) __builtin_trap();
    } else if (document.error().message.empty()) {
        __builtin_trap();
    }
    return 0;
}
