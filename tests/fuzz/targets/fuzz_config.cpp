// Any bytes as kiosk.json: the loader must answer with settings or a typed error, never crash.
#include <cstddef>
#include <cstdint>

#include "config/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto settings = lobby::config::Settings::fromJson(bytes);
    if (settings.ok()) {
        (void)settings->describeForLog();
    } else if (settings.error().message.empty()) {
        __builtin_trap();  // every refusal must say why
    }
    return 0;
}
