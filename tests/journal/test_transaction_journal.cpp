// The transaction journal on a real SQLite file: durable steps, 0600, WAL + synchronous=FULL,
// no personal data, and the crash point killing the process only after its step is on disk.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "journal/transaction_journal.h"

using namespace lobby;
using namespace lobby::journal;

namespace {

class JournalFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("lobby-journal-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        file_ = dir_ / "state" / "journal.db";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::unique_ptr<TransactionJournal> openJournal() {
        auto journal = TransactionJournal::open(file_);
        EXPECT_TRUE(journal.ok()) << journal.error().message;
        return journal ? std::move(journal.value()) : nullptr;
    }
    std::string pragma(const char* name) {
        sqlite3* db = nullptr;
        sqlite3_open(file_.c_str(), &db);
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, (std::string("PRAGMA ") + name).c_str(), -1, &statement, nullptr);
        std::string value;
        if (sqlite3_step(statement) == SQLITE_ROW)
            value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
        sqlite3_close(db);
        return value;
    }
    std::filesystem::path dir_, file_;
};

}  // namespace

TEST_F(JournalFile, RecordsEachStepDurablyAcrossReopening) {
    std::int64_t id = 0;
    {
        auto journal = openJournal();
        ASSERT_TRUE(journal);
        auto begun = journal->begin(Kind::Booking, journal->patientRef("P0001"), "张*丰",
                                    Step::BookingCreated, "key-1", "", "wechat");
        ASSERT_TRUE(begun.ok()) << begun.error().message;
        id = begun.value();
        ASSERT_TRUE(journal->record(id, Step::BookingCreated, Phase::After, "key-1", "B1").ok());
        ASSERT_TRUE(journal->record(id, Step::PaymentStarted, Phase::Before, "key-2").ok());
    }
    auto journal = openJournal();
    auto open = journal->unfinished();
    ASSERT_TRUE(open.ok());
    ASSERT_EQ(open->size(), 1u);
    const Transaction& tx = open->front();
    EXPECT_EQ(tx.id, id);
    EXPECT_EQ(tx.kind, Kind::Booking);
    EXPECT_EQ(tx.step, Step::PaymentStarted);
    EXPECT_EQ(tx.phase, Phase::Before);
    EXPECT_EQ(tx.key, "key-2");
    EXPECT_EQ(tx.bookingId, "B1");  // kept from the earlier step
    EXPECT_EQ(tx.detail, "wechat");
    EXPECT_EQ(tx.maskedName, "张*丰");

    // A slip has no call: the transaction keeps the last call's key for the reprint.
    ASSERT_TRUE(journal->record(id, Step::SlipPrinted, Phase::Before, "").ok());
    EXPECT_EQ(journal->find(id)->key, "key-2");
    ASSERT_TRUE(journal->settle(id, State::Reprint, "paid; the voucher is owed").ok());
    EXPECT_TRUE(journal->unfinished()->empty());
    EXPECT_EQ(journal->reprintsFor(journal->patientRef("P0001"))->size(), 1u);
    EXPECT_TRUE(journal->reprintsFor(journal->patientRef("P0002"))->empty());
    // A settled transaction takes no more steps.
    EXPECT_FALSE(journal->record(id, Step::SlipPrinted, Phase::Before, "x").ok());
}

TEST_F(JournalFile, IsPrivateDurableAndHoldsNoPersonalData) {
    {
        auto journal = openJournal();
        ASSERT_TRUE(journal);
        ASSERT_TRUE(journal
                        ->begin(Kind::CheckIn, journal->patientRef("P10002X"), "张*丰",
                                Step::CheckedIn, "checkin-B7", "B7")
                        .ok());
        struct stat info {};
        ASSERT_EQ(::stat(file_.c_str(), &info), 0);
        EXPECT_EQ(info.st_mode & 0777, 0600u);
        const auto wal = file_.string() + "-wal";
        ASSERT_EQ(::stat(wal.c_str(), &info), 0);
        EXPECT_EQ(info.st_mode & 0777, 0600u);
    }
    EXPECT_EQ(pragma("journal_mode"), "wal");
    // The patient's id is stored only as a salted hash, the same for the same kiosk.
    std::ifstream in(file_, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    EXPECT_EQ(bytes.str().find("P10002X"), std::string::npos);
    auto journal = openJournal();
    const std::string ref = journal->patientRef("P10002X");
    EXPECT_EQ(ref.size(), 64u);
    EXPECT_EQ(journal->reprintsFor(ref)->size(), 0u);
    ASSERT_TRUE(journal->settle(journal->unfinished()->front().id, State::Reprint, "owed").ok());
    EXPECT_EQ(journal->reprintsFor(ref)->size(), 1u);
}

TEST_F(JournalFile, SyncsEveryCommitToDisk) {
    auto journal = openJournal();
    ASSERT_TRUE(journal);
    // synchronous is per connection, so it is read on the journal's own.
    EXPECT_EQ(journal->pragma("synchronous"), "2");  // FULL
    EXPECT_EQ(journal->pragma("journal_mode"), "wal");
}

TEST_F(JournalFile, CrashPointKillsOnlyAfterTheStepIsDurable) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        auto journal = TransactionJournal::open(file_);
        if (!journal) ::_exit(3);
        (*journal)->setCrashPoint(std::make_pair(Step::PaymentStarted, Phase::After));
        auto id = (*journal)->begin(Kind::Booking, "ref", "王*", Step::BookingCreated, "k1");
        if (!id) ::_exit(4);
        (void)(*journal)->record(*id, Step::BookingCreated, Phase::After, "k1", "B9");
        (void)(*journal)->record(*id, Step::PaymentStarted, Phase::Before, "k2");
        (void)(*journal)->record(*id, Step::PaymentStarted, Phase::After, "k2", "", "Y1");
        (void)(*journal)->record(*id, Step::PaymentConfirmed, Phase::After, "k2");
        ::_exit(0);  // not reached: killed at payment_started/after
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "exit status " << WEXITSTATUS(status);
    EXPECT_EQ(WTERMSIG(status), SIGKILL);
    auto journal = openJournal();
    auto open = journal->unfinished();
    ASSERT_EQ(open->size(), 1u);
    EXPECT_EQ(open->front().step, Step::PaymentStarted);
    EXPECT_EQ(open->front().phase, Phase::After);
    EXPECT_EQ(open->front().paymentId, "Y1");
}

TEST_F(JournalFile, PrunesOnlyClosedTransactions) {
    auto journal = openJournal();
    auto closed = journal->begin(Kind::Refund, "r", "李*", Step::RefundRequested, "c1", "B1");
    auto open = journal->begin(Kind::Refund, "r", "李*", Step::RefundRequested, "c2", "B2");
    ASSERT_TRUE(closed.ok() && open.ok());
    ASSERT_TRUE(journal->settle(*closed, State::Closed, "refunded").ok());
    auto pruned = journal->prune(std::numeric_limits<std::int64_t>::max());
    ASSERT_TRUE(pruned.ok());
    EXPECT_EQ(pruned.value(), 1);
    EXPECT_FALSE(journal->find(*closed).ok());
    EXPECT_TRUE(journal->find(*open).ok());
}

// A month of a busy kiosk's settled history: reading its open part and pruning its old part
// (both done as each patient leaves) must not bring the file into memory.
TEST_F(JournalFile, AMonthOfHistoryStaysOnDisk) {
    constexpr int kSettled = 30000;  // about 1,000 patients' transactions a day
    constexpr std::int64_t kNow_s = 2'000'000'000, kMonth_s = 30LL * 24 * 3600;
    std::int64_t open = 0;
    {
        auto journal = openJournal();
        ASSERT_TRUE(journal);
        auto begun = journal->begin(Kind::Booking, "p", "张*丰", Step::BookingCreated, "k", "", "");
        ASSERT_TRUE(begun.ok());
        open = *begun;
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file_.c_str(), &db), SQLITE_OK);
    // Settled transactions spread over 40 days, the first 10 past the month kept; three steps each.
    const std::string fill =
        "BEGIN; "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
        std::to_string(kSettled) +
        ") INSERT INTO transactions (kind, patient_ref, masked_name, booking_id, payment_id, "
        "detail, step, phase, step_key, state, outcome, opened_at, updated_at) "
        "SELECT 'booking', printf('patient-ref-%08d', i), '张*丰', printf('B%08d', i), "
        "printf('P%08d', i), 'wechat', 'voucher_printed', 'after', printf('key-%08d', i), "
        "'closed', 'booked, paid and printed', " +
        std::to_string(kNow_s - 40 * 24 * 3600) + " + i * (40 * 24 * 3600 / " +
        std::to_string(kSettled) + "), 0 FROM n; " +
        "INSERT INTO steps SELECT id, 'booking_created', 'after', step_key, opened_at "
        "FROM transactions WHERE state = 'closed'; "
        "INSERT INTO steps SELECT id, 'payment_started', 'after', step_key, opened_at "
        "FROM transactions WHERE state = 'closed'; "
        "INSERT INTO steps SELECT id, 'voucher_printed', 'after', step_key, opened_at "
        "FROM transactions WHERE state = 'closed'; COMMIT;";
    char* message = nullptr;
    ASSERT_EQ(sqlite3_exec(db, fill.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << (message ? message : "");
    sqlite3_close(db);
    ASSERT_GT(std::filesystem::file_size(file_), 8u * 1024 * 1024);  // checkpointed at close
    sqlite3_memory_highwater(1);                                     // from here, the journal alone

    auto journal = openJournal();
    ASSERT_TRUE(journal);
    auto pruned = journal->prune(kNow_s - kMonth_s);
    ASSERT_TRUE(pruned.ok()) << pruned.error().message;
    EXPECT_NEAR(pruned.value(), kSettled / 4, 20);  // ten days of forty, to whole seconds
    auto unfinished = journal->unfinished();
    ASSERT_TRUE(unfinished.ok());
    ASSERT_EQ(unfinished->size(), 1u);
    EXPECT_EQ(unfinished->front().id, open);
    // SQLite's own allocations (this connection is the process's only one): the page cache
    // stays at its bound instead of filling with the file.
    EXPECT_LT(sqlite3_memory_highwater(0), 1024 * 1024);
}

TEST_F(JournalFile, EveryKindIsReadBackAsWritten) {
    auto journal = openJournal();
    for (Kind kind : {Kind::Booking, Kind::CheckIn, Kind::Refund, Kind::HeldPayment}) {
        auto id = journal->begin(kind, "r", "李*", Step::PaymentStarted,
                                 "key-" + std::string(nameOf(kind)), "B1");
        ASSERT_TRUE(id.ok());
        auto found = journal->find(*id);
        ASSERT_TRUE(found.ok());
        EXPECT_EQ(found->kind, kind) << nameOf(kind);
    }
}

TEST_F(JournalFile, RefusesAFileItCannotCreate) {
    auto journal = TransactionJournal::open("/proc/lobby-no/journal.db");
    ASSERT_FALSE(journal.ok());
    EXPECT_EQ(journal.error().code, "journal.open");
}

TEST(JournalNames, StepNamesRoundTrip) {
    for (Step step :
         {Step::BookingCreated, Step::PaymentStarted, Step::PaymentConfirmed, Step::HoldReleased,
          Step::CheckedIn, Step::RefundRequested, Step::RefundConfirmed, Step::SlipPrinted}) {
        EXPECT_EQ(stepNamed(nameOf(step)), step);
    }
    EXPECT_FALSE(stepNamed("nonsense").has_value());
}
