// Staged rollouts on the sandbox platform: buckets spread evenly and each kiosk's is fixed, so a
// rising percentage only adds kiosks; canaries first; one hospital's kiosks install one at a time;
// a rollout whose installs keep rolling back pauses itself.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "sim/platform/rollouts.h"

namespace lobby::sim {
namespace {

std::vector<FleetTerminal> fleet(int size, int hospitals = 50) {
    std::vector<FleetTerminal> terminals;
    for (int i = 0; i < size; ++i) {
        terminals.push_back({"T-" + std::to_string(100000 + i),
                             "H-" + std::to_string(i % hospitals), "outpatient_lobby"});
    }
    return terminals;
}

TEST(Rollouts, BucketsAreUniform) {
    const auto terminals = fleet(20'000);
    std::vector<int> deciles(10, 0);
    for (const auto& terminal : terminals)
        ++deciles[static_cast<std::size_t>(rolloutBucket("r-2026-12", terminal.terminalId) / 1000)];
    for (int count : deciles) {
        EXPECT_GT(count, 2000 * 0.9);  // ±10% of the 2,000 a decile should hold
        EXPECT_LT(count, 2000 * 1.1);
    }
    // Another rollout draws another sample.
    int same = 0;
    for (const auto& terminal : terminals) {
        same += rolloutBucket("r-a", terminal.terminalId) / 1000 ==
                rolloutBucket("r-b", terminal.terminalId) / 1000;
    }
    EXPECT_LT(same, 20'000 / 10 * 1.2);
}

TEST(Rollouts, RaisingThePercentageOnlyAddsKiosks) {
    const auto terminals = fleet(5'000);
    Rollout rollout("r-1", "outpatient_lobby", {{{}, 1}, {{}, 5}, {{}, 25}, {{}, 50}, {{}, 100}});
    std::set<std::string> before;
    for (int stage = 0; stage < rollout.stageCount(); ++stage) {
        std::set<std::string> now;
        for (const auto& terminal : terminals) {
            if (rollout.includes(terminal)) now.insert(terminal.terminalId);
        }
        for (const auto& id : before)
            EXPECT_TRUE(now.count(id)) << id << " left the rollout at stage " << stage;
        EXPECT_GT(now.size(), before.size());
        before = now;
        rollout.advance();
    }
    EXPECT_EQ(before.size(), terminals.size());
    EXPECT_FALSE(rollout.advance());
}

TEST(Rollouts, CanariesComeFirstAndOtherSceneTypesNever) {
    const auto terminals = fleet(1'000);
    Rollout rollout("r-1", "outpatient_lobby", {{{"T-100007", "T-100008"}, 0}, {{}, 100}});
    int included = 0;
    for (const auto& terminal : terminals)
        included += rollout.includes(terminal);
    EXPECT_EQ(included, 2);
    EXPECT_TRUE(rollout.includes({"T-100007", "H-7", "outpatient_lobby"}));
    EXPECT_FALSE(rollout.includes({"T-100007", "H-7", "inpatient"}));
    rollout.advance();
    included = 0;
    for (const auto& terminal : terminals)
        included += rollout.includes(terminal);
    EXPECT_EQ(included, 1'000);
}

TEST(Rollouts, OneHospitalsKiosksInstallOneAtATime) {
    Rollout rollout("r-1", "outpatient_lobby", {{{}, 100}});
    const FleetTerminal a{"T-1", "H-1", "outpatient_lobby"}, b{"T-2", "H-1", "outpatient_lobby"},
        elsewhere{"T-3", "H-2", "outpatient_lobby"};
    ASSERT_TRUE(rollout.mayAssign(a));
    rollout.record(a, InstallOutcome::Installing);
    EXPECT_TRUE(rollout.mayAssign(a));  // its own assignment, asked for again
    EXPECT_FALSE(rollout.mayAssign(b));
    EXPECT_TRUE(rollout.mayAssign(elsewhere));
    rollout.record(a, InstallOutcome::Committed);
    EXPECT_TRUE(rollout.mayAssign(b));
    EXPECT_FALSE(rollout.mayAssign(a));  // done
}

TEST(Rollouts, ARolloutThatKeepsFailingPausesItself) {
    RolloutPolicy policy;
    policy.maxConcurrentPerHospital = 100;
    policy.pauseAtFailureShare = 0.2;
    policy.minOutcomesBeforePause = 5;
    Rollout rollout("r-1", "outpatient_lobby", {{{}, 100}}, policy);
    const auto terminals = fleet(20, 1);
    for (int i = 0; i < 4; ++i)
        rollout.record(terminals[static_cast<std::size_t>(i)], InstallOutcome::Committed);
    EXPECT_FALSE(rollout.paused());
    rollout.record(terminals[4], InstallOutcome::RolledBack);  // 1 of 5: at the threshold
    EXPECT_TRUE(rollout.paused());
    EXPECT_EQ(rollout.pauseReason(), "paused by itself: 1 of 5 installs rolled back");
    EXPECT_FALSE(rollout.mayAssign(terminals[10]));
    rollout.resume();
    EXPECT_TRUE(rollout.mayAssign(terminals[10]));
    for (int i = 5; i < 9; ++i)
        rollout.record(terminals[static_cast<std::size_t>(i)], InstallOutcome::Committed);
    EXPECT_FALSE(rollout.paused());  // what came before the resume is not counted again
    rollout.record(terminals[9], InstallOutcome::RolledBack);
    EXPECT_TRUE(rollout.paused());
}

TEST(Rollouts, FewFailuresAmongManyDoNotPause) {
    RolloutPolicy policy;
    policy.maxConcurrentPerHospital = 100;
    policy.minOutcomesBeforePause = 10;
    Rollout rollout("r-1", "outpatient_lobby", {{{}, 100}}, policy);
    const auto terminals = fleet(20, 1);
    rollout.record(terminals[0], InstallOutcome::RolledBack);
    rollout.record(terminals[1], InstallOutcome::Committed);
    EXPECT_FALSE(rollout.paused());  // fewer outcomes than the minimum
    for (int i = 2; i < 20; ++i)
        rollout.record(terminals[static_cast<std::size_t>(i)], InstallOutcome::Committed);
    EXPECT_FALSE(rollout.paused());
    EXPECT_EQ(rollout.count(InstallOutcome::Committed), 19);
}

}  // namespace
}  // namespace lobby::sim
