// Any bytes as the running kiosk's health report (a file kioskctl reads as root, which anyone
// who can write there may have planted): decoding gives a snapshot or a typed
// "health.bad_file" error, never a crash; what it decodes encodes and decodes to the same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "platform/health_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace lobby::platform;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    auto decoded = decodeHealthFile(bytes);
    if (!decoded) {
        if (decoded.error().code != "health.bad_file" || decoded.error().message.empty())
            __builtin_trap();
        return 0;
    }
    const std::string again = encodeHealthFile(decoded.value());
    auto redecoded = decodeHealthFile(again);
    if (!redecoded || encodeHealthFile(redecoded.value()) != again) __builtin_trap();
    return 0;
}
