#pragma once
// The sandbox platform's data in SQLite (WAL): a demo hospital's departments and doctors,
// seeded on first use. Bookings, payments and the rules arrive with the rest of issue 6.

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "sim/platform/credit_rules.h"
#include "sim/platform/his_bills.h"
#include "sim/platform/hospital_rules.h"
#include "sim/platform/insurance_ledger.h"
#include "sim/platform/reports.h"

namespace lobby::sim {

struct DepartmentRow {
    std::string id, nameZh, nameEn, pinyinInitials, categoryZh, categoryEn;
};
struct DoctorRow {
    std::string id, departmentId, name, title, specialty;
    int feeFen = 0;
    // 号别: a department's general clinic (普通号, ids "G…", no named doctor) or a named
    // doctor's (专家号, fee by title).
    bool generalClinic() const { return !id.empty() && id.front() == 'G'; }
};
struct SliceRow {
    std::string id, sessionId, date, period, start, end;
    int remaining = 0;
};
struct PatientRow {
    std::string id, idNumber, name;
};
// When and with whom a booking is: what the patient sees on the kiosk's lists.
struct VisitRow {
    std::string date, period, start, end, doctorName, doctorTitle, departmentZh, departmentEn;
};
struct BookingRow {
    std::string id, patientId, sliceId, status, holdExpiresAt;
    int feeFen = 0;
    bool stopService = false;  // the doctor stopped this session (停诊)
    VisitRow visit;
    std::string bookingCode;  // 预约码: eight digits on the voucher and in the SMS
};
struct HeartbeatRow {
    std::string terminalId, body;  // body: the terminal's last heartbeat, as JSON
    std::int64_t receivedAt = 0;   // seconds since the epoch, platform clock
};
struct SceneRow {
    std::string group, body;  // body: {"scene": {...}, "signature_base64": "..."}
    std::int64_t version = 0;
};
struct NoticeRow {
    std::string sessionId, date, period, doctorName;
    std::vector<std::string> affectedBookingIds;  // held or paid when the session stopped
};
struct PaymentRow {
    std::string id, bookingId, method, status, qrPayload;
};
// What became of an idempotent call: its operation ("create_booking", "start_payment",
// "checkin", "cancel") and the id of what it made or moved (a booking or a payment).
struct IdempotencyRow {
    std::string key, operation, resultId;
};
// The ledger's invariants checked at once (ledger_audit.cpp): counts, and every violation found.
struct LedgerAudit {
    std::map<std::string, int> bookings;                   // status → count
    std::map<std::string, int> payments;                   // status → count
    std::map<std::string, int> settlements, billPayments;  // 门诊缴费's legs: status → count
    int reportPrints = 0;                                  // prints counted by kiosks
    std::vector<std::string> violations;
};
// A patient identified at a terminal: the token its patient-scoped calls carry, until expiresAt.
struct PatientSessionRow {
    std::string token, patientId, expiresAt;  // expiresAt: RFC 3339
};
// A doctor of the same department and fee with their open sessions: where a stopped booking may
// move (改约).
struct AlternativeRow {
    DoctorRow doctor;
    std::vector<SliceRow> slices;  // free ones only, by date and start
};
struct CheckinRow {
    std::string bookingId, queueNumber, clinicRoomZh, clinicRoomEn, timeWindow;
    std::string wayfindingZh, wayfindingEn;
};

// A family member (就诊人) a patient books for, and how they are related ("child", "parent",
// "spouse", "other": the member is the patient's ...).
struct DependantRow {
    PatientRow patient;
    std::string relation;
};
bool isRelation(const std::string& relation);

// A code sent to verify a mobile number: the outbox's text holds it.
struct SmsVerificationRow {
    std::string id, phone, text;
    int resendAfter_s = 0, expiresIn_s = 0;
};

using Clock = std::chrono::system_clock;

// 11 digits starting with 1: a mainland mobile number.
bool isMobileNumber(const std::string& phone);

// "PREFIX" + 2×bytes random hex digits: opaque ids nobody can guess or derive.
Result<std::string> randomId(const char* prefix, int bytes);

// The platform's refusals carry the contract's codes (docs/platform-api.md) in Error::code.

class PlatformStore {
public:
    static Result<std::unique_ptr<PlatformStore>> open(const std::filesystem::path& path);
    ~PlatformStore();

    Result<std::vector<DepartmentRow>> departments();
    Result<std::vector<DoctorRow>> doctors(const std::string& departmentId);
    // 号别's fees as the catalogue has them: the general clinics' and the named doctors' range.
    struct ClinicFeeRow {
        bool general = false;
        int lowest_fen = 0, highest_fen = 0;
    };
    Result<std::vector<ClinicFeeRow>> clinicFees();
    bool hasDoctor(const std::string& doctorId);
    // Sessions between two dates (YYYY-MM-DD, inclusive), with their slices.
    Result<std::vector<SliceRow>> schedule(const std::string& doctorId, const std::string& from,
                                           const std::string& to);

    // Whether a slice may be booked now, by the hospital's time rules: the booking window, and
    // for today's slices (当日挂号) the half day's cut-off and the slice not over yet. The
    // refusal ("outside_booking_window", "registration_closed", "slice_over") when not.
    std::optional<Error> bookingTimeRefusal(const SliceRow& slice, Clock::time_point now) const;

    Result<PatientRow> findPatient(const std::string& idNumber);

    // Access (patient_sessions.cpp): a session for a patient identified at a terminal; the
    // patient a valid session names; whether a terminal served a patient in the last day; the
    // first terminal to use an idempotency key owns it (false: another terminal's key); whose
    // booking or payment it is.
    Result<PatientSessionRow> openPatientSession(const std::string& patientId,
                                                 const std::string& terminalId,
                                                 Clock::time_point now,
                                                 const std::string& bookingScope = {});
    // The one booking a session opened by a booking code may act on; empty for a full session.
    std::string sessionBookingScope(const std::string& token);
    std::optional<std::string> sessionPatient(const std::string& token,
                                              const std::string& terminalId, Clock::time_point now);
    bool servedAt(const std::string& terminalId, const std::string& patientId,
                  Clock::time_point now);
    bool claimKey(const std::string& key, const std::string& terminalId);
    std::optional<std::string> keyOwner(const std::string& key);
    std::optional<std::string> patientOfBooking(const std::string& bookingId);
    std::optional<std::string> patientOfPayment(const std::string& paymentId);
    std::optional<std::string> bookingOfPayment(const std::string& paymentId);
    Result<PatientRow> patientById(const std::string& patientId);
    // A live booking (held, paid or checked in) by its code: eight digits, as typed, or with the
    // voucher barcode's "YYD" in front. token_unknown otherwise.
    Result<BookingRow> bookingByCode(const std::string& code);
    Result<PatientRow> registerPatient(const std::string& idNumber, const std::string& name);
    // E-vouchers (医保电子凭证) and visit cards (就诊卡) name a patient by an opaque token.
    Status bindToken(const std::string& kind, const std::string& token,
                     const std::string& patientId);
    Result<PatientRow> patientByToken(const std::string& kind, const std::string& token);
    // Manual entry: the patient with this ID number, if `phone` is the number on record for
    // them (a "phone" token). identity_mismatch otherwise, patient_unknown if there is none.
    Result<PatientRow> patientByIdAndPhone(const std::string& idNumber, const std::string& phone);

    // Verifying a mobile number (sms_verification.cpp): sends a 6-digit code (refused
    // "sms_too_soon" within a minute of the last one to that number, the seconds left as
    // detail); checks it for `usedBy` (the registration's idempotency key: the same one may
    // repeat) within five minutes and five tries ("sms_code_wrong" with the tries left,
    // "sms_code_exhausted", "sms_code_expired"). The outbox keeps what was sent.
    Result<SmsVerificationRow> sendVerificationCode(const std::string& phone,
                                                    const std::string& purpose,
                                                    Clock::time_point now);
    Status checkVerificationCode(const std::string& verificationId, const std::string& phone,
                                 const std::string& code, const std::string& usedBy,
                                 Clock::time_point now);
    std::optional<std::string> lastSms(const std::string& phone);
    // Also appends every text sent to FILE, one JSON line {"phone", "text"} each: the outbox the
    // end-to-end journeys read, as a patient reads their phone.
    void setSmsOutboxFile(std::filesystem::path file) { smsOutboxFile_ = std::move(file); }
    // The mobile number on record (建档); manual entry checks against it.
    Status setPatientPhone(const std::string& patientId, const std::string& phone);

    // 就诊人 (dependants.cpp): a patient's family members, in the order added; adding one
    // registers them from their card's identity if new ("dependant_self", "relation_mismatch",
    // "identity_mismatch", "too_many_dependants" past five); adding the same one again changes
    // nothing. A child from the household register (no card) must be under 16
    // ("id_card_required").
    Result<std::vector<DependantRow>> dependantsOf(const std::string& guardianId);
    Result<DependantRow> addDependant(const std::string& guardianId, const std::string& idNumber,
                                      const std::string& name, const std::string& relation,
                                      bool fromHouseholdRegister, Clock::time_point now);
    bool isDependant(const std::string& guardianId, const std::string& patientId);

    // 门诊缴费 (his_bills.cpp): the HIS's bills for a patient, created from the canned orders
    // ("drugs": a prescription, "blood": a fasting blood test, "ct": a chest CT paid on its own);
    // their unpaid ones, in the order made; a lock on some of them, whole bills of
    // one pay group ("bill_not_payable", "bills_not_combinable", "bill_locked",
    // "idempotency_conflict"), superseding the patient's earlier lock on any of them; releasing it.
    Result<BillRow> seedBill(const std::string& patientId, const std::string& kind,
                             Clock::time_point now);
    Result<std::vector<BillRow>> unpaidBills(const std::string& patientId);
    Result<BillLockRow> lockBills(const std::string& idempotencyKey, const std::string& patientId,
                                  const std::vector<std::string>& billIds, Clock::time_point now);
    Result<BillLockRow> releaseBillLock(const std::string& lockId, const std::string& patientId);
    // The doctor amends an unpaid bill (one more of its first item): a lock on it no longer
    // matches, and paying or saving it is refused ("bill_changed").
    Result<BillRow> amendBill(const std::string& billId);
    // Whose lock, bill payment or settlement `id` is ("" for none): a terminal recovering after
    // its patient left reaches it only if it served that patient.
    enum class BillRecord { Lock, Payment, Settlement };
    std::string ownerOf(BillRecord record, const std::string& id);
    // The cash leg (bill_payments.cpp): for a held lock, the price's cash part or the whole lock
    // ("payment_code_invalid", "payment_code_used", "payment_in_progress", "nothing_to_pay");
    // polled (a user_paying code confirms in time); captured ("pay" on stdin, or --auto-pay for
    // QR); reversed (撤销, a capture refunded; "bills_saved" once saved). Saving (the HIS) marks
    // the bills paid when every leg is in ("not_settled", "cash_not_paid"), once per key.
    Result<BillPaymentRow> startBillPayment(const std::string& idempotencyKey,
                                            const std::string& patientId, const std::string& lockId,
                                            const std::string& method,
                                            const std::string& presettlementId,
                                            const std::string& authCode, Clock::time_point now);
    Result<BillPaymentRow> billPayment(const std::string& paymentId, const std::string& patientId,
                                       Clock::time_point now);
    Result<BillPaymentRow> captureBillPayment(const std::string& paymentId);
    Result<BillPaymentRow> reverseBillPayment(const std::string& paymentId,
                                              const std::string& patientId);
    Result<BillReceiptRow> saveBills(const std::string& idempotencyKey,
                                     const std::string& patientId, const std::string& lockId,
                                     const std::string& settlementId, const std::string& paymentId,
                                     Clock::time_point now);

    // 报告打印 and 发票打印 (reports.cpp): a canned report for a patient (ready in
    // `pendingMinutes`, printable `prints` times); their reports, oldest first; one of them;
    // marking one printed once its job completed, once per key ("report_not_ready",
    // "no_prints_left", "idempotency_conflict"); whose report an id is. Their e-invoices, the
    // newest first, and one with the bills it was issued for.
    Result<ReportRow> seedReport(const std::string& patientId, const std::string& kind,
                                 Clock::time_point now, int pendingMinutes, int prints);
    Result<std::vector<ReportRow>> reports(const std::string& patientId);
    Result<ReportRow> report(const std::string& reportId, const std::string& patientId);
    Result<ReportRow> markReportPrinted(const std::string& idempotencyKey,
                                        const std::string& patientId, const std::string& reportId,
                                        Clock::time_point now);
    std::string reportOwner(const std::string& reportId);
    Result<std::vector<EInvoiceRow>> eInvoices(const std::string& patientId);
    Result<InvoiceDocumentRow> eInvoiceDocument(const std::string& invoiceId,
                                                const std::string& patientId);

    // 医保结算 (insurance_ledger.cpp): the insured (seeded), a pre-settlement of a held lock with
    // the patient's own credential ("insurance_credential_unknown", "…_mismatch", "card_frozen",
    // "not_insured_here", "lock_not_held"), the settlement under a message id (once;
    // "split_changed" when the year moved since the price, "message_reversed" after a reversal),
    // cancelling it (结算撤销) and reversing a message (冲正: cancels what it settled, or bars it
    // forever).
    Status insure(const std::string& patientId, const std::string& cardNumber,
                  const std::string& cardSerial, const std::string& status,
                  const std::string& region, int accountFen);
    Result<InsuredRow> insuredPatient(const std::string& patientId);
    Result<PresettlementRow> presettle(const std::string& idempotencyKey,
                                       const std::string& patientId, const std::string& lockId,
                                       const InsuranceCredential& credential,
                                       Clock::time_point now);
    Result<SettlementRow> settle(const std::string& messageId, const std::string& patientId,
                                 const std::string& presettlementId, Clock::time_point now);
    Result<SettlementRow> settlementByMessage(const std::string& messageId);
    Result<SettlementRow> cancelSettlement(const std::string& settlementId,
                                           const std::string& patientId,
                                           const char* becomes = "cancelled");
    Result<std::optional<SettlementRow>> reverseMessage(const std::string& messageId,
                                                        const std::string& patientId,
                                                        Clock::time_point now);

    // Holds a slice for the patient, unpaid, for ten minutes. Enforces the booking window, one
    // booking per doctor per day and three per day, the credit blacklist, and never oversells; the
    // same idempotency key returns the same booking and books nothing more.
    Result<BookingRow> createBooking(const std::string& idempotencyKey,
                                     const std::string& patientId, const std::string& sliceId,
                                     Clock::time_point now);

    // Starts paying for a held booking: a QR payload to show (wechat, alipay, unionpay) or, for
    // insurance, a settlement captured at once. Refused once the hold has lapsed.
    Result<PaymentRow> startPayment(const std::string& idempotencyKey, const std::string& bookingId,
                                    const std::string& method, Clock::time_point now);
    // A payment's state; with auto-pay on (the demo), a pending payment older than the delay is
    // captured when it is looked at, as if the patient had paid.
    Result<PaymentRow> payment(const std::string& paymentId, Clock::time_point now);
    void setAutoPay(std::optional<std::chrono::seconds> after) { autoPayAfter_ = after; }
    // The sandbox's stand-in for the payment provider: the patient paid.
    Result<PaymentRow> capturePayment(const std::string& paymentId);
    // Picks up a paid booking on its day, within its pickup window (09:30 / 14:30).
    Result<CheckinRow> checkIn(const std::string& idempotencyKey, const std::string& bookingId,
                               Clock::time_point now);

    // Cancels a paid booking until 24:00 the day before the visit (an unpaid hold any time); a
    // paid booking is refunded along its payment path. The slot goes back on sale.
    Result<BookingRow> cancel(const std::string& idempotencyKey, const std::string& bookingId,
                              Clock::time_point now);
    // A patient's bookings for today, or from tomorrow on.
    Result<std::vector<BookingRow>> bookingsOf(const std::string& patientId, bool today,
                                               Clock::time_point now);

    // Stop-service (停诊): the session takes no more bookings or check-ins; its held and paid
    // bookings are flagged, may be cancelled (and refunded) whatever the deadline, and stop
    // counting against the patient's limits so that they can rebook. Stopping twice is a no-op.
    Result<NoticeRow> stopSession(const std::string& sessionId);
    Result<std::vector<NoticeRow>> notices();
    // 改约 (booking_move.cpp): a paid booking whose session was stopped moves, with its payment, to
    // a free slice of a doctor of the same department and the same fee inside the booking window;
    // nothing is charged or refunded. `alternatives` lists where it may go; `move` takes that
    // slot and gives the old one back, once per key ("not_movable", "fee_differs",
    // "other_department", "session_stopped", "no_slots_left", "outside_booking_window").
    Result<std::vector<AlternativeRow>> alternatives(const std::string& bookingId,
                                                     Clock::time_point now);
    Result<BookingRow> move(const std::string& idempotencyKey, const std::string& bookingId,
                            const std::string& sliceId, Clock::time_point now);

    // A terminal's health report; only the latest is kept.
    Status recordHeartbeat(const std::string& terminalId, const std::string& body,
                           Clock::time_point now);
    Result<HeartbeatRow> lastHeartbeat(const std::string& terminalId);
    // The admins' fleet view: every terminal of `group` (enrolled, or heard from), each with its
    // last heartbeat (receivedAt 0 and an empty body: none yet), by terminal id.
    Result<std::vector<HeartbeatRow>> fleet(const std::string& group);

    // Enrollment: a one-time token for one terminal (technicians get it from the admins).
    Result<std::string> issueEnrollmentToken(const std::string& terminalId);
    // Spends the token; refused ("enrollment_refused") if unknown, used, or for another terminal.
    Status redeemEnrollmentToken(const std::string& token, const std::string& terminalId,
                                 Clock::time_point now);

    // Scene configs, one per group of terminals ("default" unless set); a scene replaces the
    // group's only if its version is higher ("scene_not_newer").
    Status setTerminalGroup(const std::string& terminalId, const std::string& group);
    Status storeScene(const std::string& group, std::int64_t version, const std::string& body);
    Result<SceneRow> sceneFor(const std::string& terminalId);

    // Recovery (ledger_audit.cpp): a booking by id; what became of an idempotency key
    // ("not_found" if the platform never acted on it); and the ledger audit: no payment captured
    // twice, every captured payment backing a booked or checked-in appointment, no refunded
    // payment on a live booking, no hold kept past its expiry.
    Result<BookingRow> booking(const std::string& id);
    Result<IdempotencyRow> idempotencyRecord(const std::string& key);
    Result<LedgerAudit> audit(Clock::time_point now);
    // Every slice gets `capacity` free slots (long fault runs book far more than 3 a slice).
    Status setAllCapacities(int capacity);

    // The hospital's rules (defaults: DOMAIN.md's); the credit rule is one of them.
    void setRules(const HospitalRules& rules) { rules_ = rules; }
    const HospitalRules& rules() const { return rules_; }
    void setCreditRule(const CreditRule& rule) { rules_.credit = rule; }
    // Sandbox administration (CLI and tests): a slice's remaining capacity.
    Status setSliceCapacity(const std::string& sliceId, int capacity);

private:
    explicit PlatformStore(sqlite3* db) : db_(db) {}
    Status execute(const char* sql);
    void auditBills(LedgerAudit& audit, Clock::time_point now);
    Status seedIfEmpty();
    Status seedSchedule(const std::string& firstDate);
    Status releaseExpiredHolds(Clock::time_point now);
    Status creditBlock(const std::string& patientId, Clock::time_point now);
    Result<PaymentRow> captureLocked(const std::string& paymentId);
    Result<NoticeRow> noticeFor(const std::string& sessionId);
    Result<BookingRow> bookingById(const std::string& id);
    Result<PaymentRow> paymentById(const std::string& id);
    Status setBookingStatus(const std::string& bookingId, const char* status);
    std::optional<std::string> rememberedResult(const std::string& key, const std::string& request,
                                                std::optional<Error>& conflict);
    Status remember(const std::string& key, const std::string& request,
                    const std::string& resultId);
    // The booking's department and fee when it may move; not_movable otherwise.
    struct MoveOrigin {
        BookingRow booking;
        std::string departmentId;
        int feeFen = 0;
    };
    Result<MoveOrigin> moveOrigin(const std::string& bookingId);
    bool inBookingWindow(const std::string& date, Clock::time_point now) const;
    Result<BookingRow> createBookingLocked(const std::string& idempotencyKey,
                                           const std::string& patientId, const std::string& sliceId,
                                           Clock::time_point now);
    sqlite3* db_;
    std::mutex mutex_;  // one transaction at a time on the one connection
    HospitalRules rules_;
    std::optional<std::chrono::seconds> autoPayAfter_;
    std::filesystem::path smsOutboxFile_;
};

}  // namespace lobby::sim
