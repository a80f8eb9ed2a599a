#pragma once
// The sandbox platform on a free port over real TLS, and calls to it as a terminal would make
// them (curl, the terminal's certificate, an Idempotency-Key, a patient's session), for the
// platform's rule and access tests.
#include <curl/curl.h>

#include <ctime>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>

#include "common/id_number.h"
#include "sim/platform/platform_server.h"
#include "verified_registration.h"

namespace lobby::sim::testing {

using nlohmann::json;

struct Reply {
    long status = 0;
    json body;
    std::string raw, contentType;  // the body as sent (a PDF's bytes), and its type
};

class Rig {
public:
    Rig() {
        dir_ = std::filesystem::temp_directory_path() /
               ("lobby-platform-rules-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        auto tls = ensureDevCa(dir_ / "ca");
        if (!tls || !issueClientCertificate(dir_ / "ca", "KIOSK-TEST-0001", dir_ / "terminal") ||
            !issueClientCertificate(dir_ / "ca", "KIOSK-TEST-0002", dir_ / "other-terminal") ||
            !issueClientCertificate(dir_ / "ca", "ADMIN-1", dir_ / "admin", 365, true)) {
            throw std::runtime_error("cannot create the sandbox's certificates");
        }
        store_ = std::move(PlatformStore::open(dir_ / "platform.db").value());
        server_ = std::move(PlatformServer::start(tls.value(), *store_, 0).value());
    }
    // The platform's clock reads today at HH:MM from now on (as `lobby-platform --at`).
    void setTimeOfDay(int hour, int minute) {
        const std::time_t now = std::time(nullptr);
        std::tm local{};
        localtime_r(&now, &local);
        local.tm_hour = hour;
        local.tm_min = minute;
        local.tm_sec = 0;
        server_->setClockOffset(std::chrono::seconds(std::mktime(&local) - now));
    }

    ~Rig() {
        server_.reset();
        store_.reset();
        std::filesystem::remove_all(dir_);
    }

    // As the terminal, carrying the session of the patient the call is about (these tests are
    // about the rules; test_platform_access.cpp is about who may call).
    Reply call(const char* method, const std::string& path, const json& body = nullptr,
               const std::string& idempotencyKey = {}) const {
        return send(method, path, body, idempotencyKey, "terminal", sessionFor(path, body));
    }

    // One call from the terminal whose certificate is in dir_/CERTIFICATE_DIR, with a
    // Patient-Session header when `session` is not empty.
    Reply send(const char* method, const std::string& path, const json& body,
               const std::string& idempotencyKey, const std::string& certificateDir,
               const std::string& session) const {
        Reply reply;
        std::string received;
        CURL* curl = curl_easy_init();
        const std::string url = "https://127.0.0.1:" + std::to_string(server_->port()) + path;
        const std::string ca = (dir_ / "ca" / "ca.pem").string();
        const std::string cert = (dir_ / certificateDir / "client.pem").string();
        const std::string key = (dir_ / certificateDir / "client.key").string();
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_CAINFO, ca.c_str());
        curl_easy_setopt(curl, CURLOPT_SSLCERT, cert.c_str());
        curl_easy_setopt(curl, CURLOPT_SSLKEY, key.c_str());
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 20000L);
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
        curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
        if (!idempotencyKey.empty()) {
            headers = curl_slist_append(headers, ("Idempotency-Key: " + idempotencyKey).c_str());
        }
        if (!session.empty()) {
            headers = curl_slist_append(headers, ("Patient-Session: " + session).c_str());
        }
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        const bool get = std::string(method) == "GET";
        const std::string payload = body.is_null() ? "{}" : body.dump();
        if (!get) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.c_str());
        curl_easy_setopt(
            curl, CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
                static_cast<std::string*>(out)->append(data, size * count);
                return size * count;
            });
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &received);
        curl_easy_perform(curl);
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
        const char* type = nullptr;
        curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
        if (type != nullptr) reply.contentType = type;
        reply.raw = received;
        curl_slist_free_all(headers);
        curl_easy_cleanup(curl);
        reply.body = json::parse(received, nullptr, false);
        return reply;
    }

    // The session token the last registration or identification of `patientId` gave.
    std::string sessionOf(const std::string& patientId) const {
        const auto found = sessions_.find(patientId);
        return found == sessions_.end() ? "" : found->second;
    }

    // A code texted to `phone` (a fresh number each time without one), read back from the
    // sandbox's outbox: `identity` with the mobile proof a registration (建档) carries.
    json withMobileProof(json identity, std::string phone = {}) const {
        if (phone.empty()) phone = "1380000" + std::to_string(1000 + phones_++);
        const Reply sent = send("POST", "/v1/sms/verifications",
                                {{"phone", phone}, {"purpose", "register"}}, "", "terminal", "");
        identity["phone"] = phone;
        identity["verification_id"] = sent.body.value("verification_id", "");
        identity["sms_code"] = textedCode(phone);
        return identity;
    }
    // The code in the last text to `phone`; empty if none.
    std::string textedCode(const std::string& phone) const {
        return lobby::testing::textedCode(*store_, phone);
    }

    std::string patient(const std::string& idNumber, const std::string& name) const {
        const Reply registered =
            send("POST", "/v1/patients",
                 withMobileProof({{"kind", "id_card"}, {"id_number", idNumber}, {"name", name}}),
                 "register-" + idNumber, "terminal", "");
        const std::string id = registered.body.value("id", "");
        sessions_[id] = registered.body.value("session_token", "");
        return id;
    }

    // A session of the patient a call is about: named in its path or body, or owning the
    // booking or payment its path names.
    std::string sessionFor(const std::string& path, const json& body) const {
        std::optional<std::string> patient;
        std::smatch match;
        static const std::regex bookingPath(R"(^/v1/bookings/([A-Za-z0-9]+))");
        static const std::regex paymentPath(R"(^/v1/payments/([A-Za-z0-9]+))");
        static const std::regex patientPath(R"(^/v1/patients/([A-Za-z0-9]+)/bookings)");
        if (body.is_object() && body.contains("patient_id") && body["patient_id"].is_string()) {
            patient = body["patient_id"].get<std::string>();
        } else if (std::regex_search(path, match, bookingPath)) {
            patient = store_->patientOfBooking(match[1]);
        } else if (std::regex_search(path, match, paymentPath)) {
            patient = store_->patientOfPayment(match[1]);
        } else if (std::regex_search(path, match, patientPath)) {
            patient = match[1];
        }
        // A fresh one at the platform's clock: rule tests move that clock days ahead.
        if (!patient) return "";
        auto session = store_->openPatientSession(*patient, "KIOSK-TEST-0001", server_->now());
        return session ? session->token : "";
    }

    PlatformStore& store() { return *store_; }
    const std::filesystem::path& dir() const { return dir_; }
    PlatformServer& server() { return *server_; }

private:
    std::filesystem::path dir_;
    std::unique_ptr<PlatformStore> store_;
    std::unique_ptr<PlatformServer> server_;
    mutable std::map<std::string, std::string> sessions_;  // patient id → session token
    mutable int phones_ = 0;  // mobile numbers given out by withMobileProof
};

inline std::string dateIn(int days) {
    std::time_t when = std::time(nullptr) + days * 86400;
    std::tm local{};
    localtime_r(&when, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

// The n-th morning slice of doctor D1xx on a day.
inline std::string slice(const std::string& doctor, int days, int n = 1) {
    return doctor + "-" + dateIn(days) + "-m-" + std::to_string(n);
}

// A valid 18-digit ID number for a serial (GB 11643 check digit computed).
inline std::string idNumber(int serial) {
    char base[18];
    std::snprintf(base, sizeof base, "1101051980%07d", serial);
    return std::string(base) + lobby::checkDigitFor(base).value();
}

}  // namespace lobby::sim::testing
