// The platform's relay to the medical-insurance platform for 门诊缴费: pre-settle a held bill
// lock with the patient's credential, settle under a message id, ask what a message did, cancel a
// settlement (结算撤销) and reverse a message (冲正). Only the patient's own session reaches them.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "sim/platform/http_replies.h"
#include "sim/platform/platform_server.h"
#include "sim/platform/store_time.h"

namespace lobby::sim {
namespace {
using nlohmann::json;
using namespace http;

json presettlementJson(const PresettlementRow& row) {
    json body = splitJson(row.split);
    body["id"] = row.id;
    body["lock_id"] = row.lockId;
    body["expires_at"] = store_time::isoDateTime(row.expiresAt);
    return body;
}

json settlementJson(const SettlementRow& row) {
    json body = splitJson(row.split);
    body["id"] = row.id;
    body["message_id"] = row.messageId;
    body["presettlement_id"] = row.presettlementId;
    body["lock_id"] = row.lockId;
    body["status"] = row.status;
    return body;
}

std::optional<InsuranceCredential> credentialFrom(const json& body) {
    const json& given = body.contains("credential") ? body["credential"] : json();
    if (!given.is_object() || !given.contains("kind") || !given["kind"].is_string())
        return std::nullopt;
    const auto text = [&](const char* field) {
        return given.contains(field) && given[field].is_string() ? given[field].get<std::string>()
                                                                 : std::string();
    };
    InsuranceCredential credential{text("kind"), text("card_number"), text("card_serial"),
                                   text("token")};
    if (credential.kind == "ssc_card" && !credential.cardNumber.empty() &&
        !credential.cardSerial.empty())
        return credential;
    if (credential.kind == "evoucher" && !credential.token.empty()) return credential;
    return std::nullopt;
}
}  // namespace

void PlatformServer::insuranceRoutes() {
    post("/v1/insurance/presettlements",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto key = idempotencyKey(request, response);
             if (!key) return;
             auto body = parseBody(request, response, {"lock_id"});
             if (!body) return;
             const auto credential = credentialFrom(*body);
             if (!credential) {
                 return sendError(response, 400, "invalid_request", "请求无效",
                                  "credential: ssc_card with card_number and card_serial, or "
                                  "evoucher with token");
             }
             const auto patient = sessionPatient(request, response);
             if (!patient) return;
             if (!ownsKey(request, response, *key)) return;
             auto priced = store_.presettle(*key, *patient, (*body)["lock_id"], *credential, now());
             if (!priced) return sendRefusal(response, priced.error());
             sendJson(response, presettlementJson(priced.value()), 201);
         });
    post("/v1/insurance/settlements",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto key = idempotencyKey(request, response);
             if (!key) return;
             auto body = parseBody(request, response, {"presettlement_id"});
             if (!body) return;
             const auto patient = sessionPatient(request, response);
             if (!patient) return;
             if (!ownsKey(request, response, *key)) return;
             auto settled = store_.settle(*key, *patient, (*body)["presettlement_id"], now());
             if (!settled) return sendRefusal(response, settled.error());
             sendJson(response, settlementJson(settled.value()), 201);
         });
    // What a settlement request did, asked after its reply was lost.
    server_->Get(R"(/v1/insurance/messages/([A-Za-z0-9-]+))",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     auto made = store_.settlementByMessage(request.matches[1]);
                     const auto patient =
                         recordPatient(request, response, made ? made->patientId : "");
                     if (!patient) return;
                     if (!made || made->patientId != *patient)
                         return sendError(response, 404, "not_found", "未找到", "Not found");
                     sendJson(response, settlementJson(made.value()));
                 });
    post(R"(/v1/insurance/settlements/([A-Za-z0-9]+)/cancel)",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto patient = recordPatient(
                 request, response,
                 store_.ownerOf(PlatformStore::BillRecord::Settlement, request.matches[1]));
             if (!patient) return;
             auto cancelled = store_.cancelSettlement(request.matches[1], *patient);
             if (!cancelled) return sendRefusal(response, cancelled.error());
             sendJson(response, settlementJson(cancelled.value()));
         });
    post("/v1/insurance/reversals",
         [this](const httplib::Request& request, httplib::Response& response) {
             auto body = parseBody(request, response, {"message_id"});
             if (!body) return;
             // Without a session only a message that settled can be reversed: barring one
             // needs the patient it was for.
             const auto made = store_.settlementByMessage((*body)["message_id"]);
             const auto patient = recordPatient(request, response, made ? made->patientId : "");
             if (!patient) return;
             auto reversed = store_.reverseMessage((*body)["message_id"], *patient, now());
             if (!reversed) return sendRefusal(response, reversed.error());
             json reply = {{"message_id", (*body)["message_id"]},
                           {"outcome", reversed.value() ? "reversed" : "barred"}};
             if (reversed.value()) reply["settlement_id"] = reversed.value()->id;
             sendJson(response, reply);
         });
}

}  // namespace lobby::sim
