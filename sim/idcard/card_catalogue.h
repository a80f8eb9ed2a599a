#pragma once
// The simulator's cards: one of each layout, plus an expired card and one with a wrong check
// digit. Text blocks are built exactly as a reader returns them (UCS-2LE, space-padded).

#include <string>
#include <vector>

#include "idcard/sam_protocol.h"

namespace lobby::sim {

struct SimCard {
    std::string key;          // e.g. "resident-zhang"
    std::string description;  // what the card is for, in tests
    idcard::Bytes text;       // 256 bytes
    idcard::Bytes photo;      // 1024 bytes
};

const std::vector<SimCard>& cardCatalogue();
const SimCard* findCard(const std::string& key);

// Builds a text block from UTF-8 fields laid out at byte offsets (used by tests too).
struct TextField {
    std::size_t offset;
    std::size_t length;
    std::string value;
};
idcard::Bytes buildTextBlock(const std::vector<TextField>& fields, char typeFlag);

}  // namespace lobby::sim
