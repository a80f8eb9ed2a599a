// The keypad's fields: numbers grouped as printed on a card, masked once the patient moves on.
#include <gtest/gtest.h>

#include "journeys/booking_view.h"
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

using namespace lobby;

TEST(ClinicFees, RangesInWholeYuanThatNeverBreakAtTheDash) {
    using Fees = platform::BookingRules::ClinicFees;
    const QString text = journeys::clinicFeesText({Fees{platform::ClinicType::General, 1000, 1000},
                                                   Fees{platform::ClinicType::Expert, 2000, 5050}});
    EXPECT_NE(text.indexOf(QStringLiteral("¥10")), -1) << text.toStdString();
    EXPECT_EQ(text.indexOf(QStringLiteral("¥10.00")), -1) << "whole yuan: " << text.toStdString();
    EXPECT_NE(text.indexOf(QStringLiteral("¥20\u2060–\u2060¥50.50")), -1)
        << "word joiners hold the range together: " << text.toStdString();
    EXPECT_TRUE(journeys::clinicFeesText({}).isEmpty());
}

TEST(TypedNumber, DigitsOfAnExactLength) {
    EXPECT_TRUE(journeys::isDigits(QStringLiteral("12345678"), 8));
    EXPECT_FALSE(journeys::isDigits(QStringLiteral("1234567"), 8));
    EXPECT_FALSE(journeys::isDigits(QStringLiteral("1234567a"), 8));
    EXPECT_FALSE(journeys::isDigits(QStringLiteral("１２３４５６７８"), 8)) << "full-width digits";
}
