#pragma once
// The sandbox's HIS side of 门诊缴费: the bills a visit's orders become (one per prescription or
// order, each with its items, the ordering doctor and the department that carries it out, and
// where the patient goes next), and the locks that freeze chosen bills' amounts while they are
// paid. Rows of the platform store (his_bills.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/platform/e_invoices.h"

struct sqlite3;

namespace lobby::sqlite {
struct Statement;
}  // namespace lobby::sqlite

namespace lobby::sim {

struct BillItemRow {
    std::string name, spec;
    int count = 0;
    int unitFen = 0;
    // The insurance catalogue's class: "a" (甲类, fully covered), "b" (乙类, partly), "c" (自费).
    std::string insuranceClass;
    int amountFen() const { return count * unitFen; }
};

struct BillRow {
    std::string id, patientId;
    std::string category;  // drug, lab, exam, treatment
    std::string title, doctor, department, performedBy;
    // Bills of one pay group may be paid together; never across groups (the HIS says).
    std::string payGroup;
    std::string guide, note;  // where to go next ("西药房 3号窗口"), and what to know ("空腹")
    std::string status;       // unpaid, paid
    std::int64_t createdAt = 0;
    std::vector<BillItemRow> items;
    int totalFen() const {
        int total = 0;
        for (const auto& item : items)
            total += item.amountFen();
        return total;
    }
};

struct BillLockRow {
    std::string id, patientId;
    std::vector<std::string> billIds;
    int totalFen = 0;
    std::int64_t expiresAt = 0;
    std::string status;  // held, released, superseded
};

// A bills row as the store reads it (sim/platform internal): the columns, in this order.
extern const char* const kBillColumnList;

// The bill in the current row of a statement selecting kBillColumnList.
BillRow billRowFrom(const sqlite::Statement& row);
// What the bills of a lock (`billIdsJson`, its JSON list of ids) add up to now: not what the
// lock froze if the HIS amended one since.
int currentTotalOf(sqlite3* db, const std::string& billIdsJson);

}  // namespace lobby::sim

namespace lobby::sim {

// The cash part of paid bills: a QR the patient scans (wechat, alipay), or the payment code
// they show the kiosk's scanner (payment_code, "B scans C"). A code's payment may be captured
// at once, fail, or stay user_paying while the patient confirms on their phone; a payment not
// wanted any more is reversed (撤销: a capture reversed is refunded).
struct BillPaymentRow {
    std::string id, lockId, patientId, method;
    int amountFen = 0;
    std::string status;  // pending, user_paying, captured, failed, reversed, refunded
    std::string qrPayload;
};

// What the HIS saved: the bills paid, with the receipt number the slip carries.
struct BillReceiptRow {
    std::string receiptNumber, lockId;
    int totalFen = 0, fundFen = 0, accountFen = 0, cashFen = 0;
    std::vector<BillRow> bills;
    int accountBalanceAfterFen = -1;      // the personal account after the settlement; -1: none
    std::optional<EInvoiceRow> eInvoice;  // issued as the bills were saved
};

// WeChat's payment codes: 18 digits starting 10–15; Alipay's: 16–24 digits starting 25–30.
bool isPaymentCode(const std::string& code);

}  // namespace lobby::sim
