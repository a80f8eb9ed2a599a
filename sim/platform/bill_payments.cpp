// The cash leg of 门诊缴费 and the HIS's save, in the sandbox store. A bill payment is for a held
// lock: the pre-settlement's cash part, or the whole lock when the patient pays it all. Payment
// codes decide their own fate in the sandbox by their last four digits: 0000 fails (余额不足),
// 9999 stays user_paying for 20 seconds then is captured, 8888 stays user_paying until reversed,
// any other is captured at once. A code is single-use: only its SHA-256 is kept, to refuse it
// the second time. Saving marks the bills paid once every leg is in: the settlement (if
// insured) and the captured cash (if any is owed).
#include <openssl/sha.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;
using nlohmann::json;

namespace {
constexpr int kSlowCode_s = 20;

std::string sha256Hex(const std::string& text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    static const char* const kHex = "0123456789abcdef";
    std::string hex;
    for (const unsigned char byte : digest) {
        hex += kHex[byte >> 4];
        hex += kHex[byte & 0x0F];
    }
    return hex;
}

bool endsWith(const std::string& text, const char* tail) {
    const std::string suffix(tail);
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

BillPaymentRow paymentFrom(const Statement& row) {
    BillPaymentRow payment{
        row.text(0), row.text(1), row.text(2), row.text(3), sqlite3_column_int(row.handle, 4),
        row.text(5), ""};
    if (payment.method != "payment_code") payment.qrPayload = "SANDBOXPAY:" + payment.id;
    return payment;
}

constexpr const char* kPaymentColumns =
    "id, lock_id, patient_id, method, amount_fen, status, paying_until, created_at";

// The patient's own payment, until when it may stay user_paying, and when it was made.
struct StoredPayment {
    BillPaymentRow row;
    std::int64_t payingUntil = 0, createdAt = 0;
};
Result<StoredPayment> patientsPayment(sqlite3* db, const std::string& paymentId,
                                      const std::string& patientId) {
    const std::string sql = std::string("SELECT ") + kPaymentColumns +
                            " FROM bill_payments WHERE id = ? AND patient_id = ?";
    Statement query = prepared(db, sql.c_str(), {paymentId, patientId});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return refusal("not_found", "no such payment");
    return StoredPayment{paymentFrom(query), sqlite3_column_int64(query.handle, 6),
                         sqlite3_column_int64(query.handle, 7)};
}
}  // namespace

bool isPaymentCode(const std::string& code) {
    if (code.empty() ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    const int prefix = code.size() >= 2 ? std::stoi(code.substr(0, 2)) : -1;
    const bool wechat = code.size() == 18 && prefix >= 10 && prefix <= 15;
    const bool alipay = code.size() >= 16 && code.size() <= 24 && prefix >= 25 && prefix <= 30;
    return wechat || alipay;
}

Result<BillPaymentRow> PlatformStore::startBillPayment(
    const std::string& idempotencyKey, const std::string& patientId, const std::string& lockId,
    const std::string& method, const std::string& presettlementId, const std::string& authCode,
    Clock::time_point now) {
    if (method != "wechat" && method != "alipay" && method != "payment_code")
        return refusal("invalid_request", "wechat, alipay or payment_code");
    if (method == "payment_code" && !isPaymentCode(authCode))
        return refusal("payment_code_invalid", "not a WeChat or Alipay payment code");
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto result = [&]() -> Result<BillPaymentRow> {
        {
            const std::string sql = std::string("SELECT ") + kPaymentColumns +
                                    ", request FROM bill_payments WHERE idempotency_key = ?";
            Statement known = prepared(db_, sql.c_str(), {idempotencyKey});
            if (sqlite3_step(known.handle) == SQLITE_ROW) {
                if (known.text(8) != lockId + "|" + method + "|" + presettlementId)
                    return refusal("idempotency_conflict", "this key paid for something else");
                return paymentFrom(known);
            }
        }
        Statement held = prepared(db_,
                                  "SELECT total_fen, bill_ids FROM bill_locks WHERE id = ? AND "
                                  "patient_id = ? AND status = 'held' AND expires_at > ?",
                                  {lockId, patientId, epochSeconds(now)});
        if (sqlite3_step(held.handle) != SQLITE_ROW)
            return refusal("lock_not_held", "the bill lock expired or was let go");
        int amount = sqlite3_column_int(held.handle, 0);
        if (currentTotalOf(db_, held.text(1)) != amount)
            return refusal("bill_changed", "a bill changed after it was locked");
        if (!presettlementId.empty()) {
            Statement priced =
                prepared(db_, "SELECT split FROM presettlements WHERE id = ? AND lock_id = ?",
                         {presettlementId, lockId});
            if (sqlite3_step(priced.handle) != SQLITE_ROW)
                return refusal("not_found", "no such price for this lock");
            const json split = json::parse(priced.text(0), nullptr, false);
            amount = split.is_object() ? split.value("cash_fen", -1) : -1;
            if (amount <= 0) return refusal("nothing_to_pay", "the insurance pays it all");
        }
        Statement live =
            prepared(db_,
                     "SELECT 1 FROM bill_payments WHERE lock_id = ? AND status IN ('pending', "
                     "'user_paying', 'captured')",
                     {lockId});
        if (sqlite3_step(live.handle) == SQLITE_ROW)
            return refusal("payment_in_progress", "a payment for these bills is under way");
        std::string status = "pending";
        std::int64_t payingUntil = 0;
        if (method == "payment_code") {
            const std::string codeHash = sha256Hex(authCode);
            Statement used =
                prepared(db_, "INSERT OR IGNORE INTO used_payment_codes VALUES (?)", {codeHash});
            if (sqlite3_step(used.handle) != SQLITE_DONE) return dbError(db_, "a payment code");
            if (sqlite3_changes(db_) == 0)
                return refusal("payment_code_used", "this payment code was used already");
            if (endsWith(authCode, "0000")) {
                status = "failed";
            } else if (endsWith(authCode, "9999")) {
                status = "user_paying";
                payingUntil = epochSeconds(now) + kSlowCode_s;
            } else if (endsWith(authCode, "8888")) {
                status = "user_paying";
                payingUntil = INT64_MAX;
            } else {
                status = "captured";
            }
        }
        auto id = randomId("BP", 8);
        if (!id) return id.error();
        Statement insert =
            prepared(db_, "INSERT INTO bill_payments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     {id.value(), idempotencyKey, lockId, patientId, method,
                      static_cast<std::int64_t>(amount), status, payingUntil, epochSeconds(now),
                      lockId + "|" + method + "|" + presettlementId});
        if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "a bill payment");
        return BillPaymentRow{id.value(),
                              lockId,
                              patientId,
                              method,
                              amount,
                              status,
                              method == "payment_code" ? "" : "SANDBOXPAY:" + id.value()};
    }();
    if (!execute(result ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing");
    return result;
}

Result<BillPaymentRow> PlatformStore::billPayment(const std::string& paymentId,
                                                  const std::string& patientId,
                                                  Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto stored = patientsPayment(db_, paymentId, patientId);
    if (!stored) return stored.error();
    BillPaymentRow row = stored->row;
    const std::int64_t payingUntil = stored->payingUntil;
    const bool confirmed = row.status == "user_paying" && payingUntil <= epochSeconds(now);
    const bool autoPaid = row.status == "pending" && autoPayAfter_ &&
                          stored->createdAt + autoPayAfter_->count() <= epochSeconds(now);
    if (confirmed || autoPaid) {
        Statement capture =
            prepared(db_, "UPDATE bill_payments SET status = 'captured' WHERE id = ?", {paymentId});
        if (sqlite3_step(capture.handle) != SQLITE_DONE) return dbError(db_, "capturing");
        row.status = "captured";
    }
    return row;
}

Result<BillPaymentRow> PlatformStore::captureBillPayment(const std::string& paymentId) {
    std::lock_guard lock(mutex_);
    Statement capture =
        prepared(db_,
                 "UPDATE bill_payments SET status = 'captured' WHERE id = ? AND status IN "
                 "('pending', 'user_paying')",
                 {paymentId});
    if (sqlite3_step(capture.handle) != SQLITE_DONE) return dbError(db_, "capturing");
    const std::string sql =
        std::string("SELECT ") + kPaymentColumns + " FROM bill_payments WHERE id = ?";
    Statement query = prepared(db_, sql.c_str(), {paymentId});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return refusal("not_found", "no such payment");
    return paymentFrom(query);
}

Result<BillPaymentRow> PlatformStore::reverseBillPayment(const std::string& paymentId,
                                                         const std::string& patientId) {
    std::lock_guard lock(mutex_);
    auto stored = patientsPayment(db_, paymentId, patientId);
    if (!stored) return stored.error();
    BillPaymentRow row = stored->row;
    Statement saved =
        prepared(db_, "SELECT 1 FROM bill_locks WHERE id = ? AND status = 'saved'", {row.lockId});
    if (sqlite3_step(saved.handle) == SQLITE_ROW)
        return refusal("bills_saved", "the bills are paid; refund at a staffed window");
    const char* becomes = row.status == "captured"                                 ? "refunded"
                          : row.status == "pending" || row.status == "user_paying" ? "reversed"
                                                                                   : nullptr;
    if (becomes == nullptr) return row;  // failed, reversed or refunded already
    Statement update =
        prepared(db_, "UPDATE bill_payments SET status = ? WHERE id = ?", {becomes, paymentId});
    if (sqlite3_step(update.handle) != SQLITE_DONE) return dbError(db_, "reversing");
    row.status = becomes;
    return row;
}

Result<BillReceiptRow> PlatformStore::saveBills(
    const std::string& idempotencyKey, const std::string& patientId, const std::string& lockId,
    const std::string& settlementId, const std::string& paymentId, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto result = [&]() -> Result<BillReceiptRow> {
        Statement locked = prepared(db_,
                                    "SELECT bill_ids, total_fen, status, expires_at, receipt, "
                                    "save_key FROM bill_locks WHERE id = ? AND patient_id = ?",
                                    {lockId, patientId});
        if (sqlite3_step(locked.handle) != SQLITE_ROW) return refusal("not_found", "no such lock");
        const std::string status = locked.text(2);
        const int total = sqlite3_column_int(locked.handle, 1);
        BillReceiptRow receipt{"", lockId, total, 0, 0, total, {}, -1, std::nullopt};
        if (status == "saved") {
            if (locked.text(5) != idempotencyKey)
                return refusal("bills_saved", "these bills are paid already");
            receipt.receiptNumber = locked.text(4);
        } else if (status != "held" ||
                   sqlite3_column_int64(locked.handle, 3) <= epochSeconds(now)) {
            return refusal("lock_not_held", "the bill lock expired or was let go");
        }
        if (!settlementId.empty()) {
            Statement settled =
                prepared(db_,
                         "SELECT split FROM settlements WHERE id = ? AND lock_id = ? AND status = "
                         "'settled'",
                         {settlementId, lockId});
            if (sqlite3_step(settled.handle) != SQLITE_ROW)
                return refusal("not_settled", "no settlement in force for these bills");
            json split = json::parse(settled.text(0), nullptr, false);
            if (!split.is_object()) split = json::object();
            receipt.fundFen = split.value("fund_fen", 0);
            receipt.accountFen = split.value("account_fen", 0);
            receipt.cashFen = split.value("cash_fen", 0);
            receipt.accountBalanceAfterFen = split.value("account_balance_after_fen", 0);
        }
        if (receipt.cashFen > 0) {
            Statement paid =
                prepared(db_,
                         "SELECT amount_fen FROM bill_payments WHERE id = ? AND lock_id = ? AND "
                         "status = 'captured'",
                         {paymentId, lockId});
            if (sqlite3_step(paid.handle) != SQLITE_ROW ||
                sqlite3_column_int(paid.handle, 0) != receipt.cashFen)
                return refusal("cash_not_paid", "the cash part is not paid");
        }
        // In the order the HIS made them, as the patient saw them listed.
        const std::string sql = std::string("SELECT ") + kBillColumnList +
                                " FROM bills WHERE id IN (SELECT value FROM json_each(?)) "
                                "ORDER BY rowid";
        Statement bills = prepared(db_, sql.c_str(), {locked.text(0)});
        int billed = 0;
        while (sqlite3_step(bills.handle) == SQLITE_ROW) {
            receipt.bills.push_back(billRowFrom(bills));
            billed += receipt.bills.back().totalFen();
        }
        if (status == "saved") {
            receipt.eInvoice = eInvoiceOfLock(db_, lockId);
            return receipt;
        }
        if (billed != total) return refusal("bill_changed", "a bill changed after it was locked");
        auto number = randomId("R", 5);
        if (!number) return number.error();
        receipt.receiptNumber = number.value();
        Statement mark = prepared(
            db_, "UPDATE bill_locks SET status = 'saved', receipt = ?, save_key = ? WHERE id = ?",
            {receipt.receiptNumber, idempotencyKey, lockId});
        if (sqlite3_step(mark.handle) != SQLITE_DONE) return dbError(db_, "saving");
        for (auto& bill : receipt.bills) {
            Statement paidBill =
                prepared(db_, "UPDATE bills SET status = 'paid' WHERE id = ? AND status = 'unpaid'",
                         {bill.id});
            if (sqlite3_step(paidBill.handle) != SQLITE_DONE) return dbError(db_, "saving");
            if (sqlite3_changes(db_) == 0) return refusal("bill_not_payable", "paid already");
            bill.status = "paid";
        }
        auto invoice = issueEInvoice(db_, patientId, lockId, total, epochSeconds(now));
        if (!invoice) return invoice.error();
        receipt.eInvoice = invoice.value();
        return receipt;
    }();
    if (!execute(result ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing");
    return result;
}

}  // namespace lobby::sim
