#include <gtest/gtest.h>

#include "common/id_number.h"
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

TEST(Privacy, ScrubMasksIdNumbersWhereverTheyStand) {
    EXPECT_EQ(scrubPersonalData("id=11010519491231002X ok"), "id=1101**********002X ok");
    EXPECT_EQ(scrubPersonalData("patientID11010519491231002Xread"),
              "patientID1101**********002Xread");
    EXPECT_EQ(scrubPersonalData("card_110105194912310021_done"), "card_1101**********0021_done");
    EXPECT_EQ(scrubPersonalData("old 110105491231002"), "old 1101********002");
    EXPECT_EQ(scrubPersonalData("length 1101051949123100211 digits"),
              "length 1101051949123100211 digits")
        << "19 digits are no ID number";
}

TEST(Privacy, ScrubReadsFullWidthDigits) {
    EXPECT_EQ(scrubPersonalData("身份证１１０１０５１９４９１２３１００２Ｘ"),
              "身份证1101**********002X");
    EXPECT_EQ(scrubPersonalData("手机１３８１２３４５６７８"), "手机138****5678");
}

TEST(Privacy, ScrubMasksMobileNumbersWithOrWithoutTheCountryCode) {
    EXPECT_EQ(scrubPersonalData("phone 13812345678."), "phone 138****5678.");
    EXPECT_EQ(scrubPersonalData("tel:+8613812345678"), "tel:+86138****5678");
    EXPECT_EQ(scrubPersonalData("tel +86 13812345678"), "tel +86 138****5678");
    EXPECT_EQ(scrubPersonalData("008613812345678"), "0086138****5678");
    EXPECT_EQ(scrubPersonalData("+86-138-1234-5678"), "+86-138-****-5678");
    EXPECT_EQ(scrubPersonalData("138 1234 5678 called"), "138 **** 5678 called");
    EXPECT_EQ(scrubPersonalData("mobile13812345678x"), "mobile138****5678x");
    EXPECT_EQ(scrubPersonalData("order 12812345678"), "order 12812345678") << "not a mobile prefix";
}

TEST(Privacy, ScrubMasksForeignPermanentResidenceNumbers) {
    EXPECT_EQ(scrubPersonalData("permit USA110070101234 seen"), "permit USA**********34 seen");
    // The 2023 form has the resident ID's 18 characters (starting with 9).
    EXPECT_EQ(scrubPersonalData("permit 931586197001010021"), "permit 9315**********0021");
}

TEST(Privacy, ScrubLeavesOrdinaryNumbersAlone) {
    const std::string line = "2026-12-01T04:06:32 booking B-20261201-0042 fee 2500 fen, 3 tries";
    EXPECT_EQ(scrubPersonalData(line), line);
}

TEST(IdNumber, AgeComesFromTheBirthDateInTheNumber) {
    EXPECT_EQ(lobby::ageOn("11010519491231002X", 2026, 12, 30), 76);
    EXPECT_EQ(lobby::ageOn("11010519491231002X", 2026, 12, 31), 77) << "birthday today";
    EXPECT_EQ(lobby::ageOn("110105200001010011", 2026, 12, 1), 26);
    EXPECT_FALSE(lobby::ageOn("110105194913310021", 2026, 12, 1)) << "month 13";
    EXPECT_FALSE(lobby::ageOn("110105194902310021", 2026, 12, 1)) << "31 February";
    EXPECT_FALSE(lobby::ageOn("110105203001010011", 2026, 12, 1)) << "born in the future";
    EXPECT_FALSE(lobby::ageOn("1101051949", 2026, 12, 1)) << "too short";
    EXPECT_FALSE(lobby::ageOn("1101051949A231002X", 2026, 12, 1)) << "not digits";
}
