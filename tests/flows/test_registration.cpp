// 建档 at the kiosk: only a holder who confirms their details, types a mobile number twice the
// same and types back the code texted to it is registered; every mistake is explained where it
// happened (a short number and two different numbers on the kiosk, a wrong code in the platform's
// words with the tries left) and nothing is sent twice for it.
#include <gtest/gtest.h>

#include "flow_rig.h"
#include "journeys/identity_resolver.h"

using namespace lobby;
using namespace lobby::testing;

namespace {

struct Rig : FlowRig {
    Rig() {
        identity = std::make_unique<journeys::IdentityResolver>(session, platform.get(),
                                                                registration, nullptr);
        session.start();
    }
    ~Rig() { identity.reset(); }
    // An unknown holder's card, read: the kiosk asks them to confirm their details.
    void unknownCardRead() {
        script->refuse("identifyByIdCard", "patient_unknown", "未找到您的就诊信息",
                       "We have no record of you yet");
        session.identityPresented();
        identity->resolve({QStringLiteral("张*丰"), QStringLiteral("11010519491231002X"),
                           QStringLiteral("张三丰")});
        ASSERT_TRUE(waitFor([&] { return registration.stepName() == "confirm"; }));
    }
    // Confirmed, and the number typed twice the same: the code is texted.
    void codeSent() {
        script->answer<platform::SmsVerification>("sendVerificationCode",
                                                  platform::SmsVerification{"V1", 60, 300, 6});
        registration.confirm();
        registration.submitPhone("13800138000");
        registration.submitPhone("13800138000");
        ASSERT_TRUE(waitFor([&] { return registration.stepName() == "code"; }));
    }
    journeys::PatientRegistration registration{session, platform.get()};
    std::unique_ptr<journeys::IdentityResolver> identity;
};

}  // namespace

TEST(NewPatientRecord, AVerifiedMobileNumberRegistersTheConfirmedHolder) {
    Rig rig;
    rig.unknownCardRead();
    EXPECT_EQ(rig.session.screenName(), "identify-register");
    EXPECT_EQ(rig.registration.maskedIdNumber(), "1101**********002X");
    rig.registration.confirm();
    EXPECT_EQ(rig.session.screenName(), "identify-register-phone");
    rig.registration.submitPhone("13800138000");
    EXPECT_EQ(rig.session.screenName(), "identify-register-phone-again");
    EXPECT_EQ(rig.script->count("sendVerificationCode"), 0) << "no text before the number is sure";
    rig.script->answer<platform::SmsVerification>("sendVerificationCode",
                                                  platform::SmsVerification{"V1", 60, 300, 6});
    rig.registration.submitPhone("13800138000");
    ASSERT_TRUE(waitFor([&] { return rig.registration.stepName() == "code"; }));
    EXPECT_EQ(rig.session.screenName(), "identify-register-sms");
    EXPECT_EQ(rig.registration.maskedPhone(), "138 **** 8000");
    EXPECT_EQ(rig.registration.resendIn(), 60);

    rig.script->answer<platform::Patient>("registerPatient",
                                          platform::Patient{"P7", "张*丰", "T", ""});
    rig.registration.submitCode("246810");
    ASSERT_TRUE(waitFor([&] { return rig.session.currentState() == core::SessionState::Menu; }));
    EXPECT_EQ(rig.session.patientName(), "张*丰");
    ASSERT_EQ(rig.script->count("registerPatient"), 1);
    const auto calls = rig.script->calls();
    EXPECT_EQ(calls.at(1), "sendVerificationCode(13800138000)");
    EXPECT_EQ(
        calls.at(2).rfind("registerPatient(11010519491231002X,张三丰,13800138000,V1,246810,", 0),
        0u)
        << calls.at(2);
    EXPECT_EQ(rig.registration.stepName(), "") << "nothing of the registration is kept";
    EXPECT_TRUE(rig.registration.maskedPhone().isEmpty());
}

TEST(NewPatientRecord, NumbersAreCheckedOnTheKioskBeforeAnythingIsSent) {
    Rig rig;
    rig.unknownCardRead();
    rig.registration.confirm();
    for (const char* bad : {"1380013800", "23800138000", "1380013800a", ""}) {
        rig.registration.submitPhone(bad);
        EXPECT_FALSE(rig.registration.error().isEmpty()) << bad;
        EXPECT_EQ(rig.registration.stepName(), "phone") << bad;
    }
    rig.registration.submitPhone("13800138000");
    EXPECT_TRUE(rig.registration.error().isEmpty());
    rig.registration.submitPhone("13800138001");
    EXPECT_EQ(rig.registration.stepName(), "phone") << "two different numbers: type it again";
    EXPECT_FALSE(rig.registration.error().isEmpty());
    settleFor(50);
    EXPECT_EQ(rig.script->count("sendVerificationCode"), 0);
}

TEST(NewPatientRecord, AWrongCodeIsRefusedInThePlatformsWordsAndCanBeTypedAgain) {
    Rig rig;
    rig.unknownCardRead();
    rig.codeSent();
    rig.registration.submitCode("12345");
    EXPECT_FALSE(rig.registration.error().isEmpty()) << "five digits for a six-digit code";
    settleFor(50);
    EXPECT_EQ(rig.script->count("registerPatient"), 0);

    rig.script->refuse("registerPatient", "sms_code_wrong", "验证码不正确，还可以再试4次",
                       "That code is not right; 4 tries left");
    rig.registration.submitCode("111111");
    ASSERT_TRUE(waitFor([&] { return !rig.registration.busy(); }));
    EXPECT_EQ(rig.registration.stepName(), "code");
    EXPECT_EQ(rig.session.currentState(), core::SessionState::Identifying);
    EXPECT_NE(rig.registration.error().indexOf(QStringLiteral("4")), -1)
        << rig.registration.error().toStdString();

    rig.script->answer<platform::Patient>("registerPatient",
                                          platform::Patient{"P7", "张*丰", "T", ""});
    rig.registration.submitCode("222222");
    ASSERT_TRUE(waitFor([&] { return rig.session.currentState() == core::SessionState::Menu; }));
    EXPECT_NE(rig.script->keyOf("registerPatient", 0), rig.script->keyOf("registerPatient", 1))
        << "each try is its own request";
}

TEST(NewPatientRecord, NoNewCodeWithinTheMinute) {
    Rig rig;
    rig.unknownCardRead();
    rig.codeSent();
    rig.registration.resendCode();
    settleFor(50);
    EXPECT_EQ(rig.script->count("sendVerificationCode"), 1) << "not within the minute";
    EXPECT_GT(rig.registration.resendIn(), 55);
}

TEST(NewPatientRecord, ATextThatCannotBeSentLeavesThePatientAtTheNumber) {
    Rig rig;
    rig.unknownCardRead();
    rig.script->refuse("sendVerificationCode", "phone_invalid", "请输入11位手机号码",
                       "Please give an 11-digit mobile number");
    rig.registration.confirm();
    rig.registration.submitPhone("13800138000");
    rig.registration.submitPhone("13800138000");
    ASSERT_TRUE(waitFor([&] { return !rig.registration.busy(); }));
    EXPECT_EQ(rig.registration.stepName(), "phone");
    EXPECT_FALSE(rig.registration.error().isEmpty());
}

TEST(NewPatientRecord, DecliningOrLeavingRegistersNobodyAndKeepsNothing) {
    Rig rig;
    rig.unknownCardRead();
    rig.registration.confirm();
    rig.registration.back();
    EXPECT_EQ(rig.registration.stepName(), "confirm");
    rig.registration.decline();
    EXPECT_EQ(rig.registration.stepName(), "");
    EXPECT_EQ(rig.session.currentState(), core::SessionState::Idle);

    rig.session.start();
    rig.unknownCardRead();
    rig.codeSent();
    rig.session.finish();
    EXPECT_EQ(rig.registration.stepName(), "");
    EXPECT_TRUE(rig.registration.maskedPhone().isEmpty());
    EXPECT_TRUE(rig.registration.maskedName().isEmpty());
    settleFor(50);
    EXPECT_EQ(rig.script->count("registerPatient"), 0);
}
