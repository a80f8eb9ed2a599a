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

TEST(IdleWatchdog, AHoldStopsTheClockAndItsReleaseGivesTheWholeTimeoutAgain) {
    IdleWatchdog watchdog(60'000, 20'000);
    watchdog.arm(0);
    watchdog.hold();  // at 30 s the patient starts paying on their phone
    EXPECT_EQ(watchdog.phase(30'000), Phase::Held);
    EXPECT_EQ(watchdog.phase(200'000), Phase::Held) << "no silence counted while held";
    EXPECT_EQ(watchdog.countdownRemaining_s(200'000), 0);
    EXPECT_EQ(watchdog.remaining_s(200'000), 0);
    watchdog.release(200'000);  // the payment was captured at 200 s
    EXPECT_EQ(watchdog.phase(200'000), Phase::Quiet);
    EXPECT_EQ(watchdog.remaining_s(200'000), 60);
    EXPECT_EQ(watchdog.phase(240'000), Phase::Countdown);
    EXPECT_EQ(watchdog.phase(260'000), Phase::Expired);
}

TEST(IdleWatchdog, AHoldDuringTheCountdownEndsIt) {
    IdleWatchdog watchdog(60'000, 20'000);
    watchdog.arm(0);
    EXPECT_EQ(watchdog.countdownRemaining_s(45'000), 15);
    watchdog.hold();
    EXPECT_EQ(watchdog.countdownRemaining_s(45'000), 0);
    watchdog.release(50'000);
    EXPECT_EQ(watchdog.phase(50'000 + 39'999), Phase::Quiet);
    watchdog.release(90'000);  // a second release without a hold changes nothing
    EXPECT_EQ(watchdog.phase(50'000 + 40'000), Phase::Countdown);
}

TEST(IdleWatchdog, LongerLimitsCountTheSilenceAlreadyPassed) {
    IdleWatchdog watchdog(60'000, 20'000);
    watchdog.arm(0);
    EXPECT_EQ(watchdog.phase(50'000), Phase::Countdown);
    watchdog.setLimits(120'000, 40'000);  // large text switched on
    EXPECT_EQ(watchdog.phase(50'000), Phase::Quiet);
    EXPECT_EQ(watchdog.remaining_s(50'000), 70);
    EXPECT_EQ(watchdog.countdownRemaining_s(80'000), 40);
    EXPECT_EQ(watchdog.phase(120'000), Phase::Expired);
}

TEST(IdleWatchdog, RemainingCountsDownTheWholeTimeout) {
    IdleWatchdog watchdog(60'000, 20'000);
    EXPECT_EQ(watchdog.remaining_s(0), 0) << "disarmed";
    watchdog.arm(0);
    EXPECT_EQ(watchdog.remaining_s(0), 60);
    EXPECT_EQ(watchdog.remaining_s(14'500), 46);
    EXPECT_EQ(watchdog.remaining_s(60'000), 0);
}
