#pragma once
// The sandbox's medical e-invoices (医疗收费电子票据): the HIS issues one when it saves paid
// bills, under the finance bureau's numbering (票据代码 + 票据号码, with a 校验码 that proves a
// copy genuine), and the platform hands out its verification address for the guide slip's QR.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"

struct sqlite3;

namespace lobby::sim {

struct EInvoiceRow {
    std::string id, patientId, lockId;
    std::string code;       // 票据代码: 8 digits (region, kind, year)
    std::string number;     // 票据号码: 10 digits, in the order issued
    std::string checkCode;  // 校验码: 6 characters
    int amountFen = 0;
    std::int64_t issuedAt = 0;
    std::string verifyUrl() const;
};

// Issues the invoice for a lock's bills being saved now (inside the save's transaction).
Result<EInvoiceRow> issueEInvoice(sqlite3* db, const std::string& patientId,
                                  const std::string& lockId, int amountFen, std::int64_t issuedAt);
// The invoice issued for a lock's bills, if any.
std::optional<EInvoiceRow> eInvoiceOfLock(sqlite3* db, const std::string& lockId);
std::optional<EInvoiceRow> eInvoiceById(sqlite3* db, const std::string& invoiceId);
// A patient's invoices, the newest first.
Result<std::vector<EInvoiceRow>> eInvoicesOf(sqlite3* db, const std::string& patientId);

}  // namespace lobby::sim
