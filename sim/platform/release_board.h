#pragma once
// The sandbox platform's releases: the packages admins upload, the rollouts they publish (a
// release manifest signed offline, for one scene type, in stages: see rollouts.h), the assignment
// each polling kiosk gets (signed online with the platform's own Ed25519 key, made in DIR on first
// start), the packages an assigned kiosk may download, and the update events kiosks report, which
// move a rollout on or pause it. Rollouts live in memory (a sandbox restarted starts with none);
// packages and the key stay in DIR. The routes are release_routes.cpp.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "sim/platform/rollouts.h"

namespace lobby::sim {

inline constexpr std::int64_t kMaxUploadedPackageBytes = 512LL * 1024 * 1024;
// An assignment is good this long; a kiosk polls again well before, and a slot held by a kiosk
// not heard from for this long is given back to its hospital.
inline constexpr std::int64_t kAssignmentLifetime_s = 24 * 3600;

struct RolloutRequest {
    std::string sceneType, manifestJson, manifestSignature;
    std::vector<RolloutStage> stages;
    RolloutPolicy policy;
    std::string windowFrom = "00:00", windowTo = "00:00";  // local HH:MM; equal: any time
};

// What a kiosk last reported of a rollout (docs/platform-api.yaml, UpdateEvent).
struct UpdateEventRow {
    std::string rolloutId, phase;
    bool ok = true;
    std::string errorCode, fromVersion, toVersion, logTail;
    std::int64_t phase_ms = 0, outOfService_ms = 0;
    std::int64_t at = 0;  // when it came, seconds since the epoch
};

// A step as the contract shows it, named by the terminal (a rollout's list) or the rollout (the
// fleet view): `nameKey` "terminal_id" or "rollout_id".
nlohmann::json updateStepJson(const UpdateEventRow& event, const char* nameKey,
                              const std::string& name);

struct RolloutView {
    std::string id, sceneType, release, windowFrom, windowTo;
    std::int64_t counter = 0, publishedAt = 0;
    int stage = 0, stageCount = 0;
    bool paused = false;
    std::string pauseReason;
    int installing = 0, committed = 0, rolledBack = 0, abandoned = 0;
    std::map<std::string, UpdateEventRow> terminals;  // each terminal's last event
};

struct ReleaseOffer {
    std::string manifestJson, manifestSignature, assignmentJson, assignmentSignature;
};

class ReleaseBoard {
public:
    // DIR/platform.key and DIR/platform.pem (made if absent), DIR/packages/.
    static Result<std::unique_ptr<ReleaseBoard>> open(const std::filesystem::path& directory);

    // The public key kiosks put in TRUST_DIR/platform/.
    std::filesystem::path publicKey() const { return directory_ / "platform.pem"; }

    // Admins. A package's file name is a plain .deb name; the same bytes again change nothing,
    // other bytes under a name already used are refused ("package_exists").
    Status storePackage(const std::string& file, const std::string& bytes);
    // Refused: "invalid_request" (a manifest that does not parse, stages or a window out of
    // range, a scene type the manifest is not for), "package_missing" (a package not uploaded,
    // or with another size or SHA-256 than the manifest says).
    Result<RolloutView> publish(const RolloutRequest& request, std::int64_t now_s);
    std::vector<RolloutView> rollouts();
    Result<RolloutView> rollout(const std::string& id);
    Result<RolloutView> pause(const std::string& id, const std::string& reason);
    Result<RolloutView> resume(const std::string& id);
    Result<RolloutView> advance(const std::string& id);  // "last_stage" past the last one

    // Terminals. The newest rollout that may assign the terminal now, as a signed offer (its slot
    // in its hospital held until it reports the end, or is not heard from for an assignment's
    // lifetime); nullopt when none.
    Result<std::optional<ReleaseOffer>> offerFor(const FleetTerminal& terminal, std::int64_t now_s);
    // A package of a release assigned to this terminal, or another uploaded version of one of its
    // packages (the last known good a kiosk rolls back to); "not_found" for any other.
    Result<std::filesystem::path> packageFor(const std::string& terminalId,
                                             const std::string& file);
    // "not_found" for a rollout that never assigned this terminal.
    Status recordEvent(const FleetTerminal& terminal, UpdateEventRow event);
    // The terminal's last update event of any rollout (the fleet view's update state).
    std::optional<UpdateEventRow> lastEvent(const std::string& terminalId);

private:
    explicit ReleaseBoard(std::filesystem::path directory) : directory_(std::move(directory)) {}
    struct Entry {
        Rollout rollout;
        RolloutView view;  // what does not change, and the events
        std::vector<std::string> files;
        std::string manifestJson, manifestSignature;  // as the admin gave them
        std::string manifestSha256;
        std::map<std::string, std::int64_t> lastHeard;  // terminal → assigned or last event
    };
    RolloutView viewOf(const Entry& entry) const;
    Entry* find(const std::string& id);

    std::filesystem::path directory_;
    std::mutex mutex_;
    std::vector<Entry> entries_;  // in the order published
};

}  // namespace lobby::sim
