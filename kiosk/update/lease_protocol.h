#pragma once
// The maintenance lease's wire protocol between the updater (root) and the running kiosk, over
// the kiosk's Unix socket (update.lease_socket, 0600 in its runtime directory): one request line
// per connection, one answer line back.
//   acquire DURATION_MS   → granted | refused patient_present | refused too_long
//   release               → released
//   anything else         → error bad_request
// A line is at most kMaxLeaseLine bytes; both sides parse strictly. Qt-free.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lobby::update {

inline constexpr std::size_t kMaxLeaseLine = 64;

struct LeaseRequest {
    enum class Kind { Acquire, Release } kind = Kind::Release;
    std::int64_t duration_ms = 0;
};
// The request in `line` (without its newline); nullopt when it is not one.
std::optional<LeaseRequest> parseLeaseRequest(std::string_view line);
std::string formatLeaseRequest(const LeaseRequest& request);

enum class LeaseAnswer { Granted, PatientPresent, TooLong, Released, BadRequest };
std::string_view leaseAnswerLine(LeaseAnswer answer);
std::optional<LeaseAnswer> parseLeaseAnswer(std::string_view line);

}  // namespace lobby::update
