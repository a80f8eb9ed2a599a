#include "journal/transaction_journal.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <system_error>

#include "common/sqlite_statement.h"

namespace lobby::journal {
namespace {

constexpr int kBusyTimeout_ms = 2000;
// The journal keeps a month of settled history, and each patient's leaving reads its open part:
// SQLite's default cache (2 MB) would come to hold most of the file. What is read at once is a
// handful of rows.
constexpr int kPageCache_KiB = 256;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS transactions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, patient_ref TEXT NOT NULL,
  masked_name TEXT NOT NULL, booking_id TEXT NOT NULL DEFAULT '',
  payment_id TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '', step TEXT NOT NULL,
  phase TEXT NOT NULL, step_key TEXT NOT NULL, state TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '', opened_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS steps (
  transaction_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
  step TEXT NOT NULL, phase TEXT NOT NULL, step_key TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS transactions_by_state ON transactions(state, patient_ref);
CREATE INDEX IF NOT EXISTS transactions_by_age ON transactions(state, opened_at);
CREATE INDEX IF NOT EXISTS steps_by_transaction ON steps(transaction_id);
)sql";

constexpr const char* kColumns =
    "SELECT id, kind, patient_ref, masked_name, booking_id, payment_id, detail, step, phase, "
    "step_key, state, outcome, opened_at FROM transactions ";

Error dbError(sqlite3* db, const std::string& what) {
    return makeError(ErrorKind::Io, "journal.db", what + ": " + sqlite3_errmsg(db));
}

std::int64_t nowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

using sqlite::Statement;

std::string hex(const unsigned char* bytes, std::size_t size) {
    std::string out;
    char pair[3];
    for (std::size_t i = 0; i < size; ++i) {
        std::snprintf(pair, sizeof pair, "%02x", bytes[i]);
        out += pair;
    }
    return out;
}

template <typename Enum, std::size_t N>
std::optional<Enum> named(std::string_view name, const std::array<Enum, N>& all) {
    for (Enum value : all) {
        if (nameOf(value) == name) return value;
    }
    return std::nullopt;
}

constexpr std::array kKinds{Kind::Booking, Kind::CheckIn,      Kind::Refund, Kind::HeldPayment,
                            Kind::Move,    Kind::Registration, Kind::Bills};
constexpr std::array kSteps{Step::BookingCreated,  Step::PaymentStarted,   Step::PaymentConfirmed,
                            Step::HoldReleased,    Step::CheckedIn,        Step::RefundRequested,
                            Step::RefundConfirmed, Step::BookingMoved,     Step::SlipPrinted,
                            Step::BillsLocked,     Step::InsuranceSettled, Step::BillsSaved};

std::string_view nameOfState(State state) {
    switch (state) {
        case State::Open:
            return "open";
        case State::Reprint:
            return "reprint";
        case State::Closed:
            return "closed";
    }
    return "open";
}

}  // namespace

std::string_view nameOf(Kind kind) {
    switch (kind) {
        case Kind::Booking:
            return "booking";
        case Kind::CheckIn:
            return "checkin";
        case Kind::Refund:
            return "refund";
        case Kind::HeldPayment:
            return "held_payment";
        case Kind::Move:
            return "move";
        case Kind::Registration:
            return "registration";
        case Kind::Bills:
            return "bills";
    }
    return "booking";
}

std::string_view nameOf(Step step) {
    switch (step) {
        case Step::BookingCreated:
            return "booking_created";
        case Step::PaymentStarted:
            return "payment_started";
        case Step::PaymentConfirmed:
            return "payment_confirmed";
        case Step::HoldReleased:
            return "hold_released";
        case Step::CheckedIn:
            return "checked_in";
        case Step::RefundRequested:
            return "refund_requested";
        case Step::RefundConfirmed:
            return "refund_confirmed";
        case Step::BookingMoved:
            return "booking_moved";
        case Step::SlipPrinted:
            return "slip_printed";
        case Step::BillsLocked:
            return "bills_locked";
        case Step::InsuranceSettled:
            return "insurance_settled";
        case Step::BillsSaved:
            return "bills_saved";
    }
    return "booking_created";
}

std::string_view nameOf(Phase phase) {
    return phase == Phase::Before ? "before" : "after";
}

std::optional<Step> stepNamed(std::string_view name) {
    return named(name, kSteps);
}

Result<std::unique_ptr<TransactionJournal>> TransactionJournal::open(
    const std::filesystem::path& file) {
    std::error_code error;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
    // Made 0600 before SQLite sees it: SQLite gives its -wal and -shm files the same mode.
    // Never through a symlink: kioskctl opens it as root in a directory the kiosk user owns.
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == ELOOP) {
            return makeError(ErrorKind::Io, "journal.symlink",
                             file.string() + " is a symlink; refusing to follow it");
        }
        return makeError(ErrorKind::Io, "journal.open", "cannot create " + file.string());
    }
    ::fchmod(fd, 0600);
    ::close(fd);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW,
                        nullptr) != SQLITE_OK) {
        Error failure = dbError(db, "opening " + file.string());
        sqlite3_close(db);
        return failure;
    }
    sqlite3_busy_timeout(db, kBusyTimeout_ms);
    std::unique_ptr<TransactionJournal> journal(new TransactionJournal(db, {}));
    const std::string cacheSize = "PRAGMA cache_size=-" + std::to_string(kPageCache_KiB);
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                               "PRAGMA foreign_keys=ON", cacheSize.c_str()}) {
        if (auto done = journal->execute(pragma); !done) return done.error();
    }
    if (auto created = journal->execute(kSchema); !created) return created.error();
    Statement salt(db, "SELECT value FROM meta WHERE key = 'salt'");
    if (sqlite3_step(salt.handle) == SQLITE_ROW) {
        journal->salt_ = salt.text(0);
    } else {
        std::array<unsigned char, 16> bytes{};
        if (RAND_bytes(bytes.data(), bytes.size()) != 1)
            return makeError(ErrorKind::Internal, "journal.salt", "no randomness for the salt");
        journal->salt_ = hex(bytes.data(), bytes.size());
        Statement insert(db, "INSERT INTO meta VALUES ('salt', ?)");
        insert.bind(1, journal->salt_);
        if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db, "storing the salt");
    }
    return journal;
}

TransactionJournal::~TransactionJournal() {
    sqlite3_close(db_);
}

Status TransactionJournal::execute(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message != nullptr ? message : "unknown";
        sqlite3_free(message);
        return makeError(ErrorKind::Io, "journal.db", text);
    }
    return {};
}

void TransactionJournal::crashIfAt(Step step, Phase phase) const {
    if (crashPoint_ && crashPoint_->first == step && crashPoint_->second == phase) {
        std::fprintf(stderr, "journal: crash point %s/%s reached\n", nameOf(step).data(),
                     nameOf(phase).data());
        ::raise(SIGKILL);
    }
}

std::string TransactionJournal::pragma(const char* name) {
    Statement read(db_, (std::string("PRAGMA ") + name).c_str());
    return sqlite3_step(read.handle) == SQLITE_ROW ? read.text(0) : std::string();
}

std::string TransactionJournal::patientRef(const std::string& patientId) const {
    const std::string input = salt_ + ":" + patientId;
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &size, EVP_sha256(), nullptr);
    return hex(digest.data(), size);
}

Result<std::int64_t> TransactionJournal::begin(Kind kind, const std::string& patientRef,
                                               const std::string& maskedName, Step step,
                                               const std::string& key, const std::string& bookingId,
                                               const std::string& detail) {
    const std::int64_t now = nowSeconds();
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    Statement insert(db_,
                     "INSERT INTO transactions (kind, patient_ref, masked_name, booking_id, "
                     "detail, step, phase, step_key, state, opened_at, updated_at) VALUES "
                     "(?, ?, ?, ?, ?, ?, 'before', ?, 'open', ?, ?)");
    insert.bind(1, nameOf(kind)).bind(2, patientRef).bind(3, maskedName).bind(4, bookingId);
    insert.bind(5, detail).bind(6, nameOf(step)).bind(7, key).bind(8, now).bind(9, now);
    if (sqlite3_step(insert.handle) != SQLITE_DONE) {
        Error failure = dbError(db_, "opening a transaction");
        (void)execute("ROLLBACK");
        return failure;
    }
    const std::int64_t id = sqlite3_last_insert_rowid(db_);
    Statement logged(db_, "INSERT INTO steps VALUES (?, ?, 'before', ?, ?)");
    logged.bind(1, id).bind(2, nameOf(step)).bind(3, key).bind(4, now);
    if (sqlite3_step(logged.handle) != SQLITE_DONE) {
        Error failure = dbError(db_, "logging a step");
        (void)execute("ROLLBACK");
        return failure;
    }
    if (auto committed = execute("COMMIT"); !committed) return committed.error();
    crashIfAt(step, Phase::Before);
    return id;
}

Status TransactionJournal::record(std::int64_t transaction, Step step, Phase phase,
                                  const std::string& key, const std::string& bookingId,
                                  const std::string& paymentId, const std::string& detail) {
    const std::int64_t now = nowSeconds();
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun;
    Statement update(db_,
                     "UPDATE transactions SET step = ?1, phase = ?2, step_key = CASE WHEN ?3 = '' "
                     "THEN step_key ELSE ?3 END, booking_id = CASE WHEN ?4 = '' THEN booking_id "
                     "ELSE ?4 END, payment_id = CASE WHEN ?5 = '' THEN payment_id ELSE ?5 END, "
                     "detail = CASE WHEN ?8 = '' THEN detail ELSE ?8 END, "
                     "updated_at = ?6 WHERE id = ?7 AND state = 'open'");
    update.bind(1, nameOf(step)).bind(2, nameOf(phase)).bind(3, key).bind(4, bookingId);
    update.bind(5, paymentId).bind(6, now).bind(7, transaction).bind(8, detail);
    Statement logged(db_, "INSERT INTO steps VALUES (?, ?, ?, ?, ?)");
    logged.bind(1, transaction).bind(2, nameOf(step)).bind(3, nameOf(phase)).bind(4, key);
    logged.bind(5, now);
    if (sqlite3_step(update.handle) != SQLITE_DONE || sqlite3_changes(db_) != 1 ||
        sqlite3_step(logged.handle) != SQLITE_DONE) {
        Error failure = sqlite3_changes(db_) == 1
                            ? dbError(db_, "recording a step")
                            : makeError(ErrorKind::NotFound, "journal.not_open",
                                        "no open transaction " + std::to_string(transaction));
        (void)execute("ROLLBACK");
        return failure;
    }
    if (auto committed = execute("COMMIT"); !committed) return committed;
    crashIfAt(step, phase);
    return {};
}

Status TransactionJournal::settle(std::int64_t transaction, State state, const std::string& outcome,
                                  const std::string& bookingId, const std::string& paymentId) {
    Statement update(db_,
                     "UPDATE transactions SET state = ?, outcome = ?, updated_at = ?, booking_id = "
                     "CASE WHEN ? = '' THEN booking_id ELSE ? END, payment_id = CASE WHEN ? = '' "
                     "THEN payment_id ELSE ? END WHERE id = ?");
    update.bind(1, nameOfState(state)).bind(2, outcome).bind(3, nowSeconds()).bind(4, bookingId);
    update.bind(5, bookingId).bind(6, paymentId).bind(7, paymentId).bind(8, transaction);
    if (sqlite3_step(update.handle) != SQLITE_DONE) return dbError(db_, "settling");
    if (sqlite3_changes(db_) != 1) {
        return makeError(ErrorKind::NotFound, "journal.unknown",
                         "no transaction " + std::to_string(transaction));
    }
    return {};
}

Result<std::vector<Transaction>> TransactionJournal::query(const char* sql,
                                                           const std::string& parameter) {
    Statement select(db_, (std::string(kColumns) + sql).c_str());
    if (select.handle == nullptr) return dbError(db_, "querying");
    if (!parameter.empty()) select.bind(1, parameter);
    std::vector<Transaction> rows;
    int status;
    while ((status = sqlite3_step(select.handle)) == SQLITE_ROW) {
        Transaction row;
        row.id = sqlite3_column_int64(select.handle, 0);
        row.kind = named(select.text(1), kKinds).value_or(Kind::Booking);
        row.patientRef = select.text(2);
        row.maskedName = select.text(3);
        row.bookingId = select.text(4);
        row.paymentId = select.text(5);
        row.detail = select.text(6);
        row.step = stepNamed(select.text(7)).value_or(Step::BookingCreated);
        row.phase = select.text(8) == "after" ? Phase::After : Phase::Before;
        row.key = select.text(9);
        const std::string state = select.text(10);
        row.state =
            state == "open" ? State::Open : (state == "reprint" ? State::Reprint : State::Closed);
        row.outcome = select.text(11);
        row.openedAt_s = sqlite3_column_int64(select.handle, 12);
        rows.push_back(std::move(row));
    }
    if (status != SQLITE_DONE) return dbError(db_, "reading transactions");
    return rows;
}

Result<Transaction> TransactionJournal::find(std::int64_t transaction) {
    auto rows = query("WHERE id = ?", std::to_string(transaction));
    if (!rows) return rows.error();
    if (rows->empty()) {
        return makeError(ErrorKind::NotFound, "journal.unknown",
                         "no transaction " + std::to_string(transaction));
    }
    return rows->front();
}

Result<std::vector<Transaction>> TransactionJournal::unfinished() {
    return query("WHERE state = 'open' ORDER BY id", {});
}

Result<std::vector<Transaction>> TransactionJournal::reprintsFor(const std::string& patientRef) {
    if (patientRef.empty()) return std::vector<Transaction>{};
    return query("WHERE state = 'reprint' AND patient_ref = ? ORDER BY id", patientRef);
}

Result<int> TransactionJournal::prune(std::int64_t before_s) {
    Statement remove(db_, "DELETE FROM transactions WHERE state = 'closed' AND opened_at < ?");
    remove.bind(1, before_s);
    if (sqlite3_step(remove.handle) != SQLITE_DONE) return dbError(db_, "pruning");
    return sqlite3_changes(db_);
}

}  // namespace lobby::journal
