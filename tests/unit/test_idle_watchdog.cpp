#include <gtest/gtest.h>

#include "core/idle_watchdog.h"

using lobby::core::IdleWatchdog;
using Phase = IdleWatchdog::Phase;

TEST(IdleWatchdog, DisarmedNeverExpires) {
    IdleWatchdog watchdog(60'000, 10'000);
    EXPECT_EQ(watchdog.phase(1'000'000), Phase::Disarmed);
}

TEST(IdleWatchdog, QuietThenCountdownThenExpired) {
    IdleWatchdog watchdog(60'000, 10'000);
    watchdog.arm(1'000);
    EXPECT_EQ(watchdog.phase(1'000 + 49'999), Phase::Quiet);
    EXPECT_EQ(watchdog.phase(1'000 + 50'000), Phase::Countdown);
    EXPECT_EQ(watchdog.countdownRemaining_s(1'000 + 50'000), 10);
    EXPECT_EQ(watchdog.countdownRemaining_s(1'000 + 50'001), 10);  // rounds up
    EXPECT_EQ(watchdog.countdownRemaining_s(1'000 + 59'001), 1);
    EXPECT_EQ(watchdog.phase(1'000 + 60'000), Phase::Expired);
    EXPECT_EQ(watchdog.countdownRemaining_s(1'000 + 60'000), 0);
}

TEST(IdleWatchdog, ActivityRestartsTheSilence) {
    IdleWatchdog watchdog(60'000, 10'000);
    watchdog.arm(0);
    watchdog.noteActivity(55'000);  // during the countdown: "I'm still here"
    EXPECT_EQ(watchdog.phase(60'000), Phase::Quiet);
    EXPECT_EQ(watchdog.phase(115'000), Phase::Expired);
}

TEST(IdleWatchdog, ActivityWhileDisarmedDoesNotArm) {
    IdleWatchdog watchdog(60'000, 10'000);
    watchdog.noteActivity(5);
    EXPECT_EQ(watchdog.phase(100'000), Phase::Disarmed);
}

TEST(IdleWatchdog, CountdownLongerThanTimeoutIsClamped) {
    IdleWatchdog watchdog(5'000, 10'000);
    watchdog.arm(0);
    EXPECT_EQ(watchdog.phase(0), Phase::Countdown);
    EXPECT_EQ(watchdog.countdownRemaining_s(0), 5);
}
