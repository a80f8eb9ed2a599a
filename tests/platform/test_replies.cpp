// The platform's replies decoded on the kiosk: every number range-checked at full width (a fee
// of 4294967396 fen must not wrap to 100), every text bounded, and a patient's name masked
// again whatever the platform sent.
#include <gtest/gtest.h>

#include "platform/bill_replies.h"
#include "platform/fleet_replies.h"
#include "platform/release_replies.h"
#include "platform/replies.h"

using namespace lobby::platform;

namespace {

std::string doctorWithFee(const std::string& fee) {
    return R"([{"id":"D1","name":"李医生","title":"主任医师","specialty":"内科","fee_fen":)" + fee +
           "}]";
}

std::string bookingWithFee(const std::string& fee) {
    return R"({"id":"B1","status":"paid","slice_id":"S1","hold_expires_at":"","fee_fen":)" + fee +
           R"(,"visit":{"date":"2026-12-02","period":"morning","start":"08:00","end":"08:30",)"
           R"("doctor":{"name":"李医生","title":"主任医师"},"department":{"zh":"内科","en":"Medicine"}}})";
}

}  // namespace

// The admins' fleet view: a heartbeat and its time come together; no control byte is kept; a
// terminal id that could not be one is refused.
TEST(Replies, TheFleetIsDecodedStrictly) {
    auto fleet = replies::fleet(R"({"group": "default", "terminals": [
        {"terminal_id": "K-1", "heartbeat_at": 1800000000, "heartbeat": {"terminal_id": "K-1",
         "software_version": "1.4\u001b[2J", "scene_version": 3, "uptime_s": 5,
         "devices": {"printer": "paper_out"}, "last_error": "a\nb"}},
        {"terminal_id": "K-2", "heartbeat_at": null, "heartbeat": null}]})");
    ASSERT_TRUE(fleet) << fleet.error().message;
    ASSERT_EQ(fleet->size(), 2u);
    EXPECT_EQ((*fleet)[0].heartbeat->softwareVersion, "1.4[2J");
    EXPECT_EQ((*fleet)[0].heartbeat->lastError, "ab");
    EXPECT_EQ((*fleet)[0].heartbeat->devices.at("printer"), "paper_out");
    EXPECT_FALSE((*fleet)[1].heartbeat);
    EXPECT_FALSE(replies::fleet(R"({"terminals": [{"terminal_id": "../x", "heartbeat_at": null,
        "heartbeat": null}]})"));
    EXPECT_FALSE(replies::fleet(R"({"terminals": [{"terminal_id": "K-1", "heartbeat_at": 5,
        "heartbeat": null}]})"));
    EXPECT_FALSE(
        replies::fleet(R"({"terminals": [{"terminal_id": "K-1", "heartbeat_at": null}]})"));
    EXPECT_FALSE(replies::fleet(R"({"terminals": {}})"));
}

TEST(Replies, RolloutsAndTheFleetsUpdateStepsAreDecodedStrictly) {
    const std::string rollout =
        R"({"rollout_id": "R-0123456789ab", "scene_type": "outpatient_lobby",
        "release": "1.1.0", "counter": 2, "published_at": 1800000000,
        "window": {"from": "23:00", "to": "05:00"}, "stage": 1, "stage_count": 2, "paused": true,
        "pause_reason": "paused by itself\u001b[2J", "installing": 1, "committed": 3,
        "rolled_back": 1, "abandoned": 0, "terminals": [{"terminal_id": "K-1",
        "phase": "rolled_back", "ok": false, "error_code": "update.health_failed",
        "from_version": "1.0.0", "to_version": "1.1.0", "at": 1800000100, "phase_ms": 45000,
        "out_of_service_ms": 12000}]})";
    auto decoded = replies::rollout(rollout);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->id, "R-0123456789ab");
    EXPECT_EQ(decoded->windowFrom, "23:00");
    EXPECT_TRUE(decoded->paused);
    EXPECT_EQ(decoded->pauseReason, "paused by itself[2J");
    EXPECT_EQ(decoded->committed, 3);
    ASSERT_EQ(decoded->terminals.size(), 1u);
    EXPECT_EQ(decoded->terminals[0].phase, UpdateStepPhase::RolledBack);
    EXPECT_FALSE(decoded->terminals[0].ok);
    EXPECT_EQ(decoded->terminals[0].phase_ms, 45000);
    EXPECT_EQ(decoded->terminals[0].outOfService_ms, 12000);
    auto list = replies::rollouts("{\"rollouts\": [" + rollout + "]}");
    ASSERT_TRUE(list) << list.error().message;
    EXPECT_EQ(list->size(), 1u);
    const auto changed = [&](const std::string& from, const std::string& to) {
        std::string body = rollout;
        body.replace(body.find(from), from.size(), to);
        return replies::rollout(body);
    };
    EXPECT_FALSE(changed("\"stage\": 1", "\"stage\": 2"));  // past its last stage
    EXPECT_FALSE(changed("\"phase\": \"rolled_back\"", "\"phase\": \"rebooted\""));
    EXPECT_FALSE(changed("\"ok\": false, ", ""));
    EXPECT_FALSE(changed("\"committed\": 3", "\"committed\": -3"));
    EXPECT_FALSE(changed("\"from\": \"23:00\"", "\"from\": \"25:00\""));
    EXPECT_FALSE(changed("R-0123456789ab", "R-../../etc"));
    EXPECT_FALSE(changed("\"out_of_service_ms\": 12000", "\"out_of_service_ms\": -1"));
    EXPECT_FALSE(changed("\"phase_ms\": 45000", "\"phase_ms\": 1e30"));
    EXPECT_FALSE(replies::rollouts(R"({"rollouts": {}})"));

    auto fleet = replies::fleet(R"({"terminals": [{"terminal_id": "K-1", "heartbeat_at": null,
        "heartbeat": null, "update": {"rollout_id": "R-0123456789ab", "phase": "committed",
        "ok": true, "error_code": "", "from_version": "1.0.0", "to_version": "1.1.0", "at": 5}}]})");
    ASSERT_TRUE(fleet) << fleet.error().message;
    ASSERT_TRUE((*fleet)[0].update);
    EXPECT_EQ((*fleet)[0].update->phase, UpdateStepPhase::Committed);
    EXPECT_EQ((*fleet)[0].update->rolloutId, "R-0123456789ab");
    EXPECT_EQ((*fleet)[0].update->outOfService_ms, 0);  // not said: not known
    EXPECT_FALSE(replies::fleet(R"({"terminals": [{"terminal_id": "K-1", "heartbeat_at": null,
        "heartbeat": null, "update": {"phase": "committed", "ok": true}}]})"));
}

TEST(Replies, AReleaseOfferKeepsTheSignedBytes) {
    auto offer = replies::releaseOffer(R"({"manifest_json": "{\"format\": 1}",
        "manifest_signature_base64": "c2ln", "assignment_json": "{\"a\": 1}",
        "assignment_signature_base64": "c2ln"})");
    ASSERT_TRUE(offer) << offer.error().message;
    EXPECT_EQ(offer->manifestJson, "{\"format\": 1}");
    EXPECT_FALSE(replies::releaseOffer(R"({"manifest_json": "", "manifest_signature_base64": "c",
        "assignment_json": "{}", "assignment_signature_base64": "c"})"));
    EXPECT_FALSE(replies::releaseOffer(R"({"manifest_json": "{}", "manifest_signature_base64": 5,
        "assignment_json": "{}", "assignment_signature_base64": "c"})"));
}

TEST(Replies, FeesAreRangeCheckedAtFullWidth) {
    ASSERT_TRUE(replies::doctors(doctorWithFee("2500")).ok());
    EXPECT_EQ(replies::doctors(doctorWithFee("2500"))->front().feeFen, 2500);
    for (const char* fee : {"4294967396", "-1", "18446744073709551615", "1000001", "2.5"}) {
        auto doctors = replies::doctors(doctorWithFee(fee));
        ASSERT_FALSE(doctors.ok()) << fee;
        EXPECT_EQ(doctors.error().code, "platform.bad_reply") << fee;
        auto booking = replies::booking(bookingWithFee(fee));
        ASSERT_FALSE(booking.ok()) << fee;
        EXPECT_EQ(booking.error().code, "platform.bad_reply") << fee;
    }
    EXPECT_NE(replies::booking(bookingWithFee("4294967396")).error().message.find("fee_fen"),
              std::string::npos);
}

TEST(Replies, CountsAreNeverNegative) {
    const std::string schedule =
        R"([{"id":"S","date":"2026-12-02","period":"morning","slices":[{"id":"X","start":"08:00","end":"08:30","remaining":-3}]}])";
    EXPECT_EQ(replies::schedule(schedule).error().code, "platform.bad_reply");
}

TEST(Replies, APatientsNameIsMaskedWhateverThePlatformSent) {
    auto full = replies::patient(R"({"id":"P1","masked_name":"张三丰","session_token":"S1"})");
    ASSERT_TRUE(full.ok());
    EXPECT_EQ(full->maskedName, "张*丰");
    auto masked = replies::patient(R"({"id":"P1","masked_name":"张*丰","session_token":"S1"})");
    ASSERT_TRUE(masked.ok());
    EXPECT_EQ(masked->maskedName, "张*丰") << "an already masked name stays as it was";
    EXPECT_EQ(replies::patient(R"({"id":"P1","masked_name":"欧阳娜娜","session_token":"S1"})")
                  ->maskedName,
              "欧**娜");
    EXPECT_EQ(replies::patient(R"({"id":"P1","masked_name":"张*丰"})").error().code,
              "platform.bad_reply")
        << "no session, no patient";
}

TEST(Replies, OverlongTextIsNotAReply) {
    const std::string name(5000, 'x');
    EXPECT_EQ(replies::patient(R"({"id":"P1","session_token":"S1","masked_name":")" + name + "\"}")
                  .error()
                  .code,
              "platform.bad_reply");
}

TEST(Replies, StatusesAreTypedAndAnUnknownOneIsRefused) {
    auto booking = replies::booking(bookingWithFee("2500"));
    ASSERT_TRUE(booking.ok()) << booking.error().message;
    EXPECT_EQ(booking->status, BookingStatus::Paid);
    std::string odd = bookingWithFee("2500");
    odd.replace(odd.find("\"paid\""), 6, "\"lost\"");
    EXPECT_EQ(replies::booking(odd).error().code, "platform.bad_reply");
    auto payment =
        replies::payment(R"({"id":"Y1","booking_id":"B1","method":"wechat","status":"captured"})");
    ASSERT_TRUE(payment.ok());
    EXPECT_EQ(payment->status, PaymentStatus::Captured);
    EXPECT_EQ(toString(payment->status), "captured");
    EXPECT_EQ(
        replies::payment(R"({"id":"Y1","booking_id":"B1","method":"wechat","status":"maybe"})")
            .error()
            .code,
        "platform.bad_reply");
}

TEST(Replies, AlternativesAreDoctorsWithTheirSessionsCheckedLikeEveryOther) {
    const std::string good =
        R"([{"doctor":{"id":"D101","name":"李医生","title":"主任医师","specialty":"","fee_fen":5000},)"
        R"("sessions":[{"id":"S1","date":"2026-12-03","period":"morning","slices":)"
        R"([{"id":"SL1","start":"08:00","end":"08:30","remaining":2}]}]}])";
    auto alternatives = replies::alternatives(good);
    ASSERT_TRUE(alternatives.ok()) << alternatives.error().message;
    ASSERT_EQ(alternatives->size(), 1u);
    EXPECT_EQ(alternatives->front().doctor.feeFen, 5000);
    EXPECT_EQ(alternatives->front().sessions.front().slices.front().remaining, 2);
    EXPECT_TRUE(replies::alternatives("[]")->empty()) << "nowhere to go is an answer";
    for (const std::string& bad :
         {std::string(R"([{"doctor":{"id":"D1"}}])"), std::string(R"([{"sessions":[]}])"),
          std::string(R"({"doctor":{}})"), std::string("[1]")}) {
        EXPECT_EQ(replies::alternatives(bad).error().code, "platform.bad_reply") << bad;
    }
    std::string negative = good;
    negative.replace(negative.find("\"remaining\":2"), 13, "\"remaining\":-1");
    EXPECT_EQ(replies::alternatives(negative).error().code, "platform.bad_reply");
}

TEST(Replies, TheBookingRulesAreTimesOfDayAndBoundedCounts) {
    const std::string good =
        R"({"booking_window":{"first_days":1,"last_days":7,"last_day_opens":"08:00"},)"
        R"("same_day":{"enabled":true,"morning_closes":"11:00","afternoon_closes":"16:30"},)"
        R"("pickup":{"morning_closes":"09:30","afternoon_closes":"14:30"},)"
        R"("cancel_until_days_before":1,"limits":{"per_doctor_per_day":1,"per_day":3},)"
        R"("unpaid_hold_minutes":10,"clinic_types":[)"
        R"({"type":"general","lowest_fee_fen":800,"highest_fee_fen":800},)"
        R"({"type":"expert","lowest_fee_fen":1000,"highest_fee_fen":5000}]})";
    auto rules = replies::bookingRules(good);
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    EXPECT_TRUE(rules->sameDay);
    EXPECT_EQ(rules->sameDayMorningCloses_min, 11 * 60);
    EXPECT_EQ(rules->sameDayAfternoonCloses_min, 16 * 60 + 30);
    EXPECT_EQ(rules->windowLast_days, 7);
    ASSERT_EQ(rules->clinicFees.size(), 2u);
    EXPECT_EQ(rules->clinicFees[0].type, ClinicType::General);
    EXPECT_EQ(rules->clinicFees[1].highest_fen, 5000);
    const auto broken = [&](const std::string& from, const std::string& to) {
        std::string body = good;
        body.replace(body.find(from), from.size(), to);
        return replies::bookingRules(body);
    };
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"\"11:00\"", "\"25:00\""},
             {"\"11:00\"", "\"11:0\""},
             {"\"11:00\"", "\"1a:00\""},
             {"\"11:00\"", "660"},
             {"\"enabled\":true", "\"enabled\":\"yes\""},
             {"\"last_days\":7", "\"last_days\":4294967303"},
             {"\"first_days\":1", "\"first_days\":9"},
             {"\"per_day\":3", "\"per_day\":0"},
             {"\"highest_fee_fen\":5000", "\"highest_fee_fen\":500"},
             {"\"type\":\"general\"", "\"type\":\"vip\""},
             {"\"lowest_fee_fen\":1000", "\"lowest_fee_fen\":-1"},
             {",\"clinic_types\":[", ",\"clinic_kinds\":["},
         }) {
        auto refused = broken(from, to);
        ASSERT_FALSE(refused.ok()) << to;
        EXPECT_EQ(refused.error().code, "platform.bad_reply") << to;
    }
}

TEST(Replies, ASliceIsBookableUnlessThePlatformSaysNot) {
    const std::string slice =
        R"([{"id":"S","date":"2026-12-02","period":"morning","slices":[{"id":"X","start":"08:00","end":"08:30","remaining":3)";
    EXPECT_TRUE(replies::schedule(slice + "}]}]")->front().slices.front().bookable);
    EXPECT_FALSE(
        replies::schedule(slice + R"(,"bookable":false}]}])")->front().slices.front().bookable);
    EXPECT_EQ(replies::schedule(slice + R"(,"bookable":"no"}]}])").error().code,
              "platform.bad_reply");
}

// 门诊缴费's replies: a split that does not add up, a line that is not count times price, a
// total that is not its lines', an unknown status or an absurd amount is the platform's mistake.
TEST(BillReplies, ASplitOrABillThatDoesNotAddUpIsRefused) {
    namespace replies = lobby::platform::replies;
    const std::string split =
        R"("total_fen":1000,"fund_fen":600,"account_fen":100,"cash_fen":300,"deductible_fen":0,)"
        R"("account_balance_after_fen":0,"uncovered":[])";
    auto price = replies::presettlement(
        R"({"id":"PS1","lock_id":"LK1","expires_at":"2026-12-02T09:10:00+08:00",)" + split + "}");
    ASSERT_TRUE(price.ok()) << price.error().message;
    EXPECT_EQ(price->split.cash_fen, 300);
    std::string wrong = split;
    wrong.replace(wrong.find("\"cash_fen\":300"), 14, "\"cash_fen\":301");
    auto bad = replies::presettlement(
        R"({"id":"PS1","lock_id":"LK1","expires_at":"2026-12-02T09:10:00+08:00",)" + wrong + "}");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "platform.bad_reply");

    const auto bill = [](const std::string& line, int total) {
        return R"([{"id":"BL1","category":"drug","title":"t","doctor":"d","department":"x",)"
               R"("performed_by":"p","pay_group":"g","guide":"g","note":"","total_fen":)" +
               std::to_string(total) + R"(,"created_at":"c","items":[)" + line + "]}]";
    };
    const std::string line =
        R"({"name":"n","spec":"s","count":2,"unit_fee_fen":150,"amount_fen":300,"insurance_class":"a"})";
    EXPECT_TRUE(replies::bills(bill(line, 300)).ok());
    EXPECT_FALSE(replies::bills(bill(line, 301)).ok()) << "a total that is not its lines'";
    std::string misPriced = line;
    misPriced.replace(misPriced.find("\"amount_fen\":300"), 16, "\"amount_fen\":299");
    EXPECT_FALSE(replies::bills(bill(misPriced, 299)).ok()) << "a line not count times price";
    std::string unknownClass = line;
    unknownClass.replace(unknownClass.find("\"a\""), 3, "\"z\"");
    EXPECT_FALSE(replies::bills(bill(unknownClass, 300)).ok());
    EXPECT_FALSE(replies::bills(bill("", 0)).ok()) << "a bill without lines";
    EXPECT_FALSE(replies::billPayment(R"({"id":"BP1","lock_id":"LK1","method":"payment_code",)"
                                      R"("amount_fen":-1,"status":"captured"})")
                     .ok());
    EXPECT_FALSE(replies::billPayment(R"({"id":"BP1","lock_id":"LK1","method":"wechat",)"
                                      R"("amount_fen":100,"status":"pending"})")
                     .ok())
        << "a QR payment without its QR";
    EXPECT_FALSE(replies::reversal(R"({"message_id":"m","outcome":"maybe"})").ok());
}

// The receipt's e-invoice goes onto paper as text and a QR: numbers that are not the finance
// bureau's, an address that is not plain https, or another amount than the bills' is refused.
TEST(BillReplies, AReceiptsEInvoiceIsCheckedBeforeItCanReachTheSlip) {
    namespace replies = lobby::platform::replies;
    const auto receipt = [](const std::string& invoice) {
        return R"({"receipt_number":"R1","lock_id":"LK1","total_fen":300,"fund_fen":0,)"
               R"("account_fen":0,"cash_fen":300,"bills":[{"id":"BL1","category":"drug",)"
               R"("title":"t","doctor":"d","department":"x","performed_by":"p","pay_group":"g",)"
               R"("guide":"g","note":"","total_fen":300,"created_at":"c","items":[{"name":"n",)"
               R"("spec":"s","count":2,"unit_fee_fen":150,"amount_fen":300,"insurance_class":"a"}]})"
               R"(])" +
               (invoice.empty() ? std::string() : R"(,"e_invoice":)" + invoice) + "}";
    };
    const auto invoice = [](const std::string& number, const std::string& url, int amount) {
        return R"({"id":"E1","code":"33010126","number":")" + number +
               R"(","check_code":"A1B2C3","amount_fen":)" + std::to_string(amount) +
               R"(,"verify_url":")" + url + R"("})";
    };
    auto none = replies::billReceipt(receipt(""));
    ASSERT_TRUE(none.ok()) << none.error().message;
    EXPECT_FALSE(none->eInvoice) << "the hospital may issue it later";

    auto issued =
        replies::billReceipt(receipt(invoice("0000000001", "https://e.example/v?n=1", 300)));
    ASSERT_TRUE(issued.ok()) << issued.error().message;
    ASSERT_TRUE(issued->eInvoice);
    EXPECT_EQ(issued->eInvoice->number, "0000000001");
    EXPECT_EQ(issued->eInvoice->verifyUrl, "https://e.example/v?n=1");

    for (const auto& bad :
         {invoice("00000000x1", "https://e.example/v", 300),
          invoice("0000000001", "http://e.example/v", 300),
          invoice("0000000001", "https://e.example/v w", 300),
          invoice("0000000001", "https://e.example/\\u001b[2J", 300),
          invoice("0000000001", "https://e.example/" + std::string(300, 'a'), 300),
          invoice("0000000001", "https://e.example/v", 299), std::string(R"("E1")")}) {
        auto refused = replies::billReceipt(receipt(bad));
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_EQ(refused.error().code, "platform.bad_reply") << bad;
    }
}
