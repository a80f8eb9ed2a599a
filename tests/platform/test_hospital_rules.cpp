// Each hospital's rules: read strictly from JSON, and obeyed by the sandbox's store.
#include <gtest/gtest.h>

#include <ctime>

#include "sim/platform/hospital_rules.h"
#include "sim/platform/platform_store.h"

using namespace lobby;
using namespace lobby::sim;

namespace {

// Today + days at HH:MM, local time.
Clock::time_point at(int days, int hour, int minute) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    local.tm_mday += days;
    local.tm_hour = hour;
    local.tm_min = minute;
    local.tm_sec = 0;
    return Clock::from_time_t(std::mktime(&local));
}

std::string sliceOn(const std::string& doctor, int days, const char* period = "m") {
    const std::time_t when = Clock::to_time_t(at(days, 12, 0));
    std::tm local{};
    localtime_r(&when, &local);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &local);
    return doctor + "-" + date + "-" + period + "-1";
}

class RulesStore : public ::testing::Test {
protected:
    void SetUp() override {
        path_ = std::filesystem::temp_directory_path() /
                ("lobby-rules-test-" + std::to_string(::getpid()) + ".db");
        std::filesystem::remove(path_);
        store_ = std::move(PlatformStore::open(path_).value());
        patient_ = store_->registerPatient("11010519491231002X", "张三丰").value().id;
    }
    void TearDown() override {
        store_.reset();
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path_.string() + suffix);
    }
    std::filesystem::path path_;
    std::unique_ptr<PlatformStore> store_;
    std::string patient_;
};

}  // namespace

TEST(HospitalRules, DefaultsAreTheDomainsRules) {
    const HospitalRules rules;
    EXPECT_TRUE(rules.realNameCheck);
    EXPECT_EQ(rules.bookingWindowFirst_days, 1);
    EXPECT_EQ(rules.bookingWindowLast_days, 7);
    EXPECT_EQ(rules.releaseHour, 8);
    EXPECT_EQ(rules.maxPerDoctorPerDay, 1);
    EXPECT_EQ(rules.maxPerDay, 3);
    EXPECT_EQ(rules.credit.noShows, 3);
    EXPECT_EQ(rules.cancelUntil_daysBefore, 1);
    EXPECT_EQ(rules.morningPickupCloses_min, 9 * 60 + 30);
    EXPECT_EQ(rules.afternoonPickupCloses_min, 14 * 60 + 30);
    EXPECT_EQ(rules.unpaidHold.count(), 10);
}

TEST(HospitalRules, AreReadStrictly) {
    auto rules = parseHospitalRules(
        R"({"max_per_day": 2, "morning_pickup_closes": "10:00", "unpaid_hold_minutes": 15,
            "real_name_check": false, "no_shows": 5})");
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    EXPECT_EQ(rules->maxPerDay, 2);
    EXPECT_EQ(rules->morningPickupCloses_min, 600);
    EXPECT_EQ(rules->unpaidHold.count(), 15);
    EXPECT_FALSE(rules->realNameCheck);
    EXPECT_EQ(rules->credit.noShows, 5);
    EXPECT_EQ(rules->maxPerDoctorPerDay, 1) << "what the file does not say keeps its default";

    const std::pair<const char*, const char*> bad[] = {
        {"[]", "not a JSON object"},
        {R"({"max_per_dy": 2})", "unknown key max_per_dy"},
        {R"({"max_per_day": "2"})", "max_per_day must be an integer"},
        {R"({"max_per_day": 0})", "max_per_day: 0 is out of range 1..20"},
        {R"({"morning_pickup_closes": "9:30"})", "morning_pickup_closes must be a time"},
        {R"({"morning_pickup_closes": "25:00"})", "morning_pickup_closes must be a time"},
        {R"({"real_name_check": 1})", "real_name_check must be true or false"},
        {R"({"booking_window_first_days": 5, "booking_window_last_days": 3})", "is after"},
    };
    for (const auto& [json, why] : bad) {
        auto refused = parseHospitalRules(json);
        ASSERT_FALSE(refused.ok()) << json;
        EXPECT_EQ(refused.error().kind, ErrorKind::InvalidConfig);
        EXPECT_NE(refused.error().message.find(why), std::string::npos)
            << json << " → " << refused.error().message;
    }
}

TEST_F(RulesStore, ADailyLimitOfOneRefusesTheSecondBooking) {
    auto first = store_->createBooking("k1", patient_, sliceOn("D101", 2), at(0, 10, 0));
    ASSERT_TRUE(first.ok()) << first.error().message;
    HospitalRules rules;
    rules.maxPerDay = 1;
    store_->setRules(rules);
    auto second = store_->createBooking("k2", patient_, sliceOn("D102", 2), at(0, 10, 0));
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, "limit_per_day");
    EXPECT_EQ(second.error().message, "1") << "the refusal's words show the hospital's limit";
}

TEST_F(RulesStore, ALaterPickupCloseLetsA0945CheckInThrough) {
    const std::string slice = sliceOn("D101", 0);
    auto booking = store_->createBooking("k1", patient_, slice, at(-1, 10, 0));
    ASSERT_TRUE(booking.ok()) << booking.error().message;
    ASSERT_TRUE(store_->startPayment("p1", booking->id, "insurance", at(-1, 10, 0)).ok());
    auto closed = store_->checkIn("c1", booking->id, at(0, 9, 45));
    ASSERT_FALSE(closed.ok()) << "09:30 by default";
    EXPECT_EQ(closed.error().code, "outside_pickup_window");
    EXPECT_EQ(closed.error().message, "09:30");
    HospitalRules rules;
    rules.morningPickupCloses_min = 10 * 60;
    store_->setRules(rules);
    auto open = store_->checkIn("c2", booking->id, at(0, 9, 45));
    ASSERT_TRUE(open.ok()) << open.error().message;
    EXPECT_FALSE(open->queueNumber.empty());
}

TEST_F(RulesStore, AWiderBookingWindowAndALongerHold) {
    EXPECT_EQ(store_->createBooking("k1", patient_, sliceOn("D101", 9), at(0, 10, 0)).error().code,
              "outside_booking_window")
        << "7 days ahead by default";
    HospitalRules advanceOnly;
    advanceOnly.sameDayRegistration = false;
    store_->setRules(advanceOnly);
    auto sameDay = store_->createBooking("k2", patient_, sliceOn("D101", 0, "a"), at(0, 10, 0));
    ASSERT_FALSE(sameDay.ok());
    EXPECT_EQ(sameDay.error().code, "outside_booking_window");
    HospitalRules rules;
    rules.sameDayRegistration = false;
    rules.bookingWindowFirst_days = 0;  // 当日挂号 allowed by the window
    rules.bookingWindowLast_days = 10;
    rules.unpaidHold = std::chrono::minutes(30);
    store_->setRules(rules);
    auto farther = store_->createBooking("k4", patient_, sliceOn("D102", 9), at(0, 10, 0));
    ASSERT_TRUE(farther.ok()) << farther.error().message;
    auto allowed = store_->createBooking("k3", patient_, sliceOn("D101", 0, "a"), at(0, 10, 0));
    ASSERT_TRUE(allowed.ok()) << allowed.error().message;
    // Still held 20 minutes later (the default would have released it after 10).
    auto paid = store_->startPayment("p3", allowed->id, "insurance", at(0, 10, 20));
    ASSERT_TRUE(paid.ok()) << paid.error().message;
    EXPECT_EQ(paid->status, "captured");
}

TEST_F(RulesStore, TooManyBookingsInAPeriodAreRefusedWithTheHospitalsNumbers) {
    HospitalRules rules;
    rules.credit.maxBookings = 3;
    rules.credit.bookingLookback_days = 30;
    rules.credit.blocked_days = 7;
    store_->setRules(rules);
    int key = 0;
    auto bookAndPay = [&](const std::string& slice) {
        const std::string k = "k" + std::to_string(++key);
        auto booking = store_->createBooking(k, patient_, slice, at(0, 10, key));
        if (!booking) return booking.error().code;
        auto paid = store_->startPayment(k + "-pay", booking->id, "insurance", at(0, 10, key));
        return paid ? std::string("paid:") + booking->id : paid.error().code;
    };
    const std::string first = bookAndPay(sliceOn("D101", 2));
    ASSERT_EQ(first.rfind("paid:", 0), 0u) << first;
    // A cancelled booking still counts: it was booked.
    ASSERT_TRUE(store_->cancel("c1", first.substr(5), at(0, 10, 30)).ok());
    ASSERT_EQ(bookAndPay(sliceOn("D102", 3)).rfind("paid:", 0), 0u);
    ASSERT_EQ(bookAndPay(sliceOn("D103", 4)).rfind("paid:", 0), 0u);
    auto refused = store_->createBooking("k9", patient_, sliceOn("D104", 5), at(0, 11, 0));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "too_many_bookings");
    EXPECT_EQ(refused.error().message.rfind("30|3|", 0), 0u) << refused.error().message;
}
