#pragma once
// The updater's persisted state. The install record says where an install stands, written
// atomically before each step's effects, so an updater restarted after a crash, a power loss or a
// kill resumes from the step it was in; the updater state says what holds across installs (the
// highest release counter installed, the releases rolled back here). Both are read without
// following links, size-capped and strictly. Qt-free.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/error.h"

namespace lobby::update {

enum class InstallStep {
    Accepted,     // checked; packages to fetch
    Downloaded,   // the release's and the last known good packages staged and verified
    Leased,       // the kiosk is out of service for us
    Installing,   // dpkg was started: interrupted here, only a rollback is safe
    HealthCheck,  // installed; watching the kiosk before committing
    RollingBack,  // putting the last known good packages back
};
std::string_view toString(InstallStep step);

struct StagedPackage {
    std::string name;
    std::string version;  // "" in `from`: not installed before the release
    std::string file;     // the .deb's file name (in the staging or the keep directory)
    std::string sha256;   // "" when not known (a last known good package fetched again)
    std::int64_t size = 0;
};

struct InstallRecord {
    InstallStep step = InstallStep::Accepted;
    std::string rolloutId, manifestSha256, release;
    std::int64_t counter = 0;
    std::vector<StagedPackage> to, from;
    int windowFrom_min = 0, windowTo_min = 0;
    std::int64_t expiresAt_ms = 0;
    std::int64_t acceptedAt_ms = 0, stepSince_ms = 0, leasedAt_ms = 0;
    std::uint32_t restartsBaseline = 0;
    int resumes = 0;      // times the updater started again in this record's step
    int attempts = 0;     // failed tries of the current step (downloads, rollbacks)
    std::string failure;  // the error code that started the rollback

    std::string fromVersion() const;  // the main package's, for reports
    std::string toVersion() const;
};

std::string encodeRecord(const InstallRecord& record);
Result<InstallRecord> decodeRecord(std::string_view bytes);

struct UpdaterState {
    std::int64_t counterFloor = 0;
    std::set<std::string> failedManifests;
};
std::string encodeState(const UpdaterState& state);
Result<UpdaterState> decodeState(std::string_view bytes);

}  // namespace lobby::update
