#pragma once
// HttpsPlatformClient: the kiosk's PlatformClient over HTTPS for the appointment platform
// (docs/platform-api.yaml): one libcurl connection kept alive and its TLS session reused, the
// platform verified against a pinned CA bundle, the terminal's client certificate, a deadline on
// every call, retries only for idempotent calls (with the same Idempotency-Key, exponential backoff
// and jitter), and strict decoding of replies into typed values. CURL codes and the platform's
// refusals become Errors here, once. Blocking by design: the kiosk calls it from a worker thread,
// and cancel() ends a call in flight from any thread.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "platform/fleet_replies.h"
#include "platform/platform_client.h"
#include "platform/platform_types.h"
#include "platform/release_replies.h"

typedef void CURL;

namespace lobby::platform {

using Milliseconds = std::chrono::milliseconds;

struct ClientConfig {
    std::string baseUrl;             // https://host:port
    std::filesystem::path caBundle;  // the only CA trusted; the system's store is never read
    // Optional: the platform's public key itself (curl's form "sha256//BASE64[;sha256//...]" or
    // a PEM / DER public-key file). Empty: the CA alone decides.
    std::string pinnedPublicKey;
    std::filesystem::path clientCertificate;
    std::filesystem::path clientKey;
    Milliseconds connectTimeout{3000};
    Milliseconds callTimeout{8000};  // the whole call, retries and backoff included
    int maxAttempts = 3;             // idempotent calls only
    Milliseconds firstBackoff{200};
};

// How one call goes: a body other than JSON goes chunked (a package upload); a reply with a sink
// is written to that file (emptied for each attempt) up to sinkLimit bytes, not kept in memory.
struct CallOptions {
    const char* contentType = "application/json";
    std::FILE* sink = nullptr;
    std::int64_t sinkLimit = 0;
};

class HttpsPlatformClient final : public PlatformClient {
public:
    explicit HttpsPlatformClient(ClientConfig config);
    ~HttpsPlatformClient() override;
    HttpsPlatformClient(const HttpsPlatformClient&) = delete;
    HttpsPlatformClient& operator=(const HttpsPlatformClient&) = delete;

    // PlatformClient (platform/platform_client.h), over HTTPS.
    Result<std::vector<Department>> departments() override;
    Result<std::vector<Doctor>> doctors(const std::string& departmentId) override;
    Result<std::string> photo(const std::string& photoPath) override;
    Result<std::vector<Session>> schedule(const std::string& doctorId, const std::string& from,
                                          const std::string& to) override;
    Result<Patient> identifyByIdCard(const std::string& idNumber, const std::string& name) override;
    Result<Patient> identifyByToken(const std::string& kind, const std::string& token) override;
    Result<Patient> identifyManually(const std::string& idNumber,
                                     const std::string& phone) override;
    Result<SmsVerification> sendVerificationCode(const std::string& phone) override;
    Result<Patient> registerPatient(const std::string& idNumber, const std::string& name,
                                    const MobileProof& mobile,
                                    const std::string& idempotencyKey) override;
    Result<std::vector<Dependant>> dependants(const std::string& patientId) override;
    Result<Dependant> addDependant(const std::string& patientId, const NewDependant& member,
                                   const std::string& idempotencyKey) override;
    Result<Patient> actFor(const std::string& patientId, const std::string& dependantId) override;
    // 门诊缴费 and 医保 (https_bill_calls.cpp).
    Result<std::vector<Bill>> bills(const std::string& patientId) override;
    Result<BillLock> lockBills(const std::string& patientId,
                               const std::vector<std::string>& billIds,
                               const std::string& idempotencyKey) override;
    Result<BillLock> releaseBillLock(const std::string& lockId) override;
    Result<Presettlement> presettle(const std::string& lockId,
                                    const InsuranceCredential& credential,
                                    const std::string& idempotencyKey) override;
    Result<Settlement> settle(const std::string& presettlementId,
                              const std::string& messageId) override;
    Result<Settlement> settlementByMessage(const std::string& messageId) override;
    Result<Settlement> cancelSettlement(const std::string& settlementId) override;
    Result<Reversal> reverseInsurance(const std::string& messageId) override;
    Result<BillPayment> payBills(const std::string& lockId, BillPayMethod method,
                                 const std::string& presettlementId, const std::string& paymentCode,
                                 const std::string& idempotencyKey) override;
    Result<BillPayment> billPayment(const std::string& paymentId) override;
    Result<BillPayment> reverseBillPayment(const std::string& paymentId) override;
    Result<BillReceipt> saveBills(const std::string& lockId, const std::string& settlementId,
                                  const std::string& paymentId,
                                  const std::string& idempotencyKey) override;
    Result<std::vector<Report>> reports(const std::string& patientId) override;
    Result<std::string> reportDocument(const std::string& reportId) override;
    Result<Report> markReportPrinted(const std::string& reportId,
                                     const std::string& idempotencyKey) override;
    Result<std::vector<EInvoiceEntry>> eInvoices(const std::string& patientId) override;
    Result<std::string> eInvoiceDocument(const std::string& invoiceId) override;
    Result<Booking> createBooking(const std::string& patientId, const std::string& sliceId,
                                  const std::string& idempotencyKey) override;
    Result<Payment> startPayment(const std::string& bookingId, const std::string& method,
                                 const std::string& idempotencyKey) override;
    Result<Payment> payment(const std::string& paymentId) override;
    Result<CheckIn> checkIn(const std::string& bookingId,
                            const std::string& idempotencyKey) override;
    Result<Booking> cancelBooking(const std::string& bookingId,
                                  const std::string& idempotencyKey) override;
    Result<std::vector<DoctorSchedule>> alternatives(const std::string& bookingId) override;
    Result<Booking> moveBooking(const std::string& bookingId, const std::string& sliceId,
                                const std::string& idempotencyKey) override;
    Result<std::vector<Notice>> notices() override;
    Result<BookingRules> bookingRules() override;
    Result<Booking> booking(const std::string& bookingId) override;
    Result<std::optional<IdempotencyRecord>> idempotencyRecord(
        const std::string& idempotencyKey) override;
    Result<std::vector<Booking>> bookings(const std::string& patientId, Scope scope) override;

    Status heartbeat(const Heartbeat& health) override;

    // Enrollment needs no client certificate (the terminal has none yet). Not retried: a token
    // is spent once.
    Result<Enrollment> enroll(const std::string& token, const std::string& terminalId,
                              const std::string& csrPem);
    Result<std::optional<SignedScene>> scene(const std::string& etag) override;
    // Admins: uploads a signed scene for a group (refused unless its version is newer).
    Status putScene(const std::string& group, const std::string& sceneJson,
                    const std::string& signatureBase64);
    // Admins: every terminal of a group with its last heartbeat.
    Result<std::vector<FleetTerminal>> fleet(const std::string& group);
    // Admins, releases (https_release_calls.cpp): upload a package (a .deb's bytes), publish a
    // rollout (RolloutRequest's JSON, docs/platform-api.yaml), see them, and pause ("pause",
    // with a reason), resume or advance one.
    Status putPackage(const std::string& file, const std::string& bytes);
    Result<RolloutStatus> publishRollout(const std::string& requestJson);
    Result<std::vector<RolloutStatus>> rollouts();
    Result<RolloutStatus> rollout(const std::string& rolloutId);
    Result<RolloutStatus> changeRollout(const std::string& rolloutId, const std::string& action,
                                        const std::string& reason = {});
    // The terminal's updater: the release assigned to it (none: nullopt); a package of it
    // written to `destination` (a new file, at most maxBytes, "platform.too_large" past them;
    // removed again when the download fails);
    // one update event (UpdateEvent's JSON), keyed by its own content so a retry is harmless.
    Result<std::optional<ReleaseOfferReply>> releaseOffer();
    Status downloadPackage(const std::string& file, const std::string& destination,
                           std::int64_t maxBytes);
    Status postUpdateEvent(const std::string& eventJson);

    void forgetPatientSession() override { patientSession_.clear(); }
    bool hasPatientSession() const override { return !patientSession_.empty(); }

    std::optional<Refusal> lastRefusal() const override;
    void cancel() override { cancelled_ = true; }
    // TLS handshakes done so far (to see connection reuse in benchmarks and tests).
    long handshakes() const { return handshakes_; }

private:
    struct Reply {
        long status = 0;
        std::string body;
        std::string etag;
    };
    // POST /v1/patients/identify with an Identity (docs/platform-api.yaml).
    Result<Patient> identify(const std::string& identityJson);
    // A PDF the platform serves at `path` (GET, retried): the bytes as they came.
    Result<std::string> document(const std::string& path);
    // One attempt, given at most `timeout` (what is left of the call's deadline).
    Result<Reply> perform(const char* method, const std::string& path, const std::string& body,
                          const std::string& idempotencyKey, const std::string& ifNoneMatch,
                          Milliseconds timeout, const CallOptions& options);
    Result<Reply> call(const char* method, const std::string& path, const std::string& body,
                       const std::string& idempotencyKey, bool idempotent,
                       const std::string& ifNoneMatch = {}, const CallOptions& options = {});
    Error refusalFrom(const Reply& reply);
    Result<Patient> remembered(Result<Patient> patient);

    ClientConfig config_;
    CURL* curl_;
    std::mutex mutex_;  // one call at a time on the one connection
    std::atomic<bool> cancelled_{false};
    std::optional<Refusal> lastRefusal_;
    std::string patientSession_;
    long handshakes_ = 0;
};

}  // namespace lobby::platform
