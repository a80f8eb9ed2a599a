#include "sim/platform/release_board.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "scene/scene_signature.h"
#include "sim/platform/platform_store.h"
#include "update/package_files.h"
#include "update/release_manifest.h"
#include "update/release_offer.h"

namespace lobby::sim {
namespace {

using json = nlohmann::json;

Error refused(const std::string& code, const std::string& why) {
    return makeError(ErrorKind::InvalidArgument, code, why);
}

InstallOutcome outcomeOfPhase(const std::string& phase) {
    if (phase == "committed") return InstallOutcome::Committed;
    if (phase == "rolled_back") return InstallOutcome::RolledBack;
    if (phase == "abandoned") return InstallOutcome::Abandoned;
    return InstallOutcome::Installing;
}

}  // namespace

json updateStepJson(const UpdateEventRow& event, const char* nameKey, const std::string& name) {
    return {{nameKey, name},
            {"phase", event.phase},
            {"ok", event.ok},
            {"error_code", event.errorCode},
            {"from_version", event.fromVersion},
            {"to_version", event.toVersion},
            {"at", event.at},
            {"phase_ms", event.phase_ms},
            {"out_of_service_ms", event.outOfService_ms}};
}

Result<std::unique_ptr<ReleaseBoard>> ReleaseBoard::open(const std::filesystem::path& directory) {
    std::error_code error;
    std::filesystem::create_directories(directory / "packages", error);
    if (error) {
        return makeError(ErrorKind::Io, "platform.releases",
                         "cannot make " + directory.string() + ": " + error.message());
    }
    if (!std::filesystem::exists(directory / "platform.key")) {
        if (auto made = scene::generateAdminKey((directory / "platform.key").string(),
                                                (directory / "platform.pem").string());
            !made)
            return made.error();
    }
    return std::unique_ptr<ReleaseBoard>(new ReleaseBoard(directory));
}

Status ReleaseBoard::storePackage(const std::string& file, const std::string& bytes) {
    if (!update::isDebFileName(file))
        return refused("invalid_request", "a package's name is a plain NAME_VERSION_ARCH.deb");
    if (bytes.empty() || static_cast<std::int64_t>(bytes.size()) > kMaxUploadedPackageBytes)
        return refused("invalid_request", "a package is 1 byte to 512 MiB");
    std::lock_guard lock(mutex_);
    const auto path = directory_ / "packages" / file;
    if (std::filesystem::exists(path)) {
        auto digest = update::digestFile(path.string());
        if (digest && digest->sha256 == update::sha256Hex(bytes)) return {};
        return makeError(ErrorKind::InvalidArgument, "package_exists",
                         file + " was uploaded before with other bytes");
    }
    const auto part = path.string() + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush())
            return makeError(ErrorKind::Io, "platform.releases", "cannot write " + part);
    }
    std::error_code error;
    std::filesystem::rename(part, path, error);
    if (error) return makeError(ErrorKind::Io, "platform.releases", "cannot store " + file);
    return {};
}

Result<RolloutView> ReleaseBoard::publish(const RolloutRequest& request, std::int64_t now_s) {
    auto manifest = update::parseReleaseManifest(request.manifestJson);
    if (!manifest) return refused("invalid_request", manifest.error().message);
    const auto& types = manifest->sceneTypes;
    if (std::find(types.begin(), types.end(), request.sceneType) == types.end())
        return refused("invalid_request", "release " + manifest->release +
                                              " is not for scene type " + request.sceneType);
    if (request.stages.empty() || request.stages.size() > 10)
        return refused("invalid_request", "a rollout has 1 to 10 stages");
    for (const auto& stage : request.stages) {
        if (stage.canaries.empty() == (stage.percent == 0) || stage.percent < 0 ||
            stage.percent > 100 || stage.canaries.size() > 100)
            return refused("invalid_request",
                           "a stage names 1 to 100 canary terminals or a percentage 1..100");
    }
    const auto& policy = request.policy;
    if (policy.maxConcurrentPerHospital < 1 || policy.maxConcurrentPerHospital > 1000 ||
        !(policy.pauseAtFailureShare > 0 && policy.pauseAtFailureShare <= 1) ||
        policy.minOutcomesBeforePause < 1 || policy.minOutcomesBeforePause > 10'000)
        return refused("invalid_request",
                       "max_concurrent_per_hospital 1..1000, pause_at_failure_share above 0 up "
                       "to 1, min_outcomes_before_pause 1..10000");
    if (update::minuteOfDay(request.windowFrom) < 0 || update::minuteOfDay(request.windowTo) < 0)
        return refused("invalid_request", "the install window is HH:MM to HH:MM");
    std::lock_guard lock(mutex_);
    std::vector<std::string> files;
    for (const auto& package : manifest->packages) {
        const auto path = directory_ / "packages" / package.file;
        auto digest = update::digestFile(path.string());
        if (!digest || digest->size != package.size || digest->sha256 != package.sha256)
            return makeError(ErrorKind::NotFound, "package_missing",
                             package.file + " is not uploaded, or not the one the manifest names");
        files.push_back(package.file);
    }
    auto id = randomId("R-", 6);
    if (!id) return id.error();
    RolloutView view;
    view.id = id.value();
    view.sceneType = request.sceneType;
    view.release = manifest->release;
    view.counter = manifest->counter;
    view.publishedAt = now_s;
    view.windowFrom = request.windowFrom;
    view.windowTo = request.windowTo;
    entries_.push_back(Entry{Rollout(view.id, request.sceneType, request.stages, request.policy),
                             view,
                             files,
                             request.manifestJson,
                             request.manifestSignature,
                             update::sha256Hex(request.manifestJson),
                             {}});
    return viewOf(entries_.back());
}

RolloutView ReleaseBoard::viewOf(const Entry& entry) const {
    RolloutView view = entry.view;
    view.stage = entry.rollout.stage();
    view.stageCount = entry.rollout.stageCount();
    view.paused = entry.rollout.paused();
    view.pauseReason = entry.rollout.pauseReason();
    view.installing = entry.rollout.count(InstallOutcome::Installing);
    view.committed = entry.rollout.count(InstallOutcome::Committed);
    view.rolledBack = entry.rollout.count(InstallOutcome::RolledBack);
    view.abandoned = entry.rollout.count(InstallOutcome::Abandoned);
    return view;
}

ReleaseBoard::Entry* ReleaseBoard::find(const std::string& id) {
    for (auto& entry : entries_) {
        if (entry.view.id == id) return &entry;
    }
    return nullptr;
}

std::vector<RolloutView> ReleaseBoard::rollouts() {
    std::lock_guard lock(mutex_);
    std::vector<RolloutView> views;
    for (const auto& entry : entries_)
        views.push_back(viewOf(entry));
    return views;
}

Result<RolloutView> ReleaseBoard::rollout(const std::string& id) {
    std::lock_guard lock(mutex_);
    const Entry* entry = find(id);
    if (!entry) return makeError(ErrorKind::NotFound, "not_found", "no rollout " + id);
    return viewOf(*entry);
}

Result<RolloutView> ReleaseBoard::pause(const std::string& id, const std::string& reason) {
    std::lock_guard lock(mutex_);
    Entry* entry = find(id);
    if (!entry) return makeError(ErrorKind::NotFound, "not_found", "no rollout " + id);
    entry->rollout.pause(reason.empty() ? "paused by an administrator" : reason);
    return viewOf(*entry);
}

Result<RolloutView> ReleaseBoard::resume(const std::string& id) {
    std::lock_guard lock(mutex_);
    Entry* entry = find(id);
    if (!entry) return makeError(ErrorKind::NotFound, "not_found", "no rollout " + id);
    entry->rollout.resume();
    return viewOf(*entry);
}

Result<RolloutView> ReleaseBoard::advance(const std::string& id) {
    std::lock_guard lock(mutex_);
    Entry* entry = find(id);
    if (!entry) return makeError(ErrorKind::NotFound, "not_found", "no rollout " + id);
    if (!entry->rollout.advance())
        return makeError(ErrorKind::InvalidArgument, "last_stage",
                         "the rollout is at its last stage");
    return viewOf(*entry);
}

Result<std::optional<ReleaseOffer>> ReleaseBoard::offerFor(const FleetTerminal& terminal,
                                                           std::int64_t now_s) {
    std::lock_guard lock(mutex_);
    // Slots held by kiosks gone silent go back to their hospitals first.
    for (auto& entry : entries_) {
        for (auto heard = entry.lastHeard.begin(); heard != entry.lastHeard.end();) {
            if (now_s - heard->second > kAssignmentLifetime_s) {
                entry.rollout.forget(heard->first);
                heard = entry.lastHeard.erase(heard);
            } else {
                ++heard;
            }
        }
    }
    for (auto entry = entries_.rbegin(); entry != entries_.rend(); ++entry) {
        if (!entry->rollout.mayAssign(terminal)) continue;
        const json assignment = {
            {"format", 1},
            {"terminal_id", terminal.terminalId},
            {"rollout_id", entry->view.id},
            {"manifest_sha256", entry->manifestSha256},
            {"window", {{"from", entry->view.windowFrom}, {"to", entry->view.windowTo}}},
            {"issued_at", now_s},
            {"expires_at", now_s + kAssignmentLifetime_s}};
        const std::string bytes = assignment.dump();
        auto signature = scene::signScene(bytes, (directory_ / "platform.key").string());
        if (!signature) return signature.error();
        // A poll is a sign of life: the slot stays this terminal's.
        if (!entry->rollout.outcomeOf(terminal.terminalId))
            entry->rollout.record(terminal, InstallOutcome::Installing);
        entry->lastHeard[terminal.terminalId] = now_s;
        return std::optional<ReleaseOffer>(
            ReleaseOffer{entry->manifestJson, entry->manifestSignature, bytes, signature.value()});
    }
    return std::optional<ReleaseOffer>();
}

Result<std::filesystem::path> ReleaseBoard::packageFor(const std::string& terminalId,
                                                       const std::string& file) {
    std::lock_guard lock(mutex_);
    // The assigned releases' files, and the other uploaded versions of their packages (a kiosk's
    // last known good, NAME_VERSION_ARCH.deb, fetched to roll back to when it has none kept).
    const std::string packageName = file.substr(0, file.find('_'));
    for (const auto& entry : entries_) {
        if (!entry.rollout.outcomeOf(terminalId)) continue;
        if (std::find(entry.files.begin(), entry.files.end(), file) != entry.files.end())
            return directory_ / "packages" / file;
        const bool sibling =
            std::any_of(entry.files.begin(), entry.files.end(),
                        [&](const auto& f) { return f.substr(0, f.find('_')) == packageName; });
        if (sibling && file.find('_') != std::string::npos && update::isDebFileName(file) &&
            std::filesystem::is_regular_file(directory_ / "packages" / file))
            return directory_ / "packages" / file;
    }
    return makeError(ErrorKind::NotFound, "not_found",
                     "no release assigned to this terminal has " + file);
}

Status ReleaseBoard::recordEvent(const FleetTerminal& terminal, UpdateEventRow event) {
    std::lock_guard lock(mutex_);
    Entry* entry = find(event.rolloutId);
    if (!entry || !entry->rollout.outcomeOf(terminal.terminalId))
        return makeError(ErrorKind::NotFound, "not_found",
                         "rollout " + event.rolloutId + " never assigned this terminal");
    const auto outcome = outcomeOfPhase(event.phase);
    // An event late over the network does not undo the end the kiosk reported.
    if (entry->rollout.outcomeOf(terminal.terminalId) == InstallOutcome::Installing) {
        if (outcome != InstallOutcome::Installing) {
            entry->rollout.record(terminal, outcome);
            entry->lastHeard.erase(terminal.terminalId);
        } else {
            entry->lastHeard[terminal.terminalId] = event.at;
        }
    }
    entry->view.terminals[terminal.terminalId] = std::move(event);
    return {};
}

std::optional<UpdateEventRow> ReleaseBoard::lastEvent(const std::string& terminalId) {
    std::lock_guard lock(mutex_);
    std::optional<UpdateEventRow> last;
    for (const auto& entry : entries_) {
        const auto found = entry.view.terminals.find(terminalId);
        if (found != entry.view.terminals.end() && (!last || found->second.at >= last->at))
            last = found->second;
    }
    return last;
}

}  // namespace lobby::sim
