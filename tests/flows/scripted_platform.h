#pragma once
// A PlatformClient whose answers a test scripts, call by call: the flows and recovery are unit
// tested against it at the interface the kiosk uses (platform/platform_client.h), with no
// network. Every call is recorded with its arguments; a call nobody scripted fails the test.
// A method can be held so its reply comes only when the test releases it (a slow reply, a reply
// that arrives after the patient has gone).

#include <any>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "platform/platform_client.h"

namespace lobby::testing {

class ScriptedPlatform final : public platform::PlatformClient {
public:
    // The next answer of `method` (answers are used in order).
    template <typename T>
    void answer(const std::string& method, Result<T> result) {
        std::lock_guard lock(mutex_);
        answers_[method].emplace_back(std::move(result));
    }
    // The next answer of `method` is the platform's refusal, in its own words.
    void refuse(const std::string& method, const std::string& code, const std::string& zh,
                const std::string& en);
    // The next answer of `method` never comes: the connection is lost (a timeout).
    void loseReply(const std::string& method);
    // `method` waits for release() before answering.
    void hold(const std::string& method);
    void release(const std::string& method);

    // "createBooking(P1,S1,key)" for every call so far, in order.
    std::vector<std::string> calls() const;
    int count(const std::string& method) const;
    // The idempotency key of the n-th call of `method` (its last argument).
    std::string keyOf(const std::string& method, int n = 0) const;
    // A call nobody scripted (the test fails on it).
    std::vector<std::string> unscripted() const;

    Result<std::vector<platform::Department>> departments() override;
    Result<std::vector<platform::Doctor>> doctors(const std::string& departmentId) override;
    Result<std::string> photo(const std::string& photoPath) override;
    Result<std::vector<platform::Session>> schedule(const std::string& doctorId,
                                                    const std::string& from,
                                                    const std::string& to) override;
    Result<platform::Patient> identifyByIdCard(const std::string& idNumber,
                                               const std::string& name) override;
    Result<platform::Patient> identifyByToken(const std::string& kind,
                                              const std::string& token) override;
    Result<platform::Patient> identifyManually(const std::string& idNumber,
                                               const std::string& phone) override;
    Result<platform::SmsVerification> sendVerificationCode(const std::string& phone) override;
    Result<std::vector<platform::Dependant>> dependants(const std::string& patientId) override;
    Result<platform::Dependant> addDependant(const std::string& patientId,
                                             const platform::NewDependant& member,
                                             const std::string& idempotencyKey) override;
    Result<platform::Patient> actFor(const std::string& patientId,
                                     const std::string& dependantId) override;
    Result<std::vector<platform::Report>> reports(const std::string& patientId) override;
    Result<std::string> reportDocument(const std::string& reportId) override;
    Result<platform::Report> markReportPrinted(const std::string& reportId,
                                               const std::string& idempotencyKey) override;
    Result<std::vector<platform::EInvoiceEntry>> eInvoices(const std::string& patientId) override;
    Result<std::string> eInvoiceDocument(const std::string& invoiceId) override;
    Result<std::vector<platform::Bill>> bills(const std::string& patientId) override;
    Result<platform::BillLock> lockBills(const std::string& patientId,
                                         const std::vector<std::string>& billIds,
                                         const std::string& idempotencyKey) override;
    Result<platform::BillLock> releaseBillLock(const std::string& lockId) override;
    Result<platform::Presettlement> presettle(const std::string& lockId,
                                              const platform::InsuranceCredential& credential,
                                              const std::string& idempotencyKey) override;
    Result<platform::Settlement> settle(const std::string& presettlementId,
                                        const std::string& messageId) override;
    Result<platform::Settlement> settlementByMessage(const std::string& messageId) override;
    Result<platform::Settlement> cancelSettlement(const std::string& settlementId) override;
    Result<platform::Reversal> reverseInsurance(const std::string& messageId) override;
    Result<platform::BillPayment> payBills(const std::string& lockId,
                                           platform::BillPayMethod method,
                                           const std::string& presettlementId,
                                           const std::string& paymentCode,
                                           const std::string& idempotencyKey) override;
    Result<platform::BillPayment> billPayment(const std::string& paymentId) override;
    Result<platform::BillPayment> reverseBillPayment(const std::string& paymentId) override;
    Result<platform::BillReceipt> saveBills(const std::string& lockId,
                                            const std::string& settlementId,
                                            const std::string& paymentId,
                                            const std::string& idempotencyKey) override;
    Result<platform::Patient> registerPatient(const std::string& idNumber, const std::string& name,
                                              const platform::MobileProof& mobile,
                                              const std::string& idempotencyKey) override;
    Result<platform::Booking> createBooking(const std::string& patientId,
                                            const std::string& sliceId,
                                            const std::string& idempotencyKey) override;
    Result<platform::Payment> startPayment(const std::string& bookingId, const std::string& method,
                                           const std::string& idempotencyKey) override;
    Result<platform::Payment> payment(const std::string& paymentId) override;
    Result<platform::CheckIn> checkIn(const std::string& bookingId,
                                      const std::string& idempotencyKey) override;
    Result<platform::Booking> cancelBooking(const std::string& bookingId,
                                            const std::string& idempotencyKey) override;
    Result<std::vector<platform::DoctorSchedule>> alternatives(
        const std::string& bookingId) override;
    Result<platform::Booking> moveBooking(const std::string& bookingId, const std::string& sliceId,
                                          const std::string& idempotencyKey) override;
    Result<std::vector<platform::Notice>> notices() override;
    Result<platform::BookingRules> bookingRules() override;
    Result<platform::Booking> booking(const std::string& bookingId) override;
    Result<std::optional<platform::IdempotencyRecord>> idempotencyRecord(
        const std::string& idempotencyKey) override;
    Result<std::vector<platform::Booking>> bookings(const std::string& patientId,
                                                    Scope scope) override;
    Status heartbeat(const platform::Heartbeat& health) override;
    Result<std::optional<platform::SignedScene>> scene(const std::string& etag) override;
    void forgetPatientSession() override;
    bool hasPatientSession() const override;
    std::optional<platform::Refusal> lastRefusal() const override;
    void cancel() override;

private:
    struct Refused {
        platform::Refusal refusal;
    };
    struct Lost {};
    template <typename T>
    Result<T> next(const std::string& method, std::vector<std::string> arguments);

    mutable std::mutex mutex_;
    std::condition_variable released_;
    std::map<std::string, std::deque<std::any>> answers_;
    std::set<std::string> held_;
    std::vector<std::pair<std::string, std::vector<std::string>>> calls_;
    std::vector<std::string> unscripted_;
    std::optional<platform::Refusal> lastRefusal_;
    std::atomic<bool> patientSession_{false};
};

}  // namespace lobby::testing
