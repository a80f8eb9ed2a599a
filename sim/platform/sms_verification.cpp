// The sandbox's SMS gateway for verifying a mobile number (建档, seed 001 §3.4.1): one code a
// minute per number, valid five minutes, five tries, used once. What it "sends" goes to the
// outbox (sms_outbox), which tests and the demo read in place of a phone.
#include <openssl/rand.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;

namespace {
constexpr std::int64_t kResendAfter_s = 60;
constexpr std::int64_t kCodeLifetime_s = 300;
constexpr int kTries = 5;

Result<std::string> randomDigits(int count) {
    std::string digits;
    for (int i = 0; i < count; ++i) {
        unsigned char byte = 0;
        // Rejection sampling keeps every digit equally likely.
        do {
            if (RAND_bytes(&byte, 1) != 1)
                return makeError(ErrorKind::Internal, "platform.random",
                                 "no randomness for a code");
        } while (byte >= 250);
        digits += static_cast<char>('0' + byte % 10);
    }
    return digits;
}
}  // namespace

bool isMobileNumber(const std::string& phone) {
    if (phone.size() != 11 || phone.front() != '1') return false;
    for (const char c : phone)
        if (c < '0' || c > '9') return false;
    return true;
}

Result<SmsVerificationRow> PlatformStore::sendVerificationCode(const std::string& phone,
                                                               const std::string& purpose,
                                                               Clock::time_point now) {
    if (!isMobileNumber(phone)) return refusal("phone_invalid", "not an 11-digit mobile number");
    auto id = randomId("V", 12);
    if (!id) return id.error();
    auto code = randomDigits(6);
    if (!code) return code.error();
    const std::int64_t at = epochSeconds(now);
    std::lock_guard lock(mutex_);
    Statement last =
        prepared(db_, "SELECT MAX(sent_at) FROM sms_verifications WHERE phone = ?", {phone});
    if (sqlite3_step(last.handle) == SQLITE_ROW &&
        sqlite3_column_type(last.handle, 0) != SQLITE_NULL) {
        const std::int64_t wait = sqlite3_column_int64(last.handle, 0) + kResendAfter_s - at;
        if (wait > 0) return refusal("sms_too_soon", std::to_string(wait));
    }
    Statement insert =
        prepared(db_, "INSERT INTO sms_verifications VALUES (?, ?, ?, ?, ?, ?, NULL)",
                 {id.value(), phone, purpose, code.value(), at, std::int64_t{kTries}});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "keeping a code");
    const std::string text = "【示范医院】验证码" + code.value() +
                             "，用于自助机建档，5分钟内有效。如非本人操作，请忽略本短信。";
    Statement send = prepared(db_, "INSERT INTO sms_outbox (phone, text, sent_at) VALUES (?, ?, ?)",
                              {phone, text, at});
    if (sqlite3_step(send.handle) != SQLITE_DONE) return dbError(db_, "sending a text");
    if (!smsOutboxFile_.empty()) {
        std::ofstream outbox(smsOutboxFile_, std::ios::app);
        outbox << nlohmann::json{{"phone", phone}, {"text", text}}.dump() << '\n';
    }
    return SmsVerificationRow{id.value(), phone, text, static_cast<int>(kResendAfter_s),
                              static_cast<int>(kCodeLifetime_s)};
}

Status PlatformStore::checkVerificationCode(const std::string& verificationId,
                                            const std::string& phone, const std::string& code,
                                            const std::string& usedBy, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(
        db_, "SELECT phone, code, sent_at, tries_left, used_by FROM sms_verifications WHERE id = ?",
        {verificationId});
    if (sqlite3_step(query.handle) != SQLITE_ROW || query.text(0) != phone)
        return refusal("sms_code_expired", "no code was sent for this number");
    const std::string usedByBefore = query.text(4);
    // The same registration repeated (a lost reply) finds its own use of the code.
    if (!usedByBefore.empty())
        return usedByBefore == usedBy ? Status{}
                                      : refusal("sms_code_expired", "the code was used already");
    if (epochSeconds(now) > sqlite3_column_int64(query.handle, 2) + kCodeLifetime_s)
        return refusal("sms_code_expired", "the code is more than five minutes old");
    const int triesLeft = sqlite3_column_int(query.handle, 3);
    if (triesLeft <= 0) return refusal("sms_code_exhausted", "five wrong codes");
    if (query.text(1) != code) {
        Statement spend =
            prepared(db_, "UPDATE sms_verifications SET tries_left = tries_left - 1 WHERE id = ?",
                     {verificationId});
        if (sqlite3_step(spend.handle) != SQLITE_DONE) return dbError(db_, "counting a try");
        if (triesLeft - 1 == 0) return refusal("sms_code_exhausted", "five wrong codes");
        return refusal("sms_code_wrong", std::to_string(triesLeft - 1));
    }
    Statement use = prepared(db_, "UPDATE sms_verifications SET used_by = ? WHERE id = ?",
                             {usedBy, verificationId});
    if (sqlite3_step(use.handle) != SQLITE_DONE) return dbError(db_, "using a code");
    return {};
}

std::optional<std::string> PlatformStore::lastSms(const std::string& phone) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(
        db_, "SELECT text FROM sms_outbox WHERE phone = ? ORDER BY seq DESC LIMIT 1", {phone});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return std::nullopt;
    return query.text(0);
}

Status PlatformStore::setPatientPhone(const std::string& patientId, const std::string& phone) {
    std::lock_guard lock(mutex_);
    Statement upsert = prepared(db_,
                                "INSERT INTO patient_phones VALUES (?, ?) ON CONFLICT(patient_id) "
                                "DO UPDATE SET phone = excluded.phone",
                                {patientId, phone});
    if (sqlite3_step(upsert.handle) != SQLITE_DONE) return dbError(db_, "recording a phone");
    return {};
}

}  // namespace lobby::sim
