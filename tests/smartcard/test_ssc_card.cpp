// Social-security card reading against the virtual card in process (no pcscd): APDUs, T=0
// conversations, both record addressing schemes, strict parsing, faults.
#include <gtest/gtest.h>

#include "sim/smartcard/virtual_ssc.h"
#include "smartcard/ssc_card.h"

using namespace lobby;
using namespace lobby::smartcard;

namespace {

RawTransmit transmitTo(sim::VirtualSscCard& card, int* commands = nullptr) {
    return [&card, commands](std::span<const std::uint8_t> apdu) -> Result<Bytes> {
        if (commands != nullptr) ++*commands;
        auto response = card.process(apdu);
        if (!response) return makeError(ErrorKind::NoCard, "smartcard.removed", "card removed");
        return *response;
    };
}

Result<SscCard> readHolder(const char* key, RecordAddressing addressing = RecordAddressing::Auto,
                           sim::SscFault fault = sim::SscFault::None) {
    sim::VirtualSscCard card(*sim::findSscHolder(key), fault);
    return readSscCard(transmitTo(card), addressing);
}

const Date kToday{2026, 11, 22};

}  // namespace

TEST(Apdu, EncodesCaseOneToFour) {
    EXPECT_EQ((Apdu{0x00, 0xB2, 0x01, 0x2C, {}, {}}.encode()), (Bytes{0x00, 0xB2, 0x01, 0x2C}));
    EXPECT_EQ((Apdu{0x00, 0xB2, 0x01, 0x2C, {}, 256}.encode()),
              (Bytes{0x00, 0xB2, 0x01, 0x2C, 0x00}));
    EXPECT_EQ((Apdu{0x00, 0xA4, 0x02, 0x00, {0xEF, 0x05}, {}}.encode()),
              (Bytes{0x00, 0xA4, 0x02, 0x00, 0x02, 0xEF, 0x05}));
}

TEST(Apdu, ParsesResponsesAndMapsStatusWords) {
    auto response = parseResponse(Bytes{0x01, 0x02, 0x90, 0x00});
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->data, (Bytes{0x01, 0x02}));
    EXPECT_TRUE(response->ok());
    EXPECT_FALSE(parseResponse(Bytes{0x90}).ok());
    EXPECT_EQ(statusError(0x6A82)->code, "smartcard.file_not_found");
    EXPECT_EQ(statusError(0x6983)->message, "the card is blocked");
    EXPECT_EQ(statusError(0x6F00)->message, "the card answered status 6F00");
    EXPECT_FALSE(statusError(0x9000).has_value());
}

TEST(Apdu, FollowsGetResponseAndResendsWithTheLeTheCardAsks) {
    int commands = 0;
    sim::VirtualSscCard card(*sim::findSscHolder("ssc-wang"));
    const auto transmit = transmitTo(card, &commands);
    Apdu select{0x00, 0xA4, 0x04, 0x00, Bytes(std::begin(kSsseDfName), std::end(kSsseDfName)), {}};
    auto selected = transmitApdu(transmit, select);
    ASSERT_TRUE(selected.ok()) << selected.error().message;
    EXPECT_EQ(selected->sw, 0x9000);
    EXPECT_EQ(selected->data.size(), 19u);  // the FCI came through GET RESPONSE
    EXPECT_EQ(commands, 2);

    commands = 0;
    auto record = transmitApdu(transmit, Apdu{0x00, 0xB2, 0x07, 0x2C, {}, 256});
    ASSERT_TRUE(record.ok());
    EXPECT_EQ(record->sw, 0x9000);
    EXPECT_EQ(record->data.size(), 2u + 9u);
    EXPECT_EQ(commands, 2);  // 6C0B, then again with Le = 0B
}

TEST(Apdu, ACardThatKeepsSaying61IsCutOff) {
    const RawTransmit endless = [](std::span<const std::uint8_t>) -> Result<Bytes> {
        return Bytes{0x00, 0x61, 0x01};
    };
    auto response = transmitApdu(endless, Apdu{0x00, 0xB0, 0, 0, {}, 1});
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, "smartcard.endless_response");
}

TEST(SscCard, ReadsEveryFieldByShortFileIdentifier) {
    auto card = readHolder("ssc-wang", RecordAddressing::ShortFileId);
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->name, "王芳");
    EXPECT_EQ(card->idNumber, "11010519491231002X");
    EXPECT_EQ(card->sex, SscSex::Female);
    EXPECT_EQ(card->nation, "汉");
    EXPECT_EQ(card->birthDate.iso(), "1949-12-31");
    EXPECT_EQ(card->birthplaceCode, "110105");
    EXPECT_EQ(card->cardNumber, "A12345678");
    EXPECT_EQ(card->specVersion, "3.00");
    EXPECT_EQ(card->issueDate.iso(), "2020-01-01");
    EXPECT_EQ(card->expiryDate.iso(), "2030-01-01");
    EXPECT_EQ(card->cardIdCode.size(), 32u);
    EXPECT_TRUE(validate(card.value(), kToday).ok());
}

TEST(SscCard, FallsBackToSelectingTheEfForCardsWithoutSfi) {
    EXPECT_FALSE(readHolder("ssc-liu", RecordAddressing::ShortFileId).ok());
    auto card = readHolder("ssc-liu");  // Auto
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->name, "刘洋");
    EXPECT_EQ(card->nation, "回");
    EXPECT_EQ(card->sex, SscSex::Female);
    auto selecting = readHolder("ssc-liu", RecordAddressing::SelectFile);
    ASSERT_TRUE(selecting.ok());
    EXPECT_EQ(selecting->idNumber, card->idNumber);
}

TEST(SscCard, SexMustMatchTheIdNumber) {
    auto card = readHolder("ssc-wang", RecordAddressing::ShortFileId);
    ASSERT_TRUE(card.ok()) << card.error().message;
    card->sex = SscSex::Male;  // ...002X records a woman
    auto result = validate(card.value(), kToday);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "smartcard.sex_mismatch");
    EXPECT_EQ(result.error().kind, ErrorKind::CardInvalid);
}

TEST(SscCard, DecodesFourCharacterGbkNames) {
    auto card = readHolder("ssc-ouyang");
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->name, "欧阳娜娜");
    EXPECT_EQ(card->nation, "满");
}

TEST(SscCard, FaultsAreTypedErrors) {
    EXPECT_EQ(
        readHolder("ssc-wang", RecordAddressing::Auto, sim::SscFault::FileNotFound).error().code,
        "smartcard.file_not_found");
    auto blocked = readHolder("ssc-wang", RecordAddressing::Auto, sim::SscFault::Blocked);
    EXPECT_EQ(blocked.error().code, "smartcard.blocked");
    EXPECT_EQ(blocked.error().message, "selecting SSSE: the card is blocked");
    EXPECT_EQ(
        readHolder("ssc-wang", RecordAddressing::Auto, sim::SscFault::WrongRecordTag).error().code,
        "smartcard.bad_tag");
    EXPECT_EQ(
        readHolder("ssc-wang", RecordAddressing::Auto, sim::SscFault::PulledMidRead).error().kind,
        ErrorKind::NoCard);
}

TEST(SscCard, ExpiredAndBadCheckDigitCardsAreRefused) {
    auto expired = readHolder("ssc-expired");
    ASSERT_TRUE(expired.ok());
    EXPECT_EQ(validate(expired.value(), kToday).error().message, "the card expired on 2020-01-01");
    auto badDigit = readHolder("ssc-bad-check-digit");
    ASSERT_TRUE(badDigit.ok());
    EXPECT_EQ(validate(badDigit.value(), kToday).error().code, "smartcard.bad_check_digit");
}

TEST(SscCard, ParsersAreStrict) {
    EXPECT_EQ(parseRecord(Bytes{0x08, 0x05, 1, 2}, 0x08).error().code, "smartcard.bad_length");
    EXPECT_EQ(parseRecord(Bytes{0x09, 0x00}, 0x08).error().code, "smartcard.bad_tag");
    EXPECT_EQ(parseRecord(Bytes{0x08}, 0x08).error().code, "smartcard.bad_record");
    EXPECT_EQ(parseRecord(Bytes{0x08, 0x01, 0x41, 0x99}, 0x08).value(), (Bytes{0x41}));

    EXPECT_EQ(parseBcdDate(Bytes{0x20, 0x26, 0x11, 0x22}).value().iso(), "2026-11-22");
    EXPECT_EQ(parseBcdDate(Bytes{0x20, 0x26, 0x1A, 0x22}).error().code, "smartcard.bad_bcd");
    EXPECT_EQ(parseBcdDate(Bytes{0x20, 0x26, 0x02, 0x30}).error().code, "smartcard.bad_date");
    EXPECT_EQ(parseBcdDate(Bytes{0x20, 0x26}).error().code, "smartcard.bad_bcd");

    EXPECT_EQ(decodeGbk(Bytes{0xCD, 0xF5, 0xB7, 0xBC, 0x00, 0x00}).value(), "王芳");
    EXPECT_EQ(decodeGbk(Bytes{0xCD}).error().code, "smartcard.bad_gbk");        // half a char
    EXPECT_EQ(decodeGbk(Bytes{0xFF, 0xFF}).error().code, "smartcard.bad_gbk");  // not GBK
}
