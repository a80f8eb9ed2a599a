// 门诊缴费's cash leg and the HIS's save on the sandbox over real TLS: a self-paying patient's QR,
// an insured patient's cash part by payment code, a code that keeps "user paying" and is
// reversed, codes that are not codes or are used twice; the save that marks bills paid only
// when every leg is in, once.
#include <gtest/gtest.h>

#include "bills_rig.h"

using namespace lobby::sim;
using namespace lobby::sim::testing;
using nlohmann::json;

namespace {
struct PayRig : BillsRig {
    Reply pay(const std::string& lock, const json& body, const std::string& key) {
        return post("/v1/bill-locks/" + lock + "/payments", body, key);
    }
    Reply save(const std::string& lock, const json& body, const std::string& key) {
        return post("/v1/bill-locks/" + lock + "/save", body, key);
    }
};
}  // namespace

TEST(BillPayments, ASelfPayingPatientPaysTheWholeLockByQrAndTheHisSavesItOnce) {
    PayRig rig;
    const std::string lock = rig.lockOf({"drugs", "blood"}, "lock-1");
    const Reply paying = rig.pay(lock, {{"method", "wechat"}}, "pay-1");
    ASSERT_EQ(paying.status, 201) << paying.body.dump();
    EXPECT_EQ(paying.body["status"], "pending");
    EXPECT_EQ(paying.body["amount_fen"], 1850 * 2 + 2280 + 1560 + 2500 + 6000);
    EXPECT_FALSE(paying.body["qr_payload"].get<std::string>().empty());
    const std::string payment = paying.body["id"];
    EXPECT_EQ(rig.pay(lock, {{"method", "alipay"}}, "pay-2").body["code"], "payment_in_progress")
        << "one cash payment at a time";
    EXPECT_EQ(rig.save(lock, {{"payment_id", payment}}, "save-1").body["code"], "cash_not_paid");

    ASSERT_TRUE(rig.store().captureBillPayment(payment));
    EXPECT_EQ(rig.send("GET", "/v1/bill-payments/" + payment, nullptr, "", "terminal",
                       rig.sessionOf(rig.li))
                  .body["status"],
              "captured");
    const Reply saved = rig.save(lock, {{"payment_id", payment}}, "save-2");
    ASSERT_EQ(saved.status, 201) << saved.body.dump();
    EXPECT_FALSE(saved.body["receipt_number"].get<std::string>().empty());
    EXPECT_EQ(saved.body["cash_fen"], saved.body["total_fen"]);
    EXPECT_FALSE(saved.body.contains("account_balance_after_fen")) << "no insurance settled";
    ASSERT_EQ(saved.body["bills"].size(), 2u);
    EXPECT_EQ(saved.body["bills"][1]["note"], "空腹抽血，请勿进食");
    const json& invoice = saved.body["e_invoice"];
    ASSERT_TRUE(invoice.is_object()) << "the HIS issues the e-invoice as it saves";
    EXPECT_EQ(invoice["amount_fen"], saved.body["total_fen"]);
    EXPECT_EQ(invoice["code"].get<std::string>().size(), 8u);
    EXPECT_EQ(invoice["number"], "0000000001") << "numbered in the order issued";
    EXPECT_EQ(invoice["verify_url"].get<std::string>().rfind("https://", 0), 0u);
    const Reply again = rig.save(lock, {{"payment_id", payment}}, "save-2");
    EXPECT_EQ(again.body["receipt_number"], saved.body["receipt_number"])
        << "a retry is the same receipt";
    EXPECT_EQ(again.body["e_invoice"], invoice) << "and the same invoice, not a second one";
    EXPECT_EQ(rig.save(lock, {{"payment_id", payment}}, "save-3").body["code"], "bills_saved");
    EXPECT_EQ(rig.post("/v1/bill-payments/" + payment + "/reverse", json::object()).body["code"],
              "bills_saved")
        << "paid bills are refunded at a window, not by the kiosk";
    EXPECT_TRUE(rig.send("GET", "/v1/patients/" + rig.li + "/bills", nullptr, "", "terminal",
                         rig.sessionOf(rig.li))
                    .body.empty());
}

TEST(BillPayments, AnInsuredPatientPaysTheCashPartByPaymentCode) {
    PayRig rig;
    rig.insure(0);
    const std::string lock = rig.lockOf({"drugs", "blood"}, "lock-1");
    const Reply priced = rig.presettle(lock, PayRig::card(), "price-1");
    ASSERT_EQ(priced.status, 201) << priced.body.dump();
    const int cash = priced.body["cash_fen"];
    ASSERT_GT(cash, 0) << "an empty account leaves cash to pay";
    const Reply settled = rig.settle(priced.body["id"], "msg-1");
    ASSERT_EQ(settled.status, 201);

    EXPECT_EQ(
        rig.pay(lock, {{"method", "payment_code"}, {"auth_code", "1234"}}, "pay-0").body["code"],
        "payment_code_invalid");
    const Reply paid = rig.pay(lock,
                               {{"method", "payment_code"},
                                {"presettlement_id", priced.body["id"]},
                                {"auth_code", "134567890123456789"}},
                               "pay-1");
    ASSERT_EQ(paid.status, 201) << paid.body.dump();
    EXPECT_EQ(paid.body["status"], "captured");
    EXPECT_EQ(paid.body["amount_fen"], cash) << "only the cash part";
    EXPECT_FALSE(paid.body.contains("qr_payload"));
    EXPECT_EQ(paid.body.dump().find("134567890123456789"), std::string::npos)
        << "the code is not echoed";

    const Reply saved = rig.save(
        lock, {{"settlement_id", settled.body["id"]}, {"payment_id", paid.body["id"]}}, "save-1");
    ASSERT_EQ(saved.status, 201) << saved.body.dump();
    EXPECT_EQ(saved.body["fund_fen"], priced.body["fund_fen"]);
    EXPECT_EQ(saved.body["cash_fen"], cash);
    EXPECT_EQ(saved.body["account_balance_after_fen"], priced.body["account_balance_after_fen"])
        << "the balance left, for the guide slip";

    const std::string other = rig.lockOf({"ct"}, "lock-2");
    EXPECT_EQ(
        rig.pay(other, {{"method", "payment_code"}, {"auth_code", "134567890123456789"}}, "pay-2")
            .body["code"],
        "payment_code_used")
        << "a payment code is single-use";
}

TEST(BillPayments, ACodeThatKeepsUserPayingIsReversedAndAFailedOneLeavesTheWayOpen) {
    PayRig rig;
    const std::string lock = rig.lockOf({"ct"}, "lock-1");
    const Reply failed =
        rig.pay(lock, {{"method", "payment_code"}, {"auth_code", "2812345678900000"}}, "pay-1");
    ASSERT_EQ(failed.status, 201) << failed.body.dump();
    EXPECT_EQ(failed.body["status"], "failed");

    const Reply waiting =
        rig.pay(lock, {{"method", "payment_code"}, {"auth_code", "101234567890128888"}}, "pay-2");
    ASSERT_EQ(waiting.status, 201) << waiting.body.dump();
    EXPECT_EQ(waiting.body["status"], "user_paying");
    const std::string payment = waiting.body["id"];
    EXPECT_EQ(rig.send("GET", "/v1/bill-payments/" + payment, nullptr, "", "terminal",
                       rig.sessionOf(rig.li))
                  .body["status"],
              "user_paying");
    const Reply reversed = rig.post("/v1/bill-payments/" + payment + "/reverse", json::object());
    ASSERT_EQ(reversed.status, 200);
    EXPECT_EQ(reversed.body["status"], "reversed");
    EXPECT_EQ(rig.post("/v1/bill-payments/" + payment + "/reverse", json::object()).body["status"],
              "reversed")
        << "reversing again changes nothing";
    const Reply again = rig.pay(lock, {{"method", "alipay"}}, "pay-3");
    EXPECT_EQ(again.status, 201) << "after a reversal the patient may pay another way";

    const std::string stranger = rig.patient("120101197001010018", "欧阳娜娜");
    EXPECT_EQ(rig.send("GET", "/v1/bill-payments/" + payment, nullptr, "", "terminal",
                       rig.sessionOf(stranger))
                  .status,
              404);
}

TEST(BillPayments, WhenTheInsurancePaysItAllNothingIsTakenAndTheSettlementSaves) {
    PayRig rig;
    rig.insure(1'000'000);
    const std::string lock = rig.lockOf({"ct"}, "lock-1");
    const Reply priced = rig.presettle(lock, PayRig::card(), "price-1");
    ASSERT_EQ(priced.body["cash_fen"], 0) << priced.body.dump();
    EXPECT_EQ(
        rig.pay(lock, {{"method", "wechat"}, {"presettlement_id", priced.body["id"]}}, "pay-1")
            .body["code"],
        "nothing_to_pay");
    EXPECT_EQ(rig.save(lock, json::object(), "save-0").body["code"], "cash_not_paid")
        << "without the settlement the whole lock is owed";
    const Reply settled = rig.settle(priced.body["id"], "msg-1");
    const Reply saved = rig.save(lock, {{"settlement_id", settled.body["id"]}}, "save-1");
    ASSERT_EQ(saved.status, 201) << saved.body.dump();
    EXPECT_EQ(saved.body["cash_fen"], 0);
    EXPECT_EQ(saved.body["account_fen"].get<int>() + saved.body["fund_fen"].get<int>(),
              saved.body["total_fen"].get<int>());
}

TEST(BillPayments, TheAuditFindsMoneyLeftStandingForBillsNeverSaved) {
    PayRig rig;
    rig.insure(0);
    const std::string lock = rig.lockOf({"drugs"}, "lock-1");
    const Reply priced = rig.presettle(lock, PayRig::card(), "price-1");
    const Reply settled = rig.settle(priced.body["id"], "msg-1");
    ASSERT_EQ(settled.status, 201);
    const Reply paid = rig.pay(lock,
                               {{"method", "payment_code"},
                                {"presettlement_id", priced.body["id"]},
                                {"auth_code", "251234567890123456"}},
                               "pay-1");
    ASSERT_EQ(paid.body["status"], "captured") << paid.body.dump();
    auto audit = rig.store().audit(Clock::now());
    ASSERT_TRUE(audit);
    EXPECT_TRUE(audit->violations.empty()) << "a held lock may still be saved";
    EXPECT_EQ(audit->settlements["settled"], 1);

    // The kiosk died and the lock was let go with both legs standing.
    rig.post("/v1/bill-locks/" + lock + "/release", json::object());
    audit = rig.store().audit(Clock::now());
    ASSERT_EQ(audit->violations.size(), 2u);
    EXPECT_NE(audit->violations[0].find("insurance settlement"), std::string::npos);
    EXPECT_NE(audit->violations[1].find("bill payment"), std::string::npos);

    // Recovery undoes both, once: nothing stands.
    rig.post("/v1/insurance/settlements/" + settled.body["id"].get<std::string>() + "/cancel",
             json::object());
    rig.post("/v1/bill-payments/" + paid.body["id"].get<std::string>() + "/reverse",
             json::object());
    audit = rig.store().audit(Clock::now());
    EXPECT_TRUE(audit->violations.empty());
    EXPECT_EQ(audit->billPayments["refunded"], 1);
}

TEST(BillPayments, ABillTheDoctorAmendsAfterTheLockIsNeitherPaidNorSaved) {
    PayRig rig;
    const std::string drugs = rig.bill("drugs");
    const Reply locked = rig.lock({drugs}, "lock-1");
    ASSERT_EQ(locked.status, 201) << locked.body.dump();
    const std::string lock = locked.body["id"];
    const Reply paying = rig.pay(lock, {{"method", "alipay"}}, "pay-1");
    ASSERT_EQ(paying.status, 201) << paying.body.dump();
    ASSERT_TRUE(rig.store().captureBillPayment(paying.body["id"]));
    // The doctor adds a box to the prescription while the patient pays.
    auto amended = rig.store().amendBill(drugs);
    ASSERT_TRUE(amended) << amended.error().message;
    const Reply saved = rig.save(lock, {{"payment_id", paying.body["id"]}}, "save-1");
    EXPECT_EQ(saved.status, 409);
    EXPECT_EQ(saved.body["code"], "bill_changed");
    // The kiosk then refunds the cash it took: nothing stands for a bill never saved.
    EXPECT_EQ(rig.post("/v1/bill-payments/" + paying.body["id"].get<std::string>() + "/reverse",
                       json::object())
                  .body["status"],
              "refunded");
    const Reply again = rig.lock({drugs}, "lock-2");
    ASSERT_EQ(again.status, 201) << "the amended bill is locked anew at its new total";
    EXPECT_EQ(again.body["total_fen"], locked.body["total_fen"].get<int>() + 1850);
    EXPECT_EQ(rig.pay(again.body["id"], {{"method", "wechat"}}, "pay-2").status, 201);
    const std::string stale = lock;
    EXPECT_EQ(rig.pay(stale, {{"method", "wechat"}}, "pay-3").body["code"], "lock_not_held")
        << "the old lock was superseded";
}

TEST(BillPayments, NothingIsTakenForALockWhoseBillChanged) {
    PayRig rig;
    const std::string drugs = rig.bill("drugs");
    const Reply locked = rig.lock({drugs}, "lock-1");
    ASSERT_EQ(locked.status, 201) << locked.body.dump();
    ASSERT_TRUE(rig.store().amendBill(drugs));
    const Reply paying = rig.pay(locked.body["id"], {{"method", "wechat"}}, "pay-1");
    EXPECT_EQ(paying.status, 409);
    EXPECT_EQ(paying.body["code"], "bill_changed");
    EXPECT_EQ(paying.body["message"]["zh"], "医生修改了账单，请重新选择账单");
}

TEST(BillPayments, ABillAmendedAfterTheLockIsNeitherPricedNorSettled) {
    PayRig rig;
    rig.insure(0);
    const std::string drugs = rig.bill("drugs");
    const Reply locked = rig.lock({drugs}, "lock-1");
    ASSERT_EQ(locked.status, 201) << locked.body.dump();
    const std::string lock = locked.body["id"];
    const Reply priced = rig.presettle(lock, PayRig::card(), "price-1");
    ASSERT_EQ(priced.status, 201) << priced.body.dump();
    // The doctor adds a box once the price is on the patient's screen: settling it would take
    // the insurance's share of a list that no longer exists.
    ASSERT_TRUE(rig.store().amendBill(drugs));
    const Reply settled = rig.settle(priced.body["id"], "msg-1");
    EXPECT_EQ(settled.status, 409);
    EXPECT_EQ(settled.body["code"], "bill_changed");
    const Reply repriced = rig.presettle(lock, PayRig::card(), "price-2");
    EXPECT_EQ(repriced.status, 409);
    EXPECT_EQ(repriced.body["code"], "bill_changed");
    auto audit = rig.store().audit(Clock::now());
    ASSERT_TRUE(audit);
    EXPECT_EQ(audit->settlements["settled"], 0) << "nothing settled for the stale lock";
    EXPECT_TRUE(audit->violations.empty());
}
