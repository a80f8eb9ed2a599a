// The app's side of the platform: calls run off the Qt thread, their results come back on it,
// a patient leaving cancels the call in flight and drops every result of their session, and
// reachability follows what the platform does.
#include <gtest/gtest.h>
#include <httplib.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <thread>

#include "platform/https_platform_client.h"
#include "services/platform_service.h"
#include "sim/platform/dev_ca.h"

using namespace lobby;
using namespace lobby::platform;
using namespace std::chrono_literals;

namespace {

// A plain-HTTPS stand-in for the platform whose departments take `delay` to answer.
class SlowPlatform {
public:
    explicit SlowPlatform(std::chrono::milliseconds delay) {
        dir_ = std::filesystem::temp_directory_path() /
               ("lobby-service-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        tls_ = sim::ensureDevCa(dir_ / "ca").value();
        server_ = std::make_unique<httplib::SSLServer>(tls_.serverCertificate.c_str(),
                                                       tls_.serverKey.c_str());
        server_->Get(
            "/v1/departments", [delay, this](const httplib::Request&, httplib::Response& response) {
                ++calls;
                std::this_thread::sleep_for(delay);
                response.set_content(R"([{"id":"NK","name":{"zh":"内科","en":"Internal Medicine"},)"
                                     R"("pinyin_initials":"NK"}])",
                                     "application/json");
            });
        server_->Post("/v1/terminals/self/heartbeat",
                      [](const httplib::Request&, httplib::Response& response) {
                          response.set_content("{}", "application/json");
                      });
        port_ = server_->bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_->listen_after_bind(); });
    }
    ~SlowPlatform() {
        server_->stop();
        thread_.join();
        std::filesystem::remove_all(dir_);
    }
    ClientConfig config() const {
        ClientConfig c;
        c.baseUrl = "https://127.0.0.1:" + std::to_string(port_);
        c.caBundle = tls_.caCertificate;
        c.callTimeout = 5000ms;
        return c;
    }
    std::atomic<int> calls{0};

private:
    std::filesystem::path dir_;
    sim::DevCaFiles tls_;
    std::unique_ptr<httplib::SSLServer> server_;
    int port_ = 0;
    std::thread thread_;
};

bool waitFor(const std::function<bool()>& condition, int timeout_ms = 5000) {
    QElapsedTimer clock;
    clock.start();
    while (!condition() && clock.elapsed() < timeout_ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return condition();
}

using Departments = std::vector<Department>;

}  // namespace

TEST(PlatformService, ResultsComeBackOnTheQtThreadWithoutBlockingIt) {
    SlowPlatform platform(300ms);
    services::PlatformService service(std::make_unique<HttpsPlatformClient>(platform.config()),
                                      60s);
    std::optional<Result<Departments>> got;
    Qt::HANDLE doneThread = nullptr;
    QElapsedTimer clock;
    clock.start();
    service.call<Departments>(
        [](PlatformClient& client) { return client.departments(); },
        [&](Result<Departments> result, std::optional<services::CallFailure>) {
            doneThread = QThread::currentThreadId();
            got = std::move(result);
        });
    EXPECT_LT(clock.elapsed(), 100) << "call() must not wait for the network";
    ASSERT_TRUE(waitFor([&] { return got.has_value(); }));
    ASSERT_TRUE(got->ok()) << got->error().message;
    EXPECT_EQ(got->value().front().nameZh, "内科");
    EXPECT_EQ(doneThread, QThread::currentThreadId());
    EXPECT_TRUE(service.reachable());
}

TEST(PlatformService, APatientLeavingCancelsTheCallAndDropsTheirResults) {
    SlowPlatform platform(1500ms);
    services::PlatformService service(std::make_unique<HttpsPlatformClient>(platform.config()),
                                      60s);
    int delivered = 0;
    auto ask = [&] {
        service.call<Departments>(
            [](PlatformClient& client) { return client.departments(); },
            [&](Result<Departments>, std::optional<services::CallFailure>) { ++delivered; });
    };
    ask();  // in flight when the patient leaves
    ask();  // still queued when the patient leaves
    ASSERT_TRUE(waitFor([&] { return platform.calls.load() == 1; }));
    QElapsedTimer clock;
    clock.start();
    service.endSession();
    // The next patient's call is answered; the first patient's two never are.
    bool nextAnswered = false;
    service.call<Departments>(
        [](PlatformClient& client) { return client.departments(); },
        [&](Result<Departments> result, std::optional<services::CallFailure>) {
            nextAnswered = result.ok();
        });
    ASSERT_TRUE(waitFor([&] { return nextAnswered; }, 8000));
    EXPECT_EQ(delivered, 0);
    EXPECT_EQ(platform.calls.load(), 2) << "the queued call of the patient who left was not sent";
    EXPECT_LT(clock.elapsed(), 3000 + 1500) << "the call in flight was cut short, not waited out";
}

TEST(PlatformService, ReachabilityFollowsThePlatform) {
    auto platform = std::make_unique<SlowPlatform>(0ms);
    ClientConfig config = platform->config();
    config.maxAttempts = 1;
    services::PlatformService service(std::make_unique<HttpsPlatformClient>(config), 60s);
    std::vector<bool> changes;
    QObject::connect(&service, &services::PlatformService::reachabilityChanged,
                     [&](bool reachable) { changes.push_back(reachable); });
    service.setHealthSource([] { return Heartbeat{"KIOSK-TEST-0001", "0", 0, {}, 1, "", "", {}}; });
    service.start();
    ASSERT_TRUE(waitFor([&] { return changes.size() == 1; }));
    EXPECT_TRUE(changes.back());
    platform.reset();  // the platform goes away
    bool failed = false;
    service.call<Departments>(
        [](PlatformClient& client) { return client.departments(); },
        [&](Result<Departments> result, std::optional<services::CallFailure> f) {
            failed = !result.ok() && f.has_value() && !f->message.isEmpty();
        });
    ASSERT_TRUE(waitFor([&] { return failed; }));
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_FALSE(changes.back());
    EXPECT_FALSE(service.reachable());
}
