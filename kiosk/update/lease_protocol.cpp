#include "update/lease_protocol.h"

#include <array>
#include <utility>

namespace lobby::update {
namespace {

constexpr std::array<std::pair<LeaseAnswer, std::string_view>, 5> kAnswers{{
    {LeaseAnswer::Granted, "granted"},
    {LeaseAnswer::PatientPresent, "refused patient_present"},
    {LeaseAnswer::TooLong, "refused too_long"},
    {LeaseAnswer::Released, "released"},
    {LeaseAnswer::BadRequest, "error bad_request"},
}};

}  // namespace

std::optional<LeaseRequest> parseLeaseRequest(std::string_view line) {
    if (line.size() > kMaxLeaseLine) return std::nullopt;
    if (line == "release") return LeaseRequest{LeaseRequest::Kind::Release, 0};
    constexpr std::string_view kAcquire = "acquire ";
    if (line.substr(0, kAcquire.size()) != kAcquire) return std::nullopt;
    const auto digits = line.substr(kAcquire.size());
    if (digits.empty() || digits.size() > 12) return std::nullopt;
    std::int64_t duration = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        duration = duration * 10 + (c - '0');
    }
    return LeaseRequest{LeaseRequest::Kind::Acquire, duration};
}

std::string formatLeaseRequest(const LeaseRequest& request) {
    if (request.kind == LeaseRequest::Kind::Release) return "release\n";
    return "acquire " + std::to_string(request.duration_ms) + "\n";
}

std::string_view leaseAnswerLine(LeaseAnswer answer) {
    for (const auto& [value, line] : kAnswers) {
        if (value == answer) return line;
    }
    return "error bad_request";
}

std::optional<LeaseAnswer> parseLeaseAnswer(std::string_view line) {
    for (const auto& [value, text] : kAnswers) {
        if (text == line) return value;
    }
    return std::nullopt;
}

}  // namespace lobby::update
