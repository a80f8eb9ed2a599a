// Who may see and act on a patient's records in the sandbox store. A patient identified at a
// terminal gets a short-lived session (an opaque token) that the terminal's patient-scoped calls
// carry; without one, a terminal reaches only the records of patients it served in the last day
// (its own recovery of calls whose replies were lost), and only idempotency keys it used itself.
#include <openssl/rand.h>

#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"
#include "sim/platform/store_time.h"

namespace lobby::sim {
using namespace sql;
using namespace store_time;

namespace {

constexpr std::int64_t kSessionLifetime_s = 30 * 60;
constexpr std::int64_t kTerminalMemory_s = 24 * 60 * 60;

}  // namespace

Result<std::string> randomId(const char* prefix, int bytes) {
    unsigned char random[32];
    if (bytes > 32 || RAND_bytes(random, bytes) != 1)
        return makeError(ErrorKind::Internal, "platform.random", "no randomness for an id");
    std::string id = prefix;
    for (int i = 0; i < bytes; ++i) {
        static const char kHex[] = "0123456789abcdef";
        id += kHex[random[i] >> 4];
        id += kHex[random[i] & 15];
    }
    return id;
}

Result<PatientSessionRow> PlatformStore::openPatientSession(const std::string& patientId,
                                                            const std::string& terminalId,
                                                            Clock::time_point now,
                                                            const std::string& bookingScope) {
    auto token = randomId("S", 24);
    if (!token) return token.error();
    const std::int64_t at = epochSeconds(now);
    std::lock_guard lock(mutex_);
    Statement insert =
        prepared(db_, "INSERT INTO patient_sessions VALUES (?, ?, ?, ?, ?)",
                 {token.value(), patientId, terminalId, at, at + kSessionLifetime_s});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "opening a session");
    if (!bookingScope.empty()) {
        Statement scope = prepared(db_, "INSERT INTO session_scopes VALUES (?, ?)",
                                   {token.value(), bookingScope});
        if (sqlite3_step(scope.handle) != SQLITE_DONE) return dbError(db_, "scoping a session");
    }
    return PatientSessionRow{token.value(), patientId, isoDateTime(at + kSessionLifetime_s)};
}

std::optional<std::string> PlatformStore::sessionPatient(const std::string& token,
                                                         const std::string& terminalId,
                                                         Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_,
                               "SELECT patient_id FROM patient_sessions WHERE token = ? AND "
                               "terminal_id = ? AND expires_at > ?",
                               {token, terminalId, epochSeconds(now)});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return std::nullopt;
    return query.text(0);
}

std::string PlatformStore::sessionBookingScope(const std::string& token) {
    std::lock_guard lock(mutex_);
    Statement query =
        prepared(db_, "SELECT booking_id FROM session_scopes WHERE token = ?", {token});
    return sqlite3_step(query.handle) == SQLITE_ROW ? query.text(0) : std::string();
}

bool PlatformStore::servedAt(const std::string& terminalId, const std::string& patientId,
                             Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_,
                               "SELECT 1 FROM patient_sessions WHERE terminal_id = ? AND "
                               "patient_id = ? AND created_at > ?",
                               {terminalId, patientId, epochSeconds(now) - kTerminalMemory_s});
    return sqlite3_step(query.handle) == SQLITE_ROW;
}

bool PlatformStore::claimKey(const std::string& key, const std::string& terminalId) {
    {
        std::lock_guard lock(mutex_);
        Statement claim =
            prepared(db_, "INSERT OR IGNORE INTO key_owners VALUES (?, ?)", {key, terminalId});
        sqlite3_step(claim.handle);
    }
    // A key's owner, once written, never changes.
    return keyOwner(key) == terminalId;
}

std::optional<std::string> PlatformStore::keyOwner(const std::string& key) {
    std::lock_guard lock(mutex_);
    Statement owner = prepared(db_, "SELECT terminal_id FROM key_owners WHERE key = ?", {key});
    if (sqlite3_step(owner.handle) != SQLITE_ROW) return std::nullopt;
    return owner.text(0);
}

std::optional<std::string> PlatformStore::patientOfBooking(const std::string& bookingId) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_, "SELECT patient_id FROM bookings WHERE id = ?", {bookingId});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return std::nullopt;
    return query.text(0);
}

std::optional<std::string> PlatformStore::bookingOfPayment(const std::string& paymentId) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_, "SELECT booking_id FROM payments WHERE id = ?", {paymentId});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return std::nullopt;
    return query.text(0);
}

Result<PatientRow> PlatformStore::patientById(const std::string& patientId) {
    std::lock_guard lock(mutex_);
    Statement query =
        prepared(db_, "SELECT id, id_number, name FROM patients WHERE id = ?", {patientId});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return refusal("patient_unknown", "no patient");
    return PatientRow{query.text(0), query.text(1), query.text(2)};
}

Result<BookingRow> PlatformStore::bookingByCode(const std::string& code) {
    const std::string digits = code.rfind("YYD", 0) == 0 ? code.substr(3) : code;
    if (digits.size() != 8 || digits.find_first_not_of("0123456789") != std::string::npos)
        return refusal("token_unknown", "not a booking code");
    std::lock_guard lock(mutex_);
    Statement query =
        prepared(db_, "SELECT booking_id FROM booking_codes WHERE code = ?", {digits});
    if (sqlite3_step(query.handle) != SQLITE_ROW)
        return refusal("token_unknown", "no booking with this code");
    auto booking = bookingById(query.text(0));
    if (!booking) return booking.error();
    if (booking->status != "held" && booking->status != "paid" && booking->status != "checked_in")
        return refusal("token_unknown", "the booking is " + booking->status);
    return booking;
}

std::optional<std::string> PlatformStore::patientOfPayment(const std::string& paymentId) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_,
                               "SELECT bookings.patient_id FROM payments JOIN bookings ON "
                               "bookings.id = payments.booking_id WHERE payments.id = ?",
                               {paymentId});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return std::nullopt;
    return query.text(0);
}

}  // namespace lobby::sim
