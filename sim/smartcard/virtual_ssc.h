#pragma once
// A social-security card in software: the SSSE application with EF05 and EF06, answering
// SELECT, READ RECORD (by short file identifier or after selecting the EF) and GET RESPONSE the
// way T=0 cards do (61xx after SELECT, 6Cxx for a wrong Le), with faults on demand.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "smartcard/apdu.h"

namespace lobby::sim {

struct SscHolder {
    std::string key;  // e.g. "ssc-wang"
    std::string name;
    std::string idNumber;
    char sex = '1';
    std::uint8_t nation = 1;
    std::string birthplace = "110105";  // 6 digits
    std::string birthDate;              // YYYYMMDD
    std::string cardNumber;             // 9 characters
    std::string issueDate;              // YYYYMMDD
    std::string expiryDate;             // YYYYMMDD
    bool sfiAddressing = true;          // false: only "select the EF, then READ RECORD"
    bool t1 = false;                    // the ATR offers T=1 rather than T=0
};

const std::vector<SscHolder>& sscCatalogue();
const SscHolder* findSscHolder(const std::string& key);

enum class SscFault {
    None,
    PulledMidRead,   // the card vanishes after SELECT (the connection drops)
    WrongRecordTag,  // records answer with a tag off by one
    FileNotFound,    // SELECT of the application answers 6A82
    Blocked,         // SELECT of the application answers 6983
};
std::optional<SscFault> parseSscFault(const std::string& name);

class VirtualSscCard {
public:
    explicit VirtualSscCard(const SscHolder& holder, SscFault fault = SscFault::None);

    smartcard::Bytes atr() const;
    // The response (data + SW) to one command APDU; nullopt when the card has "left".
    std::optional<smartcard::Bytes> process(std::span<const std::uint8_t> apdu);
    void reset();

private:
    smartcard::Bytes respond(std::span<const std::uint8_t> apdu);
    smartcard::Bytes readRecord(std::uint8_t record, std::uint8_t p2, std::uint8_t le);

    SscHolder holder_;
    SscFault fault_;
    std::map<std::uint16_t, std::map<std::uint8_t, smartcard::Bytes>> files_;  // EF -> records
    bool applicationSelected_ = false;
    std::uint16_t currentEf_ = 0;
    smartcard::Bytes pendingResponse_;  // for GET RESPONSE
    bool gone_ = false;
};

}  // namespace lobby::sim
