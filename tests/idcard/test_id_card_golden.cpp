// The ID card decoder against text blocks written from the published layout by hand
// (tests/idcard/make_golden.py), not by sim/idcard's encoder: a field offset wrong in both our
// encoder and our decoder would pass every round trip, but not these.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "common/date.h"
#include "idcard/id_card.h"

using namespace lobby;
using namespace lobby::idcard;

namespace {

const Date kToday{2026, 12, 1};

IdCard golden(const char* name) {
    std::ifstream file(std::string(LOBBY_IDCARD_GOLDEN) + "/" + name, std::ios::binary);
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(file),
                                          std::istreambuf_iterator<char>()};
    auto card = decodeText(bytes);
    EXPECT_TRUE(card.ok()) << name << ": " << (card ? "" : card.error().message);
    return card ? card.value() : IdCard{};
}

}  // namespace

TEST(IdCardGolden, AResidentCard) {
    const IdCard card = golden("resident.bin");
    EXPECT_EQ(card.type, CardType::Resident);
    EXPECT_EQ(card.name, "王建国");
    EXPECT_EQ(card.sex, Sex::Male);
    EXPECT_EQ(card.nation, "汉");
    EXPECT_EQ(card.birthDate.iso(), "1985-03-15");
    EXPECT_EQ(card.address, "北京市海淀区中关村大街27号");
    EXPECT_EQ(card.idNumber, "110108198503150018");
    EXPECT_EQ(card.authority, "北京市公安局海淀分局");
    EXPECT_EQ(card.validFrom.iso(), "2016-04-01");
    ASSERT_TRUE(card.validTo.has_value());
    EXPECT_EQ(card.validTo->iso(), "2036-04-01");
    EXPECT_TRUE(validate(card, kToday).ok());
}

TEST(IdCardGolden, ALongTermCardWithAFullAddress) {
    const IdCard card = golden("resident-long-term.bin");
    EXPECT_EQ(card.name, "欧阳秀兰");
    EXPECT_EQ(card.sex, Sex::Female);
    EXPECT_EQ(card.nation, "回");
    EXPECT_EQ(card.address, "宁夏回族自治区银川市兴庆区解放东街1号");
    EXPECT_FALSE(card.validTo.has_value()) << "长期";
    EXPECT_TRUE(validate(card, kToday).ok());
}

TEST(IdCardGolden, AResidencePermitForHongKongMacauTaiwan) {
    const IdCard card = golden("hmt-permit.bin");
    EXPECT_EQ(card.type, CardType::HmtPermit);
    EXPECT_EQ(card.name, "陳大文");
    EXPECT_EQ(card.passNumber, "H12345678");
    EXPECT_EQ(card.issueCount, "01");
    EXPECT_TRUE(validate(card, kToday).ok());
}

TEST(IdCardGolden, BothForeignPermanentResidenceCards) {
    const IdCard old = golden("foreign-2017.bin");
    EXPECT_EQ(old.type, CardType::ForeignPermanent);
    EXPECT_EQ(old.nameEn, "SMITH, JOHN");
    EXPECT_EQ(old.name, "史密斯");
    EXPECT_EQ(old.idNumber, "USA110080101001");
    EXPECT_EQ(old.nationality, "USA");
    EXPECT_EQ(old.birthDate.iso(), "1980-01-01");
    EXPECT_EQ(old.authority, "1500");
    const IdCard fresh = golden("foreign-2023.bin");
    EXPECT_EQ(fresh.type, CardType::ForeignPermanent2023);
    EXPECT_EQ(fresh.nameEn, "GARCIA MARTINEZ, MARIA");
    EXPECT_EQ(fresh.sex, Sex::Female);
    EXPECT_EQ(fresh.idNumber, "931156199203150023");
    EXPECT_EQ(fresh.nationality, "ESP");
    EXPECT_EQ(fresh.issueCount, "00");
    EXPECT_TRUE(validate(fresh, kToday).ok());
}
