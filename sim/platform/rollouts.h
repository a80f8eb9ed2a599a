#pragma once
// Staged rollouts of a release to the kiosks of one scene type, as the platform decides them:
// stages of named canary kiosks, then percentages of the rest. A kiosk's bucket (0..9999) is a
// hash of the rollout id and its terminal id, so raising the percentage only adds kiosks, and
// each rollout draws its own sample. At most `maxConcurrentPerHospital` kiosks of one hospital
// install at once (one lobby never goes dark whole); when the share of installs rolled back
// reaches the threshold (after a minimum number of outcomes since the last resume) the rollout
// pauses itself until an admin resumes it. The sandbox's routes and `kioskctl fleet release` sit on
// this. Pure logic.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lobby::sim {

inline constexpr int kBuckets = 10'000;

// The bucket of a terminal in a rollout: the first four bytes of SHA-256("rollout/terminal").
int rolloutBucket(const std::string& rolloutId, const std::string& terminalId);

struct RolloutStage {
    std::vector<std::string> canaries;  // named terminals; or, when empty:
    int percent = 0;                    // 1..100 of the scene type's kiosks
};

struct RolloutPolicy {
    int maxConcurrentPerHospital = 1;
    double pauseAtFailureShare = 0.2;  // rolled back / finished
    int minOutcomesBeforePause = 3;
};

// Abandoned: the kiosk gave the release up before installing (it did not verify there, no room);
// it frees the hospital's slot and is not offered again, but is no rollback of the release.
enum class InstallOutcome { Installing, Committed, RolledBack, Abandoned };

struct FleetTerminal {
    std::string terminalId, hospitalId, sceneType;
};

class Rollout {
public:
    Rollout(std::string id, std::string sceneType, std::vector<RolloutStage> stages,
            RolloutPolicy policy = {});

    const std::string& id() const { return id_; }
    int stage() const { return stage_; }
    int stageCount() const { return static_cast<int>(stages_.size()); }
    bool paused() const { return paused_; }
    const std::string& pauseReason() const { return pauseReason_; }

    // Whether the terminal is in the rollout at its current stage (whether or not it may start).
    bool includes(const FleetTerminal& terminal) const;
    // Whether the terminal may be assigned the release now: included, not paused, not finished
    // already, and its hospital below the concurrency limit.
    bool mayAssign(const FleetTerminal& terminal) const;

    // What a kiosk reported: Installing when it took the lease, then Committed or RolledBack.
    void record(const FleetTerminal& terminal, InstallOutcome outcome);
    // A terminal assigned but not heard from: its hospital's slot is free again, and it may be
    // assigned anew.
    void forget(const std::string& terminalId);
    int count(InstallOutcome outcome) const;
    std::optional<InstallOutcome> outcomeOf(const std::string& terminalId) const;

    // Admins: the next stage (refused past the last), pause, resume.
    bool advance();
    void pause(const std::string& reason);
    void resume();

private:
    std::string id_, sceneType_;
    std::vector<RolloutStage> stages_;
    RolloutPolicy policy_;
    int stage_ = 0;
    bool paused_ = false;
    std::string pauseReason_;
    int failedAtResume_ = 0, finishedAtResume_ = 0;
    std::map<std::string, InstallOutcome> outcomes_;  // by terminal
    std::map<std::string, std::string> hospitalOf_;   // terminal → hospital
};

}  // namespace lobby::sim
