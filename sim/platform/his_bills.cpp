// 门诊缴费 in the sandbox store: the HIS's unpaid bills and the locks that freeze their amounts.
// A lock holds whole bills of one pay group for kLockSeconds; a second lock of the same patient
// supersedes their first (a kiosk that lost its lock starts again), and a bill held by a live lock
// cannot be locked by anyone else. The same idempotency key gives the same lock.
#include "sim/platform/his_bills.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;

namespace {
struct CannedBill {
    const char* kind;
    const char* category;
    const char* title;
    const char* doctor;
    const char* department;
    const char* performedBy;
    const char* payGroup;
    const char* guide;
    const char* note;
    std::vector<BillItemRow> items;
};

const std::vector<CannedBill>& cannedBills() {
    static const std::vector<CannedBill> bills = {
        {"drugs",
         "drug",
         "西药处方",
         "王建国",
         "内科门诊",
         "西药房",
         "outpatient",
         "门诊楼一层 西药房 3号窗口取药",
         "",
         {{"阿莫西林胶囊", "0.25g×24粒", 2, 1850, "a"},
          {"布洛芬缓释胶囊", "0.3g×20粒", 1, 2280, "b"},
          {"复方甘草口服溶液", "100ml", 1, 1560, "c"}}},
        {"blood",
         "lab",
         "检验申请单",
         "王建国",
         "内科门诊",
         "检验科",
         "outpatient",
         "门诊楼二层 检验科 抽血处",
         "空腹抽血，请勿进食",
         {{"血常规（五分类）", "静脉血", 1, 2500, "a"}, {"肝功能", "静脉血", 1, 6000, "b"}}},
        {"ct",
         "exam",
         "检查申请单",
         "李华",
         "呼吸内科门诊",
         "放射科",
         "imaging",
         "医技楼一层 CT室",
         "检查前请取下金属物品",
         {{"胸部CT平扫", "64排", 1, 28000, "b"}}},
    };
    return bills;
}

constexpr int kLockSeconds = 10 * 60;

std::vector<std::string> sortedIds(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}
}  // namespace

Result<BillRow> PlatformStore::seedBill(const std::string& patientId, const std::string& kind,
                                        Clock::time_point now) {
    const auto canned = std::find_if(cannedBills().begin(), cannedBills().end(),
                                     [&](const CannedBill& bill) { return kind == bill.kind; });
    if (canned == cannedBills().end()) return refusal("invalid_request", "drugs, blood or ct");
    auto id = randomId("BL", 8);
    if (!id) return id.error();
    BillRow bill{
        id.value(),         patientId,           canned->category, canned->title, canned->doctor,
        canned->department, canned->performedBy, canned->payGroup, canned->guide, canned->note,
        "unpaid",           epochSeconds(now),   canned->items};
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : bill.items)
        items.push_back({{"name", item.name},
                         {"spec", item.spec},
                         {"count", item.count},
                         {"unit_fen", item.unitFen},
                         {"class", item.insuranceClass}});
    std::lock_guard lock(mutex_);
    Statement insert = prepared(
        db_, "INSERT INTO bills VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unpaid', ?, ?)",
        {bill.id, patientId, bill.category, bill.title, bill.doctor, bill.department,
         bill.performedBy, bill.payGroup, bill.guide, bill.note, bill.createdAt, items.dump()});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "creating a bill");
    return bill;
}

const char* const kBillColumnList =
    "id, patient_id, category, title, doctor, department, performed_by, pay_group, guide, note, "
    "status, created_at, items";

BillRow billRowFrom(const Statement& row) {
    BillRow bill{row.text(0), row.text(1), row.text(2),  row.text(3),
                 row.text(4), row.text(5), row.text(6),  row.text(7),
                 row.text(8), row.text(9), row.text(10), sqlite3_column_int64(row.handle, 11),
                 {}};
    const auto items = nlohmann::json::parse(row.text(12), nullptr, false);
    if (items.is_array()) {
        for (const auto& item : items)
            bill.items.push_back({item.value("name", ""), item.value("spec", ""),
                                  item.value("count", 0), item.value("unit_fen", 0),
                                  item.value("class", "")});
    }
    return bill;
}

Result<std::vector<BillRow>> PlatformStore::unpaidBills(const std::string& patientId) {
    std::lock_guard lock(mutex_);
    const std::string sql = std::string("SELECT ") + kBillColumnList +
                            " FROM bills WHERE patient_id = ? AND status = 'unpaid' ORDER BY rowid";
    Statement query = prepared(db_, sql.c_str(), {patientId});
    std::vector<BillRow> bills;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(query.handle)) == SQLITE_ROW)
        bills.push_back(billRowFrom(query));
    if (step != SQLITE_DONE) return dbError(db_, "listing bills");
    return bills;
}

Result<BillLockRow> PlatformStore::lockBills(const std::string& idempotencyKey,
                                             const std::string& patientId,
                                             const std::vector<std::string>& requested,
                                             Clock::time_point now) {
    const std::vector<std::string> billIds = sortedIds(requested);
    if (billIds.empty() || billIds.size() > 20)
        return refusal("invalid_request", "one to twenty bills");
    const std::int64_t nowSeconds = epochSeconds(now);
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto result = [&]() -> Result<BillLockRow> {
        {
            Statement known = prepared(
                db_,
                "SELECT id, patient_id, bill_ids, total_fen, expires_at, status FROM bill_locks "
                "WHERE idempotency_key = ?",
                {idempotencyKey});
            if (sqlite3_step(known.handle) == SQLITE_ROW) {
                const auto ids = nlohmann::json::parse(known.text(2), nullptr, false);
                if (known.text(1) != patientId || !ids.is_array() ||
                    ids.get<std::vector<std::string>>() != billIds)
                    return refusal("idempotency_conflict", "this key locked other bills");
                return BillLockRow{known.text(0),
                                   known.text(1),
                                   billIds,
                                   sqlite3_column_int(known.handle, 3),
                                   sqlite3_column_int64(known.handle, 4),
                                   known.text(5)};
            }
        }
        int total = 0;
        std::string payGroup;
        for (const std::string& billId : billIds) {
            const std::string sql =
                std::string("SELECT ") + kBillColumnList + " FROM bills WHERE id = ?";
            Statement query = prepared(db_, sql.c_str(), {billId});
            if (sqlite3_step(query.handle) != SQLITE_ROW)
                return refusal("bill_not_payable", "no such bill");
            const BillRow bill = billRowFrom(query);
            if (bill.patientId != patientId || bill.status != "unpaid")
                return refusal("bill_not_payable", "not this patient's unpaid bill");
            if (!payGroup.empty() && bill.payGroup != payGroup)
                return refusal("bills_not_combinable", "bills of different pay groups");
            payGroup = bill.payGroup;
            total += bill.totalFen();
        }
        // A live lock of another patient's (never, as bills are a patient's own) or of this
        // patient's with money under way would hold the bill; a bare lock of theirs is superseded.
        Statement held = prepared(db_,
                                  "SELECT id, bill_ids, patient_id FROM bill_locks WHERE status = "
                                  "'held' AND expires_at > ?",
                                  {nowSeconds});
        std::vector<std::string> superseded;
        while (sqlite3_step(held.handle) == SQLITE_ROW) {
            const auto ids = nlohmann::json::parse(held.text(1), nullptr, false);
            if (!ids.is_array()) continue;
            for (const auto& id : ids) {
                if (!std::binary_search(billIds.begin(), billIds.end(), id.get<std::string>()))
                    continue;
                if (held.text(2) != patientId)
                    return refusal("bill_locked", "held by another lock");
                // Insurance settled under it: money is under way, so that lock stands.
                Statement settled = prepared(
                    db_, "SELECT 1 FROM settlements WHERE lock_id = ? AND status = 'settled'",
                    {held.text(0)});
                if (sqlite3_step(settled.handle) == SQLITE_ROW)
                    return refusal("bill_locked", "being paid under another lock");
                superseded.push_back(held.text(0));
                break;
            }
        }
        for (const std::string& old : superseded) {
            Statement update =
                prepared(db_, "UPDATE bill_locks SET status = 'superseded' WHERE id = ?", {old});
            if (sqlite3_step(update.handle) != SQLITE_DONE)
                return dbError(db_, "superseding a lock");
        }
        auto id = randomId("LK", 8);
        if (!id) return id.error();
        const BillLockRow locked{id.value(), patientId, billIds, total, nowSeconds + kLockSeconds,
                                 "held"};
        Statement insert =
            prepared(db_, "INSERT INTO bill_locks VALUES (?, ?, ?, ?, ?, ?, 'held', NULL, NULL)",
                     {locked.id, idempotencyKey, patientId, nlohmann::json(billIds).dump(),
                      static_cast<std::int64_t>(total), locked.expiresAt});
        if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "locking bills");
        return locked;
    }();
    if (!execute(result ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing");
    return result;
}

Result<BillRow> PlatformStore::amendBill(const std::string& billId) {
    std::lock_guard lock(mutex_);
    const std::string sql =
        std::string("SELECT ") + kBillColumnList + " FROM bills WHERE id = ? AND status = 'unpaid'";
    Statement query = prepared(db_, sql.c_str(), {billId});
    if (sqlite3_step(query.handle) != SQLITE_ROW)
        return refusal("bill_not_payable", "no such unpaid bill");
    BillRow bill = billRowFrom(query);
    if (bill.items.empty()) return refusal("bill_not_payable", "a bill without items");
    ++bill.items.front().count;
    nlohmann::json items = nlohmann::json::parse(query.text(12), nullptr, false);
    if (!items.is_array() || items.empty()) return refusal("bill_not_payable", "unreadable items");
    items[0]["count"] = bill.items.front().count;
    Statement update =
        prepared(db_, "UPDATE bills SET items = ? WHERE id = ?", {items.dump(), billId});
    if (sqlite3_step(update.handle) != SQLITE_DONE) return dbError(db_, "amending a bill");
    return bill;
}

int currentTotalOf(sqlite3* db, const std::string& billIdsJson) {
    const std::string sql = std::string("SELECT ") + kBillColumnList +
                            " FROM bills WHERE id IN (SELECT value FROM json_each(?))";
    Statement bills = prepared(db, sql.c_str(), {billIdsJson});
    int total = 0;
    while (sqlite3_step(bills.handle) == SQLITE_ROW)
        total += billRowFrom(bills).totalFen();
    return total;
}

std::string PlatformStore::ownerOf(BillRecord record, const std::string& id) {
    const char* sql = record == BillRecord::Lock ? "SELECT patient_id FROM bill_locks WHERE id = ?"
                      : record == BillRecord::Payment
                          ? "SELECT patient_id FROM bill_payments WHERE id = ?"
                          : "SELECT patient_id FROM settlements WHERE id = ?";
    std::lock_guard lock(mutex_);
    Statement owner = prepared(db_, sql, {id});
    return sqlite3_step(owner.handle) == SQLITE_ROW ? owner.text(0) : std::string();
}

Result<BillLockRow> PlatformStore::releaseBillLock(const std::string& lockId,
                                                   const std::string& patientId) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_,
                               "SELECT id, patient_id, bill_ids, total_fen, expires_at, status "
                               "FROM bill_locks WHERE id = ? AND patient_id = ?",
                               {lockId, patientId});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return refusal("not_found", "no such lock");
    const auto ids = nlohmann::json::parse(query.text(2), nullptr, false);
    BillLockRow row{
        query.text(0),
        query.text(1),
        ids.is_array() ? ids.get<std::vector<std::string>>() : std::vector<std::string>{},
        sqlite3_column_int(query.handle, 3),
        sqlite3_column_int64(query.handle, 4),
        query.text(5)};
    if (row.status == "held") {
        Statement update =
            prepared(db_, "UPDATE bill_locks SET status = 'released' WHERE id = ?", {lockId});
        if (sqlite3_step(update.handle) != SQLITE_DONE) return dbError(db_, "releasing a lock");
        row.status = "released";
    }
    return row;
}

}  // namespace lobby::sim
