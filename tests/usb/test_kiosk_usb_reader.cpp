// The kiosk itself with a USB ID card reader that is unplugged on the attract screen: libusb,
// unmodified, in a umockdev testbed; the real app (offscreen) walks a journey that waits for
// the "place your ID card" invitation to go and come back; the kiosk's health report, read by
// `kioskctl status`, says the reader is lost while it is out and ready when it is back.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "common/file_text.h"
#include "platform/health_file.h"
#include "sim/idcard/sam_emulator.h"
#include "usb/kioskctl_runner.h"
#include "usb/usb_sam_device.h"

extern char** environ;

using namespace lobby;
using namespace std::chrono_literals;

namespace {

namespace fs = std::filesystem;

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

// The reader's state in the kiosk's health report, or "" while there is none yet.
std::string readerState(const fs::path& report) {
    auto bytes = readSmallFile(report.string(), 64 * 1024);
    if (!bytes) return "";
    auto snapshot = platform::decodeHealthFile(bytes.value());
    if (!snapshot) return "";
    for (const auto& [device, state] : snapshot->heartbeat.devices) {
        if (device == "idcard_reader") return state;
    }
    return "";
}

bool waitForReader(const fs::path& report, const std::string& wanted) {
    for (auto waited = 0ms; waited < 20s; waited += 100ms) {
        if (readerState(report) == wanted) return true;
        std::this_thread::sleep_for(100ms);
    }
    return false;
}

bool waitForFile(const fs::path& path) {
    for (auto waited = 0ms; waited < 20s; waited += 100ms) {
        if (fs::exists(path)) return true;
        std::this_thread::sleep_for(100ms);
    }
    return false;
}

class KioskProcess {
public:
    explicit KioskProcess(std::vector<std::string> arguments) {
        std::vector<char*> argv;
        for (auto& argument : arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
        started_ = ::posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) == 0;
    }
    ~KioskProcess() {
        if (started_ && !reaped_) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    bool started() const { return started_; }
    // Its exit status, or -1 if it is still running after `patience`.
    int wait(std::chrono::milliseconds patience) {
        for (auto waited = 0ms; waited < patience; waited += 50ms) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                reaped_ = true;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(50ms);
        }
        return -1;
    }

private:
    pid_t pid_ = 0;
    bool started_ = false;
    bool reaped_ = false;
};

}  // namespace

TEST(KioskUsbReader, UnpluggedOnTheAttractScreenIsWithdrawnReportedAndComesBack) {
    sim::SamEmulator emulator;
    emulator.setLatencies({0ms, 0ms, 0ms, 0ms});
    auto device = test::makeUsbSamDevice(emulator);
    device->plug();

    const fs::path dir = fs::temp_directory_path() / ("kiosk-usb-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path report = dir / "health.json";
    writeText(dir / "kiosk.json", R"({"schema_version": 1, "terminal": {"id": "KIOSK-USB-0001"},
 "display": {"fullscreen": false}, "platform": {"backend": "none"}, "health": {"report_path": ")" +
                                      report.string() + R"("},
 "devices": {"idcard": {"backend": "usb", "usb_id": "0400:c35a", "poll_interval_ms": 100},
             "scanner": {"backend": "simulated"}}})");
    // The journey checks what a patient sees; the test unplugs and plugs while it waits.
    writeText(dir / "journey.json", R"([
  {"expect_screen": "attract"},
  {"present": "identifyByIdCard", "timeout_ms": 20000},
  {"absent": "identifyByIdCard", "timeout_ms": 20000},
  {"present": "identifyByQr"},
  {"present": "identifyByIdCard", "timeout_ms": 20000},
  {"wait_ms": 300}
])");
    KioskProcess kiosk({LOBBY_KIOSK_APP, "--config", (dir / "kiosk.json").string(), "--size",
                        "1080x1920", "--journey", (dir / "journey.json").string(),
                        "--screenshot-dir", (dir / "screens").string()});
    ASSERT_TRUE(kiosk.started());

    ASSERT_TRUE(waitForReader(report, "ready")) << "the kiosk never reported the reader ready";
    // Unplugged only once the patient's screen is up and inviting the card (its screenshot is
    // taken when it has settled), so the journey sees the invitation before it goes.
    ASSERT_TRUE(waitForFile(dir / "screens" / "01-attract-zh.png"));
    std::this_thread::sleep_for(1s);
    device->unplug();
    ASSERT_TRUE(waitForReader(report, "lost")) << "an unplugged reader was not reported lost";
    const auto status =
        test::runKioskctl("status --json --config " + (dir / "kiosk.json").string());
    EXPECT_NE(status.output.find(R"x("detail":"lost (as the running kiosk sees it)")x"),
              std::string::npos)
        << status.output;
    EXPECT_NE(status.output.find(R"("name":"kiosk","ok":true)"), std::string::npos)
        << status.output;

    std::this_thread::sleep_for(2s);  // out long enough for any patient, or journey, to see
    device->plug();
    EXPECT_TRUE(waitForReader(report, "ready")) << "the reader was not taken back when plugged";
    EXPECT_EQ(kiosk.wait(30s), 0) << "the journey failed: the attract screen did not follow";
    fs::remove_all(dir);
}
