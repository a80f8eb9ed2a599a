#pragma once
// The kiosk's HTTPS client for the appointment platform (docs/platform-api.yaml): one libcurl
// connection kept alive and its TLS session reused, the platform verified against a pinned CA
// bundle, the terminal's client certificate, a deadline on every call, retries only for
// idempotent calls (with the same Idempotency-Key, exponential backoff and jitter), and strict
// decoding of replies into typed values. CURL codes and the platform's refusals become Errors
// here, once. Blocking by design: the kiosk calls it from a worker thread, and cancel() ends a
// call in flight from any thread.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "platform/platform_types.h"

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

class PlatformClient {
public:
    explicit PlatformClient(ClientConfig config);
    ~PlatformClient();
    PlatformClient(const PlatformClient&) = delete;
    PlatformClient& operator=(const PlatformClient&) = delete;

    Result<std::vector<Department>> departments();
    Result<std::vector<Doctor>> doctors(const std::string& departmentId);
    // Sessions from `from` to `to` (YYYY-MM-DD, inclusive) with their slices.
    // A doctor's portrait (PNG or JPEG bytes), from Doctor::photoPath; at most 2 MB.
    Result<std::string> photo(const std::string& photoPath);
    Result<std::vector<Session>> schedule(const std::string& doctorId, const std::string& from,
                                          const std::string& to);
    Result<Patient> identifyByIdCard(const std::string& idNumber, const std::string& name);
    // kind: "evoucher" (医保电子凭证) or "visit_card" (就诊卡); the token is opaque to the kiosk.
    Result<Patient> identifyByToken(const std::string& kind, const std::string& token);
    // Typed at the kiosk (no card): the platform checks the phone number against its record.
    Result<Patient> identifyManually(const std::string& idNumber, const std::string& phone);
    Result<Patient> registerPatient(const std::string& idNumber, const std::string& name,
                                    const std::string& idempotencyKey);
    Result<Booking> createBooking(const std::string& patientId, const std::string& sliceId,
                                  const std::string& idempotencyKey);
    Result<Payment> startPayment(const std::string& bookingId, const std::string& method,
                                 const std::string& idempotencyKey);
    Result<Payment> payment(const std::string& paymentId);
    Result<CheckIn> checkIn(const std::string& bookingId, const std::string& idempotencyKey);
    // Until 24:00 the day before the visit (any time after a stop-service); a paid booking is
    // refunded along its payment path.
    Result<Booking> cancelBooking(const std::string& bookingId, const std::string& idempotencyKey);
    Result<std::vector<Notice>> notices();
    // Recovery: one booking as it stands, and what became of a call made with `idempotencyKey`
    // (nullopt: the platform never acted on it, so it is safe to consider it not done).
    Result<Booking> booking(const std::string& bookingId);
    Result<std::optional<IdempotencyRecord>> idempotencyRecord(const std::string& idempotencyKey);
    enum class Scope { Today, Upcoming };
    Result<std::vector<Booking>> bookings(const std::string& patientId, Scope scope);

    // Safe to repeat: retried like the other idempotent calls.
    Status heartbeat(const Heartbeat& health);

    // Enrollment needs no client certificate (the terminal has none yet). Not retried: a token
    // is spent once.
    Result<Enrollment> enroll(const std::string& token, const std::string& terminalId,
                              const std::string& csrPem);
    // The scene for this terminal's group; nullopt when it still has `etag` (304).
    Result<std::optional<SignedScene>> scene(const std::string& etag);
    // Admins: uploads a signed scene for a group (refused unless its version is newer).
    Status putScene(const std::string& group, const std::string& sceneJson,
                    const std::string& signatureBase64);

    // The patient identified or registered last: their calls carry that session's token until
    // it is forgotten (the patient left); without one, the platform lets this terminal reach
    // only the records of patients it served lately (recovery).
    void forgetPatientSession() { patientSession_.clear(); }
    bool hasPatientSession() const { return !patientSession_.empty(); }

    // The last refusal's Chinese and English words, for the patient.
    std::optional<Refusal> lastRefusal() const;
    // Ends the call in flight (if any) with ErrorKind::Cancelled; thread-safe.
    void cancel() { cancelled_ = true; }
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
    // One attempt, given at most `timeout` (what is left of the call's deadline).
    Result<Reply> perform(const char* method, const std::string& path, const std::string& body,
                          const std::string& idempotencyKey, const std::string& ifNoneMatch,
                          Milliseconds timeout);
    Result<Reply> call(const char* method, const std::string& path, const std::string& body,
                       const std::string& idempotencyKey, bool idempotent,
                       const std::string& ifNoneMatch = {});
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
