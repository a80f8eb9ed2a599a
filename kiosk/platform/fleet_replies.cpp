#include "platform/fleet_replies.h"

#include <algorithm>

#include "platform/call_helpers.h"
#include "platform/reply_decoding.h"

namespace lobby::platform::replies {
namespace {

using namespace decoding;

constexpr std::size_t kMaxTerminals = 10'000;
constexpr std::size_t kMaxDevices = 16;

Result<FleetHeartbeat> heartbeatOf(const json& object) {
    FleetHeartbeat heartbeat;
    auto software = field<std::string>(object, "software_version");
    auto scene = field<long long>(object, "scene_version");
    auto uptime = field<long long>(object, "uptime_s");
    if (!software) return software.error();
    if (!scene) return scene.error();
    if (!uptime) return uptime.error();
    if (*scene < 0 || *uptime < 0) return badReply("has a negative scene version or uptime");
    heartbeat.softwareVersion = plainText(*software, 64);
    heartbeat.sceneVersion = *scene;
    heartbeat.uptime_s = *uptime;
    const auto devices = object.find("devices");
    if (devices == object.end() || !devices->is_object() || devices->size() > kMaxDevices)
        return badReply("has no devices object");
    for (const auto& [name, state] : devices->items()) {
        if (!state.is_string()) return badReply("has a device state that is not text");
        heartbeat.devices[plainText(name, 32)] = plainText(state.get<std::string>(), 32);
    }
    if (const auto packages = object.find("packages"); packages != object.end()) {
        if (!packages->is_object() || packages->size() > kMaxDevices)
            return badReply("has a packages field that is not a short object");
        for (const auto& [name, version] : packages->items()) {
            if (!version.is_string()) return badReply("has a package version that is not text");
            heartbeat.packages[plainText(name, 64)] = plainText(version.get<std::string>(), 64);
        }
    }
    for (const auto& [key, into] : {std::pair{"last_error", &heartbeat.lastError},
                                    std::pair{"rejected_scene", &heartbeat.rejectedScene}}) {
        if (!object.contains(key)) continue;
        auto text = field<std::string>(object, key);
        if (!text) return text.error();
        *into = plainText(*text, 200);
    }
    return heartbeat;
}

}  // namespace

Result<std::vector<FleetTerminal>> fleet(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    const auto terminals = parsed->find("terminals");
    if (!parsed->is_object() || terminals == parsed->end() || !terminals->is_array() ||
        terminals->size() > kMaxTerminals)
        return badReply("has no terminals list");
    std::vector<FleetTerminal> fleet;
    for (const auto& entry : *terminals) {
        auto id = field<std::string>(entry, "terminal_id");
        if (!id) return id.error();
        if (id->empty() || id->size() > 64 || !isPathSafe(*id))
            return badReply("has a terminal id that is not one");
        FleetTerminal terminal;
        terminal.terminalId = *id;
        const auto at = entry.find("heartbeat_at");
        const auto heartbeat = entry.find("heartbeat");
        if (at == entry.end() || heartbeat == entry.end())
            return badReply("lacks heartbeat_at or heartbeat");
        if (!at->is_null()) {
            auto seconds = field<std::int64_t>(entry, "heartbeat_at");
            if (!seconds || *seconds < 0) return badReply("has a bad heartbeat_at");
            terminal.heartbeatAt = *seconds;
        }
        if (!heartbeat->is_null()) {
            auto decoded = heartbeatOf(*heartbeat);
            if (!decoded) return decoded.error();
            terminal.heartbeat = std::move(decoded.value());
        }
        if (const auto update = entry.find("update"); update != entry.end() && !update->is_null()) {
            auto step = updateStep(*update, false);
            if (!step) return step.error();
            terminal.update = std::move(step.value());
        }
        if (terminal.heartbeatAt.has_value() != terminal.heartbeat.has_value())
            return badReply("has a heartbeat without its time, or a time without it");
        fleet.push_back(std::move(terminal));
    }
    return fleet;
}

}  // namespace lobby::platform::replies
