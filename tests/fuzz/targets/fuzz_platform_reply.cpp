// Any bytes as a reply body from the appointment platform (or whatever answers in its place):
// every route's decoder must give a value or a typed "platform.bad_reply" error saying what was
// wrong, never crash, throw or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "platform/bill_replies.h"
#include "platform/fleet_replies.h"
#include "platform/release_replies.h"
#include "platform/replies.h"

namespace {

template <typename T>
void check(const lobby::Result<T>& decoded) {
    if (!decoded &&
        (decoded.error().code != "platform.bad_reply" || decoded.error().message.empty()))
        __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    namespace replies = lobby::platform::replies;
    const std::string body(reinterpret_cast<const char*>(data), size);
    check(replies::refusal(body));
    check(replies::departments(body));
    check(replies::doctors(body));
    check(replies::schedule(body));
    check(replies::alternatives(body));
    check(replies::patient(body));
    check(replies::booking(body));
    check(replies::bookings(body));
    check(replies::payment(body));
    check(replies::checkIn(body));
    check(replies::idempotencyRecord(body));
    check(replies::enrollment(body));
    check(replies::scene(body, "\"1\""));
    check(replies::notices(body));
    check(replies::bookingRules(body));
    check(replies::smsVerification(body));
    if (auto fleet = replies::fleet(body)) {
        for (const auto& terminal : *fleet) {
            if (terminal.heartbeat)
                for (char c : terminal.heartbeat->lastError + terminal.heartbeat->rejectedScene)
                    if (static_cast<unsigned char>(c) < 0x20) __builtin_trap();
        }
    } else {
        check(fleet);
    }
    if (auto rollouts = replies::rollouts(body)) {
        for (const auto& rollout : *rollouts) {
            if (rollout.stage >= rollout.stageCount) __builtin_trap();
            for (const auto& step : rollout.terminals)
                for (char c : step.terminalId + step.errorCode + step.toVersion)
                    if (static_cast<unsigned char>(c) < 0x20) __builtin_trap();
        }
    } else {
        check(rollouts);
    }
    check(replies::rollout(body));
    check(replies::releaseOffer(body));
    check(replies::dependants(body));
    check(replies::dependant(body));
    check(replies::bills(body));
    check(replies::billLock(body));
    check(replies::presettlement(body));
    check(replies::settlement(body));
    check(replies::reversal(body));
    check(replies::billPayment(body));
    check(replies::billReceipt(body));
    // An insurance split that decodes always adds up.
    if (auto price = replies::presettlement(body)) {
        const auto& split = price->split;
        if (static_cast<long long>(split.fund_fen) + split.account_fen + split.cash_fen !=
            split.total_fen)
            __builtin_trap();
    }
    // A photo path is taken only on the platform, never elsewhere.
    if (auto doctors = replies::doctors(body)) {
        for (const auto& doctor : doctors.value()) {
            if (!doctor.photoPath.empty() && (doctor.photoPath.rfind("/v1/", 0) != 0 ||
                                              doctor.photoPath.find("..") != std::string::npos))
                __builtin_trap();
        }
    }
    return 0;
}
