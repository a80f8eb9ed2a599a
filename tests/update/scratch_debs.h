#pragma once
// Scratch roots and .debs for the updater's tests and benchmark: an empty dpkg database under a
// folder (for dpkg --root), packages built with dpkg-deb that say through a file whether their
// kiosk is healthy, a release store that is a folder of .debs, and a health probe that reads the
// installed package's word. No GoogleTest: bench/update_install.cpp uses them too.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "update/dpkg_package_manager.h"
#include "update/update_ports.h"

namespace lobby::update::testing {

namespace fs = std::filesystem;

inline std::string readText(const std::string& path) {
    std::ifstream file(path);
    std::string text;
    std::getline(file, text);
    return text;
}

// An empty dpkg database under `root`, whatever was there before removed.
inline Status makeScratchRoot(const std::string& root) {
    std::error_code error;
    fs::remove_all(root, error);
    for (const char* folder : {"info", "updates", "triggers"})
        fs::create_directories(root + "/var/lib/dpkg/" + folder, error);
    std::ofstream(root + "/var/lib/dpkg/status");
    std::ofstream(root + "/var/lib/dpkg/available");
    if (error) return makeError(ErrorKind::Io, "test.scratch_root", error.message());
    return {};
}

struct ScratchDeb {
    std::string name, version;
    std::string health;             // "ok" or "crash", in /opt/NAME/health
    std::string postinst;           // shell lines; empty: none
    std::size_t payload_bytes = 0;  // incompressible filler, to weigh like a real package
};

// Builds NAME_VERSION.deb into `out`; lobby-kiosk carries the conffile /etc/lobby-kiosk/kiosk.json.
inline Result<std::string> buildDeb(const std::string& work, const std::string& out,
                                    const ScratchDeb& deb) {
    const std::string tree = work + "/tree-" + deb.name + "-" + deb.version;
    fs::remove_all(tree);
    fs::create_directories(tree + "/DEBIAN");
    fs::create_directories(tree + "/opt/" + deb.name);
    std::ofstream(tree + "/DEBIAN/control")
        << "Package: " << deb.name << "\nVersion: " << deb.version
        << "\nArchitecture: all\nMaintainer: Lobby Kiosk tests <tests@lobby.invalid>\n"
           "Description: updater test package\n";
    std::ofstream(tree + "/opt/" + deb.name + "/health") << deb.health << "\n";
    std::ofstream(tree + "/opt/" + deb.name + "/version") << deb.version << "\n";
    if (deb.payload_bytes > 0) {
        std::ifstream random("/dev/urandom", std::ios::binary);
        std::string filler(deb.payload_bytes, '\0');
        random.read(filler.data(), static_cast<std::streamsize>(filler.size()));
        std::ofstream(tree + "/opt/" + deb.name + "/payload", std::ios::binary) << filler;
    }
    if (deb.name == "lobby-kiosk") {
        fs::create_directories(tree + "/etc/lobby-kiosk");
        std::ofstream(tree + "/etc/lobby-kiosk/kiosk.json")
            << "{\"shipped\": \"" << deb.version << "\"}\n";
        std::ofstream(tree + "/DEBIAN/conffiles") << "/etc/lobby-kiosk/kiosk.json\n";
    }
    if (!deb.postinst.empty()) {
        std::ofstream(tree + "/DEBIAN/postinst") << "#!/bin/sh\n" << deb.postinst << "\n";
        fs::permissions(tree + "/DEBIAN/postinst", fs::perms(0755));
    }
    const std::string path = out + "/" + deb.name + "_" + deb.version + ".deb";
    auto built =
        runProgram({"dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build", tree, path});
    fs::remove_all(tree);
    if (!built) return built.error();
    if (built->status != 0) return makeError(ErrorKind::Io, "test.dpkg_deb", built->err);
    return path;
}

// The three releases the updater's platform tests and benchmarks walk: lobby-kiosk 1.0.0 (installed
// by hand), 1.1.0 (healthy) and 1.2.0 (its kiosk restarts), `payload_bytes` each, written to `pool`
// under Debian's names (lobby-kiosk_VERSION_all.deb), as the platform stores them.
inline Status buildThreeReleases(const std::string& work, const std::string& pool,
                                 std::size_t payload_bytes) {
    for (const auto& [version, health] :
         {std::pair{"1.0.0", "ok"}, std::pair{"1.1.0", "ok"}, std::pair{"1.2.0", "crash"}}) {
        auto built = buildDeb(work, pool, {"lobby-kiosk", version, health, "", payload_bytes});
        if (!built) return built.error();
        std::error_code error;
        fs::rename(built.value(), pool + "/lobby-kiosk_" + version + "_all.deb", error);
        if (error) return makeError(ErrorKind::Io, "test.rename", error.message());
    }
    return {};
}

// The real clock for the benchmarks, always inside the install window (03:00), and a disk with
// room to spare: what they measure is the install, not the host.
class WallClockHost : public UpdateHost {
public:
    std::int64_t now_ms() override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
    int localMinuteOfDay() override { return 3 * 60; }
    std::uint64_t freeBytes(const std::string&) override { return 1ULL << 40; }
};

// The platform's release store, as a folder of NAME_VERSION.deb files.
class FolderSource : public ReleaseSource {
public:
    explicit FolderSource(std::string folder) : folder_(std::move(folder)) {}
    Status fetch(const std::string& name, const std::string& version,
                 const std::string& destination) override {
        std::error_code error;
        fs::copy_file(folder_ + "/" + name + "_" + version + ".deb", destination, error);
        if (error) return makeError(ErrorKind::NotFound, "platform.not_found", error.message());
        return {};
    }

private:
    std::string folder_;
};

// Healthy while the installed kiosk's own health file says "ok"; a "crash" one restarts.
class InstalledHealth : public HealthProbe {
public:
    explicit InstalledHealth(std::string root) : root_(std::move(root)) {}
    Status restartKiosk() override { return {}; }  // the health file is read afresh each sample
    HealthSample sample() override {
        if (readText(root_ + "/opt/lobby-kiosk/health") == "ok")
            return {true, true, restarts_, true};
        return {false, false, ++restarts_, true};
    }
    Status selftest() override { return {}; }
    Status platformAnswers() override { return {}; }

private:
    std::string root_;
    std::uint32_t restarts_ = 0;
};

}  // namespace lobby::update::testing
