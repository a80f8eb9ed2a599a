// How long an update takes and how long the kiosk is out of service, with real dpkg in a scratch
// root and the real clock: per run, N (installed by hand) → N+1 committed after the health window,
// then a broken N+2 (its kiosk restarts) rolled back to N+1. Packages weigh PAYLOAD_MIB each
// (incompressible). The lease, the reporter and the platform are the tests' fakes; the health
// window is shortened (WINDOW_S) because it is a wait, not work: its full length adds to the
// committed figures one for one.
// Usage: bench_update_install [RUNS] [PAYLOAD_MIB] [WINDOW_S]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>
#include <vector>

#include "bench_stats.h"
#include "fake_update_ports.h"
#include "scratch_debs.h"
#include "update/install_machine.h"
#include "update/package_files.h"

using namespace lobby::update;
using namespace lobby::update::testing;

using lobby::bench::median;

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 3;
    const int payloadMiB = argc > 2 ? std::atoi(argv[2]) : 40;
    const int window_s = argc > 3 ? std::atoi(argv[3]) : 10;
    const std::string work = "/tmp/bench-update-install";
    const std::string pool = work + "/pool", root = work + "/root";
    fs::remove_all(work);
    fs::create_directories(pool);
    for (const auto& [version, health] :
         {std::pair{"1.0.0", "ok"}, std::pair{"1.1.0", "ok"}, std::pair{"1.2.0", "crash"}}) {
        auto built = buildDeb(work, pool,
                              {"lobby-kiosk", version, health, "",
                               static_cast<std::size_t>(payloadMiB) * 1024 * 1024});
        if (!built) {
            std::fprintf(stderr, "building the packages: %s\n", built.error().message.c_str());
            return 1;
        }
    }
    std::vector<double> commitTotal, commitDpkg, commitOut, rollbackTotal, rollbackOut;
    for (int run = 0; run < runs; ++run) {
        if (!makeScratchRoot(root)) return 1;
        DpkgPackageManager dpkg({root, true, false});
        if (!dpkg.install({pool + "/lobby-kiosk_1.0.0.deb"})) return 1;
        fs::remove_all(work + "/updater");
        CallCounter counter;
        FolderSource source(pool);
        FakeLease lease(counter);
        InstalledHealth health(root);
        FakeReporter reporter(counter);
        WallClockHost host;
        UpdatePolicy policy;
        policy.healthWindow_ms = window_s * 1000LL;
        policy.readyWithin_ms =
            std::min<std::int64_t>(policy.readyWithin_ms, policy.healthWindow_ms);
        policy.sampleEvery_ms = 250;
        InstallMachine machine(work + "/updater", {dpkg, source, lease, health, reporter, host},
                               policy);
        if (!machine.open()) return 1;
        auto release = [&](const std::string& version, std::int64_t counterValue) {
            auto digest = digestFile(pool + "/lobby-kiosk_" + version + ".deb");
            ReleaseManifest manifest;
            manifest.release = version;
            manifest.counter = counterValue;
            manifest.sceneTypes = {"outpatient_lobby"};
            manifest.minVersion = "0.1";
            manifest.packages = {{"lobby-kiosk", version, "lobby-kiosk_" + version + ".deb",
                                  digest->sha256, digest->size}};
            VerifiedRelease verified{manifest, {}, sha256Hex(version)};
            verified.assignment.rolloutId = "bench";
            verified.assignment.expiresAt_s = host.now_ms() / 1000 + 3600;
            return verified;
        };
        auto drive = [&] {
            for (;;) {
                const auto next = machine.step();
                if (next.idle) return;
                std::this_thread::sleep_for(std::chrono::milliseconds(next.wait_ms));
            }
        };
        auto at = [&](UpdatePhase phase, bool ok) -> const UpdateEvent* {
            for (const auto& event : reporter.events) {
                if (event.phase == phase && event.ok == ok) return &event;
            }
            return nullptr;
        };
        if (!machine.accept(release("1.1.0", 2))) return 1;
        drive();
        const auto* leased = at(UpdatePhase::Leased, true);
        const auto* installed = at(UpdatePhase::Installed, true);
        const auto* committed = at(UpdatePhase::Committed, true);
        if (!leased || !installed || !committed) {
            std::fprintf(stderr, "run %d: 1.1.0 was not committed\n", run);
            return 1;
        }
        commitTotal.push_back(static_cast<double>(committed->phase_ms));
        commitDpkg.push_back(static_cast<double>(installed->phase_ms - leased->phase_ms));
        commitOut.push_back(static_cast<double>(committed->outOfService_ms));
        reporter.events.clear();
        if (!machine.accept(release("1.2.0", 3))) return 1;
        drive();
        const auto* failed = at(UpdatePhase::Installed, false);
        const auto* rolledBack = at(UpdatePhase::RolledBack, true);
        if (!failed || !rolledBack || *dpkg.installedVersion("lobby-kiosk") != "1.1.0") {
            std::fprintf(stderr, "run %d: 1.2.0 was not rolled back\n", run);
            return 1;
        }
        rollbackTotal.push_back(static_cast<double>(rolledBack->phase_ms - failed->phase_ms));
        rollbackOut.push_back(static_cast<double>(rolledBack->outOfService_ms));
        std::printf(
            "run %d: commit %lld ms (dpkg %lld ms, out of service %lld ms); rollback %lld "
            "ms after the failure, out of service %lld ms\n",
            run + 1, static_cast<long long>(commitTotal.back()),
            static_cast<long long>(commitDpkg.back()), static_cast<long long>(commitOut.back()),
            static_cast<long long>(rollbackTotal.back()),
            static_cast<long long>(rollbackOut.back()));
    }
    std::printf("update_install: %d runs, %d MiB packages, health window %d s (medians)\n", runs,
                payloadMiB, window_s);
    std::printf("  assignment accepted -> committed   %8.0f ms\n", median(commitTotal));
    std::printf("    of which dpkg installing         %8.0f ms\n", median(commitDpkg));
    std::printf("  out of service, committed update   %8.0f ms  (lease held: install + window)\n",
                median(commitOut));
    std::printf("  failure detected -> rolled back    %8.0f ms\n", median(rollbackTotal));
    std::printf("  out of service, rolled back update %8.0f ms\n", median(rollbackOut));
    fs::remove_all(work);
    return 0;
}
