// 就诊人 on the sandbox over real TLS: a patient adds family members read from their own cards,
// under the real-name rules (never themself, a relation that fits the birth dates, the name on
// record, at most five), acts for one with a session of the member's, and books under the
// member's record; nobody else's session reaches them.
#include <gtest/gtest.h>

#include "platform_rig.h"

using namespace lobby::sim;
using namespace lobby::sim::testing;
using nlohmann::json;

namespace {
json member(const std::string& idNumber, const std::string& name, const std::string& relation) {
    return {{"kind", "id_card"}, {"id_number", idNumber}, {"name", name}, {"relation", relation}};
}
}  // namespace

TEST(Dependants, APatientAddsFamilyMembersUnderTheRealNameRules) {
    Rig rig;
    const std::string li = rig.patient("310115198506150022", "李秀英");
    const std::string path = "/v1/patients/" + li + "/dependants";
    const auto add = [&](const json& body, const std::string& key) {
        return rig.send("POST", path, body, key, "terminal", rig.sessionOf(li));
    };
    const Reply father = add(member("11010519491231002X", "张三丰", "parent"), "dep-1");
    ASSERT_EQ(father.status, 201) << father.body.dump();
    EXPECT_EQ(father.body["masked_name"], "张*丰");
    EXPECT_EQ(father.body["relation"], "parent");
    const Reply again = add(member("11010519491231002X", "张三丰", "parent"), "dep-2");
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body["id"], father.body["id"]) << "the same member twice is one member";

    EXPECT_EQ(add(member("310115198506150022", "李秀英", "other"), "dep-3").body["code"],
              "dependant_self");
    EXPECT_EQ(add(member("110105201605200018", "张小明", "parent"), "dep-4").body["code"],
              "relation_mismatch")
        << "a parent born after the patient";
    EXPECT_EQ(add(member("11010519491231002X", "张三丰", "child"), "dep-5").body["code"],
              "relation_mismatch");
    EXPECT_EQ(add(member("11010519491231002X", "张三", "parent"), "dep-6").body["code"],
              "identity_mismatch");
    EXPECT_EQ(add(member("110105201605200018", "张小明", "grandchild"), "dep-7").status, 400);
    EXPECT_EQ(add(member("110105201605200019", "张小明", "child"), "dep-8").body["code"],
              "identity_invalid");
    const Reply son = add(member("110105201605200018", "张小明", "child"), "dep-9");
    ASSERT_EQ(son.status, 201) << son.body.dump();

    const Reply listed = rig.send("GET", path, nullptr, "", "terminal", rig.sessionOf(li));
    ASSERT_EQ(listed.status, 200);
    ASSERT_EQ(listed.body.size(), 2u);
    EXPECT_EQ(listed.body[0]["masked_name"], "张*丰");
    EXPECT_EQ(listed.body[1]["relation"], "child");
}

TEST(Dependants, AtMostFiveFamilyMembers) {
    Rig rig;
    const std::string zhang = rig.patient("11010519491231002X", "张三丰");
    const std::string path = "/v1/patients/" + zhang + "/dependants";
    // Six children born after 1949, each with a valid ID number.
    const char* const children[] = {"110105197001010011", "110105197001010038",
                                    "110105197001010046", "110105197001010054",
                                    "110105197001010062", "110105197001010070"};
    int added = 0;
    std::string lastCode;
    for (const char* child : children) {
        const Reply reply =
            rig.send("POST", path, member(child, "张某", "child"), std::string("five-") + child,
                     "terminal", rig.sessionOf(zhang));
        if (reply.status == 201) ++added;
        lastCode = reply.body.value("code", "");
    }
    EXPECT_EQ(added, 5);
    EXPECT_EQ(lastCode, "too_many_dependants");
}

TEST(Dependants, ActingForAMemberIsTheirSessionAndOnlyTheirGuardianOpensIt) {
    Rig rig;
    const std::string li = rig.patient("310115198506150022", "李秀英");
    const std::string stranger = rig.patient("120101197001010018", "欧阳娜娜");
    const Reply father = rig.send("POST", "/v1/patients/" + li + "/dependants",
                                  member("11010519491231002X", "张三丰", "parent"), "dep-1",
                                  "terminal", rig.sessionOf(li));
    const std::string zhang = father.body["id"];
    const std::string open = "/v1/patients/" + li + "/dependants/" + zhang + "/session";

    EXPECT_EQ(
        rig.send("POST", open, json::object(), "", "terminal", rig.sessionOf(stranger)).status, 404)
        << "another patient's session";
    EXPECT_EQ(rig.send("GET", "/v1/patients/" + li + "/dependants", nullptr, "", "terminal",
                       rig.sessionOf(stranger))
                  .status,
              404);
    EXPECT_EQ(rig.send("POST", "/v1/patients/" + stranger + "/dependants/" + zhang + "/session",
                       json::object(), "", "terminal", rig.sessionOf(stranger))
                  .status,
              404)
        << "not the stranger's family member";
    EXPECT_EQ(
        rig.send("POST", open, json::object(), "", "other-terminal", rig.sessionOf(li)).status, 401)
        << "the session is this terminal's";

    const Reply acting = rig.send("POST", open, json::object(), "", "terminal", rig.sessionOf(li));
    ASSERT_EQ(acting.status, 200) << acting.body.dump();
    EXPECT_EQ(acting.body["id"], zhang);
    EXPECT_EQ(acting.body["masked_name"], "张*丰");
    const std::string asZhang = acting.body["session_token"];
    const Reply booked =
        rig.send("POST", "/v1/bookings", {{"patient_id", zhang}, {"slice_id", slice("D101", 2)}},
                 "book-for-father", "terminal", asZhang);
    ASSERT_EQ(booked.status, 201) << booked.body.dump();
    EXPECT_EQ(rig.send("POST", "/v1/bookings", {{"patient_id", li}, {"slice_id", slice("D102", 2)}},
                       "book-for-li", "terminal", asZhang)
                  .status,
              403)
        << "the member's session books for the member only";
    EXPECT_EQ(
        rig.send("GET", "/v1/patients/" + zhang + "/dependants", nullptr, "", "terminal", asZhang)
            .status,
        200)
        << "the member's own family (none)";
}

TEST(Dependants, AChildWithoutAnIdCardIsAddedFromTheHouseholdRegisterUntilSixteen) {
    Rig rig;
    const std::string li = rig.patient("310115198506150022", "李秀英");
    const std::string path = "/v1/patients/" + li + "/dependants";
    const auto add = [&](json body, const std::string& key) {
        body["kind"] = "household_register";
        return rig.send("POST", path, body, key, "terminal", rig.sessionOf(li));
    };
    const Reply son = add(member("110105201605200018", "张小明", "child"), "hr-1");
    ASSERT_EQ(son.status, 201) << son.body.dump();
    EXPECT_EQ(son.body["masked_name"], "张*明");
    EXPECT_EQ(son.body["relation"], "child");

    // Born 1970: long past 16, so they have an ID card of their own to read.
    const Reply grown = add(member("110105197001010011", "张大明", "child"), "hr-2");
    EXPECT_EQ(grown.status, 422);
    EXPECT_EQ(grown.body["code"], "id_card_required");
    EXPECT_NE(grown.body["message"]["zh"].get<std::string>().find("16"), std::string::npos)
        << grown.body.dump();
    EXPECT_EQ(add(member("110105201605200018", "张小明", "parent"), "hr-3").status, 400)
        << "the household register adds children only";
    EXPECT_EQ(add(member("110105201605200019", "张小明", "child"), "hr-4").body["code"],
              "identity_invalid");

    const Reply listed = rig.send("GET", path, nullptr, "", "terminal", rig.sessionOf(li));
    ASSERT_EQ(listed.status, 200);
    EXPECT_EQ(listed.body.size(), 1u);
}
