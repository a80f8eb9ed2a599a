#include "update/install_record.h"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

#include "update/debian_version.h"
#include "update/release_manifest.h"
#include "update/strict_json.h"

namespace lobby::update {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<InstallStep, std::string_view>, 6> kSteps{{
    {InstallStep::Accepted, "accepted"},
    {InstallStep::Downloaded, "downloaded"},
    {InstallStep::Leased, "leased"},
    {InstallStep::Installing, "installing"},
    {InstallStep::HealthCheck, "health_check"},
    {InstallStep::RollingBack, "rolling_back"},
}};

Error corrupt(const std::string& why) {
    return makeError(ErrorKind::InvalidConfig, "update.record_corrupt", why);
}

// A string that may be empty; anything else (a number, a list) is read as "\x01", never valid.
std::string optionalString(const json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string()) return "\x01";
    return found->get<std::string>();
}

json packagesJson(const std::vector<StagedPackage>& packages) {
    json list = json::array();
    for (const auto& package : packages) {
        list.push_back({{"name", package.name},
                        {"version", package.version},
                        {"file", package.file},
                        {"sha256", package.sha256},
                        {"size", package.size}});
    }
    return list;
}

Result<std::vector<StagedPackage>> packagesFrom(const json& root, const char* key) {
    const auto list = root.find(key);
    if (list == root.end() || !list->is_array() || list->empty() || list->size() > 16)
        return corrupt(std::string(key) + " must list 1 to 16 packages");
    std::vector<StagedPackage> packages;
    for (const auto& entry : *list) {
        if (auto keys = onlyKeys(entry, {"name", "version", "file", "sha256", "size"}, key); !keys)
            return keys.error();
        auto name = requiredString(entry, "name", key, 64);
        auto file = requiredString(entry, "file", key, 128);
        auto size = requiredInteger(entry, "size", 0, kMaxPackageBytes, key);
        if (!name || !file || !size) return corrupt(std::string(key) + " holds a bad package");
        const auto version = optionalString(entry, "version");
        const auto sha = optionalString(entry, "sha256");
        if ((!version.empty() && !isDebianVersion(version)) || (!sha.empty() && !isSha256Hex(sha)))
            return corrupt(std::string(key) + " holds a bad version or hash");
        if (file->find('/') != std::string::npos || file->front() == '.')
            return corrupt(std::string(key) + " names a file outside its directory");
        packages.push_back({*name, version, *file, sha, *size});
    }
    return packages;
}

}  // namespace

std::string_view toString(InstallStep step) {
    for (const auto& [value, name] : kSteps) {
        if (value == step) return name;
    }
    return "unknown";
}

std::string InstallRecord::fromVersion() const {
    return from.empty() ? std::string() : from.front().version;
}
std::string InstallRecord::toVersion() const {
    return to.empty() ? std::string() : to.front().version;
}

std::string encodeRecord(const InstallRecord& record) {
    return json{{"format", 1},
                {"step", toString(record.step)},
                {"rollout_id", record.rolloutId},
                {"manifest_sha256", record.manifestSha256},
                {"release", record.release},
                {"counter", record.counter},
                {"to", packagesJson(record.to)},
                {"from", packagesJson(record.from)},
                {"window_from_min", record.windowFrom_min},
                {"window_to_min", record.windowTo_min},
                {"expires_at_ms", record.expiresAt_ms},
                {"accepted_at_ms", record.acceptedAt_ms},
                {"step_since_ms", record.stepSince_ms},
                {"leased_at_ms", record.leasedAt_ms},
                {"restarts_baseline", record.restartsBaseline},
                {"resumes", record.resumes},
                {"attempts", record.attempts},
                {"failure", record.failure}}
        .dump(1);
}

Result<InstallRecord> decodeRecord(std::string_view bytes) {
    auto document = parseObject(bytes, "update.record_corrupt", "the install record");
    if (!document) return document.error();
    const json& root = *document;
    if (auto keys = onlyKeys(
            root,
            {"format", "step", "rollout_id", "manifest_sha256", "release", "counter", "to", "from",
             "window_from_min", "window_to_min", "expires_at_ms", "accepted_at_ms", "step_since_ms",
             "leased_at_ms", "restarts_baseline", "resumes", "attempts", "failure"},
            "the install record");
        !keys)
        return keys.error();
    if (auto format = requiredInteger(root, "format", 1, 1, "the install record"); !format)
        return format.error();
    InstallRecord record;
    const auto stepName = optionalString(root, "step");
    bool known = false;
    for (const auto& [value, name] : kSteps) {
        if (name == stepName) {
            record.step = value;
            known = true;
        }
    }
    if (!known) return corrupt("unknown step");
    const std::string where = "the install record";
    auto rollout = requiredString(root, "rollout_id", where, 64);
    auto sha = requiredString(root, "manifest_sha256", where, 64);
    auto release = requiredString(root, "release", where, 128);
    if (!rollout || !sha || !release || !isSha256Hex(*sha))
        return corrupt("the record's rollout, manifest or release is bad");
    record.rolloutId = *rollout;
    record.manifestSha256 = *sha;
    record.release = *release;
    constexpr std::int64_t kMax = kMaxCounter;
    struct Field {
        const char* key;
        std::int64_t low, high;
        std::int64_t* into;
    };
    std::int64_t windowFrom = 0, windowTo = 0, baseline = 0, resumes = 0, attempts = 0;
    for (const Field& field :
         {Field{"counter", 1, kMax, &record.counter},
          Field{"window_from_min", 0, 1439, &windowFrom},
          Field{"window_to_min", 0, 1439, &windowTo},
          Field{"expires_at_ms", 0, kMax, &record.expiresAt_ms},
          Field{"accepted_at_ms", 0, kMax, &record.acceptedAt_ms},
          Field{"step_since_ms", 0, kMax, &record.stepSince_ms},
          Field{"leased_at_ms", 0, kMax, &record.leasedAt_ms},
          Field{"restarts_baseline", 0, 1'000'000'000, &baseline},
          Field{"resumes", 0, 1000, &resumes}, Field{"attempts", 0, 1'000'000, &attempts}}) {
        auto value = requiredInteger(root, field.key, field.low, field.high, where);
        if (!value) return value.error();
        *field.into = *value;
    }
    record.windowFrom_min = static_cast<int>(windowFrom);
    record.windowTo_min = static_cast<int>(windowTo);
    record.restartsBaseline = static_cast<std::uint32_t>(baseline);
    record.resumes = static_cast<int>(resumes);
    record.attempts = static_cast<int>(attempts);
    auto to = packagesFrom(root, "to");
    auto from = packagesFrom(root, "from");
    if (!to) return to.error();
    if (!from) return from.error();
    record.to = std::move(to.value());
    record.from = std::move(from.value());
    const auto failure = root.find("failure");
    if (failure == root.end() || !failure->is_string() || failure->get<std::string>().size() > 64)
        return corrupt("failure must be a short string");
    record.failure = failure->get<std::string>();
    return record;
}

std::string encodeState(const UpdaterState& state) {
    return json{{"format", 1},
                {"counter_floor", state.counterFloor},
                {"failed_manifests", state.failedManifests}}
        .dump(1);
}

Result<UpdaterState> decodeState(std::string_view bytes) {
    auto document = parseObject(bytes, "update.state_corrupt", "the updater state");
    if (!document) return document.error();
    const json& root = *document;
    if (auto keys =
            onlyKeys(root, {"format", "counter_floor", "failed_manifests"}, "the updater state");
        !keys)
        return keys.error();
    if (auto format = requiredInteger(root, "format", 1, 1, "the updater state"); !format)
        return format.error();
    UpdaterState state;
    auto floor = requiredInteger(root, "counter_floor", 0, kMaxCounter, "the updater state");
    if (!floor) return floor.error();
    state.counterFloor = *floor;
    const auto failed = root.find("failed_manifests");
    if (failed == root.end() || !failed->is_array() || failed->size() > 1000)
        return makeError(ErrorKind::InvalidConfig, "update.state_corrupt",
                         "failed_manifests must be a list");
    for (const auto& sha : *failed) {
        if (!sha.is_string() || !isSha256Hex(sha.get<std::string>()))
            return makeError(ErrorKind::InvalidConfig, "update.state_corrupt",
                             "failed_manifests holds something that is not a hash");
        state.failedManifests.insert(sha.get<std::string>());
    }
    return state;
}

}  // namespace lobby::update
