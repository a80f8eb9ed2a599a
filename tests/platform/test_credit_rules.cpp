// The credit blacklist rule on its own: which no-show histories block booking, and until when.
#include <gtest/gtest.h>

#include "sim/platform/credit_rules.h"

using lobby::sim::creditBlockedUntil;
using lobby::sim::CreditRule;

TEST(CreditRule, ThreeNoShowsWithinNinetyDaysBlockForThirtyDaysFromTheLast) {
    const CreditRule rule;
    EXPECT_EQ(creditBlockedUntil({-1, -20, -50}, rule), 29);
    EXPECT_EQ(creditBlockedUntil({-29, -40, -80}, rule), 1) << "blocked through today";
    EXPECT_EQ(creditBlockedUntil({-30, -40, -80}, rule), std::nullopt) << "30 days served";
}

TEST(CreditRule, FewerNoShowsOrTooFarApartDoNotBlock) {
    const CreditRule rule;
    EXPECT_EQ(creditBlockedUntil({}, rule), std::nullopt);
    EXPECT_EQ(creditBlockedUntil({-1, -2}, rule), std::nullopt);
    EXPECT_EQ(creditBlockedUntil({-1, -45, -91}, rule), std::nullopt)
        << "the oldest is 90 days before the last: outside its 90-day window";
    EXPECT_EQ(creditBlockedUntil({-1, -45, -90}, rule), 29);
}

TEST(CreditRule, AnEarlierBlockThatHasEndedDoesNotCountAgainstToday) {
    const CreditRule rule;
    // three in a row 100 days ago, then a single miss yesterday
    EXPECT_EQ(creditBlockedUntil({-100, -101, -102, -1}, rule), std::nullopt);
    EXPECT_EQ(creditBlockedUntil({-5, -5, -5}, rule), 25) << "three on one day count as three";
}

TEST(CreditRule, EachHospitalSetsItsOwnThresholds) {
    const CreditRule strict{2, 30, 60};
    EXPECT_EQ(creditBlockedUntil({-10, -20}, strict), 50);
    EXPECT_EQ(creditBlockedUntil({-10, -40}, strict), std::nullopt);
}
