#pragma once
// What the kiosk asks of the appointment platform (docs/platform-api.yaml), as one interface:
// the flows, the platform service and reconciliation see only this. HttpsPlatformClient
// (platform/https_platform_client.h) is the real one; the flows' unit tests script a fake. Every
// call blocks (the kiosk calls from its worker thread) and returns typed values or an Error.

#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "platform/bill_types.h"
#include "platform/document_types.h"
#include "platform/platform_types.h"

namespace lobby::platform {

class PlatformClient {
public:
    virtual ~PlatformClient() = default;

    virtual Result<std::vector<Department>> departments() = 0;
    virtual Result<std::vector<Doctor>> doctors(const std::string& departmentId) = 0;
    // A doctor's portrait (PNG or JPEG bytes), from Doctor::photoPath; at most 2 MB.
    virtual Result<std::string> photo(const std::string& photoPath) = 0;
    // Sessions from `from` to `to` (YYYY-MM-DD, inclusive) with their slices.
    virtual Result<std::vector<Session>> schedule(const std::string& doctorId,
                                                  const std::string& from,
                                                  const std::string& to) = 0;
    virtual Result<Patient> identifyByIdCard(const std::string& idNumber,
                                             const std::string& name) = 0;
    // kind: "evoucher" (医保电子凭证) or "visit_card" (就诊卡); the token is opaque to the kiosk.
    virtual Result<Patient> identifyByToken(const std::string& kind, const std::string& token) = 0;
    // Typed at the kiosk (no card): the platform checks the phone number against its record.
    virtual Result<Patient> identifyManually(const std::string& idNumber,
                                             const std::string& phone) = 0;
    // 建档: texts a code to the mobile number the new patient typed (refused within a minute of
    // the last); the registration then carries the number with the code as its proof.
    virtual Result<SmsVerification> sendVerificationCode(const std::string& phone) = 0;
    virtual Result<Patient> registerPatient(const std::string& idNumber, const std::string& name,
                                            const MobileProof& mobile,
                                            const std::string& idempotencyKey) = 0;
    // 就诊人: the patient's family members; adding one read from their own card; and acting for
    // one: this client's calls then carry the member's session (their records), until the
    // patient leaves.
    virtual Result<std::vector<Dependant>> dependants(const std::string& patientId) = 0;
    virtual Result<Dependant> addDependant(const std::string& patientId, const NewDependant& member,
                                           const std::string& idempotencyKey) = 0;
    virtual Result<Patient> actFor(const std::string& patientId,
                                   const std::string& dependantId) = 0;
    // 门诊缴费 (bill_types.h): the unpaid bills; a lock on whole bills of one pay group; the
    // insurance's price for it with the patient's credential, its settlement under a message id
    // (asked after, cancelled, reversed); the cash part by QR or payment code (polled, reversed);
    // the HIS's save once every leg is in. Every money step carries its own key.
    virtual Result<std::vector<Bill>> bills(const std::string& patientId) = 0;
    virtual Result<BillLock> lockBills(const std::string& patientId,
                                       const std::vector<std::string>& billIds,
                                       const std::string& idempotencyKey) = 0;
    virtual Result<BillLock> releaseBillLock(const std::string& lockId) = 0;
    virtual Result<Presettlement> presettle(const std::string& lockId,
                                            const InsuranceCredential& credential,
                                            const std::string& idempotencyKey) = 0;
    virtual Result<Settlement> settle(const std::string& presettlementId,
                                      const std::string& messageId) = 0;
    virtual Result<Settlement> settlementByMessage(const std::string& messageId) = 0;
    virtual Result<Settlement> cancelSettlement(const std::string& settlementId) = 0;
    virtual Result<Reversal> reverseInsurance(const std::string& messageId) = 0;
    // The payment code goes to the platform and nowhere else: never logged, journalled or kept.
    virtual Result<BillPayment> payBills(const std::string& lockId, BillPayMethod method,
                                         const std::string& presettlementId,
                                         const std::string& paymentCode,
                                         const std::string& idempotencyKey) = 0;
    virtual Result<BillPayment> billPayment(const std::string& paymentId) = 0;
    virtual Result<BillPayment> reverseBillPayment(const std::string& paymentId) = 0;
    virtual Result<BillReceipt> saveBills(const std::string& lockId,
                                          const std::string& settlementId,
                                          const std::string& paymentId,
                                          const std::string& idempotencyKey) = 0;
    // 报告打印 and 发票打印 (docs/platform-api.yaml, tag reports): the patient's reports and
    // e-invoices, each document's PDF bytes (unchecked here: the printer's side checks them),
    // and a report's print counted once its job completed, under its key.
    virtual Result<std::vector<Report>> reports(const std::string& patientId) = 0;
    virtual Result<std::string> reportDocument(const std::string& reportId) = 0;
    virtual Result<Report> markReportPrinted(const std::string& reportId,
                                             const std::string& idempotencyKey) = 0;
    virtual Result<std::vector<EInvoiceEntry>> eInvoices(const std::string& patientId) = 0;
    virtual Result<std::string> eInvoiceDocument(const std::string& invoiceId) = 0;

    virtual Result<Booking> createBooking(const std::string& patientId, const std::string& sliceId,
                                          const std::string& idempotencyKey) = 0;
    virtual Result<Payment> startPayment(const std::string& bookingId, const std::string& method,
                                         const std::string& idempotencyKey) = 0;
    virtual Result<Payment> payment(const std::string& paymentId) = 0;
    virtual Result<CheckIn> checkIn(const std::string& bookingId,
                                    const std::string& idempotencyKey) = 0;
    // Until 24:00 the day before the visit (any time after a stop-service); a paid booking is
    // refunded along its payment path.
    virtual Result<Booking> cancelBooking(const std::string& bookingId,
                                          const std::string& idempotencyKey) = 0;
    // 改约, for a paid booking whose doctor stopped the session: where it may go (doctors of the
    // same department and fee, free slices only), and the move itself, in one operation that
    // keeps the payment with the booking (nothing charged, nothing refunded).
    virtual Result<std::vector<DoctorSchedule>> alternatives(const std::string& bookingId) = 0;
    virtual Result<Booking> moveBooking(const std::string& bookingId, const std::string& sliceId,
                                        const std::string& idempotencyKey) = 0;
    virtual Result<std::vector<Notice>> notices() = 0;
    // The hospital's booking rules: the window, same-day registration and its cut-offs.
    virtual Result<BookingRules> bookingRules() = 0;
    // Recovery: one booking as it stands, and what became of a call made with `idempotencyKey`
    // (nullopt: the platform never acted on it, so it is safe to consider it not done).
    virtual Result<Booking> booking(const std::string& bookingId) = 0;
    virtual Result<std::optional<IdempotencyRecord>> idempotencyRecord(
        const std::string& idempotencyKey) = 0;
    enum class Scope { Today, Upcoming };
    virtual Result<std::vector<Booking>> bookings(const std::string& patientId, Scope scope) = 0;

    // Safe to repeat.
    virtual Status heartbeat(const Heartbeat& health) = 0;
    // The scene for this terminal's group; nullopt when it still has `etag` (304).
    virtual Result<std::optional<SignedScene>> scene(const std::string& etag) = 0;

    // The patient identified or registered last: their calls carry that session's token until
    // it is forgotten (the patient left); without one, the platform lets this terminal reach
    // only the records of patients it served lately (recovery).
    virtual void forgetPatientSession() = 0;
    virtual bool hasPatientSession() const = 0;

    // The last refusal's Chinese and English words, for the patient.
    virtual std::optional<Refusal> lastRefusal() const = 0;
    // Ends the call in flight (if any) with ErrorKind::Cancelled; thread-safe.
    virtual void cancel() = 0;
};

}  // namespace lobby::platform
