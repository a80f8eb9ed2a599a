#pragma once
// Decides when an unattended session ends. Pure logic over a caller-supplied clock so it can be
// tested without waiting; SessionController drives it from a timer.

#include <cstdint>

namespace lobby::core {

class IdleWatchdog {
public:
    enum class Phase { Disarmed, Quiet, Countdown, Expired };

    // timeout_ms: total silence before expiry; countdown_ms: the final part shown on screen.
    IdleWatchdog(std::int64_t timeout_ms, std::int64_t countdown_ms);

    void arm(std::int64_t now_ms);
    void disarm();
    void noteActivity(std::int64_t now_ms);  // a touch; restarts the silence if armed
    Phase phase(std::int64_t now_ms) const;
    // Whole seconds left in the countdown, rounded up; 0 outside the countdown.
    int countdownRemaining_s(std::int64_t now_ms) const;

private:
    std::int64_t timeout_ms_;
    std::int64_t countdown_ms_;
    std::int64_t lastActivity_ms_ = 0;
    bool armed_ = false;
};

}  // namespace lobby::core
