// 建档's mobile number over real TLS (seed 001 §3.4.1): the code the sandbox texts, one a minute
// per number, five minutes, five tries, used once; a registration without it is refused; the
// number it proves is the one manual entry checks afterwards.
#include <gtest/gtest.h>

#include "platform_rig.h"

using namespace lobby::sim;
using namespace lobby::sim::testing;
using nlohmann::json;

namespace {
const json kCard = {{"kind", "id_card"}, {"id_number", "11010519491231002X"}, {"name", "张三丰"}};

json withCode(const json& identity, const std::string& phone, const std::string& verification,
              const std::string& code) {
    json proven = identity;
    proven["phone"] = phone;
    proven["verification_id"] = verification;
    proven["sms_code"] = code;
    return proven;
}

// The code with its last digit changed: certainly wrong.
std::string wrong(std::string code) {
    code.back() = static_cast<char>('0' + (code.back() - '0' + 1) % 10);
    return code;
}
}  // namespace

TEST(SmsVerification, OneCodeAMinuteToAMobileNumberAndNoneToAnythingElse) {
    Rig rig;
    rig.setTimeOfDay(10, 0);
    const json ask = {{"phone", "13800138000"}, {"purpose", "register"}};
    const Reply sent = rig.call("POST", "/v1/sms/verifications", ask);
    ASSERT_EQ(sent.status, 201) << sent.body.dump();
    EXPECT_EQ(sent.body["resend_after_s"], 60);
    EXPECT_EQ(sent.body["code_length"], 6);
    EXPECT_EQ(rig.textedCode("13800138000").size(), 6u) << "the outbox holds the text";

    const Reply again = rig.call("POST", "/v1/sms/verifications", ask);
    EXPECT_EQ(again.status, 429);
    EXPECT_EQ(again.body["code"], "sms_too_soon");
    EXPECT_NE(again.body["message"]["zh"].get<std::string>().find("60秒"), std::string::npos)
        << again.body.dump();
    rig.setTimeOfDay(10, 2);
    EXPECT_EQ(rig.call("POST", "/v1/sms/verifications", ask).status, 201) << "a minute later";

    for (const char* bad : {"1380013800", "23800138000", "1380013800a", "138001380001"}) {
        const Reply refused =
            rig.call("POST", "/v1/sms/verifications", {{"phone", bad}, {"purpose", "register"}});
        EXPECT_EQ(refused.status, 422) << bad;
        EXPECT_EQ(refused.body["code"], "phone_invalid") << bad;
    }
    EXPECT_EQ(rig.call("POST", "/v1/sms/verifications",
                       {{"phone", "13900139000"}, {"purpose", "marketing"}})
                  .status,
              400);
}

TEST(SmsVerification, FiveTriesThenANewCodeAndTheNumberIsOnRecordForManualEntry) {
    Rig rig;
    rig.setTimeOfDay(10, 0);
    const std::string phone = "13800138000";
    const Reply sent =
        rig.call("POST", "/v1/sms/verifications", {{"phone", phone}, {"purpose", "register"}});
    const std::string verification = sent.body["verification_id"];
    const std::string code = rig.textedCode(phone);
    ASSERT_EQ(code.size(), 6u);

    for (int left = 4; left >= 1; --left) {
        const Reply refused =
            rig.call("POST", "/v1/patients", withCode(kCard, phone, verification, wrong(code)),
                     "reg-wrong-" + std::to_string(left));
        EXPECT_EQ(refused.status, 422);
        EXPECT_EQ(refused.body["code"], "sms_code_wrong");
        EXPECT_NE(
            refused.body["message"]["zh"].get<std::string>().find(std::to_string(left) + "次"),
            std::string::npos)
            << refused.body.dump();
    }
    EXPECT_EQ(rig.call("POST", "/v1/patients", withCode(kCard, phone, verification, wrong(code)),
                       "reg-wrong-0")
                  .body["code"],
              "sms_code_exhausted");
    EXPECT_EQ(rig.call("POST", "/v1/patients", withCode(kCard, phone, verification, code),
                       "reg-right-too-late")
                  .body["code"],
              "sms_code_exhausted")
        << "the right code after five wrong ones";
    EXPECT_EQ(rig.call("POST", "/v1/patients/identify", kCard).body["code"], "patient_unknown");

    rig.setTimeOfDay(10, 2);
    const Reply resent =
        rig.call("POST", "/v1/sms/verifications", {{"phone", phone}, {"purpose", "register"}});
    const std::string fresh = rig.textedCode(phone);
    const json proven = withCode(kCard, phone, resent.body["verification_id"], fresh);
    EXPECT_EQ(rig.call("POST", "/v1/patients",
                       withCode(kCard, "13900139000", resent.body["verification_id"], fresh),
                       "reg-other-number")
                  .body["code"],
              "sms_code_expired")
        << "a code proves only the number it was sent to";
    const Reply registered = rig.call("POST", "/v1/patients", proven, "reg-1");
    ASSERT_EQ(registered.status, 201) << registered.body.dump();
    const Reply repeated = rig.call("POST", "/v1/patients", proven, "reg-1");
    EXPECT_EQ(repeated.status, 201) << "the same registration repeated (a lost reply)";
    EXPECT_EQ(repeated.body["id"], registered.body["id"]);
    EXPECT_EQ(rig.call("POST", "/v1/patients", proven, "reg-2").body["code"], "sms_code_expired")
        << "a code is used once";

    const json manual = {{"kind", "manual"}, {"id_number", "11010519491231002X"}, {"phone", phone}};
    const Reply byPhone = rig.call("POST", "/v1/patients/identify", manual);
    EXPECT_EQ(byPhone.status, 200) << byPhone.body.dump();
    EXPECT_EQ(byPhone.body["id"], registered.body["id"]);
    json otherPhone = manual;
    otherPhone["phone"] = "13900139000";
    EXPECT_EQ(rig.call("POST", "/v1/patients/identify", otherPhone).body["code"],
              "identity_mismatch");
}

TEST(SmsVerification, ACodeLastsFiveMinutes) {
    Rig rig;
    rig.setTimeOfDay(10, 0);
    const Reply sent = rig.call("POST", "/v1/sms/verifications",
                                {{"phone", "13800138000"}, {"purpose", "register"}});
    const std::string code = rig.textedCode("13800138000");
    rig.setTimeOfDay(10, 6);
    const Reply late =
        rig.call("POST", "/v1/patients",
                 withCode(kCard, "13800138000", sent.body["verification_id"], code), "reg-late");
    EXPECT_EQ(late.status, 422);
    EXPECT_EQ(late.body["code"], "sms_code_expired");
}
