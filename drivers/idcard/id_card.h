#pragma once
// A resident ID card (or one of the three permit layouts) as read from the reader's 256-byte
// UCS-2LE text block, validated: GB 11643 check digit, real dates, expiry against a given day.

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "common/date.h"
#include "common/error.h"
#include "common/id_number.h"
#include "common/nation.h"

namespace lobby::idcard {

enum class CardType {
    Resident,              // 居民身份证 (flag ' ')
    HmtPermit,             // 港澳台居民居住证 (flag 'J')
    ForeignPermanent,      // 外国人永久居留身份证, 2017 layout (flag 'I')
    ForeignPermanent2023,  // 外国人永久居留身份证, 2023 layout (flag 'Y')
};

enum class Sex { Male, Female };

using lobby::Date;

struct IdCard {
    CardType type = CardType::Resident;
    std::string name;    // Chinese name (UTF-8); for foreign cards the Chinese name if any
    std::string nameEn;  // foreign cards only
    Sex sex = Sex::Male;
    std::string nation;       // ethnic group name (resident and HMT cards)
    std::string nationality;  // ISO 3166 alpha-3 (foreign cards)
    Date birthDate;
    std::string address;
    std::string idNumber;  // ID number / permit number
    std::string authority;
    Date validFrom;
    std::optional<Date> validTo;  // nullopt = 长期 (long-term)
    std::string passNumber;       // HMT permit: 通行证号码
    std::string issueCount;       // HMT permit / 2023 foreign card: 签发次数
    std::string photoWlt;         // the 1024-byte WLT blob, as read
};

inline constexpr std::size_t kTextBlockSize = 256;
inline constexpr std::size_t kPhotoBlockSize = 1024;

std::string_view toString(CardType type);  // "resident", "hmt_permit", ...
std::string_view toString(Sex sex);        // "male" / "female"

// Decodes the text block. Errors: not 256 bytes, bad UCS-2, unknown card type flag, malformed
// sex / date fields (ErrorKind::CardInvalid).
Result<IdCard> decodeText(std::span<const std::uint8_t> text);

// Checks what a hospital must not accept: a wrong check digit, a birth date that is not in the
// ID number, an expired card. `today` is passed in so tests can pin the day.
Status validate(const IdCard& card, const Date& today);

}  // namespace lobby::idcard
