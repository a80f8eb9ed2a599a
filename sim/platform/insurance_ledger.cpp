// 医保结算 in the sandbox store. A pre-settlement prices a held bill lock for the insured patient
// (nothing is taken); a settlement applies it to their year (account, deductible, fund) once per
// message id; cancelling gives it all back once; a reversal by message id cancels a settlement
// made under it, or, when none was made, makes sure none ever will be (a late request is refused).
#include "sim/platform/insurance_ledger.h"

#include <nlohmann/json.hpp>

#include "sim/platform/his_bills.h"
#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;
using nlohmann::json;

json splitJson(const InsuranceSplit& split) {
    json uncovered = json::array();
    for (const auto& part : split.uncovered)
        uncovered.push_back(
            {{"name", part.name}, {"amount_fen", part.amountFen}, {"reason", part.reason}});
    return {{"total_fen", split.totalFen},
            {"fund_fen", split.fundFen},
            {"account_fen", split.accountFen},
            {"cash_fen", split.cashFen},
            {"deductible_fen", split.deductibleAppliedFen},
            {"account_balance_after_fen", split.accountBalanceAfterFen},
            {"uncovered", uncovered}};
}

namespace {
InsuranceSplit splitFrom(const std::string& text) {
    const json stored = json::parse(text, nullptr, false);
    InsuranceSplit split;
    if (!stored.is_object()) return split;
    split.totalFen = stored.value("total_fen", 0);
    split.fundFen = stored.value("fund_fen", 0);
    split.accountFen = stored.value("account_fen", 0);
    split.cashFen = stored.value("cash_fen", 0);
    split.deductibleAppliedFen = stored.value("deductible_fen", 0);
    split.accountBalanceAfterFen = stored.value("account_balance_after_fen", 0);
    for (const auto& part : stored.value("uncovered", json::array()))
        split.uncovered.push_back(
            {part.value("name", ""), part.value("amount_fen", 0), part.value("reason", "")});
    return split;
}

bool sameSplit(const InsuranceSplit& a, const InsuranceSplit& b) {
    return a.totalFen == b.totalFen && a.fundFen == b.fundFen && a.accountFen == b.accountFen &&
           a.cashFen == b.cashFen;
}

constexpr const char* kInsuredColumns =
    "patient_id, card_number, card_serial, status, region, account_fen, deductible_left_fen, "
    "fund_left_fen";

InsuredRow insuredFrom(const Statement& row) {
    return {row.text(0),
            row.text(1),
            row.text(2),
            row.text(3),
            row.text(4),
            {sqlite3_column_int(row.handle, 5), sqlite3_column_int(row.handle, 6),
             sqlite3_column_int(row.handle, 7)}};
}

// The lines of the bills a lock holds (bill_ids as stored, a JSON list).
std::vector<BillItemRow> itemsOfBills(sqlite3* db, const std::string& billIds) {
    std::vector<BillItemRow> items;
    const json ids = json::parse(billIds, nullptr, false);
    for (const auto& id : ids.is_array() ? ids : json::array()) {
        if (!id.is_string()) continue;
        Statement bill =
            prepared(db, "SELECT items FROM bills WHERE id = ?", {id.get<std::string>()});
        if (sqlite3_step(bill.handle) != SQLITE_ROW) continue;
        const json lines = json::parse(bill.text(0), nullptr, false);
        for (const auto& line : lines.is_array() ? lines : json::array())
            items.push_back({line.value("name", ""), line.value("spec", ""), line.value("count", 0),
                             line.value("unit_fen", 0), line.value("class", "")});
    }
    return items;
}

constexpr const char* kSettlementColumns =
    "id, message_id, presettlement_id, lock_id, patient_id, status, split";

SettlementRow settlementFrom(const Statement& row) {
    return {row.text(0), row.text(1), row.text(2),           row.text(3),
            row.text(4), row.text(5), splitFrom(row.text(6))};
}
}  // namespace

Status PlatformStore::insure(const std::string& patientId, const std::string& cardNumber,
                             const std::string& cardSerial, const std::string& status,
                             const std::string& region, int accountFen) {
    const InsurancePolicy policy;
    std::lock_guard lock(mutex_);
    Statement insert = prepared(
        db_, "INSERT OR REPLACE INTO insured VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {patientId, cardNumber, cardSerial, status, region, static_cast<std::int64_t>(accountFen),
         static_cast<std::int64_t>(policy.deductibleFen),
         static_cast<std::int64_t>(policy.annualFundCeilingFen)});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "insuring a patient");
    return {};
}

Result<InsuredRow> PlatformStore::insuredPatient(const std::string& patientId) {
    std::lock_guard lock(mutex_);
    const std::string sql =
        std::string("SELECT ") + kInsuredColumns + " FROM insured WHERE patient_id = ?";
    Statement query = prepared(db_, sql.c_str(), {patientId});
    if (sqlite3_step(query.handle) != SQLITE_ROW)
        return refusal("not_insured", "no insurance on record");
    return insuredFrom(query);
}

Result<PresettlementRow> PlatformStore::presettle(const std::string& idempotencyKey,
                                                  const std::string& patientId,
                                                  const std::string& lockId,
                                                  const InsuranceCredential& credential,
                                                  Clock::time_point now) {
    // Whose credential it is: the card's holder, or the e-voucher's.
    std::string holder;
    if (credential.kind == "evoucher") {
        auto owner = patientByToken("evoucher", credential.token);
        if (!owner) return refusal("insurance_credential_unknown", "no such e-voucher");
        holder = owner->id;
    } else {
        std::lock_guard lock(mutex_);
        Statement query =
            prepared(db_, "SELECT patient_id, card_serial FROM insured WHERE card_number = ?",
                     {credential.cardNumber});
        if (sqlite3_step(query.handle) != SQLITE_ROW || query.text(1) != credential.cardSerial)
            return refusal("insurance_credential_unknown", "no such card");
        holder = query.text(0);
    }
    if (holder != patientId)
        return refusal("insurance_credential_mismatch", "the credential is another person's");
    auto insured = insuredPatient(patientId);
    if (!insured) return insured.error();
    if (insured->status != "active") return refusal("card_frozen", "insurance frozen");
    if (insured->region != "local") return refusal("not_insured_here", "insured elsewhere");

    std::vector<BillItemRow> items;
    std::int64_t lockExpires = 0;
    {
        std::lock_guard lock(mutex_);
        Statement known =
            prepared(db_,
                     "SELECT id, lock_id, patient_id, split, expires_at FROM presettlements WHERE "
                     "idempotency_key = ?",
                     {idempotencyKey});
        if (sqlite3_step(known.handle) == SQLITE_ROW) {
            if (known.text(1) != lockId || known.text(2) != patientId)
                return refusal("idempotency_conflict", "this key priced another lock");
            return PresettlementRow{known.text(0), known.text(1), known.text(2),
                                    splitFrom(known.text(3)),
                                    sqlite3_column_int64(known.handle, 4)};
        }
        Statement held =
            prepared(db_,
                     "SELECT bill_ids, expires_at, total_fen FROM bill_locks WHERE id = ? AND "
                     "patient_id = ? AND status = 'held' AND expires_at > ?",
                     {lockId, patientId, epochSeconds(now)});
        if (sqlite3_step(held.handle) != SQLITE_ROW)
            return refusal("lock_not_held", "the bill lock expired or was let go");
        // Priced on what the doctor ordered now, never on a list the patient no longer has.
        if (currentTotalOf(db_, held.text(0)) != sqlite3_column_int(held.handle, 2))
            return refusal("bill_changed", "a bill changed after it was locked");
        lockExpires = sqlite3_column_int64(held.handle, 1);
        items = itemsOfBills(db_, held.text(0));
    }
    auto id = randomId("PS", 8);
    if (!id) return id.error();
    const PresettlementRow row{id.value(), lockId, patientId,
                               splitFor(items, insured->year, InsurancePolicy{}), lockExpires};
    std::lock_guard lock(mutex_);
    Statement insert = prepared(
        db_, "INSERT INTO presettlements VALUES (?, ?, ?, ?, ?, ?)",
        {row.id, idempotencyKey, lockId, patientId, splitJson(row.split).dump(), row.expiresAt});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "pre-settling");
    return row;
}

Result<SettlementRow> PlatformStore::settle(const std::string& messageId,
                                            const std::string& patientId,
                                            const std::string& presettlementId,
                                            Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto result = [&]() -> Result<SettlementRow> {
        if (Statement reversed = prepared(
                db_, "SELECT 1 FROM insurance_reversals WHERE message_id = ?", {messageId});
            sqlite3_step(reversed.handle) == SQLITE_ROW)
            return refusal("message_reversed", "this message was reversed");
        {
            const std::string sql = std::string("SELECT ") + kSettlementColumns +
                                    " FROM settlements WHERE message_id = ?";
            Statement known = prepared(db_, sql.c_str(), {messageId});
            if (sqlite3_step(known.handle) == SQLITE_ROW) {
                SettlementRow row = settlementFrom(known);
                if (row.presettlementId != presettlementId || row.patientId != patientId)
                    return refusal("idempotency_conflict", "this message settled another");
                return row;
            }
        }
        Statement priced = prepared(
            db_,
            "SELECT lock_id, split, expires_at FROM presettlements WHERE id = ? AND patient_id = ?",
            {presettlementId, patientId});
        if (sqlite3_step(priced.handle) != SQLITE_ROW) return refusal("not_found", "no such price");
        const std::string lockId = priced.text(0);
        const InsuranceSplit quoted = splitFrom(priced.text(1));
        if (sqlite3_column_int64(priced.handle, 2) <= epochSeconds(now))
            return refusal("presettlement_expired", "priced too long ago");
        Statement held = prepared(
            db_,
            "SELECT bill_ids, total_fen FROM bill_locks WHERE id = ? AND status = 'held' AND "
            "expires_at > ?",
            {lockId, epochSeconds(now)});
        if (sqlite3_step(held.handle) != SQLITE_ROW)
            return refusal("lock_not_held", "the bill lock expired or was let go");
        if (currentTotalOf(db_, held.text(0)) != sqlite3_column_int(held.handle, 1))
            return refusal("bill_changed", "a bill changed after it was locked");
        const std::vector<BillItemRow> items = itemsOfBills(db_, held.text(0));
        Statement live = prepared(
            db_, "SELECT 1 FROM settlements WHERE lock_id = ? AND status = 'settled'", {lockId});
        if (sqlite3_step(live.handle) == SQLITE_ROW)
            return refusal("already_settled", "these bills are settled under another message");
        const std::string sql =
            std::string("SELECT ") + kInsuredColumns + " FROM insured WHERE patient_id = ?";
        Statement insuredQuery = prepared(db_, sql.c_str(), {patientId});
        if (sqlite3_step(insuredQuery.handle) != SQLITE_ROW)
            return refusal("not_insured", "no insurance on record");
        const InsuredRow insured = insuredFrom(insuredQuery);
        if (insured.status != "active") return refusal("card_frozen", "insurance frozen");
        // The year moved since the price (another settlement in between): the patient must see the
        // new split before anything is taken.
        if (!sameSplit(splitFor(items, insured.year, InsurancePolicy{}), quoted))
            return refusal("split_changed", "price again");
        auto id = randomId("ST", 8);
        if (!id) return id.error();
        Statement apply = prepared(
            db_,
            "UPDATE insured SET account_fen = account_fen - ?, deductible_left_fen = "
            "deductible_left_fen - ?, fund_left_fen = fund_left_fen - ? WHERE patient_id = ?",
            {static_cast<std::int64_t>(quoted.accountFen),
             static_cast<std::int64_t>(quoted.deductibleAppliedFen),
             static_cast<std::int64_t>(quoted.fundFen), patientId});
        if (sqlite3_step(apply.handle) != SQLITE_DONE) return dbError(db_, "settling");
        const SettlementRow row{id.value(), messageId, presettlementId, lockId,
                                patientId,  "settled", quoted};
        Statement insert =
            prepared(db_, "INSERT INTO settlements VALUES (?, ?, ?, ?, ?, 'settled', ?, ?)",
                     {row.id, messageId, presettlementId, lockId, patientId,
                      splitJson(quoted).dump(), epochSeconds(now)});
        if (sqlite3_step(insert.handle) != SQLITE_DONE)
            return dbError(db_, "recording a settlement");
        return row;
    }();
    if (!execute(result ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing");
    return result;
}

Result<SettlementRow> PlatformStore::settlementByMessage(const std::string& messageId) {
    std::lock_guard lock(mutex_);
    const std::string sql =
        std::string("SELECT ") + kSettlementColumns + " FROM settlements WHERE message_id = ?";
    Statement query = prepared(db_, sql.c_str(), {messageId});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return refusal("not_found", "no settlement");
    return settlementFrom(query);
}

Result<SettlementRow> PlatformStore::cancelSettlement(const std::string& settlementId,
                                                      const std::string& patientId,
                                                      const char* becomes) {
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto result = [&]() -> Result<SettlementRow> {
        const std::string sql = std::string("SELECT ") + kSettlementColumns +
                                " FROM settlements WHERE id = ? AND patient_id = ?";
        Statement query = prepared(db_, sql.c_str(), {settlementId, patientId});
        if (sqlite3_step(query.handle) != SQLITE_ROW) return refusal("not_found", "no settlement");
        SettlementRow row = settlementFrom(query);
        if (row.status != "settled") return row;
        Statement restore = prepared(
            db_,
            "UPDATE insured SET account_fen = account_fen + ?, deductible_left_fen = "
            "deductible_left_fen + ?, fund_left_fen = fund_left_fen + ? WHERE patient_id = ?",
            {static_cast<std::int64_t>(row.split.accountFen),
             static_cast<std::int64_t>(row.split.deductibleAppliedFen),
             static_cast<std::int64_t>(row.split.fundFen), patientId});
        if (sqlite3_step(restore.handle) != SQLITE_DONE) return dbError(db_, "cancelling");
        Statement mark = prepared(db_, "UPDATE settlements SET status = ? WHERE id = ?",
                                  {becomes, settlementId});
        if (sqlite3_step(mark.handle) != SQLITE_DONE) return dbError(db_, "cancelling");
        row.status = becomes;
        return row;
    }();
    if (!execute(result ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing");
    return result;
}

Result<std::optional<SettlementRow>> PlatformStore::reverseMessage(const std::string& messageId,
                                                                   const std::string& patientId,
                                                                   Clock::time_point now) {
    {
        std::lock_guard lock(mutex_);
        Statement mark = prepared(db_, "INSERT OR IGNORE INTO insurance_reversals VALUES (?, ?, ?)",
                                  {messageId, patientId, epochSeconds(now)});
        if (sqlite3_step(mark.handle) != SQLITE_DONE) return dbError(db_, "reversing");
    }
    auto made = settlementByMessage(messageId);
    if (!made || made->patientId != patientId) return std::optional<SettlementRow>();
    auto reversed = cancelSettlement(made->id, patientId, "reversed");
    if (!reversed) return reversed.error();
    return std::optional<SettlementRow>(reversed.value());
}

}  // namespace lobby::sim
