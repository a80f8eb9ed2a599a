#pragma once
// Fakes of the install machine's ports: a dpkg that keeps its database in memory (and can be
// left half-configured), a release store of fake .deb files ("name version" inside), a lease a
// patient can hold off, a health probe scripted by the installed version, a reporter that keeps
// every event, and a clock that only moves when told. Every port call counts; a test can make the
// Nth call throw Killed to stop the updater there, as a kill -9 would.

#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "update/update_ports.h"

namespace lobby::update::testing {

struct Killed {};

struct CallCounter {
    int calls = 0;
    int killAt = -1;  // the call that throws Killed; -1: none
    void tick() {
        if (++calls == killAt) throw Killed{};
    }
};

class FakeDpkg : public PackageManager {
public:
    explicit FakeDpkg(CallCounter& counter) : counter_(counter) {}
    std::map<std::string, std::string> installed;
    std::set<std::string> halfConfigured;   // unpacked, not configured: dpkg --audit would say so
    std::set<std::string> failingVersions;  // installing these fails, half-configured
    int installs = 0;

    Result<std::string> installedVersion(const std::string& name) override {
        counter_.tick();
        auto found = installed.find(name);
        return found == installed.end() ? std::string() : found->second;
    }
    Status heal() override {
        counter_.tick();
        halfConfigured.clear();
        return {};
    }
    Status install(const std::vector<std::string>& paths) override {
        counter_.tick();
        ++installs;
        for (const auto& path : paths) {
            auto identity = inspectFile(path);
            if (!identity) return identity.error();
            installed[identity->name] = identity->version;
            if (failingVersions.count(identity->version)) {
                halfConfigured.insert(identity->name);
                return makeError(ErrorKind::Device, "dpkg.failed",
                                 "post-installation script returned error exit status 1");
            }
        }
        return {};
    }
    Status remove(const std::vector<std::string>& names) override {
        counter_.tick();
        for (const auto& name : names)
            installed.erase(name);
        return {};
    }
    Result<Identity> inspect(const std::string& path) override {
        counter_.tick();
        return inspectFile(path);
    }
    static Result<Identity> inspectFile(const std::string& path) {
        std::ifstream file(path);
        Identity identity;
        if (!(file >> identity.name >> identity.version))
            return makeError(ErrorKind::Protocol, "dpkg.not_a_deb", path + " is not a .deb");
        return identity;
    }

private:
    CallCounter& counter_;
};

// A fake .deb: its identity, padded to a size.
inline std::string fakeDeb(const std::string& name, const std::string& version) {
    return name + " " + version + "\n" + std::string(200, '#');
}

class FakeSource : public ReleaseSource {
public:
    explicit FakeSource(CallCounter& counter) : counter_(counter) {}
    std::map<std::pair<std::string, std::string>, std::string> files;  // (name, version) → bytes
    int fetches = 0;
    int failuresLeft = 0;  // the next fetches fail like a dropped connection

    Status fetch(const std::string& name, const std::string& version,
                 const std::string& destination) override {
        counter_.tick();
        ++fetches;
        if (failuresLeft > 0) {
            --failuresLeft;
            return makeError(ErrorKind::Unavailable, "platform.unreachable", "connection reset");
        }
        auto found = files.find({name, version});
        if (found == files.end())
            return makeError(ErrorKind::NotFound, "platform.not_found", name + " " + version);
        std::ofstream(destination, std::ios::binary) << found->second;
        return {};
    }

private:
    CallCounter& counter_;
};

class FakeLease : public MaintenanceLease {
public:
    explicit FakeLease(CallCounter& counter) : counter_(counter) {}
    bool patientPresent = false;
    bool held = false;
    int refusals = 0;
    Status acquire(std::int64_t) override {
        counter_.tick();
        if (patientPresent) {
            ++refusals;
            return makeError(ErrorKind::Unavailable, "update.lease_refused", "a patient is here");
        }
        held = true;
        return {};
    }
    void release() override {
        counter_.tick();
        held = false;
    }

private:
    CallCounter& counter_;
};

// Healthy unless the installed kiosk is one of the broken versions: then it restarts over and
// over, as a kiosk that crashes at start would under Restart=on-failure.
class FakeHealth : public HealthProbe {
public:
    FakeHealth(CallCounter& counter, FakeDpkg& dpkg) : counter_(counter), dpkg_(dpkg) {}
    std::set<std::string> crashingVersions, selftestFailing;
    std::uint32_t restarts = 0;
    std::vector<std::string> restartedWith;  // the kiosk version each restart started

    Status restartKiosk() override {
        counter_.tick();
        restartedWith.push_back(dpkg_.installed["lobby-kiosk"]);
        return {};
    }
    HealthSample sample() override {
        counter_.tick();
        const auto version = dpkg_.installed["lobby-kiosk"];
        if (crashingVersions.count(version)) return {false, false, ++restarts, true};
        return {true, true, restarts, true};
    }
    Status selftest() override {
        counter_.tick();
        if (selftestFailing.count(dpkg_.installed["lobby-kiosk"]))
            return makeError(ErrorKind::Device, "selftest.failed", "printer: not found");
        return {};
    }
    Status platformAnswers() override {
        counter_.tick();
        return {};
    }

private:
    CallCounter& counter_;
    FakeDpkg& dpkg_;
};

class FakeReporter : public UpdateReporter {
public:
    explicit FakeReporter(CallCounter& counter) : counter_(counter) {}
    std::vector<UpdateEvent> events;
    void report(const UpdateEvent& event) override {
        counter_.tick();
        events.push_back(event);
    }
    bool saw(UpdatePhase phase) const {
        for (const auto& event : events) {
            if (event.phase == phase) return true;
        }
        return false;
    }

private:
    CallCounter& counter_;
};

class FakeHost : public UpdateHost {
public:
    std::int64_t clock_ms = 1'800'000'000'000;
    int minuteOfDay = 3 * 60;
    std::uint64_t free = 10ULL * 1024 * 1024 * 1024;
    std::int64_t now_ms() override { return clock_ms; }
    int localMinuteOfDay() override { return minuteOfDay; }
    std::uint64_t freeBytes(const std::string&) override { return free; }
};

}  // namespace lobby::update::testing
