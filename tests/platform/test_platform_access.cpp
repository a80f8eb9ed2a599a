// Who may see and act on what: a patient's records only within that patient's session, or for
// the terminal that served them; idempotency records only for the terminal that used the key;
// opaque patient ids; a card's name checked; admin rights only from the admin key usage;
// enrollment tokens that expire and cannot be guessed at speed.
#include <gtest/gtest.h>

#include <fstream>

#include "platform/terminal_key.h"
#include "platform_rig.h"

using namespace lobby;
using namespace lobby::sim;
using namespace lobby::sim::testing;

namespace {

// A patient with a held booking (and its payment started) at KIOSK-TEST-0001.
struct Booked {
    std::string patient, booking, payment, bookingKey;
};

Booked bookFor(Rig& rig, int serial, const std::string& name, int day) {
    Booked booked;
    booked.patient = rig.patient(idNumber(serial), name);
    booked.bookingKey = "book-" + std::to_string(serial);
    const Reply booking = rig.call(
        "POST", "/v1/bookings", {{"patient_id", booked.patient}, {"slice_id", slice("D101", day)}},
        booked.bookingKey);
    booked.booking = booking.body.value("id", "");
    const Reply payment = rig.call("POST", "/v1/bookings/" + booked.booking + "/payments",
                                   {{"method", "wechat"}}, "pay-" + std::to_string(serial));
    booked.payment = payment.body.value("id", "");
    return booked;
}

}  // namespace

TEST(PlatformAccess, AnotherPatientsSessionReachesNothingOfTheirs) {
    Rig rig;
    const Booked a = bookFor(rig, 501, "甲", 2);
    const Booked b = bookFor(rig, 502, "乙", 3);
    ASSERT_FALSE(a.booking.empty());
    ASSERT_FALSE(b.booking.empty());
    const std::string asA = rig.sessionOf(a.patient);
    auto sendAsA = [&](const char* method, const std::string& path, const json& body = nullptr,
                       const std::string& key = {}) {
        return rig.send(method, path, body, key, "terminal", asA);
    };
    EXPECT_EQ(sendAsA("GET", "/v1/bookings/" + a.booking).status, 200);
    for (const Reply& refused :
         {sendAsA("GET", "/v1/bookings/" + b.booking), sendAsA("GET", "/v1/payments/" + b.payment),
          sendAsA("GET", "/v1/patients/" + b.patient + "/bookings?scope=upcoming"),
          sendAsA("POST", "/v1/bookings/" + b.booking + "/cancel", nullptr, "steal-1"),
          sendAsA("GET", "/v1/bookings/" + b.booking + "/alternatives"),
          sendAsA("POST", "/v1/bookings/" + b.booking + "/move", {{"slice_id", slice("D102", 3)}},
                  "steal-4"),
          sendAsA("POST", "/v1/bookings/" + b.booking + "/payments", {{"method", "alipay"}},
                  "steal-2")}) {
        EXPECT_EQ(refused.status, 404) << refused.body.dump();
        EXPECT_EQ(refused.body["code"], "not_found");
    }
    const Reply forB =
        sendAsA("POST", "/v1/bookings", {{"patient_id", b.patient}, {"slice_id", slice("D102", 2)}},
                "steal-3");
    EXPECT_EQ(forB.status, 403);
    EXPECT_EQ(forB.body["code"], "session_mismatch");
    EXPECT_EQ(rig.store().booking(b.booking)->status, "held") << "B's booking is untouched";
}

TEST(PlatformAccess, AVouchersCodeReachesItsOwnBookingOnlyToPayAndCheckIn) {
    Rig rig;
    const Booked a = bookFor(rig, 511, "甲", 2);
    Booked other;  // the same patient's second booking
    other.booking = rig.call("POST", "/v1/bookings",
                             {{"patient_id", a.patient}, {"slice_id", slice("D102", 3)}}, "other")
                        .body.value("id", "");
    ASSERT_FALSE(other.booking.empty());
    const std::string code = rig.call("GET", "/v1/bookings/" + a.booking).body["booking_code"];
    ASSERT_EQ(code.size(), 8u);
    EXPECT_NE(rig.call("GET", "/v1/bookings/" + other.booking).body["booking_code"], code);
    auto identify = [&](const std::string& token) {
        return rig.send("POST", "/v1/patients/identify",
                        {{"kind", "booking_code"}, {"token", token}}, {}, "terminal", "");
    };
    const Reply byBarcode = identify("YYD" + code);
    ASSERT_EQ(byBarcode.status, 200) << byBarcode.body.dump();
    EXPECT_EQ(byBarcode.body["id"], a.patient);
    EXPECT_EQ(byBarcode.body["booking_id"], a.booking);
    const Reply typed = identify(code);
    ASSERT_EQ(typed.status, 200);
    EXPECT_EQ(typed.body["booking_id"], a.booking);
    for (const std::string& wrong :
         std::vector<std::string>{"00000000", "YYD123", "1234567a", code + "0"})
        EXPECT_EQ(identify(wrong).body["code"], "token_unknown") << wrong;

    const std::string voucher = typed.body["session_token"];
    auto sendWithVoucher = [&](const char* method, const std::string& path,
                               const json& body = nullptr, const std::string& key = {}) {
        return rig.send(method, path, body, key, "terminal", voucher);
    };
    EXPECT_EQ(sendWithVoucher("GET", "/v1/bookings/" + a.booking).status, 200);
    EXPECT_EQ(sendWithVoucher("GET", "/v1/payments/" + a.payment).status, 200);
    const Reply listed =
        sendWithVoucher("GET", "/v1/patients/" + a.patient + "/bookings?scope=upcoming");
    ASSERT_EQ(listed.status, 200);
    ASSERT_EQ(listed.body.size(), 1u) << "the patient's other booking stays out of sight";
    EXPECT_EQ(listed.body[0]["id"], a.booking);
    for (const Reply& refused :
         {sendWithVoucher("GET", "/v1/bookings/" + other.booking),
          sendWithVoucher("POST", "/v1/bookings/" + a.booking + "/cancel", nullptr, "v-1"),
          sendWithVoucher("GET", "/v1/bookings/" + a.booking + "/alternatives"),
          sendWithVoucher("POST", "/v1/bookings/" + other.booking + "/payments",
                          {{"method", "alipay"}}, "v-2")}) {
        EXPECT_EQ(refused.status, 404) << refused.body.dump();
    }
    EXPECT_EQ(sendWithVoucher("POST", "/v1/bookings",
                              {{"patient_id", a.patient}, {"slice_id", slice("D102", 4)}}, "v-3")
                  .status,
              403);
    EXPECT_EQ(rig.store().booking(a.booking)->status, "held") << "nothing was cancelled";
    // Paying for the voucher's own booking is what the code is for.
    EXPECT_EQ(sendWithVoucher("POST", "/v1/bookings/" + a.booking + "/payments",
                              {{"method", "insurance"}}, "v-4")
                  .status,
              201);

    // A booking no longer live names nobody.
    ASSERT_EQ(rig.call("POST", "/v1/bookings/" + other.booking + "/cancel", nullptr, "c-o").status,
              200);
    const std::string otherCode =
        rig.call("GET", "/v1/bookings/" + other.booking).body["booking_code"];
    EXPECT_EQ(identify(otherCode).body["code"], "token_unknown");
}

TEST(PlatformAccess, AnotherTerminalReachesNothingItDidNotServe) {
    Rig rig;
    const Booked a = bookFor(rig, 511, "丙", 2);
    auto fromOther = [&](const char* method, const std::string& path,
                         const std::string& session = {}) {
        return rig.send(method, path, nullptr, method == std::string("POST") ? "other-1" : "",
                        "other-terminal", session);
    };
    for (const Reply& refused : {fromOther("GET", "/v1/bookings/" + a.booking),
                                 fromOther("GET", "/v1/payments/" + a.payment),
                                 fromOther("GET", "/v1/idempotency/" + a.bookingKey),
                                 fromOther("POST", "/v1/bookings/" + a.booking + "/cancel"),
                                 fromOther("POST", "/v1/bookings/" + a.booking + "/move")}) {
        EXPECT_EQ(refused.status, 404) << refused.body.dump();
    }
    // A session is bound to the terminal the patient stood at.
    const Reply stolen = fromOther("GET", "/v1/patients/" + a.patient + "/bookings?scope=upcoming",
                                   rig.sessionOf(a.patient));
    EXPECT_EQ(stolen.status, 401);
    EXPECT_EQ(stolen.body["code"], "session_expired");
    // The terminal that served the patient may still settle after they left (no session).
    EXPECT_EQ(rig.send("GET", "/v1/bookings/" + a.booking, nullptr, "", "terminal", "").status,
              200);
    EXPECT_EQ(
        rig.send("GET", "/v1/idempotency/" + a.bookingKey, nullptr, "", "terminal", "").status,
        200);
    // Nobody books or lists without a patient's session.
    const Reply anonymous = rig.send("POST", "/v1/bookings",
                                     {{"patient_id", a.patient}, {"slice_id", slice("D102", 2)}},
                                     "nosession-1", "terminal", "");
    EXPECT_EQ(anonymous.status, 401);
    EXPECT_EQ(anonymous.body["code"], "session_required");
}

TEST(PlatformAccess, SessionsExpire) {
    Rig rig;
    const Booked a = bookFor(rig, 521, "丁", 2);
    rig.server().setClockOffset(std::chrono::minutes(31));
    const Reply late = rig.send("GET", "/v1/patients/" + a.patient + "/bookings?scope=upcoming",
                                nullptr, "", "terminal", rig.sessionOf(a.patient));
    EXPECT_EQ(late.status, 401);
    EXPECT_EQ(late.body["code"], "session_expired");
}

TEST(PlatformAccess, PatientIdsAreOpaqueAndNeverCollide) {
    Rig rig;
    // Two ID numbers sharing their last eight characters (the old ids' whole content).
    const std::string first = rig.patient("110105194912310011", "甲");
    const std::string second = rig.patient("310115194912310011", "乙");
    ASSERT_FALSE(first.empty());
    ASSERT_FALSE(second.empty());
    EXPECT_NE(first, second);
    EXPECT_EQ(first.find("12310011"), std::string::npos) << first;
    EXPECT_GE(first.size(), 20u);
}

TEST(PlatformAccess, ACardsNameMustBeTheOneOnRecord) {
    Rig rig;
    rig.patient("11010519491231002X", "张三丰");
    const Reply wrong =
        rig.call("POST", "/v1/patients/identify",
                 {{"kind", "id_card"}, {"id_number", "11010519491231002X"}, {"name", "李四"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.body["code"], "identity_mismatch");
    const Reply nameless = rig.call("POST", "/v1/patients/identify",
                                    {{"kind", "id_card"}, {"id_number", "11010519491231002X"}});
    EXPECT_EQ(nameless.status, 400);
}

TEST(PlatformAccess, AdminRightsComeFromTheAdminKeyUsageNotFromAName) {
    Rig rig;
    // Enrolled as "ADMIN-EVIL": a terminal's certificate, whatever its name.
    auto token = rig.store().issueEnrollmentToken("ADMIN-EVIL");
    ASSERT_TRUE(token.ok());
    auto key = platform::generateTerminalKey("ADMIN-EVIL");
    ASSERT_TRUE(key.ok());
    const Reply enrolled = rig.send(
        "POST", "/v1/terminals/enroll",
        {{"token", token.value()}, {"terminal_id", "ADMIN-EVIL"}, {"csr_pem", key->csrPem}}, "",
        "terminal", "");
    ASSERT_EQ(enrolled.status, 200) << enrolled.body.dump();
    std::filesystem::create_directories(rig.dir() / "evil");
    std::ofstream(rig.dir() / "evil" / "client.pem")
        << enrolled.body["certificate_pem"].get<std::string>();
    std::ofstream(rig.dir() / "evil" / "client.key") << key->privateKeyPem;
    const json scene = {{"scene_json", R"({"version": 99})"}, {"signature_base64", "c2ln"}};
    const Reply evil = rig.send("PUT", "/v1/scenes/default", scene, "", "evil", "");
    EXPECT_EQ(evil.status, 403);
    EXPECT_EQ(evil.body["code"], "not_admin");
    const Reply admin = rig.send("PUT", "/v1/scenes/default", scene, "", "admin", "");
    EXPECT_EQ(admin.status, 204) << admin.body.dump();
}

TEST(PlatformAccess, EnrollmentTokensExpireAndCannotBeGuessedAtSpeed) {
    Rig rig;
    auto key = platform::generateTerminalKey("KIOSK-NEW-0009");
    ASSERT_TRUE(key.ok());
    auto enroll = [&](const std::string& token) {
        return rig.send(
            "POST", "/v1/terminals/enroll",
            {{"token", token}, {"terminal_id", "KIOSK-NEW-0009"}, {"csr_pem", key->csrPem}}, "",
            "terminal", "");
    };
    auto old = rig.store().issueEnrollmentToken("KIOSK-NEW-0009");
    ASSERT_TRUE(old.ok());
    rig.server().setClockOffset(std::chrono::hours(25));
    EXPECT_EQ(enroll(old.value()).body["code"], "enrollment_refused") << "a day-old token";
    rig.server().setClockOffset(std::chrono::seconds(0));
    for (int guess = 0; guess < 4; ++guess)
        EXPECT_EQ(enroll("guess-" + std::to_string(guess)).status, 401);
    const Reply throttled = enroll("guess-5");
    EXPECT_EQ(throttled.status, 429);
    EXPECT_EQ(throttled.body["code"], "too_many_attempts");
    auto fresh = rig.store().issueEnrollmentToken("KIOSK-NEW-0009");
    EXPECT_EQ(enroll(fresh.value()).status, 429) << "even a right token waits out the pause";
}
