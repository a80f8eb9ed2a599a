#include "core/idle_watchdog.h"

#include <algorithm>

namespace lobby::core {

IdleWatchdog::IdleWatchdog(std::int64_t timeout_ms, std::int64_t countdown_ms) {
    setLimits(timeout_ms, countdown_ms);
}

void IdleWatchdog::setLimits(std::int64_t timeout_ms, std::int64_t countdown_ms) {
    timeout_ms_ = timeout_ms;
    countdown_ms_ = std::min(countdown_ms, timeout_ms);
}

void IdleWatchdog::arm(std::int64_t now_ms) {
    armed_ = true;
    lastActivity_ms_ = now_ms;
}

void IdleWatchdog::disarm() {
    armed_ = false;
}

void IdleWatchdog::noteActivity(std::int64_t now_ms) {
    if (armed_) lastActivity_ms_ = now_ms;
}

void IdleWatchdog::hold() {
    held_ = true;
}

void IdleWatchdog::release(std::int64_t now_ms) {
    if (!held_) return;
    held_ = false;
    lastActivity_ms_ = now_ms;
}

IdleWatchdog::Phase IdleWatchdog::phase(std::int64_t now_ms) const {
    if (!armed_) return Phase::Disarmed;
    if (held_) return Phase::Held;
    const std::int64_t silent_ms = now_ms - lastActivity_ms_;
    if (silent_ms >= timeout_ms_) return Phase::Expired;
    if (silent_ms >= timeout_ms_ - countdown_ms_) return Phase::Countdown;
    return Phase::Quiet;
}

int IdleWatchdog::countdownRemaining_s(std::int64_t now_ms) const {
    if (phase(now_ms) != Phase::Countdown) return 0;
    return remaining_s(now_ms);
}

int IdleWatchdog::remaining_s(std::int64_t now_ms) const {
    const Phase now = phase(now_ms);
    if (now != Phase::Quiet && now != Phase::Countdown) return 0;
    const std::int64_t left_ms = timeout_ms_ - (now_ms - lastActivity_ms_);
    return static_cast<int>((left_ms + 999) / 1000);
}

}  // namespace lobby::core
