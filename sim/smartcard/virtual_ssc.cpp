#include "sim/smartcard/virtual_ssc.h"

#include "common/charset.h"

#include <algorithm>

#include "smartcard/ssc_card.h"

namespace lobby::sim {
namespace {

using smartcard::Bytes;

Bytes sw(std::uint16_t status, Bytes data = {}) {
    data.push_back(static_cast<std::uint8_t>(status >> 8));
    data.push_back(static_cast<std::uint8_t>(status & 0xFF));
    return data;
}

Bytes tlv(std::uint8_t tag, const Bytes& value) {
    Bytes out{tag, static_cast<std::uint8_t>(value.size())};
    out.insert(out.end(), value.begin(), value.end());
    return out;
}

Bytes ascii(const std::string& text) {
    return Bytes(text.begin(), text.end());
}

Bytes bcd(const std::string& digits) {
    Bytes out;
    for (std::size_t i = 0; i + 1 < digits.size(); i += 2) {
        out.push_back(static_cast<std::uint8_t>(((digits[i] - '0') << 4) | (digits[i + 1] - '0')));
    }
    return out;
}

Bytes gbk30(const std::string& utf8) {
    const std::string gbk = convertCharset(utf8, "UTF-8", "GBK");
    Bytes out(gbk.begin(), gbk.end());
    out.resize(30, 0x00);
    return out;
}

}  // namespace

const std::vector<SscHolder>& sscCatalogue() {
    static const std::vector<SscHolder> holders = {
        {"ssc-wang", "王芳", "11010519491231002X", '2', 1, "110105", "19491231", "A12345678",
         "20200101", "20300101", true, false},
        {"ssc-liu", "刘洋", "310115198506150022", '2', 3, "310115", "19850615", "B87654321",
         "20210301", "20310301", false, true},
        {"ssc-ouyang", "欧阳娜娜", "120101197001010018", '1', 11, "120101", "19700101", "C00000001",
         "20190601", "20290601", true, true},
        {"ssc-expired", "赵敏", "310115198506150022", '2', 1, "310115", "19850615", "D00000002",
         "20100101", "20200101", true, false},
        {"ssc-bad-check-digit", "钱坤", "500103198001010011", '1', 1, "500103", "19800101",
         "E00000003", "20200101", "20300101", true, false},
    };
    return holders;
}

const SscHolder* findSscHolder(const std::string& key) {
    for (const auto& holder : sscCatalogue()) {
        if (holder.key == key) return &holder;
    }
    return nullptr;
}

std::optional<SscFault> parseSscFault(const std::string& name) {
    if (name == "none") return SscFault::None;
    if (name == "pulled_mid_read") return SscFault::PulledMidRead;
    if (name == "wrong_record_tag") return SscFault::WrongRecordTag;
    if (name == "file_not_found") return SscFault::FileNotFound;
    if (name == "blocked") return SscFault::Blocked;
    return std::nullopt;
}

VirtualSscCard::VirtualSscCard(const SscHolder& holder, SscFault fault)
    : holder_(holder), fault_(fault) {
    Bytes idCode(16);
    for (std::size_t i = 0; i < idCode.size(); ++i) {
        idCode[i] = static_cast<std::uint8_t>(holder.cardNumber[i % holder.cardNumber.size()] + i);
    }
    files_[smartcard::kEf05] = {{0x01, idCode},
                                {0x02, Bytes{0x01}},
                                {0x03, ascii("3.00")},
                                {0x04, ascii("110000")},
                                {0x05, bcd(holder.issueDate)},
                                {0x06, bcd(holder.expiryDate)},
                                {0x07, ascii(holder.cardNumber)}};
    files_[smartcard::kEf06] = {{0x08, ascii(holder.idNumber)},
                                {0x09, gbk30(holder.name)},
                                {0x0A, Bytes{static_cast<std::uint8_t>(holder.sex)}},
                                {0x0B, Bytes{holder.nation}},
                                {0x0C, bcd(holder.birthplace)},
                                {0x0D, bcd(holder.birthDate)}};
}

Bytes VirtualSscCard::atr() const {
    // T=0 only, or T=1 offered through TD1/TD2.
    return holder_.t1 ? Bytes{0x3B, 0x81, 0x80, 0x01, 0x80, 0x80} : Bytes{0x3B, 0x02, 0x14, 0x50};
}

void VirtualSscCard::reset() {
    applicationSelected_ = false;
    currentEf_ = 0;
    pendingResponse_.clear();
}

std::optional<Bytes> VirtualSscCard::process(std::span<const std::uint8_t> apdu) {
    if (gone_) return std::nullopt;
    Bytes response = respond(apdu);
    if (gone_) return std::nullopt;
    return response;
}

Bytes VirtualSscCard::respond(std::span<const std::uint8_t> apdu) {
    if (apdu.size() < 4) return sw(0x6700);
    const std::uint8_t cla = apdu[0], ins = apdu[1], p1 = apdu[2], p2 = apdu[3];
    if (cla != 0x00) return sw(0x6E00);
    const std::size_t lc = apdu.size() > 5 ? apdu[4] : 0;
    const auto data = apdu.size() > 5 ? apdu.subspan(5, std::min(lc, apdu.size() - 5))
                                      : std::span<const std::uint8_t>{};
    const std::uint8_t le = apdu.size() == 5 ? apdu[4] : (apdu.size() > 5 + lc ? apdu[5 + lc] : 0);

    switch (ins) {
        case 0xA4: {  // SELECT
            if (p1 == 0x04) {
                if (fault_ == SscFault::FileNotFound) return sw(0x6A82);
                if (fault_ == SscFault::Blocked) return sw(0x6983);
                if (!std::equal(data.begin(), data.end(), std::begin(smartcard::kSsseDfName),
                                std::end(smartcard::kSsseDfName))) {
                    return sw(0x6A82);
                }
                applicationSelected_ = true;
                currentEf_ = 0;
                if (fault_ == SscFault::PulledMidRead) {
                    gone_ = true;  // the patient pulls the card right after SELECT
                    return sw(0x9000);
                }
                // T=0 style: the FCI waits for GET RESPONSE.
                pendingResponse_ = Bytes{0x6F, 0x11, 0x84, 0x0F};
                pendingResponse_.insert(pendingResponse_.end(), std::begin(smartcard::kSsseDfName),
                                        std::end(smartcard::kSsseDfName));
                return sw(static_cast<std::uint16_t>(0x6100 | pendingResponse_.size()));
            }
            if (p1 == 0x02 && data.size() == 2 && applicationSelected_) {
                const auto ef = static_cast<std::uint16_t>((data[0] << 8) | data[1]);
                if (!files_.contains(ef)) return sw(0x6A82);
                currentEf_ = ef;
                return sw(0x9000);
            }
            return sw(0x6A82);
        }
        case 0xC0: {  // GET RESPONSE
            if (pendingResponse_.empty()) return sw(0x6985);
            Bytes out = pendingResponse_;
            pendingResponse_.clear();
            if (le != 0 && le < out.size()) out.resize(le);
            return sw(0x9000, out);
        }
        case 0xB2:
            return readRecord(p1, p2, le);
        default:
            return sw(0x6D00);
    }
}

Bytes VirtualSscCard::readRecord(std::uint8_t record, std::uint8_t p2, std::uint8_t le) {
    if (!applicationSelected_) return sw(0x6982);
    std::uint16_t ef = currentEf_;
    if ((p2 & 0x07) != 0x04) return sw(0x6A86);
    if (p2 != 0x04) {
        if (!holder_.sfiAddressing) return sw(0x6A81);  // this card wants the EF selected
        ef = static_cast<std::uint16_t>(0xEF00 | (p2 >> 3));
    }
    const auto file = files_.find(ef);
    if (file == files_.end()) return sw(0x6A82);
    const auto found = file->second.find(record);
    if (found == file->second.end()) return sw(0x6A83);
    const std::uint8_t tag =
        fault_ == SscFault::WrongRecordTag ? static_cast<std::uint8_t>(record + 1) : record;
    const Bytes value = tlv(tag, found->second);
    // T=0 cards tell a reader that asked for the wrong length how much there is.
    if (le != 0 && le != value.size()) return sw(static_cast<std::uint16_t>(0x6C00 | value.size()));
    if (le == 0 && !holder_.t1) return sw(static_cast<std::uint16_t>(0x6C00 | value.size()));
    return sw(0x9000, value);
}

}  // namespace lobby::sim
