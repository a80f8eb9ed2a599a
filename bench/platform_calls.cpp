// Benchmarks the kiosk's platform client against the sandbox over real TLS on loopback:
//  1. the check-in call's round trip with one kept-alive connection (the kiosk's way) against a
//     fresh connection and full TLS handshake per call;
//  2. the sandbox's bookings per second with 50 concurrent clients, each on its own connection.
// Prints its figures; run by hand (bench/README.md).
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/id_number.h"
#include "platform/https_platform_client.h"
#include "sim/platform/platform_server.h"
#include "tests/platform/verified_registration.h"

using namespace lobby;
using namespace lobby::platform;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRoundTrips = 300;
constexpr int kClients = 50;
constexpr int kDaysBooked = 6;     // days 1-6: inside the window whatever the hour
constexpr int kDoctorsPerDay = 3;  // the per-day limit

std::string dateIn(int days) {
    std::time_t when = std::time(nullptr) + days * 86400;
    std::tm local{};
    localtime_r(&when, &local);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &local);
    return date;
}

std::string idNumber(int serial) {
    char base[18];
    std::snprintf(base, sizeof base, "1101051980%07d", serial);
    return std::string(base) + lobby::checkDigitFor(base).value();
}

// The clock offset that puts the platform at 08:50 local time tomorrow (a pickup window).
std::chrono::seconds offsetToTomorrowMorning() {
    const std::time_t now = std::time(nullptr);
    std::tm target{};
    localtime_r(&now, &target);
    target.tm_mday += 1;
    target.tm_hour = 8;
    target.tm_min = 50;
    target.tm_sec = 0;
    return std::chrono::seconds(static_cast<long>(std::difftime(std::mktime(&target), now)));
}

struct Stats {
    double median_ms, p95_ms, mean_ms;
};

Stats statsOf(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    double sum = 0;
    for (double s : samples)
        sum += s;
    return {samples[samples.size() / 2], samples[samples.size() * 95 / 100],
            sum / static_cast<double>(samples.size())};
}

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main() {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("lobby-bench-platform-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    auto tls = sim::ensureDevCa(dir / "ca");
    if (!tls || !sim::issueClientCertificate(dir / "ca", "KIOSK-BENCH", dir / "terminal").ok()) {
        std::fprintf(stderr, "cannot make the dev CA\n");
        return 1;
    }
    auto store = sim::PlatformStore::open(dir / "platform.db");
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    auto server = sim::PlatformServer::start(*tls, **store, 0);
    if (!server) {
        std::fprintf(stderr, "%s\n", server.error().message.c_str());
        return 1;
    }
    ClientConfig config;
    config.baseUrl = "https://127.0.0.1:" + std::to_string((*server)->port());
    config.caBundle = tls->caCertificate;
    config.clientCertificate = dir / "terminal" / "client.pem";
    config.clientKey = dir / "terminal" / "client.key";
    config.maxAttempts = 1;  // a retry would hide a failure in the figures

    // A paid booking for tomorrow, then the platform's clock moved into its pickup window.
    HttpsPlatformClient setup(config);
    const auto patient =
        lobby::testing::registerVerified(setup, **store, idNumber(1), "张三丰", "bench-reg-1");
    const std::string firstSlice = "D100-" + dateIn(1) + "-m-1";
    const auto booking = patient ? setup.createBooking(patient->id, firstSlice, "bench-book-1")
                                 : Result<Booking>(patient.error());
    const auto payment = booking ? setup.startPayment(booking->id, "wechat", "bench-pay-1")
                                 : Result<Payment>(booking.error());
    if (!payment || !(*store)->capturePayment(payment->id).ok()) {
        std::fprintf(stderr, "setup failed: %s\n",
                     payment ? "capture" : payment.error().message.c_str());
        return 1;
    }
    (*server)->setClockOffset(offsetToTomorrowMorning());
    const auto first = setup.checkIn(booking->id, "bench-checkin-0");
    if (!first) {
        std::fprintf(stderr, "check-in failed: %s\n", first.error().message.c_str());
        return 1;
    }

    // Each further call is a full check-in on the platform (a write transaction that finds the
    // existing queue number), as when a kiosk retries; only the connection handling differs.
    std::vector<double> reused, fresh;
    HttpsPlatformClient kiosk(config);
    long failures = 0;
    for (int i = 0; i < kRoundTrips; ++i) {
        const auto start = Clock::now();
        const auto checkin = kiosk.checkIn(booking->id, "bench-reuse-" + std::to_string(i));
        reused.push_back(millisecondsSince(start));
        if (!checkin || checkin->queueNumber != first->queueNumber) ++failures;
    }
    const long reusedHandshakes = kiosk.handshakes();
    for (int i = 0; i < kRoundTrips; ++i) {
        const auto start = Clock::now();
        HttpsPlatformClient once(config);
        const auto checkin = once.checkIn(booking->id, "bench-fresh-" + std::to_string(i));
        fresh.push_back(millisecondsSince(start));
        if (!checkin || checkin->queueNumber != first->queueNumber) ++failures;
    }
    const Stats r = statsOf(reused), f = statsOf(fresh);
    std::printf("check-in round trip on loopback, %d calls each (queue number %s):\n", kRoundTrips,
                first->queueNumber.c_str());
    std::printf(
        "  kept-alive connection: median %.2f ms, p95 %.2f ms, mean %.2f ms (%ld TLS "
        "handshake%s)\n",
        r.median_ms, r.p95_ms, r.mean_ms, reusedHandshakes, reusedHandshakes == 1 ? "" : "s");
    std::printf(
        "  fresh TLS per call:    median %.2f ms, p95 %.2f ms, mean %.2f ms (%d handshakes)\n",
        f.median_ms, f.p95_ms, f.mean_ms, kRoundTrips);
    std::printf("  fresh / kept-alive median: %.1fx; failed calls: %ld\n",
                f.median_ms / r.median_ms, failures);
    (*server)->setClockOffset(std::chrono::seconds(0));

    // 50 clients, each its own kiosk (one connection) booking for its own patient: three doctors
    // a day over days 1-6, spread over slices so that no slice is asked for more than it holds.
    std::vector<std::string> patients;
    for (int i = 0; i < kClients; ++i) {
        const auto registered = lobby::testing::registerVerified(
            setup, **store, idNumber(100 + i), "患者", "bench-reg-" + std::to_string(100 + i),
            "139" + std::to_string(10'000'000 + i));
        if (!registered) {
            std::fprintf(stderr, "register failed: %s\n", registered.error().message.c_str());
            return 1;
        }
        patients.push_back(registered->id);
    }
    std::atomic<int> booked{0};
    std::mutex refusalsMutex;
    std::map<std::string, int> refusals;
    std::vector<std::vector<double>> latencies(kClients);
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&, c] {
            HttpsPlatformClient client(config);
            (void)client.departments();  // connect before the clock starts, as a kiosk would be
            ++ready;
            while (!go)
                std::this_thread::yield();
            for (int day = 1; day <= kDaysBooked; ++day) {
                for (int d = 0; d < kDoctorsPerDay; ++d) {
                    const std::string doctor = "D" + std::to_string(100 + (c + 7 * d) % 20);
                    const std::string slice = doctor + "-" + dateIn(day) + "-" +
                                              (c < kClients / 2 ? "m" : "a") + "-" +
                                              std::to_string(1 + c % 6);
                    const auto start = Clock::now();
                    const auto result =
                        client.createBooking(patients[c], slice,
                                             "bench-" + std::to_string(c) + "-" +
                                                 std::to_string(day) + "-" + std::to_string(d));
                    latencies[c].push_back(millisecondsSince(start));
                    if (result) {
                        ++booked;
                    } else {
                        std::lock_guard lock(refusalsMutex);
                        ++refusals[result.error().code];
                    }
                }
            }
        });
    }
    while (ready < kClients)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const auto start = Clock::now();
    go = true;
    for (auto& client : clients)
        client.join();
    const double elapsed_s = millisecondsSince(start) / 1000.0;
    std::vector<double> all;
    for (const auto& l : latencies)
        all.insert(all.end(), l.begin(), l.end());
    const Stats b = statsOf(all);
    std::printf(
        "bookings with %d concurrent clients: %zu calls in %.2f s -> %.0f bookings/s "
        "(%d booked)\n",
        kClients, all.size(), elapsed_s, static_cast<double>(booked) / elapsed_s, booked.load());
    std::printf("  per-call latency under load: median %.1f ms, p95 %.1f ms\n", b.median_ms,
                b.p95_ms);
    for (const auto& [code, count] : refusals)
        std::printf("  refused %s: %d\n", code.c_str(), count);

    server->reset();
    store->reset();
    std::filesystem::remove_all(dir);
    return failures == 0 && refusals.empty() ? 0 : 1;
}
