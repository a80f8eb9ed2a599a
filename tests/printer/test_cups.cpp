// Printing for real: libcups submits a raw ESC/POS job to a private cupsd, whose socket backend
// delivers it to the printer simulator (run by with_cupsd.sh, which starts and stops both).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "printer/cups_queue.h"
#include "printer/direct_channel.h"
#include "printer/slip_printer.h"

using namespace lobby;
using namespace lobby::printer;
using namespace std::chrono_literals;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

CupsQueue queue() {
    return {env("CUPS_SERVER"), env("LOBBY_CUPS_QUEUE")};
}
DirectAddress simulator() {
    return {"127.0.0.1",
            static_cast<unsigned short>(std::atoi(env("LOBBY_PRINTER_SIM_PORT").c_str()))};
}

void tellSimulator(const std::string& command) {
    std::ofstream control(env("LOBBY_PRINTER_SIM_CONTROL"));
    control << command << std::endl;
}

std::string printed(int job) {
    char name[32];
    std::snprintf(name, sizeof name, "job-%04d.txt", job);
    const auto path = std::filesystem::path(env("LOBBY_PRINTER_OUT")) / name;
    for (int i = 0; i < 50 && !std::filesystem::exists(path); ++i)
        std::this_thread::sleep_for(100ms);
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

Bytes slip(const std::string& queueNumber) {
    EscPos slip;
    slip.init().chineseMode(true).align(Align::Center).line("示例市第一人民医院");
    slip.size(3, 3).line(queueNumber).size(1, 1).align(Align::Left).line("内科 3诊室");
    slip.qr("https://queue.example/s/" + queueNumber).code128("V" + queueNumber).feed(2).cut();
    return slip.bytes();
}

class Cups : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_FALSE(env("LOBBY_CUPS_QUEUE").empty()) << "run under tests/printer/with_cupsd.sh";
    }
};

}  // namespace

// One test, in order, because the simulator numbers jobs as they come.
TEST_F(Cups, PrintsFollowsJobsAndReportsPaper) {
    auto status = queryQueue(queue(), 5s);
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_TRUE(status->accepting);
    EXPECT_EQ(status->state, "idle");
    EXPECT_EQ(status->printerState, PrinterState::Ready);

    // A title with a space crashed Debian's cupsd 2.4.2-3+deb12u10 before titles were made plain.
    auto job = submitRawJob(queue(), slip("A023"), "check-in slip", 5s);
    ASSERT_TRUE(job.ok()) << job.error().message;
    ASSERT_TRUE(waitForJob(queue(), job.value(), 20s).ok());
    EXPECT_EQ(printed(1), "示例市第一人民医院\nA023\n内科 3诊室\n");

    // The roll ends two lines into the next slip: CUPS reports the job done (its socket backend
    // cannot know), the printer itself says paper out, so the kiosk knows to reprint it.
    tellSimulator("paper_out_after 2");
    auto second = submitRawJob(queue(), slip("A024"), "check-in slip", 5s);
    ASSERT_TRUE(second.ok());
    ASSERT_TRUE(waitForJob(queue(), second.value(), 20s).ok());
    EXPECT_EQ(printed(2), "示例市第一人民医院\nA024\n[paper ran out]\n");
    EXPECT_EQ(queryStatus(simulator(), 2s).value(), PrinterState::PaperOut);
    tellSimulator("state ready");
    for (int i = 0; i < 20 && queryStatus(simulator(), 2s).value() != PrinterState::Ready; ++i) {
        std::this_thread::sleep_for(50ms);
    }
    EXPECT_EQ(queryStatus(simulator(), 2s).value(), PrinterState::Ready);
}

TEST_F(Cups, ASlipLostToPaperOutIsReprintedOnceOnly) {
    const int before = static_cast<int>(std::distance(
                           std::filesystem::directory_iterator(env("LOBBY_PRINTER_OUT")), {})) /
                       2;
    SlipPrinter printer(queue(), simulator());
    tellSimulator("paper_out_after 1");
    auto first = printer.print("B-1001", slip("A031"), 20s);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first.value(), PrintOutcome::PaperRanOut);
    EXPECT_EQ(printer.pendingReprints(), std::vector<std::string>{"B-1001"});

    auto tooEarly = printer.reprint("B-1001", 5s);  // still no paper: the slip stays kept
    ASSERT_FALSE(tooEarly.ok());
    EXPECT_EQ(tooEarly.error().code, "printer.not_ready");
    EXPECT_EQ(printer.pendingReprints().size(), 1u);

    tellSimulator("state ready");
    for (int i = 0; i < 20 && queryStatus(simulator(), 2s).value() != PrinterState::Ready; ++i) {
        std::this_thread::sleep_for(50ms);
    }
    auto again = printer.reprint("B-1001", 20s);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again.value(), PrintOutcome::Printed);
    EXPECT_EQ(printed(before + 2), "示例市第一人民医院\nA031\n内科 3诊室\n");
    EXPECT_TRUE(printer.pendingReprints().empty());
    EXPECT_EQ(printer.reprint("B-1001", 5s).error().code, "printer.no_reprint");  // once only
}

TEST_F(Cups, UnknownQueueAndUnreachableCupsAreTypedErrors) {
    auto missing = queryQueue({queue().server, "no-such-queue"}, 5s);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "printer.no_queue");
    auto unreachable = submitRawJob({"127.0.0.1:1", "kiosk"}, slip("X"), "x", 2s);
    ASSERT_FALSE(unreachable.ok());
    EXPECT_EQ(unreachable.error().kind, ErrorKind::Unavailable);
}

TEST(CupsReasons, MapToKioskStates) {
    EXPECT_EQ(stateFromReasons({"media-empty-error"}, "stopped"), PrinterState::PaperOut);
    EXPECT_EQ(stateFromReasons({"media-low-report"}, "idle"), PrinterState::PaperLow);
    EXPECT_EQ(stateFromReasons({"door-open-warning"}, "idle"), PrinterState::CoverOpen);
    EXPECT_EQ(stateFromReasons({"offline-report"}, "idle"), PrinterState::Offline);
    EXPECT_EQ(stateFromReasons({"marker-supply-empty-error"}, "idle"), PrinterState::Error);
    EXPECT_EQ(stateFromReasons({}, "stopped"), PrinterState::Offline);
    EXPECT_EQ(stateFromReasons({}, "idle"), PrinterState::Ready);
}
