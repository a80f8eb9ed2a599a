// The ledger's changes after a booking exists: paying for it, checking in (取号) and cancelling
// (退号), each under its idempotency key. The rest of PlatformStore is in platform_store.cpp.
#include <algorithm>
#include <array>
#include <cstdio>
#include <random>

#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"
#include "sim/platform/store_time.h"

namespace lobby::sim {
using namespace sql;
using namespace store_time;

Result<PaymentRow> PlatformStore::paymentById(const std::string& id) {
    Statement query =
        prepared(db_, "SELECT id, booking_id, method, status FROM payments WHERE id = ?", {id});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return refusal("not_found", "no such payment");
    PaymentRow row{query.text(0), query.text(1), query.text(2), query.text(3), ""};
    if (row.method != "insurance") row.qrPayload = "SANDBOXPAY:" + row.id;
    return row;
}

Result<PaymentRow> PlatformStore::payment(const std::string& paymentId, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto row = paymentById(paymentId);
    if (!row || !autoPayAfter_ || row->status != "pending") return row;
    Statement created = prepared(db_, "SELECT created_at FROM payments WHERE id = ?", {paymentId});
    if (sqlite3_step(created.handle) != SQLITE_ROW) return row;
    const auto paidAt =
        Clock::time_point(std::chrono::seconds(sqlite3_column_int64(created.handle, 0))) +
        *autoPayAfter_;
    return now >= paidAt ? captureLocked(paymentId) : row;
}

Result<PaymentRow> PlatformStore::startPayment(const std::string& idempotencyKey,
                                               const std::string& bookingId,
                                               const std::string& method, Clock::time_point now) {
    static const std::array<std::string, 4> kMethods = {"wechat", "alipay", "unionpay",
                                                        "insurance"};
    if (std::find(kMethods.begin(), kMethods.end(), method) == kMethods.end()) {
        return refusal("invalid_request", "unknown payment method");
    }
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto result = [&]() -> Result<PaymentRow> {
        std::optional<Error> conflict;
        const std::string request = "pay|" + bookingId + "|" + method;
        if (auto id = rememberedResult(idempotencyKey, request, conflict)) return paymentById(*id);
        if (conflict) return *conflict;
        if (auto released = releaseExpiredHolds(now); !released) return released.error();
        auto booking = bookingById(bookingId);
        if (!booking) return booking.error();
        if (booking->status == "expired") {
            return refusal("hold_expired", std::to_string(rules_.unpaidHold.count()));
        }
        if (booking->status != "held")
            return refusal("invalid_request", "this booking is not awaiting payment");
        static std::mt19937_64 random{std::random_device{}()};
        char id[24];
        std::snprintf(id, sizeof id, "Y%016llx", static_cast<unsigned long long>(random()));
        const bool settledNow = method == "insurance";
        Statement insert = prepared(
            db_, "INSERT INTO payments VALUES (?, ?, ?, ?, ?)",
            {id, bookingId, method, settledNow ? "captured" : "pending", epochSeconds(now)});
        if (sqlite3_step(insert.handle) != SQLITE_DONE)
            return dbError(db_, "recording the payment");
        if (settledNow) {
            if (auto marked = setBookingStatus(bookingId, "paid"); !marked) return marked.error();
        }
        if (auto remembered = remember(idempotencyKey, request, id); !remembered)
            return remembered.error();
        return paymentById(id);
    }();
    if (!execute(result ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing the payment");
    return result;
}

Result<PaymentRow> PlatformStore::capturePayment(const std::string& paymentId) {
    std::lock_guard lock(mutex_);
    return captureLocked(paymentId);
}

Result<PaymentRow> PlatformStore::captureLocked(const std::string& paymentId) {
    auto payment = paymentById(paymentId);
    if (!payment) return payment.error();
    if (payment->status != "pending") return payment;  // paying twice captures once
    auto booking = bookingById(payment->bookingId);
    if (!booking) return booking.error();
    if (booking->status != "held") {
        // Paid after the hold lapsed and the slot went to someone else: the money goes back at
        // once rather than sitting captured against no booking.
        Statement refund =
            prepared(db_, "UPDATE payments SET status = 'refunded' WHERE id = ?", {paymentId});
        if (sqlite3_step(refund.handle) != SQLITE_DONE) return dbError(db_, "refunding");
        return paymentById(paymentId);
    }
    Statement capture =
        prepared(db_, "UPDATE payments SET status = 'captured' WHERE id = ? AND status = 'pending'",
                 {paymentId});
    if (sqlite3_step(capture.handle) != SQLITE_DONE) return dbError(db_, "capturing");
    Statement paid =
        prepared(db_, "UPDATE bookings SET status = 'paid' WHERE id = ? AND status = 'held'",
                 {payment->bookingId});
    if (sqlite3_step(paid.handle) != SQLITE_DONE) return dbError(db_, "marking paid");
    return paymentById(paymentId);
}

Result<CheckinRow> PlatformStore::checkIn(const std::string& idempotencyKey,
                                          const std::string& bookingId, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto result = [&]() -> Result<CheckinRow> {
        std::optional<Error> conflict;
        const std::string request = "checkin|" + bookingId;
        const auto remembered = rememberedResult(idempotencyKey, request, conflict);
        if (conflict) return *conflict;
        Statement booking =
            prepared(db_,
                     "SELECT bookings.status, sessions.date, sessions.period, sessions.id, "
                     "departments.name_zh, departments.name_en, slices.start, slices.end, "
                     "sessions.stopped, bookings.created_at FROM bookings JOIN slices ON slices.id "
                     "= bookings.slice_id JOIN "
                     "sessions ON sessions.id = slices.session_id JOIN doctors ON doctors.id "
                     "= sessions.doctor_id JOIN departments ON departments.id = "
                     "doctors.department_id WHERE bookings.id = ?",
                     {bookingId});
        if (sqlite3_step(booking.handle) != SQLITE_ROW)
            return refusal("not_found", "no such booking");
        const std::string status = booking.text(0);
        const std::string period = booking.text(2);
        const std::string session = booking.text(3);
        CheckinRow row{bookingId,
                       "",
                       booking.text(4) + " 1诊室",
                       booking.text(5) + ", room 1",
                       booking.text(6) + "-" + booking.text(7),
                       "",
                       ""};
        // The sandbox's building: each department's waiting area on a floor of its own.
        const int floor = 2 + static_cast<int>(std::hash<std::string>{}(row.clinicRoomEn) % 4);
        row.wayfindingZh =
            "门诊楼" + std::to_string(floor) + "层，" + booking.text(4) + "候诊区，等候叫号";
        row.wayfindingEn = "Outpatient building, floor " + std::to_string(floor) + ", " +
                           booking.text(5) + " waiting area; wait to be called";
        if (remembered || status == "checked_in") {
            Statement existing = prepared(
                db_, "SELECT queue_number FROM checkins WHERE booking_id = ?", {bookingId});
            if (sqlite3_step(existing.handle) == SQLITE_ROW) {
                row.queueNumber = existing.text(0);
                return row;  // checking in twice gives the same number
            }
        }
        if (status != "paid") return refusal("not_paid", "this booking is not paid");
        if (sqlite3_column_int(booking.handle, 8) != 0) {
            return refusal("session_stopped", "the doctor does not hold this session");
        }
        // A registration made on the day (当日挂号) is checked in until the registration cut-off;
        // a booking made earlier, until the pick-up window closes.
        const bool registeredOnTheDay =
            isoDate(static_cast<std::time_t>(sqlite3_column_int64(booking.handle, 9))) ==
            booking.text(1);
        const int closes = registeredOnTheDay ? registrationCloses_min(period, rules_)
                                              : pickupCloses_min(period, rules_);
        if (daysAhead(booking.text(1), now) != 0 || localMinuteOfDay(now) > closes)
            return refusal("outside_pickup_window", clockText(closes));
        Statement count =
            prepared(db_, "SELECT COUNT(*) FROM checkins WHERE session_id = ?", {session});
        sqlite3_step(count.handle);
        char number[16];
        std::snprintf(number, sizeof number, "%c%03d", period == "morning" ? 'A' : 'B',
                      sqlite3_column_int(count.handle, 0) + 1);
        row.queueNumber = number;
        Statement insert =
            prepared(db_, "INSERT INTO checkins VALUES (?, ?, ?)", {bookingId, number, session});
        if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "checking in");
        if (auto marked = setBookingStatus(bookingId, "checked_in"); !marked) return marked.error();
        if (auto stored = remember(idempotencyKey, request, bookingId); !stored)
            return stored.error();
        return row;
    }();
    if (!execute(result ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing the check-in");
    return result;
}

Result<BookingRow> PlatformStore::cancel(const std::string& idempotencyKey,
                                         const std::string& bookingId, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto result = [&]() -> Result<BookingRow> {
        std::optional<Error> conflict;
        const std::string request = "cancel|" + bookingId;
        if (auto id = rememberedResult(idempotencyKey, request, conflict)) return bookingById(*id);
        if (conflict) return *conflict;
        auto booking = bookingById(bookingId);
        if (!booking) return booking.error();
        if (booking->status != "held" && booking->status != "paid") {
            return refusal("not_cancellable", booking->status);
        }
        Statement date = prepared(db_,
                                  "SELECT sessions.date FROM slices JOIN sessions ON sessions.id = "
                                  "slices.session_id WHERE slices.id = ?",
                                  {booking->sliceId});
        sqlite3_step(date.handle);
        // The deadline is for a paid appointment; an unpaid hold (a same-day registration the
        // patient walked away from, a booking they stopped paying for) is always given back.
        if (booking->status == "paid" &&
            daysAhead(date.text(0), now) < rules_.cancelUntil_daysBefore && !booking->stopService) {
            return refusal("cancel_deadline_passed", "cancellation closed at 24:00 the day before");
        }
        const bool paid = booking->status == "paid";
        if (paid) {
            Statement refund =
                prepared(db_,
                         "UPDATE payments SET status = 'refunded' WHERE booking_id = ? AND "
                         "status = 'captured'",
                         {bookingId});
            if (sqlite3_step(refund.handle) != SQLITE_DONE) return dbError(db_, "refunding");
        }
        if (auto marked = setBookingStatus(bookingId, paid ? "refunded" : "cancelled"); !marked) {
            return marked.error();
        }
        Statement release = prepared(
            db_, "UPDATE slices SET remaining = remaining + 1 WHERE id = ?", {booking->sliceId});
        if (sqlite3_step(release.handle) != SQLITE_DONE) return dbError(db_, "releasing the slot");
        if (auto stored = remember(idempotencyKey, request, bookingId); !stored)
            return stored.error();
        return bookingById(bookingId);
    }();
    if (!execute(result ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing the cancellation");
    return result;
}

}  // namespace lobby::sim
