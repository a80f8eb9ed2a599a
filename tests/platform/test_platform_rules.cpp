// The sandbox platform's booking rules over real TLS: identify / register, schedules, holds,
// idempotency, per-patient limits, the booking window, hold expiry, and no overselling under
// 200 concurrent bookings for 20 slots.
#include <gtest/gtest.h>

#include <thread>

#include "platform_rig.h"

using namespace lobby;
using namespace lobby::sim;
using nlohmann::json;

using namespace lobby::sim::testing;

TEST(PlatformRules, IdentifiesAndRegistersPatientsByRealName) {
    Rig rig;
    const json card = {
        {"kind", "id_card"}, {"id_number", "11010519491231002X"}, {"name", "张三丰"}};
    EXPECT_EQ(rig.call("POST", "/v1/patients/identify", card).body["code"], "patient_unknown");
    const json badDigit = {
        {"kind", "id_card"}, {"id_number", "110105194912310021"}, {"name", "张三丰"}};
    const Reply refused = rig.call("POST", "/v1/patients", rig.withMobileProof(badDigit), "reg-1");
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(refused.body["code"], "identity_invalid");
    EXPECT_EQ(rig.call("POST", "/v1/patients", card, "reg-3").body["code"], "invalid_request")
        << "registration without a verified mobile number";
    const Reply registered = rig.call("POST", "/v1/patients", rig.withMobileProof(card), "reg-2");
    EXPECT_EQ(rig.call("POST", "/v1/patients", rig.withMobileProof(card)).body["code"],
              "invalid_request")
        << "registration without an Idempotency-Key";
    EXPECT_EQ(registered.status, 201);
    EXPECT_EQ(registered.body["masked_name"], "张*丰");
    const Reply found = rig.call("POST", "/v1/patients/identify", card);
    EXPECT_EQ(found.status, 200);
    EXPECT_EQ(found.body["id"], registered.body["id"]);
    EXPECT_EQ(rig.call("POST", "/v1/patients/identify", json{{"kind", "id_card"}}).body["code"],
              "invalid_request");
}

TEST(PlatformRules, SchedulesAreSessionsOfTimeSlices) {
    Rig rig;
    const Reply schedule =
        rig.call("GET", "/v1/doctors/D100/schedule?from=" + dateIn(1) + "&to=" + dateIn(2));
    ASSERT_EQ(schedule.status, 200);
    ASSERT_EQ(schedule.body.size(), 4u);  // two days, morning and afternoon
    EXPECT_EQ(schedule.body[0]["period"], "morning");
    EXPECT_EQ(schedule.body[0]["slices"][0]["start"], "08:00");
    EXPECT_EQ(schedule.body[0]["slices"][0]["remaining"], 3);
}

TEST(PlatformRules, HoldsAreIdempotentLimitedAndWindowed) {
    Rig rig;
    const std::string me = rig.patient(idNumber(1), "王芳");
    const json first = {{"patient_id", me}, {"slice_id", slice("D100", 1)}};
    const Reply held = rig.call("POST", "/v1/bookings", first, "key-1");
    ASSERT_EQ(held.status, 201) << held.body.dump();
    EXPECT_EQ(held.body["status"], "held");
    EXPECT_EQ(held.body["fee_fen"], 5000);
    const Reply again = rig.call("POST", "/v1/bookings", first, "key-1");
    EXPECT_EQ(again.body["id"], held.body["id"]) << "the same key books nothing more";
    EXPECT_EQ(rig.call("GET", "/v1/doctors/D100/schedule?from=" + dateIn(1) + "&to=" + dateIn(1))
                  .body[0]["slices"][0]["remaining"],
              2);
    EXPECT_EQ(rig.call("POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D101", 1)}},
                       "key-1")
                  .body["code"],
              "idempotency_conflict");
    EXPECT_EQ(rig.call("POST", "/v1/bookings",
                       {{"patient_id", me}, {"slice_id", slice("D100", 1, 2)}}, "key-2")
                  .body["code"],
              "limit_per_doctor");
    EXPECT_EQ(rig.call("POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D101", 1)}},
                       "key-3")
                  .status,
              201);
    EXPECT_EQ(rig.call("POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D102", 1)}},
                       "key-4")
                  .status,
              201);
    EXPECT_EQ(rig.call("POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D103", 1)}},
                       "key-5")
                  .body["code"],
              "limit_per_day");
    HospitalRules advanceOnly;  // no 当日挂号: today is outside the window
    advanceOnly.sameDayRegistration = false;
    rig.store().setRules(advanceOnly);
    EXPECT_EQ(rig.call("POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D100", 0)}},
                       "key-6")
                  .body["code"],
              "outside_booking_window");
    EXPECT_EQ(rig.call("POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D100", 9)}},
                       "key-7")
                  .body["code"],
              "outside_booking_window");
    EXPECT_EQ(rig.call("POST", "/v1/bookings", first).body["code"], "invalid_request");  // no key
}

TEST(PlatformRules, TodaysSlicesAreRegisteredUntilTheCutOffAndTheRulesAreOnTheContract) {
    Rig rig;
    const Reply rules = rig.call("GET", "/v1/rules");
    ASSERT_EQ(rules.status, 200);
    EXPECT_EQ(rules.body["booking_window"]["first_days"], 1);
    EXPECT_EQ(rules.body["booking_window"]["last_days"], 7);
    EXPECT_EQ(rules.body["same_day"]["enabled"], true);
    EXPECT_EQ(rules.body["same_day"]["morning_closes"], "11:00");
    EXPECT_EQ(rules.body["same_day"]["afternoon_closes"], "16:30");
    EXPECT_EQ(rules.body["pickup"]["morning_closes"], "09:30");
    // 号别 and their fees, from the catalogue: 普通号 ¥8, named doctors ¥10 to ¥50 by title.
    ASSERT_EQ(rules.body["clinic_types"].size(), 2u);
    EXPECT_EQ(rules.body["clinic_types"][0],
              json({{"type", "general"}, {"lowest_fee_fen", 800}, {"highest_fee_fen", 800}}));
    EXPECT_EQ(rules.body["clinic_types"][1],
              json({{"type", "expert"}, {"lowest_fee_fen", 1000}, {"highest_fee_fen", 5000}}));

    rig.setTimeOfDay(10, 10);
    const std::string today = "?from=" + dateIn(0) + "&to=" + dateIn(0);
    const Reply schedule = rig.call("GET", "/v1/doctors/D100/schedule" + today);
    ASSERT_EQ(schedule.status, 200);
    ASSERT_EQ(schedule.body.size(), 2u);
    const json& morning = schedule.body[0]["slices"];
    EXPECT_EQ(morning[0]["bookable"], false) << "08:00-08:30 is over at 10:10";
    EXPECT_EQ(morning[4]["bookable"], true) << "10:00-10:30 is still running";
    EXPECT_EQ(morning[6]["bookable"], true) << "the morning is registered until 11:00";
    EXPECT_EQ(schedule.body[1]["slices"][0]["bookable"], true) << "the afternoon is open";
    const std::string me = rig.patient(idNumber(40), "李四");
    const Reply over = rig.call("POST", "/v1/bookings",
                                {{"patient_id", me}, {"slice_id", slice("D100", 0, 1)}}, "t-1");
    EXPECT_EQ(over.status, 409);
    EXPECT_EQ(over.body["code"], "slice_over");
    // A registration the patient walks away from before paying goes back at once (the
    // cancellation deadline is for paid appointments).
    const Reply walkedAway = rig.call(
        "POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D100", 0, 5)}}, "t-0");
    ASSERT_EQ(walkedAway.status, 201) << walkedAway.body.dump();
    const Reply released =
        rig.call("POST", "/v1/bookings/" + walkedAway.body["id"].get<std::string>() + "/cancel",
                 nullptr, "t-0-release");
    EXPECT_EQ(released.status, 200) << released.body.dump();
    EXPECT_EQ(released.body["status"], "cancelled");
    const Reply registered = rig.call(
        "POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D100", 0, 6)}}, "t-3");
    ASSERT_EQ(registered.status, 201) << registered.body.dump();
    const std::string id = registered.body["id"];
    ASSERT_EQ(
        rig.call("POST", "/v1/bookings/" + id + "/payments", {{"method", "insurance"}}, "t-3-pay")
            .status,
        201);
    // Registered on the day: checked in after the 09:30 pick-up close, until 11:00.
    const Reply checkin = rig.call("POST", "/v1/bookings/" + id + "/checkin", nullptr, "t-3-in");
    ASSERT_EQ(checkin.status, 200) << checkin.body.dump();
    EXPECT_EQ(checkin.body["queue_number"], "A001");

    rig.setTimeOfDay(11, 5);
    const Reply late = rig.call("POST", "/v1/bookings",
                                {{"patient_id", me}, {"slice_id", slice("D101", 0, 7)}}, "t-2");
    EXPECT_EQ(late.body["code"], "registration_closed");
    EXPECT_NE(late.body["message"].value("zh", "").find("11:00"), std::string::npos);

    rig.setTimeOfDay(16, 30);
    const Reply closed =
        rig.call("POST", "/v1/bookings",
                 {{"patient_id", me}, {"slice_id", "D101-" + dateIn(0) + "-a-6"}}, "t-4");
    EXPECT_EQ(closed.body["code"], "registration_closed");
    EXPECT_EQ(rig.call("GET", "/v1/doctors/D101/schedule" + today).body[1]["slices"][5]["bookable"],
              false);
}

TEST(PlatformRules, AnUnpaidHoldLapsesAfterTenMinutes) {
    Rig rig;
    const std::string a = rig.patient(idNumber(2), "甲");
    const std::string b = rig.patient(idNumber(3), "乙");
    ASSERT_TRUE(rig.store().setSliceCapacity(slice("D104", 2), 1).ok());
    ASSERT_EQ(
        rig.call("POST", "/v1/bookings", {{"patient_id", a}, {"slice_id", slice("D104", 2)}}, "a")
            .status,
        201);
    EXPECT_EQ(
        rig.call("POST", "/v1/bookings", {{"patient_id", b}, {"slice_id", slice("D104", 2)}}, "b1")
            .body["code"],
        "no_slots_left");
    rig.server().setClockOffset(std::chrono::minutes(11));
    EXPECT_EQ(
        rig.call("POST", "/v1/bookings", {{"patient_id", b}, {"slice_id", slice("D104", 2)}}, "b2")
            .status,
        201);
}

TEST(PlatformRules, TwoHundredConcurrentBookingsForTwentySlotsNeverOversell) {
    Rig rig;
    constexpr int kPatients = 200;
    constexpr int kSlots = 20;
    const std::string target = slice("D105", 3);
    ASSERT_TRUE(rig.store().setSliceCapacity(target, kSlots).ok());
    std::vector<std::string> patients;
    for (int i = 0; i < kPatients; ++i)
        patients.push_back(rig.patient(idNumber(100 + i), "患者"));
    std::atomic<int> booked{0}, full{0}, other{0};
    std::vector<std::thread> threads;
    constexpr int kClients = 50;  // concurrent clients, each booking for 4 patients
    for (int client = 0; client < kClients; ++client) {
        threads.emplace_back([&, client] {
            for (int i = client; i < kPatients; i += kClients) {
                const Reply reply = rig.call("POST", "/v1/bookings",
                                             {{"patient_id", patients[i]}, {"slice_id", target}},
                                             "concurrent-" + std::to_string(i));
                if (reply.status == 201) {
                    ++booked;
                } else if (reply.body.is_object() &&
                           reply.body.value("code", "") == "no_slots_left") {
                    ++full;
                } else {
                    ++other;
                }
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(booked.load(), kSlots);
    EXPECT_EQ(full.load(), kPatients - kSlots);
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(rig.call("GET", "/v1/doctors/D105/schedule?from=" + dateIn(3) + "&to=" + dateIn(3))
                  .body[0]["slices"][0]["remaining"],
              0);
}

namespace {
// The clock offset that puts the platform at HH:MM local time, `days` from today.
std::chrono::seconds offsetTo(int days, int hour, int minute) {
    const std::time_t now = std::time(nullptr);
    std::tm target{};
    localtime_r(&now, &target);
    target.tm_mday += days;
    target.tm_hour = hour;
    target.tm_min = minute;
    target.tm_sec = 0;
    return std::chrono::seconds(static_cast<long>(std::difftime(std::mktime(&target), now)));
}
}  // namespace

TEST(PlatformRules, PaysOnceThenChecksInWithinThePickupWindow) {
    Rig rig;
    const std::string me = rig.patient(idNumber(7), "李秀英");
    const Reply held = rig.call("POST", "/v1/bookings",
                                {{"patient_id", me}, {"slice_id", slice("D106", 1)}}, "book");
    ASSERT_EQ(held.status, 201);
    const std::string booking = held.body["id"];

    const Reply started =
        rig.call("POST", "/v1/bookings/" + booking + "/payments", {{"method", "wechat"}}, "pay");
    ASSERT_EQ(started.status, 201) << started.body.dump();
    EXPECT_EQ(started.body["status"], "pending");
    EXPECT_EQ(started.body["qr_payload"], "SANDBOXPAY:" + started.body["id"].get<std::string>());
    const std::string payment = started.body["id"];
    EXPECT_EQ(
        rig.call("POST", "/v1/bookings/" + booking + "/payments", {{"method", "wechat"}}, "pay")
            .body["id"],
        payment)
        << "starting the same payment again gives the same payment";
    EXPECT_EQ(
        rig.call("POST", "/v1/bookings/" + booking + "/checkin", nullptr, "early").body["code"],
        "not_paid");

    ASSERT_TRUE(rig.store().capturePayment(payment).ok());
    ASSERT_TRUE(rig.store().capturePayment(payment).ok());  // a second capture changes nothing
    EXPECT_EQ(rig.call("GET", "/v1/payments/" + payment).body["status"], "captured");

    rig.server().setClockOffset(offsetTo(1, 8, 50));  // the visit day, 08:50
    const Reply checkin =
        rig.call("POST", "/v1/bookings/" + booking + "/checkin", nullptr, "checkin");
    ASSERT_EQ(checkin.status, 200) << checkin.body.dump();
    EXPECT_EQ(checkin.body["queue_number"], "A001");
    EXPECT_EQ(checkin.body["time_window"], "08:00-08:30");
    EXPECT_NE(checkin.body["wayfinding"]["zh"].get<std::string>().find("候诊区"), std::string::npos)
        << "the check-in says where to go: " << checkin.body.dump();
    EXPECT_EQ(rig.call("POST", "/v1/bookings/" + booking + "/checkin", nullptr, "checkin")
                  .body["queue_number"],
              "A001")
        << "checking in twice gives the same number";
}

TEST(PlatformRules, InsuranceSettlesAtOnceLapsedHoldsCannotBePaidLatePickupIsRefused) {
    Rig rig;
    const std::string me = rig.patient(idNumber(8), "刘洋");
    const Reply first = rig.call("POST", "/v1/bookings",
                                 {{"patient_id", me}, {"slice_id", slice("D107", 1)}}, "b1");
    const Reply settled =
        rig.call("POST", "/v1/bookings/" + first.body["id"].get<std::string>() + "/payments",
                 {{"method", "insurance"}}, "p1");
    EXPECT_EQ(settled.body["status"], "captured");
    EXPECT_FALSE(settled.body.contains("qr_payload"));

    const Reply second = rig.call("POST", "/v1/bookings",
                                  {{"patient_id", me}, {"slice_id", slice("D108", 1)}}, "b2");
    rig.server().setClockOffset(std::chrono::minutes(11));
    EXPECT_EQ(rig.call("POST", "/v1/bookings/" + second.body["id"].get<std::string>() + "/payments",
                       {{"method", "alipay"}}, "p2")
                  .body["code"],
              "hold_expired");
    EXPECT_EQ(rig.call("POST", "/v1/bookings/x/payments", {{"method", "cash"}}, "p3").body["code"],
              "invalid_request");

    rig.server().setClockOffset(offsetTo(1, 9, 31));  // the visit day, 09:31: morning pickup closed
    const Reply late = rig.call(
        "POST", "/v1/bookings/" + first.body["id"].get<std::string>() + "/checkin", nullptr, "c1");
    EXPECT_EQ(late.status, 409);
    EXPECT_EQ(late.body["code"], "outside_pickup_window");
    EXPECT_NE(late.body["message"]["zh"].get<std::string>().find("9:30"), std::string::npos);
}

TEST(PlatformRules, CancelRefundsAlongThePaymentPathUntilTheDayBefore) {
    Rig rig;
    const std::string me = rig.patient(idNumber(9), "赵敏");
    const Reply held =
        rig.call("POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D109", 2)}}, "b");
    const std::string booking = held.body["id"];
    const Reply payment =
        rig.call("POST", "/v1/bookings/" + booking + "/payments", {{"method", "unionpay"}}, "p");
    ASSERT_TRUE(rig.store().capturePayment(payment.body["id"]).ok());
    const Reply upcoming = rig.call("GET", "/v1/patients/" + me + "/bookings?scope=upcoming");
    ASSERT_EQ(upcoming.body.size(), 1u);
    EXPECT_EQ(upcoming.body[0]["status"], "paid");

    const Reply cancelled = rig.call("POST", "/v1/bookings/" + booking + "/cancel", nullptr, "c");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body.dump();
    EXPECT_EQ(cancelled.body["status"], "refunded");
    EXPECT_EQ(
        rig.call("GET", "/v1/payments/" + payment.body["id"].get<std::string>()).body["status"],
        "refunded");
    EXPECT_EQ(rig.call("POST", "/v1/bookings/" + booking + "/cancel", nullptr, "c").body["status"],
              "refunded")
        << "cancelling again with the same key refunds nothing more";
    EXPECT_EQ(rig.call("GET", "/v1/doctors/D109/schedule?from=" + dateIn(2) + "&to=" + dateIn(2))
                  .body[0]["slices"][0]["remaining"],
              3)
        << "the slot went back on sale";

    const Reply tomorrow = rig.call("POST", "/v1/bookings",
                                    {{"patient_id", me}, {"slice_id", slice("D110", 1)}}, "b2");
    ASSERT_EQ(
        rig.call("POST", "/v1/bookings/" + tomorrow.body["id"].get<std::string>() + "/payments",
                 {{"method", "insurance"}}, "p2")
            .status,
        201);
    rig.server().setClockOffset(offsetTo(1, 0, 5));  // 00:05 on the visit day
    EXPECT_EQ(rig.call("POST", "/v1/bookings/" + tomorrow.body["id"].get<std::string>() + "/cancel",
                       nullptr, "c2")
                  .body["code"],
              "cancel_deadline_passed");
    EXPECT_EQ(rig.call("GET", "/v1/patients/" + me + "/bookings?scope=today").body.size(), 1u);
    EXPECT_EQ(rig.call("GET", "/v1/patients/" + me + "/bookings?scope=soon").status, 400);
}

TEST(PlatformRules, ThreeMissedPaidAppointmentsPauseBooking) {
    Rig rig;
    const std::string careless = rig.patient(idNumber(11), "赵敏");
    const std::string careful = rig.patient(idNumber(12), "钱进");
    const auto bookAndPay = [&](const std::string& patient, const std::string& doctor,
                                const std::string& key) {
        const Reply held = rig.call("POST", "/v1/bookings",
                                    {{"patient_id", patient}, {"slice_id", slice(doctor, 1)}}, key);
        EXPECT_EQ(held.status, 201) << held.body.dump();
        const Reply paying =
            rig.call("POST", "/v1/bookings/" + held.body.value("id", "") + "/payments",
                     {{"method", "wechat"}}, key + "-pay");
        EXPECT_TRUE(rig.store().capturePayment(paying.body.value("id", "")).ok());
    };
    bookAndPay(careless, "D111", "n1");
    bookAndPay(careless, "D112", "n2");
    bookAndPay(careless, "D113", "n3");
    bookAndPay(careful, "D114", "m1");
    bookAndPay(careful, "D115", "m2");

    // Still the visit day before 09:30: nothing is missed yet.
    rig.server().setClockOffset(offsetTo(1, 9, 0));
    EXPECT_EQ(rig.call("POST", "/v1/bookings",
                       {{"patient_id", careless}, {"slice_id", slice("D116", 2)}}, "early")
                  .status,
              201);

    // 10:00 on the visit day: three paid bookings never picked up.
    rig.server().setClockOffset(offsetTo(1, 10, 0));
    const Reply blocked = rig.call(
        "POST", "/v1/bookings", {{"patient_id", careless}, {"slice_id", slice("D117", 3)}}, "late");
    EXPECT_EQ(blocked.status, 403);
    EXPECT_EQ(blocked.body["code"], "blacklisted");
    EXPECT_NE(blocked.body["message"]["en"].get<std::string>().find(dateIn(31)), std::string::npos)
        << "says until when: 30 days after the missed visit day";
    EXPECT_EQ(rig.call("POST", "/v1/bookings",
                       {{"patient_id", careful}, {"slice_id", slice("D117", 3)}}, "ok")
                  .status,
              201)
        << "two missed appointments do not block";

    // A hospital with a stricter rule blocks the second patient too.
    rig.store().setCreditRule({2, 90, 30});
    EXPECT_EQ(rig.call("POST", "/v1/bookings",
                       {{"patient_id", careful}, {"slice_id", slice("D118", 3)}}, "strict")
                  .body["code"],
              "blacklisted");
}

TEST(PlatformRules, AutoPayCapturesAPendingPaymentAfterItsDelay) {
    Rig rig;
    rig.store().setAutoPay(std::chrono::seconds(60));
    const std::string me = rig.patient(idNumber(21), "孙丽");
    const Reply held = rig.call("POST", "/v1/bookings",
                                {{"patient_id", me}, {"slice_id", slice("D119", 2)}}, "book");
    ASSERT_EQ(held.status, 201);
    const Reply started =
        rig.call("POST", "/v1/bookings/" + held.body.value("id", "") + "/payments",
                 {{"method", "alipay"}}, "pay");
    ASSERT_EQ(started.status, 201);
    const std::string payment = started.body["id"];
    EXPECT_EQ(rig.call("GET", "/v1/payments/" + payment).body["status"], "pending");
    rig.server().setClockOffset(std::chrono::seconds(61));
    EXPECT_EQ(rig.call("GET", "/v1/payments/" + payment).body["status"], "captured");
    EXPECT_EQ(rig.call("GET", "/v1/patients/" + me + "/bookings?scope=upcoming").body[0]["status"],
              "paid");
}

TEST(PlatformRules, MoneyThatArrivesForNoBookingGoesBackAtOnce) {
    Rig rig;
    const std::string late = rig.patient(idNumber(31), "周杰");
    const std::string next = rig.patient(idNumber(32), "吴刚");
    ASSERT_TRUE(rig.store().setSliceCapacity(slice("D103", 4), 1).ok());
    const Reply held = rig.call("POST", "/v1/bookings",
                                {{"patient_id", late}, {"slice_id", slice("D103", 4)}}, "late");
    ASSERT_EQ(held.status, 201);
    const std::string booking = held.body["id"];
    const std::string first =
        rig.call("POST", "/v1/bookings/" + booking + "/payments", {{"method", "wechat"}}, "p1")
            .body.value("id", "");
    const std::string second =
        rig.call("POST", "/v1/bookings/" + booking + "/payments", {{"method", "alipay"}}, "p2")
            .body.value("id", "");
    ASSERT_FALSE(first.empty());
    ASSERT_FALSE(second.empty());
    ASSERT_NE(first, second);

    // The patient scans both codes: the booking is paid once, the second payment refunded.
    EXPECT_EQ(rig.store().capturePayment(first)->status, "captured");
    EXPECT_EQ(rig.store().capturePayment(second)->status, "refunded");

    // A hold that lapsed and went to the next patient: a late payment is refunded.
    ASSERT_TRUE(rig.store().setSliceCapacity(slice("D103", 5), 1).ok());
    const Reply lapsing = rig.call("POST", "/v1/bookings",
                                   {{"patient_id", late}, {"slice_id", slice("D103", 5)}}, "lapse");
    ASSERT_EQ(lapsing.status, 201);
    const std::string lateCode =
        rig.call("POST", "/v1/bookings/" + lapsing.body.value("id", "") + "/payments",
                 {{"method", "wechat"}}, "p3")
            .body.value("id", "");
    ASSERT_FALSE(lateCode.empty());
    rig.server().setClockOffset(std::chrono::minutes(11));
    ASSERT_EQ(rig.call("POST", "/v1/bookings",
                       {{"patient_id", next}, {"slice_id", slice("D103", 5)}}, "next")
                  .status,
              201);
    EXPECT_EQ(rig.store().capturePayment(lateCode)->status, "refunded");
    EXPECT_EQ(rig.call("GET", "/v1/payments/" + lateCode).body["status"], "refunded");
}

TEST(PlatformRules, StopServiceFlagsBookingsAndOffersRebookOrRefund) {
    Rig rig;
    const std::string a = rig.patient(idNumber(41), "郑爽");
    const std::string b = rig.patient(idNumber(42), "王磊");
    const std::string session = "D101-" + dateIn(2) + "-m";
    const Reply paidBooking =
        rig.call("POST", "/v1/bookings", {{"patient_id", a}, {"slice_id", slice("D101", 2)}}, "a");
    ASSERT_EQ(paidBooking.status, 201);
    const std::string paid = paidBooking.body["id"];
    const Reply paying =
        rig.call("POST", "/v1/bookings/" + paid + "/payments", {{"method", "unionpay"}}, "a-pay");
    ASSERT_TRUE(rig.store().capturePayment(paying.body.value("id", "")).ok());
    const Reply heldBooking = rig.call("POST", "/v1/bookings",
                                       {{"patient_id", b}, {"slice_id", slice("D101", 2, 2)}}, "b");
    ASSERT_EQ(heldBooking.status, 201);

    const auto stopped = rig.store().stopSession(session);
    ASSERT_TRUE(stopped.ok()) << stopped.error().message;
    EXPECT_EQ(stopped->affectedBookingIds.size(), 2u);
    EXPECT_EQ(rig.store().stopSession(session)->affectedBookingIds, stopped->affectedBookingIds)
        << "stopping twice changes nothing";
    EXPECT_EQ(rig.store().stopSession("D101-1999-01-01-m").error().code, "not_found");

    const Reply notices = rig.call("GET", "/v1/notices");
    ASSERT_EQ(notices.status, 200);
    ASSERT_EQ(notices.body.size(), 1u);
    EXPECT_EQ(notices.body[0]["kind"], "stop_service");
    EXPECT_EQ(notices.body[0]["session_id"], session);
    EXPECT_EQ(notices.body[0]["affected_booking_ids"].size(), 2u);
    EXPECT_NE(notices.body[0]["message"]["zh"].get<std::string>().find("停诊"), std::string::npos);
    EXPECT_EQ(
        rig.call("GET", "/v1/patients/" + a + "/bookings?scope=upcoming").body[0]["stop_service"],
        true);

    EXPECT_EQ(rig.call("POST", "/v1/bookings",
                       {{"patient_id", b}, {"slice_id", slice("D101", 2, 3)}}, "b2")
                  .body["code"],
              "session_stopped");
    EXPECT_EQ(rig.call("POST", "/v1/bookings",
                       {{"patient_id", a}, {"slice_id", "D101-" + dateIn(2) + "-a-1"}}, "rebook")
                  .status,
              201)
        << "the stopped booking does not count against one-per-doctor-per-day";

    rig.server().setClockOffset(offsetTo(2, 8, 50));  // the visit day: past the cancel deadline
    EXPECT_EQ(rig.call("POST", "/v1/bookings/" + paid + "/checkin", nullptr, "pickup").body["code"],
              "session_stopped");
    const Reply refunded = rig.call("POST", "/v1/bookings/" + paid + "/cancel", nullptr, "refund");
    ASSERT_EQ(refunded.status, 200) << refunded.body.dump();
    EXPECT_EQ(refunded.body["status"], "refunded");
    EXPECT_EQ(rig.call("GET", "/v1/notices").body[0]["affected_booking_ids"].size(), 1u)
        << "the refunded booking is settled; the held one still awaits its patient";
}

// 改约: a paid booking whose doctor stopped the session moves, with its payment, in one
// operation: nothing charged again, nothing refunded, nothing oversold, once per key.
TEST(PlatformRules, AStoppedPaidBookingMovesWithItsPaymentInOneOperation) {
    Rig rig;
    const std::string me = rig.patient(idNumber(51), "孙丽");
    const Reply booked =
        rig.call("POST", "/v1/bookings", {{"patient_id", me}, {"slice_id", slice("D101", 2)}}, "b");
    ASSERT_EQ(booked.status, 201) << booked.body.dump();
    const std::string id = booked.body["id"];
    const Reply paying =
        rig.call("POST", "/v1/bookings/" + id + "/payments", {{"method", "wechat"}}, "b-pay");
    const std::string paymentId = paying.body.value("id", "");
    ASSERT_TRUE(rig.store().capturePayment(paymentId).ok());

    const std::string target = slice("D101", 3);
    EXPECT_EQ(rig.call("GET", "/v1/bookings/" + id + "/alternatives").body["code"], "not_movable")
        << "a booking whose doctor still holds the session stays where it is";
    EXPECT_EQ(rig.call("POST", "/v1/bookings/" + id + "/move", {{"slice_id", target}}, "early")
                  .body["code"],
              "not_movable");

    ASSERT_TRUE(rig.store().stopSession("D101-" + dateIn(2) + "-m").ok());
    const Reply alternatives = rig.call("GET", "/v1/bookings/" + id + "/alternatives");
    ASSERT_EQ(alternatives.status, 200) << alternatives.body.dump();
    ASSERT_FALSE(alternatives.body.empty());
    for (const auto& offer : alternatives.body) {
        EXPECT_EQ(offer["doctor"]["fee_fen"], booked.body["fee_fen"]) << offer.dump();
        for (const auto& session : offer["sessions"]) {
            EXPECT_NE(session["id"], "D101-" + dateIn(2) + "-m") << "never the stopped session";
            for (const auto& free : session["slices"])
                EXPECT_GT(free["remaining"].get<int>(), 0);
        }
    }
    const auto remainingOf = [&](const std::string& sliceId, int days) {
        const Reply schedule = rig.call(
            "GET", "/v1/doctors/D101/schedule?from=" + dateIn(days) + "&to=" + dateIn(days));
        for (const auto& session : schedule.body)
            for (const auto& s : session["slices"])
                if (s["id"] == sliceId) return s["remaining"].get<int>();
        return -1;
    };
    const int before = remainingOf(target, 3);

    EXPECT_EQ(
        rig.call("POST", "/v1/bookings/" + id + "/move", {{"slice_id", slice("D100", 3)}}, "dearer")
            .body["code"],
        "fee_differs");
    EXPECT_EQ(rig.call("POST", "/v1/bookings/" + id + "/move", {{"slice_id", slice("D105", 3)}},
                       "surgery")
                  .body["code"],
              "other_department");
    EXPECT_EQ(rig.call("POST", "/v1/bookings/" + id + "/move", nullptr, "no-slice").body["code"],
              "invalid_request");

    const Reply moved =
        rig.call("POST", "/v1/bookings/" + id + "/move", {{"slice_id", target}}, "move-1");
    ASSERT_EQ(moved.status, 200) << moved.body.dump();
    EXPECT_EQ(moved.body["id"], id) << "the same booking, so the same payment backs it";
    EXPECT_EQ(moved.body["status"], "paid");
    EXPECT_EQ(moved.body["slice_id"], target);
    EXPECT_EQ(moved.body["stop_service"], false);
    EXPECT_EQ(moved.body["fee_fen"], booked.body["fee_fen"]);
    EXPECT_EQ(remainingOf(target, 3), before - 1);
    EXPECT_EQ(rig.call("GET", "/v1/payments/" + paymentId).body["status"], "captured");

    const Reply again =
        rig.call("POST", "/v1/bookings/" + id + "/move", {{"slice_id", target}}, "move-1");
    EXPECT_EQ(again.body["slice_id"], target) << "the same key moves nothing more";
    EXPECT_EQ(remainingOf(target, 3), before - 1);
    EXPECT_EQ(rig.call("GET", "/v1/idempotency/move-1").body["operation"], "move");
    EXPECT_EQ(
        rig.call("POST", "/v1/bookings/" + id + "/move", {{"slice_id", slice("D101", 4)}}, "move-2")
            .body["code"],
        "not_movable")
        << "once moved to a session the doctor holds, it is an ordinary booking again";

    const auto audit = rig.store().audit(rig.server().now());
    ASSERT_TRUE(audit.ok());
    EXPECT_TRUE(audit->violations.empty()) << audit->violations.front();
    EXPECT_EQ(audit->payments.at("captured"), 1);
}
