#include "update/install_machine.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <utility>

#include "common/file_text.h"
#include "update/package_files.h"

namespace lobby::update {
namespace {

constexpr std::size_t kMaxRecordBytes = 64 * 1024;

InstallMachine::Next waitFor(std::int64_t ms) {
    return {false, ms};
}
InstallMachine::Next goOn() {
    return {false, 0};
}
InstallMachine::Next idle() {
    return {true, 0};
}

constexpr std::array<std::pair<UpdatePhase, std::string_view>, 7> kPhases{{
    {UpdatePhase::Accepted, "accepted"},
    {UpdatePhase::Downloaded, "downloaded"},
    {UpdatePhase::Leased, "leased"},
    {UpdatePhase::Installed, "installed"},
    {UpdatePhase::Committed, "committed"},
    {UpdatePhase::RolledBack, "rolled_back"},
    {UpdatePhase::Abandoned, "abandoned"},
}};

}  // namespace

std::string_view toString(UpdatePhase phase) {
    for (const auto& [value, name] : kPhases) {
        if (value == phase) return name;
    }
    return "unknown";
}

InstallMachine::InstallMachine(std::string stateDirectory, UpdatePorts ports, UpdatePolicy policy)
    : directory_(std::move(stateDirectory)), ports_(ports), policy_(policy) {}

std::string InstallMachine::stagingDirectory() const {
    return directory_ + "/staging";
}
std::string InstallMachine::keepDirectory() const {
    return directory_ + "/keep";
}
std::string InstallMachine::stagedPath(const StagedPackage& package) const {
    return stagingDirectory() + "/" + package.file;
}
std::string InstallMachine::keptPath(const StagedPackage& package) const {
    return keepDirectory() + "/" + package.file;
}

Status InstallMachine::open() {
    for (const auto& folder : {directory_, stagingDirectory(), keepDirectory()}) {
        if (auto made = ensurePrivateDirectory(folder); !made) return made;
    }
    const std::string statePath = directory_ + "/state.json";
    if (::access(statePath.c_str(), F_OK) == 0) {
        auto bytes = readSmallFile(statePath, kMaxRecordBytes);
        if (!bytes) return bytes.error();
        auto state = decodeState(*bytes);
        if (!state) return state.error();  // fail closed: the floor must not be forgotten
        state_ = std::move(state.value());
    }
    const std::string recordPath = directory_ + "/record.json";
    if (::access(recordPath.c_str(), F_OK) != 0) {
        ports_.lease.release();  // one an updater stopped inside finish() may have left
        tidy();
        return {};
    }
    auto bytes = readSmallFile(recordPath, kMaxRecordBytes);
    if (!bytes) return bytes.error();
    auto record = decodeRecord(*bytes);
    if (!record) return record.error();
    record_ = std::move(record.value());
    auto& current = *record_;
    current.resumes = std::min(current.resumes + 1, 1000);
    switch (current.step) {
        case InstallStep::Accepted:
        case InstallStep::Downloaded:
        case InstallStep::RollingBack:
            break;
        case InstallStep::Leased:
            // The lease was the running kiosk's grant to the updater that stopped: ask again.
            current.step = InstallStep::Downloaded;
            break;
        case InstallStep::Installing:
            // dpkg may have stopped anywhere: only the kept packages are known good.
            current.step = InstallStep::RollingBack;
            current.failure = "update.interrupted";
            current.attempts = 0;
            break;
        case InstallStep::HealthCheck:
            if (current.resumes > policy_.maxResumes) {
                current.step = InstallStep::RollingBack;
                current.failure = "update.interrupted";
                current.attempts = 0;
            } else {
                // The window starts again whole: the new version is watched for all of it.
                current.stepSince_ms = ports_.host.now_ms();
                current.restartsBaseline = ports_.health.sample().restarts;
            }
            break;
    }
    if (current.step != InstallStep::Accepted && current.step != InstallStep::Downloaded) {
        // The kiosk is out of service until this install ends; the lease is asked for again (the
        // kiosk may have restarted with the packages), but a rollback goes on even without it: a
        // half-installed kiosk serves no patient well.
        (void)ports_.lease.acquire(ports_.host.now_ms() + policy_.installBudget_ms +
                                   policy_.healthWindow_ms);
        leaseHeld_ = true;
    }
    return persist();
}

Status InstallMachine::accept(const VerifiedRelease& release) {
    if (record_)
        return makeError(ErrorKind::Unavailable, "update.busy",
                         "release " + record_->release + " is still being installed");
    InstallRecord record;
    record.rolloutId = release.assignment.rolloutId;
    record.manifestSha256 = release.manifestSha256;
    record.release = release.manifest.release;
    record.counter = release.manifest.counter;
    record.windowFrom_min = release.assignment.window.from_min;
    record.windowTo_min = release.assignment.window.to_min;
    record.expiresAt_ms = release.assignment.expiresAt_s * 1000;
    record.acceptedAt_ms = record.stepSince_ms = ports_.host.now_ms();
    for (const auto& package : release.manifest.packages) {
        record.to.push_back(
            {package.name, package.version, package.file, package.sha256, package.size});
        auto installed = ports_.packages.installedVersion(package.name);
        if (!installed) return installed.error();
        record.from.push_back(
            {package.name, *installed,
             installed->empty() ? std::string("-") : keptFileName(package.name, *installed), "",
             0});
    }
    record_ = std::move(record);
    if (auto saved = persist(); !saved) {
        record_.reset();
        return saved;
    }
    report(UpdatePhase::Accepted, true);
    return {};
}

InstallMachine::Next InstallMachine::step() {
    if (!record_) return idle();
    switch (record_->step) {
        case InstallStep::Accepted:
            return download();
        case InstallStep::Downloaded:
            return takeLease();
        case InstallStep::Leased:
        case InstallStep::Installing:
            return install();
        case InstallStep::HealthCheck:
            return watchHealth();
        case InstallStep::RollingBack:
            return rollBack();
    }
    return idle();
}

InstallMachine::Next InstallMachine::download() {
    auto& record = *record_;
    std::uint64_t needed = policy_.spaceMargin_bytes;
    for (const auto& package : record.to)
        needed += static_cast<std::uint64_t>(package.size);
    if (ports_.host.freeBytes(stagingDirectory()) < needed) {
        return abandon(makeError(
            ErrorKind::Io, "update.disk_full",
            "needs " + std::to_string(needed / (1024 * 1024)) + " MiB free to stage the release"));
    }
    auto retry = [&](const Error& why) {
        if (why.code == "update.disk_full" || ++record.attempts >= policy_.maxDownloadAttempts)
            return abandon(why);
        (void)persist();
        return waitFor(policy_.downloadRetry_ms);
    };
    for (const auto& package : record.to) {
        const std::string path = stagedPath(package);
        if (auto digest = digestFile(path);
            digest && digest->sha256 == package.sha256 && digest->size == package.size)
            continue;  // staged by an earlier run
        removeIfPresent(path);
        const std::string part = path + ".part";
        removeIfPresent(part);
        if (auto fetched = ports_.source.fetch(package.name, package.version, part); !fetched)
            return retry(fetched.error());
        auto digest = digestFile(part);
        if (!digest) return retry(digest.error());
        if (digest->sha256 != package.sha256 || digest->size != package.size) {
            removeIfPresent(part);
            return abandon(makeError(ErrorKind::Protocol, "update.package_hash_mismatch",
                                     package.file + " is not the file the manifest signed"));
        }
        auto identity = ports_.packages.inspect(part);
        if (!identity || identity->name != package.name || identity->version != package.version) {
            removeIfPresent(part);
            return abandon(
                makeError(ErrorKind::Protocol, "update.package_mismatch",
                          package.file + " is not " + package.name + " " + package.version));
        }
        if (auto renamed = renameFile(part, path); !renamed) return retry(renamed.error());
    }
    for (const auto& package : record.from) {
        if (package.version.empty()) continue;
        const std::string path = keptPath(package);
        if (auto identity = ports_.packages.inspect(path);
            identity && identity->name == package.name && identity->version == package.version)
            continue;
        const std::string part = path + ".part";
        removeIfPresent(part);
        if (auto fetched = ports_.source.fetch(package.name, package.version, part); !fetched)
            return retry(
                fetched.error().withContext("fetching the last known good " + package.name));
        auto identity = ports_.packages.inspect(part);
        if (!identity || identity->name != package.name || identity->version != package.version) {
            removeIfPresent(part);
            return abandon(makeError(ErrorKind::Protocol, "update.package_mismatch",
                                     "the last known good " + package.name +
                                         " fetched is not version " + package.version));
        }
        if (auto renamed = renameFile(part, path); !renamed) return retry(renamed.error());
    }
    record.step = InstallStep::Downloaded;
    record.stepSince_ms = ports_.host.now_ms();
    record.attempts = 0;
    if (auto saved = persist(); !saved) return abandon(saved.error());
    report(UpdatePhase::Downloaded, true);
    return goOn();
}

InstallMachine::Next InstallMachine::takeLease() {
    auto& record = *record_;
    const std::int64_t now = ports_.host.now_ms();
    if (now >= record.expiresAt_ms) {
        return abandon(makeError(ErrorKind::Timeout, "update.assignment_expired",
                                 "the assignment expired before the kiosk was free"));
    }
    const InstallWindow window{record.windowFrom_min, record.windowTo_min};
    if (!window.contains(ports_.host.localMinuteOfDay())) return waitFor(policy_.windowRetry_ms);
    if (auto granted =
            ports_.lease.acquire(now + policy_.installBudget_ms + policy_.healthWindow_ms);
        !granted) {
        return waitFor(policy_.leaseRetry_ms);  // a patient is there, or the kiosk is busy
    }
    leaseHeld_ = true;
    record.step = InstallStep::Leased;
    record.leasedAt_ms = record.stepSince_ms = now;
    if (auto saved = persist(); !saved)
        return startRollback(saved.error().code, saved.error().message);
    report(UpdatePhase::Leased, true);
    return goOn();
}

InstallMachine::Next InstallMachine::install() {
    auto& record = *record_;
    record.step = InstallStep::Installing;
    record.stepSince_ms = ports_.host.now_ms();
    if (auto saved = persist(); !saved)
        return startRollback(saved.error().code, saved.error().message);
    if (auto healed = ports_.packages.heal(); !healed)
        return startRollback("update.dpkg_unhealthy", healed.error().message);
    std::vector<std::string> paths;
    for (const auto& package : record.to)
        paths.push_back(stagedPath(package));
    if (auto installed = ports_.packages.install(paths); !installed)
        return startRollback("update.install_failed", installed.error().message);
    if (auto restarted = ports_.health.restartKiosk(); !restarted)
        return startRollback("update.restart_failed", restarted.error().message);
    record.step = InstallStep::HealthCheck;
    record.stepSince_ms = ports_.host.now_ms();
    record.restartsBaseline = ports_.health.sample().restarts;
    if (auto saved = persist(); !saved)
        return startRollback(saved.error().code, saved.error().message);
    report(UpdatePhase::Installed, true);
    return waitFor(policy_.sampleEvery_ms);
}

InstallMachine::Next InstallMachine::watchHealth() {
    auto& record = *record_;
    const std::int64_t elapsed = ports_.host.now_ms() - record.stepSince_ms;
    const HealthSample sample = ports_.health.sample();
    if (sample.restarts > record.restartsBaseline)
        return startRollback("update.kiosk_restarted",
                             "the kiosk restarted " +
                                 std::to_string(sample.restarts - record.restartsBaseline) +
                                 " time(s) after the install");
    if (!sample.watchdogOk)
        return startRollback("update.watchdog", "the kiosk's watchdog timed out");
    if (elapsed >= policy_.readyWithin_ms && (!sample.unitActive || !sample.ready))
        return startRollback("update.not_ready", sample.unitActive
                                                     ? "the kiosk never said READY"
                                                     : "the kiosk's unit is not active");
    // The kiosk restarted with the new packages and knows nothing of the lease: asked for again
    // as soon as it answers (a grant extends it), so no patient starts while it is watched.
    if (sample.ready)
        (void)ports_.lease.acquire(ports_.host.now_ms() + policy_.healthWindow_ms - elapsed +
                                   policy_.installBudget_ms);
    if (elapsed < policy_.healthWindow_ms) return waitFor(policy_.sampleEvery_ms);
    if (!sample.unitActive || !sample.ready)
        return startRollback("update.not_ready", "the kiosk is not running");
    if (auto checked = ports_.health.selftest(); !checked)
        return startRollback("update.selftest_failed", checked.error().message);
    if (auto answered = ports_.health.platformAnswers(); !answered)
        return startRollback("update.platform_unreachable", answered.error().message);
    return commit();
}

InstallMachine::Next InstallMachine::commit() {
    auto& record = *record_;
    // The release's packages join the kept ones; the floor rises; only after the record is gone
    // are the older packages dropped, so a restart anywhere before still has them to roll back to.
    for (const auto& package : record.to) {
        (void)renameFile(stagedPath(package),
                         keepDirectory() + "/" + keptFileName(package.name, package.version));
    }
    state_.counterFloor = std::max(state_.counterFloor, record.counter);
    if (auto saved = persistState(); !saved)
        return startRollback(saved.error().code, saved.error().message);
    report(UpdatePhase::Committed, true);
    finish();
    tidy();
    return idle();
}

void InstallMachine::tidy() {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(stagingDirectory(), error)) {
        const auto file = entry.path().filename().string();
        const bool underWay = record_ && std::any_of(record_->to.begin(), record_->to.end(),
                                                     [&](const StagedPackage& package) {
                                                         return package.file == file;
                                                     });
        if (!underWay) removeIfPresent(entry.path().string());
    }
    if (record_) return;
    // Kept: the last known good of what is installed now, nothing else.
    for (const auto& entry : std::filesystem::directory_iterator(keepDirectory(), error)) {
        const auto file = entry.path().filename().string();
        const auto name = file.substr(0, file.find('_'));
        auto version = ports_.packages.installedVersion(name);
        if (!version || version->empty() || keptFileName(name, *version) != file)
            removeIfPresent(entry.path().string());
    }
}

InstallMachine::Next InstallMachine::startRollback(const std::string& failure,
                                                   const std::string& logTail) {
    auto& record = *record_;
    record.step = InstallStep::RollingBack;
    record.failure = failure.substr(0, 64);
    record.stepSince_ms = ports_.host.now_ms();
    record.attempts = 0;
    (void)persist();
    report(UpdatePhase::Installed, false, record.failure, logTail);
    return goOn();
}

InstallMachine::Next InstallMachine::rollBack() {
    auto& record = *record_;
    std::string problem;
    (void)ports_.packages.heal();  // whatever dpkg left half done, before putting packages back
    std::vector<std::string> paths, added;
    for (const auto& package : record.from) {
        if (package.version.empty())
            added.push_back(package.name);
        else
            paths.push_back(keptPath(package));
    }
    if (!paths.empty()) {
        if (auto installed = ports_.packages.install(paths); !installed)
            problem = installed.error().message;
    }
    if (problem.empty() && !added.empty()) {
        if (auto removed = ports_.packages.remove(added); !removed)
            problem = removed.error().message;
    }
    // The kiosk goes back to the packages put back, not the failed ones still in memory.
    if (problem.empty()) {
        if (auto restarted = ports_.health.restartKiosk(); !restarted)
            problem = restarted.error().message;
    }
    for (const auto& package : record.from) {
        if (!problem.empty()) break;
        auto version = ports_.packages.installedVersion(package.name);
        if (!version || *version != package.version)
            problem = package.name + " is " + (version ? *version : version.error().message) +
                      " after the rollback, not " + package.version;
    }
    if (!problem.empty()) {
        record.attempts = std::min(record.attempts + 1, 1'000'000);
        (void)persist();
        report(UpdatePhase::RolledBack, false, "update.rollback_failed", problem);
        return waitFor(policy_.rollbackRetry_ms);
    }
    state_.failedManifests.insert(record.manifestSha256);
    (void)persistState();
    report(UpdatePhase::RolledBack, true, record.failure);
    finish();
    tidy();
    return idle();
}

InstallMachine::Next InstallMachine::abandon(const Error& why) {
    for (const auto& package : record_->to) {
        removeIfPresent(stagedPath(package));
        removeIfPresent(stagedPath(package) + ".part");
    }
    report(UpdatePhase::Abandoned, false, why.code, why.message);
    finish();
    tidy();
    return idle();
}

void InstallMachine::finish() {
    // The lease goes first: an updater stopped between the two finds the record and ends the
    // install again (idempotently), rather than leaving the kiosk out of service until the lease
    // expires.
    if (leaseHeld_) ports_.lease.release();
    leaseHeld_ = false;
    removeIfPresent(directory_ + "/record.json");
    record_.reset();
}

void InstallMachine::report(UpdatePhase phase, bool ok, const std::string& errorCode,
                            const std::string& logTail) {
    const auto& record = *record_;
    UpdateEvent event;
    event.rolloutId = record.rolloutId;
    event.phase = phase;
    event.ok = ok;
    event.errorCode = errorCode;
    event.fromVersion = record.fromVersion();
    event.toVersion = record.toVersion();
    const std::int64_t now = ports_.host.now_ms();
    event.phase_ms = now - record.acceptedAt_ms;
    event.outOfService_ms = leaseHeld_ ? now - record.leasedAt_ms : 0;
    event.logTail = logTail.substr(0, 400);
    ports_.reporter.report(event);
}

Status InstallMachine::persist() {
    if (!record_) return {};
    return writeFileAtomically(directory_, directory_ + "/record.json", encodeRecord(*record_),
                               0600);
}

Status InstallMachine::persistState() {
    return writeFileAtomically(directory_, directory_ + "/state.json", encodeState(state_), 0600);
}

}  // namespace lobby::update
