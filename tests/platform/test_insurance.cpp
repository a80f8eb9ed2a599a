// 医保结算 on the sandbox over real TLS: a held bill lock priced with the patient's own card or
// e-voucher, the split adding up; settled once per message id; cancelled once, giving the year
// back; a message whose outcome was lost asked after and reversed, or barred before it lands; the
// insurance platform's refusals (frozen, insured elsewhere, someone else's card).
#include <gtest/gtest.h>

#include "bills_rig.h"

using namespace lobby::sim;
using namespace lobby::sim::testing;
using nlohmann::json;

namespace {
struct InsuranceRig : BillsRig {
    InsuranceRig() { insure(30'000); }
};
}  // namespace

TEST(Insurance, APriceAddsUpAndASettlementIsMadeOncePerMessage) {
    InsuranceRig rig;
    const std::string lock = rig.lockOf({"drugs", "blood"}, "lock-1");
    const Reply priced = rig.presettle(lock, InsuranceRig::card(), "price-1");
    ASSERT_EQ(priced.status, 201) << priced.body.dump();
    const int total = priced.body["total_fen"];
    EXPECT_EQ(total, 1850 * 2 + 2280 + 1560 + 2500 + 6000);
    EXPECT_EQ(priced.body["fund_fen"].get<int>() + priced.body["account_fen"].get<int>() +
                  priced.body["cash_fen"].get<int>(),
              total);
    EXPECT_EQ(priced.body["deductible_fen"], 10'000)
        << "the year's first bills meet the deductible";
    EXPECT_FALSE(priced.body["uncovered"].empty());
    const std::string price = priced.body["id"];

    const Reply settled = rig.settle(price, "msg-1");
    ASSERT_EQ(settled.status, 201) << settled.body.dump();
    EXPECT_EQ(settled.body["status"], "settled");
    EXPECT_EQ(rig.settle(price, "msg-1").body["id"], settled.body["id"]) << "a retry";
    EXPECT_EQ(rig.settle(price, "msg-2").body["code"], "already_settled");
    const auto year = rig.store().insuredPatient(rig.li);
    ASSERT_TRUE(year);
    EXPECT_EQ(year->year.accountBalanceFen, 30'000 - priced.body["account_fen"].get<int>());

    const std::string cancel =
        "/v1/insurance/settlements/" + settled.body["id"].get<std::string>() + "/cancel";
    const Reply cancelled =
        rig.send("POST", cancel, json::object(), "", "terminal", rig.sessionOf(rig.li));
    ASSERT_EQ(cancelled.status, 200);
    EXPECT_EQ(cancelled.body["status"], "cancelled");
    rig.send("POST", cancel, json::object(), "", "terminal", rig.sessionOf(rig.li));
    EXPECT_EQ(rig.store().insuredPatient(rig.li)->year.accountBalanceFen, 30'000)
        << "cancelled twice, given back once";
    EXPECT_EQ(rig.store().insuredPatient(rig.li)->year.deductibleLeftFen, 10'000);
}

TEST(Insurance, ALostReplyIsAskedAfterAndReversedOrBarred) {
    InsuranceRig rig;
    const std::string lock = rig.lockOf({"drugs"}, "lock-1");
    const std::string price = rig.presettle(lock, InsuranceRig::card(), "price-1").body["id"];
    ASSERT_EQ(rig.settle(price, "msg-lost").status, 201);
    const Reply asked = rig.send("GET", "/v1/insurance/messages/msg-lost", nullptr, "", "terminal",
                                 rig.sessionOf(rig.li));
    ASSERT_EQ(asked.status, 200);
    EXPECT_EQ(asked.body["status"], "settled");
    const Reply reversed = rig.send("POST", "/v1/insurance/reversals", {{"message_id", "msg-lost"}},
                                    "", "terminal", rig.sessionOf(rig.li));
    ASSERT_EQ(reversed.status, 200) << reversed.body.dump();
    EXPECT_EQ(reversed.body["outcome"], "reversed");
    EXPECT_EQ(rig.store().insuredPatient(rig.li)->year.accountBalanceFen, 30'000);

    EXPECT_EQ(rig.send("GET", "/v1/insurance/messages/msg-never", nullptr, "", "terminal",
                       rig.sessionOf(rig.li))
                  .status,
              404);
    const Reply barred = rig.send("POST", "/v1/insurance/reversals", {{"message_id", "msg-never"}},
                                  "", "terminal", rig.sessionOf(rig.li));
    EXPECT_EQ(barred.body["outcome"], "barred");
    EXPECT_EQ(rig.settle(price, "msg-never").body["code"], "message_reversed")
        << "a request arriving after its reversal is refused";
    const Reply fresh = rig.settle(price, "msg-3");
    EXPECT_EQ(fresh.status, 201) << "a new message settles: " << fresh.body.dump();
}

TEST(Insurance, RefusalsOfTheInsurancePlatform) {
    InsuranceRig rig;
    const std::string lock = rig.lockOf({"ct"}, "lock-1");
    EXPECT_EQ(
        rig.presettle(lock,
                      {{"kind", "ssc_card"}, {"card_number", "SSC0001"}, {"card_serial", "WRONG"}},
                      "p-1")
            .body["code"],
        "insurance_credential_unknown");
    EXPECT_EQ(rig.presettle(lock, {{"kind", "ssc_card"}}, "p-2").status, 400);

    const std::string zhang = rig.patient("11010519491231002X", "张三丰");
    ASSERT_TRUE(rig.store().insure(zhang, "SSC0002", "SERIAL02", "active", "local", 0));
    EXPECT_EQ(
        rig.presettle(
               lock,
               {{"kind", "ssc_card"}, {"card_number", "SSC0002"}, {"card_serial", "SERIAL02"}},
               "p-3")
            .body["code"],
        "insurance_credential_mismatch")
        << "another person's card for this patient's bills";

    ASSERT_TRUE(rig.store().insure(rig.li, "SSC0001", "SERIAL01", "frozen", "local", 30'000));
    EXPECT_EQ(rig.presettle(lock, InsuranceRig::card(), "p-4").body["code"], "card_frozen");
    ASSERT_TRUE(rig.store().insure(rig.li, "SSC0001", "SERIAL01", "active", "elsewhere", 30'000));
    EXPECT_EQ(rig.presettle(lock, InsuranceRig::card(), "p-5").body["code"], "not_insured_here");

    ASSERT_TRUE(rig.store().insure(rig.li, "SSC0001", "SERIAL01", "active", "local", 30'000));
    ASSERT_TRUE(rig.store().bindToken("evoucher", "EV-LI-0001", rig.li));
    const Reply byVoucher =
        rig.presettle(lock, {{"kind", "evoucher"}, {"token", "EV-LI-0001"}}, "p-6");
    EXPECT_EQ(byVoucher.status, 201) << byVoucher.body.dump();

    const Reply released = rig.send("POST", "/v1/bill-locks/" + lock + "/release", json::object(),
                                    "", "terminal", rig.sessionOf(rig.li));
    ASSERT_EQ(released.status, 200);
    EXPECT_EQ(rig.settle(byVoucher.body["id"], "msg-late").body["code"], "lock_not_held");
}
