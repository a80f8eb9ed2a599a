// The gate before an update: manifest and assignment read strictly, both signatures (each by
// its own key role), this terminal, not expired, the named manifest, the scene type, the
// installed version's range, the release counter, and releases that failed here before.
#include <gtest/gtest.h>

#include <string>

#include "update/debian_version.h"
#include "update/dpkg_status.h"
#include "update/systemd_health.h"
#include "update_fixtures.h"

namespace lobby::update {
namespace {

using testing::assignmentJson;
using testing::manifestJson;
using testing::Signers;

constexpr std::int64_t kNow = 1'800'000'000;

class OfferTest : public ::testing::Test {
protected:
    OfferTest() : root_(testing::scratchDirectory("offer")), signers_(root_) {}
    ~OfferTest() override { std::filesystem::remove_all(root_); }

    KioskFacts kiosk() const {
        KioskFacts facts;
        facts.terminalId = "T-0001";
        facts.sceneType = "outpatient_lobby";
        facts.installedVersion = "1.0.0";
        facts.counterFloor = 1;
        facts.now_s = kNow;
        return facts;
    }
    Result<VerifiedRelease> check(const std::string& manifest, const std::string& assignment,
                                  const KioskFacts& facts) const {
        return checkOffer(testing::signedOffer(signers_, manifest, assignment), facts,
                          signers_.trust);
    }
    std::string errorOf(const Result<VerifiedRelease>& result) const {
        return result ? std::string("accepted") : result.error().code;
    }

    std::string root_;
    Signers signers_;
};

TEST_F(OfferTest, AGoodOfferIsAccepted) {
    const auto manifest = manifestJson().dump();
    auto release = check(manifest, assignmentJson(manifest, kNow).dump(), kiosk());
    ASSERT_TRUE(release) << release.error().message;
    EXPECT_EQ(release->manifest.counter, 2);
    EXPECT_EQ(release->manifest.mainPackage().name, "lobby-kiosk");
    EXPECT_EQ(release->assignment.rolloutId, "r-1");
    EXPECT_EQ(release->manifestSha256, sha256Hex(manifest));
}

TEST_F(OfferTest, EachSignatureMustBeByItsOwnRole) {
    const auto manifest = manifestJson().dump();
    const auto assignment = assignmentJson(manifest, kNow).dump();
    auto offer = testing::signedOffer(signers_, manifest, assignment);
    // The platform's key cannot sign a release, nor the release key an assignment.
    auto swapped = offer;
    swapped.manifestSignature = Signers::sign(manifest, signers_.platformKey);
    EXPECT_EQ(errorOf(checkOffer(swapped, kiosk(), signers_.trust)), "update.release_not_trusted");
    swapped = offer;
    swapped.assignmentSignature = Signers::sign(assignment, signers_.releaseKey);
    EXPECT_EQ(errorOf(checkOffer(swapped, kiosk(), signers_.trust)),
              "update.assignment_not_trusted");
    swapped = offer;
    swapped.manifestSignature = Signers::sign(manifest, signers_.otherKey);
    EXPECT_EQ(errorOf(checkOffer(swapped, kiosk(), signers_.trust)), "update.release_not_trusted");
    swapped = offer;
    swapped.manifestBytes += " ";  // a byte changed after signing: the hash no longer matches
    EXPECT_EQ(errorOf(checkOffer(swapped, kiosk(), signers_.trust)), "update.hash_mismatch");
    std::filesystem::remove_all(signers_.trust + "/release");
    EXPECT_EQ(errorOf(checkOffer(offer, kiosk(), signers_.trust)), "update.no_release_keys");
}

TEST_F(OfferTest, TheAssignmentMustBeThisTerminalsCurrentOneForThisManifest) {
    const auto manifest = manifestJson().dump();
    EXPECT_EQ(errorOf(check(manifest, assignmentJson(manifest, kNow, "T-0002").dump(), kiosk())),
              "update.wrong_terminal");
    auto expired = assignmentJson(manifest, kNow);
    expired["issued_at"] = kNow - 7200;
    expired["expires_at"] = kNow;
    EXPECT_EQ(errorOf(check(manifest, expired.dump(), kiosk())), "update.assignment_expired");
    auto future = assignmentJson(manifest, kNow);
    future["issued_at"] = kNow + 3600;
    future["expires_at"] = kNow + 7200;
    EXPECT_EQ(errorOf(check(manifest, future.dump(), kiosk())), "update.assignment_from_future");
    const auto other = manifestJson("1.2.0", 3).dump();
    EXPECT_EQ(errorOf(check(manifest, assignmentJson(other, kNow).dump(), kiosk())),
              "update.hash_mismatch");
}

TEST_F(OfferTest, ACounterThatDoesNotRiseIsRefused) {
    auto facts = kiosk();
    facts.counterFloor = 2;  // release 2 is installed already: a replay of it
    const auto replay = manifestJson("1.1.0", 2).dump();
    EXPECT_EQ(errorOf(check(replay, assignmentJson(replay, kNow).dump(), facts)),
              "update.counter_back");
    facts.counterFloor = 5;  // an old release with a lower counter
    EXPECT_EQ(errorOf(check(replay, assignmentJson(replay, kNow).dump(), facts)),
              "update.counter_back");
}

TEST_F(OfferTest, TheReleaseMustFitThisKiosk) {
    const auto manifest = manifestJson().dump();
    const auto assignment = assignmentJson(manifest, kNow).dump();
    auto facts = kiosk();
    facts.sceneType = "report_printing";
    EXPECT_EQ(errorOf(check(manifest, assignment, facts)), "update.wrong_scene_type");
    facts = kiosk();
    facts.installedVersion = "0.9.9";
    EXPECT_EQ(errorOf(check(manifest, assignment, facts)), "update.below_min_version");
    facts.installedVersion = "";
    EXPECT_EQ(errorOf(check(manifest, assignment, facts)), "update.below_min_version");
    facts.installedVersion = "1.1.0";
    EXPECT_EQ(errorOf(check(manifest, assignment, facts)), "update.not_newer");
    facts = kiosk();
    facts.failedManifests.insert(sha256Hex(manifest));
    EXPECT_EQ(errorOf(check(manifest, assignment, facts)), "update.failed_here_before");
}

TEST_F(OfferTest, AManifestIsReadStrictly) {
    const auto bad = [](auto mutate) {
        auto manifest = manifestJson();
        mutate(manifest);
        auto parsed = parseReleaseManifest(manifest.dump());
        return parsed ? std::string("accepted") : parsed.error().message;
    };
    EXPECT_NE(bad([](auto& m) { m["extra"] = 1; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["format"] = 2; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["counter"] = 0; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["counter"] = 9007199254740992LL; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["counter"] = "3"; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["scene_types"] = nlohmann::json::array(); }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["scene_types"] = {"a", "a"}; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["min_version"] = "1.1.0"; }), "accepted");  // not below
    EXPECT_NE(bad([](auto& m) { m["packages"][0]["file"] = "../../etc/passwd.deb"; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["packages"][0]["file"] = "x/y.deb"; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["packages"][0]["file"] = "lobby.tar"; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["packages"][0]["sha256"] = std::string(64, 'A'); }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["packages"][0]["size"] = 0; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["packages"][0]["size"] = 600LL * 1024 * 1024; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["packages"][0]["name"] = "Lobby"; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["packages"][0]["version"] = "v1"; }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["packages"].push_back(m["packages"][0]); }), "accepted");
    EXPECT_NE(bad([](auto& m) { m["release"] = "1.1\n0"; }), "accepted");
    EXPECT_EQ(bad([](auto&) {}), "accepted");
    EXPECT_FALSE(parseReleaseManifest("[1,2]"));
    EXPECT_FALSE(parseReleaseManifest(std::string(70 * 1024, ' ')));
}

TEST_F(OfferTest, AnAssignmentIsReadStrictly) {
    const auto manifest = manifestJson().dump();
    const auto bad = [&](auto mutate) {
        auto assignment = assignmentJson(manifest, kNow);
        mutate(assignment);
        return static_cast<bool>(parseAssignment(assignment.dump()));
    };
    EXPECT_TRUE(bad([](auto&) {}));
    EXPECT_FALSE(bad([](auto& a) { a["window"]["from"] = "24:00"; }));
    EXPECT_FALSE(bad([](auto& a) { a["window"]["to"] = "5:00"; }));
    EXPECT_FALSE(bad([](auto& a) { a["window"]["tz"] = "UTC"; }));
    EXPECT_FALSE(bad([](auto& a) { a["expires_at"] = kNow + 31LL * 86400; }));
    EXPECT_FALSE(bad([](auto& a) { a["terminal_id"] = "T 1"; }));
    EXPECT_FALSE(bad([](auto& a) { a["manifest_sha256"] = "abc"; }));
    EXPECT_FALSE(bad([](auto& a) { a.erase("rollout_id"); }));
}

TEST(InstallWindow, RunsOverMidnightWhenItEndsBeforeItStarts) {
    const InstallWindow night{23 * 60, 5 * 60};
    EXPECT_TRUE(night.contains(23 * 60));
    EXPECT_TRUE(night.contains(2 * 60));
    EXPECT_FALSE(night.contains(5 * 60));
    EXPECT_FALSE(night.contains(12 * 60));
    const InstallWindow early{1 * 60, 5 * 60};
    EXPECT_TRUE(early.contains(4 * 60 + 59));
    EXPECT_FALSE(early.contains(23 * 60));
    EXPECT_TRUE((InstallWindow{0, 0}.contains(12 * 60)));
}

// dpkg itself is the reference: every pair is compared by `dpkg --compare-versions` as well.
TEST(DebianVersion, OrdersAsDpkgDoes) {
    const char* versions[] = {"1.0",   "1.0-1",   "1.0-2",  "1.0~rc1", "1.0~rc1-1", "1:0.9",
                              "1.0.1", "1.0a",    "1.0+b1", "1.00",    "1.10",      "1.9",
                              "2:1.0", "1.0-1~1", "0.9",    "10",      "1.0-1.1",   "1.0~~"};
    int compared = 0;
    for (const char* a : versions) {
        ASSERT_TRUE(isDebianVersion(a)) << a;
        for (const char* b : versions) {
            const int ours = compareDebianVersions(a, b);
            const std::string command =
                std::string("dpkg --compare-versions '") + a + "' lt '" + b + "'";
            const bool dpkgLess = std::system(command.c_str()) == 0;
            EXPECT_EQ(ours < 0, dpkgLess) << a << " vs " << b;
            ++compared;
        }
    }
    EXPECT_EQ(compared, 18 * 18);
    for (const char* bad : {"", "a1.0", "1.0-", "1:", "x:1.0", "1.0 1", "1.0/2", "1.0-a-b_c"})
        EXPECT_FALSE(isDebianVersion(bad)) << bad;
}

}  // namespace
}  // namespace lobby::update

namespace lobby::update {
namespace {

// systemd's word on the kiosk's unit, as `systemctl show` prints it.
TEST(SystemdHealth, ReadsSystemctlShow) {
    auto running =
        parseSystemctlShow("ActiveState=active\nSubState=running\nNRestarts=2\nResult=success\n");
    EXPECT_TRUE(running.unitActive);
    EXPECT_TRUE(running.ready);
    EXPECT_EQ(running.restarts, 2u);
    EXPECT_TRUE(running.watchdogOk);
    // Type=notify before READY=1, restarting after a crash, a watchdog timeout, garbage.
    EXPECT_FALSE(parseSystemctlShow("ActiveState=activating\nSubState=start\nNRestarts=0\n").ready);
    auto restarting = parseSystemctlShow(
        "ActiveState=activating\nSubState=auto-restart\nNRestarts=3\nResult=exit-code\n");
    EXPECT_FALSE(restarting.unitActive);
    EXPECT_EQ(restarting.restarts, 3u);
    EXPECT_FALSE(parseSystemctlShow("ActiveState=active\nSubState=running\nNRestarts=1\n"
                                    "Result=watchdog\n")
                     .watchdogOk);
    EXPECT_FALSE(
        parseSystemctlShow("ActiveState=active\nSubState=running\nNRestarts=x\n").unitActive);
    EXPECT_FALSE(parseSystemctlShow("").unitActive);
    EXPECT_FALSE(parseSystemctlShow("ActiveState=active\nSubState=running\n").unitActive);
}

}  // namespace
}  // namespace lobby::update

namespace lobby::update {
namespace {

TEST(DpkgStatus, OnlyThisProductsInstalledPackagesWithTheirVersions) {
    const std::string status =
        "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9\n\n"
        "Package: lobby-kiosk\nStatus: install ok installed\nPriority: optional\n"
        "Version: 1:1.4.0-1\nDescription: the kiosk\n continued line\n\n"
        "Package: lobby-kiosk-voice\nStatus: deinstall ok config-files\nVersion: 1.3.0\n\n"
        "Package: lobby-kiosk-sandbox\nStatus: install ok half-configured\nVersion: 1.4.0\n\n"
        "Package: lobby-kiosk-extra\nStatus: install ok installed\nVersion: not a version!\n\n"
        "Package: lobby-kiosk-a4\nVersion: 1.4.0\nStatus: install ok installed";  // no last newline
    const auto packages = installedPackages(status, "lobby-kiosk");
    ASSERT_EQ(packages.size(), 2u);
    EXPECT_EQ(packages[0], (std::pair<std::string, std::string>{"lobby-kiosk", "1:1.4.0-1"}));
    EXPECT_EQ(packages[1], (std::pair<std::string, std::string>{"lobby-kiosk-a4", "1.4.0"}));
    EXPECT_TRUE(installedPackages("", "lobby-kiosk").empty());
    EXPECT_TRUE(installedPackages("\n\n\nPackage:\n", "lobby-kiosk").empty());
}

}  // namespace
}  // namespace lobby::update
