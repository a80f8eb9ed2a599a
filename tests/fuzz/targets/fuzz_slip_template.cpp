// Any bytes as a slip template (a hospital can override them): a template or a typed error,
// and a parsed template always renders or fails cleanly.
#include <cstddef>
#include <cstdint>

#include "config/slip_templates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto slip = lobby::config::parseSlipTemplate(bytes);
    if (!slip.ok()) {
        if (slip.error().message.empty()) __builtin_trap();
        return 0;
    }
    const lobby::printer::SlipFields fields = {{"hospital", "H"}, {"patient_name", "张三丰"}};
    (void)lobby::printer::renderSlip(slip.value(), fields, lobby::printer::PaperWidth::Mm58);
    return 0;
}
