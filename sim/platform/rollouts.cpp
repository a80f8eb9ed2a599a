#include "sim/platform/rollouts.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>

namespace lobby::sim {

int rolloutBucket(const std::string& rolloutId, const std::string& terminalId) {
    const std::string input = rolloutId + "/" + terminalId;
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &size, EVP_sha256(), nullptr);
    const std::uint32_t word = (std::uint32_t{digest[0]} << 24) | (std::uint32_t{digest[1]} << 16) |
                               (std::uint32_t{digest[2]} << 8) | std::uint32_t{digest[3]};
    return static_cast<int>(word % kBuckets);
}

Rollout::Rollout(std::string id, std::string sceneType, std::vector<RolloutStage> stages,
                 RolloutPolicy policy)
    : id_(std::move(id)),
      sceneType_(std::move(sceneType)),
      stages_(std::move(stages)),
      policy_(policy) {}

bool Rollout::includes(const FleetTerminal& terminal) const {
    if (terminal.sceneType != sceneType_) return false;
    int percent = 0;
    for (int i = 0; i <= stage_ && i < stageCount(); ++i) {
        const auto& canaries = stages_[static_cast<std::size_t>(i)].canaries;
        if (std::find(canaries.begin(), canaries.end(), terminal.terminalId) != canaries.end())
            return true;
        percent = std::max(percent, stages_[static_cast<std::size_t>(i)].percent);
    }
    return rolloutBucket(id_, terminal.terminalId) < percent * (kBuckets / 100);
}

bool Rollout::mayAssign(const FleetTerminal& terminal) const {
    if (paused_ || !includes(terminal)) return false;
    if (const auto found = outcomes_.find(terminal.terminalId); found != outcomes_.end())
        return found->second == InstallOutcome::Installing;  // the same assignment again
    int installing = 0;
    for (const auto& [id, outcome] : outcomes_) {
        if (outcome == InstallOutcome::Installing && hospitalOf_.at(id) == terminal.hospitalId)
            ++installing;
    }
    return installing < policy_.maxConcurrentPerHospital;
}

void Rollout::record(const FleetTerminal& terminal, InstallOutcome outcome) {
    outcomes_[terminal.terminalId] = outcome;
    hospitalOf_[terminal.terminalId] = terminal.hospitalId;
    // Counted since the last resume: an admin who resumes has judged what came before.
    const int failed = count(InstallOutcome::RolledBack) - failedAtResume_;
    const int finished =
        count(InstallOutcome::RolledBack) + count(InstallOutcome::Committed) - finishedAtResume_;
    if (!paused_ && finished >= policy_.minOutcomesBeforePause &&
        static_cast<double>(failed) >= policy_.pauseAtFailureShare * finished) {
        pause("paused by itself: " + std::to_string(failed) + " of " + std::to_string(finished) +
              " installs rolled back");
    }
}

void Rollout::forget(const std::string& terminalId) {
    if (const auto found = outcomes_.find(terminalId);
        found != outcomes_.end() && found->second == InstallOutcome::Installing)
        outcomes_.erase(found);
}

std::optional<InstallOutcome> Rollout::outcomeOf(const std::string& terminalId) const {
    const auto found = outcomes_.find(terminalId);
    if (found == outcomes_.end()) return std::nullopt;
    return found->second;
}

int Rollout::count(InstallOutcome outcome) const {
    return static_cast<int>(
        std::count_if(outcomes_.begin(), outcomes_.end(),
                      [&](const auto& entry) { return entry.second == outcome; }));
}

bool Rollout::advance() {
    if (stage_ + 1 >= stageCount()) return false;
    ++stage_;
    return true;
}

void Rollout::pause(const std::string& reason) {
    paused_ = true;
    pauseReason_ = reason;
}

void Rollout::resume() {
    paused_ = false;
    pauseReason_.clear();
    failedAtResume_ = count(InstallOutcome::RolledBack);
    finishedAtResume_ = failedAtResume_ + count(InstallOutcome::Committed);
}

}  // namespace lobby::sim
