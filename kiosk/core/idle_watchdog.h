#pragma once
// Decides when an unattended session ends. Pure logic over a caller-supplied clock so it can be
// tested without waiting; SessionController drives it from a timer.
//
// The clock counts only the patient's silence: while the kiosk itself is waiting (on the
// patient's phone to pay, on a card being read, on the platform) it is held, and when the wait
// ends the patient gets the whole timeout again. Ending a session there would release a held
// slot under a patient who is paying for it.

#include <cstdint>

namespace lobby::core {

class IdleWatchdog {
public:
    enum class Phase { Disarmed, Held, Quiet, Countdown, Expired };

    // timeout_ms: total silence before expiry; countdown_ms: the final part shown on screen.
    IdleWatchdog(std::int64_t timeout_ms, std::int64_t countdown_ms);

    void arm(std::int64_t now_ms);
    void disarm();
    void noteActivity(std::int64_t now_ms);  // a touch; restarts the silence if armed
    // The kiosk waits on something other than the patient: no silence is counted until release,
    // which starts it afresh.
    void hold();
    void release(std::int64_t now_ms);
    // New limits for the silence under way (elder mode doubles them); what has passed counts.
    void setLimits(std::int64_t timeout_ms, std::int64_t countdown_ms);

    Phase phase(std::int64_t now_ms) const;
    // Whole seconds left in the countdown, rounded up; 0 outside the countdown.
    int countdownRemaining_s(std::int64_t now_ms) const;
    // Whole seconds until the session would end, rounded up; 0 when disarmed or held.
    int remaining_s(std::int64_t now_ms) const;

private:
    std::int64_t timeout_ms_;
    std::int64_t countdown_ms_;
    std::int64_t lastActivity_ms_ = 0;
    bool armed_ = false;
    bool held_ = false;
};

}  // namespace lobby::core
