// Scene configs: validation of every field, Ed25519 signatures against a trust directory, and the
// store's no-rollback, atomic apply and fallback to the previous scene.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "scene/scene.h"
#include "scene/scene_signature.h"
#include "scene/scene_store.h"

namespace fs = std::filesystem;
using namespace lobby::scene;

namespace {

std::string sceneJson(long long version, const std::string& extra = "") {
    return R"({"schema_version": 1, "version": )" + std::to_string(version) +
           R"(, "group": "default", "not_after": "2099-12-31T23:59:59Z",
  "scene_type": "outpatient_lobby",
  "hospital": {"name": "示例市第一人民医院", "name_en": "Example First People's Hospital",
               "primary_color": "#0B5CAD"},
  "functions": ["pickup", "my_bookings"],
  "payment_methods": ["wechat", "insurance"],
  "timeouts": {"idle_s": 90, "countdown_s": 25, "farewell_s": 5},
  "voice_guidance": true, "slip": {"footer": "请保管好凭条"},
  "opening_hours": {"open": "07:30", "close": "17:00"})" +
           extra + "}";
}

std::string errorCode(const std::string& json) {
    auto scene = parseScene(json);
    return scene ? std::string("ok") : scene.error().code + " / " + scene.error().message;
}

class SceneDirs : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("lobby-scene-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_ / "trust");
        fs::create_directories(root_ / "admin");
        ASSERT_TRUE(generateAdminKey(adminKey(), (root_ / "trust" / "admin.pem").string()).ok());
    }
    void TearDown() override { fs::remove_all(root_); }
    std::string adminKey() const { return (root_ / "admin" / "admin.key").string(); }
    std::string trust() const { return (root_ / "trust").string(); }
    std::string state() const { return (root_ / "state").string(); }
    SignedSceneBytes signedScene(long long version, const std::string& key = "",
                                 const std::string& group = "default",
                                 const std::string& notAfter = "2099-12-31T23:59:59Z") {
        std::string bytes = sceneJson(version);
        bytes.replace(bytes.find("\"default\""), 9, "\"" + group + "\"");
        bytes.replace(bytes.find("2099-12-31T23:59:59Z"), 20, notAfter);
        auto signature = signScene(bytes, key.empty() ? adminKey() : key);
        EXPECT_TRUE(signature.ok());
        return {bytes, signature ? signature.value() : ""};
    }
    fs::path root_;
};

}  // namespace

TEST(SceneFormat, ReadsEveryField) {
    auto scene = parseScene(sceneJson(7));
    ASSERT_TRUE(scene.ok()) << scene.error().message;
    EXPECT_EQ(scene->version, 7);
    EXPECT_EQ(scene->type, "outpatient_lobby");
    EXPECT_EQ(scene->hospitalName, "示例市第一人民医院");
    EXPECT_EQ(scene->primaryColor, "#0B5CAD");
    EXPECT_TRUE(scene->offers("pickup"));
    EXPECT_FALSE(scene->offers("book"));
    EXPECT_EQ(scene->paymentMethods, (std::vector<std::string>{"wechat", "insurance"}));
    EXPECT_EQ(scene->timeouts.idle_s, 90);
    EXPECT_EQ(scene->timeouts.farewell_s, 5);
    EXPECT_TRUE(scene->voiceGuidance);
    EXPECT_EQ(scene->slipFooter, "请保管好凭条");
    EXPECT_FALSE(scene->isOpenAt(7 * 60 + 29));
    EXPECT_TRUE(scene->isOpenAt(7 * 60 + 30));
    EXPECT_FALSE(scene->isOpenAt(17 * 60));
}

TEST(SceneFormat, RefusesWhatIsWrongWithAReason) {
    EXPECT_EQ(errorCode("not json").substr(0, 14), "scene.not_json");
    EXPECT_EQ(errorCode(std::string(kMaxSceneBytes + 1, ' ')).substr(0, 15), "scene.too_large");
    const std::pair<std::string, std::string> cases[] = {
        {R"({"schema_version": 2, "version": 1})", "schema_version"},
        {sceneJson(0), "version must be an integer from 1"},
        {sceneJson(9223372036854775807LL), "version must be an integer from 1"},
        {sceneJson(1, R"(, "functons": ["pickup"])"), "unknown key \"functons\""},
    };
    for (const auto& [json, expected] : cases) {
        const std::string result = errorCode(json);
        EXPECT_NE(result.find(expected), std::string::npos) << result;
        EXPECT_EQ(result.substr(0, 13), "scene.invalid") << result;
    }
    auto replaced = [](std::string text, const std::string& from, const std::string& to) {
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    const std::pair<std::pair<std::string, std::string>, std::string> edits[] = {
        {{"\"outpatient_lobby\"", "\"casino\""}, "not a known scene type"},
        {{"#0B5CAD", "#FFEE00"}, "too light for white text"},
        {{"#0B5CAD", "blue"}, "#RRGGBB"},
        {{"\"pickup\", \"my_bookings\"", "\"pickup\", \"pickup\""}, "listed twice"},
        {{"\"pickup\", \"my_bookings\"", "\"pickup\", \"teleport\""}, "unknown entry"},
        {{"[\"wechat\", \"insurance\"]", "[]"}, "payment_methods must be a non-empty array"},
        {{"\"idle_s\": 90", "\"idle_s\": 5"}, "between 30 and 600"},
        {{"\"countdown_s\": 25", "\"countdown_s\": 10"}, "between 20 and 120"},
        {{"\"idle_s\": 90, \"countdown_s\": 25", "\"idle_s\": 30, \"countdown_s\": 30"},
         "shorter than timeouts.idle_s"},
        {{"\"17:00\"", "\"25:00\""}, "HH:MM"},
        {{"\"17:00\"", "\"07:00\""}, "open must be before"},
        {{"\"voice_guidance\": true", "\"voice_guidance\": \"yes\""}, "true or false"},
        {{"\"group\": \"default\", ", ""}, "scene.group is missing"},
        {{"\"default\"", "\"east wing\""}, "group must be letters"},
        {{"\"not_after\": \"2099-12-31T23:59:59Z\",", ""}, "scene.not_after is missing"},
        {{"2099-12-31T23:59:59Z", "2099-02-30T00:00:00Z"}, "not_after must be a UTC time"},
        {{"2099-12-31T23:59:59Z", "2099-12-31 23:59:59"}, "not_after must be a UTC time"},
        {{"\"示例市第一人民医院\"", "\"\""}, "hospital.name is empty"},
        {{"\"footer\"", "\"header\""}, "unknown key \"header\""},
        {{"\"primary_color\": \"#0B5CAD\"",
          "\"primary_color\": \"#0B5CAD\", \"logo_png_base64\": \"R0lGODlh\""},
         "not a base64 PNG"},
    };
    for (const auto& [edit, expected] : edits) {
        const std::string result = errorCode(replaced(sceneJson(1), edit.first, edit.second));
        EXPECT_NE(result.find(expected), std::string::npos) << edit.second << " → " << result;
    }
}

TEST(SceneFormat, ContrastFollowsWcag) {
    EXPECT_NEAR(contrastAgainstWhite("#000000"), 21.0, 0.01);
    EXPECT_NEAR(contrastAgainstWhite("#FFFFFF"), 1.0, 0.01);
    EXPECT_NEAR(contrastAgainstWhite("#0B5CAD"), 6.67, 0.01);
    EXPECT_EQ(contrastAgainstWhite("#12345G"), 0);
}

TEST_F(SceneDirs, ASignatureVerifiesOnlyTheBytesItSigned) {
    auto signedOne = signedScene(3);
    auto key = verifyScene(signedOne.sceneJson, signedOne.signatureBase64, trust());
    ASSERT_TRUE(key.ok()) << key.error().message;
    EXPECT_EQ(key.value(), "admin.pem");
    EXPECT_EQ(fs::status(adminKey()).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);

    std::string tampered = signedOne.sceneJson;
    tampered.replace(tampered.find("07:30"), 5, "06:30");
    EXPECT_EQ(verifyScene(tampered, signedOne.signatureBase64, trust()).error().code,
              "scene.bad_signature");
    EXPECT_EQ(verifyScene(signedOne.sceneJson, "c2ln", trust()).error().code,
              "scene.bad_signature");
    EXPECT_EQ(verifyScene(signedOne.sceneJson, "!!!!", trust()).error().code,
              "scene.bad_signature");

    // A key nobody trusts signs in vain; an empty trust directory trusts nothing.
    const auto stranger = (root_ / "admin" / "stranger.key").string();
    ASSERT_TRUE(generateAdminKey(stranger, (root_ / "admin" / "stranger.pem").string()).ok());
    auto foreign = signedScene(3, stranger);
    EXPECT_EQ(verifyScene(foreign.sceneJson, foreign.signatureBase64, trust()).error().code,
              "scene.bad_signature");
    EXPECT_EQ(verifyScene(signedOne.sceneJson, signedOne.signatureBase64, state()).error().code,
              "scene.no_trusted_keys");
    EXPECT_EQ(generateAdminKey(adminKey(), (root_ / "admin" / "x.pem").string()).error().code,
              "scene.key_write")
        << "an existing key is never overwritten";
    EXPECT_EQ(signScene("{}", (root_ / "trust" / "admin.pem").string()).error().code,
              "scene.key_invalid");
}

TEST_F(SceneDirs, StoreAppliesNewerScenesOnlyAndKeepsThePrevious) {
    SceneStore store(state(), trust());
    store.load();
    EXPECT_FALSE(store.current().has_value());
    ASSERT_TRUE(store.apply(signedScene(2)).ok());
    EXPECT_EQ(store.currentVersion(), 2);
    // What a restarted kiosk is offered first: the scene it has, which is no news and no refusal.
    EXPECT_TRUE(store.isCurrent(signedScene(2)));
    EXPECT_FALSE(store.isCurrent(signedScene(1)));
    auto tampered = signedScene(2);
    tampered.sceneJson += " ";
    EXPECT_FALSE(store.isCurrent(tampered));
    EXPECT_EQ(store.apply(signedScene(2)).error().code, "scene.not_newer");
    EXPECT_EQ(store.apply(signedScene(1)).error().code, "scene.not_newer");
    EXPECT_NE(store.lastRejection().find("v1: scene.not_newer"), std::string::npos)
        << store.lastRejection();
    ASSERT_TRUE(store.apply(signedScene(5)).ok());
    EXPECT_TRUE(store.lastRejection().empty());

    SceneStore reopened(state(), trust());
    reopened.load();
    EXPECT_EQ(reopened.currentVersion(), 5);
    EXPECT_TRUE(fs::exists(reopened.previousPath()));
    EXPECT_FALSE(fs::exists(reopened.currentPath() + ".tmp"));

    // A current file that no longer verifies (torn, or tampered with) falls back to the previous.
    std::ofstream(reopened.currentPath(), std::ios::trunc) << "{\"scene_json\": \"{}\"";
    SceneStore fallback(state(), trust());
    fallback.load();
    EXPECT_EQ(fallback.currentVersion(), 2);
    EXPECT_NE(fallback.lastRejection().find("scene.corrupt"), std::string::npos);
}

TEST_F(SceneDirs, StoreRefusesUnsignedAndInvalidScenes) {
    SceneStore store(state(), trust());
    store.load();
    auto unsignedScene = signedScene(4);
    unsignedScene.signatureBase64 = "";
    EXPECT_EQ(store.apply(unsignedScene).error().code, "scene.bad_signature");
    const std::string invalid = R"({"schema_version": 1, "version": 9})";
    auto signature = signScene(invalid, adminKey());
    ASSERT_TRUE(signature.ok());
    EXPECT_EQ(store.apply({invalid, signature.value()}).error().code, "scene.invalid");
    EXPECT_NE(store.lastRejection().find("v9: scene.invalid"), std::string::npos);
    EXPECT_FALSE(fs::exists(store.currentPath())) << "nothing refused is written";
}

TEST(SceneFormat, ReadsItsGroupAndExpiry) {
    auto scene = parseScene(sceneJson(7));
    ASSERT_TRUE(scene.ok()) << scene.error().message;
    EXPECT_EQ(scene->group, "default");
    EXPECT_EQ(scene->notAfter_s, 4102444799);  // 2099-12-31T23:59:59Z
    EXPECT_EQ(parseUtcTime("1970-01-01T00:00:00Z"), std::nullopt) << "before 2000: a mistake";
    EXPECT_EQ(parseUtcTime("2024-02-29T12:00:00Z"), 1709208000);
    EXPECT_EQ(parseUtcTime("2023-02-29T12:00:00Z"), std::nullopt);
}

TEST_F(SceneDirs, ASceneForAnotherGroupOrPastItsExpiryIsRefused) {
    SceneStore store(state(), trust(),
                     {"east-wing", {}, [] { return std::int64_t{4'000'000'000}; }});
    store.load();
    EXPECT_EQ(store.apply(signedScene(1)).error().code, "scene.wrong_group");
    EXPECT_EQ(store.apply(signedScene(2, "", "east-wing", "2096-01-01T00:00:00Z")).error().code,
              "scene.expired");  // 4,000,000,000 s is in 2096-10
    ASSERT_TRUE(store.apply(signedScene(3, "", "east-wing")).ok());

    // Once it expires the kiosk no longer starts with it.
    SceneStore later(state(), trust(),
                     {"east-wing", {}, [] { return std::int64_t{4'102'444'800}; }});
    later.load();
    EXPECT_FALSE(later.current().has_value());
    EXPECT_NE(later.lastRejection().find("scene.expired"), std::string::npos)
        << later.lastRejection();
}

TEST_F(SceneDirs, TheVersionFloorSurvivesAWipedStateDirectory) {
    {
        SceneStore store(state(), trust());
        store.load();
        ASSERT_TRUE(store.apply(signedScene(5)).ok());
    }
    fs::remove_all(state());  // wiped (or corrupted) by whoever can write there
    SceneStore wiped(state(), trust());
    wiped.load();
    EXPECT_FALSE(wiped.current().has_value());
    EXPECT_EQ(wiped.versionFloor(), 5);
    EXPECT_EQ(wiped.apply(signedScene(4)).error().code, "scene.not_newer")
        << "an old signed scene must not come back";
    ASSERT_TRUE(wiped.apply(signedScene(6)).ok());

    // The floor is per group: another group's versions start afresh.
    SceneStore other(state() + "-other", trust(), {"west", state() + ".floor", {}});
    other.load();
    EXPECT_EQ(other.versionFloor(), 0);

    // An unreadable floor accepts nothing (fail closed) and says so.
    std::ofstream(state() + ".floor", std::ios::trunc) << "garbage";
    SceneStore corrupt(state(), trust());
    corrupt.load();
    EXPECT_EQ(corrupt.apply(signedScene(7)).error().code, "scene.floor_unreadable");
}

TEST_F(SceneDirs, AVersionFarAboveTheFloorIsRefused) {
    SceneStore store(state(), trust());
    store.load();
    ASSERT_TRUE(store.apply(signedScene(2)).ok());
    EXPECT_EQ(store.apply(signedScene(2 + kMaxVersionJump + 1)).error().code, "scene.version_jump")
        << "a typo would block every later scene";
    ASSERT_TRUE(store.apply(signedScene(2 + kMaxVersionJump)).ok());
}
