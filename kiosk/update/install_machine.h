#pragma once
// The updater's install machine: one release from accepted to committed or rolled back, every step
// persisted before its effects so that a restart at any point (a crash, a power loss, a kill)
// resumes it and it ends committed or rolled back, never half. The steps:
//
//   accepted → downloaded → leased → installing → health_check → committed
//        ↘ abandoned (nothing installed)      ↘ rolling_back → rolled back
//
// Downloads go to STATE_DIR/staging and are verified (size, sha256, the .deb's own name and
// version); the packages installed now are kept in STATE_DIR/keep as the last known good, fetched
// again when not kept. The kiosk is taken out of service only under its maintenance lease, inside
// the assignment's window and before it expires. After installing, the kiosk must be active, READY
// and without restarts or watchdog timeouts for the health window, then pass selftest and reach
// the platform; only then is the release committed (its counter becomes the floor). Anything else
// (and an updater restarted mid-install, or more than twice mid-health-check) rolls back to the
// kept packages, and that release is never taken again here. Qt-free.

#include <cstdint>
#include <optional>
#include <string>

#include "common/error.h"
#include "update/install_record.h"
#include "update/release_offer.h"
#include "update/update_ports.h"

namespace lobby::update {

struct UpdatePolicy {
    std::int64_t healthWindow_ms = 120'000;  // watched after the install before committing
    std::int64_t readyWithin_ms = 60'000;    // the kiosk must be active and READY by then
    std::int64_t sampleEvery_ms = 2'000;
    std::int64_t installBudget_ms = 600'000;  // with the health window: the lease asked for
    std::int64_t leaseRetry_ms = 30'000;      // a patient at the kiosk: ask again later
    std::int64_t windowRetry_ms = 60'000;     // outside the install window
    std::int64_t downloadRetry_ms = 60'000;
    std::int64_t rollbackRetry_ms = 60'000;
    int maxDownloadAttempts = 5;
    int maxResumes = 2;  // updater restarts during one health check before it rolls back
    std::uint64_t spaceMargin_bytes = 64ULL * 1024 * 1024;
};

struct UpdatePorts {
    PackageManager& packages;
    ReleaseSource& source;
    MaintenanceLease& lease;
    HealthProbe& health;
    UpdateReporter& reporter;
    UpdateHost& host;
};

class InstallMachine {
public:
    InstallMachine(std::string stateDirectory, UpdatePorts ports, UpdatePolicy policy = {});

    // Reads the persisted record and state; a record found is an install this updater was in the
    // middle of when it stopped, resumed from its step (see the header's comment).
    Status open();

    bool busy() const { return record_.has_value(); }
    const std::optional<InstallRecord>& record() const { return record_; }
    const UpdaterState& state() const { return state_; }

    // Starts installing a checked release; refused ("update.busy") while one is under way.
    Status accept(const VerifiedRelease& release);

    struct Next {
        bool idle = false;         // nothing under way
        std::int64_t wait_ms = 0;  // step again after this long
    };
    // Takes the next step of the install under way.
    Next step();

    std::string stagingDirectory() const;
    std::string keepDirectory() const;

private:
    Next download();
    Next takeLease();
    Next install();
    Next watchHealth();
    Next rollBack();
    Next commit();
    Next abandon(const Error& why);
    Next startRollback(const std::string& failure, const std::string& logTail);

    Status persist();
    Status persistState();
    void finish();  // the lease released, the record removed
    // Removes staged files no install needs and kept packages that are not what is installed.
    void tidy();
    void report(UpdatePhase phase, bool ok, const std::string& errorCode = {},
                const std::string& logTail = {});
    std::string keptPath(const StagedPackage& package) const;
    std::string stagedPath(const StagedPackage& package) const;

    std::string directory_;
    UpdatePorts ports_;
    UpdatePolicy policy_;
    std::optional<InstallRecord> record_;
    UpdaterState state_;
    bool leaseHeld_ = false;
};

}  // namespace lobby::update
