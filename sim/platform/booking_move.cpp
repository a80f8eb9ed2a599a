// 改约 in the sandbox store: a paid booking whose doctor stopped the session (停诊) moves, with
// the payment that backs it, to another slice of the same department and fee. One operation, so
// the patient is never charged for the new slot while waiting for a refund of the old one.
#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"
#include "sim/platform/store_time.h"

namespace lobby::sim {
using namespace sql;
using namespace store_time;

bool PlatformStore::inBookingWindow(const std::string& date, Clock::time_point now) const {
    const int ahead = daysAhead(date, now);
    return ahead >= rules_.bookingWindowFirst_days && ahead <= rules_.bookingWindowLast_days &&
           !(ahead == rules_.bookingWindowLast_days && localHour(now) < rules_.releaseHour);
}

Result<PlatformStore::MoveOrigin> PlatformStore::moveOrigin(const std::string& bookingId) {
    auto booking = bookingById(bookingId);
    if (!booking) return booking.error();
    if (booking->status != "paid" || !booking->stopService)
        return refusal("not_movable", booking->status);
    Statement doctor = prepared(db_,
                                "SELECT doctors.department_id, doctors.fee_fen FROM slices JOIN "
                                "sessions ON sessions.id = slices.session_id JOIN doctors ON "
                                "doctors.id = sessions.doctor_id WHERE slices.id = ?",
                                {booking->sliceId});
    if (sqlite3_step(doctor.handle) != SQLITE_ROW) return refusal("not_found", "no such slice");
    return MoveOrigin{*booking, doctor.text(0), sqlite3_column_int(doctor.handle, 1)};
}

Result<std::vector<AlternativeRow>> PlatformStore::alternatives(const std::string& bookingId,
                                                                Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto origin = moveOrigin(bookingId);
    if (!origin) return origin.error();
    Statement doctors = prepared(db_,
                                 "SELECT id, department_id, name, title, specialty, fee_fen FROM "
                                 "doctors WHERE department_id = ? AND fee_fen = ? ORDER BY id",
                                 {origin->departmentId, std::int64_t{origin->feeFen}});
    std::vector<AlternativeRow> rows;
    while (sqlite3_step(doctors.handle) == SQLITE_ROW) {
        rows.push_back(
            {DoctorRow{doctors.text(0), doctors.text(1), doctors.text(2), doctors.text(3),
                       doctors.text(4), sqlite3_column_int(doctors.handle, 5)},
             {}});
    }
    for (auto& row : rows) {
        Statement slices =
            prepared(db_,
                     "SELECT slices.id, sessions.id, sessions.date, sessions.period, "
                     "slices.start, slices.end, slices.remaining FROM slices JOIN sessions ON "
                     "slices.session_id = sessions.id WHERE sessions.doctor_id = ? AND "
                     "sessions.stopped = 0 AND slices.remaining > 0 ORDER BY sessions.date, "
                     "slices.start",
                     {row.doctor.id});
        while (sqlite3_step(slices.handle) == SQLITE_ROW) {
            SliceRow slice{slices.text(0),
                           slices.text(1),
                           slices.text(2),
                           slices.text(3),
                           slices.text(4),
                           slices.text(5),
                           sqlite3_column_int(slices.handle, 6)};
            if (inBookingWindow(slice.date, now)) row.slices.push_back(std::move(slice));
        }
    }
    std::erase_if(rows, [](const AlternativeRow& row) { return row.slices.empty(); });
    return rows;
}

Result<BookingRow> PlatformStore::move(const std::string& idempotencyKey,
                                       const std::string& bookingId, const std::string& sliceId,
                                       Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto result = [&]() -> Result<BookingRow> {
        std::optional<Error> conflict;
        const std::string request = "move|" + bookingId + "|" + sliceId;
        if (auto id = rememberedResult(idempotencyKey, request, conflict)) return bookingById(*id);
        if (conflict) return *conflict;
        auto origin = moveOrigin(bookingId);
        if (!origin) return origin.error();
        Statement target =
            prepared(db_,
                     "SELECT sessions.date, sessions.stopped, doctors.department_id, "
                     "doctors.fee_fen, doctors.id FROM slices JOIN sessions ON sessions.id = "
                     "slices.session_id JOIN doctors ON doctors.id = sessions.doctor_id WHERE "
                     "slices.id = ?",
                     {sliceId});
        if (sqlite3_step(target.handle) != SQLITE_ROW) return refusal("not_found", "no such slice");
        if (target.text(2) != origin->departmentId)
            return refusal("other_department", "a booking moves within its department");
        if (sqlite3_column_int(target.handle, 3) != origin->feeFen)
            return refusal("fee_differs", "a booking moves to a doctor of the same fee");
        if (sqlite3_column_int(target.handle, 1) != 0)
            return refusal("session_stopped", "the doctor does not hold this session");
        if (!inBookingWindow(target.text(0), now)) {
            return refusal("outside_booking_window",
                           std::to_string(rules_.bookingWindowFirst_days) + "-" +
                               std::to_string(rules_.bookingWindowLast_days));
        }
        Statement mine =
            prepared(db_,
                     "SELECT COUNT(*) FROM bookings JOIN slices ON slices.id = bookings.slice_id "
                     "JOIN sessions ON sessions.id = slices.session_id WHERE bookings.patient_id "
                     "= ? AND sessions.date = ? AND sessions.doctor_id = ? AND bookings.status "
                     "IN ('held', 'paid', 'checked_in') AND sessions.stopped = 0",
                     {origin->booking.patientId, target.text(0), target.text(4)});
        sqlite3_step(mine.handle);
        if (sqlite3_column_int(mine.handle, 0) >= rules_.maxPerDoctorPerDay)
            return refusal("limit_per_doctor", std::to_string(rules_.maxPerDoctorPerDay));
        Statement take = prepared(
            db_, "UPDATE slices SET remaining = remaining - 1 WHERE id = ? AND remaining > 0",
            {sliceId});
        if (sqlite3_step(take.handle) != SQLITE_DONE) return dbError(db_, "taking a slot");
        if (sqlite3_changes(db_) != 1) return refusal("no_slots_left", "this time slice is full");
        Statement giveBack =
            prepared(db_, "UPDATE slices SET remaining = remaining + 1 WHERE id = ?",
                     {origin->booking.sliceId});
        if (sqlite3_step(giveBack.handle) != SQLITE_DONE)
            return dbError(db_, "giving the old slot back");
        Statement moved =
            prepared(db_, "UPDATE bookings SET slice_id = ? WHERE id = ?", {sliceId, bookingId});
        if (sqlite3_step(moved.handle) != SQLITE_DONE) return dbError(db_, "moving the booking");
        if (auto stored = remember(idempotencyKey, request, bookingId); !stored)
            return stored.error();
        return bookingById(bookingId);
    }();
    if (!execute(result ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing the move");
    return result;
}

}  // namespace lobby::sim
