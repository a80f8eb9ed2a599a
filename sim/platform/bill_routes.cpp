// The platform's routes for 门诊缴费's first step: a patient's unpaid bills (the HIS's), and the
// lock that freezes the chosen bills' amounts while they are paid. Only the patient's own session
// (theirs, or a family member's opened by them) reaches their bills.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "sim/platform/his_bills.h"
#include "sim/platform/http_replies.h"
#include "sim/platform/platform_server.h"
#include "sim/platform/store_time.h"

namespace lobby::sim {
namespace {
using nlohmann::json;
using namespace http;
using Record = PlatformStore::BillRecord;

json billJson(const BillRow& bill) {
    json items = json::array();
    for (const auto& item : bill.items) {
        items.push_back({{"name", item.name},
                         {"spec", item.spec},
                         {"count", item.count},
                         {"unit_fee_fen", item.unitFen},
                         {"amount_fen", item.amountFen()},
                         {"insurance_class", item.insuranceClass}});
    }
    return {{"id", bill.id},
            {"category", bill.category},
            {"title", bill.title},
            {"doctor", bill.doctor},
            {"department", bill.department},
            {"performed_by", bill.performedBy},
            {"pay_group", bill.payGroup},
            {"guide", bill.guide},
            {"note", bill.note},
            {"total_fen", bill.totalFen()},
            {"created_at", store_time::isoDateTime(bill.createdAt)},
            {"items", items}};
}

json lockJson(const BillLockRow& lock) {
    return {{"id", lock.id},
            {"bill_ids", lock.billIds},
            {"total_fen", lock.totalFen},
            {"expires_at", store_time::isoDateTime(lock.expiresAt)},
            {"status", lock.status}};
}
json paymentJson(const BillPaymentRow& payment) {
    json body = {{"id", payment.id},
                 {"lock_id", payment.lockId},
                 {"method", payment.method},
                 {"amount_fen", payment.amountFen},
                 {"status", payment.status}};
    if (!payment.qrPayload.empty()) body["qr_payload"] = payment.qrPayload;
    return body;
}

json receiptJson(const BillReceiptRow& receipt) {
    json bills = json::array();
    for (const auto& bill : receipt.bills)
        bills.push_back(billJson(bill));
    json body = {{"receipt_number", receipt.receiptNumber},
                 {"lock_id", receipt.lockId},
                 {"total_fen", receipt.totalFen},
                 {"fund_fen", receipt.fundFen},
                 {"account_fen", receipt.accountFen},
                 {"cash_fen", receipt.cashFen},
                 {"bills", bills}};
    if (receipt.accountBalanceAfterFen >= 0)
        body["account_balance_after_fen"] = receipt.accountBalanceAfterFen;
    if (const auto& invoice = receipt.eInvoice)
        body["e_invoice"] = {{"id", invoice->id},
                             {"code", invoice->code},
                             {"number", invoice->number},
                             {"check_code", invoice->checkCode},
                             {"amount_fen", invoice->amountFen},
                             {"verify_url", invoice->verifyUrl()}};
    return body;
}

// An optional text field: empty when absent; nullopt when present but not a string.
std::optional<std::string> optionalText(const json& body, const char* field) {
    if (!body.contains(field)) return std::string();
    if (!body[field].is_string()) return std::nullopt;
    return body[field].get<std::string>();
}
}  // namespace

void PlatformServer::billRoutes() {
    server_->Get(R"(/v1/patients/([A-Za-z0-9]+)/bills)", [this](const httplib::Request& request,
                                                                httplib::Response& response) {
        const auto patient = sessionPatientNamed(request, response, request.matches[1]);
        if (!patient) return;
        auto bills = store_.unpaidBills(*patient);
        if (!bills) return sendRefusal(response, bills.error());
        json list = json::array();
        for (const auto& bill : bills.value())
            list.push_back(billJson(bill));
        sendJson(response, list);
    });
    post("/v1/bill-locks", [this](const httplib::Request& request, httplib::Response& response) {
        const auto key = idempotencyKey(request, response);
        if (!key) return;
        auto body = parseBody(request, response, {"patient_id"});
        if (!body) return;
        const auto& ids = (*body)["bill_ids"];
        std::vector<std::string> billIds;
        if (ids.is_array() && !ids.empty() && ids.size() <= 20) {
            for (const auto& id : ids)
                if (id.is_string() && !id.get<std::string>().empty())
                    billIds.push_back(id.get<std::string>());
        }
        if (billIds.empty() || billIds.size() != ids.size()) {
            return sendError(response, 400, "invalid_request", "请求无效",
                             "bill_ids is a list of one to twenty bill ids");
        }
        const auto patient = sessionPatientNamed(request, response, (*body)["patient_id"]);
        if (!patient) return;
        if (!ownsKey(request, response, *key)) return;
        auto locked = store_.lockBills(*key, *patient, billIds, now());
        if (!locked) return sendRefusal(response, locked.error());
        sendJson(response, lockJson(locked.value()), 201);
    });
    post(R"(/v1/bill-locks/([A-Za-z0-9]+)/payments)",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto key = idempotencyKey(request, response);
             if (!key) return;
             auto body = parseBody(request, response, {"method"});
             if (!body) return;
             const auto price = optionalText(*body, "presettlement_id");
             const auto code = optionalText(*body, "auth_code");
             if (!price || !code || code->size() > 64) {
                 return sendError(response, 400, "invalid_request", "请求无效",
                                  "presettlement_id and auth_code are strings");
             }
             const auto patient = sessionPatient(request, response);
             if (!patient) return;
             if (!ownsKey(request, response, *key)) return;
             // The payment code goes no further than this call: not logged, not kept.
             auto paid = store_.startBillPayment(*key, *patient, request.matches[1],
                                                 (*body)["method"], *price, *code, now());
             if (!paid) return sendRefusal(response, paid.error());
             sendJson(response, paymentJson(paid.value()), 201);
         });
    server_->Get(R"(/v1/bill-payments/([A-Za-z0-9]+))",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     const auto patient = recordPatient(
                         request, response, store_.ownerOf(Record::Payment, request.matches[1]));
                     if (!patient) return;
                     auto payment = store_.billPayment(request.matches[1], *patient, now());
                     if (!payment) return sendRefusal(response, payment.error());
                     sendJson(response, paymentJson(payment.value()));
                 });
    post(R"(/v1/bill-payments/([A-Za-z0-9]+)/reverse)",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto patient = recordPatient(
                 request, response, store_.ownerOf(Record::Payment, request.matches[1]));
             if (!patient) return;
             auto reversed = store_.reverseBillPayment(request.matches[1], *patient);
             if (!reversed) return sendRefusal(response, reversed.error());
             sendJson(response, paymentJson(reversed.value()));
         });
    post(R"(/v1/bill-locks/([A-Za-z0-9]+)/save)",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto key = idempotencyKey(request, response);
             if (!key) return;
             auto body = parseBody(request, response, {});
             if (!body) return;
             const auto settlement = optionalText(*body, "settlement_id");
             const auto payment = optionalText(*body, "payment_id");
             if (!settlement || !payment) {
                 return sendError(response, 400, "invalid_request", "请求无效",
                                  "settlement_id and payment_id are strings");
             }
             const auto patient =
                 recordPatient(request, response, store_.ownerOf(Record::Lock, request.matches[1]));
             if (!patient) return;
             if (!ownsKey(request, response, *key)) return;
             auto saved =
                 store_.saveBills(*key, *patient, request.matches[1], *settlement, *payment, now());
             if (!saved) return sendRefusal(response, saved.error());
             sendJson(response, receiptJson(saved.value()), 201);
         });
    post(R"(/v1/bill-locks/([A-Za-z0-9]+)/release)",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto patient =
                 recordPatient(request, response, store_.ownerOf(Record::Lock, request.matches[1]));
             if (!patient) return;
             auto released = store_.releaseBillLock(request.matches[1], *patient);
             if (!released) return sendRefusal(response, released.error());
             sendJson(response, lockJson(released.value()));
         });
}

}  // namespace lobby::sim
