#include "sim/platform/platform_server.h"

#include <algorithm>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "common/id_number.h"
#include "common/privacy.h"
#include "sim/platform/doctor_photo.h"
#include "sim/platform/http_replies.h"
#include "sim/platform/store_time.h"

namespace lobby::sim {
namespace {

// Terminals connected at once that the sandbox serves without queueing (see new_task_queue).
constexpr std::size_t kWorkerThreads = 96;

using nlohmann::json;
using namespace http;

// A patient as the kiosk may see them: the platform's id and the masked name, never the full one.
json patientJson(const PatientRow& patient) {
    return {{"id", patient.id}, {"masked_name", privacy::maskName(patient.name)}};
}

json bookingJson(const BookingRow& booking) {
    json body = {
        {"id", booking.id},
        {"status", booking.status},
        {"slice_id", booking.sliceId},
        {"hold_expires_at", booking.holdExpiresAt},
        {"fee_fen", booking.feeFen},
        {"stop_service", booking.stopService},
        {"visit",
         {{"date", booking.visit.date},
          {"period", booking.visit.period},
          {"start", booking.visit.start},
          {"end", booking.visit.end},
          {"doctor", {{"name", booking.visit.doctorName}, {"title", booking.visit.doctorTitle}}},
          {"department",
           {{"zh", booking.visit.departmentZh}, {"en", booking.visit.departmentEn}}}}}};
    if (!booking.bookingCode.empty()) body["booking_code"] = booking.bookingCode;
    return body;
}

json doctorJson(const DoctorRow& row) {
    json body = {
        {"id", row.id},          {"name", row.name},
        {"title", row.title},    {"specialty", row.specialty},
        {"fee_fen", row.feeFen}, {"clinic_type", row.generalClinic() ? "general" : "expert"}};
    if (!row.generalClinic()) body["photo_url"] = "/v1/doctors/" + row.id + "/photo";
    return body;
}

// Slices in date and start order, grouped into the sessions (half-days) they belong to; each says
// whether the hospital's time rules let it be booked now (a slice of today already over, or
// after the half day's cut-off, is not).
json sessionsJson(const std::vector<SliceRow>& slices, const PlatformStore& store,
                  Clock::time_point now) {
    json sessions = json::array();
    for (const auto& slice : slices) {
        if (sessions.empty() || sessions.back()["id"] != slice.sessionId) {
            sessions.push_back({{"id", slice.sessionId},
                                {"date", slice.date},
                                {"period", slice.period},
                                {"slices", json::array()}});
        }
        sessions.back()["slices"].push_back({{"id", slice.id},
                                             {"start", slice.start},
                                             {"end", slice.end},
                                             {"remaining", slice.remaining},
                                             {"bookable", !store.bookingTimeRefusal(slice, now)}});
    }
    return sessions;
}

json paymentJson(const PaymentRow& payment) {
    json body = {{"id", payment.id},
                 {"booking_id", payment.bookingId},
                 {"method", payment.method},
                 {"status", payment.status}};
    if (!payment.qrPayload.empty()) body["qr_payload"] = payment.qrPayload;
    return body;
}

}  // namespace

Result<std::unique_ptr<PlatformServer>> PlatformServer::start(
    const DevCaFiles& tls, PlatformStore& store, unsigned short port,
    const std::filesystem::path& trafficLog) {
    auto server = std::make_unique<httplib::SSLServer>(
        tls.serverCertificate.c_str(), tls.serverKey.c_str(), tls.caCertificate.c_str());
    if (!server->is_valid()) {
        return makeError(ErrorKind::InvalidConfig, "platform.tls",
                         "cannot load the TLS certificates");
    }
    // Terminals resume their TLS sessions; with client certificates OpenSSL requires a session
    // id context for that, or it aborts the resumed handshake with "internal error".
    static const unsigned char kSessionContext[] = "lobby-platform";
    SSL_CTX_set_session_id_context(server->ssl_context(), kSessionContext,
                                   sizeof kSessionContext - 1);
    // A kiosk makes many calls in a row: keep its connection for them.
    server->set_keep_alive_max_count(1000);
    // httplib writes headers and body separately; without TCP_NODELAY the body waits for the
    // client's delayed ACK (40 ms on Linux) on every reply.
    server->set_tcp_nodelay(true);
    // No request of the contract comes near 64 KiB: a larger one is refused (413) before its
    // body is read, whoever sends it. A package upload comes chunked, streamed to disk by its
    // own route (release_routes.cpp) with its own limit.
    server->set_payload_max_length(kMaxRequestBody_bytes);
    // A client certificate is optional in the handshake (enrollment has none yet) but required
    // by every route except enrollment (see terminalRoutes()); a certificate that is presented
    // must verify against the dev CA, so an expired or foreign one still fails the handshake.
    SSL_CTX_set_verify(server->ssl_context(), SSL_VERIFY_PEER, nullptr);
    // A kept-alive connection holds a worker while it is open, so the pool must cover every
    // terminal that is connected at once, not only the CPU count.
    server->new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
    std::unique_ptr<PlatformServer> platform(
        new PlatformServer(std::move(server), store, tls.caCertificate.parent_path()));
    auto releases = ReleaseBoard::open(tls.caCertificate.parent_path().parent_path() / "releases");
    if (!releases) return releases.error();
    platform->releases_ = std::move(releases.value());
    platform->routes();
    if (!trafficLog.empty()) {
        platform->traffic_.open(trafficLog, std::ios::app);
        if (!platform->traffic_) {
            return makeError(ErrorKind::Io, "platform.record",
                             "cannot write " + trafficLog.string());
        }
        PlatformServer* self = platform.get();
        platform->server_->set_logger(
            [self](const httplib::Request& request, const httplib::Response& response) {
                const std::string type = response.get_header_value("Content-Type");
                json body = nullptr;
                if (type.rfind("application/json", 0) == 0)
                    body = json::parse(response.body, nullptr, false);
                if (body.is_discarded()) body = "<not JSON>";
                const json line = {{"method", request.method},
                                   {"path", request.path},
                                   {"status", response.status},
                                   {"content_type", type},
                                   {"body", body}};
                std::lock_guard lock(self->trafficMutex_);
                self->traffic_ << line.dump() << '\n' << std::flush;
            });
    }
    const int bound = port == 0 ? platform->server_->bind_to_any_port("127.0.0.1")
                                : (platform->server_->bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound <= 0) {
        return makeError(ErrorKind::Unavailable, "platform.listen",
                         "cannot listen on 127.0.0.1:" + std::to_string(port));
    }
    platform->port_ = static_cast<unsigned short>(bound);
    platform->thread_ =
        std::thread([server = platform->server_.get()] { server->listen_after_bind(); });
    return platform;
}

PlatformServer::PlatformServer(std::unique_ptr<httplib::SSLServer> server, PlatformStore& store,
                               std::filesystem::path caDirectory)
    : server_(std::move(server)), store_(store), caDirectory_(std::move(caDirectory)) {}

PlatformServer::~PlatformServer() {
    server_->stop();
    if (thread_.joinable()) thread_.join();
}

std::optional<std::string> PlatformServer::sessionPatient(const httplib::Request& request,
                                                          httplib::Response& response) {
    const std::string token = request.get_header_value("Patient-Session");
    if (token.empty()) {
        sendError(response, 401, "session_required", "请先识别身份",
                  "This call needs the patient's session from identification");
        return std::nullopt;
    }
    auto patient = store_.sessionPatient(token, peerCommonName(request), now());
    if (!patient) {
        sendError(response, 401, "session_expired", "身份验证已过期，请重新识别",
                  "The patient's session has expired; identify again");
    }
    return patient;
}

std::optional<std::string> PlatformServer::sessionPatientNamed(const httplib::Request& request,
                                                               httplib::Response& response,
                                                               const std::string& named) {
    const auto patient = sessionPatient(request, response);
    if (!patient) return std::nullopt;
    if (*patient != named || !bookingScope(request).empty()) {
        sendError(response, 404, "not_found", "未找到", "Not found");
        return std::nullopt;
    }
    return patient;
}

std::string PlatformServer::bookingScope(const httplib::Request& request) {
    return store_.sessionBookingScope(request.get_header_value("Patient-Session"));
}

std::optional<std::string> PlatformServer::recordPatient(const httplib::Request& request,
                                                         httplib::Response& response,
                                                         const std::string& owner) {
    if (!request.get_header_value("Patient-Session").empty())
        return sessionPatient(request, response);
    if (!owner.empty() && store_.servedAt(peerCommonName(request), owner, now())) return owner;
    sendError(response, 404, "not_found", "未找到", "Not found");
    return std::nullopt;
}

bool PlatformServer::mayReach(const httplib::Request& request, httplib::Response& response,
                              const std::optional<std::string>& patientId,
                              const std::optional<std::string>& bookingId, bool pickUp) {
    if (request.get_header_value("Patient-Session").empty()) {
        // No patient: a record this terminal's patients own, or none at all (the store then
        // says not_found itself).
        if (!patientId || store_.servedAt(peerCommonName(request), *patientId, now())) return true;
    } else {
        const auto patient = sessionPatient(request, response);
        if (!patient) return false;
        const std::string scope = bookingScope(request);
        const bool inScope = scope.empty() || (pickUp && bookingId == scope);
        if ((!patientId || *patientId == *patient) && inScope) return true;
    }
    sendError(response, 404, "not_found", "未找到", "Not found");
    return false;
}

std::optional<std::string> PlatformServer::bookingCall(const httplib::Request& request,
                                                       httplib::Response& response, bool pickUp) {
    auto key = idempotencyKey(request, response);
    if (!key ||
        !mayReach(request, response, store_.patientOfBooking(request.matches[1]),
                  request.matches[1].str(), pickUp) ||
        !ownsKey(request, response, *key))
        return std::nullopt;
    return key;
}

bool PlatformServer::ownsKey(const httplib::Request& request, httplib::Response& response,
                             const std::string& key) {
    if (store_.claimKey(key, peerCommonName(request))) return true;
    sendError(response, 409, "idempotency_conflict", "请求重复且内容不同",
              "Repeated request with different content");
    return false;
}

void PlatformServer::sendPatient(const httplib::Request& request, httplib::Response& response,
                                 const PatientRow& patient, int status,
                                 const std::string& bookingScope) {
    auto session =
        store_.openPatientSession(patient.id, peerCommonName(request), now(), bookingScope);
    if (!session) return sendRefusal(response, session.error());
    json body = patientJson(patient);
    if (!bookingScope.empty()) body["booking_id"] = bookingScope;
    body["session_token"] = session->token;
    body["session_expires_at"] = session->expiresAt;
    sendJson(response, body, status);
}

void PlatformServer::routes() {
    terminalRoutes();
    familyRoutes();
    billRoutes();
    reportRoutes();
    releaseRoutes();
    insuranceRoutes();
    server_->Get("/v1/departments", [this](const httplib::Request&, httplib::Response& response) {
        auto departments = store_.departments();
        if (!departments) {
            return sendError(response, 503, "unavailable", "服务暂时不可用", "Service unavailable",
                             true);
        }
        json body = json::array();
        for (const auto& row : departments.value()) {
            body.push_back({{"id", row.id},
                            {"name", {{"zh", row.nameZh}, {"en", row.nameEn}}},
                            {"pinyin_initials", row.pinyinInitials},
                            {"category", {{"zh", row.categoryZh}, {"en", row.categoryEn}}}});
        }
        sendJson(response, body);
    });
    server_->Get(R"(/v1/departments/([A-Za-z]+)/doctors)", [this](const httplib::Request& request,
                                                                  httplib::Response& response) {
        auto doctors = store_.doctors(request.matches[1]);
        if (!doctors) {
            return sendError(response, 503, "unavailable", "服务暂时不可用", "Service unavailable",
                             true);
        }
        if (doctors->empty()) {
            return sendError(response, 404, "not_found", "没有这个科室", "No such department");
        }
        json body = json::array();
        for (const auto& row : doctors.value())
            body.push_back(doctorJson(row));
        sendJson(response, body);
    });
    server_->Get(R"(/v1/doctors/([A-Za-z0-9]+)/photo)", [this](const httplib::Request& request,
                                                               httplib::Response& response) {
        if (!store_.hasDoctor(request.matches[1])) {
            return sendError(response, 404, "not_found", "没有这位医生", "No such doctor");
        }
        response.set_content(doctorPhotoPng(request.matches[1]), "image/png");
    });
    server_->Get(R"(/v1/doctors/([A-Za-z0-9]+)/schedule)", [this](const httplib::Request& request,
                                                                  httplib::Response& response) {
        if (!request.has_param("from") || !request.has_param("to")) {
            return sendError(response, 400, "invalid_request", "缺少日期",
                             "from and to are required");
        }
        auto slices = store_.schedule(request.matches[1], request.get_param_value("from"),
                                      request.get_param_value("to"));
        if (!slices) return sendRefusal(response, slices.error());
        sendJson(response, sessionsJson(slices.value(), store_, now()));
    });
    post("/v1/patients/identify", [this](const httplib::Request& request,
                                         httplib::Response& response) {
        auto body = parseBody(request, response, {"kind"});
        if (!body) return;
        const std::string kind = (*body)["kind"];
        if (kind == "evoucher" || kind == "visit_card") {
            if (!body->contains("token") || !(*body)["token"].is_string()) {
                return sendError(response, 400, "invalid_request", "请求缺少必要信息",
                                 "A token is required for this kind");
            }
            auto patient = store_.patientByToken(kind, (*body)["token"]);
            if (!patient) return sendRefusal(response, patient.error());
            return sendPatient(request, response, *patient);
        }
        if (kind == "booking_code") {
            // The voucher's barcode or the code in the SMS: that booking's patient, for that
            // booking only (pay for it, check it in).
            if (!body->contains("token") || !(*body)["token"].is_string()) {
                return sendError(response, 400, "invalid_request", "请求缺少必要信息",
                                 "A token is required for this kind");
            }
            auto booking = store_.bookingByCode((*body)["token"]);
            if (!booking) return sendRefusal(response, booking.error());
            auto patient = store_.patientById(booking->patientId);
            if (!patient) return sendRefusal(response, patient.error());
            return sendPatient(request, response, *patient, 200, booking->id);
        }
        if (kind == "manual") {
            // Typed at the kiosk, so not read from a card: the phone number on record must
            // match.
            if (!body->contains("id_number") || !(*body)["id_number"].is_string() ||
                !body->contains("phone") || !(*body)["phone"].is_string()) {
                return sendError(response, 400, "invalid_request", "请求缺少必要信息",
                                 "id_number and phone are required for manual");
            }
            auto patient = store_.patientByIdAndPhone((*body)["id_number"], (*body)["phone"]);
            if (!patient) return sendRefusal(response, patient.error());
            return sendPatient(request, response, *patient);
        }
        if (kind != "id_card" && kind != "ssc_card") {
            return sendError(response, 400, "invalid_request", "身份类型无效",
                             "kind must be id_card, ssc_card, evoucher, visit_card, "
                             "booking_code or manual");
        }
        if (!body->contains("id_number") || !(*body)["id_number"].is_string() ||
            !body->contains("name") || !(*body)["name"].is_string()) {
            return sendError(response, 400, "invalid_request", "请求缺少必要信息",
                             "id_number and name are required for this kind");
        }
        const std::string idNumber = (*body)["id_number"];
        if (store_.rules().realNameCheck && !hasValidCheckDigit(idNumber))
            return sendRefusal(response,
                               makeError(ErrorKind::InvalidArgument, "identity_invalid", ""));
        auto patient = store_.findPatient(idNumber);
        if (!patient) return sendRefusal(response, patient.error());
        // The card's name must be the one on record: an ID number alone names nobody.
        if ((*body)["name"].get<std::string>() != patient->name) {
            return sendRefusal(response, makeError(ErrorKind::InvalidArgument, "identity_mismatch",
                                                   "the name does not match the ID number"));
        }
        sendPatient(request, response, *patient);
    });
    post("/v1/sms/verifications",
         [this](const httplib::Request& request, httplib::Response& response) {
             auto body = parseBody(request, response, {"phone", "purpose"});
             if (!body) return;
             if ((*body)["purpose"] != "register") {
                 return sendError(response, 400, "invalid_request", "请求无效",
                                  "purpose must be register");
             }
             auto sent = store_.sendVerificationCode((*body)["phone"], "register", now());
             if (!sent) return sendRefusal(response, sent.error());
             sendJson(response,
                      json{{"verification_id", sent->id},
                           {"resend_after_s", sent->resendAfter_s},
                           {"expires_in_s", sent->expiresIn_s},
                           {"code_length", 6}},
                      201);
         });
    // 建档: the identity read from a card, and the mobile number the patient typed, proven by the
    // code the platform sent it.
    post("/v1/patients", [this](const httplib::Request& request, httplib::Response& response) {
        const auto key = idempotencyKey(request, response);
        if (!key) return;
        auto body =
            parseBody(request, response,
                      {"kind", "id_number", "name", "phone", "verification_id", "sms_code"});
        if (!body) return;
        const std::string idNumber = (*body)["id_number"];
        const std::string name = (*body)["name"];
        if (store_.rules().realNameCheck && !hasValidCheckDigit(idNumber))
            return sendRefusal(response,
                               makeError(ErrorKind::InvalidArgument, "identity_invalid", ""));
        if (auto known = store_.findPatient(idNumber); known && known->name != name) {
            return sendRefusal(response, makeError(ErrorKind::InvalidArgument, "identity_mismatch",
                                                   "registered already under another name"));
        }
        if (!ownsKey(request, response, *key)) return;
        if (auto verified = store_.checkVerificationCode(
                (*body)["verification_id"], (*body)["phone"], (*body)["sms_code"], *key, now());
            !verified)
            return sendRefusal(response, verified.error());
        auto patient = store_.registerPatient(idNumber, name);
        if (!patient) return sendRefusal(response, patient.error());
        if (auto phone = store_.setPatientPhone(patient->id, (*body)["phone"]); !phone)
            return sendRefusal(response, phone.error());
        sendPatient(request, response, *patient, 201);
    });
    post("/v1/bookings", [this](const httplib::Request& request, httplib::Response& response) {
        const auto key = idempotencyKey(request, response);
        if (!key) return;
        auto body = parseBody(request, response, {"patient_id", "slice_id"});
        if (!body) return;
        const auto patient = sessionPatient(request, response);
        if (!patient) return;
        if ((*body)["patient_id"] != *patient || !bookingScope(request).empty()) {
            return sendError(response, 403, "session_mismatch", "只能为已识别的患者预约",
                             "Only the identified patient can be booked for");
        }
        if (!ownsKey(request, response, *key)) return;
        auto booking =
            store_.createBooking(*key, (*body)["patient_id"], (*body)["slice_id"], now());
        if (!booking) return sendRefusal(response, booking.error());
        sendJson(response, bookingJson(booking.value()), 201);
    });
    post(R"(/v1/bookings/([A-Za-z0-9]+)/payments)",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto key = bookingCall(request, response, true);
             if (!key) return;
             auto body = parseBody(request, response, {"method"});
             if (!body) return;
             auto payment = store_.startPayment(*key, request.matches[1], (*body)["method"], now());
             if (!payment) return sendRefusal(response, payment.error());
             sendJson(response, paymentJson(payment.value()), 201);
         });
    server_->Get("/v1/rules", [this](const httplib::Request&, httplib::Response& response) {
        const HospitalRules& rules = store_.rules();
        json clinicTypes = json::array();
        if (auto fees = store_.clinicFees()) {
            for (const auto& fee : fees.value())
                clinicTypes.push_back({{"type", fee.general ? "general" : "expert"},
                                       {"lowest_fee_fen", fee.lowest_fen},
                                       {"highest_fee_fen", fee.highest_fen}});
        }
        sendJson(
            response,
            {{"booking_window",
              {{"first_days", rules.bookingWindowFirst_days},
               {"last_days", rules.bookingWindowLast_days},
               {"last_day_opens", store_time::clockText(rules.releaseHour * 60)}}},
             {"same_day",
              {{"enabled", rules.sameDayRegistration || rules.bookingWindowFirst_days == 0},
               {"morning_closes", store_time::clockText(rules.morningRegistrationCloses_min)},
               {"afternoon_closes", store_time::clockText(rules.afternoonRegistrationCloses_min)}}},
             {"pickup",
              {{"morning_closes", store_time::clockText(rules.morningPickupCloses_min)},
               {"afternoon_closes", store_time::clockText(rules.afternoonPickupCloses_min)}}},
             {"cancel_until_days_before", rules.cancelUntil_daysBefore},
             {"limits",
              {{"per_doctor_per_day", rules.maxPerDoctorPerDay}, {"per_day", rules.maxPerDay}}},
             {"unpaid_hold_minutes", rules.unpaidHold.count()},
             {"clinic_types", clinicTypes}});
    });
    server_->Get("/v1/notices", [this](const httplib::Request&, httplib::Response& response) {
        auto notices = store_.notices();
        if (!notices) return sendRefusal(response, notices.error());
        json body = json::array();
        for (const auto& notice : *notices) {
            body.push_back({{"id", "stop-" + notice.sessionId},
                            {"kind", "stop_service"},
                            {"session_id", notice.sessionId},
                            {"affected_booking_ids", notice.affectedBookingIds},
                            {"message",
                             {{"zh", notice.doctorName + "医生" + notice.date +
                                         (notice.period == "morning" ? "上午" : "下午") +
                                         "停诊，可改约其他号源或退号退款"},
                              {"en", "Dr " + notice.doctorName + " does not hold the " +
                                         notice.period + " session on " + notice.date +
                                         ": rebook another slot, or cancel for a full refund"}}}});
        }
        sendJson(response, body);
    });
    server_->Get(R"(/v1/payments/([A-Za-z0-9]+))",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     if (!mayReach(request, response, store_.patientOfPayment(request.matches[1]),
                                   store_.bookingOfPayment(request.matches[1])))
                         return;
                     auto payment = store_.payment(request.matches[1], now());
                     if (!payment) return sendRefusal(response, payment.error());
                     sendJson(response, paymentJson(payment.value()));
                 });
    post(R"(/v1/bookings/([A-Za-z0-9]+)/checkin)", [this](const httplib::Request& request,
                                                          httplib::Response& response) {
        const auto key = bookingCall(request, response, true);
        if (!key) return;
        auto checkin = store_.checkIn(*key, request.matches[1], now());
        if (!checkin) return sendRefusal(response, checkin.error());
        sendJson(response,
                 {{"booking_id", checkin->bookingId},
                  {"queue_number", checkin->queueNumber},
                  {"clinic_room", {{"zh", checkin->clinicRoomZh}, {"en", checkin->clinicRoomEn}}},
                  {"wayfinding", {{"zh", checkin->wayfindingZh}, {"en", checkin->wayfindingEn}}},
                  {"time_window", checkin->timeWindow}});
    });
    post(R"(/v1/bookings/([A-Za-z0-9]+)/cancel)",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto key = bookingCall(request, response, false);
             if (!key) return;
             auto booking = store_.cancel(*key, request.matches[1], now());
             if (!booking) return sendRefusal(response, booking.error());
             sendJson(response, bookingJson(booking.value()));
         });
    // 改约: where a booking stopped by its doctor may go, and the move itself (one operation:
    // the payment goes with the booking; nothing is charged or refunded).
    server_->Get(R"(/v1/bookings/([A-Za-z0-9]+)/alternatives)",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     const auto patient = sessionPatient(request, response);
                     if (!patient) return;
                     if (store_.patientOfBooking(request.matches[1]) != *patient ||
                         !bookingScope(request).empty())
                         return sendError(response, 404, "not_found", "未找到", "Not found");
                     auto rows = store_.alternatives(request.matches[1], now());
                     if (!rows) return sendRefusal(response, rows.error());
                     json body = json::array();
                     for (const auto& row : rows.value()) {
                         body.push_back({{"doctor", doctorJson(row.doctor)},
                                         {"sessions", sessionsJson(row.slices, store_, now())}});
                     }
                     sendJson(response, body);
                 });
    post(R"(/v1/bookings/([A-Za-z0-9]+)/move)",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto key = bookingCall(request, response, false);
             if (!key) return;
             auto body = parseBody(request, response, {"slice_id"});
             if (!body) return;
             auto booking = store_.move(*key, request.matches[1], (*body)["slice_id"], now());
             if (!booking) return sendRefusal(response, booking.error());
             sendJson(response, bookingJson(booking.value()));
         });
    // Recovery: a kiosk that lost a reply asks what became of its call, and of the booking.
    server_->Get(R"(/v1/bookings/([A-Za-z0-9]+))",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     if (!mayReach(request, response, store_.patientOfBooking(request.matches[1]),
                                   request.matches[1].str()))
                         return;
                     auto booking = store_.booking(request.matches[1]);
                     if (!booking) return sendRefusal(response, booking.error());
                     sendJson(response, bookingJson(booking.value()));
                 });
    server_->Get(R"(/v1/idempotency/([A-Za-z0-9_-]+))",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     // Only the terminal that used a key learns what became of it.
                     const auto owner = store_.keyOwner(request.matches[1]);
                     if (owner && *owner != peerCommonName(request)) {
                         return sendError(response, 404, "not_found", "未找到", "Not found");
                     }
                     auto record = store_.idempotencyRecord(request.matches[1]);
                     if (!record) return sendRefusal(response, record.error());
                     sendJson(response, {{"key", record->key},
                                         {"operation", record->operation},
                                         {"result_id", record->resultId}});
                 });
    server_->Get(R"(/v1/patients/([A-Za-z0-9]+)/bookings)",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     const std::string scope = request.get_param_value("scope");
                     if (scope != "today" && scope != "upcoming") {
                         return sendError(response, 400, "invalid_request", "范围无效",
                                          "scope must be today or upcoming");
                     }
                     const auto patient = sessionPatient(request, response);
                     if (!patient) return;
                     if (*patient != request.matches[1]) {
                         return sendError(response, 404, "not_found", "未找到", "Not found");
                     }
                     auto bookings = store_.bookingsOf(request.matches[1], scope == "today", now());
                     if (!bookings) return sendRefusal(response, bookings.error());
                     // A voucher's session sees its own booking and no other.
                     const std::string only = bookingScope(request);
                     json list = json::array();
                     for (const auto& booking : bookings.value()) {
                         if (only.empty() || booking.id == only)
                             list.push_back(bookingJson(booking));
                     }
                     sendJson(response, list);
                 });
    // httplib's own refusals (no route, a body too large, a malformed request) in the
    // contract's shape: every reply is JSON with a code, whatever refused it.
    server_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return;
        if (response.status == 404) {
            sendError(response, 404, "not_found", "未找到", "No such resource");
        } else if (response.status == 413) {
            sendError(response, 413, "too_large", "请求过大", "The request body is too large");
        } else {
            sendError(response, response.status, "invalid_request", "请求无效", "Invalid request");
        }
    });
}

}  // namespace lobby::sim
