#pragma once
// The sandbox insurance platform's records (insurance_ledger.cpp): who is insured here, the
// pre-settlements (预结算) it answered and the settlements (结算) it made, cancelled (结算撤销) or
// reversed (冲正) by their message id.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "sim/platform/insurance_engine.h"

namespace lobby::sim {

struct InsuredRow {
    std::string patientId, cardNumber, cardSerial;
    std::string status;  // active, frozen
    std::string region;  // local (insured in this city), elsewhere (异地, not settled here)
    InsuredYear year;
};

// How the insured person shows who they are: their social-security card (number and the chip's
// serial), or the medical-insurance e-voucher scanned from their phone (a token).
struct InsuranceCredential {
    std::string kind;  // ssc_card, evoucher
    std::string cardNumber, cardSerial, token;
};

struct PresettlementRow {
    std::string id, lockId, patientId;
    InsuranceSplit split;
    std::int64_t expiresAt = 0;
};

struct SettlementRow {
    std::string id, messageId, presettlementId, lockId, patientId;
    std::string status;  // settled, cancelled, reversed
    InsuranceSplit split;
};

// A split as the contract writes it (Presettlement, Settlement); the ledger stores it so too.
nlohmann::json splitJson(const InsuranceSplit& split);

}  // namespace lobby::sim
