#pragma once
// The sandbox appointment platform: HTTPS only, mutual TLS (terminals present a certificate
// from the dev CA), on 127.0.0.1. Implements docs/platform-api.yaml: enrollment, scenes and
// heartbeats in terminal_routes.cpp, patients, catalogue, bookings and notices in
// platform_server.cpp.

#include <atomic>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "common/error.h"
#include "sim/platform/dev_ca.h"
#include "sim/platform/platform_store.h"
#include "sim/platform/release_board.h"

namespace httplib {
class SSLServer;
struct Request;
struct Response;
}  // namespace httplib

namespace lobby::sim {

// No request body of the contract but a package upload (PUT /v1/packages/...) comes near this.
inline constexpr std::size_t kMaxRequestBody_bytes = 64 * 1024;

class PlatformServer {
public:
    // port 0 picks a free one. With `trafficLog`, every reply is appended to it as a JSON line
    // (method, path, status, content type, JSON body), for tests/contract/check_traffic.py to
    // hold against the contract.
    static Result<std::unique_ptr<PlatformServer>> start(
        const DevCaFiles& tls, PlatformStore& store, unsigned short port,
        const std::filesystem::path& trafficLog = {});
    ~PlatformServer();

    unsigned short port() const { return port_; }
    // Shifts the platform's clock, so tests can run at "tomorrow 09:31".
    void setClockOffset(std::chrono::seconds offset) { clockOffset_ = offset; }
    Clock::time_point now() const { return Clock::now() + clockOffset_.load(); }
    // The public key of the platform's assignments, for kiosks' TRUST_DIR/platform/.
    std::filesystem::path releasePublicKey() const { return releases_->publicKey(); }

private:
    PlatformServer(std::unique_ptr<httplib::SSLServer> server, PlatformStore& store,
                   std::filesystem::path caDirectory);
    void routes();
    void terminalRoutes();  // terminal_routes.cpp: enrollment, scenes, heartbeats
    void familyRoutes();    // family_routes.cpp: a patient's family members (就诊人)
    void billRoutes();  // bill_routes.cpp: a patient's unpaid bills and their locks (门诊缴费)
    void insuranceRoutes();  // insurance_routes.cpp: pre-settle, settle, cancel, reverse (医保)
    void reportRoutes();     // report_routes.cpp: reports and e-invoices, their PDFs (报告打印)
    void releaseRoutes();    // release_routes.cpp: packages, rollouts, assignments, update events
    // A terminal as rollouts see it: its group (standing for its hospital) and its scene's type.
    FleetTerminal fleetTerminal(const std::string& terminalId);
    // Routes with a body, for certified terminals only. The certificate is checked once the
    // body is read (not before routing), so an anonymous caller's body is never taken for its
    // next request on a kept-alive connection.
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
    void post(const char* pattern, Handler handler);
    void put(const char* pattern, Handler handler);
    // The patient the request's Patient-Session names at the calling terminal; nullopt after
    // replying 401 (session_required without one, session_expired for one unknown, expired or
    // another terminal's).
    std::optional<std::string> sessionPatient(const httplib::Request& request,
                                              httplib::Response& response);
    // The session's patient when it is the one `named` (a list of their own records); a
    // booking code's session reaches none. nullopt after replying (401, or 404 not_found).
    std::optional<std::string> sessionPatientNamed(const httplib::Request& request,
                                                   httplib::Response& response,
                                                   const std::string& named);
    // Object-level authorization. With a Patient-Session header, only that session's patient's
    // records; without one (a terminal recovering after its patient left), only those of
    // patients this terminal served in the last day. Replies with the refusal (401, or 404
    // not_found) and returns false.
    // A session opened by a booking code (预约码, the voucher) reaches only that booking, and
    // only to pay for it and check it in (`pickUp`): never another record, never a refund.
    // A 门诊缴费 record's patient: the session's, or without a session the record's `owner` if
    // this terminal served them in the last day (404 not_found otherwise).
    std::optional<std::string> recordPatient(const httplib::Request& request,
                                             httplib::Response& response, const std::string& owner);
    bool mayReach(const httplib::Request& request, httplib::Response& response,
                  const std::optional<std::string>& patientId,
                  const std::optional<std::string>& bookingId = std::nullopt, bool pickUp = true);
    // The booking a voucher session is limited to; empty for a patient's full session.
    std::string bookingScope(const httplib::Request& request);
    // An Idempotency-Key belongs to the first terminal that used it; false (409 sent) when it
    // is another terminal's.
    bool ownsKey(const httplib::Request& request, httplib::Response& response,
                 const std::string& key);
    // A call that moves the booking its path names: its Idempotency-Key, once the caller may
    // reach the booking and the key is theirs (nullopt: refused, the reply sent).
    std::optional<std::string> bookingCall(const httplib::Request& request,
                                           httplib::Response& response, bool pickUp);
    // The identified patient and a new session for them at the calling terminal.
    void sendPatient(const httplib::Request& request, httplib::Response& response,
                     const PatientRow& patient, int status = 200,
                     const std::string& bookingScope = {});

    std::unique_ptr<httplib::SSLServer> server_;
    PlatformStore& store_;
    std::filesystem::path caDirectory_;       // the dev CA that signs enrolled terminals
    std::unique_ptr<ReleaseBoard> releases_;  // in STATE/releases, beside the CA
    unsigned short port_ = 0;
    std::atomic<std::chrono::seconds> clockOffset_{std::chrono::seconds(0)};
    std::thread thread_;
    // Refused enrollments in the last minutes, per terminal id and in all (enrollment has no
    // client certificate, so this is what stops a token being guessed).
    bool enrollmentThrottled(const std::string& terminalId);
    void noteEnrollmentRefused(const std::string& terminalId);
    std::mutex enrollMutex_;
    std::deque<std::pair<Clock::time_point, std::string>> enrollRefusals_;
    std::mutex trafficMutex_;
    std::ofstream traffic_;
};

}  // namespace lobby::sim
