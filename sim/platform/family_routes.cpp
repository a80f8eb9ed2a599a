// The platform's routes for a patient's family members (就诊人): list them, add one read from
// their card, and open a session to act for one. Only the patient's own full session reaches
// them (a voucher's session, scoped to one booking, does not).
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "common/id_number.h"
#include "common/privacy.h"
#include "sim/platform/http_replies.h"
#include "sim/platform/platform_server.h"

namespace lobby::sim {
namespace {
using nlohmann::json;
using namespace http;

json dependantJson(const DependantRow& row) {
    return {{"id", row.patient.id},
            {"masked_name", privacy::maskName(row.patient.name)},
            {"relation", row.relation}};
}
}  // namespace

void PlatformServer::familyRoutes() {
    // The session's own patient, with a full session; nullopt after replying.
    const auto guardian = [this](const httplib::Request& request,
                                 httplib::Response& response) -> std::optional<std::string> {
        const auto patient = sessionPatient(request, response);
        if (!patient) return std::nullopt;
        if (*patient != request.matches[1].str() || !bookingScope(request).empty()) {
            sendError(response, 404, "not_found", "未找到", "Not found");
            return std::nullopt;
        }
        return patient;
    };
    server_->Get(R"(/v1/patients/([A-Za-z0-9]+)/dependants)",
                 [this, guardian](const httplib::Request& request, httplib::Response& response) {
                     const auto patient = guardian(request, response);
                     if (!patient) return;
                     auto members = store_.dependantsOf(*patient);
                     if (!members) return sendRefusal(response, members.error());
                     json list = json::array();
                     for (const auto& member : members.value())
                         list.push_back(dependantJson(member));
                     sendJson(response, list);
                 });
    post(R"(/v1/patients/([A-Za-z0-9]+)/dependants)",
         [this, guardian](const httplib::Request& request, httplib::Response& response) {
             const auto key = idempotencyKey(request, response);
             if (!key) return;
             auto body = parseBody(request, response, {"kind", "id_number", "name", "relation"});
             if (!body) return;
             const auto patient = guardian(request, response);
             if (!patient) return;
             const std::string kind = (*body)["kind"];
             const bool fromRegister = kind == "household_register";
             if ((kind != "id_card" && kind != "ssc_card" && !fromRegister) ||
                 !isRelation((*body)["relation"]) ||
                 (fromRegister && (*body)["relation"] != "child")) {
                 return sendError(response, 400, "invalid_request", "请求无效",
                                  "kind is id_card, ssc_card or household_register (a child's); "
                                  "relation child, parent, spouse or other");
             }
             const std::string idNumber = (*body)["id_number"];
             if (store_.rules().realNameCheck && !hasValidCheckDigit(idNumber))
                 return sendRefusal(response,
                                    makeError(ErrorKind::InvalidArgument, "identity_invalid", ""));
             if (!ownsKey(request, response, *key)) return;
             auto member = store_.addDependant(*patient, idNumber, (*body)["name"],
                                               (*body)["relation"], fromRegister, now());
             if (!member) return sendRefusal(response, member.error());
             sendJson(response, dependantJson(member.value()), 201);
         });
    // Acting for a family member: a session of theirs, opened by the patient's own.
    post(R"(/v1/patients/([A-Za-z0-9]+)/dependants/([A-Za-z0-9]+)/session)",
         [this, guardian](const httplib::Request& request, httplib::Response& response) {
             const auto patient = guardian(request, response);
             if (!patient) return;
             if (!store_.isDependant(*patient, request.matches[2]))
                 return sendError(response, 404, "not_found", "未找到", "Not found");
             auto member = store_.patientById(request.matches[2]);
             if (!member) return sendRefusal(response, member.error());
             sendPatient(request, response, member.value());
         });
}

}  // namespace lobby::sim
