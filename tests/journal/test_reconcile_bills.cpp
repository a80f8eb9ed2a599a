// 门诊缴费 left open by a killed kiosk or a lost reply, settled by the reconciler against the
// sandbox with no patient at the kiosk: completed when every leg it needs went through (the
// guide slip then owed), undone leg by leg otherwise; the ledger audited after each.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/journal/reconcile_rig.h"

using namespace lobby;
using namespace lobby::journal;
using Action = Resolution::Action;
using platform::BillPayMethod;
using platform::InsuranceCredential;

namespace {

class BillsReconcileRig : public journal::testing::ReconcileRig {
protected:
    void SetUp() override {
        ReconcileRig::SetUp();
        for (const char* kind : {"drugs", "blood"}) {
            auto bill = store_->seedBill(patientId_, kind, sim::Clock::now());
            ASSERT_TRUE(bill.ok()) << bill.error().message;
            billIds_.push_back(bill->id);
        }
    }
    void insure() {
        ASSERT_TRUE(store_->insure(patientId_, "SSC0001", "SERIAL01", "active", "local", 5'000));
    }
    std::string lock(const std::string& key = "lock-1") {
        auto locked = client_->lockBills(patientId_, billIds_, key);
        EXPECT_TRUE(locked.ok()) << locked.error().message;
        return locked ? locked->id : std::string();
    }
    platform::Presettlement price(const std::string& lockId) {
        InsuranceCredential card;
        card.cardNumber = "SSC0001";
        card.cardSerial = "SERIAL01";
        auto priced = client_->presettle(lockId, card, "price-" + lockId);
        EXPECT_TRUE(priced.ok()) << priced.error().message;
        return priced ? priced.value() : platform::Presettlement{};
    }
    // The lock is kept where a booking's id is, the insurance message id in `detail`.
    static Transaction billsTx(Step step, Phase phase, std::string key, std::string lockId = {},
                               std::string messageId = {}, std::string paymentId = {}) {
        return openTx(Kind::Bills, step, phase, std::move(key), std::move(lockId),
                      std::move(paymentId), std::move(messageId));
    }
    // The patient has left: the reconciler works on the terminal's own standing.
    Resolution settleAlone(const Transaction& tx) {
        client_->forgetPatientSession();
        return reconcile(*client_, tx);
    }
    // Both legs in, not saved: insured, priced, settled under `messageId`, the cash part paid
    // with a payment code under `payKey`. The lock's id and the payment.
    std::pair<std::string, platform::BillPayment> paidNotSaved(const std::string& messageId,
                                                               const std::string& code,
                                                               const std::string& payKey) {
        insure();
        const std::string lockId = lock();
        const auto priced = price(lockId);
        EXPECT_TRUE(client_->settle(priced.id, messageId).ok());
        auto paid = client_->payBills(lockId, BillPayMethod::PaymentCode, priced.id, code, payKey);
        EXPECT_TRUE(paid.ok()) << paid.error().message;
        EXPECT_EQ(paid ? paid->status : platform::BillPaymentStatus::Failed,
                  platform::BillPaymentStatus::Captured);
        return {lockId, paid ? paid.value() : platform::BillPayment{}};
    }
    // The sandbox's own file, as a second connection would see it (WAL): the first column of
    // the first row, or "".
    std::string sql(const std::string& query) {
        sqlite3* db = nullptr;
        std::string value;
        if (sqlite3_open((dir_ / "platform.db").c_str(), &db) == SQLITE_OK) {
            sqlite3_busy_timeout(db, 2000);
            sqlite3_stmt* statement = nullptr;
            if (sqlite3_prepare_v2(db, query.c_str(), -1, &statement, nullptr) == SQLITE_OK) {
                int stepped = sqlite3_step(statement);
                if (stepped == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr)
                    value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
                EXPECT_TRUE(stepped == SQLITE_ROW || stepped == SQLITE_DONE) << query;
            } else {
                ADD_FAILURE() << sqlite3_errmsg(db) << ": " << query;
            }
            sqlite3_finalize(statement);
        }
        sqlite3_close(db);
        return value;
    }
    std::string lockStatus(const std::string& lockId) {
        return sql("SELECT status FROM bill_locks WHERE id = '" + lockId + "'");
    }
    std::string column(const std::string& table, const std::string& column, const std::string& id) {
        return sql("SELECT " + column + " FROM " + table + " WHERE id = '" + id + "'");
    }

    std::vector<std::string> billIds_;
};

}  // namespace

TEST_F(BillsReconcileRig, ALockWhoseReplyWasLostIsLetGo) {
    const std::string lockId = lock("lock-lost");
    auto resolution = settleAlone(billsTx(Step::BillsLocked, Phase::Before, "lock-lost"));
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(resolution.bookingId, lockId);
    EXPECT_EQ(lockStatus(lockId), "released");
    expectCleanLedger();
}

TEST_F(BillsReconcileRig, NothingLockedIsClosedWithNothingToUndo) {
    auto resolution = settleAlone(billsTx(Step::BillsLocked, Phase::Before, "lock-never"));
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(resolution.outcome, "the platform locked nothing");
}

TEST_F(BillsReconcileRig, AnInsuranceSettledWithoutItsCashIsCancelledOnce) {
    insure();
    const std::string lockId = lock();
    const auto priced = price(lockId);
    ASSERT_TRUE(client_->settle(priced.id, "msg-1").ok());
    // Killed before the cash leg's call was answered; the platform never saw it.
    const Transaction tx =
        billsTx(Step::PaymentStarted, Phase::Before, "pay-never", lockId, "msg-1");
    auto resolution = settleAlone(tx);
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(resolution.outcome, "not paid in full; every leg undone");
    auto settlement = client_->settlementByMessage("msg-1");
    ASSERT_TRUE(settlement.ok()) << settlement.error().message;
    EXPECT_EQ(settlement->status, platform::SettlementStatus::Cancelled);
    EXPECT_EQ(lockStatus(lockId), "released");
    // Again (a second kiosk start, a late timer): nothing more happens.
    EXPECT_EQ(settleAlone(tx).action, Action::Close);
    expectCleanLedger();
}

TEST_F(BillsReconcileRig, AnInsuredPaymentWhoseCashWasCapturedIsSavedAndTheSlipOwed) {
    const auto [lockId, paid] = paidNotSaved("msg-2", "134567890123456789", "pay-2");
    // The capture's reply was lost: the kiosk knew only the key.
    const Transaction tx = billsTx(Step::PaymentStarted, Phase::Before, "pay-2", lockId, "msg-2");
    auto resolution = settleAlone(tx);
    EXPECT_EQ(resolution.action, Action::Reprint) << resolution.outcome;
    EXPECT_EQ(resolution.paymentId, paid.id);
    EXPECT_EQ(lockStatus(lockId), "saved");
    const std::string receipt = column("bill_locks", "receipt", lockId);
    EXPECT_FALSE(receipt.empty());
    // Settled again, the same receipt: saved once, charged once.
    EXPECT_EQ(settleAlone(tx).action, Action::Reprint);
    EXPECT_EQ(column("bill_locks", "receipt", lockId), receipt);
    EXPECT_EQ(column("bill_payments", "status", paid.id), "captured");
    expectCleanLedger();
}

TEST_F(BillsReconcileRig, ASelfPaidQrLeftPendingIsReversedAndTheLockLetGo) {
    const std::string lockId = lock();
    auto started = client_->payBills(lockId, BillPayMethod::WeChat, "", "", "pay-qr");
    ASSERT_TRUE(started.ok()) << started.error().message;
    auto resolution =
        settleAlone(billsTx(Step::PaymentStarted, Phase::After, "pay-qr", lockId, "", started->id));
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(column("bill_payments", "status", started->id), "reversed");
    EXPECT_EQ(lockStatus(lockId), "released");
    // The patient's phone confirms it afterwards: too late, nothing is taken.
    auto late = store_->captureBillPayment(started->id);
    ASSERT_TRUE(late.ok());
    EXPECT_EQ(late->status, "reversed");
    expectCleanLedger();
}

TEST_F(BillsReconcileRig, ASaveTheHisRefusesUndoesBothLegs) {
    const auto [lockId, paid] = paidNotSaved("msg-3", "254567890123456789", "pay-3");
    // The lock ran out while the kiosk was dead: the HIS will not save on it.
    sql("UPDATE bill_locks SET expires_at = 0 WHERE id = '" + lockId + "'");
    auto resolution = settleAlone(
        billsTx(Step::BillsSaved, Phase::Before, billsSaveKey(lockId), lockId, "msg-3", paid.id));
    EXPECT_EQ(resolution.action, Action::Close) << resolution.outcome;
    EXPECT_EQ(resolution.outcome, "the HIS refused the save (lock_not_held); every leg undone");
    EXPECT_EQ(column("bill_payments", "status", paid.id), "refunded");
    EXPECT_EQ(client_->settlementByMessage("msg-3")->status, platform::SettlementStatus::Cancelled);
    expectCleanLedger();
}

TEST_F(BillsReconcileRig, BillsSavedMeanwhileAreNeverUndone) {
    const auto [lockId, paid] = paidNotSaved("msg-4", "134567890123456780", "pay-4");
    // The save went through, its reply lost: the flow, not knowing, would undo.
    ASSERT_TRUE(client_->saveBills(lockId, client_->settlementByMessage("msg-4")->id, paid.id,
                                   billsSaveKey(lockId)));
    const auto stopped = undoBills(*client_, {lockId, "msg-4", paid.id});
    ASSERT_TRUE(stopped.has_value());
    EXPECT_EQ(stopped->code, "bills_saved");
    EXPECT_EQ(client_->settlementByMessage("msg-4")->status, platform::SettlementStatus::Settled);
    EXPECT_EQ(column("bill_payments", "status", paid.id), "captured");
    // The reconciler completes it instead: the same receipt, the slip owed.
    auto resolution = settleAlone(
        billsTx(Step::BillsSaved, Phase::Before, billsSaveKey(lockId), lockId, "msg-4", paid.id));
    EXPECT_EQ(resolution.action, Action::Reprint) << resolution.outcome;
    expectCleanLedger();
}

TEST_F(BillsReconcileRig, AnotherTerminalsOrAStrangersBillsAreOutOfReach) {
    const std::string lockId = lock();
    client_->forgetPatientSession();
    // Nothing from a terminal that never served the patient: the record's owner decides.
    sql("UPDATE patient_sessions SET terminal_id = 'KIOSK-OTHER'");
    auto released = client_->releaseBillLock(lockId);
    ASSERT_FALSE(released.ok());
    EXPECT_EQ(released.error().code, "not_found");
    EXPECT_EQ(lockStatus(lockId), "held");
}
