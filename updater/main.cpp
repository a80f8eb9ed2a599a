// lobby-kiosk-updater: the kiosk's own updater, a small root program apart from the kiosk app
// (packaging/systemd/lobby-kiosk-updater.service). It asks the platform for this terminal's
// release every update.poll_interval_s, checks it (both signatures, this terminal, not expired,
// no counter going back), and installs it through the persisted install machine: download and
// verify, the running kiosk's maintenance lease, dpkg keeping the hospital's conffiles, the
// health window on the kiosk's unit, then commit or roll back; an install it was in the middle of
// when it stopped is resumed first. Every step goes to the platform, spooled until it answers.
// Between installs, an updater whose own file a release replaced ends (exit 0) for systemd to
// start the new one.
//   lobby-kiosk-updater [--config PATH] [--once] [--root DIR]
//     --once   ask once, finish what that started, then exit (for technicians and tests)
//     --root   dpkg's root (a scratch root in tests); the real root by default
// Exit: 0 stopped or done, 1 cannot start (the state folder, the platform client), 2 bad config.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "config/settings.h"
#include "config/settings_spec.h"
#include "setup/from_settings.h"
#include "update/dpkg_package_manager.h"
#include "update/install_machine.h"
#include "update/package_files.h"
#include "update/socket_lease.h"
#include "update/systemd_health.h"
#include "updater/platform_release_source.h"
#include "updater/spooled_reporter.h"
#include "updater/system_host.h"
#include "updater/updater.h"

namespace {

volatile std::sig_atomic_t stopping = 0;

void stop(int) {
    stopping = 1;
}

// Sleeps up to `ms`, waking early when asked to stop.
void pause(std::int64_t ms) {
    for (std::int64_t slept = 0; slept < ms && !stopping; slept += 200)
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min<std::int64_t>(200, ms)));
}

int usage() {
    std::fputs("usage: lobby-kiosk-updater [--config PATH] [--once] [--root DIR]\n", stderr);
    return 64;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace lobby;
    using namespace lobby::config::keys;
    std::string configPath = "/etc/lobby-kiosk/kiosk.json", root = "/";
    bool once = false;
    for (int i = 1; i < argc; ++i) {
        const bool value = i + 1 < argc;
        if (std::strcmp(argv[i], "--config") == 0 && value) {
            configPath = argv[++i];
        } else if (std::strcmp(argv[i], "--root") == 0 && value) {
            root = argv[++i];
        } else if (std::strcmp(argv[i], "--once") == 0) {
            once = true;
        } else {
            return usage();
        }
    }
    auto settings = config::Settings::load(QString::fromStdString(configPath));
    if (!settings) {
        std::fprintf(stderr, "lobby-kiosk-updater: %s\n", settings.error().message.c_str());
        return 2;
    }
    const auto text = [&](const QString& key) {
        return settings->stringValue(key).toStdString();
    };
    const std::string stateDirectory = text(kUpdateStateDir);
    if (auto made = update::ensurePrivateDirectory(stateDirectory); !made) {
        std::fprintf(stderr, "lobby-kiosk-updater: %s\n", made.error().message.c_str());
        return 1;
    }
    std::signal(SIGTERM, stop);
    std::signal(SIGINT, stop);

    // Asks and events with the kiosk's own call deadline: an event sent while the kiosk is out of
    // service must not hold it there for long when the platform does not answer. Downloads on a
    // client of their own, since a package of a few tens of MiB must fit in one call.
    const auto clientConfig = setup::platformClient(settings.value());
    platform::HttpsPlatformClient client(clientConfig);
    auto downloadConfig = clientConfig;
    downloadConfig.callTimeout = std::chrono::minutes(15);
    platform::HttpsPlatformClient downloads(downloadConfig);
    updater::PlatformReleaseSource source(downloads);
    updater::SpooledReporter reporter(stateDirectory + "/events.jsonl",
                                      [&](const std::string& event) {
                                          return client.postUpdateEvent(event);
                                      });
    updater::SystemHost host;
    // Shutdown held off while dpkg works, where systemd runs the machine.
    const bool underSystemd = ::access("/run/systemd/system", F_OK) == 0;
    update::DpkgPackageManager dpkg({root, root != "/", root == "/" && underSystemd});
    update::SocketLease lease(text(kUpdateLeaseSocket), [&] { return host.now_ms(); });
    // The kioskctl just installed checks the kiosk, so a release that breaks it fails its window.
    update::SystemdHealth health(text(kUpdateKioskUnit),
                                 (root == "/" ? std::string() : root) + "/usr/bin/kioskctl");
    update::UpdatePolicy policy;
    policy.healthWindow_ms = settings->intValue(kUpdateHealthWindow_s) * 1000LL;
    update::InstallMachine machine(stateDirectory, {dpkg, source, lease, health, reporter, host},
                                   policy);
    auto scenes = setup::sceneStore(settings.value());
    updater::Updater loop(client, machine, source, reporter, dpkg, host,
                          {text(kTerminalId), text(kSceneTrustDir),
                           [&] {
                               scenes->load();
                               return scenes->current() ? scenes->current()->type : std::string();
                           },
                           settings->intValue(kUpdatePoll_s) * 1000LL});
    if (auto opened = loop.open(); !opened) {
        std::fprintf(stderr, "lobby-kiosk-updater: %s\n", opened.error().message.c_str());
        return 1;
    }
    bool asked = false;
    while (!stopping) {
        const auto turn = loop.turn();
        if (turn.asked) {
            asked = true;
            if (!turn.refusal.empty())
                std::fprintf(stderr, "lobby-kiosk-updater: the offer was not taken: %s\n",
                             turn.refusal.c_str());
        }
        if (once && asked && !machine.busy() && !turn.accepted) break;
        if (!machine.busy() && updater::executableReplaced()) {
            std::fputs("lobby-kiosk-updater: a new updater was installed; ending so that it runs\n",
                       stderr);
            break;
        }
        pause(turn.wait_ms);
    }
    reporter.flush();
    return 0;
}
