#include "journeys/booking_flow.h"

#include <QCoreApplication>
#include <QDate>
#include <QMap>
#include <QUrl>
#include <map>

#include "core/qml_exposure.h"
#include "core/time_of_day.h"
#include "journal/reconcile.h"
#include "journeys/booking_view.h"
#include "journeys/checkin_outcome.h"
#include "journeys/slip_desk.h"
#include "journeys/slip_fields.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Booking;
using platform::Payment;
using platform::PlatformClient;
using services::CallFailure;

namespace {
const char* const kCtx = "BookingFlow";
const char* const kBooked = QT_TRANSLATE_NOOP("BookingFlow", "Booked and paid");
const char* const kDoctor = QT_TRANSLATE_NOOP("BookingFlow", "Doctor");
const char* const kWhen = QT_TRANSLATE_NOOP("BookingFlow", "When");
const char* const kFee = QT_TRANSLATE_NOOP("BookingFlow", "Fee");
const char* const kPaidBy = QT_TRANSLATE_NOOP("BookingFlow", "Paid by");
const char* const kPaymentTimedOut = QT_TRANSLATE_NOOP(
    "BookingFlow",
    "The time to pay ran out and the slot was released. Nothing was charged; if you did pay, "
    "the money is refunded automatically.");
const char* const kPaymentFailed = QT_TRANSLATE_NOOP(
    "BookingFlow",
    "The payment did not go through and the slot was released. Nothing was charged.");
const char* const kNoSameDay = QT_TRANSLATE_NOOP(
    "BookingFlow",
    "This hospital does not register for the same day at the kiosk. You can book a later day.");
const char* const kCheckInFailed = QT_TRANSLATE_NOOP(
    "BookingFlow",
    "Your registration is paid, but checking in did not go through. Your fee is safe: please ask "
    "at the service desk, who can check you in or refund it.");

struct RulesAndDepartments {
    platform::BookingRules rules;
    std::vector<platform::Department> departments;
};

// A named doctor by name and title; a general clinic (普通号) by what it is.
QString doctorLabel(const platform::Doctor& doctor) {
    if (doctor.clinicType == platform::ClinicType::General)
        return QCoreApplication::translate("BookingFlow", "General clinic");
    return QString::fromStdString(doctor.name + " " + doctor.title);
}

core::TranslatableText methodName(const std::string& method) {
    if (method == "wechat") return {kCtx, QT_TRANSLATE_NOOP("BookingFlow", "WeChat Pay")};
    if (method == "alipay") return {kCtx, QT_TRANSLATE_NOOP("BookingFlow", "Alipay")};
    if (method == "unionpay") return {kCtx, QT_TRANSLATE_NOOP("BookingFlow", "UnionPay")};
    return {kCtx, QT_TRANSLATE_NOOP("BookingFlow", "Medical insurance")};
}

}  // namespace

BookingFlow::BookingFlow(core::SessionController& session, services::PlatformService* platform,
                         SlipDesk& slips, journal::TransactionJournal* journal,
                         BookingPolicy policy, QObject* parent)
    : JourneyFlow(session, platform, slips, journal, parent),
      policy_(std::move(policy)),
      payments_(platform, session, policy_.paymentPollInterval_ms) {
    connect(&payments_, &PaymentSession::tick, this, &BookingFlow::paymentTick);
    connect(&payments_, &PaymentSession::startFailed, this, [this](const CallFailure& failure) {
        // Whether or not a payment was made, the slot goes back: the platform refunds a payment
        // that lands on a released booking.
        releaseHold();
        fail(failure);
    });
    connect(&payments_, &PaymentSession::awaitingPatientChanged, this, [this] {
        setBusy(false);
        moveTo(Step::Paying);
    });
    connect(&payments_, &PaymentSession::captured, this, [this] {
        booking_->status = platform::BookingStatus::Paid;
        qCInfo(lcJourney) << "booking" << booking_->id.c_str() << "paid";
        if (sameDay_)
            checkInRegistration();
        else
            printVoucher();
    });
    connect(&payments_, &PaymentSession::declined, this, [this] {
        releaseHold();
        setBusy(false);
        session_.journeyFailed({kCtx, kPaymentFailed});
    });
    connect(&payments_, &PaymentSession::timedOut, this, [this] {
        step_ = Step::Confirm;
        releaseHold();
        session_.journeyFailed({kCtx, kPaymentTimedOut});
    });
    connect(&session_, &core::SessionController::stateChanged, this, [this] {
        const core::SessionState state = session_.currentState();
        if (state == core::SessionState::Book || state == core::SessionState::Register) start();
    });
}

void BookingFlow::setPaymentMethods(const QStringList& methods) {
    policy_.paymentMethods = methods;
    emit changed();
}

BookingFlow* BookingFlow::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<BookingFlow>(qmlEngine, kQmlName);
}

QString BookingFlow::stepName(Step step) {
    switch (step) {
        case Step::Departments:
            return QStringLiteral("departments");
        case Step::Doctors:
            return QStringLiteral("doctors");
        case Step::Slots:
            return QStringLiteral("slots");
        case Step::Confirm:
            return QStringLiteral("confirm");
        case Step::Paying:
            return QStringLiteral("paying");
    }
    return {};
}

void BookingFlow::moveTo(Step step) {
    qCInfo(lcJourney).noquote() << "booking:" << stepName(step_) << "->" << stepName(step);
    step_ = step;
    session_.setScreenStep(stepName(step));
    emit changed();
}

void BookingFlow::fail(const CallFailure& failure) {
    setBusy(false);
    qCInfo(lcJourney) << "booking refused:" << failure.error.code.c_str();
    session_.journeyFailed(failure.message);
}

void BookingFlow::clear() {
    // A slot held for a patient who walked away goes back on sale now rather than in ten minutes.
    if (booking_ && booking_->status == platform::BookingStatus::Held) releaseHold();
    payments_.stop();
    // A booking call still in flight stays open in the journal; the reconciler settles it.
    tx_ = 0;
    step_ = Step::Departments;
    busy_ = false;
    filter_.clear();
    departments_.clear();
    offers_.clear();
    departmentId_.clear();
    doctorId_.clear();
    day_.clear();
    sliceId_.clear();
    bookingKey_.clear();
    booking_.reset();
    emit changed();
}

void BookingFlow::start() {
    if (platform_ == nullptr) return;
    // A new booking: nothing of an earlier one in this session carries over.
    step_ = Step::Departments;
    sameDay_ = session_.currentState() == core::SessionState::Register;
    filter_.clear();
    offers_.clear();
    sliceId_.clear();
    booking_.reset();
    payments_.stop();
    session_.setScreenStep(stepName(step_));
    setBusy(true);
    platform_->call<RulesAndDepartments>(
        [](PlatformClient& client) -> Result<RulesAndDepartments> {
            auto rules = client.bookingRules();
            if (!rules) return rules.error();
            auto departments = client.departments();
            if (!departments) return departments.error();
            return RulesAndDepartments{rules.value(), std::move(departments.value())};
        },
        [this](Result<RulesAndDepartments> loaded, std::optional<CallFailure> failure) {
            if (!loaded) return fail(*failure);
            rules_ = loaded->rules;
            setBusy(false);
            if (sameDay_ && !rules_.sameDay) {
                qCInfo(lcJourney) << "registration: the hospital has no same-day registration";
                session_.journeyFailed({kCtx, kNoSameDay});
                return;
            }
            departments_ = std::move(loaded->departments);
            emit changed();
        });
}

QStringList BookingFlow::initials() const {
    QStringList letters;
    for (const auto& department : departments_) {
        const QString first = QString::fromStdString(department.pinyinInitials).left(1);
        if (!first.isEmpty() && !letters.contains(first)) letters << first;
    }
    letters.sort();
    return letters;
}

void BookingFlow::setFilter(const QString& initials) {
    filter_ = initials.toUpper();
    emit changed();
}

QVariantList BookingFlow::departments() const {
    QVariantList list;
    for (const auto& department : departments_) {
        const QString initials = QString::fromStdString(department.pinyinInitials);
        if (!initials.startsWith(filter_)) continue;
        list << QVariantMap{
            {"id", QString::fromStdString(department.id)},
            {"name", QString::fromStdString(core::showingChinese() ? department.nameZh
                                                                   : department.nameEn)},
            {"category", QString::fromStdString(core::showingChinese() ? department.categoryZh
                                                                       : department.categoryEn)},
            {"initials", initials}};
    }
    return list;
}

QVariantList BookingFlow::departmentGroups() const {
    QStringList order;
    QMap<QString, QVariantList> members;
    const QString other = QCoreApplication::translate("BookingFlow", "Other");
    for (const QVariant& entry : departments()) {
        const QString category = entry.toMap().value("category").toString();
        const QString key = category.isEmpty() ? other : category;
        if (!order.contains(key) && key != other) order << key;
        members[key] << entry;
    }
    if (members.contains(other)) order << other;
    QVariantList groups;
    for (const QString& category : order)
        groups << QVariantMap{{"category", category}, {"departments", members.value(category)}};
    return groups;
}

void BookingFlow::chooseDepartment(const QString& id) {
    if (step_ != Step::Departments || busy_ || platform_ == nullptr) return;
    departmentId_ = id.toStdString();
    setBusy(true);
    // Today only for 当日挂号; the hospital's advance window for a later day.
    const QDate today = QDate::currentDate();
    const int first = sameDay_ ? 0 : rules_.windowFirst_days;
    const int last = sameDay_ ? 0 : rules_.windowLast_days;
    const std::string from = today.addDays(first).toString(Qt::ISODate).toStdString();
    const std::string to = today.addDays(last).toString(Qt::ISODate).toStdString();
    // The doctors and each one's coming sessions in one trip to the worker: the list shows
    // every doctor's next availability at once.
    platform_->call<std::vector<DoctorOffer>>(
        [department = departmentId_, from,
         to](PlatformClient& client) -> Result<std::vector<DoctorOffer>> {
            auto doctors = client.doctors(department);
            if (!doctors) return doctors.error();
            std::vector<DoctorOffer> offers;
            for (auto& doctor : doctors.value()) {
                auto sessions = client.schedule(doctor.id, from, to);
                if (!sessions) return sessions.error();
                offers.push_back({std::move(doctor), std::move(sessions.value())});
            }
            return offers;
        },
        [this](Result<std::vector<DoctorOffer>> offers, std::optional<CallFailure> failure) {
            if (!offers) return fail(*failure);
            offers_ = std::move(offers.value());
            setBusy(false);
            moveTo(Step::Doctors);
        });
}

QVariantList BookingFlow::doctors() const {
    return offerViews(platform::ClinicType::Expert);
}

QVariantList BookingFlow::generalClinics() const {
    return offerViews(platform::ClinicType::General);
}

QVariantList BookingFlow::offerViews(platform::ClinicType type) const {
    QVariantList list;
    for (const auto& offer : offers_) {
        if (offer.doctor.clinicType != type) continue;
        QString next;
        for (const auto& session : offer.sessions) {
            for (const auto& slice : session.slices) {
                if (slice.remaining > 0 && slice.bookable && next.isEmpty())
                    next = QStringLiteral("%1 %2").arg(dayLabel(session.date),
                                                       periodLabel(session.period));
            }
        }
        list << QVariantMap{
            {"id", QString::fromStdString(offer.doctor.id)},
            {"name", QString::fromStdString(offer.doctor.name)},
            {"title", QString::fromStdString(offer.doctor.title)},
            {"specialty", QString::fromStdString(offer.doctor.specialty)},
            {"fee", feeText(offer.doctor.feeFen)},
            {"photo", offer.doctor.photoPath.empty()
                          ? QString()
                          : QStringLiteral("image://doctor/") +
                                QString::fromLatin1(QUrl::toPercentEncoding(
                                    QString::fromStdString(offer.doctor.photoPath)))},
            {"next", next},
            {"available", !next.isEmpty()}};
    }
    return list;
}

const BookingFlow::DoctorOffer* BookingFlow::chosenOffer() const {
    for (const auto& offer : offers_) {
        if (offer.doctor.id == doctorId_) return &offer;
    }
    return nullptr;
}

void BookingFlow::chooseDoctor(const QString& id) {
    if (step_ != Step::Doctors || busy_) return;
    doctorId_ = id.toStdString();
    const DoctorOffer* offer = chosenOffer();
    if (offer == nullptr) return;
    // The first day with a place left is shown first.
    day_.clear();
    for (const auto& session : offer->sessions) {
        for (const auto& slice : session.slices) {
            if (slice.remaining > 0 && slice.bookable && day_.empty()) day_ = session.date;
        }
    }
    if (day_.empty() && !offer->sessions.empty()) day_ = offer->sessions.front().date;
    moveTo(Step::Slots);
}

QVariantList BookingFlow::days() const {
    const DoctorOffer* offer = chosenOffer();
    return offer == nullptr ? QVariantList{} : dayTabs(offer->sessions);
}

QVariantList BookingFlow::periods() const {
    const DoctorOffer* offer = chosenOffer();
    return offer == nullptr ? QVariantList{} : periodsOn(offer->sessions, day_, false);
}

void BookingFlow::chooseDay(const QString& date) {
    if (step_ != Step::Slots || busy_) return;
    day_ = date.toStdString();
    emit changed();
}

QVariantMap BookingFlow::chosen() const {
    QVariantMap map;
    for (const auto& d : departments_) {
        if (d.id == departmentId_)
            map["department"] =
                QString::fromStdString(core::showingChinese() ? d.nameZh : d.nameEn);
    }
    if (step_ == Step::Departments || step_ == Step::Doctors) return map;
    if (const DoctorOffer* offer = chosenOffer()) {
        map["doctor"] = doctorLabel(offer->doctor);
        map["fee"] = feeText(offer->doctor.feeFen);
    }
    return map;
}

void BookingFlow::chooseSlice(const QString& id) {
    if (step_ != Step::Slots || busy_) return;
    const DoctorOffer* offer = chosenOffer();
    if (offer == nullptr) return;
    for (const auto& session : offer->sessions) {
        for (const auto& slice : session.slices) {
            if (QString::fromStdString(slice.id) != id || slice.remaining <= 0 || !slice.bookable)
                continue;
            sliceId_ = slice.id;
            bookingKey_ = newKey();
            moveTo(Step::Confirm);
            return;
        }
    }
}

QVariantMap BookingFlow::summary() const {
    const DoctorOffer* offer = chosenOffer();
    if (offer == nullptr || sliceId_.empty()) return {};
    for (const auto& session : offer->sessions) {
        for (const auto& slice : session.slices) {
            if (slice.id != sliceId_) continue;
            QString department;
            for (const auto& d : departments_) {
                if (d.id == departmentId_)
                    department =
                        QString::fromStdString(core::showingChinese() ? d.nameZh : d.nameEn);
            }
            return {{"department", department},
                    {"doctor", doctorLabel(offer->doctor)},
                    {"when", QStringLiteral("%1 %2 %3–%4")
                                 .arg(dayLabel(session.date), periodLabel(session.period),
                                      QString::fromStdString(slice.start),
                                      QString::fromStdString(slice.end))},
                    {"fee", feeText(offer->doctor.feeFen)}};
        }
    }
    return {};
}

void BookingFlow::pay(const QString& method) {
    if (step_ != Step::Confirm || busy_ || platform_ == nullptr) return;
    if (!policy_.paymentMethods.contains(method)) return;
    setBusy(true);
    const std::string patientId = session_.patientId().toStdString();
    tx_ = openTransaction(sameDay_ ? journal::Kind::Registration : journal::Kind::Booking,
                          journal::Step::BookingCreated, bookingKey_, {}, method.toStdString());
    if (tx_ == 0) return;
    qCInfo(lcJourney).noquote() << "booking a slice, paying by" << method;
    platform_->call<Booking>(
        [patientId, slice = sliceId_, key = bookingKey_](PlatformClient& client) {
            return client.createBooking(patientId, slice, key);
        },
        [this, method = method.toStdString(), key = bookingKey_](
            Result<Booking> booking, std::optional<CallFailure> failure) {
            if (!booking) {
                settleFailed(tx_, *failure);
                tx_ = 0;
                return fail(*failure);
            }
            booking_ = booking.value();
            recordStep(tx_, journal::Step::BookingCreated, journal::Phase::After, key,
                       booking_->id);
            startPayment(booking_->id, method);
        });
}

void BookingFlow::startPayment(const std::string& bookingId, const std::string& method) {
    payments_.start(bookingId, method, PaymentSession::attemptKey(bookingId),
                    policy_.paymentWindow_s,
                    [this, tx = tx_](journal::Step step, journal::Phase phase,
                                     const std::string& key, const std::string& paymentId) {
                        recordStep(tx, step, phase, key, {}, paymentId);
                    });
}

void BookingFlow::cancelPayment() {
    if (step_ != Step::Paying) return;
    releaseHold();
    moveTo(Step::Slots);
}

// Gives the held slot back. Cancelling is idempotent on the platform, and a payment that lands
// after this is refunded there, so the patient is never charged for a slot they did not get.
void BookingFlow::releaseHold() {
    payments_.stop();  // a payment answer still on its way acts on nothing
    if (!booking_ || platform_ == nullptr) return;
    const std::string id = booking_->id;
    const std::int64_t tx = std::exchange(tx_, 0);
    booking_.reset();
    bookingKey_ = newKey();
    const std::string key = journal::releaseKey(id);
    recordStep(tx, journal::Step::HoldReleased, journal::Phase::Before, key);
    qCInfo(lcJourney) << "releasing the hold on booking" << id.c_str();
    // Not bound to the session: the patient may be leaving, and the answer settles the journal.
    platform_->callDetached<Booking>(
        [id, key](PlatformClient& client) { return client.cancelBooking(id, key); },
        [this, id, tx, key](Result<Booking> cancelled) {
            if (cancelled || journal::isDefinitiveRefusal(cancelled.error())) {
                recordStep(tx, journal::Step::HoldReleased, journal::Phase::After, key);
                settle(tx, journal::State::Closed, "hold released");
                return;
            }
            qCWarning(lcJourney) << "releasing" << id.c_str() << cancelled.error().message.c_str();
        });
}

void BookingFlow::stepBack() {
    if (busy_) return;
    switch (step_) {
        case Step::Departments:
            session_.back();
            return;
        case Step::Doctors:
            return moveTo(Step::Departments);
        case Step::Slots:
            return moveTo(Step::Doctors);
        case Step::Confirm:
            return moveTo(Step::Slots);
        case Step::Paying:
            return cancelPayment();
    }
}

void BookingFlow::printVoucher() {
    const Booking booking = *booking_;
    const QVariantMap view = summary();
    const std::int64_t tx = std::exchange(tx_, 0);
    recordStep(tx, journal::Step::SlipPrinted, journal::Phase::Before, {});
    printer::SlipFields fields =
        voucherFields(booking, payments_.payment().method, session_.patientName().toStdString());
    setBusy(true);
    slips_.print(
        QStringLiteral("booking_voucher"), std::move(fields), booking.id,
        [this, tx, view, method = payments_.payment().method](bool printed) {
            settlePrinted(tx, printed, "voucher");
            setBusy(false);
            core::JourneyOutcome outcome;
            outcome.title = {kCtx, kBooked};
            outcome.rows = {
                {{kCtx, kDoctor},
                 core::TranslatableText::verbatim(view.value("doctor").toString())},
                {{kCtx, kWhen}, core::TranslatableText::verbatim(view.value("when").toString())},
                {{kCtx, kFee}, core::TranslatableText::verbatim(view.value("fee").toString())},
                {{kCtx, kPaidBy}, methodName(method)},
                voucherRow(printed),
            };
            outcome.next = onTheDay();
            session_.journeySucceeded(std::move(outcome));
        });
}

QString BookingFlow::fees() const {
    return clinicFeesText(rules_.clinicFees);
}

QString BookingFlow::hours() const {
    if (!sameDay_ || !rules_.sameDay) return {};
    return QCoreApplication::translate("BookingFlow",
                                       "Today's registration: morning until %1, afternoon until %2")
        .arg(core::timeOfDayText(rules_.sameDayMorningCloses_min),
             core::timeOfDayText(rules_.sameDayAfternoonCloses_min));
}

// 当日挂号: paid, so checked in now under the booking's own check-in key (a retry, or the
// reconciler after a crash, gets the same queue number); then the 挂号单.
void BookingFlow::checkInRegistration() {
    const std::string bookingId = booking_->id;
    const std::string key = journal::checkInKey(bookingId);
    recordStep(tx_, journal::Step::CheckedIn, journal::Phase::Before, key);
    qCInfo(lcJourney) << "registration: checking in booking" << bookingId.c_str();
    platform_->call<platform::CheckIn>(
        [bookingId, key](PlatformClient& client) { return client.checkIn(bookingId, key); },
        [this, key](Result<platform::CheckIn> checkIn, std::optional<CallFailure> failure) {
            if (!checkIn) {
                // Paid, not checked in: the journal keeps it open for the reconciler, which
                // checks it in or leaves the paid booking refundable; the patient is told so.
                setBusy(false);
                qCWarning(lcJourney)
                    << "registration: check-in failed:" << failure->error.code.c_str();
                tx_ = 0;
                session_.journeyFailed({kCtx, kCheckInFailed});
                return;
            }
            recordStep(tx_, journal::Step::CheckedIn, journal::Phase::After, key);
            printCheckInSlip(std::exchange(tx_, 0), *booking_, checkIn.value(), true);
        });
}

}  // namespace lobby::journeys
