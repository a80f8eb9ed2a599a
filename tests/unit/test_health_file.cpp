// The running kiosk's health report as kioskctl reads it: what the kiosk writes reads back the
// same; anything else (hostile, truncated, out of range) is a typed error; the file is read and
// written without following links.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/file_text.h"
#include "platform/health_file.h"

namespace {

namespace fs = std::filesystem;
using lobby::platform::decodeHealthFile;
using lobby::platform::encodeHealthFile;
using lobby::platform::HealthSnapshot;

HealthSnapshot sample() {
    HealthSnapshot snapshot;
    snapshot.heartbeat.terminalId = "KIOSK-0001";
    snapshot.heartbeat.softwareVersion = "0.1.0";
    snapshot.heartbeat.sceneVersion = 7;
    snapshot.heartbeat.devices = {{"idcard_reader", "lost"}, {"printer", "paper_low"}};
    snapshot.heartbeat.uptime_s = 3600;
    snapshot.heartbeat.lastError = "lobby.driver.idcard: reader lost";
    snapshot.heartbeat.packages = {{"lobby-kiosk", "1:0.1.0-1"}, {"lobby-kiosk-voice", "0.1.0"}};
    snapshot.platformReachable = false;
    snapshot.journalUnsettled = 2;
    snapshot.writtenAt_s = 1'796'000'000;
    snapshot.pid = 4242;
    return snapshot;
}

struct ScratchDir {
    fs::path path = fs::temp_directory_path() / ("health-file-" + std::to_string(::getpid()));
    ScratchDir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchDir() { fs::remove_all(path); }
};

TEST(HealthFile, WhatTheKioskWritesReadsBackTheSame) {
    auto decoded = decodeHealthFile(encodeHealthFile(sample()));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->heartbeat.terminalId, "KIOSK-0001");
    EXPECT_EQ(decoded->heartbeat.sceneVersion, 7);
    EXPECT_EQ(decoded->heartbeat.devices, sample().heartbeat.devices);
    EXPECT_EQ(decoded->heartbeat.packages, sample().heartbeat.packages);
    EXPECT_EQ(decoded->heartbeat.lastError, "lobby.driver.idcard: reader lost");
    EXPECT_EQ(decoded->platformReachable, std::optional<bool>(false));
    EXPECT_EQ(decoded->journalUnsettled, std::optional<int>(2));
    EXPECT_EQ(decoded->writtenAt_s, 1'796'000'000);
    EXPECT_EQ(decoded->pid, 4242);

    HealthSnapshot bare = sample();
    bare.platformReachable.reset();
    bare.journalUnsettled.reset();
    auto decodedBare = decodeHealthFile(encodeHealthFile(bare));
    ASSERT_TRUE(decodedBare.ok()) << decodedBare.error().message;
    EXPECT_FALSE(decodedBare->platformReachable.has_value());
    EXPECT_FALSE(decodedBare->journalUnsettled.has_value());
}

TEST(HealthFile, TheHeartbeatBodyIsTheFilesHeartbeatPart) {
    const std::string body = lobby::platform::heartbeatBody(sample().heartbeat);
    EXPECT_NE(body.find(R"("devices":{"idcard_reader":"lost","printer":"paper_low"})"),
              std::string::npos)
        << body;
    EXPECT_EQ(body.find("written_at"), std::string::npos) << "the terminal's own fields leaked";
    EXPECT_EQ(body.find("journal_unsettled"), std::string::npos);
}

TEST(HealthFile, AnythingElseIsATypedError) {
    const std::string good = encodeHealthFile(sample());
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return text.replace(at, from.size(), to);
    };
    for (const std::string& hostile : {
             std::string(""),
             std::string("[]"),
             good.substr(0, good.size() / 2),
             replaced("\"pid\": 4242", "\"pid\": -1"),
             replaced("\"pid\": 4242", "\"pid\": \"4242\""),
             replaced("\"written_at\": 1796000000", "\"written_at\": 99999999999"),
             replaced("\"uptime_s\": 3600", "\"uptime_s\": 1.5"),
             replaced("\"lost\"", "\"lost; rm -rf /\""),
             replaced("\"idcard_reader\"", "\"ID card\""),
             replaced("\"platform\": \"unreachable\"", "\"platform\": true"),
             replaced("\"journal_unsettled\": 2", "\"journal_unsettled\": -2"),
             replaced("reader lost", "reader\\u001b[2Jlost"),
         }) {
        auto decoded = decodeHealthFile(hostile);
        ASSERT_FALSE(decoded.ok()) << hostile;
        EXPECT_EQ(decoded.error().code, "health.bad_file");
        EXPECT_FALSE(decoded.error().message.empty());
    }
}

TEST(SmallFile, ReadsARegularFileAndRefusesLinksDirectoriesAndOversizedOnes) {
    ScratchDir dir;
    const fs::path report = dir.path / "health.json";
    std::ofstream(report) << "{}";
    auto read = lobby::readSmallFile(report.string(), 16);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read.value(), "{}");

    EXPECT_EQ(lobby::readSmallFile((dir.path / "absent").string(), 16).error().code,
              "file.missing");
    fs::create_symlink(report, dir.path / "planted");
    EXPECT_EQ(lobby::readSmallFile((dir.path / "planted").string(), 16).error().code, "file.link");
    EXPECT_EQ(lobby::readSmallFile(dir.path.string(), 16).error().code, "file.not_regular");
    EXPECT_EQ(lobby::readSmallFile(report.string(), 1).error().code, "file.too_large");
    EXPECT_EQ(lobby::readSmallFile("/dev/zero", 16).error().code, "file.not_regular");
}

TEST(SmallFile, AnAtomicWriteReplacesAPlantedTemporaryLinkWithoutFollowingIt) {
    ScratchDir dir;
    const fs::path target = dir.path / "health.json";
    const fs::path victim = dir.path / "victim";
    std::ofstream(victim) << "precious";
    fs::create_symlink(victim, dir.path / "health.json.tmp");  // planted where the temporary goes
    ASSERT_TRUE(lobby::writeFileAtomically(dir.path.string(), target.string(), "{\"a\":1}").ok());
    EXPECT_EQ(lobby::readSmallFile(victim.string(), 64).value(), "precious");
    EXPECT_EQ(lobby::readSmallFile(target.string(), 64).value(), "{\"a\":1}");
    EXPECT_FALSE(fs::exists(dir.path / "health.json.tmp"));
}

}  // namespace
