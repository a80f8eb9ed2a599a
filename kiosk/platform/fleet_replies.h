#pragma once
// The admins' fleet view (GET /v1/fleet/{group}/terminals) decoded as strictly as the rest
// (replies.h): each terminal with its last heartbeat, or none yet. Text from the reply is kept
// without control characters, for a technician's terminal.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "platform/release_replies.h"

namespace lobby::platform {

struct FleetHeartbeat {
    std::string softwareVersion;
    long long sceneVersion = 0;
    std::map<std::string, std::string> devices;  // "printer" → "paper_out", ...
    std::string lastError, rejectedScene;
    long long uptime_s = 0;
    std::map<std::string, std::string> packages;  // installed: name → version
};

struct FleetTerminal {
    std::string terminalId;
    std::optional<std::int64_t> heartbeatAt;  // seconds since the epoch; none before the first
    std::optional<FleetHeartbeat> heartbeat;
    std::optional<TerminalUpdateStep> update;  // its last update step, of any rollout
};

namespace replies {
Result<std::vector<FleetTerminal>> fleet(const std::string& body);
}  // namespace replies

}  // namespace lobby::platform
