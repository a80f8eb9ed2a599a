#pragma once
// What the install machine needs from the world, each behind a small interface so that the whole
// machine runs in a unit test against fakes (a fake clock, dpkg, lease, health and platform) and
// in the updater against the real ones (dpkg, the kiosk's lease, systemd and kioskctl selftest,
// the platform over mutual TLS). Qt-free.

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "update/release_manifest.h"

namespace lobby::update {

// dpkg, in the real root or a scratch one.
class PackageManager {
public:
    virtual ~PackageManager() = default;
    // The installed version of `name`; "" when it is not installed.
    virtual Result<std::string> installedVersion(const std::string& name) = 0;
    // Finishes whatever an interrupted dpkg left (dpkg --configure -a), before anything else.
    virtual Status heal() = 0;
    // Installs the .debs together, non-interactively, keeping changed conffiles.
    virtual Status install(const std::vector<std::string>& debPaths) = 0;
    // Removes packages a release added that the kiosk did not have before it.
    virtual Status remove(const std::vector<std::string>& names) = 0;
    // The package name and version a .deb file declares (its control file).
    struct Identity {
        std::string name, version;
    };
    virtual Result<Identity> inspect(const std::string& debPath) = 0;
};

// Where packages come from: the platform's release store.
class ReleaseSource {
public:
    virtual ~ReleaseSource() = default;
    // Writes the package `name` at `version` to `destination` (a fresh file).
    virtual Status fetch(const std::string& name, const std::string& version,
                         const std::string& destination) = 0;
};

// The running kiosk's permission to take it out of service: granted only while no patient is at
// it, and only until it expires.
class MaintenanceLease {
public:
    virtual ~MaintenanceLease() = default;
    // The lease until `until_ms` (the clock's ms), or "update.lease_refused" (a patient is
    // there) or another error (the kiosk does not answer).
    virtual Status acquire(std::int64_t until_ms) = 0;
    virtual void release() = 0;
};

// The kiosk's health after an install.
struct HealthSample {
    bool unitActive = false;     // systemd: the unit is active (not failed, not restarting)
    bool ready = false;          // it told systemd READY=1
    std::uint32_t restarts = 0;  // systemd's NRestarts for the unit
    bool watchdogOk = true;      // no watchdog timeout since the install
};
class HealthProbe {
public:
    virtual ~HealthProbe() = default;
    // Puts the packages just installed to work: dpkg replaced the files, but the running kiosk is
    // still the old program until its unit restarts (a unit not started yet stays stopped; the
    // health check then finds it inactive). A manual restart is not one of NRestarts.
    virtual Status restartKiosk() = 0;
    virtual HealthSample sample() = 0;
    virtual Status selftest() = 0;         // kioskctl selftest
    virtual Status platformAnswers() = 0;  // the platform's heartbeat answered
};

// One step of an update as the platform hears of it.
enum class UpdatePhase {
    Accepted,
    Downloaded,
    Leased,
    Installed,
    Committed,
    RolledBack,
    Abandoned
};
std::string_view toString(UpdatePhase phase);

struct UpdateEvent {
    std::string rolloutId;
    UpdatePhase phase = UpdatePhase::Accepted;
    bool ok = true;
    std::string errorCode;  // "" when ok
    std::string fromVersion, toVersion;
    std::int64_t phase_ms = 0;         // since the release was accepted
    std::int64_t outOfService_ms = 0;  // the lease's time so far (Installed, Committed, RolledBack)
    std::string logTail;               // a few lines of what failed, no personal data
};

// Sends events, keeping them until the platform is reachable.
class UpdateReporter {
public:
    virtual ~UpdateReporter() = default;
    virtual void report(const UpdateEvent& event) = 0;
};

// Time and disk, as the updater sees them.
class UpdateHost {
public:
    virtual ~UpdateHost() = default;
    virtual std::int64_t now_ms() = 0;   // monotonic enough for durations; wall for expiry
    virtual int localMinuteOfDay() = 0;  // for the install window
    virtual std::uint64_t freeBytes(const std::string& directory) = 0;
};

}  // namespace lobby::update
