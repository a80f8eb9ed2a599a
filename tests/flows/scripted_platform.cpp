#include "scripted_platform.h"

namespace lobby::testing {

using namespace platform;

void ScriptedPlatform::refuse(const std::string& method, const std::string& code,
                              const std::string& zh, const std::string& en) {
    std::lock_guard lock(mutex_);
    answers_[method].emplace_back(Refused{Refusal{code, zh, en, false}});
}

void ScriptedPlatform::loseReply(const std::string& method) {
    std::lock_guard lock(mutex_);
    answers_[method].emplace_back(Lost{});
}

void ScriptedPlatform::hold(const std::string& method) {
    std::lock_guard lock(mutex_);
    held_.insert(method);
}

void ScriptedPlatform::release(const std::string& method) {
    {
        std::lock_guard lock(mutex_);
        held_.erase(method);
    }
    released_.notify_all();
}

std::vector<std::string> ScriptedPlatform::calls() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> lines;
    for (const auto& [method, arguments] : calls_) {
        std::string line = method + "(";
        for (std::size_t i = 0; i < arguments.size(); ++i)
            line += (i ? "," : "") + arguments[i];
        lines.push_back(line + ")");
    }
    return lines;
}

int ScriptedPlatform::count(const std::string& method) const {
    std::lock_guard lock(mutex_);
    int n = 0;
    for (const auto& call : calls_)
        n += call.first == method ? 1 : 0;
    return n;
}

std::string ScriptedPlatform::keyOf(const std::string& method, int n) const {
    std::lock_guard lock(mutex_);
    for (const auto& [name, arguments] : calls_) {
        if (name == method && n-- == 0) return arguments.empty() ? "" : arguments.back();
    }
    return {};
}

std::vector<std::string> ScriptedPlatform::unscripted() const {
    std::lock_guard lock(mutex_);
    return unscripted_;
}

template <typename T>
Result<T> ScriptedPlatform::next(const std::string& method, std::vector<std::string> arguments) {
    std::unique_lock lock(mutex_);
    calls_.emplace_back(method, std::move(arguments));
    released_.wait(lock, [&] { return held_.count(method) == 0; });
    auto& queue = answers_[method];
    if (queue.empty()) {
        unscripted_.push_back(method);
        return makeError(ErrorKind::Internal, "test.unscripted", "unscripted call " + method);
    }
    std::any answer = std::move(queue.front());
    queue.pop_front();
    if (auto* refused = std::any_cast<Refused>(&answer)) {
        lastRefusal_ = refused->refusal;
        return makeError(ErrorKind::InvalidArgument, refused->refusal.code, refused->refusal.en);
    }
    if (std::any_cast<Lost>(&answer) != nullptr)
        return makeError(ErrorKind::Timeout, "platform.timeout", "no reply within the deadline");
    lastRefusal_.reset();
    return std::any_cast<Result<T>>(std::move(answer));
}

Result<std::vector<Department>> ScriptedPlatform::departments() {
    return next<std::vector<Department>>("departments", {});
}
Result<std::vector<Doctor>> ScriptedPlatform::doctors(const std::string& departmentId) {
    return next<std::vector<Doctor>>("doctors", {departmentId});
}
Result<std::string> ScriptedPlatform::photo(const std::string& photoPath) {
    return next<std::string>("photo", {photoPath});
}
Result<std::vector<Session>> ScriptedPlatform::schedule(const std::string& doctorId,
                                                        const std::string& from,
                                                        const std::string& to) {
    return next<std::vector<Session>>("schedule", {doctorId, from, to});
}
Result<Patient> ScriptedPlatform::identifyByIdCard(const std::string& idNumber,
                                                   const std::string& name) {
    auto patient = next<Patient>("identifyByIdCard", {idNumber, name});
    if (patient) patientSession_ = true;
    return patient;
}
Result<Patient> ScriptedPlatform::identifyByToken(const std::string& kind,
                                                  const std::string& token) {
    auto patient = next<Patient>("identifyByToken", {kind, token});
    if (patient) patientSession_ = true;
    return patient;
}
Result<Patient> ScriptedPlatform::identifyManually(const std::string& idNumber,
                                                   const std::string& phone) {
    auto patient = next<Patient>("identifyManually", {idNumber, phone});
    if (patient) patientSession_ = true;
    return patient;
}
Result<platform::SmsVerification> ScriptedPlatform::sendVerificationCode(const std::string& phone) {
    return next<platform::SmsVerification>("sendVerificationCode", {phone});
}
Result<std::vector<platform::Dependant>> ScriptedPlatform::dependants(
    const std::string& patientId) {
    return next<std::vector<platform::Dependant>>("dependants", {patientId});
}
Result<platform::Dependant> ScriptedPlatform::addDependant(const std::string& patientId,
                                                           const platform::NewDependant& member,
                                                           const std::string& idempotencyKey) {
    return next<platform::Dependant>(
        "addDependant",
        {patientId, member.idNumber, member.name, std::to_string(static_cast<int>(member.relation)),
         std::to_string(static_cast<int>(member.proof)), idempotencyKey});
}
Result<Patient> ScriptedPlatform::actFor(const std::string& patientId,
                                         const std::string& dependantId) {
    auto patient = next<Patient>("actFor", {patientId, dependantId});
    if (patient) patientSession_ = true;
    return patient;
}
Result<Patient> ScriptedPlatform::registerPatient(const std::string& idNumber,
                                                  const std::string& name,
                                                  const platform::MobileProof& mobile,
                                                  const std::string& idempotencyKey) {
    return next<Patient>("registerPatient", {idNumber, name, mobile.phone, mobile.verificationId,
                                             mobile.code, idempotencyKey});
}
Result<Booking> ScriptedPlatform::createBooking(const std::string& patientId,
                                                const std::string& sliceId,
                                                const std::string& idempotencyKey) {
    return next<Booking>("createBooking", {patientId, sliceId, idempotencyKey});
}
Result<Payment> ScriptedPlatform::startPayment(const std::string& bookingId,
                                               const std::string& method,
                                               const std::string& idempotencyKey) {
    return next<Payment>("startPayment", {bookingId, method, idempotencyKey});
}
Result<Payment> ScriptedPlatform::payment(const std::string& paymentId) {
    return next<Payment>("payment", {paymentId});
}
Result<CheckIn> ScriptedPlatform::checkIn(const std::string& bookingId,
                                          const std::string& idempotencyKey) {
    return next<CheckIn>("checkIn", {bookingId, idempotencyKey});
}
Result<Booking> ScriptedPlatform::cancelBooking(const std::string& bookingId,
                                                const std::string& idempotencyKey) {
    return next<Booking>("cancelBooking", {bookingId, idempotencyKey});
}
Result<std::vector<DoctorSchedule>> ScriptedPlatform::alternatives(const std::string& bookingId) {
    return next<std::vector<DoctorSchedule>>("alternatives", {bookingId});
}
Result<Booking> ScriptedPlatform::moveBooking(const std::string& bookingId,
                                              const std::string& sliceId,
                                              const std::string& idempotencyKey) {
    return next<Booking>("moveBooking", {bookingId, sliceId, idempotencyKey});
}
Result<BookingRules> ScriptedPlatform::bookingRules() {
    return next<BookingRules>("bookingRules", {});
}

Result<std::vector<Notice>> ScriptedPlatform::notices() {
    return next<std::vector<Notice>>("notices", {});
}
Result<Booking> ScriptedPlatform::booking(const std::string& bookingId) {
    return next<Booking>("booking", {bookingId});
}
Result<std::optional<IdempotencyRecord>> ScriptedPlatform::idempotencyRecord(
    const std::string& idempotencyKey) {
    return next<std::optional<IdempotencyRecord>>("idempotencyRecord", {idempotencyKey});
}
Result<std::vector<Booking>> ScriptedPlatform::bookings(const std::string& patientId, Scope scope) {
    return next<std::vector<Booking>>("bookings",
                                      {patientId, scope == Scope::Today ? "today" : "upcoming"});
}
Status ScriptedPlatform::heartbeat(const Heartbeat&) {
    // Beats are not part of any flow's script: always answered, never recorded.
    return {};
}
Result<std::optional<SignedScene>> ScriptedPlatform::scene(const std::string& etag) {
    return next<std::optional<SignedScene>>("scene", {etag});
}
void ScriptedPlatform::forgetPatientSession() {
    std::lock_guard lock(mutex_);
    patientSession_ = false;
}
bool ScriptedPlatform::hasPatientSession() const {
    std::lock_guard lock(mutex_);
    return patientSession_;
}
std::optional<Refusal> ScriptedPlatform::lastRefusal() const {
    std::lock_guard lock(mutex_);
    return lastRefusal_;
}
void ScriptedPlatform::cancel() {}

// 门诊缴费: answered as scripted; a payment code is recorded only as its length.
Result<std::vector<platform::Bill>> ScriptedPlatform::bills(const std::string& patientId) {
    return next<std::vector<platform::Bill>>("bills", {patientId});
}
Result<platform::BillLock> ScriptedPlatform::lockBills(const std::string& patientId,
                                                       const std::vector<std::string>& billIds,
                                                       const std::string& idempotencyKey) {
    std::string ids;
    for (const auto& id : billIds)
        ids += (ids.empty() ? "" : "+") + id;
    return next<platform::BillLock>("lockBills", {patientId, ids, idempotencyKey});
}
Result<platform::BillLock> ScriptedPlatform::releaseBillLock(const std::string& lockId) {
    return next<platform::BillLock>("releaseBillLock", {lockId});
}
Result<platform::Presettlement> ScriptedPlatform::presettle(
    const std::string& lockId, const platform::InsuranceCredential& credential,
    const std::string& idempotencyKey) {
    return next<platform::Presettlement>(
        "presettle", {lockId, std::to_string(static_cast<int>(credential.kind)), idempotencyKey});
}
Result<platform::Settlement> ScriptedPlatform::settle(const std::string& presettlementId,
                                                      const std::string& messageId) {
    return next<platform::Settlement>("settle", {presettlementId, messageId});
}
Result<platform::Settlement> ScriptedPlatform::settlementByMessage(const std::string& messageId) {
    return next<platform::Settlement>("settlementByMessage", {messageId});
}
Result<platform::Settlement> ScriptedPlatform::cancelSettlement(const std::string& settlementId) {
    return next<platform::Settlement>("cancelSettlement", {settlementId});
}
Result<platform::Reversal> ScriptedPlatform::reverseInsurance(const std::string& messageId) {
    return next<platform::Reversal>("reverseInsurance", {messageId});
}
Result<platform::BillPayment> ScriptedPlatform::payBills(const std::string& lockId,
                                                         platform::BillPayMethod method,
                                                         const std::string& presettlementId,
                                                         const std::string& paymentCode,
                                                         const std::string& idempotencyKey) {
    return next<platform::BillPayment>(
        "payBills", {lockId, std::to_string(static_cast<int>(method)), presettlementId,
                     std::to_string(paymentCode.size()), idempotencyKey});
}
Result<platform::BillPayment> ScriptedPlatform::billPayment(const std::string& paymentId) {
    return next<platform::BillPayment>("billPayment", {paymentId});
}
Result<platform::BillPayment> ScriptedPlatform::reverseBillPayment(const std::string& paymentId) {
    return next<platform::BillPayment>("reverseBillPayment", {paymentId});
}
Result<platform::BillReceipt> ScriptedPlatform::saveBills(const std::string& lockId,
                                                          const std::string& settlementId,
                                                          const std::string& paymentId,
                                                          const std::string& idempotencyKey) {
    return next<platform::BillReceipt>("saveBills",
                                       {lockId, settlementId, paymentId, idempotencyKey});
}

Result<std::vector<platform::Report>> ScriptedPlatform::reports(const std::string& patientId) {
    return next<std::vector<platform::Report>>("reports", {patientId});
}
Result<std::string> ScriptedPlatform::reportDocument(const std::string& reportId) {
    return next<std::string>("reportDocument", {reportId});
}
Result<platform::Report> ScriptedPlatform::markReportPrinted(const std::string& reportId,
                                                             const std::string& idempotencyKey) {
    return next<platform::Report>("markReportPrinted", {reportId, idempotencyKey});
}
Result<std::vector<platform::EInvoiceEntry>> ScriptedPlatform::eInvoices(
    const std::string& patientId) {
    return next<std::vector<platform::EInvoiceEntry>>("eInvoices", {patientId});
}
Result<std::string> ScriptedPlatform::eInvoiceDocument(const std::string& invoiceId) {
    return next<std::string>("eInvoiceDocument", {invoiceId});
}

}  // namespace lobby::testing
