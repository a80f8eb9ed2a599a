// The sandbox's release board: what admins may publish, the assignment a kiosk gets (checked with
// the kiosk's own strict reader and the platform's public key), one hospital's slot held and given
// back, packages only for assigned terminals, and an end once reported never undone.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "sim/platform/release_board.h"
#include "update/release_offer.h"

namespace lobby::sim {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

class ReleaseBoardTest : public ::testing::Test {
protected:
    void SetUp() override {
        directory_ = std::filesystem::temp_directory_path() /
                     ("lobby-release-board-" + std::to_string(::getpid()));
        std::filesystem::remove_all(directory_);
        auto board = ReleaseBoard::open(directory_);
        ASSERT_TRUE(board) << board.error().message;
        board_ = std::move(board.value());
        ASSERT_TRUE(board_->storePackage("lobby-kiosk_1.1.0_all.deb", package_));
    }
    void TearDown() override { std::filesystem::remove_all(directory_); }

    std::string manifest(const std::string& sha256, std::int64_t size) const {
        return nlohmann::json{{"format", 1},
                              {"release", "1.1.0"},
                              {"counter", 2},
                              {"scene_types", {"outpatient_lobby"}},
                              {"min_version", "1.0.0"},
                              {"packages",
                               {{{"name", "lobby-kiosk"},
                                 {"version", "1.1.0"},
                                 {"file", "lobby-kiosk_1.1.0_all.deb"},
                                 {"sha256", sha256},
                                 {"size", size}}}}}
            .dump();
    }
    RolloutRequest request() const {
        RolloutRequest rollout;
        rollout.sceneType = "outpatient_lobby";
        rollout.manifestJson =
            manifest(update::sha256Hex(package_), static_cast<std::int64_t>(package_.size()));
        rollout.manifestSignature = "c2lnbmVk";
        rollout.stages = {{{"K-1", "K-2"}, 0}, {{}, 100}};
        return rollout;
    }

    std::filesystem::path directory_;
    std::string package_ = std::string("!<arch>\n") + std::string(70'000, '\0') + "payload";
    std::unique_ptr<ReleaseBoard> board_;
};

const FleetTerminal k1{"K-1", "H-1", "outpatient_lobby"};
const FleetTerminal k2{"K-2", "H-1", "outpatient_lobby"};
const FleetTerminal k3{"K-3", "H-2", "outpatient_lobby"};

TEST_F(ReleaseBoardTest, OnlyAReleaseWhosePackagesAreUploadedIsPublished) {
    auto wrongType = request();
    wrongType.sceneType = "inpatient";
    EXPECT_EQ(board_->publish(wrongType, kNow).error().code, "invalid_request");
    auto otherBytes = request();
    otherBytes.manifestJson = manifest(std::string(64, 'a'), 70'015);
    EXPECT_EQ(board_->publish(otherBytes, kNow).error().code, "package_missing");
    auto noStages = request();
    noStages.stages.clear();
    EXPECT_EQ(board_->publish(noStages, kNow).error().code, "invalid_request");
    auto badWindow = request();
    badWindow.windowFrom = "24:00";
    EXPECT_EQ(board_->publish(badWindow, kNow).error().code, "invalid_request");
    auto notAManifest = request();
    notAManifest.manifestJson = "{\"format\": 1}";
    EXPECT_EQ(board_->publish(notAManifest, kNow).error().code, "invalid_request");
    EXPECT_TRUE(board_->rollouts().empty());
    EXPECT_TRUE(board_->publish(request(), kNow));
}

TEST_F(ReleaseBoardTest, APackageNeverChangesOnceUploaded) {
    EXPECT_TRUE(board_->storePackage("lobby-kiosk_1.1.0_all.deb", package_));
    EXPECT_EQ(board_->storePackage("lobby-kiosk_1.1.0_all.deb", package_ + "x").error().code,
              "package_exists");
    for (const char* name : {"../etc/passwd.deb", ".hidden.deb", "lobby.tar", "a/b.deb", ""})
        EXPECT_EQ(board_->storePackage(name, package_).error().code, "invalid_request") << name;
}

TEST_F(ReleaseBoardTest, TheAssignmentIsSignedAndReadsAsTheKioskReadsIt) {
    auto rollout = board_->publish(request(), kNow);
    ASSERT_TRUE(rollout);
    auto offer = board_->offerFor(k1, kNow);
    ASSERT_TRUE(offer && offer.value());
    const auto& given = *offer.value();
    EXPECT_EQ(given.manifestJson, request().manifestJson);
    auto assignment = update::parseAssignment(given.assignmentJson);
    ASSERT_TRUE(assignment) << assignment.error().message;
    EXPECT_EQ(assignment->terminalId, "K-1");
    EXPECT_EQ(assignment->rolloutId, rollout->id);
    EXPECT_EQ(assignment->manifestSha256, update::sha256Hex(given.manifestJson));
    EXPECT_EQ(assignment->expiresAt_s, kNow + kAssignmentLifetime_s);
    const auto trust = directory_ / "trust";
    std::filesystem::create_directories(trust / "platform");
    std::filesystem::copy_file(board_->publicKey(), trust / "platform" / "platform.pem");
    EXPECT_TRUE(update::verifySignatureByRole(given.assignmentJson, given.assignmentSignature,
                                              trust.string(), update::kPlatformKeyRole,
                                              "assignment"));
    EXPECT_FALSE(update::verifySignatureByRole(given.assignmentJson + " ",
                                               given.assignmentSignature, trust.string(),
                                               update::kPlatformKeyRole, "assignment"));
    // The key stays the platform's across restarts: kiosks trust it once.
    auto reopened = ReleaseBoard::open(directory_);
    ASSERT_TRUE(reopened);
    EXPECT_EQ(std::filesystem::file_size(reopened.value()->publicKey()),
              std::filesystem::file_size(board_->publicKey()));
}

TEST_F(ReleaseBoardTest, AHospitalsSlotIsHeldUntilTheEndOrSilence) {
    auto rollout = board_->publish(request(), kNow);
    ASSERT_TRUE(rollout);
    EXPECT_FALSE(board_->offerFor(k3, kNow).value());  // not a canary
    EXPECT_TRUE(board_->offerFor(k1, kNow).value());
    EXPECT_FALSE(board_->offerFor(k2, kNow).value());      // K-1 of the same hospital installs
    EXPECT_TRUE(board_->offerFor(k1, kNow + 60).value());  // K-1 polls again
    EXPECT_TRUE(board_->packageFor("K-1", "lobby-kiosk_1.1.0_all.deb"));
    EXPECT_EQ(board_->packageFor("K-2", "lobby-kiosk_1.1.0_all.deb").error().code, "not_found");
    EXPECT_EQ(board_->packageFor("K-1", "other_1.0_all.deb").error().code, "not_found");
    // The last known good of its package, uploaded beside it: K-1 may roll back to it.
    EXPECT_EQ(board_->packageFor("K-1", "lobby-kiosk_1.0.0_all.deb").error().code, "not_found");
    ASSERT_TRUE(board_->storePackage("lobby-kiosk_1.0.0_all.deb", package_ + "old"));
    ASSERT_TRUE(board_->storePackage("other_1.0_all.deb", package_ + "other"));
    EXPECT_TRUE(board_->packageFor("K-1", "lobby-kiosk_1.0.0_all.deb"));
    EXPECT_EQ(board_->packageFor("K-1", "other_1.0_all.deb").error().code, "not_found");
    EXPECT_EQ(board_->packageFor("K-2", "lobby-kiosk_1.0.0_all.deb").error().code, "not_found");
    // K-1 goes silent: a day later its slot is K-2's.
    EXPECT_FALSE(board_->offerFor(k2, kNow + kAssignmentLifetime_s).value());
    EXPECT_TRUE(board_->offerFor(k2, kNow + kAssignmentLifetime_s + 120).value());
    EXPECT_EQ(board_->rollout(rollout->id)->installing, 1);
}

TEST_F(ReleaseBoardTest, AnEndReportedIsNeverUndoneByALateEvent) {
    auto rollout = board_->publish(request(), kNow);
    ASSERT_TRUE(rollout);
    ASSERT_TRUE(board_->offerFor(k1, kNow).value());
    UpdateEventRow committed{rollout->id, "committed", true, "",   "1.0.0",
                             "1.1.0",     "",          9000, 4000, kNow + 100};
    EXPECT_EQ(board_->recordEvent(k2, committed).error().code, "not_found");  // never assigned
    ASSERT_TRUE(board_->recordEvent(k1, committed));
    UpdateEventRow late = committed;
    late.phase = "leased";
    late.at = kNow + 101;
    ASSERT_TRUE(board_->recordEvent(k1, late));
    const auto view = board_->rollout(rollout->id).value();
    EXPECT_EQ(view.committed, 1);
    EXPECT_EQ(view.installing, 0);
    EXPECT_FALSE(board_->offerFor(k1, kNow + 200).value());  // finished with this release
    EXPECT_TRUE(board_->offerFor(k2, kNow + 200).value());   // the slot is free again
    ASSERT_TRUE(board_->lastEvent("K-1"));
    EXPECT_EQ(board_->lastEvent("K-1")->phase, "leased");
    EXPECT_FALSE(board_->lastEvent("K-3"));
}

TEST_F(ReleaseBoardTest, RollbacksPauseTheRolloutAndAdminsResumeAndAdvanceIt) {
    auto rollout = request();
    rollout.policy = {2, 0.5, 2};
    auto published = board_->publish(rollout, kNow);
    ASSERT_TRUE(published);
    const std::string id = published->id;
    ASSERT_TRUE(board_->offerFor(k1, kNow).value());
    ASSERT_TRUE(board_->offerFor(k2, kNow).value());  // two at once in H-1
    UpdateEventRow rolledBack{id,      "rolled_back", false, "update.health_failed",
                              "1.0.0", "1.1.0",       "",    9000,
                              4000,    kNow + 100};
    UpdateEventRow committed{id,      "committed", true, "",   "1.0.0",
                             "1.1.0", "",          9000, 4000, kNow + 100};
    ASSERT_TRUE(board_->recordEvent(k1, rolledBack));
    EXPECT_FALSE(board_->rollout(id)->paused);  // one outcome is below the minimum
    ASSERT_TRUE(board_->recordEvent(k2, committed));
    EXPECT_TRUE(board_->rollout(id)->paused);
    EXPECT_EQ(board_->advance(id)->stage, 1);
    EXPECT_FALSE(board_->offerFor(k3, kNow + 200).value());  // paused
    EXPECT_FALSE(board_->resume(id)->paused);
    EXPECT_TRUE(board_->offerFor(k3, kNow + 200).value());  // 100% of the rest
    EXPECT_EQ(board_->advance(id).error().code, "last_stage");
    EXPECT_EQ(board_->pause(id, "")->pauseReason, "paused by an administrator");
    EXPECT_EQ(board_->rollout("R-000000000000").error().code, "not_found");
}

}  // namespace
}  // namespace lobby::sim
