// The keypad's fields: numbers grouped as printed on a card, masked once the patient moves on.
#include <gtest/gtest.h>

#include "journeys/typed_number.h"

using lobby::journeys::shownIdNumber;
using lobby::journeys::shownPhone;

TEST(TypedNumber, AnIdNumberIsGroupedSixEightFourAsItIsTyped) {
    EXPECT_EQ(shownIdNumber("", false), "");
    EXPECT_EQ(shownIdNumber("1101", false), "1101");
    EXPECT_EQ(shownIdNumber("110105", false), "110105");
    EXPECT_EQ(shownIdNumber("1101051", false), "110105 1");
    EXPECT_EQ(shownIdNumber("11010519491231", false), "110105 19491231");
    EXPECT_EQ(shownIdNumber("11010519491231002X", false), "110105 19491231 002X");
}

TEST(TypedNumber, AMobileNumberIsGroupedThreeFourFour) {
    EXPECT_EQ(shownPhone("138", false), "138");
    EXPECT_EQ(shownPhone("1380", false), "138 0");
    EXPECT_EQ(shownPhone("13800138000", false), "138 0013 8000");
}

TEST(TypedNumber, LeftFieldsAreMaskedAndStillGrouped) {
    EXPECT_EQ(shownIdNumber("11010519491231002X", true), "1101** ******** 002X");
    EXPECT_EQ(shownPhone("13800138000", true), "138 **** 8000");
    // Too short to keep anything: every character hidden.
    EXPECT_EQ(shownIdNumber("110105", true), "******");
    EXPECT_EQ(shownPhone("1380", true), "*** *");
}
