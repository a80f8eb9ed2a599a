// The updater's platform side against the sandbox over mutual TLS: an admin uploads packages and
// publishes a release; the terminal polls its offer, checks both signatures (the platform's key as
// the sandbox made it), downloads from the platform into its staging directory, installs with real
// dpkg in a scratch root, and every step reaches the rollout through the spooled reporter: N → N+1
// committed, a broken N+2 rolled back and the rollout paused by itself. The spool keeps events the
// platform cannot hear and sends them in order once it can.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fake_update_ports.h"
#include "platform/https_platform_client.h"
#include "scene/scene_signature.h"
#include "scratch_debs.h"
#include "sim/platform/platform_server.h"
#include "update/install_machine.h"
#include "update/package_files.h"
#include "update/release_offer.h"
#include "update_fixtures.h"
#include "updater/platform_release_source.h"
#include "updater/spooled_reporter.h"
#include "updater/system_host.h"
#include "updater/updater.h"

namespace lobby::update {
namespace {

using namespace testing;
using namespace std::chrono_literals;

class PlatformUpdateRig : public ::testing::Test {
protected:
    void SetUp() override {
        work_ = scratchDirectory("platform");
        root_ = work_ + "/root";
        pool_ = work_ + "/pool";
        fs::create_directories(pool_);
        tls_ = sim::ensureDevCa(work_ + "/state/ca").value();
        ASSERT_TRUE(sim::issueClientCertificate(work_ + "/state/ca", "KIOSK-TEST-0001",
                                                work_ + "/terminal"));
        ASSERT_TRUE(sim::issueClientCertificate(work_ + "/state/ca", "ADMIN-1", work_ + "/admin",
                                                365, true));
        store_ = std::move(sim::PlatformStore::open(work_ + "/platform.db").value());
        server_ = std::move(sim::PlatformServer::start(tls_, *store_, 0).value());
        const nlohmann::json scene = {{"scene_type", "outpatient_lobby"}, {"version", 1}};
        ASSERT_TRUE(store_->storeScene(
            "default", 1,
            nlohmann::json{{"scene_json", scene.dump()}, {"signature_base64", "c2ln"}}.dump()));
        admin_ = std::make_unique<platform::HttpsPlatformClient>(config("admin"));
        terminal_ = std::make_unique<platform::HttpsPlatformClient>(config("terminal"));
        // The kiosk trusts the platform's assignment key and the publishers' release key.
        fs::create_directories(work_ + "/trust/platform");
        fs::create_directories(work_ + "/trust/release");
        fs::copy_file(server_->releasePublicKey(), work_ + "/trust/platform/platform.pem");
        ASSERT_TRUE(
            scene::generateAdminKey(work_ + "/release.key", work_ + "/trust/release/release.pem"));

        ASSERT_TRUE(buildThreeReleases(work_, pool_, 200'000));
        // Debian's own file names on the platform: the last known good is found by them.
        for (const char* version : {"1.0.0", "1.1.0", "1.2.0"}) {
            const std::string file = std::string("lobby-kiosk_") + version + "_all.deb";
            std::ifstream in(pool_ + "/" + file, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), {});
            ASSERT_TRUE(admin_->putPackage(file, bytes)) << file;
        }
        ASSERT_TRUE(makeScratchRoot(root_));
        ASSERT_TRUE(DpkgPackageManager({root_, true, false})
                        .install({pool_ + "/lobby-kiosk_1.0.0_all.deb"}));
    }
    void TearDown() override {
        terminal_.reset();
        admin_.reset();
        server_.reset();
        store_.reset();
        fs::remove_all(work_);
    }

    platform::ClientConfig config(const std::string& who) const {
        platform::ClientConfig c;
        c.baseUrl = "https://127.0.0.1:" + std::to_string(server_->port());
        c.caBundle = tls_.caCertificate;
        c.clientCertificate = work_ + "/" + who + "/client.pem";
        c.clientKey = work_ + "/" + who + "/client.key";
        c.callTimeout = 20s;
        c.firstBackoff = 20ms;
        return c;
    }

    // Publishes VERSION (signed by the release key, or another) for the outpatient lobbies, at
    // 100% at once.
    std::string publish(const std::string& version, std::int64_t counter,
                        const std::string& signingKey = {}) {
        const std::string file = "lobby-kiosk_" + version + "_all.deb";
        auto digest = digestFile(pool_ + "/" + file);
        auto manifest = manifestJson(version, counter);
        manifest["scene_types"] = {"outpatient_lobby"};
        manifest["packages"] = {{{"name", "lobby-kiosk"},
                                 {"version", version},
                                 {"file", file},
                                 {"sha256", digest->sha256},
                                 {"size", digest->size}}};
        const std::string bytes = manifest.dump();
        const nlohmann::json request = {
            {"scene_type", "outpatient_lobby"},
            {"manifest_json", bytes},
            {"signature_base64",
             Signers::sign(bytes, signingKey.empty() ? work_ + "/release.key" : signingKey)},
            {"stages", {{{"percent", 100}}}},
            {"min_outcomes_before_pause", 1}};
        auto rollout = admin_->publishRollout(request.dump());
        EXPECT_TRUE(rollout) << (rollout ? "" : rollout.error().message);
        return rollout ? rollout->id : "";
    }

    // What the updater does with an offer: check it, then install it to the end.
    std::optional<VerifiedRelease> takeOffer(InstallMachine& machine) {
        auto offer = terminal_->releaseOffer();
        if (!offer || !offer.value()) return std::nullopt;
        const auto& given = *offer.value();
        KioskFacts facts{
            "KIOSK-TEST-0001",
            "outpatient_lobby",
            DpkgPackageManager({root_, true, false}).installedVersion("lobby-kiosk").value(),
            machine.state().counterFloor,
            machine.state().failedManifests,
            host_.now_ms() / 1000};
        auto verified = checkOffer({given.manifestJson, given.manifestSignature,
                                    given.assignmentJson, given.assignmentSignature},
                                   facts, work_ + "/trust");
        EXPECT_TRUE(verified) << (verified ? "" : verified.error().message);
        if (!verified) return std::nullopt;
        return verified.value();
    }

    void install(InstallMachine& machine, const VerifiedRelease& release) {
        source_->knowPackages(release.manifest.packages);
        ASSERT_TRUE(machine.accept(release));
        for (int i = 0; i < 2000; ++i) {
            const auto next = machine.step();
            if (next.idle) return;
            fakeClock_ms_ += std::max<std::int64_t>(next.wait_ms, 1);
        }
        FAIL() << "the machine never went idle";
    }

    // The updater's parts on the sandbox: dpkg in the scratch root, health read from what is
    // installed there, events spooled to the platform, the machine.
    struct Kit {
        Kit(const std::string& root, const std::string& state,
            platform::HttpsPlatformClient& client, ReleaseSource& source, MaintenanceLease& lease,
            UpdateHost& host)
            : dpkg({root, true, false}),
              health(root),
              reporter(
                  state + "/events.jsonl",
                  [&client](const std::string& event) { return client.postUpdateEvent(event); }),
              ports{dpkg, source, lease, health, reporter, host},
              machine(state + "/updater", ports, UpdatePolicy{}) {}
        DpkgPackageManager dpkg;
        InstalledHealth health;
        updater::SpooledReporter reporter;
        UpdatePorts ports;
        InstallMachine machine;
    };
    std::unique_ptr<Kit> updaterKit() {
        source_ = std::make_unique<updater::PlatformReleaseSource>(*terminal_);
        return std::make_unique<Kit>(root_, work_, *terminal_, *source_, lease_, host_);
    }

    std::string installed() {
        auto version = DpkgPackageManager({root_, true, false}).installedVersion("lobby-kiosk");
        return version ? *version : version.error().message;
    }

    // The wall clock (assignments expire by the platform's), moved on by the machine's waits.
    class SteppedHost : public UpdateHost {
    public:
        explicit SteppedHost(std::int64_t& offset) : offset_(offset) {}
        std::int64_t now_ms() override { return updater::SystemHost().now_ms() + offset_; }
        int localMinuteOfDay() override { return 3 * 60; }
        std::uint64_t freeBytes(const std::string& directory) override {
            return updater::SystemHost().freeBytes(directory);
        }

    private:
        std::int64_t& offset_;
    };

    std::string work_, root_, pool_;
    sim::DevCaFiles tls_;
    std::unique_ptr<sim::PlatformStore> store_;
    std::unique_ptr<sim::PlatformServer> server_;
    std::unique_ptr<platform::HttpsPlatformClient> admin_, terminal_;
    std::int64_t fakeClock_ms_ = 0;
    SteppedHost host_{fakeClock_ms_};
    CallCounter counter_;
    FakeLease lease_{counter_};
    std::unique_ptr<updater::PlatformReleaseSource> source_;
};

TEST_F(PlatformUpdateRig, AnAssignmentIsInstalledCommittedOrRolledBackAndThePlatformHearsEachStep) {
    auto kit = updaterKit();
    auto& [dpkg, health, reporter, ports, machine] = *kit;
    ASSERT_TRUE(machine.open());

    const std::string first = publish("1.1.0", 2);
    auto release = takeOffer(machine);
    ASSERT_TRUE(release);
    EXPECT_EQ(release->assignment.rolloutId, first);
    install(machine, *release);
    EXPECT_EQ(installed(), "1.1.0");
    // The last known good came from the platform by its Debian name, byte for byte.
    EXPECT_EQ(digestFile(machine.keepDirectory() + "/lobby-kiosk_1.1.0.deb")->sha256,
              digestFile(pool_ + "/lobby-kiosk_1.1.0_all.deb")->sha256);
    auto status = admin_->rollout(first);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->committed, 1);
    ASSERT_EQ(status->terminals.size(), 1u);
    EXPECT_EQ(status->terminals[0].phase, platform::UpdateStepPhase::Committed);
    EXPECT_EQ(reporter.flush(), 0u);
    EXPECT_FALSE(takeOffer(machine));  // finished with that release: nothing more to take

    const std::string second = publish("1.2.0", 3);
    release = takeOffer(machine);
    ASSERT_TRUE(release);
    install(machine, *release);
    EXPECT_EQ(installed(), "1.1.0");
    status = admin_->rollout(second);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->rolledBack, 1);
    EXPECT_TRUE(status->paused);  // 1 of 1 rolled back
    EXPECT_EQ(status->terminals[0].errorCode, "update.kiosk_restarted");
    EXPECT_EQ(reporter.flush(), 0u);
}

TEST_F(PlatformUpdateRig, ThePlatformNeverServesAPackageToAKioskItDidNotAssign) {
    EXPECT_EQ(terminal_->downloadPackage("lobby-kiosk_1.1.0_all.deb", work_ + "/got.deb", 1 << 20)
                  .error()
                  .code,
              "not_found");
    EXPECT_FALSE(fs::exists(work_ + "/got.deb.part"));
    publish("1.1.0", 2);
    ASSERT_TRUE(terminal_->releaseOffer().value());
    // Held to the size the manifest signed: a longer body is refused, not stored.
    EXPECT_EQ(terminal_->downloadPackage("lobby-kiosk_1.1.0_all.deb", work_ + "/short.deb", 1000)
                  .error()
                  .code,
              "platform.too_large");
    // Never through a link planted where the download goes.
    fs::create_symlink("/etc/passwd", work_ + "/planted.deb");
    EXPECT_EQ(
        terminal_->downloadPackage("lobby-kiosk_1.1.0_all.deb", work_ + "/planted.deb", 1 << 22)
            .error()
            .code,
        "platform.download");
    ASSERT_TRUE(
        terminal_->downloadPackage("lobby-kiosk_1.1.0_all.deb", work_ + "/got.deb", 1 << 22));
    EXPECT_EQ(digestFile(work_ + "/got.deb")->sha256,
              digestFile(pool_ + "/lobby-kiosk_1.1.0_all.deb")->sha256);
}

TEST_F(PlatformUpdateRig, TheUpdaterLoopTakesAnOfferToTheEndAndAbandonsOneThatDoesNotCheck) {
    auto kit = updaterKit();
    auto& [dpkg, health, reporter, ports, machine] = *kit;
    updater::Updater loop(
        *terminal_, machine, *source_, reporter, dpkg, host_,
        {"KIOSK-TEST-0001", work_ + "/trust", [] { return "outpatient_lobby"; }, 600'000});
    ASSERT_TRUE(loop.open());
    auto first = loop.turn();
    EXPECT_TRUE(first.asked && !first.accepted);  // nothing published yet
    EXPECT_EQ(first.wait_ms, 600'000);

    const std::string rollout = publish("1.1.0", 2);
    auto turn = loop.turn();
    ASSERT_TRUE(turn.accepted) << turn.refusal;
    for (int i = 0; i < 2000 && machine.busy(); ++i)
        fakeClock_ms_ += std::max<std::int64_t>(loop.turn().wait_ms, 1);
    EXPECT_FALSE(machine.busy());
    EXPECT_EQ(installed(), "1.1.0");
    EXPECT_EQ(admin_->rollout(rollout)->committed, 1);

    // A release signed by a key the kiosk does not trust is never taken, and the platform hears.
    ASSERT_TRUE(scene::generateAdminKey(work_ + "/stranger.key", work_ + "/stranger.pem"));
    const std::string forged = publish("1.2.0", 3, work_ + "/stranger.key");
    turn = loop.turn();
    EXPECT_FALSE(turn.accepted);
    EXPECT_EQ(turn.refusal, "update.release_not_trusted");
    EXPECT_FALSE(machine.busy());
    auto status = admin_->rollout(forged);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->abandoned, 1);
    EXPECT_EQ(status->terminals[0].errorCode, "update.release_not_trusted");
    turn = loop.turn();  // and not offered again
    EXPECT_TRUE(turn.asked && !turn.accepted && turn.refusal.empty());
    EXPECT_EQ(installed(), "1.1.0");
}

TEST(SpooledReporter, EventsWaitForThePlatformAndGoInOrder) {
    const std::string dir = scratchDirectory("spool");
    std::vector<std::string> heard;
    bool reachable = false;
    updater::SpooledReporter reporter(
        dir + "/events.jsonl", [&](const std::string& event) -> Status {
            if (!reachable)
                return makeError(ErrorKind::Unavailable, "platform.unreachable", "no network");
            if (event.find("\"phase\":\"leased\"") != std::string::npos)
                return makeError(ErrorKind::InvalidArgument, "invalid_request", "refused for good");
            heard.push_back(event);
            return {};
        });
    UpdateEvent event;
    event.rolloutId = "R-0123456789ab";
    for (auto phase : {UpdatePhase::Accepted, UpdatePhase::Leased, UpdatePhase::Committed}) {
        event.phase = phase;
        reporter.report(event);
    }
    EXPECT_TRUE(heard.empty());
    EXPECT_EQ(reporter.flush(), 3u);
    reachable = true;
    EXPECT_EQ(reporter.flush(), 0u);
    ASSERT_EQ(heard.size(), 2u);  // the refused one dropped, the rest in order
    EXPECT_NE(heard[0].find("\"phase\":\"accepted\""), std::string::npos);
    EXPECT_NE(heard[1].find("\"phase\":\"committed\""), std::string::npos);
    const auto parsed = nlohmann::json::parse(heard[1]);
    EXPECT_EQ(parsed["rollout_id"], "R-0123456789ab");
    EXPECT_TRUE(parsed["ok"].get<bool>());
    fs::remove_all(dir);
}

}  // namespace
}  // namespace lobby::update
