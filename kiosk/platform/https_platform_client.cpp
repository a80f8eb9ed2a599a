#include "platform/https_platform_client.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <curl/curl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "platform/call_helpers.h"
#include "platform/health_file.h"
#include "platform/replies.h"

namespace lobby::platform {
namespace {

// An attempt shorter than this could not even finish a TLS handshake: not worth starting.
constexpr Milliseconds kMinAttempt{200};

using nlohmann::json;

// The one place CURL's codes become our errors.
Error curlError(CURLcode code, const char* detail) {
    const std::string message =
        std::string(curl_easy_strerror(code)) +
        (detail != nullptr && *detail != '\0' ? std::string(": ") + detail : "");
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
            return makeError(ErrorKind::Unavailable, "platform.unreachable", message);
        case CURLE_OPERATION_TIMEDOUT:
            return makeError(ErrorKind::Timeout, "platform.timeout", message);
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return makeError(ErrorKind::Protocol, "platform.untrusted",
                             "the platform's certificate is not trusted: " + message);
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
            return makeError(ErrorKind::Protocol, "platform.tls",
                             "TLS handshake failed: " + message);
        case CURLE_WRITE_ERROR:
            return makeError(ErrorKind::Protocol, "platform.bad_reply",
                             "the platform's reply is too large");
        case CURLE_ABORTED_BY_CALLBACK:
            return makeError(ErrorKind::Cancelled, "platform.cancelled", "the call was cancelled");
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
            return makeError(ErrorKind::Io, "platform.connection_lost", message);
        default:
            return makeError(ErrorKind::Io, "platform.io", message);
    }
}

bool retryable(const Error& error) {
    return error.kind == ErrorKind::Timeout || error.kind == ErrorKind::Unavailable ||
           error.code == "platform.connection_lost" || error.code == "unavailable";
}

}  // namespace

HttpsPlatformClient::HttpsPlatformClient(ClientConfig config)
    : config_(std::move(config)), curl_(curl_easy_init()) {}

HttpsPlatformClient::~HttpsPlatformClient() {
    curl_easy_cleanup(curl_);
}

std::optional<Refusal> HttpsPlatformClient::lastRefusal() const {
    return lastRefusal_;
}

Result<HttpsPlatformClient::Reply> HttpsPlatformClient::perform(
    const char* method, const std::string& path, const std::string& body,
    const std::string& idempotencyKey, const std::string& ifNoneMatch, Milliseconds timeout,
    const CallOptions& options) {
    Reply reply;
    const std::string url = config_.baseUrl + path;
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
    // A package (not JSON) goes chunked, the one body the platform takes past 64 KiB; the rest
    // go whole, with their size.
    const bool chunked = std::string_view(options.contentType) != "application/json";
    struct Upload {
        const std::string* bytes;
        std::size_t sent;
    } upload{&body, 0};
    if (chunked) {
        curl_easy_setopt(curl_, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(
            curl_, CURLOPT_READFUNCTION, +[](char* into, size_t size, size_t count, void* from) {
                auto* part = static_cast<Upload*>(from);
                const std::size_t n = std::min(size * count, part->bytes->size() - part->sent);
                std::memcpy(into, part->bytes->data() + part->sent, n);
                part->sent += n;
                return n;
            });
        curl_easy_setopt(curl_, CURLOPT_READDATA, &upload);
    } else if (std::string(method) != "GET") {
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
    }
    // Only the configured CA: libcurl would otherwise also trust every CA in its built-in
    // directory (/etc/ssl/certs on Debian), any of which could then vouch for an impostor.
    curl_easy_setopt(curl_, CURLOPT_CAINFO, config_.caBundle.c_str());
    curl_easy_setopt(curl_, CURLOPT_CAPATH, nullptr);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl_, CURLOPT_PINNEDPUBLICKEY,
                     config_.pinnedPublicKey.empty() ? nullptr : config_.pinnedPublicKey.c_str());
    const bool withCertificate = !config_.clientCertificate.empty();
    curl_easy_setopt(curl_, CURLOPT_SSLCERT,
                     withCertificate ? config_.clientCertificate.c_str() : nullptr);
    curl_easy_setopt(curl_, CURLOPT_SSLKEY, withCertificate ? config_.clientKey.c_str() : nullptr);
    curl_easy_setopt(curl_, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::min(config_.connectTimeout, timeout).count()));
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_slist* headers =
        curl_slist_append(nullptr, (std::string("Content-Type: ") + options.contentType).c_str());
    headers = curl_slist_append(headers, "Accept: application/json");
    if (chunked) headers = curl_slist_append(headers, "Transfer-Encoding: chunked");
    if (!idempotencyKey.empty()) {
        headers = curl_slist_append(headers, ("Idempotency-Key: " + idempotencyKey).c_str());
    }
    if (!ifNoneMatch.empty()) {
        headers = curl_slist_append(headers, ("If-None-Match: " + ifNoneMatch).c_str());
    }
    if (!patientSession_.empty()) {
        headers = curl_slist_append(headers, ("Patient-Session: " + patientSession_).c_str());
    }
    curl_easy_setopt(
        curl_, CURLOPT_HEADERFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
            const std::string line(data, size * count);
            constexpr std::string_view kEtag = "etag:";
            if (line.size() > kEtag.size() &&
                std::equal(kEtag.begin(), kEtag.end(), line.begin(),
                           [](char a, char b) { return a == std::tolower(b); })) {
                std::string value = line.substr(kEtag.size());
                const auto first = value.find_first_not_of(" \t");
                const auto last = value.find_last_not_of(" \t\r\n");
                *static_cast<std::string*>(out) =
                    first == std::string::npos ? "" : value.substr(first, last - first + 1);
            }
            return size * count;
        });
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &reply.etag);
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(
        curl_, CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
            auto* received = static_cast<std::string*>(out);
            // A reply past this is hostile or broken: stop reading rather than fill memory.
            constexpr std::size_t kMaxReply_bytes = 4 * 1024 * 1024;
            if (received->size() + size * count > kMaxReply_bytes) return std::size_t{0};
            received->append(data, size * count);
            return size * count;
        });
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &reply.body);
    struct Sink {
        std::FILE* file;
        std::int64_t limit, written;
        bool overflowed;
    } sink{options.sink, options.sinkLimit, 0, false};
    if (options.sink) {
        // A refusal's JSON is short and goes to the file too; refusalFrom() reads it back.
        std::rewind(options.sink);
        if (::ftruncate(::fileno(options.sink), 0) != 0)
            return makeError(ErrorKind::Io, "platform.download", "cannot empty the download file");
        curl_easy_setopt(
            curl_, CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
                auto* into = static_cast<Sink*>(out);
                const auto n = static_cast<std::int64_t>(size * count);
                if (into->written + n > into->limit) {
                    into->overflowed = true;
                    return std::size_t{0};
                }
                into->written += n;
                return std::fwrite(data, 1, size * count, into->file);
            });
        curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &sink);
    }
    curl_easy_setopt(curl_, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl_, CURLOPT_XFERINFODATA, &cancelled_);
    curl_easy_setopt(
        curl_, CURLOPT_XFERINFOFUNCTION,
        +[](void* cancelled, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
            return static_cast<std::atomic<bool>*>(cancelled)->load() ? 1 : 0;
        });
    char detail[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, detail);
    const CURLcode code = curl_easy_perform(curl_);
    curl_slist_free_all(headers);
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, nullptr);
    long connects = 0;
    curl_easy_getinfo(curl_, CURLINFO_NUM_CONNECTS, &connects);
    handshakes_ += connects;
    if (options.sink && code == CURLE_WRITE_ERROR && sink.overflowed)
        return makeError(
            ErrorKind::Protocol, "platform.too_large",
            "the download is larger than the " + std::to_string(sink.limit) + " bytes it may be");
    if (code != CURLE_OK) return curlError(code, detail);
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &reply.status);
    if (options.sink && (reply.status < 200 || reply.status >= 300)) {
        // The refusal came to the file: read it back (it is small) for refusalFrom().
        std::fflush(options.sink);
        std::rewind(options.sink);
        char buffer[4096];
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, options.sink);
        reply.body.assign(buffer, n);
    }
    return reply;
}

Error HttpsPlatformClient::refusalFrom(const Reply& reply) {
    auto refusal = replies::refusal(reply.body);
    if (!refusal) return refusal.error().withContext("HTTP " + std::to_string(reply.status));
    lastRefusal_ = refusal.value();
    const ErrorKind kind =
        reply.status >= 500 ? ErrorKind::Unavailable : ErrorKind::InvalidArgument;
    return makeError(kind, refusal->code, refusal->en);
}

Result<HttpsPlatformClient::Reply> HttpsPlatformClient::call(
    const char* method, const std::string& path, const std::string& body,
    const std::string& idempotencyKey, bool idempotent, const std::string& ifNoneMatch,
    const CallOptions& options) {
    std::lock_guard lock(mutex_);
    cancelled_ = false;
    lastRefusal_.reset();
    static thread_local std::mt19937 random{std::random_device{}()};
    Milliseconds backoff = config_.firstBackoff;
    // The deadline covers the retries too: whoever waits on this call waits callTimeout at most.
    const auto deadline = std::chrono::steady_clock::now() + config_.callTimeout;
    const auto left = [&deadline] {
        return std::chrono::duration_cast<Milliseconds>(deadline -
                                                        std::chrono::steady_clock::now());
    };
    for (int attempt = 1;; ++attempt) {
        auto reply = perform(method, path, body, idempotencyKey, ifNoneMatch,
                             std::max(left(), kMinAttempt), options);
        std::optional<Error> failure;
        if (!reply) {
            failure = reply.error();
        } else if ((reply->status >= 200 && reply->status < 300) || reply->status == 304) {
            return reply;
        } else {
            failure = refusalFrom(reply.value());
        }
        // Exponential backoff with jitter, so a fleet of kiosks does not retry in step.
        const auto jitter =
            Milliseconds(std::uniform_int_distribution<long>(0, backoff.count() / 2)(random));
        const bool again = idempotent && attempt < config_.maxAttempts && retryable(*failure) &&
                           !cancelled_.load() && left() > backoff + jitter + kMinAttempt;
        if (!again) return *failure;
        std::this_thread::sleep_for(backoff + jitter);
        backoff *= 2;
    }
}

Result<std::vector<Department>> HttpsPlatformClient::departments() {
    return decoded(call("GET", "/v1/departments", "", "", true), replies::departments);
}

Result<std::vector<Doctor>> HttpsPlatformClient::doctors(const std::string& departmentId) {
    if (!isPathSafe(departmentId)) return badId("department");
    return decoded(call("GET", "/v1/departments/" + departmentId + "/doctors", "", "", true),
                   replies::doctors);
}

Result<std::string> HttpsPlatformClient::photo(const std::string& photoPath) {
    constexpr std::size_t kMaxPhoto_bytes = 2 * 1024 * 1024;
    if (photoPath.rfind("/v1/", 0) != 0) {
        return makeError(ErrorKind::InvalidArgument, "platform.bad_path",
                         "a photo path must be on the platform");
    }
    auto reply = call("GET", photoPath, "", "", true);
    if (!reply) return reply.error();
    if (reply->body.size() > kMaxPhoto_bytes) return replies::badReply("has an oversized photo");
    const bool png = reply->body.rfind("\x89PNG", 0) == 0;
    const bool jpeg = reply->body.rfind("\xFF\xD8", 0) == 0;
    if (!png && !jpeg) return replies::badReply("has a photo that is neither PNG nor JPEG");
    return std::move(reply->body);
}

Result<std::vector<Session>> HttpsPlatformClient::schedule(const std::string& doctorId,
                                                           const std::string& from,
                                                           const std::string& to) {
    if (!isPathSafe(doctorId)) return badId("doctor");
    return decoded(call("GET", "/v1/doctors/" + doctorId + "/schedule?from=" + from + "&to=" + to,
                        "", "", true),
                   replies::schedule);
}

Result<Patient> HttpsPlatformClient::identify(const std::string& identityJson) {
    // A lookup, so safe to retry.
    return remembered(
        decoded(call("POST", "/v1/patients/identify", identityJson, "", true), replies::patient));
}

Result<Patient> HttpsPlatformClient::remembered(Result<Patient> patient) {
    if (patient) patientSession_ = patient->sessionToken;
    return patient;
}

Result<Patient> HttpsPlatformClient::identifyByIdCard(const std::string& idNumber,
                                                      const std::string& name) {
    return identify(json({{"kind", "id_card"}, {"id_number", idNumber}, {"name", name}}).dump());
}

Result<Patient> HttpsPlatformClient::identifyByToken(const std::string& kind,
                                                     const std::string& token) {
    return identify(json({{"kind", kind}, {"token", token}}).dump());
}

Result<Patient> HttpsPlatformClient::identifyManually(const std::string& idNumber,
                                                      const std::string& phone) {
    return identify(json({{"kind", "manual"}, {"id_number", idNumber}, {"phone", phone}}).dump());
}

Result<SmsVerification> HttpsPlatformClient::sendVerificationCode(const std::string& phone) {
    // Not retried: a lost reply may have texted a code already, and a second within the minute
    // is refused anyway.
    const json body = {{"phone", phone}, {"purpose", "register"}};
    return decoded(call("POST", "/v1/sms/verifications", body.dump(), "", false),
                   replies::smsVerification);
}

Result<Patient> HttpsPlatformClient::registerPatient(const std::string& idNumber,
                                                     const std::string& name,
                                                     const MobileProof& mobile,
                                                     const std::string& idempotencyKey) {
    const json body = {{"kind", "id_card"},
                       {"id_number", idNumber},
                       {"name", name},
                       {"phone", mobile.phone},
                       {"verification_id", mobile.verificationId},
                       {"sms_code", mobile.code}};
    return remembered(
        decoded(call("POST", "/v1/patients", body.dump(), idempotencyKey, true), replies::patient));
}

Result<std::vector<Dependant>> HttpsPlatformClient::dependants(const std::string& patientId) {
    if (!isPathSafe(patientId)) return badId("patient");
    return decoded(call("GET", "/v1/patients/" + patientId + "/dependants", "", "", true),
                   replies::dependants);
}

Result<Dependant> HttpsPlatformClient::addDependant(const std::string& patientId,
                                                    const NewDependant& member,
                                                    const std::string& idempotencyKey) {
    if (!isPathSafe(patientId)) return badId("patient");
    const json body = {{"kind", std::string(replies::toString(member.proof))},
                       {"id_number", member.idNumber},
                       {"name", member.name},
                       {"relation", std::string(replies::toString(member.relation))}};
    return decoded(call("POST", "/v1/patients/" + patientId + "/dependants", body.dump(),
                        idempotencyKey, true),
                   replies::dependant);
}

Result<Patient> HttpsPlatformClient::actFor(const std::string& patientId,
                                            const std::string& dependantId) {
    if (!isPathSafe(patientId)) return badId("patient");
    if (!isPathSafe(dependantId)) return badId("family member");
    // Opening a session changes nothing on the platform, so a retry is safe.
    return remembered(decoded(
        call("POST", "/v1/patients/" + patientId + "/dependants/" + dependantId + "/session", "{}",
             "", true),
        replies::patient));
}

Result<Booking> HttpsPlatformClient::createBooking(const std::string& patientId,
                                                   const std::string& sliceId,
                                                   const std::string& idempotencyKey) {
    const json body = {{"patient_id", patientId}, {"slice_id", sliceId}};
    return decoded(call("POST", "/v1/bookings", body.dump(), idempotencyKey, true),
                   replies::booking);
}

Result<Payment> HttpsPlatformClient::startPayment(const std::string& bookingId,
                                                  const std::string& method,
                                                  const std::string& idempotencyKey) {
    if (!isPathSafe(bookingId)) return badId("booking");
    const json body = {{"method", method}};
    return decoded(
        call("POST", "/v1/bookings/" + bookingId + "/payments", body.dump(), idempotencyKey, true),
        replies::payment);
}

Result<Payment> HttpsPlatformClient::payment(const std::string& paymentId) {
    if (!isPathSafe(paymentId)) return badId("payment");
    return decoded(call("GET", "/v1/payments/" + paymentId, "", "", true), replies::payment);
}

Status HttpsPlatformClient::heartbeat(const Heartbeat& health) {
    auto reply = call("POST", "/v1/terminals/self/heartbeat", heartbeatBody(health), "", true);
    if (!reply) return reply.error();
    return {};
}

Result<CheckIn> HttpsPlatformClient::checkIn(const std::string& bookingId,
                                             const std::string& idempotencyKey) {
    if (!isPathSafe(bookingId)) return badId("booking");
    return decoded(
        call("POST", "/v1/bookings/" + bookingId + "/checkin", "{}", idempotencyKey, true),
        replies::checkIn);
}

Result<Booking> HttpsPlatformClient::cancelBooking(const std::string& bookingId,
                                                   const std::string& idempotencyKey) {
    if (!isPathSafe(bookingId)) return badId("booking");
    return decoded(
        call("POST", "/v1/bookings/" + bookingId + "/cancel", "{}", idempotencyKey, true),
        replies::booking);
}

Result<std::vector<DoctorSchedule>> HttpsPlatformClient::alternatives(
    const std::string& bookingId) {
    if (!isPathSafe(bookingId)) return badId("booking");
    return decoded(call("GET", "/v1/bookings/" + bookingId + "/alternatives", "", "", true),
                   replies::alternatives);
}

Result<Booking> HttpsPlatformClient::moveBooking(const std::string& bookingId,
                                                 const std::string& sliceId,
                                                 const std::string& idempotencyKey) {
    if (!isPathSafe(bookingId)) return badId("booking");
    const json body = {{"slice_id", sliceId}};
    return decoded(
        call("POST", "/v1/bookings/" + bookingId + "/move", body.dump(), idempotencyKey, true),
        replies::booking);
}

Result<Booking> HttpsPlatformClient::booking(const std::string& bookingId) {
    if (!isPathSafe(bookingId)) return badId("booking");
    return decoded(call("GET", "/v1/bookings/" + bookingId, "", "", true), replies::booking);
}

Result<std::optional<IdempotencyRecord>> HttpsPlatformClient::idempotencyRecord(
    const std::string& idempotencyKey) {
    if (!isPathSafe(idempotencyKey)) return badId("idempotency key");
    auto reply = call("GET", "/v1/idempotency/" + idempotencyKey, "", "", true);
    if (!reply) {
        if (reply.error().code == "not_found") return std::optional<IdempotencyRecord>();
        return reply.error();
    }
    auto record = replies::idempotencyRecord(reply->body);
    if (!record) return record.error();
    return std::optional<IdempotencyRecord>(std::move(record.value()));
}

Result<std::vector<Booking>> HttpsPlatformClient::bookings(const std::string& patientId,
                                                           Scope scope) {
    if (!isPathSafe(patientId)) return badId("patient");
    const char* name = scope == Scope::Today ? "today" : "upcoming";
    return decoded(
        call("GET", "/v1/patients/" + patientId + "/bookings?scope=" + name, "", "", true),
        replies::bookings);
}

Result<Enrollment> HttpsPlatformClient::enroll(const std::string& token,
                                               const std::string& terminalId,
                                               const std::string& csrPem) {
    const json body = {{"token", token}, {"terminal_id", terminalId}, {"csr_pem", csrPem}};
    return decoded(call("POST", "/v1/terminals/enroll", body.dump(), "", false),
                   replies::enrollment);
}

Result<std::optional<SignedScene>> HttpsPlatformClient::scene(const std::string& etag) {
    auto reply = call("GET", "/v1/terminals/self/scene", "", "", true, etag);
    if (!reply) return reply.error();
    if (reply->status == 304) return std::optional<SignedScene>();
    auto scene = replies::scene(reply->body, reply->etag);
    if (!scene) return scene.error();
    return std::optional<SignedScene>(std::move(scene.value()));
}

Status HttpsPlatformClient::putScene(const std::string& group, const std::string& sceneJson,
                                     const std::string& signatureBase64) {
    if (!isPathSafe(group)) return badId("group");
    json scene = json::parse(sceneJson, nullptr, false);
    if (scene.is_discarded() || !scene.is_object()) {
        return makeError(ErrorKind::InvalidArgument, "scene.not_json",
                         "the scene is not a JSON object");
    }
    // The scene travels as the exact bytes that were signed, never re-serialised.
    const json body = {{"scene_json", sceneJson}, {"signature_base64", signatureBase64}};
    auto reply = call("PUT", "/v1/scenes/" + group, body.dump(), "", true);
    if (!reply) return reply.error();
    return {};
}

Result<std::vector<FleetTerminal>> HttpsPlatformClient::fleet(const std::string& group) {
    if (!isPathSafe(group)) return badId("group");
    return decoded(call("GET", "/v1/fleet/" + group + "/terminals", "", "", true), replies::fleet);
}

Result<BookingRules> HttpsPlatformClient::bookingRules() {
    return decoded(call("GET", "/v1/rules", "", "", true), replies::bookingRules);
}

Result<std::vector<Notice>> HttpsPlatformClient::notices() {
    return decoded(call("GET", "/v1/notices", "", "", true), replies::notices);
}

}  // namespace lobby::platform
