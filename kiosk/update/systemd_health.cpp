#include "update/systemd_health.h"

#include <nlohmann/json.hpp>

#include "update/dpkg_package_manager.h"

namespace lobby::update {

HealthSample parseSystemctlShow(std::string_view text) {
    HealthSample sample;
    bool restartsKnown = false;
    std::string activeState, subState, result;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const auto line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const auto equals = line.find('=');
        if (equals == std::string_view::npos) continue;
        const auto key = line.substr(0, equals);
        const auto value = line.substr(equals + 1);
        if (key == "ActiveState") activeState = value;
        if (key == "SubState") subState = value;
        if (key == "Result") result = value;
        if (key == "NRestarts" && !value.empty() && value.size() <= 9) {
            std::uint32_t restarts = 0;
            bool digits = true;
            for (char c : value) {
                digits = digits && c >= '0' && c <= '9';
                restarts = restarts * 10 + static_cast<std::uint32_t>(c - '0');
            }
            if (digits) {
                sample.restarts = restarts;
                restartsKnown = true;
            }
        }
    }
    // Type=notify: "active" only after READY=1; "activating" until then.
    sample.unitActive = restartsKnown && activeState == "active" && subState == "running";
    sample.ready = sample.unitActive;
    sample.watchdogOk = result != "watchdog";
    return sample;
}

SystemdHealth::SystemdHealth(std::string unit, std::string kioskctl)
    : unit_(std::move(unit)), kioskctl_(std::move(kioskctl)) {}

Status SystemdHealth::restartKiosk() {
    auto run = runProgram({"systemctl", "try-restart", unit_});
    if (!run) return run.error();
    if (run->status != 0)
        return makeError(ErrorKind::Device, "update.restart_failed",
                         "systemctl try-restart " + unit_ + " exited " +
                             std::to_string(run->status) + ": " + run->err.substr(0, 300));
    return {};
}

HealthSample SystemdHealth::sample() {
    auto run = runProgram({"systemctl", "show", unit_, "-p", "ActiveState", "-p", "SubState", "-p",
                           "NRestarts", "-p", "Result"});
    if (!run || run->status != 0) return {};
    return parseSystemctlShow(run->out);
}

Status SystemdHealth::selftest() {
    auto run = runProgram({kioskctl_, "selftest"});
    if (!run) return run.error();
    if (run->status != 0)
        return makeError(ErrorKind::Device, "update.selftest_failed",
                         "kioskctl selftest exited " + std::to_string(run->status) + ": " +
                             run->out.substr(0, 300));
    return {};
}

Status SystemdHealth::platformAnswers() {
    auto run = runProgram({kioskctl_, "status", "--json"});
    if (!run) return run.error();
    auto status = nlohmann::json::parse(run->out, nullptr, false);
    if (status.is_discarded() || !status.is_object())
        return makeError(ErrorKind::Protocol, "update.status_unreadable",
                         "kioskctl status --json gave no JSON");
    const auto checks = status.find("checks");
    if (checks != status.end() && checks->is_array()) {
        for (const auto& check : *checks) {
            if (check.is_object() && check.value("name", "") == "platform")
                return check.value("ok", false)
                           ? Status{}
                           : makeError(ErrorKind::Unavailable, "update.platform_unreachable",
                                       check.value("detail", std::string("no answer")));
        }
    }
    return makeError(ErrorKind::Protocol, "update.status_unreadable",
                     "kioskctl status names no platform check");
}

}  // namespace lobby::update
