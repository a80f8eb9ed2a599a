// Any bytes as a scene config from the platform: parseScene must answer with a scene or a typed
// error that says why, never crash; what it accepts must satisfy the schema's promises.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scene/scene.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto scene = lobby::scene::parseScene(bytes);
    if (!scene) {
        if (scene.error().message.empty() || scene.error().code.rfind("scene.", 0) != 0)
            __builtin_trap();
        return 0;
    }
    if (scene->version < 1 || scene->functions.empty() || scene->paymentMethods.empty() ||
        lobby::scene::contrastAgainstWhite(scene->primaryColor) < 4.5 ||
        scene->opensAt_min >= scene->closesAt_min ||
        scene->timeouts.idle_s <= scene->timeouts.countdown_s)
        __builtin_trap();
    return 0;
}
