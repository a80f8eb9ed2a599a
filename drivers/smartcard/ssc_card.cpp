#include "smartcard/ssc_card.h"

#include <iconv.h>

#include <cerrno>
#include <cstdio>

#include "common/id_number.h"
#include "common/nation.h"

namespace lobby::smartcard {
namespace {

Error invalid(const char* code, std::string message) {
    return makeError(ErrorKind::CardInvalid, code, std::move(message));
}

std::string trimmed(std::string text) {
    const auto end = text.find_last_not_of(std::string(" \0", 2));
    text.resize(end == std::string::npos ? 0 : end + 1);
    return text;
}

Result<std::string> printableAscii(const Bytes& value, std::size_t length, const char* what) {
    if (value.size() != length) {
        return invalid("smartcard.bad_record", std::string(what) + " has the wrong length");
    }
    std::string text(value.begin(), value.end());
    for (const char c : text) {
        if (c != '\0' && (c < 0x20 || c > 0x7E)) {
            return invalid("smartcard.bad_record", std::string(what) + " is not printable ASCII");
        }
    }
    return trimmed(text);
}

std::string hex(const Bytes& value) {
    std::string text;
    char pair[3];
    for (const auto byte : value) {
        std::snprintf(pair, sizeof pair, "%02X", byte);
        text += pair;
    }
    return text;
}

Result<Response> selectApplication(const RawTransmit& transmit) {
    Apdu select{0x00, 0xA4, 0x04, 0x00, Bytes(std::begin(kSsseDfName), std::end(kSsseDfName)), {}};
    auto response = transmitApdu(transmit, select);
    if (!response) return response.error();
    if (auto error = statusError(response->sw)) return error->withContext("selecting SSSE");
    return response;
}

Status selectFile(const RawTransmit& transmit, std::uint16_t fileId) {
    Apdu select{
        0x00,
        0xA4,
        0x02,
        0x00,
        Bytes{static_cast<std::uint8_t>(fileId >> 8), static_cast<std::uint8_t>(fileId & 0xFF)},
        {}};
    auto response = transmitApdu(transmit, select);
    if (!response) return response.error();
    if (auto error = statusError(response->sw)) return *error;
    return {};
}

// P2 = (SFI << 3) | 4 addresses the file by short identifier; P2 = 04 means the current EF.
Result<Bytes> readRecord(const RawTransmit& transmit, std::uint8_t record, std::uint8_t p2) {
    auto response = transmitApdu(transmit, Apdu{0x00, 0xB2, record, p2, {}, 256});
    if (!response) return response.error();
    if (auto error = statusError(response->sw)) return *error;
    return parseRecord(response->data, record);
}

// Whether a failure means "this card does not address records that way".
bool addressingUnsupported(const Error& error) {
    return error.code == "smartcard.wrong_p1p2" || error.code == "smartcard.not_supported" ||
           error.code == "smartcard.file_not_found" || error.code == "smartcard.bad_instruction";
}

class RecordReader {
public:
    RecordReader(const RawTransmit& transmit, RecordAddressing addressing)
        : transmit_(transmit), addressing_(addressing) {}

    Result<Bytes> read(std::uint16_t fileId, std::uint8_t sfi, std::uint8_t record) {
        if (addressing_ != RecordAddressing::SelectFile) {
            auto bySfi = readRecord(transmit_, record, static_cast<std::uint8_t>((sfi << 3) | 4));
            if (bySfi || addressing_ == RecordAddressing::ShortFileId ||
                !addressingUnsupported(bySfi.error())) {
                return bySfi;
            }
            addressing_ = RecordAddressing::SelectFile;  // this card wants the EF selected
        }
        if (selectedFile_ != fileId) {
            if (auto selected = selectFile(transmit_, fileId); !selected) return selected.error();
            selectedFile_ = fileId;
        }
        return readRecord(transmit_, record, 0x04);
    }

private:
    const RawTransmit& transmit_;
    RecordAddressing addressing_;
    std::uint16_t selectedFile_ = 0;
};

}  // namespace

Result<Bytes> parseRecord(std::span<const std::uint8_t> record, std::uint8_t expectedTag) {
    if (record.size() < 2) {
        return invalid("smartcard.bad_record", "record shorter than its tag and length");
    }
    if (record[0] != expectedTag) {
        char message[64];
        std::snprintf(message, sizeof message, "record tag %02X where %02X was expected", record[0],
                      expectedTag);
        return invalid("smartcard.bad_tag", message);
    }
    const std::size_t length = record[1];
    if (2 + length > record.size()) {
        return invalid("smartcard.bad_length", "record length runs past its data");
    }
    return Bytes(record.begin() + 2, record.begin() + 2 + static_cast<long>(length));
}

Result<std::string> parseBcdDigits(std::span<const std::uint8_t> bcd) {
    std::string digits;
    for (const auto byte : bcd) {
        const int high = byte >> 4, low = byte & 0x0F;
        if (high > 9 || low > 9) return invalid("smartcard.bad_bcd", "not a BCD number");
        digits += static_cast<char>('0' + high);
        digits += static_cast<char>('0' + low);
    }
    return digits;
}

Result<Date> parseBcdDate(std::span<const std::uint8_t> bcd) {
    if (bcd.size() != 4) return invalid("smartcard.bad_bcd", "a date must be 4 BCD bytes");
    auto digits = parseBcdDigits(bcd);
    if (!digits) return digits.error();
    const auto date = parseCompactDate(digits.value());
    if (!date) return invalid("smartcard.bad_date", "not a real date");
    return *date;
}

Result<std::string> decodeGbk(std::span<const std::uint8_t> gbk) {
    // Trailing padding (00 or spaces) is not part of the name.
    std::size_t length = gbk.size();
    while (length > 0 && (gbk[length - 1] == 0x00 || gbk[length - 1] == 0x20))
        --length;
    iconv_t converter = ::iconv_open("UTF-8", "GBK");
    if (converter == reinterpret_cast<iconv_t>(-1)) {
        return makeError(ErrorKind::Internal, "smartcard.no_gbk", "GBK conversion unavailable");
    }
    std::string out(length * 3 + 4, '\0');
    auto* in = const_cast<char*>(reinterpret_cast<const char*>(gbk.data()));
    std::size_t inLeft = length;
    char* outPointer = out.data();
    std::size_t outLeft = out.size();
    const std::size_t result = ::iconv(converter, &in, &inLeft, &outPointer, &outLeft);
    ::iconv_close(converter);
    if (result == static_cast<std::size_t>(-1) || inLeft != 0) {
        return invalid("smartcard.bad_gbk", "the name is not valid GBK");
    }
    out.resize(out.size() - outLeft);
    if (out.find('\0') != std::string::npos) return invalid("smartcard.bad_gbk", "NUL in the name");
    return out;
}

Result<SscCard> readSscCard(const RawTransmit& transmit, RecordAddressing addressing) {
    if (auto selected = selectApplication(transmit); !selected) return selected.error();
    RecordReader records(transmit, addressing);
    SscCard card;
    std::optional<Error> failure;
    auto field = [&](std::uint16_t file, std::uint8_t sfi, std::uint8_t tag) -> Bytes {
        if (failure) return {};
        auto value = records.read(file, sfi, tag);
        if (!value) {
            failure = value.error();
            return {};
        }
        return value.value();
    };
    const Bytes idCode = field(kEf05, kSfiEf05, 0x01);
    const Bytes type = field(kEf05, kSfiEf05, 0x02);
    const Bytes version = field(kEf05, kSfiEf05, 0x03);
    const Bytes issued = field(kEf05, kSfiEf05, 0x05);
    const Bytes expires = field(kEf05, kSfiEf05, 0x06);
    const Bytes number = field(kEf05, kSfiEf05, 0x07);
    const Bytes id = field(kEf06, kSfiEf06, 0x08);
    const Bytes name = field(kEf06, kSfiEf06, 0x09);
    const Bytes sex = field(kEf06, kSfiEf06, 0x0A);
    const Bytes nation = field(kEf06, kSfiEf06, 0x0B);
    const Bytes birthplace = field(kEf06, kSfiEf06, 0x0C);
    const Bytes birth = field(kEf06, kSfiEf06, 0x0D);
    if (failure) return *failure;

    if (idCode.size() != 16)
        return invalid("smartcard.bad_record", "card identification code length");
    card.cardIdCode = hex(idCode);
    if (type.size() != 1) return invalid("smartcard.bad_record", "card type length");
    card.cardType = type[0];
    auto versionText = printableAscii(version, 4, "specification version");
    if (!versionText) return versionText.error();
    card.specVersion = versionText.value();
    auto issueDate = parseBcdDate(issued);
    if (!issueDate) return issueDate.error();
    card.issueDate = issueDate.value();
    auto expiryDate = parseBcdDate(expires);
    if (!expiryDate) return expiryDate.error();
    card.expiryDate = expiryDate.value();
    auto cardNumber = printableAscii(number, 9, "card number");
    if (!cardNumber) return cardNumber.error();
    card.cardNumber = cardNumber.value();
    auto idNumber = printableAscii(id, 18, "social-security number");
    if (!idNumber) return idNumber.error();
    card.idNumber = idNumber.value();
    if (name.size() != 30) return invalid("smartcard.bad_record", "name length");
    auto decodedName = decodeGbk(name);
    if (!decodedName) return decodedName.error();
    card.name = decodedName.value();
    if (sex.size() != 1 || (sex[0] != '1' && sex[0] != '2')) {
        return invalid("smartcard.bad_sex", "sex code is neither 1 nor 2");
    }
    card.sex = sex[0] == '1' ? SscSex::Male : SscSex::Female;
    if (nation.size() != 1 || nationName(nation[0]).empty()) {
        return invalid("smartcard.bad_nation", "unknown nation code");
    }
    card.nation = nationName(nation[0]);
    if (birthplace.size() != 3) return invalid("smartcard.bad_record", "birthplace length");
    auto birthplaceCode = parseBcdDigits(birthplace);
    if (!birthplaceCode) return birthplaceCode.error();
    card.birthplaceCode = birthplaceCode.value();
    auto birthDate = parseBcdDate(birth);
    if (!birthDate) return birthDate.error();
    card.birthDate = birthDate.value();
    return card;
}

Status validate(const SscCard& card, const Date& today) {
    if (!hasValidCheckDigit(card.idNumber)) {
        return invalid("smartcard.bad_check_digit", "the ID number's check digit is wrong");
    }
    if (!recordsSex(card.idNumber, card.sex == SscSex::Male)) {
        return invalid("smartcard.sex_mismatch", "the sex does not match the ID number");
    }
    if (card.expiryDate < today) {
        return invalid("smartcard.expired", "the card expired on " + card.expiryDate.iso());
    }
    return {};
}

std::string_view toString(SscSex sex) {
    return sex == SscSex::Male ? "male" : "female";
}

}  // namespace lobby::smartcard
