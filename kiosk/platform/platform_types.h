#pragma once
// What the appointment platform's contract (docs/platform-api.yaml) carries, as the kiosk holds it.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lobby::platform {

struct Department {
    std::string id, nameZh, nameEn, pinyinInitials;
    std::string categoryZh, categoryEn;  // 内科, 外科 …; empty when the platform gives none
};
struct Patient {
    std::string id, maskedName;
    std::string sessionToken;  // what this patient's calls carry (opaque, short-lived)
    // Identified by a booking code (the voucher): the one booking the session may pay for and
    // check in; empty for a patient's full session.
    std::string bookingId;
};
// 就诊人: a family member the patient books for, and what they are to the patient.
enum class Relation { Child, Parent, Spouse, Other };
struct Dependant {
    std::string id, maskedName;
    Relation relation = Relation::Other;
};
// What a new family member's identity was taken from: their own card, or (a child under 16 with
// no ID card) the 户口簿 page with their ID number, their name typed by the guardian.
enum class IdentityProof { IdCard, SocialSecurityCard, HouseholdRegister };
struct NewDependant {
    std::string idNumber, name;
    Relation relation = Relation::Other;
    IdentityProof proof = IdentityProof::IdCard;
};
// A code texted to verify a mobile number (建档): the registration carries its id and the code.
struct SmsVerification {
    std::string id;
    int resendAfter_s = 60;  // before another code may be asked for
    int expiresIn_s = 300;
    int codeLength = 6;
};
// The mobile number a new patient typed, proven by the texted code.
struct MobileProof {
    std::string phone, verificationId, code;
};
// 号别: a department's general clinic (普通号, no named doctor) or a named doctor's (专家号).
enum class ClinicType { Expert, General };
struct Doctor {
    std::string id, name, title, specialty;
    int feeFen = 0;
    std::string photoPath;  // on the platform, e.g. /v1/doctors/D101/photo; empty: no photo
    ClinicType clinicType = ClinicType::Expert;
};
struct Slice {
    std::string id, start, end;
    int remaining = 0;
    bool bookable = true;  // the hospital's time rules let it be booked now
};
// The hospital's booking rules (GET /v1/rules); times of day in minutes after midnight.
struct BookingRules {
    int windowFirst_days = 1, windowLast_days = 7;  // advance booking (预约)
    int lastDayOpens_min = 8 * 60;
    bool sameDay = false;  // 当日挂号, sold until these cut-offs
    int sameDayMorningCloses_min = 0, sameDayAfternoonCloses_min = 0;
    int pickupMorningCloses_min = 0, pickupAfternoonCloses_min = 0;
    int cancelUntil_daysBefore = 1;
    int perDoctorPerDay = 1, perDay = 3;
    int unpaidHold_min = 10;
    // 号别 and what each costs: the fees (lowest, highest) a clinic of that type charges.
    struct ClinicFees {
        ClinicType type = ClinicType::Expert;
        int lowest_fen = 0, highest_fen = 0;
    };
    std::vector<ClinicFees> clinicFees;
};
// A doctor's half-day session (morning / afternoon) split into time slices (分时段).
struct Session {
    std::string id, date, period;
    std::vector<Slice> slices;
};
// A doctor with their open sessions: where a booking stopped by its doctor may move (改约).
struct DoctorSchedule {
    Doctor doctor;
    std::vector<Session> sessions;
};
// When and with whom: what a patient needs to recognise a booking.
struct Visit {
    std::string date, period, start, end, doctorName, doctorTitle, departmentZh, departmentEn;
};
// The platform's statuses, decoded once (replies.cpp); an unknown one is a malformed reply.
enum class BookingStatus { Held, Paid, CheckedIn, Cancelled, Refunded, Expired, NoShow };
enum class PaymentStatus { Pending, Captured, Failed, Refunded };
// The contract's words for them ("held", "captured", ...), for logs and journals.
std::string_view toString(BookingStatus status);
std::string_view toString(PaymentStatus status);

struct Booking {
    std::string id;
    BookingStatus status = BookingStatus::Held;
    std::string sliceId, holdExpiresAt;
    int feeFen = 0;
    bool stopService = false;  // the doctor stopped the session (停诊): rebook or refund
    Visit visit;
    std::string bookingCode;  // 预约码, eight digits (empty when the platform gives none)
};
struct Payment {
    std::string id, bookingId, method;
    PaymentStatus status = PaymentStatus::Pending;
    std::string qrPayload;
};
struct CheckIn {
    std::string bookingId, queueNumber, clinicRoomZh, clinicRoomEn, timeWindow;
    std::string wayfindingZh, wayfindingEn;  // empty when the platform gives none
};

// What became of an idempotent call whose reply the kiosk never saw (GET /v1/idempotency/{key}).
struct IdempotencyRecord {
    std::string operation;  // create_booking | start_payment | checkin | cancel | move
    std::string resultId;   // the booking or payment it made or moved
};

// A notice from the hospital, e.g. a stop-service (停诊) with the bookings it affects.
struct Notice {
    std::string id, kind, sessionId, zh, en;
    std::vector<std::string> affectedBookingIds;
};

// What enrollment returns: the terminal's client certificate and the CA bundle to pin.
struct Enrollment {
    std::string certificatePem, caBundlePem;
};
// A scene config as the platform serves it; the kiosk verifies the signature itself.
struct SignedScene {
    std::string etag;
    std::string sceneJson;  // the exact bytes the admin signed
    std::string signatureBase64;
};

// The terminal's health, sent every minute and at once on a change.
struct Heartbeat {
    std::string terminalId, softwareVersion;
    int sceneVersion = 0;
    std::vector<std::pair<std::string, std::string>> devices;  // "printer" → "paper_out"
    long uptime_s = 0;
    std::string lastError;      // empty when none
    std::string sceneRejected;  // why the last scene offered was refused; empty when none
    std::vector<std::pair<std::string, std::string>> packages;  // installed: name → version
};

// A refusal from the platform: Error::code is the contract's code ("no_slots_left"), the
// message is English; the Chinese one is kept here for the screen.
struct Refusal {
    std::string code, zh, en;
    bool retryable = false;
};

}  // namespace lobby::platform
