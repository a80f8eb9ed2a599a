// lobby-platform: the sandbox appointment platform for the demo and tests. HTTPS with mutual
// TLS on 127.0.0.1; creates its dev CA in --state DIR on first run; prints "port N" when ready
// and runs until stdin closes or says "quit".
//   lobby-platform --state DIR [--db PATH] [--port N] [--client-cert TERMINAL_ID]
//                  [--auto-pay SECONDS]  (the demo: a QR payment is paid after SECONDS)
//                  [--at HH:MM]  (the platform's clock reads today at HH:MM, then runs on)
//                  [--rules FILE]  (the hospital's booking rules; see hospital_rules.h)
//                  [--record FILE]  (every reply as a JSON line, to check against the contract)
//                  [--sms-outbox FILE]  (every text message sent, as a JSON line: phone, text)
// Commands on stdin: "pay PAYMENT_ID" (the patient paid), "stop SESSION_ID" (停诊),
// "book +DAYS ID_NUMBER NAME morning|afternoon paid|unpaid" (a booking for today (+0, made
// yesterday) or DAYS ahead (made now), through the same rules as any other; prints
// "ok BOOKING_ID SESSION_ID BOOKING_CODE"), "enroll-token TERMINAL_ID" (a one-time enrollment
// token; prints "ok TOKEN"), "group TERMINAL_ID GROUP" (which scene a terminal gets), "client-cert
// ID" (a terminal's certificate from the dev CA) and "admin-cert ID" (an administrator's: the admin
// extended key usage, not the name, makes it one); each prints "ok DIR" holding client.pem and
// client.key, "token evoucher|visit_card|phone TOKEN ID_NUMBER NAME" (the code, or the phone number
// on record for manual entry, names that patient, registered if new), "heartbeat TERMINAL_ID" (the
// terminal's last health report, as JSON), "capacity N" (every slice gets N free slots, for long
// fault runs), "audit" (the ledger's counts and invariant violations, see PlatformStore::audit),
// "sms PHONE" (the last text sent to that number: "ok TEXT"), "bill drugs|blood|ct ID_NUMBER
// NAME" (the HIS bills the patient, registered if new, for that canned order; prints "ok BILL_ID
// TOTAL_FEN"), "insure ID_NUMBER NAME CARD_NUMBER CARD_SERIAL ACCOUNT_FEN [frozen|elsewhere]" (the
// insurance platform has them insured, with that personal-account balance), "amend BILL_ID" (the
// doctor adds one more of the bill's first item after it was locked), "report blood|biochem|ct
// ID_NUMBER NAME [PENDING_MINUTES [PRINTS]]" (a report for the patient, ready now or in that
// many minutes, printable that many times (1); prints "ok REPORT_ID"), "platform-key" (the public
// key of the platform's release assignments, for a kiosk's TRUST_DIR/platform/: "ok PATH"),
// "quit".

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "common/file_text.h"
#include "sim/platform/platform_server.h"

using namespace lobby;
using namespace lobby::sim;

namespace {

// The offset that makes the platform's clock read today at HH:MM (local time).
std::optional<std::chrono::seconds> offsetToTimeOfDay(const std::string& hhmm) {
    int hour = -1, minute = -1;
    if (std::sscanf(hhmm.c_str(), "%d:%d", &hour, &minute) != 2 || hour < 0 || hour > 23 ||
        minute < 0 || minute > 59) {
        return std::nullopt;
    }
    const std::time_t now = std::time(nullptr);
    std::tm target{};
    localtime_r(&now, &target);
    target.tm_hour = hour;
    target.tm_min = minute;
    target.tm_sec = 0;
    return std::chrono::seconds(std::mktime(&target) - now);
}

// "book +DAYS ID_NUMBER NAME PERIOD paid|unpaid": a booking for the first session in PERIOD with a
// free slice DAYS from today, made (and paid by insurance) as a patient would have: a day ago
// for today's, now for later ones. An unpaid one for today was made (by phone) five minutes ago,
// so its hold still runs and it can be paid at the kiosk.
std::string book(PlatformStore& store, const PlatformServer& server, const std::string& args) {
    std::istringstream words(args);
    std::string days, idNumber, name, period, paid;
    if (!(words >> days >> idNumber >> name >> period >> paid) || days.size() < 2 ||
        days[0] != '+' || days.find_first_not_of("0123456789", 1) != std::string::npos ||
        (period != "morning" && period != "afternoon") || (paid != "paid" && paid != "unpaid")) {
        return "error: usage: book +DAYS ID_NUMBER NAME morning|afternoon paid|unpaid";
    }
    const int daysAhead = std::atoi(days.c_str() + 1);
    const auto now = server.now();
    const auto madeAt = daysAhead != 0   ? now
                        : paid == "paid" ? now - std::chrono::hours(24)
                                         : now - std::chrono::minutes(5);
    auto patient = store.findPatient(idNumber);
    if (!patient) patient = store.registerPatient(idNumber, name);
    if (!patient) return "error: " + patient.error().message;
    const std::time_t today = Clock::to_time_t(now + std::chrono::hours(24) * daysAhead);
    char date[11];
    std::tm local{};
    localtime_r(&today, &local);
    std::strftime(date, sizeof date, "%Y-%m-%d", &local);
    auto departments = store.departments();
    if (!departments) return "error: " + departments.error().message;
    static int serial = 0;
    for (const auto& department : departments.value()) {
        auto doctors = store.doctors(department.id);
        if (!doctors) return "error: " + doctors.error().message;
        for (const auto& doctor : doctors.value()) {
            auto slices = store.schedule(doctor.id, date, date);
            if (!slices) return "error: " + slices.error().message;
            for (const auto& slice : slices.value()) {
                if (slice.period != period || slice.remaining == 0) continue;
                const std::string key =
                    "seed-" + std::to_string(std::time(nullptr)) + "-" + std::to_string(++serial);
                auto booking = store.createBooking(key, patient->id, slice.id, madeAt);
                if (!booking && booking.error().code == "slice_over") continue;
                if (!booking) break;  // this doctor's limit or rule: try the next one
                if (paid == "paid") {
                    auto payment =
                        store.startPayment(key + "-pay", booking->id, "insurance", madeAt);
                    if (!payment) return "error: " + payment.error().message;
                }
                return "ok " + booking->id + " " + slice.sessionId + " " + booking->bookingCode;
            }
        }
    }
    return "error: no free slice that day in the " + period;
}

// "audit": the ledger's counts and invariant violations on one line, for the fault suite:
// "ok bookings:held=0,paid=2 payments:captured=2 violations=0[; what; ...]".
std::string auditLine(PlatformStore& store, Clock::time_point now) {
    auto audit = store.audit(now);
    if (!audit) return "error: " + audit.error().message;
    std::string line = "ok bookings:";
    const char* separator = "";
    for (const auto& [status, count] : audit->bookings) {
        line += separator + status + "=" + std::to_string(count);
        separator = ",";
    }
    line += " payments:";
    separator = "";
    for (const auto& [status, count] : audit->payments) {
        line += separator + status + "=" + std::to_string(count);
        separator = ",";
    }
    // 门诊缴费's legs, once there are any (so that a booking's figures read as before).
    for (const auto& [name, counts] : {std::pair{" settlements:", &audit->settlements},
                                       std::pair{" bill_payments:", &audit->billPayments}}) {
        if (counts->empty()) continue;
        line += name;
        separator = "";
        for (const auto& [status, count] : *counts) {
            line += separator + status + "=" + std::to_string(count);
            separator = ",";
        }
    }
    if (audit->reportPrints > 0) line += " report_prints=" + std::to_string(audit->reportPrints);
    line += " violations=" + std::to_string(audit->violations.size());
    for (const auto& violation : audit->violations)
        line += "; " + violation;
    return line;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path state = "platform-state";
    std::filesystem::path db;
    std::filesystem::path record;
    unsigned short port = 8443;
    std::string clientFor;
    std::optional<std::chrono::seconds> autoPay;
    std::optional<std::chrono::seconds> clockOffset;
    std::filesystem::path rulesFile, smsOutbox;
    for (int i = 1; i < argc; ++i) {
        const bool value = i + 1 < argc;
        if (std::strcmp(argv[i], "--state") == 0 && value) {
            state = argv[++i];
        } else if (std::strcmp(argv[i], "--db") == 0 && value) {
            db = argv[++i];
        } else if (std::strcmp(argv[i], "--port") == 0 && value) {
            port = static_cast<unsigned short>(std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--client-cert") == 0 && value) {
            clientFor = argv[++i];
        } else if (std::strcmp(argv[i], "--auto-pay") == 0 && value &&
                   std::strspn(argv[i + 1], "0123456789") == std::strlen(argv[i + 1])) {
            autoPay = std::chrono::seconds(std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--rules") == 0 && value) {
            rulesFile = argv[++i];
        } else if (std::strcmp(argv[i], "--record") == 0 && value) {
            record = argv[++i];
        } else if (std::strcmp(argv[i], "--sms-outbox") == 0 && value) {
            smsOutbox = argv[++i];
        } else if (std::strcmp(argv[i], "--at") == 0 && value &&
                   (clockOffset = offsetToTimeOfDay(argv[i + 1]))) {
            ++i;
        } else {
            std::cerr
                << "usage: lobby-platform --state DIR [--db PATH] [--port N] [--client-cert ID] "
                   "[--auto-pay SECONDS] [--at HH:MM] [--rules FILE] [--record FILE] "
                   "[--sms-outbox FILE]\n";
            return 64;
        }
    }
    auto tls = ensureDevCa(state / "ca");
    if (!tls) return std::cerr << "lobby-platform: " << tls.error().message << "\n", 1;
    if (!clientFor.empty()) {
        auto issued =
            issueClientCertificate(state / "ca", clientFor, state / "terminals" / clientFor);
        if (!issued) return std::cerr << "lobby-platform: " << issued.error().message << "\n", 1;
    }
    auto store = PlatformStore::open(db.empty() ? state / "platform.db" : db);
    if (!store) return std::cerr << "lobby-platform: " << store.error().message << "\n", 1;
    store.value()->setAutoPay(autoPay);
    store.value()->setSmsOutboxFile(smsOutbox);
    if (!rulesFile.empty()) {
        const auto text = readFile(rulesFile.string());
        auto rules = text ? parseHospitalRules(*text)
                          : Result<HospitalRules>(makeError(ErrorKind::NotFound, "rules.missing",
                                                            "cannot read " + rulesFile.string()));
        if (!rules) return std::cerr << "lobby-platform: " << rules.error().message << "\n", 2;
        store.value()->setRules(rules.value());
    }
    auto server = PlatformServer::start(tls.value(), *store.value(), port, record);
    if (!server) return std::cerr << "lobby-platform: " << server.error().message << "\n", 1;
    if (clockOffset) server.value()->setClockOffset(*clockOffset);
    std::cout << "port " << server.value()->port() << std::endl;
    // "pay PAYMENT_ID": the patient paid (the sandbox's stand-in for the payment provider).
    std::string line;
    while (std::getline(std::cin, line) && line != "quit") {
        if (line.rfind("stop ", 0) == 0) {
            auto stopped = store.value()->stopSession(line.substr(5));
            std::cout << (stopped ? "ok " + std::to_string(stopped->affectedBookingIds.size()) +
                                        " bookings affected"
                                  : "error: " + stopped.error().message)
                      << std::endl;
        } else if (line.rfind("enroll-token ", 0) == 0) {
            auto token = store.value()->issueEnrollmentToken(line.substr(13));
            std::cout << (token ? "ok " + token.value() : "error: " + token.error().message)
                      << std::endl;
        } else if (line.rfind("token ", 0) == 0) {
            std::istringstream words(line.substr(6));
            std::string kind, token, idNumber, name;
            words >> kind >> token >> idNumber >> name;
            auto patient = store.value()->findPatient(idNumber);
            if (!patient && !name.empty()) patient = store.value()->registerPatient(idNumber, name);
            Status bound = patient
                               ? (kind == "evoucher" || kind == "visit_card" || kind == "phone"
                                      ? store.value()->bindToken(kind, token, patient->id)
                                      : Status(makeError(ErrorKind::InvalidArgument, "usage",
                                                         "kind: evoucher, visit_card or phone")))
                               : Status(patient.error());
            std::cout << (bound ? std::string("ok") : "error: " + bound.error().message)
                      << std::endl;
        } else if (line.rfind("bill ", 0) == 0) {
            std::istringstream words(line.substr(5));
            std::string kind, idNumber, name;
            words >> kind >> idNumber >> name;
            auto patient = store.value()->findPatient(idNumber);
            if (!patient && !name.empty()) patient = store.value()->registerPatient(idNumber, name);
            auto bill = !patient
                            ? Result<BillRow>(patient.error())
                            : store.value()->seedBill(patient->id, kind, server.value()->now());
            std::cout << (bill ? "ok " + bill->id + " " + std::to_string(bill->totalFen())
                               : "error: " + bill.error().message)
                      << std::endl;
        } else if (line.rfind("report ", 0) == 0) {
            std::istringstream words(line.substr(7));
            std::string kind, idNumber, name;
            int pending = 0, prints = 1;
            words >> kind >> idNumber >> name;
            if (!(words >> pending)) pending = 0;
            if (!(words >> prints)) prints = 1;
            auto patient = store.value()->findPatient(idNumber);
            if (!patient && !name.empty()) patient = store.value()->registerPatient(idNumber, name);
            auto report = !patient ? Result<ReportRow>(patient.error())
                                   : store.value()->seedReport(
                                         patient->id, kind, server.value()->now(), pending, prints);
            std::cout << (report ? "ok " + report->id : "error: " + report.error().message)
                      << std::endl;
        } else if (line.rfind("amend ", 0) == 0) {
            auto amended = store.value()->amendBill(line.substr(6));
            std::cout << (amended ? "ok " + amended->id + " " + std::to_string(amended->totalFen())
                                  : "error: " + amended.error().message)
                      << std::endl;
        } else if (line.rfind("insure ", 0) == 0) {
            std::istringstream words(line.substr(7));
            std::string idNumber, name, card, serial, standing;
            long long account = -1;
            words >> idNumber >> name >> card >> serial >> account >> standing;
            auto patient = store.value()->findPatient(idNumber);
            if (!patient && !name.empty()) patient = store.value()->registerPatient(idNumber, name);
            const bool valid =
                !card.empty() && !serial.empty() && account >= 0 && account <= 100'000'000 &&
                (standing.empty() || standing == "frozen" || standing == "elsewhere");
            Status insured =
                !patient ? Status(patient.error())
                : !valid ? Status(makeError(ErrorKind::InvalidArgument, "usage",
                                            "insure ID_NUMBER NAME CARD SERIAL ACCOUNT_FEN "
                                            "[frozen|elsewhere]"))
                         : store.value()->insure(patient->id, card, serial,
                                                 standing == "frozen" ? "frozen" : "active",
                                                 standing == "elsewhere" ? "elsewhere" : "local",
                                                 static_cast<int>(account));
            std::cout << (insured ? std::string("ok") : "error: " + insured.error().message)
                      << std::endl;
        } else if (line == "platform-key") {
            std::cout << "ok " << server.value()->releasePublicKey().string() << std::endl;
        } else if (line.rfind("heartbeat ", 0) == 0) {
            auto last = store.value()->lastHeartbeat(line.substr(10));
            std::cout << (last ? "ok " + last->body : "error: " + last.error().message)
                      << std::endl;
        } else if (line.rfind("group ", 0) == 0) {
            std::istringstream words(line.substr(6));
            std::string terminal, group;
            words >> terminal >> group;
            auto set = group.empty() ? Status(makeError(ErrorKind::InvalidArgument, "usage",
                                                        "usage: group TERMINAL_ID GROUP"))
                                     : store.value()->setTerminalGroup(terminal, group);
            std::cout << (set ? std::string("ok") : "error: " + set.error().message) << std::endl;
        } else if (line.rfind("book ", 0) == 0) {
            std::cout << book(*store.value(), *server.value(), line.substr(5)) << std::endl;
        } else if (line.rfind("capacity ", 0) == 0) {
            // No time slice holds more than the contract allows (10,000).
            const int capacity = std::atoi(line.substr(9).c_str());
            auto set = capacity >= 0 && capacity <= 10'000
                           ? store.value()->setAllCapacities(capacity)
                           : Status(makeError(ErrorKind::InvalidArgument, "usage",
                                              "capacity is 0 to 10000"));
            std::cout << (set ? std::string("ok") : "error: " + set.error().message) << std::endl;
        } else if (line.rfind("client-cert ", 0) == 0 || line.rfind("admin-cert ", 0) == 0) {
            const bool admin = line.rfind("admin-cert ", 0) == 0;
            const std::string id = line.substr(admin ? 11 : 12);
            const bool safe =
                !id.empty() &&
                id.find_first_not_of(
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
                    std::string::npos;
            auto issued = safe ? issueClientCertificate(state / "ca", id, state / "terminals" / id,
                                                        365, admin)
                               : Status(makeError(ErrorKind::InvalidArgument, "usage",
                                                  "an id of letters, digits, - and _"));
            std::cout << (issued ? "ok " + (state / "terminals" / id).string()
                                 : "error: " + issued.error().message)
                      << std::endl;
        } else if (line.rfind("sms ", 0) == 0) {
            const auto text = store.value()->lastSms(line.substr(4));
            std::cout << (text ? "ok " + *text : std::string("error: no text to that number"))
                      << std::endl;
        } else if (line == "audit") {
            std::cout << auditLine(*store.value(), server.value()->now()) << std::endl;
        } else if (line.rfind("pay ", 0) == 0) {
            // A bill payment's id starts BP; a booking's payment's, Y.
            if (line.rfind("pay BP", 0) == 0) {
                auto paid = store.value()->captureBillPayment(line.substr(4));
                std::cout << (paid ? "ok " + paid->status : "error: " + paid.error().message)
                          << std::endl;
                continue;
            }
            auto paid = store.value()->capturePayment(line.substr(4));
            std::cout << (paid ? "ok " + paid->status : "error: " + paid.error().message)
                      << std::endl;
        } else if (!line.empty()) {
            std::cout << "error: unknown command" << std::endl;
        }
    }
    return 0;
}
