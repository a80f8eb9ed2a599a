#pragma once
// A card reader or scanner as the heartbeat, the maintenance screen and `kioskctl status` name
// it (docs/platform-api.yaml, ReaderState): not configured, answering, or configured but not
// answering (unplugged, its daemon stopped).

#include <string_view>

namespace lobby::devices {

enum class ReaderState { Absent, Ready, Lost };

constexpr std::string_view toString(ReaderState state) {
    switch (state) {
        case ReaderState::Absent:
            return "absent";
        case ReaderState::Ready:
            return "ready";
        case ReaderState::Lost:
            return "lost";
    }
    return "absent";
}

}  // namespace lobby::devices
