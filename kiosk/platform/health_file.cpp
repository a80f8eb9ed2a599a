#include "platform/health_file.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace lobby::platform {
namespace {

using json = nlohmann::json;

constexpr std::size_t kWordMax = 32;
constexpr std::size_t kTextMax = 300;  // last_error, rejected_scene: one line each
constexpr std::size_t kDevicesMax = 16;
constexpr long kPidMax = 4'194'304;  // Linux's pid_max ceiling
constexpr int kJournalMax = 1'000'000;

json heartbeatJson(const Heartbeat& health) {
    json devices = json::object();
    for (const auto& [device, state] : health.devices)
        devices[device] = state;
    json body = {{"terminal_id", health.terminalId},
                 {"software_version", health.softwareVersion},
                 {"scene_version", health.sceneVersion},
                 {"devices", devices},
                 {"uptime_s", health.uptime_s}};
    if (!health.lastError.empty()) body["last_error"] = health.lastError;
    if (!health.sceneRejected.empty()) body["rejected_scene"] = health.sceneRejected;
    if (!health.packages.empty()) {
        json packages = json::object();
        for (const auto& [name, version] : health.packages)
            packages[name] = version;
        body["packages"] = packages;
    }
    return body;
}

Error bad(const std::string& why) {
    return makeError(ErrorKind::InvalidArgument, "health.bad_file",
                     "the kiosk's health report is not valid: " + why);
}

// No control characters or spaces: a package name or a Debian version.
bool isPrintable(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

bool isWord(const std::string& text) {
    if (text.empty() || text.size() > kWordMax) return false;
    for (const char c : text) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

bool isLine(const std::string& text, std::size_t max) {
    if (text.size() > max) return false;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    return true;
}

std::optional<std::string> lineAt(const json& object, const char* key, std::size_t max) {
    if (!object.contains(key)) return std::string();
    const json& value = object.at(key);
    if (!value.is_string() || !isLine(value.get<std::string>(), max)) return std::nullopt;
    return value.get<std::string>();
}

std::optional<long> numberAt(const json& object, const char* key, long min, long max) {
    if (!object.contains(key) || !object.at(key).is_number_integer()) return std::nullopt;
    const auto value = object.at(key).get<long long>();
    if (value < min || value > max) return std::nullopt;
    return static_cast<long>(value);
}

}  // namespace

std::string heartbeatBody(const Heartbeat& health) {
    return heartbeatJson(health).dump();
}

std::string encodeHealthFile(const HealthSnapshot& snapshot) {
    json file = heartbeatJson(snapshot.heartbeat);
    file["written_at"] = snapshot.writtenAt_s;
    file["pid"] = snapshot.pid;
    file["platform"] = !snapshot.platformReachable   ? "none"
                       : *snapshot.platformReachable ? "reachable"
                                                     : "unreachable";
    if (snapshot.journalUnsettled) file["journal_unsettled"] = *snapshot.journalUnsettled;
    return file.dump(2) + "\n";
}

Result<HealthSnapshot> decodeHealthFile(std::string_view bytes) {
    const json file = json::parse(bytes, nullptr, false);
    if (file.is_discarded() || !file.is_object()) return bad("not a JSON object");
    HealthSnapshot snapshot;
    Heartbeat& health = snapshot.heartbeat;
    auto terminal = lineAt(file, "terminal_id", 64);
    auto software = lineAt(file, "software_version", 64);
    auto lastError = lineAt(file, "last_error", kTextMax);
    auto rejected = lineAt(file, "rejected_scene", kTextMax);
    if (!terminal || !software || !lastError || !rejected) return bad("a text field");
    health.terminalId = *terminal;
    health.softwareVersion = *software;
    health.lastError = *lastError;
    health.sceneRejected = *rejected;
    const auto scene = numberAt(file, "scene_version", 0, 2'000'000'000);
    const auto uptime = numberAt(file, "uptime_s", 0, 100L * 365 * 86400);
    const auto written = numberAt(file, "written_at", 0, 4'102'444'800);  // before 2100
    const auto pid = numberAt(file, "pid", 1, kPidMax);
    if (!scene || !uptime || !written || !pid) return bad("a number out of range");
    health.sceneVersion = static_cast<int>(*scene);
    health.uptime_s = *uptime;
    snapshot.writtenAt_s = *written;
    snapshot.pid = *pid;
    if (!file.contains("devices") || !file.at("devices").is_object() ||
        file.at("devices").size() > kDevicesMax)
        return bad("devices");
    for (const auto& [device, state] : file.at("devices").items()) {
        if (!isWord(device) || !state.is_string() || !isWord(state.get<std::string>()))
            return bad("a device or its state");
        health.devices.emplace_back(device, state.get<std::string>());
    }
    if (file.contains("packages")) {
        const json& packages = file.at("packages");
        if (!packages.is_object() || packages.size() > kDevicesMax) return bad("packages");
        for (const auto& [name, version] : packages.items()) {
            if (name.empty() || name.size() > 64 || !version.is_string() ||
                version.get<std::string>().empty() || version.get<std::string>().size() > 64 ||
                !isPrintable(name) || !isPrintable(version.get<std::string>()))
                return bad("a package or its version");
            health.packages.emplace_back(name, version.get<std::string>());
        }
    }
    const json platform = file.value("platform", json());
    if (platform == "reachable") {
        snapshot.platformReachable = true;
    } else if (platform == "unreachable") {
        snapshot.platformReachable = false;
    } else if (platform != "none") {
        return bad("platform");
    }
    if (file.contains("journal_unsettled")) {
        const auto unsettled = numberAt(file, "journal_unsettled", 0, kJournalMax);
        if (!unsettled) return bad("journal_unsettled");
        snapshot.journalUnsettled = static_cast<int>(*unsettled);
    }
    return snapshot;
}

}  // namespace lobby::platform
