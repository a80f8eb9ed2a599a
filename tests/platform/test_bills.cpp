// 门诊缴费's first step on the sandbox over real TLS: the HIS's unpaid bills for a patient (one per
// prescription or order, with items, doctor, performing department and where to go next), and
// the lock that freezes the chosen bills: whole bills of one pay group, the patient's own, the
// same key the same lock, a new lock superseding the patient's old one; nobody else's session
// reaches them.
#include <gtest/gtest.h>

#include "bills_rig.h"

using namespace lobby::sim;
using namespace lobby::sim::testing;
using nlohmann::json;

TEST(Bills, AVisitsOrdersAreListedWithTheirItemsAndWhereToGoNext) {
    BillsRig rig;
    const std::string drugs = rig.bill("drugs");
    const std::string blood = rig.bill("blood");
    const Reply listed = rig.send("GET", "/v1/patients/" + rig.li + "/bills", nullptr, "",
                                  "terminal", rig.sessionOf(rig.li));
    ASSERT_EQ(listed.status, 200) << listed.body.dump();
    ASSERT_EQ(listed.body.size(), 2u);
    const json& prescription = listed.body[0];
    EXPECT_EQ(prescription["id"], drugs);
    EXPECT_EQ(prescription["category"], "drug");
    EXPECT_EQ(prescription["performed_by"], "西药房");
    EXPECT_NE(prescription["guide"].get<std::string>().find("窗口"), std::string::npos);
    int sum = 0;
    for (const auto& item : prescription["items"]) {
        EXPECT_EQ(item["amount_fen"], item["count"].get<int>() * item["unit_fee_fen"].get<int>());
        sum += item["amount_fen"].get<int>();
    }
    EXPECT_EQ(prescription["total_fen"], sum) << "the total is its lines'";
    EXPECT_EQ(listed.body[1]["id"], blood);
    EXPECT_EQ(listed.body[1]["note"], "空腹抽血，请勿进食");

    const std::string stranger = rig.patient("120101197001010018", "欧阳娜娜");
    EXPECT_EQ(rig.send("GET", "/v1/patients/" + rig.li + "/bills", nullptr, "", "terminal",
                       rig.sessionOf(stranger))
                  .status,
              404)
        << "another patient's bills";
    EXPECT_EQ(
        rig.send("GET", "/v1/patients/" + rig.li + "/bills", nullptr, "", "terminal", "").status,
        401);
}

TEST(Bills, ALockTakesWholeBillsOfOnePayGroupAndTheSameKeyIsTheSameLock) {
    BillsRig rig;
    const std::string drugs = rig.bill("drugs"), blood = rig.bill("blood"), ct = rig.bill("ct");
    const Reply locked = rig.lock({drugs, blood}, "lock-1");
    ASSERT_EQ(locked.status, 201) << locked.body.dump();
    EXPECT_EQ(locked.body["status"], "held");
    EXPECT_EQ(locked.body["total_fen"], 1850 * 2 + 2280 + 1560 + 2500 + 6000);
    const Reply again = rig.lock({blood, drugs}, "lock-1");
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body["id"], locked.body["id"]) << "a retry is the same lock";
    EXPECT_EQ(rig.lock({drugs}, "lock-1").body["code"], "idempotency_conflict");

    EXPECT_EQ(rig.lock({drugs, ct}, "lock-2").body["code"], "bills_not_combinable")
        << "a CT is paid on its own";
    EXPECT_EQ(rig.lock({"BLnothing"}, "lock-3").body["code"], "bill_not_payable");
    EXPECT_EQ(rig.lock({}, "lock-4").status, 400);

    const std::string stranger = rig.patient("120101197001010018", "欧阳娜娜");
    const Reply theirs = rig.lock({ct}, "lock-5", stranger);
    EXPECT_EQ(theirs.status, 409) << "not the stranger's bill";
    EXPECT_EQ(theirs.body["code"], "bill_not_payable");
    EXPECT_EQ(rig.send("POST", "/v1/bill-locks", {{"patient_id", rig.li}, {"bill_ids", {ct}}},
                       "lock-6", "terminal", rig.sessionOf(stranger))
                  .status,
              404)
        << "naming another patient";
}

TEST(Bills, ANewLockSupersedesThePatientsOldOneAndReleasingIsIdempotent) {
    BillsRig rig;
    const std::string drugs = rig.bill("drugs"), blood = rig.bill("blood");
    const Reply first = rig.lock({drugs, blood}, "lock-1");
    ASSERT_EQ(first.status, 201);
    const Reply second = rig.lock({drugs}, "lock-2");
    ASSERT_EQ(second.status, 201) << second.body.dump();
    EXPECT_NE(second.body["id"], first.body["id"]);
    EXPECT_EQ(second.body["total_fen"], 1850 * 2 + 2280 + 1560);

    const std::string release =
        "/v1/bill-locks/" + second.body["id"].get<std::string>() + "/release";
    const Reply released =
        rig.send("POST", release, json::object(), "", "terminal", rig.sessionOf(rig.li));
    ASSERT_EQ(released.status, 200);
    EXPECT_EQ(released.body["status"], "released");
    EXPECT_EQ(rig.send("POST", release, json::object(), "", "terminal", rig.sessionOf(rig.li))
                  .body["status"],
              "released");
    const Reply old =
        rig.send("POST", "/v1/bill-locks/" + first.body["id"].get<std::string>() + "/release",
                 json::object(), "", "terminal", rig.sessionOf(rig.li));
    EXPECT_EQ(old.body["status"], "superseded");
    const std::string stranger = rig.patient("120101197001010018", "欧阳娜娜");
    EXPECT_EQ(
        rig.send("POST", release, json::object(), "", "terminal", rig.sessionOf(stranger)).status,
        404);
}
