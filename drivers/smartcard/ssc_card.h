#pragma once
// Reading a social-security / medical-insurance card (社会保障卡): SELECT the SSSE application
// by DF name, then READ RECORD from EF05 (card data) and EF06 (holder data). Each record answers
// as tag (= record number), length, value, parsed strictly.

#include <cstdint>
#include <string>

#include "common/date.h"
#include "smartcard/apdu.h"

namespace lobby::smartcard {

// "sx1.sh." followed by 社会保障 in GBK.
inline constexpr std::uint8_t kSsseDfName[] = {0x73, 0x78, 0x31, 0x2E, 0x73, 0x68, 0x2E, 0xC9,
                                               0xE7, 0xBB, 0xE1, 0xB1, 0xA3, 0xD5, 0xCF};
inline constexpr std::uint16_t kEf05 = 0xEF05;
inline constexpr std::uint16_t kEf06 = 0xEF06;
inline constexpr std::uint8_t kSfiEf05 = 5;
inline constexpr std::uint8_t kSfiEf06 = 6;

enum class SscSex { Male, Female };

struct SscCard {
    std::string cardIdCode;      // EF05/01: 16 bytes, shown as hex
    std::uint8_t cardType = 0;   // EF05/02
    std::string specVersion;     // EF05/03: 4 ASCII, e.g. "3.00"
    Date issueDate;              // EF05/05: 4-byte BCD
    Date expiryDate;             // EF05/06: 4-byte BCD
    std::string cardNumber;      // EF05/07: 9 ASCII
    std::string idNumber;        // EF06/08: 18 ASCII (the social-security number)
    std::string name;            // EF06/09: GBK, 30 bytes, as UTF-8
    SscSex sex = SscSex::Male;   // EF06/0A: '1' / '2'
    std::string nation;          // EF06/0B: GB 3304 code as the group's name
    std::string birthplaceCode;  // EF06/0C: 3-byte BCD, 6 digits
    Date birthDate;              // EF06/0D: 4-byte BCD
};

// How the card's records are addressed. Cards answer one way or the other; Auto tries the
// short file identifier first and falls back to selecting the EF.
enum class RecordAddressing { Auto, ShortFileId, SelectFile };

Result<SscCard> readSscCard(const RawTransmit& transmit,
                            RecordAddressing addressing = RecordAddressing::Auto);

// Strict parsers, exposed for tests and fuzzing.
Result<Bytes> parseRecord(std::span<const std::uint8_t> record, std::uint8_t expectedTag);
Result<Date> parseBcdDate(std::span<const std::uint8_t> bcd);
Result<std::string> parseBcdDigits(std::span<const std::uint8_t> bcd);
Result<std::string> decodeGbk(std::span<const std::uint8_t> gbk);

// Check digit, real dates, expiry against `today`.
Status validate(const SscCard& card, const Date& today);

std::string_view toString(SscSex sex);

}  // namespace lobby::smartcard
