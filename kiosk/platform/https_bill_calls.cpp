// 门诊缴费 and 医保 over HTTPS: each call one route of docs/platform-api.yaml (tag bills and
// insurance), its reply decoded by bill_replies. Every call that moves money carries its key, so
// a retry after a lost reply is the same call; the rest change nothing when repeated.
#include <nlohmann/json.hpp>

#include "platform/bill_replies.h"
#include "platform/call_helpers.h"
#include "platform/https_platform_client.h"

namespace lobby::platform {

using nlohmann::json;

Result<std::vector<Bill>> HttpsPlatformClient::bills(const std::string& patientId) {
    if (!isPathSafe(patientId)) return badId("patient");
    return decoded(call("GET", "/v1/patients/" + patientId + "/bills", "", "", true),
                   replies::bills);
}

Result<BillLock> HttpsPlatformClient::lockBills(const std::string& patientId,
                                                const std::vector<std::string>& billIds,
                                                const std::string& idempotencyKey) {
    const json body = {{"patient_id", patientId}, {"bill_ids", billIds}};
    return decoded(call("POST", "/v1/bill-locks", body.dump(), idempotencyKey, true),
                   replies::billLock);
}

Result<BillLock> HttpsPlatformClient::releaseBillLock(const std::string& lockId) {
    if (!isPathSafe(lockId)) return badId("bill lock");
    return decoded(call("POST", "/v1/bill-locks/" + lockId + "/release", "{}", "", true),
                   replies::billLock);
}

Result<Presettlement> HttpsPlatformClient::presettle(const std::string& lockId,
                                                     const InsuranceCredential& credential,
                                                     const std::string& idempotencyKey) {
    const json given = credential.kind == InsuranceCredential::Kind::EVoucher
                           ? json{{"kind", "evoucher"}, {"token", credential.token}}
                           : json{{"kind", "ssc_card"},
                                  {"card_number", credential.cardNumber},
                                  {"card_serial", credential.cardSerial}};
    const json body = {{"lock_id", lockId}, {"credential", given}};
    return decoded(call("POST", "/v1/insurance/presettlements", body.dump(), idempotencyKey, true),
                   replies::presettlement);
}

Result<Settlement> HttpsPlatformClient::settle(const std::string& presettlementId,
                                               const std::string& messageId) {
    // The message id is the key: a retry is the same message, and a reversal names it.
    const json body = {{"presettlement_id", presettlementId}};
    return decoded(call("POST", "/v1/insurance/settlements", body.dump(), messageId, true),
                   replies::settlement);
}

Result<Settlement> HttpsPlatformClient::settlementByMessage(const std::string& messageId) {
    if (!isPathSafe(messageId)) return badId("insurance message");
    return decoded(call("GET", "/v1/insurance/messages/" + messageId, "", "", true),
                   replies::settlement);
}

Result<Settlement> HttpsPlatformClient::cancelSettlement(const std::string& settlementId) {
    if (!isPathSafe(settlementId)) return badId("settlement");
    return decoded(
        call("POST", "/v1/insurance/settlements/" + settlementId + "/cancel", "{}", "", true),
        replies::settlement);
}

Result<Reversal> HttpsPlatformClient::reverseInsurance(const std::string& messageId) {
    const json body = {{"message_id", messageId}};
    return decoded(call("POST", "/v1/insurance/reversals", body.dump(), "", true),
                   replies::reversal);
}

Result<BillPayment> HttpsPlatformClient::payBills(const std::string& lockId, BillPayMethod method,
                                                  const std::string& presettlementId,
                                                  const std::string& paymentCode,
                                                  const std::string& idempotencyKey) {
    if (!isPathSafe(lockId)) return badId("bill lock");
    json body = {{"method", std::string(replies::toString(method))}};
    if (!presettlementId.empty()) body["presettlement_id"] = presettlementId;
    if (method == BillPayMethod::PaymentCode) body["auth_code"] = paymentCode;
    return decoded(
        call("POST", "/v1/bill-locks/" + lockId + "/payments", body.dump(), idempotencyKey, true),
        replies::billPayment);
}

Result<BillPayment> HttpsPlatformClient::billPayment(const std::string& paymentId) {
    if (!isPathSafe(paymentId)) return badId("bill payment");
    return decoded(call("GET", "/v1/bill-payments/" + paymentId, "", "", true),
                   replies::billPayment);
}

Result<BillPayment> HttpsPlatformClient::reverseBillPayment(const std::string& paymentId) {
    if (!isPathSafe(paymentId)) return badId("bill payment");
    return decoded(call("POST", "/v1/bill-payments/" + paymentId + "/reverse", "{}", "", true),
                   replies::billPayment);
}

Result<BillReceipt> HttpsPlatformClient::saveBills(const std::string& lockId,
                                                   const std::string& settlementId,
                                                   const std::string& paymentId,
                                                   const std::string& idempotencyKey) {
    if (!isPathSafe(lockId)) return badId("bill lock");
    json body = json::object();
    if (!settlementId.empty()) body["settlement_id"] = settlementId;
    if (!paymentId.empty()) body["payment_id"] = paymentId;
    return decoded(
        call("POST", "/v1/bill-locks/" + lockId + "/save", body.dump(), idempotencyKey, true),
        replies::billReceipt);
}

}  // namespace lobby::platform
