#pragma once
// 建档 as the kiosk does it, for tests that need a registered patient: a code texted to the
// mobile number, read back from the sandbox's outbox (the patient's phone), then the
// registration with it.
#include <regex>
#include <string>

#include "platform/platform_client.h"
#include "sim/platform/platform_store.h"

namespace lobby::testing {

// The code in the last text to `phone`; empty if none was sent.
inline std::string textedCode(sim::PlatformStore& store, const std::string& phone) {
    const auto text = store.lastSms(phone);
    std::smatch code;
    if (!text || !std::regex_search(*text, code, std::regex("[0-9]{6}"))) return {};
    return code.str();
}

inline Result<platform::Patient> registerVerified(platform::PlatformClient& client,
                                                  sim::PlatformStore& store,
                                                  const std::string& idNumber,
                                                  const std::string& name,
                                                  const std::string& idempotencyKey,
                                                  const std::string& phone = "13800138000") {
    auto sent = client.sendVerificationCode(phone);
    if (!sent) return sent.error();
    return client.registerPatient(idNumber, name, {phone, sent->id, textedCode(store, phone)},
                                  idempotencyKey);
}

}  // namespace lobby::testing
