#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <deque>
#include <mutex>

#include "devices/scanner_service.h"

using namespace lobby;
using lobby::devices::ScannerService;

namespace {

// A scanner that yields scripted results, then nothing; the service must survive its errors.
struct ScriptedScanner final : scanner::ScanSource {
    std::shared_ptr<std::deque<Result<std::optional<std::string>>>> script;
    Result<std::optional<std::string>> next(std::chrono::milliseconds timeout) override {
        if (script->empty()) {
            std::this_thread::sleep_for(timeout);
            return std::optional<std::string>{};
        }
        auto result = script->front();
        script->pop_front();
        return result;
    }
};

}  // namespace

TEST(ScannerService, EmitsClassifiedScansAndReopensAFailedScanner) {
    auto script = std::make_shared<std::deque<Result<std::optional<std::string>>>>();
    script->push_back(std::optional<std::string>("JZK0001"));
    script->push_back(makeError(ErrorKind::Unavailable, "scanner.no_scanner", "unplugged"));
    script->push_back(std::optional<std::string>(std::string("bad\x01scan")));
    script->push_back(std::optional<std::string>("YBPZ:abc"));
    int opened = 0;
    auto rules = scanner::parseRules("evoucher=YBPZ;visit_card=JZK");
    ASSERT_TRUE(rules.ok());
    ScannerService service(
        [&opened, script]() -> Result<std::unique_ptr<scanner::ScanSource>> {
            ++opened;
            auto source = std::make_unique<ScriptedScanner>();
            source->script = script;
            return std::unique_ptr<scanner::ScanSource>(std::move(source));
        },
        rules.value());
    QSignalSpy scans(&service, &ScannerService::scanned);
    QSignalSpy presence(&service, &ScannerService::presenceChanged);
    service.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return scans.count() >= 2; }, 8000));
    service.stop();
    EXPECT_EQ(scans.at(0).at(0).toString(), "visit_card");
    EXPECT_EQ(scans.at(0).at(1).toString(), "JZK0001");
    EXPECT_EQ(scans.at(1).at(0).toString(), "evoucher");  // the non-printable scan was dropped
    EXPECT_EQ(opened, 2);                                 // reopened after the error
    ASSERT_GE(presence.count(), 2);
    EXPECT_FALSE(presence.at(0).at(0).toBool());
    EXPECT_TRUE(presence.at(1).at(0).toBool());
}
