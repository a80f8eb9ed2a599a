#include "journeys/move_flow.h"

#include "core/qml_exposure.h"
#include "journeys/booking_view.h"
#include "journeys/slip_desk.h"
#include "journeys/slip_fields.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Booking;
using platform::DoctorSchedule;
using platform::PlatformClient;
using services::CallFailure;

namespace {
const char* const kCtx = "MoveFlow";
const char* const kMoved = QT_TRANSLATE_NOOP("MoveFlow", "Booking moved");
const char* const kDoctor = QT_TRANSLATE_NOOP("MoveFlow", "Doctor");
const char* const kWhen = QT_TRANSLATE_NOOP("MoveFlow", "New time");
const char* const kFee = QT_TRANSLATE_NOOP("MoveFlow", "Fee");
const char* const kFeeMoved =
    QT_TRANSLATE_NOOP("MoveFlow", "Already paid: it moved with your booking, nothing more to pay");
const char* const kNowhere = QT_TRANSLATE_NOOP(
    "MoveFlow",
    "No other doctor of this department has a free time for this booking. You can cancel it for "
    "a full refund instead.");
}  // namespace

MoveFlow::MoveFlow(core::SessionController& session, services::PlatformService* platform,
                   SlipDesk& slips, journal::TransactionJournal* journal, QObject* parent)
    : JourneyFlow(session, platform, slips, journal, parent) {
    connect(&session_, &core::SessionController::stateChanged, this, [this] {
        if (session_.currentState() == core::SessionState::Move) load();
    });
}

MoveFlow* MoveFlow::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<MoveFlow>(qmlEngine, kQmlName);
}

void MoveFlow::clear() {
    // A move still in flight stays open in the journal; the reconciler finishes it.
    bookingId_.clear();
    booking_.reset();
    alternatives_.clear();
    day_.clear();
    sliceId_.clear();
    key_.clear();
    step_.clear();
    busy_ = false;
    emit changed();
}

void MoveFlow::moveTo(const QString& step) {
    step_ = step;
    session_.setScreenStep(step == QLatin1String("slots") ? QString() : step);
    emit changed();
}

void MoveFlow::begin(const QString& bookingId) {
    const auto state = session_.currentState();
    if (busy_ || platform_ == nullptr || bookingId.isEmpty() ||
        (state != core::SessionState::PickUp && state != core::SessionState::MyBookings &&
         state != core::SessionState::Menu))
        return;
    bookingId_ = bookingId.toStdString();
    session_.startMove();
}

void MoveFlow::load() {
    if (platform_ == nullptr || bookingId_.empty()) return;
    booking_.reset();
    alternatives_.clear();
    day_.clear();
    sliceId_.clear();
    step_.clear();
    session_.setScreenStep({});
    setBusy(true);
    using Loaded = std::pair<Booking, std::vector<DoctorSchedule>>;
    platform_->call<Loaded>(
        [id = bookingId_](PlatformClient& client) -> Result<Loaded> {
            auto booking = client.booking(id);
            if (!booking) return booking.error();
            auto alternatives = client.alternatives(id);
            if (!alternatives) return alternatives.error();
            return Loaded{std::move(booking.value()), std::move(alternatives.value())};
        },
        [this](Result<Loaded> loaded, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!loaded) {
                qCInfo(lcJourney) << "move refused:" << failure->error.code.c_str();
                return session_.journeyFailed(failure->message);
            }
            booking_ = std::move(loaded->first);
            alternatives_ = std::move(loaded->second);
            const QVariantList open = days();
            if (open.isEmpty()) return session_.journeyFailed({kCtx, kNowhere});
            day_ = open.front().toMap().value("date").toString().toStdString();
            qCInfo(lcJourney) << "move:" << alternatives_.size() << "doctors," << open.size()
                              << "days to choose from";
            moveTo(QStringLiteral("slots"));
        });
}

QVariantMap MoveFlow::booking() const {
    return booking_ ? bookingView(*booking_) : QVariantMap{};
}

QVariantList MoveFlow::days() const {
    std::vector<platform::Session> all;
    for (const auto& offer : alternatives_)
        all.insert(all.end(), offer.sessions.begin(), offer.sessions.end());
    return dayTabs(all);
}

void MoveFlow::chooseDay(const QString& date) {
    if (step_ != QLatin1String("slots")) return;
    day_ = date.toStdString();
    emit changed();
}

QVariantList MoveFlow::offers() const {
    QVariantList list;
    for (const auto& offer : alternatives_) {
        const QVariantList periods = periodsOn(offer.sessions, day_, true);
        if (periods.isEmpty()) continue;
        list << QVariantMap{{"name", QString::fromStdString(offer.doctor.name)},
                            {"title", QString::fromStdString(offer.doctor.title)},
                            {"fee", feeText(offer.doctor.feeFen)},
                            {"periods", periods}};
    }
    return list;
}

MoveFlow::Chosen MoveFlow::chosen() const {
    for (const auto& offer : alternatives_) {
        for (const auto& session : offer.sessions) {
            for (const auto& slice : session.slices) {
                if (slice.id == sliceId_) return {&offer, &session, &slice};
            }
        }
    }
    return {};
}

void MoveFlow::chooseSlice(const QString& id) {
    if (step_ != QLatin1String("slots") || busy_) return;
    const std::string previous = std::exchange(sliceId_, id.toStdString());
    const Chosen choice = chosen();
    if (choice.slice == nullptr || choice.slice->remaining <= 0) {
        sliceId_ = previous;
        return;
    }
    key_ = newKey();
    moveTo(QStringLiteral("confirm"));
}

QVariantMap MoveFlow::summary() const {
    const Chosen choice = chosen();
    if (choice.slice == nullptr || !booking_) return {};
    const QVariantMap was = bookingView(*booking_);
    return {
        {"department", was.value("department")},
        {"doctor",
         QString::fromStdString(choice.offer->doctor.name + " " + choice.offer->doctor.title)},
        {"when", QStringLiteral("%1 %2 %3")
                     .arg(dayLabel(choice.session->date), periodLabel(choice.session->period),
                          QString::fromStdString(choice.slice->start + "–" + choice.slice->end))},
        {"fee", feeText(booking_->feeFen)},
        {"was",
         was.value("doctor").toString() + QStringLiteral("  ") + was.value("when").toString()}};
}

void MoveFlow::confirm() {
    if (step_ != QLatin1String("confirm") || busy_ || !booking_ || platform_ == nullptr) return;
    setBusy(true);
    const std::string id = booking_->id;
    const std::int64_t tx =
        openTransaction(journal::Kind::Move, journal::Step::BookingMoved, key_, id, sliceId_);
    if (tx == 0) return;
    qCInfo(lcJourney) << "moving booking" << id.c_str();
    platform_->call<Booking>(
        [id, slice = sliceId_, key = key_](PlatformClient& client) {
            return client.moveBooking(id, slice, key);
        },
        [this, tx, key = key_](Result<Booking> moved, std::optional<CallFailure> failure) {
            if (!moved) {
                setBusy(false);
                settleFailed(tx, *failure);
                qCInfo(lcJourney) << "move refused:" << failure->error.code.c_str();
                return session_.journeyFailed(failure->message);
            }
            recordStep(tx, journal::Step::BookingMoved, journal::Phase::After, key);
            printVoucher(tx, moved.value());
        });
}

void MoveFlow::printVoucher(std::int64_t tx, const Booking& moved) {
    const QVariantMap view = bookingView(moved);
    recordStep(tx, journal::Step::SlipPrinted, journal::Phase::Before, {});
    slips_.print(
        QStringLiteral("booking_voucher"),
        voucherFields(moved, kMovedBooking, session_.patientName().toStdString()), moved.id,
        [this, tx, view](bool printed) {
            settlePrinted(tx, printed, "voucher of the moved booking");
            setBusy(false);
            core::JourneyOutcome outcome;
            outcome.title = {kCtx, kMoved};
            outcome.rows = {
                {{kCtx, kDoctor},
                 core::TranslatableText::verbatim(view.value("doctor").toString())},
                {{kCtx, kWhen}, core::TranslatableText::verbatim(view.value("when").toString())},
                {{kCtx, kFee}, {kCtx, kFeeMoved}},
                voucherRow(printed),
            };
            outcome.next = onTheDay();
            session_.journeySucceeded(std::move(outcome));
        });
}

void MoveFlow::stepBack() {
    if (busy_) return;
    if (step_ == QLatin1String("confirm")) {
        sliceId_.clear();
        return moveTo(QStringLiteral("slots"));
    }
    session_.back();
}

}  // namespace lobby::journeys
