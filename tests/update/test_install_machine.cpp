// The install machine against fakes: a healthy release is committed, a broken one rolled back to
// the kept packages, nothing happens with a patient at the kiosk or outside the window, a full
// disk or a bad download installs nothing, and an updater killed at any of its calls ends
// committed or rolled back when it starts again, never half.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "fake_update_ports.h"
#include "update/install_machine.h"
#include "update_fixtures.h"

namespace lobby::update {
namespace {

using namespace testing;

constexpr std::int64_t kWindow_ms = 120'000;

class MachineRig : public ::testing::Test {
protected:
    MachineRig()
        : dir_(scratchDirectory("machine")),
          dpkg_(counter_),
          source_(counter_),
          lease_(counter_),
          health_(counter_, dpkg_),
          reporter_(counter_) {
        dpkg_.installed["lobby-kiosk"] = "1.0.0";
        for (const char* version : {"1.0.0", "1.1.0", "1.2.0"})
            source_.files[{"lobby-kiosk", version}] = fakeDeb("lobby-kiosk", version);
    }
    ~MachineRig() override { std::filesystem::remove_all(dir_); }

    UpdatePorts ports() { return {dpkg_, source_, lease_, health_, reporter_, host_}; }

    std::unique_ptr<InstallMachine> openMachine() {
        auto machine = std::make_unique<InstallMachine>(dir_ + "/updater", ports(), policy_);
        auto opened = machine->open();
        EXPECT_TRUE(opened) << (opened ? "" : opened.error().message);
        return machine;
    }

    VerifiedRelease release(const std::string& version, std::int64_t counter) {
        auto json = manifestJson(version, counter);
        const auto deb = fakeDeb("lobby-kiosk", version);
        json["packages"][0]["sha256"] = sha256Hex(deb);
        json["packages"][0]["size"] = deb.size();
        return verifiedRelease(json, host_.clock_ms / 1000 + 86400);
    }

    // Steps until the machine is idle, moving the clock by each wait.
    void drive(InstallMachine& machine, int maxSteps = 10'000) {
        for (int i = 0; i < maxSteps; ++i) {
            const auto next = machine.step();
            if (next.idle) return;
            host_.clock_ms += std::max<std::int64_t>(next.wait_ms, 1);
        }
        FAIL() << "the machine never went idle";
    }

    bool recordOnDisk() const { return std::filesystem::exists(dir_ + "/updater/record.json"); }
    const UpdateEvent& last() const { return reporter_.events.back(); }

    std::string dir_;
    CallCounter counter_;
    FakeDpkg dpkg_;
    FakeSource source_;
    FakeLease lease_;
    FakeHealth health_;
    FakeReporter reporter_;
    FakeHost host_;
    UpdatePolicy policy_;
};

TEST_F(MachineRig, AHealthyReleaseIsCommittedAfterItsHealthWindow) {
    auto machine = openMachine();
    const auto next = release("1.1.0", 2);
    ASSERT_TRUE(machine->accept(next));
    EXPECT_EQ(machine->accept(next).error().code, "update.busy");
    drive(*machine);
    EXPECT_EQ(dpkg_.installed["lobby-kiosk"], "1.1.0");
    // The health window watched the new kiosk, restarted once dpkg had put its files in place.
    EXPECT_EQ(health_.restartedWith, std::vector<std::string>{"1.1.0"});
    EXPECT_EQ(machine->state().counterFloor, 2);
    EXPECT_FALSE(lease_.held);
    EXPECT_FALSE(recordOnDisk());
    ASSERT_EQ(reporter_.events.size(), 5u);
    EXPECT_EQ(reporter_.events[0].phase, UpdatePhase::Accepted);
    EXPECT_EQ(reporter_.events[3].phase, UpdatePhase::Installed);
    EXPECT_EQ(last().phase, UpdatePhase::Committed);
    EXPECT_TRUE(last().ok);
    EXPECT_EQ(last().fromVersion, "1.0.0");
    EXPECT_EQ(last().toVersion, "1.1.0");
    EXPECT_GE(last().outOfService_ms, kWindow_ms);  // out of service for the health window
    // The committed packages are the new last known good; the old ones are gone.
    EXPECT_TRUE(std::filesystem::exists(machine->keepDirectory() + "/lobby-kiosk_1.1.0.deb"));
    EXPECT_FALSE(std::filesystem::exists(machine->keepDirectory() + "/lobby-kiosk_1.0.0.deb"));
    EXPECT_TRUE(std::filesystem::is_empty(machine->stagingDirectory()));
}

// N → N+1 → a broken N+2 that restarts over and over: rolled back to N+1, never offered again.
TEST_F(MachineRig, ABrokenReleaseIsRolledBackToTheLastKnownGood) {
    health_.crashingVersions = {"1.2.0"};
    auto machine = openMachine();
    ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
    drive(*machine);
    ASSERT_EQ(dpkg_.installed["lobby-kiosk"], "1.1.0");
    const int fetchesBefore = source_.fetches;
    const auto broken = release("1.2.0", 3);
    ASSERT_TRUE(machine->accept(broken));
    drive(*machine);
    EXPECT_EQ(source_.fetches, fetchesBefore + 1);  // 1.1.0 was kept, not fetched again
    EXPECT_EQ(dpkg_.installed["lobby-kiosk"], "1.1.0");
    // Started with the broken packages, then with the ones put back.
    EXPECT_EQ(health_.restartedWith, (std::vector<std::string>{"1.1.0", "1.2.0", "1.1.0"}));
    EXPECT_EQ(machine->state().counterFloor, 2);
    EXPECT_EQ(machine->state().failedManifests.count(broken.manifestSha256), 1u);
    EXPECT_EQ(last().phase, UpdatePhase::RolledBack);
    EXPECT_EQ(last().errorCode, "update.kiosk_restarted");
    EXPECT_LT(last().outOfService_ms, kWindow_ms);  // caught at the first restart, not the end
    EXPECT_FALSE(lease_.held);
    EXPECT_FALSE(recordOnDisk());
    EXPECT_TRUE(std::filesystem::exists(machine->keepDirectory() + "/lobby-kiosk_1.1.0.deb"));
}

// The updater restarts the kiosk with the new packages, and the new kiosk knows nothing of the
// lease: the updater asks again as soon as it answers, so no patient starts during the window.
TEST_F(MachineRig, TheLeaseIsAskedForAgainWhenTheKioskRestartsWithTheNewPackages) {
    auto machine = openMachine();
    ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
    while (!machine->record() || machine->record()->step != InstallStep::HealthCheck) {
        const auto next = machine->step();
        ASSERT_FALSE(next.idle);
        host_.clock_ms += next.wait_ms;
    }
    lease_.held = false;  // the kiosk restarted
    const auto next = machine->step();
    EXPECT_FALSE(next.idle);
    EXPECT_TRUE(lease_.held);
    drive(*machine);
    EXPECT_EQ(last().phase, UpdatePhase::Committed);
    EXPECT_FALSE(lease_.held);
}

TEST_F(MachineRig, AFailedInstallIsHealedAndRolledBack) {
    dpkg_.failingVersions = {"1.1.0"};
    auto machine = openMachine();
    ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
    drive(*machine);
    EXPECT_EQ(dpkg_.installed["lobby-kiosk"], "1.0.0");
    EXPECT_TRUE(dpkg_.halfConfigured.empty());
    EXPECT_EQ(last().phase, UpdatePhase::RolledBack);
    EXPECT_EQ(last().errorCode, "update.install_failed");
    EXPECT_EQ(machine->state().counterFloor, 0);
}

TEST_F(MachineRig, ASelftestFailingAtTheEndRollsBack) {
    health_.selftestFailing = {"1.1.0"};
    auto machine = openMachine();
    ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
    drive(*machine);
    EXPECT_EQ(dpkg_.installed["lobby-kiosk"], "1.0.0");
    EXPECT_EQ(last().errorCode, "update.selftest_failed");
    EXPECT_GE(last().outOfService_ms, kWindow_ms);
}

TEST_F(MachineRig, NothingIsInstalledWhileAPatientIsAtTheKiosk) {
    lease_.patientPresent = true;
    auto machine = openMachine();
    ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
    for (int i = 0; i < 20; ++i) {
        const auto next = machine->step();
        ASSERT_FALSE(next.idle);
        host_.clock_ms += next.wait_ms;
    }
    EXPECT_GE(lease_.refusals, 18);
    EXPECT_EQ(dpkg_.installs, 0);
    EXPECT_EQ(machine->record()->step, InstallStep::Downloaded);
    lease_.patientPresent = false;  // the patient left
    drive(*machine);
    EXPECT_EQ(dpkg_.installed["lobby-kiosk"], "1.1.0");
    EXPECT_EQ(last().phase, UpdatePhase::Committed);
}

TEST_F(MachineRig, ItWaitsForTheInstallWindowAndGivesUpWhenTheAssignmentExpires) {
    host_.minuteOfDay = 12 * 60;
    auto machine = openMachine();
    auto next = release("1.1.0", 2);
    next.assignment.window = {60, 5 * 60};  // 01:00-05:00
    next.assignment.expiresAt_s = host_.clock_ms / 1000 + 3600;
    ASSERT_TRUE(machine->accept(next));
    drive(*machine);
    EXPECT_EQ(lease_.refusals, 0);
    EXPECT_FALSE(lease_.held);
    EXPECT_EQ(dpkg_.installs, 0);
    EXPECT_EQ(last().phase, UpdatePhase::Abandoned);
    EXPECT_EQ(last().errorCode, "update.assignment_expired");
    EXPECT_TRUE(std::filesystem::is_empty(machine->stagingDirectory()));
}

TEST_F(MachineRig, AFullDiskInstallsNothing) {
    host_.free = 10 * 1024 * 1024;
    auto machine = openMachine();
    ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
    drive(*machine);
    EXPECT_EQ(source_.fetches, 0);
    EXPECT_EQ(dpkg_.installs, 0);
    EXPECT_EQ(last().errorCode, "update.disk_full");
    EXPECT_FALSE(recordOnDisk());
}

TEST_F(MachineRig, ADownloadNotTheSignedFileInstallsNothing) {
    source_.files[{"lobby-kiosk", "1.1.0"}] = fakeDeb("lobby-kiosk", "1.1.0") + "tampered";
    auto machine = openMachine();
    ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
    drive(*machine);
    EXPECT_EQ(dpkg_.installs, 0);
    EXPECT_EQ(last().errorCode, "update.package_hash_mismatch");
    EXPECT_TRUE(std::filesystem::is_empty(machine->stagingDirectory()));
}

TEST_F(MachineRig, DroppedDownloadsAreRetriedAndThenGivenUp) {
    source_.failuresLeft = 2;
    auto machine = openMachine();
    ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
    drive(*machine);
    EXPECT_EQ(last().phase, UpdatePhase::Committed);
    source_.failuresLeft = 100;
    ASSERT_TRUE(machine->accept(release("1.2.0", 3)));
    drive(*machine);
    EXPECT_EQ(last().phase, UpdatePhase::Abandoned);
    EXPECT_EQ(last().errorCode, "platform.unreachable");
    EXPECT_EQ(dpkg_.installed["lobby-kiosk"], "1.1.0");
}

TEST_F(MachineRig, AnUpdaterRestartedTooOftenInTheHealthCheckRollsBack) {
    {
        auto machine = openMachine();
        ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
        while (!machine->record() || machine->record()->step != InstallStep::HealthCheck) {
            const auto next = machine->step();
            ASSERT_FALSE(next.idle);
            host_.clock_ms += next.wait_ms;
        }
    }
    for (int restart = 0; restart < policy_.maxResumes; ++restart) {
        auto machine = openMachine();
        EXPECT_EQ(machine->record()->step, InstallStep::HealthCheck);
    }
    auto machine = openMachine();
    EXPECT_EQ(machine->record()->step, InstallStep::RollingBack);
    drive(*machine);
    EXPECT_EQ(dpkg_.installed["lobby-kiosk"], "1.0.0");
    EXPECT_EQ(last().errorCode, "update.interrupted");
}

TEST_F(MachineRig, ACorruptOrPlantedRecordIsATypedError) {
    { auto machine = openMachine(); }
    std::ofstream(dir_ + "/updater/record.json") << "{\"step\": \"installing\"";
    InstallMachine corrupt(dir_ + "/updater", ports(), policy_);
    EXPECT_EQ(corrupt.open().error().code, "update.record_corrupt");
    std::filesystem::remove(dir_ + "/updater/record.json");
    std::ofstream(dir_ + "/elsewhere.json") << "{}";
    std::filesystem::create_symlink(dir_ + "/elsewhere.json", dir_ + "/updater/record.json");
    InstallMachine planted(dir_ + "/updater", ports(), policy_);
    EXPECT_FALSE(planted.open());
}

// The updater killed at each of its calls to the world in turn (dpkg, the store, the lease, the
// health probe), then started again: every run ends committed or rolled back, never half.

class KilledUpdater : public MachineRig {
public:
    struct Outcome {
        int committed = 0, rolledBack = 0, calls = 0;
    };
    Outcome killEverywhere(bool broken) {
        if (broken) health_.crashingVersions = {"1.1.0"};
        // A clean run counts the calls there are to kill at.
        int total = 0;
        {
            auto machine = openMachine();
            const int before = counter_.calls;
            EXPECT_TRUE(machine->accept(release("1.1.0", 2)));
            drive(*machine);
            total = counter_.calls - before;
        }
        Outcome outcome;
        outcome.calls = total;
        for (int killAt = 1; killAt <= total; ++killAt) {
            std::filesystem::remove_all(dir_ + "/updater");
            dpkg_.installed = {{"lobby-kiosk", "1.0.0"}};
            dpkg_.halfConfigured.clear();
            reporter_.events.clear();
            lease_.held = false;
            counter_.calls = 0;
            counter_.killAt = killAt;
            bool accepted = false;
            try {
                auto machine = openMachine();
                accepted = static_cast<bool>(machine->accept(release("1.1.0", 2)));
                drive(*machine);
            } catch (const Killed&) {
            }
            counter_.killAt = -1;
            auto machine = openMachine();
            const bool ended =
                reporter_.saw(UpdatePhase::Committed) || reporter_.saw(UpdatePhase::RolledBack);
            if (!machine->busy() && !ended) {
                // Killed before the install was on disk: the platform's next poll offers it again.
                EXPECT_FALSE(accepted) << "kill at call " << killAt;
                EXPECT_TRUE(machine->accept(release("1.1.0", 2)));
            }
            drive(*machine);
            const auto version = dpkg_.installed["lobby-kiosk"];
            EXPECT_TRUE(dpkg_.halfConfigured.empty()) << "kill at call " << killAt;
            EXPECT_FALSE(lease_.held) << "kill at call " << killAt;
            EXPECT_FALSE(recordOnDisk()) << "kill at call " << killAt;
            // What is kept to roll back to next time is what is installed now, and only that.
            const auto kept = machine->keepDirectory();
            EXPECT_TRUE(std::filesystem::exists(kept + "/lobby-kiosk_" + version + ".deb"))
                << "kill at call " << killAt;
            EXPECT_EQ(std::distance(std::filesystem::directory_iterator(kept),
                                    std::filesystem::directory_iterator()),
                      1)
                << "kill at call " << killAt;
            EXPECT_TRUE(std::filesystem::is_empty(machine->stagingDirectory()))
                << "kill at call " << killAt;
            if (version == "1.1.0") {
                ++outcome.committed;
                EXPECT_FALSE(broken) << "kill at call " << killAt;
                EXPECT_EQ(machine->state().counterFloor, 2) << "kill at call " << killAt;
                EXPECT_EQ(last().phase, UpdatePhase::Committed) << "kill at call " << killAt;
            } else {
                ++outcome.rolledBack;
                EXPECT_EQ(version, "1.0.0") << "kill at call " << killAt;
                EXPECT_EQ(machine->state().counterFloor, 0) << "kill at call " << killAt;
                EXPECT_EQ(last().phase, UpdatePhase::RolledBack) << "kill at call " << killAt;
            }
        }
        return outcome;
    }
};

TEST_F(KilledUpdater, AHealthyReleaseEndsCommittedOrRolledBackWhereverItIsKilled) {
    const auto outcome = killEverywhere(false);
    std::printf("killed at each of %d calls: %d committed, %d rolled back\n", outcome.calls,
                outcome.committed, outcome.rolledBack);
    EXPECT_GT(outcome.calls, 10);
    EXPECT_EQ(outcome.committed + outcome.rolledBack, outcome.calls);
    EXPECT_GT(outcome.committed, 0);   // killed before dpkg ran: it goes on
    EXPECT_GT(outcome.rolledBack, 0);  // killed while dpkg ran: only the kept packages are known
}

TEST_F(KilledUpdater, ABrokenReleaseEndsRolledBackWhereverItIsKilled) {
    const auto outcome = killEverywhere(true);
    EXPECT_GT(outcome.calls, 10);
    EXPECT_EQ(outcome.rolledBack, outcome.calls);
}

}  // namespace
}  // namespace lobby::update
