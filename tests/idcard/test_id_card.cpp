#include <gtest/gtest.h>

#include "idcard/id_card.h"
#include "idcard/sam_reader.h"
#include "sim/idcard/card_catalogue.h"

using namespace lobby;
using namespace lobby::idcard;

namespace {
const Date kToday{2026, 11, 22};

IdCard decodeCatalogue(const char* key) {
    const auto* card = sim::findCard(key);
    EXPECT_NE(card, nullptr) << key;
    auto decoded = decodeText(card->text);
    EXPECT_TRUE(decoded.ok()) << key << ": " << (decoded.ok() ? "" : decoded.error().message);
    return decoded.ok() ? decoded.value() : IdCard{};
}
}  // namespace

TEST(IdCard, CheckDigitFollowsGb11643) {
    EXPECT_TRUE(hasValidCheckDigit("11010519491231002X"));
    EXPECT_TRUE(hasValidCheckDigit("11010519491231002x"));
    EXPECT_FALSE(hasValidCheckDigit("110105194912310021"));
    EXPECT_FALSE(hasValidCheckDigit("11010519491231002"));  // 17 digits
    EXPECT_FALSE(hasValidCheckDigit("1101051949123100AX"));
    EXPECT_EQ(checkDigitFor("11010519491231002"), 'X');
    EXPECT_EQ(checkDigitFor("11010519800101001"), '6');
    EXPECT_EQ(checkDigitFor("1101051949"), std::nullopt);
    EXPECT_EQ(checkDigitFor("1101051949123100A"), std::nullopt);
}

TEST(IdCard, DecodesAResidentCard) {
    const IdCard card = decodeCatalogue("resident-zhang");
    EXPECT_EQ(card.type, CardType::Resident);
    EXPECT_EQ(card.name, "张三丰");
    EXPECT_EQ(card.sex, Sex::Female);  // as the ID number's 17th digit (2) says
    EXPECT_EQ(card.nation, "汉");
    EXPECT_EQ(card.birthDate.iso(), "1949-12-31");
    EXPECT_EQ(card.address, "北京市西城区复兴门外大街999号院11号楼3单元502室");
    EXPECT_EQ(card.idNumber, "11010519491231002X");
    EXPECT_EQ(card.authority, "北京市公安局西城分局");
    EXPECT_EQ(card.validFrom.iso(), "2015-01-01");
    EXPECT_FALSE(card.validTo.has_value());  // 长期
    EXPECT_TRUE(validate(card, kToday).ok());
}

TEST(IdCard, DecodesSexAndNationOfAnotherResident) {
    const IdCard card = decodeCatalogue("resident-li");
    EXPECT_EQ(card.sex, Sex::Female);
    EXPECT_EQ(card.nation, "回");
    ASSERT_TRUE(card.validTo.has_value());
    EXPECT_EQ(card.validTo->iso(), "2035-06-10");
}

TEST(IdCard, DecodesAnHmtResidencePermit) {
    const IdCard card = decodeCatalogue("hmt-chen");
    EXPECT_EQ(card.type, CardType::HmtPermit);
    EXPECT_EQ(card.passNumber, "H12345678");
    EXPECT_EQ(card.issueCount, "01");
    EXPECT_TRUE(card.nation.empty());
    EXPECT_TRUE(validate(card, kToday).ok());
}

TEST(IdCard, DecodesBothForeignPermanentResidenceLayouts) {
    const IdCard old = decodeCatalogue("foreign-2017");
    EXPECT_EQ(old.type, CardType::ForeignPermanent);
    EXPECT_EQ(old.nameEn, "SMITH, JOHN");
    EXPECT_EQ(old.name, "史密斯");
    EXPECT_EQ(old.nationality, "USA");
    EXPECT_EQ(old.idNumber, "USA110080101001");
    EXPECT_EQ(old.birthDate.iso(), "1980-01-01");
    EXPECT_EQ(old.authority, "1500");
    EXPECT_TRUE(validate(old, kToday).ok());

    const IdCard fresh = decodeCatalogue("foreign-2023");
    EXPECT_EQ(fresh.type, CardType::ForeignPermanent2023);
    EXPECT_EQ(fresh.nameEn, "GARCIA MARTINEZ, MARIA");
    EXPECT_EQ(fresh.sex, Sex::Female);
    EXPECT_EQ(fresh.nationality, "ESP");
    EXPECT_EQ(fresh.idNumber, "931156199203150023");
    EXPECT_TRUE(validate(fresh, kToday).ok());
}

TEST(IdCard, ExpiredAndBadCheckDigitCardsAreRefused) {
    auto expired = validate(decodeCatalogue("expired"), kToday);
    ASSERT_FALSE(expired.ok());
    EXPECT_EQ(expired.error().code, "idcard.expired");
    EXPECT_EQ(expired.error().message, "the card expired on 2020-01-01");

    auto badDigit = validate(decodeCatalogue("bad-check-digit"), kToday);
    ASSERT_FALSE(badDigit.ok());
    EXPECT_EQ(badDigit.error().code, "idcard.bad_check_digit");
    EXPECT_EQ(badDigit.error().kind, ErrorKind::CardInvalid);
}

TEST(IdCard, BirthDateMustMatchTheIdNumber) {
    IdCard card = decodeCatalogue("resident-zhang");
    card.birthDate = {1950, 1, 1};
    auto result = validate(card, kToday);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "idcard.birth_mismatch");
}

TEST(IdCard, SexMustMatchTheIdNumber) {
    IdCard card = decodeCatalogue("resident-zhang");  // ...002X: the 17th digit is even
    card.sex = Sex::Male;
    auto result = validate(card, kToday);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "idcard.sex_mismatch");
    EXPECT_EQ(result.error().kind, ErrorKind::CardInvalid);

    IdCard permit = decodeCatalogue("foreign-2023");  // the 2023 number has the digit too
    permit.sex = Sex::Male;
    EXPECT_EQ(validate(permit, kToday).error().code, "idcard.sex_mismatch");
    EXPECT_TRUE(validate(decodeCatalogue("hmt-chen"), kToday).ok()) << "...0019: male, as read";
}

TEST(IdCard, MalformedTextIsATypedErrorNotACrash) {
    EXPECT_EQ(decodeText(Bytes(100, 0x20)).error().code, "idcard.bad_text");

    Bytes text = sim::findCard("resident-zhang")->text;
    Bytes unknownType = text;
    unknownType[248] = 'Q';
    EXPECT_EQ(decodeText(unknownType).error().code, "idcard.unknown_type");

    Bytes badSex = text;
    badSex[30] = '7';
    EXPECT_EQ(decodeText(badSex).error().code, "idcard.bad_sex");

    Bytes badDate = text;
    badDate[36 + 8] = '9';  // month 19
    badDate[36 + 10] = '9';
    EXPECT_EQ(decodeText(badDate).error().code, "idcard.bad_date");

    Bytes loneSurrogate = text;
    loneSurrogate[0] = 0x00;
    loneSurrogate[1] = 0xDC;
    EXPECT_EQ(decodeText(loneSurrogate).error().code, "idcard.bad_text");

    Bytes badNation = text;
    badNation[32] = '9';
    badNation[34] = '9';
    EXPECT_EQ(decodeText(badNation).error().code, "idcard.bad_nation");
}

TEST(IdCard, NationCodesCoverAllFiftySixGroupsAndTheTwoExtras) {
    for (int code = 1; code <= 56; ++code)
        EXPECT_FALSE(nationName(code).empty()) << code;
    EXPECT_EQ(nationName(1), "汉");
    EXPECT_EQ(nationName(56), "基诺");
    EXPECT_EQ(nationName(97), "其他");
    EXPECT_EQ(nationName(98), "外国血统");
    EXPECT_TRUE(nationName(57).empty());
    EXPECT_TRUE(nationName(0).empty());
}

TEST(IdCard, ReadReplyLengthsMustAddUp) {
    Bytes data = {0x01, 0x00, 0x04, 0x00};
    data.resize(4 + 256 + 1024, 0x20);
    auto raw = parseReadData(data, false);
    ASSERT_TRUE(raw.ok());
    EXPECT_EQ(raw->text.size(), 256u);
    EXPECT_EQ(raw->photo.size(), 1024u);

    data.pop_back();
    EXPECT_EQ(parseReadData(data, false).error().code, "idcard.sam.bad_length");
    EXPECT_EQ(parseReadData(Bytes{0x01}, false).error().code, "idcard.sam.bad_length");
}
