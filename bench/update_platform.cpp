// An update through the platform, end to end, with the real clock: the sandbox in this process
// (mutual TLS on 127.0.0.1), an admin uploading the packages and publishing the release, then the
// terminal's Updater loop (the updater program's) asking for its assignment, checking both
// signatures, downloading PAYLOAD_MIB packages over TLS into staging, installing them with real
// dpkg in a scratch root, watching the health window (WINDOW_S, shortened: a wait, not work) and
// committing; then a broken release rolled back. Times come from the update events the platform
// received (phase_ms since the assignment was accepted; the lease's time out of service).
// Usage: bench_update_platform [RUNS] [PAYLOAD_MIB] [WINDOW_S]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "bench_stats.h"
#include "fake_update_ports.h"
#include "platform/https_platform_client.h"
#include "scene/scene_signature.h"
#include "scratch_debs.h"
#include "sim/platform/platform_server.h"
#include "update/install_machine.h"
#include "update/package_files.h"
#include "updater/platform_release_source.h"
#include "updater/spooled_reporter.h"
#include "updater/updater.h"

using namespace lobby;
using namespace lobby::update;
using namespace lobby::update::testing;
using json = nlohmann::json;

namespace {

using lobby::bench::median;

int fail(const std::string& why) {
    std::fprintf(stderr, "bench_update_platform: %s\n", why.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 3;
    const int payloadMiB = argc > 2 ? std::atoi(argv[2]) : 40;
    const int window_s = argc > 3 ? std::atoi(argv[3]) : 10;
    const std::string work = "/tmp/bench-update-platform";
    const std::string pool = work + "/pool", root = work + "/root";
    fs::remove_all(work);
    fs::create_directories(pool);
    if (auto built =
            buildThreeReleases(work, pool, static_cast<std::size_t>(payloadMiB) * 1024 * 1024);
        !built)
        return fail(built.error().message);
    std::vector<double> download, commitTotal, commitOut, rollbackTotal, rollbackOut;
    for (int run = 0; run < runs; ++run) {
        const std::string state = work + "/state-" + std::to_string(run);
        auto tls = sim::ensureDevCa(state + "/ca");
        if (!tls) return fail(tls.error().message);
        if (!sim::issueClientCertificate(state + "/ca", "KIOSK-BENCH", state + "/terminal") ||
            !sim::issueClientCertificate(state + "/ca", "ADMIN-1", state + "/admin", 365, true))
            return fail("issuing certificates");
        auto store = sim::PlatformStore::open(state + "/platform.db");
        if (!store) return fail(store.error().message);
        auto server = sim::PlatformServer::start(*tls, **store, 0);
        if (!server) return fail(server.error().message);
        const json scene = {{"scene_type", "outpatient_lobby"}, {"version", 1}};
        (void)(*store)->storeScene(
            "default", 1, json{{"scene_json", scene.dump()}, {"signature_base64", "c2ln"}}.dump());
        const auto config = [&](const std::string& who) {
            platform::ClientConfig c;
            c.baseUrl = "https://127.0.0.1:" + std::to_string((*server)->port());
            c.caBundle = tls->caCertificate;
            c.clientCertificate = state + "/" + who + "/client.pem";
            c.clientKey = state + "/" + who + "/client.key";
            c.callTimeout = std::chrono::minutes(5);
            return c;
        };
        platform::HttpsPlatformClient admin(config("admin")), terminal(config("terminal"));
        fs::create_directories(state + "/trust/platform");
        fs::create_directories(state + "/trust/release");
        fs::copy_file((*server)->releasePublicKey(), state + "/trust/platform/platform.pem");
        if (!scene::generateAdminKey(state + "/release.key", state + "/trust/release/r.pem"))
            return fail("making the release key");
        for (const char* version : {"1.0.0", "1.1.0", "1.2.0"}) {
            const std::string file = std::string("lobby-kiosk_") + version + "_all.deb";
            std::ifstream in(pool + "/" + file, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), {});
            if (auto sent = admin.putPackage(file, bytes); !sent)
                return fail("uploading " + file + ": " + sent.error().message);
        }
        const auto publish = [&](const std::string& version, std::int64_t counter) {
            const std::string file = "lobby-kiosk_" + version + "_all.deb";
            auto digest = digestFile(pool + "/" + file);
            const json manifest = {{"format", 1},
                                   {"release", version},
                                   {"counter", counter},
                                   {"scene_types", {"outpatient_lobby"}},
                                   {"min_version", "1.0.0"},
                                   {"packages",
                                    {{{"name", "lobby-kiosk"},
                                      {"version", version},
                                      {"file", file},
                                      {"sha256", digest->sha256},
                                      {"size", digest->size}}}}};
            const std::string bytes = manifest.dump();
            const json request = {
                {"scene_type", "outpatient_lobby"},
                {"manifest_json", bytes},
                {"signature_base64", *scene::signScene(bytes, state + "/release.key")},
                {"stages", {{{"percent", 100}}}}};
            return admin.publishRollout(request.dump()).ok();
        };

        if (!makeScratchRoot(root)) return fail("making the scratch root");
        DpkgPackageManager dpkg({root, true, false});
        if (!dpkg.install({pool + "/lobby-kiosk_1.0.0_all.deb"})) return fail("installing 1.0.0");
        CallCounter counter;
        FakeLease lease(counter);
        InstalledHealth health(root);
        WallClockHost host;
        lobby::updater::PlatformReleaseSource source(terminal);
        std::vector<json> heard;  // the events as the platform received them
        lobby::updater::SpooledReporter reporter(state + "/events.jsonl",
                                                 [&](const std::string& event) {
                                                     auto sent = terminal.postUpdateEvent(event);
                                                     if (sent) heard.push_back(json::parse(event));
                                                     return sent;
                                                 });
        UpdatePolicy policy;
        policy.healthWindow_ms = window_s * 1000LL;
        policy.readyWithin_ms =
            std::min<std::int64_t>(policy.readyWithin_ms, policy.healthWindow_ms);
        policy.sampleEvery_ms = 250;
        InstallMachine machine(state + "/updater", {dpkg, source, lease, health, reporter, host},
                               policy);
        lobby::updater::Updater loop(terminal, machine, source, reporter, dpkg, host,
                                     {"KIOSK-BENCH", state + "/trust",
                                      [] { return std::string("outpatient_lobby"); }, 600'000});
        if (!loop.open()) return fail("opening the updater");
        const auto update = [&](const std::string& version, std::int64_t counterValue) {
            heard.clear();
            if (!publish(version, counterValue)) return false;
            if (!loop.turn().accepted) return false;
            while (machine.busy()) {
                const auto turn = loop.turn();
                std::this_thread::sleep_for(std::chrono::milliseconds(turn.wait_ms));
            }
            reporter.flush();
            return true;
        };
        const auto at = [&](const std::string& phase, bool ok) -> const json* {
            for (const auto& event : heard) {
                if (event["phase"] == phase && event["ok"] == ok) return &event;
            }
            return nullptr;
        };
        if (!update("1.1.0", 2)) return fail("1.1.0 was not taken");
        const json* downloaded = at("downloaded", true);
        const json* committed = at("committed", true);
        if (!downloaded || !committed) return fail("1.1.0 was not committed");
        download.push_back(downloaded->at("phase_ms").get<double>());
        commitTotal.push_back(committed->at("phase_ms").get<double>());
        commitOut.push_back(committed->at("out_of_service_ms").get<double>());
        if (!update("1.2.0", 3)) return fail("1.2.0 was not taken");
        const json* failed = at("installed", false);
        const json* rolledBack = at("rolled_back", true);
        if (!failed || !rolledBack || *dpkg.installedVersion("lobby-kiosk") != "1.1.0")
            return fail("1.2.0 was not rolled back");
        rollbackTotal.push_back(rolledBack->at("phase_ms").get<double>() -
                                failed->at("phase_ms").get<double>());
        rollbackOut.push_back(rolledBack->at("out_of_service_ms").get<double>());
        std::printf(
            "run %d: download %.0f ms, commit %.0f ms (out of service %.0f ms); rollback %.0f ms "
            "after the failure (out of service %.0f ms)\n",
            run + 1, download.back(), commitTotal.back(), commitOut.back(), rollbackTotal.back(),
            rollbackOut.back());
    }
    std::printf(
        "update_platform: %d runs, %d MiB package over mutual TLS, health window %d s "
        "(medians)\n",
        runs, payloadMiB, window_s);
    std::printf("  assignment accepted -> downloaded  %8.0f ms\n", median(download));
    std::printf("  assignment accepted -> committed   %8.0f ms\n", median(commitTotal));
    std::printf("  out of service, committed update   %8.0f ms\n", median(commitOut));
    std::printf("  failure detected -> rolled back    %8.0f ms\n", median(rollbackTotal));
    std::printf("  out of service, rolled back update %8.0f ms\n", median(rollbackOut));
    fs::remove_all(work);
    return 0;
}
