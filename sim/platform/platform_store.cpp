#include "sim/platform/platform_store.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <random>

#include "sim/platform/store_sql.h"
#include "sim/platform/store_time.h"

namespace lobby::sim {
using namespace sql;
using namespace store_time;
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS departments (
  id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, pinyin TEXT NOT NULL,
  category_zh TEXT NOT NULL, category_en TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS doctors (
  id TEXT PRIMARY KEY, department_id TEXT NOT NULL REFERENCES departments(id),
  name TEXT NOT NULL, title TEXT NOT NULL, specialty TEXT NOT NULL, fee_fen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, doctor_id TEXT NOT NULL REFERENCES doctors(id), date TEXT NOT NULL,
  period TEXT NOT NULL, stopped INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS slices (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), start TEXT NOT NULL,
  end TEXT NOT NULL, remaining INTEGER NOT NULL CHECK (remaining >= 0));
CREATE TABLE IF NOT EXISTS patients (
  id TEXT PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bookings (
  id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id),
  slice_id TEXT NOT NULL REFERENCES slices(id), status TEXT NOT NULL,
  hold_expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY, request TEXT NOT NULL, booking_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS payments (
  id TEXT PRIMARY KEY, booking_id TEXT NOT NULL REFERENCES bookings(id), method TEXT NOT NULL,
  status TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS heartbeats (
  terminal_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS patient_tokens (
  kind TEXT NOT NULL, token TEXT NOT NULL, patient_id TEXT NOT NULL REFERENCES patients(id),
  PRIMARY KEY (kind, token));
CREATE TABLE IF NOT EXISTS enrollment_tokens (
  token TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, used_at INTEGER, issued_at INTEGER);
CREATE TABLE IF NOT EXISTS patient_sessions (
  token TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id),
  terminal_id TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS patient_sessions_served ON patient_sessions (terminal_id, patient_id);
CREATE TABLE IF NOT EXISTS key_owners (key TEXT PRIMARY KEY, terminal_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terminal_groups (
  terminal_id TEXT PRIMARY KEY, group_name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scenes (
  group_name TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS booking_codes (
  code TEXT PRIMARY KEY, booking_id TEXT NOT NULL UNIQUE REFERENCES bookings(id));
CREATE TABLE IF NOT EXISTS session_scopes (
  token TEXT PRIMARY KEY REFERENCES patient_sessions(token), booking_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS checkins (
  booking_id TEXT PRIMARY KEY REFERENCES bookings(id), queue_number TEXT NOT NULL,
  session_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sms_verifications (
  id TEXT PRIMARY KEY, phone TEXT NOT NULL, purpose TEXT NOT NULL, code TEXT NOT NULL,
  sent_at INTEGER NOT NULL, tries_left INTEGER NOT NULL, used_by TEXT);
CREATE INDEX IF NOT EXISTS sms_verifications_phone ON sms_verifications (phone, sent_at);
CREATE TABLE IF NOT EXISTS sms_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, phone TEXT NOT NULL, text TEXT NOT NULL,
  sent_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS dependants (
  guardian_id TEXT NOT NULL REFERENCES patients(id), patient_id TEXT NOT NULL REFERENCES patients(id),
  relation TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (guardian_id, patient_id));
CREATE TABLE IF NOT EXISTS patient_phones (
  patient_id TEXT PRIMARY KEY REFERENCES patients(id), phone TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bills (
  id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id), category TEXT NOT NULL,
  title TEXT NOT NULL, doctor TEXT NOT NULL, department TEXT NOT NULL,
  performed_by TEXT NOT NULL, pay_group TEXT NOT NULL, guide TEXT NOT NULL, note TEXT NOT NULL,
  status TEXT NOT NULL, created_at INTEGER NOT NULL, items TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS insured (
  patient_id TEXT PRIMARY KEY REFERENCES patients(id), card_number TEXT NOT NULL UNIQUE,
  card_serial TEXT NOT NULL, status TEXT NOT NULL, region TEXT NOT NULL,
  account_fen INTEGER NOT NULL, deductible_left_fen INTEGER NOT NULL,
  fund_left_fen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS presettlements (
  id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, lock_id TEXT NOT NULL,
  patient_id TEXT NOT NULL, split TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS settlements (
  id TEXT PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, presettlement_id TEXT NOT NULL,
  lock_id TEXT NOT NULL, patient_id TEXT NOT NULL, status TEXT NOT NULL, split TEXT NOT NULL,
  settled_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS insurance_reversals (
  message_id TEXT PRIMARY KEY, patient_id TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bill_locks (
  id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patients(id), bill_ids TEXT NOT NULL,
  total_fen INTEGER NOT NULL, expires_at INTEGER NOT NULL, status TEXT NOT NULL, receipt TEXT,
  save_key TEXT);
CREATE TABLE IF NOT EXISTS bill_payments (
  id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, lock_id TEXT NOT NULL,
  patient_id TEXT NOT NULL, method TEXT NOT NULL, amount_fen INTEGER NOT NULL,
  status TEXT NOT NULL, paying_until INTEGER NOT NULL, created_at INTEGER NOT NULL,
  request TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS used_payment_codes (sha256 TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS e_invoices (
  id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id), lock_id TEXT UNIQUE,
  code TEXT NOT NULL, number TEXT NOT NULL, check_code TEXT NOT NULL,
  amount_fen INTEGER NOT NULL, issued_at INTEGER NOT NULL, UNIQUE (code, number));
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id), kind TEXT NOT NULL,
  title TEXT NOT NULL, department TEXT NOT NULL, doctor TEXT NOT NULL,
  ordered_at INTEGER NOT NULL, ready_at INTEGER NOT NULL, prints_left INTEGER NOT NULL,
  times_printed INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS report_prints (
  idempotency_key TEXT PRIMARY KEY, report_id TEXT NOT NULL, printed_at INTEGER NOT NULL);
)sql";

}  // namespace

Result<std::unique_ptr<PlatformStore>> PlatformStore::open(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
        Error error = dbError(db, "opening " + path.string());
        sqlite3_close(db);
        return error;
    }
    std::unique_ptr<PlatformStore> store(new PlatformStore(db));
    sqlite3_busy_timeout(db, 5000);
    if (auto s = store->execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"); !s)
        return s.error();
    if (auto s = store->execute(kSchema); !s) return s.error();
    if (auto s = store->seedIfEmpty(); !s) return s.error();
    return store;
}

PlatformStore::~PlatformStore() {
    sqlite3_close(db_);
}

Status PlatformStore::execute(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        Error error =
            makeError(ErrorKind::Io, "platform.db", message != nullptr ? message : "sqlite");
        sqlite3_free(message);
        return error;
    }
    return {};
}

Status PlatformStore::seedIfEmpty() {
    Statement count(db_, "SELECT COUNT(*) FROM departments");
    if (sqlite3_step(count.handle) != SQLITE_ROW) return dbError(db_, "counting departments");
    if (sqlite3_column_int(count.handle, 0) > 0) return {};
    struct Department {
        const char *id, *zh, *en, *pinyin, *categoryZh, *categoryEn;
    };
    // New departments go at the end: doctors are numbered in this order (D100 on).
    static constexpr std::array kDepartments = {
        Department{"NK", "内科", "Internal Medicine", "NK", "内科", "Medicine"},
        Department{"WK", "外科", "Surgery", "WK", "外科", "Surgery"},
        Department{"EK", "儿科", "Paediatrics", "EK", "儿科", "Children"},
        Department{"FCK", "妇产科", "Obstetrics and Gynaecology", "FCK", "妇产科", "Women"},
        Department{"YK", "眼科", "Ophthalmology", "YK", "五官科", "Eyes, ears, nose, throat"},
        Department{"XXGNK", "心血管内科", "Cardiology", "XXGNK", "内科", "Medicine"},
        Department{"GK", "骨科", "Orthopaedics", "GK", "外科", "Surgery"},
        Department{"EBHK", "耳鼻喉科", "Ear, Nose and Throat", "EBHK", "五官科",
                   "Eyes, ears, nose, throat"},
    };
    static constexpr std::array kTitles = {"主任医师", "副主任医师", "主治医师", "住院医师"};
    static constexpr std::array kFees_fen = {5000, 3000, 2000, 1000};
    static constexpr std::array kSurnames = {"李", "王", "张", "刘"};
    if (auto s = execute("BEGIN"); !s) return s;
    int doctor = 0;
    for (const auto& department : kDepartments) {
        Statement insert = prepared(db_, "INSERT INTO departments VALUES (?, ?, ?, ?, ?, ?)",
                                    {department.id, department.zh, department.en, department.pinyin,
                                     department.categoryZh, department.categoryEn});
        if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "seeding departments");
        for (std::size_t rank = 0; rank < kTitles.size(); ++rank, ++doctor) {
            Statement insertDoctor(db_, "INSERT INTO doctors VALUES (?, ?, ?, ?, ?, ?)");
            const std::string id = "D" + std::to_string(100 + doctor);
            const std::string name =
                std::string(kSurnames[rank]) + "医生" + std::to_string(doctor + 1);
            const std::string specialty = std::string(department.zh) + "常见病";
            insertDoctor.bind(1, id);
            insertDoctor.bind(2, department.id);
            insertDoctor.bind(3, name);
            insertDoctor.bind(4, kTitles[rank]);
            insertDoctor.bind(5, specialty);
            insertDoctor.bind(6, std::int64_t{kFees_fen[rank]});
            if (sqlite3_step(insertDoctor.handle) != SQLITE_DONE)
                return dbError(db_, "seeding doctors");
        }
        // 普通号: the department's own clinic, no named doctor, the lowest fee; "G" + the
        // department's id, so that the named doctors keep their numbers.
        Statement general =
            prepared(db_, "INSERT INTO doctors VALUES (?, ?, '普通号', '普通门诊', ?, 800)",
                     {std::string("G") + department.id, department.id,
                      std::string(department.zh) + "普通门诊"});
        if (sqlite3_step(general.handle) != SQLITE_DONE) return dbError(db_, "seeding clinics");
    }
    if (auto s = seedSchedule(isoDate(std::time(nullptr))); !s) return s;
    return execute("COMMIT");
}

Status PlatformStore::seedSchedule(const std::string& firstDate) {
    // 14 days from the first run: mornings 08:00-11:30 in 30-minute slices, afternoons
    // 13:30-16:30, three patients a slice.
    static constexpr std::array kMorning = {"08:00", "08:30", "09:00", "09:30",
                                            "10:00", "10:30", "11:00", "11:30"};
    static constexpr std::array kAfternoon = {"13:30", "14:00", "14:30", "15:00",
                                              "15:30", "16:00", "16:30"};
    std::tm first{};
    std::sscanf(firstDate.c_str(), "%d-%d-%d", &first.tm_year, &first.tm_mon, &first.tm_mday);
    first.tm_year -= 1900;
    first.tm_mon -= 1;
    first.tm_hour = 12;
    std::vector<std::string> doctorIds;
    {
        Statement query(db_, "SELECT id FROM doctors ORDER BY id");
        while (sqlite3_step(query.handle) == SQLITE_ROW)
            doctorIds.push_back(query.text(0));
    }
    for (int day = 0; day < 14; ++day) {
        std::tm date = first;
        date.tm_mday += day;
        const std::string iso = isoDate(std::mktime(&date));
        for (const auto& doctor : doctorIds) {
            for (const char* period : {"morning", "afternoon"}) {
                const std::string session = doctor + "-" + iso + "-" + period[0];
                Statement insert = prepared(
                    db_, "INSERT INTO sessions (id, doctor_id, date, period) VALUES (?,?,?,?)",
                    {session, doctor, iso, period});
                if (sqlite3_step(insert.handle) != SQLITE_DONE)
                    return dbError(db_, "seeding sessions");
                const auto& times =
                    std::string(period) == "morning"
                        ? std::vector<const char*>(kMorning.begin(), kMorning.end())
                        : std::vector<const char*>(kAfternoon.begin(), kAfternoon.end());
                for (std::size_t i = 0; i + 1 < times.size(); ++i) {
                    Statement slice(db_, "INSERT INTO slices VALUES (?,?,?,?,3)");
                    const std::string id = session + "-" + std::to_string(i + 1);
                    slice.bind(1, id);
                    slice.bind(2, session);
                    slice.bind(3, times[i]);
                    slice.bind(4, times[i + 1]);
                    if (sqlite3_step(slice.handle) != SQLITE_DONE)
                        return dbError(db_, "seeding slices");
                }
            }
        }
    }
    return {};
}

Result<std::vector<SliceRow>> PlatformStore::schedule(const std::string& doctorId,
                                                      const std::string& from,
                                                      const std::string& to) {
    std::lock_guard lock(mutex_);
    Statement query =
        prepared(db_,
                 "SELECT slices.id, sessions.id, sessions.date, sessions.period, slices.start, "
                 "slices.end, slices.remaining FROM slices JOIN sessions ON "
                 "slices.session_id = sessions.id WHERE sessions.doctor_id = ? AND "
                 "sessions.date BETWEEN ? AND ? ORDER BY sessions.date, slices.start",
                 {doctorId, from, to});
    std::vector<SliceRow> rows;
    while (sqlite3_step(query.handle) == SQLITE_ROW) {
        rows.push_back({query.text(0), query.text(1), query.text(2), query.text(3), query.text(4),
                        query.text(5), sqlite3_column_int(query.handle, 6)});
    }
    return rows;
}

Result<std::vector<PlatformStore::ClinicFeeRow>> PlatformStore::clinicFees() {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_,
                               "SELECT substr(id, 1, 1) = 'G' AS general, MIN(fee_fen), "
                               "MAX(fee_fen) FROM doctors GROUP BY general ORDER BY general DESC");
    std::vector<ClinicFeeRow> rows;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(query.handle)) == SQLITE_ROW) {
        rows.push_back({sqlite3_column_int(query.handle, 0) != 0,
                        sqlite3_column_int(query.handle, 1), sqlite3_column_int(query.handle, 2)});
    }
    if (step != SQLITE_DONE) return dbError(db_, "reading the fees");
    return rows;
}

Result<PatientRow> PlatformStore::findPatient(const std::string& idNumber) {
    std::lock_guard lock(mutex_);
    Statement query =
        prepared(db_, "SELECT id, id_number, name FROM patients WHERE id_number = ?", {idNumber});
    if (sqlite3_step(query.handle) != SQLITE_ROW) {
        return refusal("patient_unknown", "no patient with this identity");
    }
    return PatientRow{query.text(0), query.text(1), query.text(2)};
}

Result<PatientRow> PlatformStore::registerPatient(const std::string& idNumber,
                                                  const std::string& name) {
    {
        std::lock_guard lock(mutex_);
        // Opaque: nothing of the ID number, so ids can be neither guessed nor collide.
        auto id = randomId("P", 12);
        if (!id) return id.error();
        Statement insert(db_, "INSERT OR IGNORE INTO patients VALUES (?, ?, ?)");
        insert.bind(1, id.value());
        insert.bind(2, idNumber);
        insert.bind(3, name);
        if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "registering");
    }
    return findPatient(idNumber);
}

Status PlatformStore::setSliceCapacity(const std::string& sliceId, int capacity) {
    std::lock_guard lock(mutex_);
    Statement update = prepared(db_, "UPDATE slices SET remaining = ? WHERE id = ?",
                                {std::int64_t{capacity}, sliceId});
    if (sqlite3_step(update.handle) != SQLITE_DONE || sqlite3_changes(db_) != 1) {
        return refusal("not_found", "no such slice");
    }
    return {};
}

Status PlatformStore::releaseExpiredHolds(Clock::time_point now) {
    const auto nowSeconds = epochSeconds(now);
    Statement release =
        prepared(db_,
                 "UPDATE slices SET remaining = remaining + (SELECT COUNT(*) FROM bookings "
                 "WHERE bookings.slice_id = slices.id AND status = 'held' AND "
                 "hold_expires_at <= ?1) WHERE id IN (SELECT slice_id FROM bookings WHERE "
                 "status = 'held' AND hold_expires_at <= ?1)",
                 {nowSeconds});
    if (sqlite3_step(release.handle) != SQLITE_DONE) return dbError(db_, "releasing holds");
    Statement expire = prepared(
        db_,
        "UPDATE bookings SET status = 'expired' WHERE status = 'held' AND hold_expires_at <= ?",
        {nowSeconds});
    if (sqlite3_step(expire.handle) != SQLITE_DONE) return dbError(db_, "expiring holds");
    return {};
}

Result<BookingRow> PlatformStore::bookingById(const std::string& id) {
    Statement query = prepared(
        db_,
        "SELECT bookings.id, patient_id, slice_id, status, hold_expires_at, fee_fen, "
        "sessions.stopped, sessions.date, sessions.period, slices.start, slices.end, doctors.name, "
        "doctors.title, departments.name_zh, departments.name_en, booking_codes.code FROM "
        "bookings JOIN slices ON slices.id = slice_id JOIN sessions ON sessions.id = "
        "slices.session_id JOIN doctors ON doctors.id = sessions.doctor_id JOIN departments ON "
        "departments.id = doctors.department_id LEFT JOIN booking_codes ON "
        "booking_codes.booking_id = bookings.id WHERE bookings.id = ?",
        {id});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return refusal("not_found", "no such booking");
    sqlite3_stmt* row = query.handle;
    return BookingRow{columnText(row, 0),
                      columnText(row, 1),
                      columnText(row, 2),
                      columnText(row, 3),
                      isoDateTime(sqlite3_column_int64(row, 4)),
                      sqlite3_column_int(row, 5),
                      sqlite3_column_int(row, 6) != 0,
                      VisitRow{columnText(row, 7), columnText(row, 8), columnText(row, 9),
                               columnText(row, 10), columnText(row, 11), columnText(row, 12),
                               columnText(row, 13), columnText(row, 14)},
                      sqlite3_column_type(row, 15) == SQLITE_NULL ? "" : columnText(row, 15)};
}

std::optional<std::string> PlatformStore::rememberedResult(const std::string& key,
                                                           const std::string& request,
                                                           std::optional<Error>& conflict) {
    Statement seen =
        prepared(db_, "SELECT request, booking_id FROM idempotency WHERE key = ?", {key});
    if (sqlite3_step(seen.handle) != SQLITE_ROW) return std::nullopt;
    if (seen.text(0) != request) {
        conflict = refusal("idempotency_conflict", "this key was used for another request");
        return std::nullopt;
    }
    return seen.text(1);
}

Status PlatformStore::remember(const std::string& key, const std::string& request,
                               const std::string& resultId) {
    Statement insert =
        prepared(db_, "INSERT INTO idempotency VALUES (?, ?, ?)", {key, request, resultId});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "remembering the key");
    return {};
}

Status PlatformStore::setBookingStatus(const std::string& bookingId, const char* status) {
    Statement update =
        prepared(db_, "UPDATE bookings SET status = ? WHERE id = ?", {status, bookingId});
    if (sqlite3_step(update.handle) != SQLITE_DONE) return dbError(db_, "updating the booking");
    return {};
}

Result<std::vector<BookingRow>> PlatformStore::bookingsOf(const std::string& patientId, bool today,
                                                          Clock::time_point now) {
    std::lock_guard lock(mutex_);
    const std::string todayIso = isoDate(Clock::to_time_t(now));
    Statement query(db_,
                    today ? "SELECT bookings.id FROM bookings JOIN slices ON slices.id = slice_id "
                            "JOIN sessions ON sessions.id = slices.session_id WHERE patient_id = ? "
                            "AND sessions.date = ? ORDER BY slices.start"
                          : "SELECT bookings.id FROM bookings JOIN slices ON slices.id = slice_id "
                            "JOIN sessions ON sessions.id = slices.session_id WHERE patient_id = ? "
                            "AND sessions.date > ? ORDER BY sessions.date, slices.start");
    query.bind(1, patientId);
    query.bind(2, todayIso);
    std::vector<std::string> ids;
    while (sqlite3_step(query.handle) == SQLITE_ROW)
        ids.push_back(query.text(0));
    std::vector<BookingRow> rows;
    for (const auto& id : ids) {
        auto booking = bookingById(id);
        if (!booking) return booking.error();
        rows.push_back(booking.value());
    }
    return rows;
}

Result<BookingRow> PlatformStore::createBooking(const std::string& idempotencyKey,
                                                const std::string& patientId,
                                                const std::string& sliceId, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    auto booking = createBookingLocked(idempotencyKey, patientId, sliceId, now);
    if (!execute(booking ? "COMMIT" : "ROLLBACK")) return dbError(db_, "finishing the booking");
    return booking;
}

// A paid booking never checked in once its pickup window has closed is a no-show.
Status PlatformStore::creditBlock(const std::string& patientId, Clock::time_point now) {
    Statement paid =
        prepared(db_,
                 "SELECT sessions.date, sessions.period FROM bookings JOIN slices ON "
                 "slices.id = bookings.slice_id JOIN sessions ON sessions.id = "
                 "slices.session_id WHERE bookings.patient_id = ? AND bookings.status = "
                 "'paid'",
                 {patientId});
    std::vector<int> noShowDays;
    while (sqlite3_step(paid.handle) == SQLITE_ROW) {
        const int day = daysAhead(paid.text(0), now);
        if (day < 0 || (day == 0 && pickupClosed(paid.text(1), now, rules_)))
            noShowDays.push_back(day);
    }
    const auto dayAfter = [&](int days) {
        return isoDate(Clock::to_time_t(now) + static_cast<std::time_t>(days) * 86400);
    };
    if (const auto until = creditBlockedUntil(std::move(noShowDays), rules_.credit))
        return refusal("blacklisted", dayAfter(*until));
    // Booked too often: every booking paid for counts, kept, cancelled or missed alike.
    Statement made = prepared(db_,
                              "SELECT bookings.created_at FROM bookings WHERE patient_id = ? AND "
                              "EXISTS (SELECT 1 FROM payments WHERE payments.booking_id = "
                              "bookings.id AND payments.status IN ('captured', 'refunded'))",
                              {patientId});
    std::vector<int> bookingDays;
    while (sqlite3_step(made.handle) == SQLITE_ROW) {
        bookingDays.push_back(daysAhead(
            isoDate(static_cast<std::time_t>(sqlite3_column_int64(made.handle, 0))), now));
    }
    if (const auto until = bookingsBlockedUntil(std::move(bookingDays), rules_.credit)) {
        return refusal("too_many_bookings", std::to_string(rules_.credit.bookingLookback_days) +
                                                "|" + std::to_string(rules_.credit.maxBookings) +
                                                "|" + dayAfter(*until));
    }
    return {};
}

std::optional<Error> PlatformStore::bookingTimeRefusal(const SliceRow& slice,
                                                       Clock::time_point now) const {
    const int ahead = daysAhead(slice.date, now);
    if (ahead == 0 && (rules_.sameDayRegistration || rules_.bookingWindowFirst_days == 0)) {
        const int closes = registrationCloses_min(slice.period, rules_);
        const int minute = localMinuteOfDay(now);
        if (minute >= closes) return refusal("registration_closed", clockText(closes));
        if (minuteOfDay(slice.end) <= minute) return refusal("slice_over", slice.end);
        return std::nullopt;
    }
    if (!inBookingWindow(slice.date, now)) {
        return refusal("outside_booking_window", std::to_string(rules_.bookingWindowFirst_days) +
                                                     "-" +
                                                     std::to_string(rules_.bookingWindowLast_days));
    }
    return std::nullopt;
}

Result<BookingRow> PlatformStore::createBookingLocked(const std::string& idempotencyKey,
                                                      const std::string& patientId,
                                                      const std::string& sliceId,
                                                      Clock::time_point now) {
    const std::string request = patientId + "|" + sliceId;
    {
        Statement seen = prepared(db_, "SELECT request, booking_id FROM idempotency WHERE key = ?",
                                  {idempotencyKey});
        if (sqlite3_step(seen.handle) == SQLITE_ROW) {
            if (seen.text(0) != request) {
                return refusal("idempotency_conflict", "this key was used for another booking");
            }
            return bookingById(seen.text(1));
        }
    }
    if (auto released = releaseExpiredHolds(now); !released) return released.error();
    Statement slice =
        prepared(db_,
                 "SELECT sessions.date, sessions.doctor_id, sessions.stopped, sessions.period, "
                 "slices.end FROM slices JOIN sessions ON sessions.id = slices.session_id WHERE "
                 "slices.id = ?",
                 {sliceId});
    if (sqlite3_step(slice.handle) != SQLITE_ROW) return refusal("not_found", "no such slice");
    const std::string date = slice.text(0);
    const std::string doctor = slice.text(1);
    if (sqlite3_column_int(slice.handle, 2) != 0) {
        return refusal("session_stopped", "the doctor does not hold this session");
    }
    if (auto refused =
            bookingTimeRefusal({sliceId, {}, date, slice.text(3), {}, slice.text(4)}, now))
        return *refused;
    Statement mine =
        prepared(db_,
                 "SELECT COUNT(*), SUM(sessions.doctor_id = ?) FROM bookings JOIN slices ON "
                 "slices.id = bookings.slice_id JOIN sessions ON sessions.id = "
                 "slices.session_id WHERE bookings.patient_id = ? AND sessions.date = ? AND "
                 "bookings.status IN ('held', 'paid', 'checked_in') AND sessions.stopped = 0",
                 {doctor, patientId, date});
    sqlite3_step(mine.handle);
    if (sqlite3_column_int(mine.handle, 1) >= rules_.maxPerDoctorPerDay) {
        return refusal("limit_per_doctor", std::to_string(rules_.maxPerDoctorPerDay));
    }
    if (sqlite3_column_int(mine.handle, 0) >= rules_.maxPerDay) {
        return refusal("limit_per_day", std::to_string(rules_.maxPerDay));
    }
    if (auto blocked = creditBlock(patientId, now); !blocked) return blocked.error();
    Statement take =
        prepared(db_, "UPDATE slices SET remaining = remaining - 1 WHERE id = ? AND remaining > 0",
                 {sliceId});
    if (sqlite3_step(take.handle) != SQLITE_DONE) return dbError(db_, "taking a slot");
    if (sqlite3_changes(db_) != 1) return refusal("no_slots_left", "this time slice is full");

    static std::mt19937_64 random{std::random_device{}()};
    char id[24];
    std::snprintf(id, sizeof id, "B%016llx", static_cast<unsigned long long>(random()));
    const auto nowSeconds = epochSeconds(now);
    const auto expires = epochSeconds(now + rules_.unpaidHold);
    Statement insert = prepared(db_, "INSERT INTO bookings VALUES (?, ?, ?, 'held', ?, ?)",
                                {id, patientId, sliceId, expires, nowSeconds});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "recording the booking");
    // The booking code (预约码) on the voucher and in the SMS: eight digits, unique.
    for (int attempt = 0;; ++attempt) {
        char code[16];
        std::snprintf(code, sizeof code, "%08llu",
                      static_cast<unsigned long long>(random() % 100'000'000ULL));
        Statement issue =
            prepared(db_, "INSERT OR IGNORE INTO booking_codes VALUES (?, ?)", {code, id});
        if (sqlite3_step(issue.handle) != SQLITE_DONE) return dbError(db_, "issuing a code");
        if (sqlite3_changes(db_) == 1) break;
        if (attempt == 20) return dbError(db_, "no free booking code");
    }
    Statement remember =
        prepared(db_, "INSERT INTO idempotency VALUES (?, ?, ?)", {idempotencyKey, request, id});
    if (sqlite3_step(remember.handle) != SQLITE_DONE) return dbError(db_, "remembering the key");
    return bookingById(id);
}

Result<std::vector<DepartmentRow>> PlatformStore::departments() {
    std::lock_guard lock(mutex_);
    Statement query(db_,
                    "SELECT id, name_zh, name_en, pinyin, category_zh, category_en FROM "
                    "departments ORDER BY id");
    std::vector<DepartmentRow> rows;
    auto text = [&](int column) {
        return std::string(
            reinterpret_cast<const char*>(sqlite3_column_text(query.handle, column)));
    };
    while (sqlite3_step(query.handle) == SQLITE_ROW)
        rows.push_back({text(0), text(1), text(2), text(3), text(4), text(5)});
    return rows;
}

Result<std::vector<DoctorRow>> PlatformStore::doctors(const std::string& departmentId) {
    std::lock_guard lock(mutex_);
    Statement query =
        prepared(db_,
                 "SELECT id, department_id, name, title, specialty, fee_fen FROM doctors "
                 "WHERE department_id = ? ORDER BY fee_fen DESC, id",
                 {departmentId});
    std::vector<DoctorRow> rows;
    auto text = [&](int column) {
        return std::string(
            reinterpret_cast<const char*>(sqlite3_column_text(query.handle, column)));
    };
    while (sqlite3_step(query.handle) == SQLITE_ROW) {
        rows.push_back(
            {text(0), text(1), text(2), text(3), text(4), sqlite3_column_int(query.handle, 5)});
    }
    return rows;
}

bool PlatformStore::hasDoctor(const std::string& doctorId) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_, "SELECT 1 FROM doctors WHERE id = ?", {doctorId});
    return sqlite3_step(query.handle) == SQLITE_ROW;
}

}  // namespace lobby::sim
