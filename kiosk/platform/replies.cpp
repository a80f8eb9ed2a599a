#include "platform/replies.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <utility>

#include "common/privacy.h"
#include "platform/reply_decoding.h"

namespace lobby::platform::replies {
namespace {

using namespace decoding;

constexpr std::pair<BookingStatus, std::string_view> kBookingStatuses[] = {
    {BookingStatus::Held, "held"},
    {BookingStatus::Paid, "paid"},
    {BookingStatus::CheckedIn, "checked_in"},
    {BookingStatus::Cancelled, "cancelled"},
    {BookingStatus::Refunded, "refunded"},
    {BookingStatus::Expired, "expired"},
    {BookingStatus::NoShow, "no_show"},
};
constexpr std::pair<ClinicType, std::string_view> kClinicTypes[] = {
    {ClinicType::Expert, "expert"},
    {ClinicType::General, "general"},
};
constexpr std::pair<Relation, std::string_view> kRelations[] = {
    {Relation::Child, "child"},
    {Relation::Parent, "parent"},
    {Relation::Spouse, "spouse"},
    {Relation::Other, "other"},
};
constexpr std::pair<PaymentStatus, std::string_view> kPaymentStatuses[] = {
    {PaymentStatus::Pending, "pending"},
    {PaymentStatus::Captured, "captured"},
    {PaymentStatus::Failed, "failed"},
    {PaymentStatus::Refunded, "refunded"},
};

// A registration fee of more than 10,000 yuan is not one; a session of more than 10,000 slots
// is not either.
constexpr std::int64_t kMaxFee_fen = 1'000'000;
constexpr std::int64_t kMaxRemaining = 10'000;

Result<Patient> decodePatient(const json& object) {
    return decode<Patient>(object, [&](Decoder& d) {
        // Masked again here whatever the platform sent: a full name never reaches a screen.
        Patient patient{d.text("id"), privacy::maskName(d.text("masked_name")),
                        d.text("session_token"), ""};
        if (object.is_object() && object.contains("booking_id"))
            patient.bookingId = d.text("booking_id");
        return patient;
    });
}
Result<Booking> decodeBooking(const json& object) {
    return decode<Booking>(object, [&](Decoder& d) {
        Booking booking{d.text("id"),
                        d.status("status", kBookingStatuses),
                        d.text("slice_id"),
                        d.text("hold_expires_at"),
                        d.integer("fee_fen", 0, kMaxFee_fen),
                        flag(object, "stop_service"),
                        {},
                        ""};
        if (object.is_object() && object.contains("booking_code")) {
            // Printed as a barcode and read back by a scanner: eight digits and nothing else.
            booking.bookingCode = d.text("booking_code");
            if (!d.error &&
                (booking.bookingCode.size() != 8 ||
                 booking.bookingCode.find_first_not_of("0123456789") != std::string::npos))
                d.error = badReply("has a booking_code that is not eight digits");
        }
        Visit& visit = booking.visit;
        nested(d, "visit", [&](Decoder& v) {
            visit.date = v.text("date");
            visit.period = v.text("period");
            visit.start = v.text("start");
            visit.end = v.text("end");
            nested(v, "doctor", [&](Decoder& doctor) {
                visit.doctorName = doctor.text("name");
                visit.doctorTitle = doctor.text("title");
            });
            nested(v, "department", [&](Decoder& department) {
                visit.departmentZh = department.text("zh");
                visit.departmentEn = department.text("en");
            });
        });
        return booking;
    });
}

Result<Payment> decodePayment(const json& object) {
    auto payment = decode<Payment>(object, [](Decoder& d) {
        return Payment{d.text("id"), d.text("booking_id"), d.text("method"),
                       d.status("status", kPaymentStatuses), ""};
    });
    if (payment && object.contains("qr_payload") && object["qr_payload"].is_string()) {
        payment->qrPayload = object["qr_payload"];
    }
    return payment;
}

}  // namespace

Error badReply(const std::string& what) {
    return makeError(ErrorKind::Protocol, "platform.bad_reply", "the platform's reply " + what);
}

Result<Refusal> refusal(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<Refusal>(parsed.value(), [&](Decoder& d) {
        Refusal r{d.text("code"), "", "", false};
        if (parsed->is_object() && parsed->contains("message") &&
            (*parsed)["message"].is_object()) {
            Decoder message{(*parsed)["message"], std::nullopt};
            r.zh = message.text("zh");
            r.en = message.text("en");
            if (message.error) d.error = message.error;
        }
        r.retryable = flag(parsed.value(), "retryable");
        return r;
    });
}

Result<std::vector<Department>> departments(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodeList<Department>(parsed.value(), "departments", [](const json& item) {
        return decode<Department>(item, [](Decoder& d) {
            Department value{d.text("id"), "", "", d.text("pinyin_initials"), "", ""};
            nested(d, "name", [&](Decoder& name) {
                value.nameZh = name.text("zh");
                value.nameEn = name.text("en");
            });
            // Optional: without one the department is shown under "other".
            if (d.object.is_object() && d.object.contains("category")) {
                nested(d, "category", [&](Decoder& category) {
                    value.categoryZh = category.text("zh");
                    value.categoryEn = category.text("en");
                });
            }
            return value;
        });
    });
}

Result<Doctor> decodeDoctor(const json& item) {
    return decode<Doctor>(item, [](Decoder& d) {
        Doctor doctor{d.text("id"),
                      d.text("name"),
                      d.text("title"),
                      d.text("specialty"),
                      d.integer("fee_fen", 0, kMaxFee_fen),
                      "",
                      ClinicType::Expert};
        if (d.object.is_object() && d.object.contains("clinic_type"))
            doctor.clinicType = d.status("clinic_type", kClinicTypes);
        // Optional; a path on the platform only, never a URL elsewhere.
        if (d.object.is_object() && d.object.contains("photo_url") &&
            d.object["photo_url"].is_string()) {
            const std::string path = d.object["photo_url"];
            if (path.rfind("/v1/", 0) == 0 && path.find("..") == std::string::npos)
                doctor.photoPath = path;
        }
        return doctor;
    });
}

Result<Session> decodeSession(const json& item) {
    auto session = decode<Session>(item, [](Decoder& d) {
        return Session{d.text("id"), d.text("date"), d.text("period"), {}};
    });
    if (!session) return session.error();
    auto slices = decodeList<Slice>(
        item.is_object() && item.contains("slices") ? item["slices"] : json(), "slices",
        [](const json& slice) {
            return decode<Slice>(slice, [](Decoder& d) {
                return Slice{d.text("id"), d.text("start"), d.text("end"),
                             d.integer("remaining", 0, kMaxRemaining), d.boolean("bookable", true)};
            });
        });
    if (!slices) return slices.error();
    session->slices = std::move(slices.value());
    return session;
}

Result<std::vector<Doctor>> doctors(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodeList<Doctor>(parsed.value(), "doctors", decodeDoctor);
}

Result<std::vector<Session>> schedule(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodeList<Session>(parsed.value(), "sessions", decodeSession);
}

Result<std::vector<DoctorSchedule>> alternatives(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodeList<DoctorSchedule>(
        parsed.value(), "alternatives", [](const json& item) -> Result<DoctorSchedule> {
            if (!item.is_object() || !item.contains("doctor") || !item.contains("sessions"))
                return badReply("has an alternative without its doctor or sessions");
            auto doctor = decodeDoctor(item["doctor"]);
            if (!doctor) return doctor.error();
            auto sessions = decodeList<Session>(item["sessions"], "sessions", decodeSession);
            if (!sessions) return sessions.error();
            return DoctorSchedule{std::move(doctor.value()), std::move(sessions.value())};
        });
}

Result<Patient> patient(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodePatient(parsed.value());
}

Result<Booking> booking(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodeBooking(parsed.value());
}

Result<std::vector<Booking>> bookings(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodeList<Booking>(parsed.value(), "bookings", decodeBooking);
}

Result<Payment> payment(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodePayment(parsed.value());
}

Result<CheckIn> checkIn(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<CheckIn>(parsed.value(), [](Decoder& d) {
        CheckIn value{
            d.text("booking_id"), d.text("queue_number"), "", "", d.text("time_window"), "", ""};
        nested(d, "clinic_room", [&](Decoder& room) {
            value.clinicRoomZh = room.text("zh");
            value.clinicRoomEn = room.text("en");
        });
        // Optional: how to get there, where the platform knows the building.
        if (d.object.is_object() && d.object.contains("wayfinding")) {
            nested(d, "wayfinding", [&](Decoder& way) {
                value.wayfindingZh = way.text("zh");
                value.wayfindingEn = way.text("en");
            });
        }
        return value;
    });
}

Result<IdempotencyRecord> idempotencyRecord(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<IdempotencyRecord>(parsed.value(), [](Decoder& d) {
        return IdempotencyRecord{d.text("operation"), d.text("result_id")};
    });
}

Result<Enrollment> enrollment(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<Enrollment>(parsed.value(), [](Decoder& d) {
        return Enrollment{d.text("certificate_pem"), d.text("ca_bundle_pem")};
    });
}

Result<SignedScene> scene(const std::string& body, const std::string& etag) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<SignedScene>(parsed.value(), [&](Decoder& d) {
        return SignedScene{etag, d.text("scene_json"), d.text("signature_base64")};
    });
}

Result<BookingRules> bookingRules(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<BookingRules>(parsed.value(), [](Decoder& d) {
        BookingRules rules;
        nested(d, "booking_window", [&](Decoder& window) {
            rules.windowFirst_days = window.integer("first_days", 0, 30);
            rules.windowLast_days = window.integer("last_days", 0, 90);
            rules.lastDayOpens_min = window.timeOfDay("last_day_opens");
        });
        nested(d, "same_day", [&](Decoder& sameDay) {
            rules.sameDay = sameDay.boolean("enabled", false);
            rules.sameDayMorningCloses_min = sameDay.timeOfDay("morning_closes");
            rules.sameDayAfternoonCloses_min = sameDay.timeOfDay("afternoon_closes");
        });
        nested(d, "pickup", [&](Decoder& pickup) {
            rules.pickupMorningCloses_min = pickup.timeOfDay("morning_closes");
            rules.pickupAfternoonCloses_min = pickup.timeOfDay("afternoon_closes");
        });
        rules.cancelUntil_daysBefore = d.integer("cancel_until_days_before", 0, 30);
        nested(d, "limits", [&](Decoder& limits) {
            rules.perDoctorPerDay = limits.integer("per_doctor_per_day", 1, 10);
            rules.perDay = limits.integer("per_day", 1, 20);
        });
        rules.unpaidHold_min = d.integer("unpaid_hold_minutes", 1, 120);
        if (!d.error) {
            auto fees = decodeList<BookingRules::ClinicFees>(
                d.object.contains("clinic_types") ? d.object["clinic_types"] : json(),
                "clinic types", [](const json& item) {
                    return decode<BookingRules::ClinicFees>(item, [](Decoder& c) {
                        BookingRules::ClinicFees clinic{
                            c.status("type", kClinicTypes),
                            c.integer("lowest_fee_fen", 0, kMaxFee_fen),
                            c.integer("highest_fee_fen", 0, kMaxFee_fen)};
                        if (!c.error && clinic.lowest_fen > clinic.highest_fen)
                            c.error =
                                badReply("has a clinic type whose fees end before they start");
                        return clinic;
                    });
                });
            if (!fees)
                d.error = fees.error();
            else if (fees->size() > 4)
                d.error = badReply("lists more than four clinic types");
            else
                rules.clinicFees = std::move(fees.value());
        }
        if (!d.error && rules.windowFirst_days > rules.windowLast_days)
            d.error = badReply("has a booking window that ends before it starts");
        return rules;
    });
}

Result<SmsVerification> smsVerification(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decode<SmsVerification>(parsed.value(), [](Decoder& d) {
        SmsVerification sent;
        sent.id = d.text("verification_id");
        sent.resendAfter_s = d.integer("resend_after_s", 0, 3600);
        sent.expiresIn_s = d.integer("expires_in_s", 1, 3600);
        sent.codeLength = d.integer("code_length", 4, 8);
        return sent;
    });
}

namespace {
Result<Dependant> decodeDependant(const json& object) {
    return decode<Dependant>(object, [](Decoder& d) {
        // Masked again here whatever the platform sent, as a patient's name is.
        return Dependant{d.text("id"), privacy::maskName(d.text("masked_name")),
                         d.status("relation", kRelations)};
    });
}
}  // namespace

Result<std::vector<Dependant>> dependants(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    auto members = decodeList<Dependant>(parsed.value(), "family members", decodeDependant);
    if (members && members->size() > 5) return badReply("lists more than five family members");
    return members;
}

Result<Dependant> dependant(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodeDependant(parsed.value());
}

std::string_view toString(Relation relation) {
    for (const auto& [value, name] : kRelations)
        if (value == relation) return name;
    return "other";
}

std::string_view toString(IdentityProof proof) {
    switch (proof) {
        case IdentityProof::IdCard:
            return "id_card";
        case IdentityProof::SocialSecurityCard:
            return "ssc_card";
        case IdentityProof::HouseholdRegister:
            return "household_register";
    }
    return "id_card";
}

Result<std::vector<Notice>> notices(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return decodeList<Notice>(parsed.value(), "notices", [](const json& item) {
        return decode<Notice>(item, [&](Decoder& d) {
            Notice notice{d.text("id"), d.text("kind"), d.text("session_id"), "", "", {}};
            nested(d, "message", [&](Decoder& message) {
                notice.zh = message.text("zh");
                notice.en = message.text("en");
            });
            if (!d.error) {
                const json& ids = item.contains("affected_booking_ids")
                                      ? item["affected_booking_ids"]
                                      : json::array();
                if (!ids.is_array()) d.error = badReply("has non-list affected_booking_ids");
                for (const auto& id : ids) {
                    if (!id.is_string()) {
                        d.error = badReply("has a non-string booking id");
                        break;
                    }
                    notice.affectedBookingIds.push_back(id.get<std::string>());
                }
            }
            return notice;
        });
    });
}

}  // namespace lobby::platform::replies

namespace lobby::platform {

std::string_view toString(BookingStatus status) {
    for (const auto& [known, name] : replies::kBookingStatuses)
        if (known == status) return name;
    return "held";
}

std::string_view toString(PaymentStatus status) {
    for (const auto& [known, name] : replies::kPaymentStatuses)
        if (known == status) return name;
    return "pending";
}

}  // namespace lobby::platform
