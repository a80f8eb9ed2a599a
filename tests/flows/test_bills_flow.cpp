// 门诊缴费's flow against a scripted platform: the calls it makes in order, what it journals, and
// what it undoes when a leg fails after money moved.
#include <gtest/gtest.h>

#include "flow_rig.h"
#include "journeys/bills_flow.h"

using namespace lobby;
using namespace lobby::testing;
using journeys::BillsFlow;
using platform::BillPaymentStatus;

namespace {

struct BillsRig : FlowRig {
    BillsFlow flow{session, platform.get(), slips, journal.get(), policy()};

    static journeys::BillsPolicy policy() {
        journeys::BillsPolicy fast;
        fast.pollInterval_ms = 20;
        fast.paymentWindow_s = 2;
        return fast;
    }
    static platform::Bill bill(const std::string& id, const std::string& group, int fen) {
        platform::Bill b;
        b.id = id;
        b.title = "单据" + id;
        b.payGroup = group;
        b.total_fen = fen;
        b.guide = "窗口" + id;
        return b;
    }
    static platform::Settlement settled(int cash) {
        platform::Settlement s;
        s.id = "ST1";
        s.messageId = "M";
        s.split = {10'000, 6'000, 1'000, cash, 0, 0, {}};
        return s;
    }
    static platform::BillPayment payment(BillPaymentStatus status) {
        platform::BillPayment p;
        p.id = "BP1";
        p.lockId = "LK1";
        p.amount_fen = 3'000;
        p.status = status;
        p.qrPayload = "SANDBOXPAY:BP1";
        return p;
    }
    // The insurance settles; the QR code is shown, its payment pending.
    void settlesThenShowsAQr() {
        script->answer<platform::Settlement>("settle", settled(3'000));
        script->answer<platform::BillPayment>("payBills", payment(BillPaymentStatus::Pending));
    }
    // A card-insured patient on the split: their two outpatient bills locked and priced.
    void walkToSplit() {
        flow.noteCard({QStringLiteral("A12345678"), QStringLiteral("SERIAL")});
        script->answer<std::vector<platform::Bill>>(
            "bills", std::vector<platform::Bill>{bill("B1", "outpatient", 4'000),
                                                 bill("B2", "outpatient", 6'000),
                                                 bill("B3", "imaging", 28'000)});
        script->answer<platform::BillLock>("lockBills",
                                           platform::BillLock{"LK1", {"B1", "B2"}, 10'000, "", {}});
        platform::Presettlement price{"PS1", "LK1", "", settled(3'000).split};
        script->answer<platform::Presettlement>("presettle", price);
        identify();
        session.chooseFunction(QStringLiteral("bills"));
        ASSERT_TRUE(waitFor([&] { return flow.loaded() && !flow.busy(); }));
        ASSERT_EQ(flow.chosenCount(), 2) << "the first pay group's bills, chosen for the patient";
        flow.next();
        ASSERT_TRUE(waitFor([&] { return flow.step() == QLatin1String("split"); }));
        ASSERT_TRUE(flow.insured());
        ASSERT_EQ(flow.cashDue(), QStringLiteral("¥30.00"));
    }
};

}  // namespace

TEST(BillsFlow, TwoBillsPricedByTheCardArePaidByQrAndSaved) {
    BillsRig rig;
    rig.walkToSplit();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.settlesThenShowsAQr();
    rig.script->answer<platform::BillPayment>("billPayment",
                                              BillsRig::payment(BillPaymentStatus::Captured));
    platform::BillReceipt receipt{"R1",  "LK1", 10'000, 6'000,       1'000,
                                  3'000, {},    2'000,  std::nullopt};
    rig.script->answer<platform::BillReceipt>("saveBills", receipt);
    rig.flow.pay(QStringLiteral("wechat"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("done"); }, 5000))
        << rig.session.stateName().toStdString();
    const auto calls = rig.script->calls();
    ASSERT_GE(calls.size(), 7u);
    EXPECT_EQ(calls[2].rfind("presettle(LK1", 0), 0u) << calls[2];
    EXPECT_EQ(calls[3].rfind("settle(PS1", 0), 0u) << calls[3];
    EXPECT_EQ(calls[4].rfind("payBills(LK1", 0), 0u) << calls[4];
    EXPECT_EQ(calls.back().rfind("saveBills(LK1,ST1,BP1,bills-save-LK1", 0), 0u) << calls.back();
    EXPECT_TRUE(rig.script->unscripted().empty());
    // No printer here: the guide slip is owed at the next visit.
    auto owed = rig.journal->reprintsFor(rig.journal->patientRef("P1"));
    ASSERT_TRUE(owed.ok());
    ASSERT_EQ(owed->size(), 1u);
    EXPECT_EQ(owed->front().kind, journal::Kind::Bills);
    EXPECT_EQ(owed->front().bookingId, "LK1");
    EXPECT_EQ(owed->front().paymentId, "BP1");
    EXPECT_FALSE(owed->front().detail.empty()) << "the insurance message id is journalled";
}

TEST(BillsFlow, ACashLegRefusedAfterTheInsuranceSettledCancelsTheSettlement) {
    BillsRig rig;
    rig.walkToSplit();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.script->answer<platform::Settlement>("settle", BillsRig::settled(3'000));
    rig.script->refuse("payBills", "merchant_unavailable", "支付通道暂不可用",
                       "Payments are unavailable");
    rig.script->answer<platform::Settlement>("settlementByMessage", BillsRig::settled(3'000));
    rig.script->answer<platform::Settlement>("cancelSettlement", BillsRig::settled(3'000));
    rig.script->answer<platform::BillLock>("releaseBillLock", platform::BillLock{});
    rig.flow.pay(QStringLiteral("alipay"));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }, 5000));
    EXPECT_EQ(rig.script->count("cancelSettlement"), 1);
    EXPECT_EQ(rig.script->count("releaseBillLock"), 1);
    EXPECT_EQ(rig.script->count("saveBills"), 0);
    EXPECT_EQ(rig.unsettled(), 0u) << "undone and closed";
}

TEST(BillsFlow, AQrNeverPaidIsReversedWhenItsWindowRunsOut) {
    BillsRig rig;
    rig.walkToSplit();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.settlesThenShowsAQr();
    for (int i = 0; i < 200; ++i)
        rig.script->answer<platform::BillPayment>("billPayment",
                                                  BillsRig::payment(BillPaymentStatus::Pending));
    rig.script->answer<platform::BillPayment>("reverseBillPayment",
                                              BillsRig::payment(BillPaymentStatus::Reversed));
    rig.script->answer<platform::Settlement>("settlementByMessage", BillsRig::settled(3'000));
    rig.script->answer<platform::Settlement>("cancelSettlement", BillsRig::settled(3'000));
    rig.script->answer<platform::BillLock>("releaseBillLock", platform::BillLock{});
    rig.flow.pay(QStringLiteral("wechat"));
    ASSERT_TRUE(waitFor([&] { return rig.flow.step() == QLatin1String("paying"); }));
    EXPECT_TRUE(rig.session.idleHeld())
        << "the payment's window governs, not the patient's silence";
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("error"); }, 6000));
    EXPECT_EQ(rig.script->count("reverseBillPayment"), 1);
    EXPECT_EQ(rig.script->count("cancelSettlement"), 1);
    EXPECT_EQ(rig.unsettled(), 0u);
}

TEST(BillsFlow, SteppingBackBeforePayingLetsTheLockGoAndMovesNoMoney) {
    BillsRig rig;
    rig.walkToSplit();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.script->answer<platform::BillLock>("releaseBillLock", platform::BillLock{});
    rig.flow.stepBack();
    EXPECT_EQ(rig.flow.step(), QString());
    ASSERT_TRUE(waitFor([&] { return rig.script->count("releaseBillLock") == 1; }));
    EXPECT_EQ(rig.script->count("settle"), 0);
    EXPECT_EQ(rig.unsettled(), 0u);
}

TEST(BillsFlow, ABillOfAnotherPayGroupReplacesTheChoiceAndSaysSo) {
    BillsRig rig;
    rig.script->answer<std::vector<platform::Bill>>(
        "bills", std::vector<platform::Bill>{BillsRig::bill("B1", "outpatient", 4'000),
                                             BillsRig::bill("B3", "imaging", 28'000)});
    rig.identify();
    rig.session.chooseFunction(QStringLiteral("bills"));
    ASSERT_TRUE(waitFor([&] { return rig.flow.loaded() && !rig.flow.busy(); }));
    EXPECT_EQ(rig.flow.chosenTotal(), QStringLiteral("¥40.00"));
    rig.flow.toggle(QStringLiteral("B3"));
    EXPECT_EQ(rig.flow.chosenCount(), 1);
    EXPECT_EQ(rig.flow.chosenTotal(), QStringLiteral("¥280.00"));
    EXPECT_FALSE(rig.flow.notice().isEmpty());
    rig.flow.toggle(QStringLiteral("B3"));
    EXPECT_EQ(rig.flow.chosenCount(), 0);
    rig.flow.next();  // nothing chosen: nothing locked
    EXPECT_EQ(rig.script->count("lockBills"), 0);
}

TEST(BillsFlow, ACardPulledBetweenThePriceAndTheSettlementEndsItWithNothingMoved) {
    BillsRig rig;
    rig.walkToSplit();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.script->answer<platform::BillLock>("releaseBillLock", platform::BillLock{});
    rig.session.cardRemoved();  // the social-security card leaves its slot: the session ends
    ASSERT_TRUE(waitFor([&] { return rig.script->count("releaseBillLock") == 1; }));
    EXPECT_EQ(rig.script->count("settle"), 0);
    EXPECT_EQ(rig.unsettled(), 0u);
    EXPECT_FALSE(rig.flow.cardCredential()) << "the card is forgotten with its holder";
}

TEST(BillsFlow, ASpentOrMalformedPaymentCodeIsRefusedAndAFreshOneIsTaken) {
    BillsRig rig;
    rig.catalog.setIdentityMeans(core::IdentityMeans::Scanner, true);
    rig.walkToSplit();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    ASSERT_TRUE(rig.flow.payMethods().contains(QStringLiteral("payment_code")));
    rig.script->answer<platform::Settlement>("settle", BillsRig::settled(3'000));
    rig.flow.pay(QStringLiteral("payment_code"));
    ASSERT_TRUE(waitFor([&] { return rig.flow.step() == QLatin1String("code"); }));
    EXPECT_FALSE(rig.flow.takeScan(QStringLiteral("evoucher"), QStringLiteral("YBPZ1")))
        << "only a payment code is taken while one is awaited";
    rig.script->refuse("payBills", "payment_code_used", "付款码已使用", "Used already");
    EXPECT_TRUE(
        rig.flow.takeScan(QStringLiteral("payment_code"), QStringLiteral("134567890123456789")));
    ASSERT_TRUE(waitFor([&] { return !rig.flow.notice().isEmpty(); }));
    EXPECT_EQ(rig.flow.step(), QStringLiteral("code"))
        << "nothing was started: a fresh code may follow";
    rig.script->answer<platform::BillPayment>("payBills",
                                              BillsRig::payment(BillPaymentStatus::Captured));
    platform::BillReceipt receipt{"R1",  "LK1", 10'000, 6'000,       1'000,
                                  3'000, {},    2'000,  std::nullopt};
    rig.script->answer<platform::BillReceipt>("saveBills", receipt);
    EXPECT_TRUE(
        rig.flow.takeScan(QStringLiteral("payment_code"), QStringLiteral("254567890123456789")));
    ASSERT_TRUE(waitFor([&] { return rig.session.stateName() == QLatin1String("done"); }, 5000));
    EXPECT_EQ(rig.script->count("payBills"), 2);
    // Two attempts, two keys: the refused one was never a payment.
    EXPECT_NE(rig.script->keyOf("payBills", 0), rig.script->keyOf("payBills", 1));
    EXPECT_TRUE(rig.script->unscripted().empty());
}

namespace {
// The bills as the HIS has them after the doctor added a box to B1's prescription.
std::vector<platform::Bill> amendedBills() {
    return {BillsRig::bill("B1", "outpatient", 5'850), BillsRig::bill("B2", "outpatient", 6'000)};
}
}  // namespace

TEST(BillsFlow, ABillAmendedBeforeItIsPricedIsListedAgainWithNothingMoved) {
    BillsRig rig;
    rig.flow.noteCard({QStringLiteral("A12345678"), QStringLiteral("SERIAL")});
    rig.script->answer<std::vector<platform::Bill>>(
        "bills", std::vector<platform::Bill>{BillsRig::bill("B1", "outpatient", 4'000),
                                             BillsRig::bill("B2", "outpatient", 6'000)});
    rig.script->answer<platform::BillLock>("lockBills",
                                           platform::BillLock{"LK1", {"B1", "B2"}, 10'000, "", {}});
    rig.script->refuse("presettle", "bill_changed", "医生修改了账单，请重新选择账单",
                       "The doctor changed a bill");
    rig.script->answer<platform::BillLock>("releaseBillLock", platform::BillLock{});
    rig.script->answer<std::vector<platform::Bill>>("bills", amendedBills());
    rig.identify();
    rig.session.chooseFunction(QStringLiteral("bills"));
    ASSERT_TRUE(waitFor([&] { return rig.flow.loaded() && !rig.flow.busy(); }));
    rig.flow.next();
    ASSERT_TRUE(waitFor([&] { return rig.script->count("bills") == 2 && !rig.flow.busy(); }));
    EXPECT_EQ(rig.session.stateName(), QStringLiteral("bills")) << "the patient stays";
    EXPECT_EQ(rig.flow.step(), QString()) << "the list";
    EXPECT_EQ(rig.flow.chosenTotal(), QStringLiteral("¥118.50")) << "the bills as they are now";
    EXPECT_EQ(rig.flow.notice(), QStringLiteral("The doctor changed a bill"))
        << "the platform's words";
    EXPECT_EQ(rig.script->count("releaseBillLock"), 1);
    EXPECT_EQ(rig.script->count("settle"), 0);
    EXPECT_EQ(rig.unsettled(), 0u);
    EXPECT_TRUE(rig.script->unscripted().empty());
}

TEST(BillsFlow, ABillAmendedAtTheSettlementIsReversedByItsMessageAndListedAgain) {
    BillsRig rig;
    rig.walkToSplit();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    rig.script->refuse("settle", "bill_changed", "医生修改了账单，请重新选择账单",
                       "The doctor changed a bill");
    rig.script->refuse("settlementByMessage", "not_found", "没有找到", "Not found");
    rig.script->answer<platform::Reversal>("reverseInsurance", platform::Reversal{});
    rig.script->answer<platform::BillLock>("releaseBillLock", platform::BillLock{});
    rig.script->answer<std::vector<platform::Bill>>("bills", amendedBills());
    rig.flow.pay(QStringLiteral("wechat"));
    ASSERT_TRUE(waitFor([&] { return rig.script->count("bills") == 2 && !rig.flow.busy(); }));
    EXPECT_EQ(rig.session.stateName(), QStringLiteral("bills"));
    EXPECT_EQ(rig.flow.step(), QString());
    EXPECT_FALSE(rig.flow.insured()) << "the old price is forgotten";
    EXPECT_EQ(rig.script->count("reverseInsurance"), 1) << "an unknown outcome is barred (冲正)";
    EXPECT_EQ(rig.script->count("payBills"), 0) << "no cash taken for a stale list";
    EXPECT_EQ(rig.unsettled(), 0u);
    // A fresh choice locks anew: the legs of the old lock are gone.
    rig.script->answer<platform::BillLock>("lockBills",
                                           platform::BillLock{"LK2", {"B1", "B2"}, 11'850, "", {}});
    rig.script->answer<platform::Presettlement>(
        "presettle", platform::Presettlement{"PS2", "LK2", "", BillsRig::settled(3'000).split});
    rig.flow.next();
    ASSERT_TRUE(waitFor([&] { return rig.flow.step() == QLatin1String("split"); }));
    EXPECT_EQ(rig.script->calls().back().rfind("presettle(LK2", 0), 0u);
}
