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

#include "fake_update_ports.h"
#include "update/dpkg_package_manager.h"
#include "update/install_machine.h"
#include "update_fixtures.h"

namespace lobby::update {
namespace {

using namespace testing;
namespace fs = std::filesystem;

std::string readText(const std::string& path) {
    std::ifstream file(path);
    std::string text;
    std::getline(file, text);
    return text;
}

// Builds `name`_`version`.deb into `out` with dpkg-deb: /opt/lobby-kiosk/health says "ok" or
// "crash"; lobby-kiosk carries the conffile /etc/lobby-kiosk/kiosk.json.
std::string buildDeb(const std::string& work, const std::string& out, const std::string& name,
                     const std::string& version, const std::string& health,
                     const std::string& postinst = {}) {
    const std::string tree = work + "/tree-" + name + "-" + version;
    fs::remove_all(tree);
    fs::create_directories(tree + "/DEBIAN");
    fs::create_directories(tree + "/opt/" + name);
    std::ofstream(tree + "/DEBIAN/control")
        << "Package: " << name << "\nVersion: " << version
        << "\nArchitecture: all\nMaintainer: Lobby Kiosk tests <tests@lobby.invalid>\n"
           "Description: updater test package\n";
    std::ofstream(tree + "/opt/" + name + "/health") << health << "\n";
    std::ofstream(tree + "/opt/" + name + "/version") << version << "\n";
    if (name == "lobby-kiosk") {
        fs::create_directories(tree + "/etc/lobby-kiosk");
        std::ofstream(tree + "/etc/lobby-kiosk/kiosk.json")
            << "{\"shipped\": \"" << version << "\"}\n";
        std::ofstream(tree + "/DEBIAN/conffiles") << "/etc/lobby-kiosk/kiosk.json\n";
    }
    if (!postinst.empty()) {
        std::ofstream(tree + "/DEBIAN/postinst") << "#!/bin/sh\n" << postinst << "\n";
        fs::permissions(tree + "/DEBIAN/postinst", fs::perms(0755));
    }
    const std::string deb = out + "/" + name + "_" + version + ".deb";
    auto built = runProgram({"dpkg-deb", "--root-owner-group", "--build", tree, deb});
    EXPECT_TRUE(built && built->status == 0) << (built ? built->err : built.error().message);
    return deb;
}

// The platform's release store, as a folder of .debs.
class FolderSource : public ReleaseSource {
public:
    explicit FolderSource(std::string folder) : folder_(std::move(folder)) {}
    Status fetch(const std::string& name, const std::string& version,
                 const std::string& destination) override {
        std::error_code error;
        fs::copy_file(folder_ + "/" + name + "_" + version + ".deb", destination, error);
        if (error) return makeError(ErrorKind::NotFound, "platform.not_found", error.message());
        return {};
    }

private:
    std::string folder_;
};

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

// Healthy while the installed kiosk's own health file says "ok"; a "crash" one restarts.
class InstalledHealth : public HealthProbe {
public:
    explicit InstalledHealth(std::string root) : root_(std::move(root)) {}
    HealthSample sample() override {
        if (readText(root_ + "/opt/lobby-kiosk/health") == "ok")
            return {true, true, restarts_, true};
        return {false, false, ++restarts_, true};
    }
    Status selftest() override { return {}; }
    Status platformAnswers() override { return {}; }

private:
    std::string root_;
    std::uint32_t restarts_ = 0;
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
        buildDeb(work_, pool_, "lobby-kiosk", "1.0.0", "ok");
        buildDeb(work_, pool_, "lobby-kiosk", "1.1.0", "ok");
        buildDeb(work_, pool_, "lobby-kiosk", "1.2.0", "crash");
        buildDeb(work_, pool_, "lobby-kiosk-voice", "1.2.0", "ok");
        // Its postinst kills the dpkg running it, once: dpkg is left with it half-configured.
        buildDeb(work_, pool_, "lobby-kiosk", "1.1.1", "ok",
                 "if [ ! -e \"$DPKG_ROOT/killed-once\" ]; then touch \"$DPKG_ROOT/killed-once\"; "
                 "kill -9 $PPID; sleep 5; fi");
        freshRoot();
    }
    ~DpkgRig() override { fs::remove_all(work_); }

    void freshRoot() {
        fs::remove_all(root_);
        for (const char* folder : {"info", "updates", "triggers"})
            fs::create_directories(root_ + "/var/lib/dpkg/" + folder);
        std::ofstream(root_ + "/var/lib/dpkg/status");
        std::ofstream(root_ + "/var/lib/dpkg/available");
        DpkgPackageManager dpkg(options());
        ASSERT_TRUE(dpkg.install({pool_ + "/lobby-kiosk_1.0.0.deb"}));  // by hand, as today
        // The hospital's own settings, changed after installing: an update must keep them.
        std::ofstream(root_ + "/etc/lobby-kiosk/kiosk.json") << "{\"hospital\": \"local\"}\n";
    }

    DpkgOptions options() const { return {root_, true}; }

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
        auto manifest = parseReleaseManifest(json.dump());
        EXPECT_TRUE(manifest) << (manifest ? "" : manifest.error().message);
        VerifiedRelease verified{manifest.value(), {}, sha256Hex(json.dump())};
        verified.assignment.rolloutId = "r-" + version;
        verified.assignment.expiresAt_s = host_.clock_ms / 1000 + 86400;
        return verified;
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

}  // namespace
}  // namespace lobby::update
