// The install machine with real dpkg in a scratch root (dpkg --root): .debs built here with
// dpkg-deb, version N installed by hand, then N → N+1 committed with the kiosk's changed conffile
// kept, a broken N+2 (its kiosk restarts over and over, and it adds a package) rolled back to
// N+1 with the added package removed, a dpkg killed in the middle of a postinst healed and
// rolled back, and the updater killed before each of its dpkg calls in turn ending committed or
// rolled back. The lease, the reporter and the clock are the unit tests' fakes; the health probe
// reads what the installed package says of itself.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <tuple>

#include "fake_update_ports.h"
#include "scratch_debs.h"
#include "update/dpkg_package_manager.h"
#include "update/install_machine.h"
#include "update_fixtures.h"

namespace lobby::update {
namespace {

using namespace testing;

// dpkg, with a call count the kill test stops at.
class CountedDpkg : public PackageManager {
public:
    CountedDpkg(CallCounter& counter, DpkgOptions options) : counter_(counter), dpkg_(options) {}
    Result<std::string> installedVersion(const std::string& name) override {
        counter_.tick();
        return dpkg_.installedVersion(name);
    }
    Status heal() override {
        counter_.tick();
        return dpkg_.heal();
    }
    Status install(const std::vector<std::string>& paths) override {
        counter_.tick();
        return dpkg_.install(paths);
    }
    Status remove(const std::vector<std::string>& names) override {
        counter_.tick();
        return dpkg_.remove(names);
    }
    Result<Identity> inspect(const std::string& path) override { return dpkg_.inspect(path); }

private:
    CallCounter& counter_;
    DpkgPackageManager dpkg_;
};

class DpkgRig : public ::testing::Test {
protected:
    DpkgRig()
        : work_(scratchDirectory("dpkg")),
          root_(work_ + "/root"),
          pool_(work_ + "/pool"),
          source_(pool_),
          lease_(counter_),
          reporter_(counter_) {
        fs::create_directories(pool_);
        for (const auto& [name, version, health] :
             {std::tuple{"lobby-kiosk", "1.0.0", "ok"}, std::tuple{"lobby-kiosk", "1.1.0", "ok"},
              std::tuple{"lobby-kiosk", "1.2.0", "crash"},
              std::tuple{"lobby-kiosk-voice", "1.2.0", "ok"}}) {
            auto built = buildDeb(work_, pool_, {name, version, health, "", 0});
            EXPECT_TRUE(built) << built.error().message;
        }
        // Its postinst kills the dpkg running it, once: dpkg is left with it half-configured.
        ScratchDeb killer{"lobby-kiosk", "1.1.1", "ok", "", 0};
        killer.postinst =
            "if [ ! -e \"$DPKG_ROOT/killed-once\" ]; then touch \"$DPKG_ROOT/killed-once\"; "
            "kill -9 $PPID; sleep 5; fi";
        EXPECT_TRUE(buildDeb(work_, pool_, killer));
        freshRoot();
    }
    ~DpkgRig() override { fs::remove_all(work_); }

    void freshRoot() {
        ASSERT_TRUE(makeScratchRoot(root_));
        DpkgPackageManager dpkg(options());
        ASSERT_TRUE(dpkg.install({pool_ + "/lobby-kiosk_1.0.0.deb"}));  // by hand, as today
        // The hospital's own settings, changed after installing: an update must keep them.
        std::ofstream(root_ + "/etc/lobby-kiosk/kiosk.json") << "{\"hospital\": \"local\"}\n";
    }

    DpkgOptions options() const { return {root_, true, false}; }

    std::unique_ptr<InstallMachine> openMachine(PackageManager& packages) {
        ports_ = std::make_unique<UpdatePorts>(
            UpdatePorts{packages, source_, lease_, health_, reporter_, host_});
        auto machine =
            std::make_unique<InstallMachine>(work_ + "/updater", *ports_, UpdatePolicy{});
        auto opened = machine->open();
        EXPECT_TRUE(opened) << (opened ? "" : opened.error().message);
        return machine;
    }

    VerifiedRelease release(const std::string& version, std::int64_t counter,
                            std::vector<std::string> names = {"lobby-kiosk"}) {
        nlohmann::json packages = nlohmann::json::array();
        for (const auto& name : names) {
            const std::string file = name + "_" + version + ".deb";
            auto digest = runProgram({"sha256sum", pool_ + "/" + file});
            packages.push_back({{"name", name},
                                {"version", version},
                                {"file", file},
                                {"sha256", digest->out.substr(0, 64)},
                                {"size", fs::file_size(pool_ + "/" + file)}});
        }
        auto json = manifestJson(version, counter);
        json["packages"] = packages;
        return verifiedRelease(json, host_.clock_ms / 1000 + 86400);
    }

    void drive(InstallMachine& machine) {
        for (int i = 0; i < 10'000; ++i) {
            const auto next = machine.step();
            if (next.idle) return;
            host_.clock_ms += std::max<std::int64_t>(next.wait_ms, 1);
        }
        FAIL() << "the machine never went idle";
    }

    std::string installed(const std::string& name) {
        DpkgPackageManager dpkg(options());
        auto version = dpkg.installedVersion(name);
        return version ? *version : "error: " + version.error().message;
    }
    std::string conffile() const { return readText(root_ + "/etc/lobby-kiosk/kiosk.json"); }
    bool dpkgAuditClean() {
        auto audit = runProgram({"dpkg", "--root=" + root_, "--audit"});
        return audit && audit->status == 0 && audit->out.empty();
    }

    std::string work_, root_, pool_;
    CallCounter counter_;
    FolderSource source_;
    FakeLease lease_;
    InstalledHealth health_{root_};
    FakeReporter reporter_;
    FakeHost host_;
    std::unique_ptr<UpdatePorts> ports_;
};

TEST_F(DpkgRig, NThenNPlusOneThenABrokenNPlusTwoRolledBack) {
    CountedDpkg dpkg(counter_, options());
    auto machine = openMachine(dpkg);
    ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
    drive(*machine);
    EXPECT_EQ(reporter_.events.back().phase, UpdatePhase::Committed);
    EXPECT_EQ(installed("lobby-kiosk"), "1.1.0");
    EXPECT_EQ(conffile(), "{\"hospital\": \"local\"}");  // --force-confold kept it
    EXPECT_TRUE(fs::exists(root_ + "/etc/lobby-kiosk/kiosk.json.dpkg-dist"));

    ASSERT_TRUE(machine->accept(release("1.2.0", 3, {"lobby-kiosk", "lobby-kiosk-voice"})));
    drive(*machine);
    const auto& last = reporter_.events.back();
    EXPECT_EQ(last.phase, UpdatePhase::RolledBack);
    EXPECT_EQ(last.errorCode, "update.kiosk_restarted");
    EXPECT_EQ(installed("lobby-kiosk"), "1.1.0");
    EXPECT_EQ(installed("lobby-kiosk-voice"), "");  // the package the release added is gone
    EXPECT_EQ(readText(root_ + "/opt/lobby-kiosk/health"), "ok");
    EXPECT_EQ(conffile(), "{\"hospital\": \"local\"}");
    EXPECT_TRUE(dpkgAuditClean());
    EXPECT_EQ(machine->state().counterFloor, 2);
    EXPECT_TRUE(fs::exists(machine->keepDirectory() + "/lobby-kiosk_1.1.0.deb"));
}

TEST_F(DpkgRig, ADpkgKilledMidInstallIsHealedAndRolledBack) {
    CountedDpkg dpkg(counter_, options());
    auto machine = openMachine(dpkg);
    ASSERT_TRUE(machine->accept(release("1.1.1", 2)));
    drive(*machine);
    ASSERT_TRUE(fs::exists(root_ + "/killed-once"));  // dpkg really was killed
    EXPECT_EQ(reporter_.events.back().phase, UpdatePhase::RolledBack);
    bool sawKill = false;
    for (const auto& event : reporter_.events)
        sawKill = sawKill || event.logTail.find("killed by signal 9") != std::string::npos;
    EXPECT_TRUE(sawKill);
    EXPECT_EQ(installed("lobby-kiosk"), "1.0.0");
    EXPECT_TRUE(dpkgAuditClean());
}

TEST_F(DpkgRig, AnUpdaterKilledBeforeEachDpkgCallEndsCommittedOrRolledBack) {
    int total = 0;
    {
        CountedDpkg dpkg(counter_, options());
        auto machine = openMachine(dpkg);
        ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
        drive(*machine);
        total = counter_.calls;
    }
    ASSERT_GT(total, 4);
    int committed = 0, rolledBack = 0;
    for (int killAt = 1; killAt <= total; ++killAt) {
        freshRoot();
        fs::remove_all(work_ + "/updater");
        reporter_.events.clear();
        counter_.calls = 0;
        counter_.killAt = killAt;
        CountedDpkg dpkg(counter_, options());
        try {
            auto machine = openMachine(dpkg);
            (void)machine->accept(release("1.1.0", 2));
            drive(*machine);
        } catch (const Killed&) {
        }
        counter_.killAt = -1;
        auto machine = openMachine(dpkg);
        if (!machine->busy() && !reporter_.saw(UpdatePhase::Committed) &&
            !reporter_.saw(UpdatePhase::RolledBack)) {
            ASSERT_TRUE(machine->accept(release("1.1.0", 2)));
        }
        drive(*machine);
        const auto version = installed("lobby-kiosk");
        EXPECT_TRUE(version == "1.1.0" || version == "1.0.0") << "kill at " << killAt;
        (version == "1.1.0" ? committed : rolledBack) += 1;
        EXPECT_TRUE(dpkgAuditClean()) << "kill at " << killAt;
        EXPECT_FALSE(lease_.held) << "kill at " << killAt;
        EXPECT_EQ(conffile(), "{\"hospital\": \"local\"}") << "kill at " << killAt;
    }
    std::printf("real dpkg, killed before each of %d calls: %d committed, %d rolled back\n", total,
                committed, rolledBack);
    EXPECT_EQ(committed + rolledBack, total);
    EXPECT_GT(rolledBack, 0);
}

TEST_F(DpkgRig, ShutdownIsHeldOffWhileDpkgInstalls) {
    // A stand-in systemd-inhibit first on PATH: it notes how it was asked, then runs the command.
    const std::string bin = work_ + "/bin";
    fs::create_directories(bin);
    std::ofstream(bin + "/systemd-inhibit")
        << "#!/bin/sh\necho \"$@\" >>\"" << work_ << "/inhibited\"\n"
        << "while [ \"${1#--}\" != \"$1\" ]; do shift; done\nexec \"$@\"\n";
    fs::permissions(bin + "/systemd-inhibit", fs::perms(0755));
    const std::string path = ::getenv("PATH") ? ::getenv("PATH") : "/usr/bin:/bin";
    ::setenv("PATH", (bin + ":" + path).c_str(), 1);
    DpkgPackageManager dpkg({root_, true, true});
    const auto installed = dpkg.install({pool_ + "/lobby-kiosk_1.1.0.deb"});
    ::setenv("PATH", path.c_str(), 1);
    ASSERT_TRUE(installed) << installed.error().message;
    EXPECT_EQ(this->installed("lobby-kiosk"), "1.1.0");
    const std::string asked = readText(work_ + "/inhibited");
    EXPECT_NE(asked.find("--what=shutdown:sleep"), std::string::npos) << asked;
    EXPECT_NE(asked.find("--mode=block dpkg --root=" + root_), std::string::npos) << asked;
    EXPECT_NE(asked.find("--install"), std::string::npos) << asked;
    // Without the option, dpkg runs bare.
    fs::remove(work_ + "/inhibited");
    ASSERT_TRUE(DpkgPackageManager(options()).install({pool_ + "/lobby-kiosk_1.1.0.deb"}));
    EXPECT_FALSE(fs::exists(work_ + "/inhibited"));
}

}  // namespace
}  // namespace lobby::update
