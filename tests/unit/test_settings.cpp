#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "config/settings.h"

using lobby::ErrorKind;
using lobby::config::Settings;
namespace keys = lobby::config::keys;

namespace {
std::string errorOf(const char* json) {
    auto settings = Settings::fromJson(QByteArray(json));
    EXPECT_FALSE(settings.ok()) << json;
    return settings.ok() ? std::string() : settings.error().message;
}
}  // namespace

TEST(Settings, DefaultsComeFromTheDeclarations) {
    const Settings settings = Settings::defaults();
    EXPECT_EQ(settings.intValue(keys::kDisplayWidth), 1080);
    EXPECT_EQ(settings.intValue(keys::kDisplayHeight), 1920);
    EXPECT_EQ(settings.intValue(keys::kIdleTimeout_s), 60);
    EXPECT_EQ(settings.stringValue(keys::kUiLanguage), "zh");
}

TEST(Settings, ReadsNestedValuesAndKeepsDefaultsForTheRest) {
    auto settings = Settings::fromJson(
        R"({"schema_version": 1, "display": {"width": 1920, "height": 1080}, "ui": {"language": "en"}})");
    ASSERT_TRUE(settings.ok()) << settings.error().message;
    EXPECT_EQ(settings->intValue(keys::kDisplayWidth), 1920);
    EXPECT_EQ(settings->intValue(keys::kDisplayHeight), 1080);
    EXPECT_EQ(settings->stringValue(keys::kUiLanguage), "en");
    EXPECT_EQ(settings->intValue(keys::kIdleTimeout_s), 60);
}

TEST(Settings, NamesTheKeyOfEveryMistake) {
    EXPECT_EQ(errorOf(R"({"schema_version": 1, "display": {"widht": 1}})"),
              "display.widht: unknown setting");
    EXPECT_EQ(errorOf(R"({"schema_version": 1, "session": {"idle_timeout_s": "60"}})"),
              "session.idle_timeout_s: expected an integer, got a string");
    EXPECT_EQ(errorOf(R"({"schema_version": 1, "session": {"idle_timeout_s": 60.5}})"),
              "session.idle_timeout_s: expected an integer, got a number");
    EXPECT_EQ(errorOf(R"({"schema_version": 1, "display": {"width": 10}})"),
              "display.width: 10 is out of range 320..7680");
    EXPECT_EQ(errorOf(R"({"schema_version": 1, "ui": {"language": "fr"}})"),
              "ui.language: 'fr' is not one of zh, en");
    EXPECT_EQ(errorOf(R"({"schema_version": 1, "display": "big"})"), "display: unknown setting");
    EXPECT_EQ(errorOf(R"({"display": {}})"), "schema_version: required");
    EXPECT_EQ(errorOf(R"({"schema_version": 2})"),
              "schema_version: 2 is not supported (this build reads 1)");
    EXPECT_EQ(errorOf("[1, 2]"), "the top level must be a JSON object");
    EXPECT_NE(errorOf("{\"schema_version\": 1,").find("not valid JSON"), std::string::npos);
}

TEST(Settings, ErrorsAreTypedAsInvalidConfig) {
    auto settings = Settings::fromJson(R"({"schema_version": 1, "x": 1})");
    ASSERT_FALSE(settings.ok());
    EXPECT_EQ(settings.error().kind, ErrorKind::InvalidConfig);
}

TEST(Settings, LoadPrefixesTheFileAndReportsAMissingFile) {
    QTemporaryDir dir;
    const QString path = dir.filePath("kiosk.json");
    auto missing = Settings::load(path);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);

    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"schema_version": 1, "display": {"width": "wide"}})");
    file.close();
    auto bad = Settings::load(path);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message,
              path.toStdString() + ": display.width: expected an integer, got a string");
}

TEST(Settings, SensitiveValuesNeverReachTheLogDump) {
    auto settings = Settings::fromJson(
        R"({"schema_version": 1, "maintenance": {"pin_hash": "pbkdf2-sha256$200000$)"
        R"(0123456789abcdef0123456789abcdef$)"
        R"(feedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedface"}})");
    ASSERT_TRUE(settings.ok());
    const QString dump = settings->describeForLog().join('\n');
    EXPECT_FALSE(dump.contains("feedface"));
    EXPECT_TRUE(dump.contains("maintenance.pin_hash = <set>"));
    EXPECT_TRUE(dump.contains("display.width = 1080"));
}

TEST(Settings, OverridesAreValidatedLikeTheFile) {
    Settings settings = Settings::defaults();
    EXPECT_TRUE(settings.set(keys::kDisplayWidth, 1920).ok());
    EXPECT_EQ(settings.intValue(keys::kDisplayWidth), 1920);
    EXPECT_FALSE(settings.set(keys::kDisplayWidth, 5).ok());
    EXPECT_FALSE(settings.set("display.depth", 5).ok());
}

TEST(Settings, ResolvesThePathInOrderFlagEnvironmentDefault) {
    qputenv(lobby::config::kConfigPathEnv, "/tmp/from-env.json");
    EXPECT_EQ(Settings::resolvePath("/tmp/flag.json"), "/tmp/flag.json");
    EXPECT_EQ(Settings::resolvePath({}), "/tmp/from-env.json");
    qunsetenv(lobby::config::kConfigPathEnv);
    EXPECT_EQ(Settings::resolvePath({}), lobby::config::kDefaultConfigPath);
}

TEST(Settings, SchemaDeclaresEveryKeyWithItsBounds) {
    const auto schema = QJsonDocument::fromJson(lobby::config::jsonSchema()).object();
    const auto width = schema["properties"]["display"]["properties"]["width"].toObject();
    EXPECT_EQ(width["type"].toString(), "integer");
    EXPECT_EQ(width["minimum"].toInt(), 320);
    EXPECT_EQ(width["default"].toInt(), 1080);
    const auto pin = schema["properties"]["maintenance"]["properties"]["pin_hash"].toObject();
    EXPECT_TRUE(pin["x-sensitive"].toBool());
}

TEST(Settings, HugeNumbersAreOutOfRangeNotUndefined) {
    // Found by fuzz_config: a 44-digit width used to be cast to an integer before the check.
    auto settings = Settings::fromJson(
        R"({"schema_version": 1, "display": {"width": 55555555555555555555555555555555555555555510}})");
    ASSERT_FALSE(settings.ok());
    EXPECT_NE(settings.error().message.find("display.width: "), std::string::npos);
    EXPECT_NE(settings.error().message.find("is out of range 320..7680"), std::string::npos);
}

TEST(Settings, OnlyABoundedRegularFileIsRead) {
    auto device = Settings::load("/dev/zero");  // would be read forever
    ASSERT_FALSE(device.ok());
    EXPECT_NE(device.error().message.find("not a regular file"), std::string::npos);
    QTemporaryDir dir;
    EXPECT_FALSE(Settings::load(dir.path()).ok()) << "a directory";
    QFile big(dir.filePath("big.json"));
    ASSERT_TRUE(big.open(QIODevice::WriteOnly));
    big.write(QByteArray(2 << 20, ' '));
    big.close();
    auto large = Settings::load(big.fileName());
    ASSERT_FALSE(large.ok());
    EXPECT_NE(large.error().message.find("larger than 1 MiB"), std::string::npos);
}

TEST(Settings, SettingsAreCheckedAgainstEachOther) {
    EXPECT_NE(
        errorOf(R"({"schema_version": 1, "platform": {"base_url": "http://platform.example"}})")
            .find("platform.base_url: must be an https:// URL"),
        std::string::npos);
    EXPECT_NE(errorOf(R"({"schema_version": 1, "platform": {"base_url": "file:///etc/passwd"}})")
                  .find("platform.base_url"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"schema_version": 1, "platform": {"ca_bundle": ""}})")
                  .find("platform.ca_bundle: required"),
              std::string::npos);
    EXPECT_NE(
        errorOf(
            R"({"schema_version": 1, "session": {"idle_timeout_s": 40, "idle_countdown_s": 50}})")
            .find("session.idle_countdown_s"),
        std::string::npos);
    EXPECT_NE(errorOf("{\"schema_version\": 1, \"terminal\": {\"id\": \"KIOSK\\u0000-1\"}}")
                  .find("terminal.id: is not in the expected form"),
              std::string::npos);
    EXPECT_NE(
        errorOf(R"({"schema_version": 1, "platform": {"pinned_public_key": "sha256//short"}})")
            .find("platform.pinned_public_key"),
        std::string::npos);
    // With no platform, its URL and CA do not matter.
    EXPECT_TRUE(
        Settings::fromJson(
            R"({"schema_version": 1, "platform": {"backend": "none", "base_url": "", "ca_bundle": ""}})")
            .ok());
    // An override that breaks a cross-check is refused and leaves the value as it was.
    Settings settings = Settings::defaults();
    EXPECT_FALSE(settings.set(keys::kIdleCountdown_s, 60).ok());
    EXPECT_EQ(settings.intValue(keys::kIdleCountdown_s), 20);
}

TEST(Settings, APrinterAddressIsCheckedWhenTheSettingsAreRead) {
    EXPECT_EQ(
        errorOf(R"({"schema_version": 1, "devices": {"printer": {"direct": "10.0.0.5:99999"}}})"),
        "devices.printer.direct: devices.printer.direct \"10.0.0.5:99999\": the port must be "
        "a number from 1 to 65535");
    EXPECT_NE(errorOf(R"({"schema_version": 1, "devices": {"printer": {"direct": "usb:zz"}}})")
                  .find("devices.printer.direct"),
              std::string::npos);
    EXPECT_EQ(errorOf(R"({"schema_version": 1, "devices": {"printer": {"paper_mm": "57"}}})"),
              "devices.printer.paper_mm: '57' is not one of 80, 58");
    EXPECT_TRUE(Settings::fromJson(
                    R"({"schema_version": 1, "devices": {"printer": {"direct": "usb:0483:5743"}}})")
                    .ok());
}
