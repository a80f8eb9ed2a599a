#pragma once
// The platform's reply bodies decoded, strictly: a route's JSON becomes our types, or an Error
// with code "platform.bad_reply" saying what was wrong (not JSON, a field missing or of the wrong
// type). Never throws, whatever the bytes; fuzzed by tests/fuzz/targets/fuzz_platform_reply.cpp.
// Pure functions of the body, so the HTTPS client stays about transport.

#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "platform/platform_types.h"

namespace lobby::platform::replies {

Error badReply(const std::string& what);

Result<Refusal> refusal(const std::string& body);
Result<std::vector<Department>> departments(const std::string& body);
Result<std::vector<Doctor>> doctors(const std::string& body);
Result<std::vector<Session>> schedule(const std::string& body);
// 改约: where a stopped booking may move, by doctor.
Result<std::vector<DoctorSchedule>> alternatives(const std::string& body);
Result<Patient> patient(const std::string& body);
Result<Booking> booking(const std::string& body);
Result<std::vector<Booking>> bookings(const std::string& body);
Result<Payment> payment(const std::string& body);
Result<CheckIn> checkIn(const std::string& body);
Result<IdempotencyRecord> idempotencyRecord(const std::string& body);
Result<Enrollment> enrollment(const std::string& body);
// The scene's signed text and signature; the ETag comes from the reply's header.
Result<SignedScene> scene(const std::string& body, const std::string& etag);
Result<std::vector<Notice>> notices(const std::string& body);
Result<BookingRules> bookingRules(const std::string& body);
Result<SmsVerification> smsVerification(const std::string& body);
Result<std::vector<Dependant>> dependants(const std::string& body);
Result<Dependant> dependant(const std::string& body);
std::string_view toString(Relation relation);
std::string_view toString(IdentityProof proof);

}  // namespace lobby::platform::replies
