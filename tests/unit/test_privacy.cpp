#include <gtest/gtest.h>

#include "common/privacy.h"

using namespace lobby::privacy;

TEST(Privacy, MasksEighteenDigitIdNumberKeepingFourEachEnd) {
    EXPECT_EQ(maskIdNumber("11010519491231002X"), "1101**********002X");
}

TEST(Privacy, MasksShortIdNumbersCompletely) {
    EXPECT_EQ(maskIdNumber("12345"), "*****");
    EXPECT_EQ(maskIdNumber(""), "");
}

TEST(Privacy, MasksChineseNamesByCodePoint) {
    EXPECT_EQ(maskName("张三丰"), "张*丰");
    EXPECT_EQ(maskName("张三"), "张*");
    EXPECT_EQ(maskName("欧阳娜娜"), "欧**娜");
    EXPECT_EQ(maskName("王"), "*");
    EXPECT_EQ(maskName(""), "");
}

TEST(Privacy, MasksLatinNames) {
    EXPECT_EQ(maskName("John Smith"), "J********h");
}

TEST(Privacy, MasksTheBytesOfACorruptNameRatherThanCopyingThem) {
    // A truncated UTF-8 sequence between two characters: each stray byte counts as one point.
    const std::string corrupt = std::string("张") + "\xE4\xB8" + "丰";
    EXPECT_EQ(maskName(corrupt), "张**丰");
}

TEST(Privacy, MasksPhoneNumbers) {
    EXPECT_EQ(maskPhone("13812345678"), "138****5678");
    EXPECT_EQ(maskPhone("1234"), "****");
}
