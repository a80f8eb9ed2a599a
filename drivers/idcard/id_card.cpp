#include "idcard/id_card.h"

#include "common/id_number.h"
#include "common/nation.h"

#include <array>
#include <cstdio>

namespace lobby::idcard {
namespace {

Error invalid(const char* code, std::string message) {
    return makeError(ErrorKind::CardInvalid, code, std::move(message));
}

void appendUtf8(std::string& out, std::uint32_t point) {
    if (point < 0x80) {
        out.push_back(static_cast<char>(point));
    } else if (point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (point >> 6)));
        out.push_back(static_cast<char>(0x80 | (point & 0x3F)));
    } else if (point < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (point >> 18)));
        out.push_back(static_cast<char>(0x80 | ((point >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (point & 0x3F)));
    }
}

// A UCS-2LE field (UTF-16 surrogate pairs accepted), trailing spaces and NULs trimmed.
Result<std::string> field(std::span<const std::uint8_t> text, std::size_t offset,
                          std::size_t length) {
    std::string out;
    std::size_t trimmedLength = 0;
    for (std::size_t i = offset; i + 1 < offset + length; i += 2) {
        std::uint32_t unit = text[i] | (std::uint32_t{text[i + 1]} << 8);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (i + 3 >= offset + length) return invalid("idcard.bad_text", "broken UCS-2 text");
            const std::uint32_t low = text[i + 2] | (std::uint32_t{text[i + 3]} << 8);
            if (low < 0xDC00 || low > 0xDFFF) {
                return invalid("idcard.bad_text", "broken UCS-2 text");
            }
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return invalid("idcard.bad_text", "broken UCS-2 text");
        }
        if (unit < 0x20 && unit != 0)
            return invalid("idcard.bad_text", "control character in text");
        appendUtf8(out, unit);
        if (unit != 0x20 && unit != 0) trimmedLength = out.size();
    }
    out.resize(trimmedLength);
    // A NUL inside the text (not padding) is corruption.
    if (out.find('\0') != std::string::npos) return invalid("idcard.bad_text", "NUL in text");
    return out;
}

Result<Date> parseDate(const std::string& text, const char* what) {
    const auto date = parseCompactDate(text);
    if (!date)
        return invalid("idcard.bad_date", std::string(what) + " is not a real YYYYMMDD date");
    return *date;
}

Result<Sex> parseSex(const std::string& text) {
    if (text == "1") return Sex::Male;
    if (text == "2") return Sex::Female;
    return invalid("idcard.bad_sex", "sex code is neither 1 nor 2");
}

// Reads each named field or returns the first error.
struct FieldReader {
    std::span<const std::uint8_t> text;
    std::optional<Error> error;

    std::string operator()(std::size_t offset, std::size_t length) {
        if (error) return {};
        auto value = field(text, offset, length);
        if (!value) {
            error = value.error();
            return {};
        }
        return value.value();
    }
};

Result<IdCard> decodeResidentLike(FieldReader& read, CardType type) {
    IdCard card;
    card.type = type;
    card.name = read(0, 30);
    const std::string sex = read(30, 2);
    const std::string nation = read(32, 4);
    const std::string birth = read(36, 16);
    card.address = read(52, 70);
    card.idNumber = read(122, 36);
    card.authority = read(158, 30);
    const std::string from = read(188, 16);
    const std::string to = read(204, 16);
    if (type == CardType::HmtPermit) {
        card.passNumber = read(220, 18);
        card.issueCount = read(238, 4);
    }
    if (read.error) return *read.error;

    auto parsedSex = parseSex(sex);
    if (!parsedSex) return parsedSex.error();
    card.sex = parsedSex.value();
    if (type == CardType::Resident) {
        const bool numeric =
            !nation.empty() && nation.find_first_not_of("0123456789") == std::string::npos;
        const std::string_view name = numeric ? nationName(std::stoi(nation)) : std::string_view{};
        if (name.empty()) return invalid("idcard.bad_nation", "unknown nation code");
        card.nation = name;
    }
    auto birthDate = parseDate(birth, "birth date");
    if (!birthDate) return birthDate.error();
    card.birthDate = birthDate.value();
    auto validFrom = parseDate(from, "valid-from date");
    if (!validFrom) return validFrom.error();
    card.validFrom = validFrom.value();
    if (to != "长期") {
        auto validTo = parseDate(to, "valid-to date");
        if (!validTo) return validTo.error();
        card.validTo = validTo.value();
    }
    return card;
}

Result<IdCard> decodeForeign(FieldReader& read, CardType type) {
    IdCard card;
    card.type = type;
    std::string sex, from, to, birth;
    if (type == CardType::ForeignPermanent) {
        card.nameEn = read(0, 120);
        sex = read(120, 2);
        card.idNumber = read(122, 30);
        card.nationality = read(152, 6);
        card.name = read(158, 30);
        from = read(188, 16);
        to = read(204, 16);
        birth = read(220, 16);
        card.authority = read(240, 8);
    } else {
        // The 2023 card: the English name continues in a second field at 192.
        card.nameEn = read(0, 70);
        const std::string more = read(192, 46);
        if (!more.empty()) card.nameEn += more;
        sex = read(70, 2);
        card.idNumber = read(72, 36);
        card.nationality = read(108, 6);
        card.name = read(114, 30);
        from = read(144, 16);
        to = read(160, 16);
        birth = read(176, 16);
        card.issueCount = read(238, 4);
    }
    if (read.error) return *read.error;
    auto parsedSex = parseSex(sex);
    if (!parsedSex) return parsedSex.error();
    card.sex = parsedSex.value();
    auto birthDate = parseDate(birth, "birth date");
    if (!birthDate) return birthDate.error();
    card.birthDate = birthDate.value();
    auto validFrom = parseDate(from, "valid-from date");
    if (!validFrom) return validFrom.error();
    card.validFrom = validFrom.value();
    auto validTo = parseDate(to, "valid-to date");
    if (!validTo) return validTo.error();
    card.validTo = validTo.value();
    return card;
}

}  // namespace

std::string_view toString(CardType type) {
    switch (type) {
        case CardType::Resident:
            return "resident";
        case CardType::HmtPermit:
            return "hmt_permit";
        case CardType::ForeignPermanent:
            return "foreign_permanent";
        case CardType::ForeignPermanent2023:
            return "foreign_permanent_2023";
    }
    return "resident";
}

std::string_view toString(Sex sex) {
    return sex == Sex::Male ? "male" : "female";
}

Result<IdCard> decodeText(std::span<const std::uint8_t> text) {
    if (text.size() != kTextBlockSize) {
        return invalid("idcard.bad_text",
                       "text block is " + std::to_string(text.size()) + " bytes, expected 256");
    }
    constexpr std::size_t kTypeFlagOffset = 248;
    const std::uint8_t flag = text[kTypeFlagOffset];
    if (text[kTypeFlagOffset + 1] != 0) return invalid("idcard.unknown_type", "unknown card type");
    FieldReader read{text, std::nullopt};
    switch (flag) {
        case ' ':
        case 0:
            return decodeResidentLike(read, CardType::Resident);
        case 'J':
            return decodeResidentLike(read, CardType::HmtPermit);
        case 'I':
            return decodeForeign(read, CardType::ForeignPermanent);
        case 'Y':
            return decodeForeign(read, CardType::ForeignPermanent2023);
        default:
            return invalid("idcard.unknown_type", "unknown card type");
    }
}

Status validate(const IdCard& card, const Date& today) {
    if (card.type == CardType::ForeignPermanent) {
        const auto& number = card.idNumber;
        const bool shaped = number.size() == 15 &&
                            number.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 3 &&
                            number.find_first_not_of("0123456789", 3) == std::string::npos;
        if (!shaped) return invalid("idcard.bad_number", "the permit number is malformed");
    } else {
        if (!hasValidCheckDigit(card.idNumber)) {
            return invalid("idcard.bad_check_digit", "the ID number's check digit is wrong");
        }
        const std::string birth = card.birthDate.iso();
        const std::string compact = birth.substr(0, 4) + birth.substr(5, 2) + birth.substr(8, 2);
        if (card.idNumber.compare(6, 8, compact) != 0) {
            return invalid("idcard.birth_mismatch", "the birth date does not match the ID number");
        }
        if (!recordsSex(card.idNumber, card.sex == Sex::Male)) {
            return invalid("idcard.sex_mismatch", "the sex does not match the ID number");
        }
    }
    if (card.validFrom > today) return invalid("idcard.not_yet_valid", "the card is not valid yet");
    if (card.validTo && *card.validTo < today) {
        return invalid("idcard.expired", "the card expired on " + card.validTo->iso());
    }
    return {};
}

}  // namespace lobby::idcard
