// The thread shape every device watcher shares: steps repeat with the rest each one asks for,
// stop ends a rest or a blocked device call at once, wake ends a rest early and is never lost.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "common/watch_loop.h"

namespace {

using namespace std::chrono_literals;
using lobby::WatchLoop;

constexpr auto kForever = std::chrono::hours(1);
constexpr auto kPatience = 10s;  // far beyond what any correct case takes; a hang fails instead

// Counts steps and lets the test wait for the n-th.
struct StepCounter {
    std::mutex mutex;
    std::condition_variable changed;
    int steps = 0;

    void count() {
        {
            std::lock_guard lock(mutex);
            ++steps;
        }
        changed.notify_all();
    }
    bool reaches(int n) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, kPatience, [&] { return steps >= n; });
    }
    int now() {
        std::lock_guard lock(mutex);
        return steps;
    }
};

TEST(WatchLoop, RepeatsTheStepWithTheRestItAsksFor) {
    StepCounter counter;
    WatchLoop loop([&] {
        counter.count();
        return 1ms;
    });
    loop.start();
    EXPECT_TRUE(counter.reaches(5));
    loop.stop();
    const int stoppedAt = counter.now();
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(counter.now(), stoppedAt) << "a step ran after stop() returned";
}

TEST(WatchLoop, StopEndsALongRestAtOnce) {
    StepCounter counter;
    WatchLoop loop([&] {
        counter.count();
        return std::chrono::duration_cast<std::chrono::milliseconds>(kForever);
    });
    loop.start();
    ASSERT_TRUE(counter.reaches(1));
    const auto before = std::chrono::steady_clock::now();
    loop.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, kPatience);
    EXPECT_EQ(counter.now(), 1);
}

TEST(WatchLoop, WakeEndsTheRestEarly) {
    StepCounter counter;
    WatchLoop loop([&] {
        counter.count();
        return std::chrono::duration_cast<std::chrono::milliseconds>(kForever);
    });
    loop.start();
    ASSERT_TRUE(counter.reaches(1));
    loop.wake();
    EXPECT_TRUE(counter.reaches(2));
    loop.stop();
}

TEST(WatchLoop, AWakeDuringAStepIsNotLost) {
    StepCounter counter;
    std::mutex gate;
    std::condition_variable opened;
    bool released = false;
    WatchLoop* self = nullptr;
    WatchLoop loop([&] {
        counter.count();
        if (counter.now() == 1) {
            std::unique_lock lock(gate);
            opened.wait(lock, [&] { return released; });  // the test wakes while we are here
        }
        return std::chrono::duration_cast<std::chrono::milliseconds>(kForever);
    });
    self = &loop;
    loop.start();
    ASSERT_TRUE(counter.reaches(1));
    self->wake();  // new work arrives while the first step is still running
    {
        std::lock_guard lock(gate);
        released = true;
    }
    opened.notify_all();
    EXPECT_TRUE(counter.reaches(2)) << "the wake that came during a step was dropped";
    loop.stop();
}

TEST(WatchLoop, StopRunsTheInterruptForAStepBlockedInADevice) {
    StepCounter counter;
    std::mutex device;
    std::condition_variable answered;
    bool cancelled = false;
    WatchLoop loop(
        [&] {
            counter.count();
            std::unique_lock lock(device);
            // A device call that never returns on its own, like a PC/SC wait with no timeout.
            answered.wait(lock, [&] { return cancelled; });
            return 0ms;
        },
        [&] {
            {
                std::lock_guard lock(device);
                cancelled = true;
            }
            answered.notify_all();
        });
    loop.start();
    ASSERT_TRUE(counter.reaches(1));
    loop.stop();
    EXPECT_TRUE(cancelled);
    EXPECT_EQ(counter.now(), 1);
}

TEST(WatchLoop, RestReportsStoppingToAStepThatWaitsInside) {
    std::atomic<bool> restSaidStop{false};
    StepCounter counter;
    WatchLoop* self = nullptr;
    WatchLoop loop([&] {
        counter.count();
        if (!self->rest(std::chrono::duration_cast<std::chrono::milliseconds>(kForever)))
            restSaidStop = true;
        return 0ms;
    });
    self = &loop;
    loop.start();
    ASSERT_TRUE(counter.reaches(1));
    loop.stop();
    EXPECT_TRUE(restSaidStop);
}

TEST(WatchLoop, StartsAgainAfterStopAndStopsTwiceSafely) {
    StepCounter counter;
    WatchLoop loop([&] {
        counter.count();
        return 1ms;
    });
    loop.start();
    loop.start();  // already running: no second thread
    ASSERT_TRUE(counter.reaches(2));
    loop.stop();
    loop.stop();
    const int first = counter.now();
    loop.start();
    EXPECT_TRUE(counter.reaches(first + 2));
    loop.stop();
}

}  // namespace
