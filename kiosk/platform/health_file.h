#pragma once
// The running kiosk's health as it writes it for `kioskctl status` and `selftest`
// (`health.report_path`): the heartbeat it sends the platform, plus what only the terminal
// needs (platform reachable, unsettled journal entries, when it was written). The heartbeat's
// JSON is built here once, for the platform and the file alike. No patient data.

#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "platform/platform_types.h"

namespace lobby::platform {

struct HealthSnapshot {
    Heartbeat heartbeat;
    std::optional<bool> platformReachable;  // none: no platform configured
    std::optional<int> journalUnsettled;    // none: no journal, or it could not be read
    long writtenAt_s = 0;                   // seconds since the epoch
    long pid = 0;                           // the kiosk process that wrote it
};

// The heartbeat's request body (docs/platform-api.yaml, TerminalHeartbeat).
std::string heartbeatBody(const Heartbeat& health);

std::string encodeHealthFile(const HealthSnapshot& snapshot);
// Typed "health.bad_file" error for anything but what encodeHealthFile writes (every field
// type- and range-checked, device names and states plain words).
Result<HealthSnapshot> decodeHealthFile(std::string_view bytes);

}  // namespace lobby::platform
