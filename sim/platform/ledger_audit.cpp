// Recovery support: what a kiosk that lost a reply may ask, and the ledger audit the fault
// suite runs after every case.

#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;

Result<BookingRow> PlatformStore::booking(const std::string& id) {
    std::lock_guard lock(mutex_);
    return bookingById(id);
}

Result<IdempotencyRow> PlatformStore::idempotencyRecord(const std::string& key) {
    std::lock_guard lock(mutex_);
    Statement seen =
        prepared(db_, "SELECT request, booking_id FROM idempotency WHERE key = ?", {key});
    if (sqlite3_step(seen.handle) != SQLITE_ROW) {
        // 门诊缴费 keeps its keys with its own records.
        Statement billed = prepared(db_,
                                    "SELECT 'pay_bills', id FROM bill_payments WHERE "
                                    "idempotency_key = ?1 UNION ALL SELECT 'lock_bills', id FROM "
                                    "bill_locks WHERE idempotency_key = ?1",
                                    {key});
        if (sqlite3_step(billed.handle) == SQLITE_ROW)
            return IdempotencyRow{key, billed.text(0), billed.text(1)};
        return refusal("not_found", "the platform never acted on this key");
    }
    // Requests are remembered as "verb|…"; a booking's as "patient|slice".
    const std::string request = seen.text(0);
    const std::string verb = request.substr(0, request.find('|'));
    const std::string operation = verb == "pay"       ? "start_payment"
                                  : verb == "checkin" ? "checkin"
                                  : verb == "cancel"  ? "cancel"
                                  : verb == "move"    ? "move"
                                                      : "create_booking";
    return IdempotencyRow{key, operation, seen.text(1)};
}

Result<LedgerAudit> PlatformStore::audit(Clock::time_point now) {
    std::lock_guard lock(mutex_);
    LedgerAudit audit;
    Statement bookings = prepared(db_, "SELECT status, COUNT(*) FROM bookings GROUP BY status", {});
    while (sqlite3_step(bookings.handle) == SQLITE_ROW)
        audit.bookings[bookings.text(0)] = sqlite3_column_int(bookings.handle, 1);
    Statement payments = prepared(db_, "SELECT status, COUNT(*) FROM payments GROUP BY status", {});
    while (sqlite3_step(payments.handle) == SQLITE_ROW)
        audit.payments[payments.text(0)] = sqlite3_column_int(payments.handle, 1);

    Statement prints = prepared(db_, "SELECT COUNT(*) FROM report_prints", {});
    if (sqlite3_step(prints.handle) == SQLITE_ROW)
        audit.reportPrints = sqlite3_column_int(prints.handle, 0);

    Statement twice =
        prepared(db_,
                 "SELECT booking_id, COUNT(*) FROM payments WHERE status = 'captured' "
                 "GROUP BY booking_id HAVING COUNT(*) > 1",
                 {});
    while (sqlite3_step(twice.handle) == SQLITE_ROW) {
        audit.violations.push_back("booking " + twice.text(0) + " captured " +
                                   std::to_string(sqlite3_column_int(twice.handle, 1)) +
                                   " payments");
    }
    Statement orphan =
        prepared(db_,
                 "SELECT payments.id, bookings.status FROM payments JOIN bookings ON "
                 "bookings.id = payments.booking_id WHERE payments.status = "
                 "'captured' AND bookings.status NOT IN ('paid', 'checked_in')",
                 {});
    while (sqlite3_step(orphan.handle) == SQLITE_ROW) {
        audit.violations.push_back("payment " + orphan.text(0) +
                                   " captured for a booking that is " + orphan.text(1));
    }
    Statement unbacked = prepared(db_,
                                  "SELECT bookings.id FROM bookings WHERE status IN ('paid', "
                                  "'checked_in') AND NOT EXISTS (SELECT 1 FROM payments WHERE "
                                  "booking_id = bookings.id AND status = 'captured')",
                                  {});
    while (sqlite3_step(unbacked.handle) == SQLITE_ROW) {
        audit.violations.push_back("booking " + unbacked.text(0) +
                                   " is paid but no payment backs it");
    }
    Statement stale =
        prepared(db_, "SELECT id FROM bookings WHERE status = 'held' AND hold_expires_at < ?",
                 {epochSeconds(now)});
    while (sqlite3_step(stale.handle) == SQLITE_ROW) {
        audit.violations.push_back("booking " + stale.text(0) +
                                   " still holds its slot past the hold's expiry");
    }
    Statement negative = prepared(db_, "SELECT id FROM slices WHERE remaining < 0", {});
    while (sqlite3_step(negative.handle) == SQLITE_ROW)
        audit.violations.push_back("slice " + negative.text(0) + " is oversold");
    auditBills(audit, now);
    return audit;
}

void PlatformStore::auditBills(LedgerAudit& audit, Clock::time_point now) {
    Statement settlements =
        prepared(db_, "SELECT status, COUNT(*) FROM settlements GROUP BY status", {});
    while (sqlite3_step(settlements.handle) == SQLITE_ROW)
        audit.settlements[settlements.text(0)] = sqlite3_column_int(settlements.handle, 1);
    Statement payments =
        prepared(db_, "SELECT status, COUNT(*) FROM bill_payments GROUP BY status", {});
    while (sqlite3_step(payments.handle) == SQLITE_ROW)
        audit.billPayments[payments.text(0)] = sqlite3_column_int(payments.handle, 1);
    // Each leg in force at most once per lock.
    const std::pair<const char*, const char*> twice[] = {
        {"SELECT lock_id, COUNT(*) FROM settlements WHERE status = 'settled' GROUP BY lock_id "
         "HAVING COUNT(*) > 1",
         " settled more than once"},
        {"SELECT lock_id, COUNT(*) FROM bill_payments WHERE status = 'captured' GROUP BY "
         "lock_id HAVING COUNT(*) > 1",
         " paid in cash more than once"}};
    for (const auto& [sql, what] : twice) {
        Statement query = prepared(db_, sql, {});
        while (sqlite3_step(query.handle) == SQLITE_ROW)
            audit.violations.push_back("bill lock " + query.text(0) + what);
    }
    // Money left moved for bills that were never saved, once their lock is gone: a settlement
    // not cancelled, cash not refunded.
    const std::pair<const char*, const char*> stranded[] = {
        {"SELECT settlements.id FROM settlements JOIN bill_locks ON bill_locks.id = "
         "settlements.lock_id WHERE settlements.status = 'settled' AND bill_locks.status != "
         "'saved' AND (bill_locks.status != 'held' OR bill_locks.expires_at <= ?)",
         "insurance settlement "},
        {"SELECT bill_payments.id FROM bill_payments JOIN bill_locks ON bill_locks.id = "
         "bill_payments.lock_id WHERE bill_payments.status = 'captured' AND bill_locks.status != "
         "'saved' AND (bill_locks.status != 'held' OR bill_locks.expires_at <= ?)",
         "bill payment "}};
    for (const auto& [sql, what] : stranded) {
        Statement query = prepared(db_, sql, {epochSeconds(now)});
        while (sqlite3_step(query.handle) == SQLITE_ROW)
            audit.violations.push_back(what + query.text(0) + " stands for bills never saved");
    }
    // A bill in two saved locks was paid twice.
    Statement paidTwice =
        prepared(db_,
                 "SELECT value, COUNT(*) FROM bill_locks, json_each(bill_locks.bill_ids) WHERE "
                 "bill_locks.status = 'saved' GROUP BY value HAVING COUNT(*) > 1",
                 {});
    while (sqlite3_step(paidTwice.handle) == SQLITE_ROW)
        audit.violations.push_back("bill " + paidTwice.text(0) + " saved as paid twice");
    // Every saved lock has its one e-invoice, for what the bills came to.
    Statement uninvoiced = prepared(db_,
                                    "SELECT bill_locks.id FROM bill_locks LEFT JOIN e_invoices ON "
                                    "e_invoices.lock_id = bill_locks.id WHERE bill_locks.status = "
                                    "'saved' AND (e_invoices.id IS NULL OR e_invoices.amount_fen "
                                    "!= bill_locks.total_fen)",
                                    {});
    while (sqlite3_step(uninvoiced.handle) == SQLITE_ROW)
        audit.violations.push_back("bill lock " + uninvoiced.text(0) +
                                   " saved without its e-invoice");
}

Status PlatformStore::setAllCapacities(int capacity) {
    if (capacity < 0) return refusal("invalid_request", "a capacity is never negative");
    std::lock_guard lock(mutex_);
    Statement update = prepared(db_, "UPDATE slices SET remaining = ?", {std::int64_t{capacity}});
    if (sqlite3_step(update.handle) != SQLITE_DONE) return dbError(db_, "setting capacities");
    return {};
}

}  // namespace lobby::sim
