#pragma once
// Releases as the platform's replies carry them (docs/platform-api.yaml, tag releases), decoded as
// strictly as the rest: the admins' rollouts with each terminal's last update step, and the offer
// a terminal polls for (the manifest and assignment stay the exact bytes that were signed; the
// updater verifies them, update/release_offer.h). Text for a technician's terminal is kept
// without control characters.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"

namespace lobby::platform {

enum class UpdateStepPhase {
    Accepted,
    Downloaded,
    Leased,
    Installed,
    Committed,
    RolledBack,
    Abandoned
};
inline constexpr std::pair<UpdateStepPhase, std::string_view> kUpdateStepPhases[] = {
    {UpdateStepPhase::Accepted, "accepted"},   {UpdateStepPhase::Downloaded, "downloaded"},
    {UpdateStepPhase::Leased, "leased"},       {UpdateStepPhase::Installed, "installed"},
    {UpdateStepPhase::Committed, "committed"}, {UpdateStepPhase::RolledBack, "rolled_back"},
    {UpdateStepPhase::Abandoned, "abandoned"},
};
std::string_view toString(UpdateStepPhase phase);

// A terminal's last reported step of an update.
struct TerminalUpdateStep {
    std::string terminalId;  // empty in the fleet view (the row names it)
    std::string rolloutId;   // empty in a rollout's own list
    UpdateStepPhase phase = UpdateStepPhase::Accepted;
    bool ok = true;
    std::string errorCode, fromVersion, toVersion;
    std::int64_t at = 0;  // seconds since the epoch
    // From the release's acceptance to this step, and out of service (the lease) by then; 0 when
    // the platform does not say.
    std::int64_t phase_ms = 0, outOfService_ms = 0;
};

struct RolloutStatus {
    std::string id, sceneType, release, windowFrom, windowTo;
    std::int64_t counter = 0, publishedAt = 0;
    int stage = 0, stageCount = 0;
    bool paused = false;
    std::string pauseReason;
    int installing = 0, committed = 0, rolledBack = 0, abandoned = 0;
    std::vector<TerminalUpdateStep> terminals;
};

struct ReleaseOfferReply {
    std::string manifestJson, manifestSignature, assignmentJson, assignmentSignature;
};

namespace replies {
Result<RolloutStatus> rollout(const std::string& body);
Result<std::vector<RolloutStatus>> rollouts(const std::string& body);
Result<ReleaseOfferReply> releaseOffer(const std::string& body);
}  // namespace replies

}  // namespace lobby::platform
