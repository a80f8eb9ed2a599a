// The credit blacklist rule on its own: which no-show histories block booking, and until when.
#include <gtest/gtest.h>

#include "sim/platform/credit_rules.h"

using lobby::sim::bookingsBlockedUntil;
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

TEST(CreditRule, TooManyBookingsInAPeriodBlockToo) {
    CreditRule rule;
    rule.maxBookings = 3;
    rule.bookingLookback_days = 30;
    rule.blocked_days = 7;
    EXPECT_EQ(bookingsBlockedUntil({-20, -10, -1}, rule), 6);
    EXPECT_EQ(bookingsBlockedUntil({-40, -10, -1}, rule), std::nullopt) << "one is too long ago";
    EXPECT_EQ(bookingsBlockedUntil({-29, -28, -27}, rule), std::nullopt) << "the block has ended";
    EXPECT_EQ(bookingsBlockedUntil({0, 0}, rule), std::nullopt);
}
