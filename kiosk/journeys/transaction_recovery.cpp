#include "journeys/transaction_recovery.h"

#include <QDateTime>

#include "core/session_controller.h"
#include "journeys/slip_desk.h"
#include "journeys/slip_fields.h"
#include "logging/categories.h"
#include "platform/bill_replies.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using journal::Kind;
using journal::Resolution;
using journal::State;
using journal::Transaction;
using platform::PlatformClient;

namespace {
constexpr std::int64_t kKeepClosed_s = 30LL * 24 * 3600;  // a month of settled history

const char* const kReprinted = QT_TRANSLATE_NOOP(
    "TransactionRecovery",
    "A slip from your earlier visit did not print then; it has just been printed. Please take "
    "it.");

// What a reprinted slip needs from the platform: the booking as it stands, and the check-in
// (replayed under its own key: the same queue number) or the payment method.
struct SlipData {
    QString kind;  // the template
    printer::SlipFields fields;
};

Result<SlipData> slipDataFor(PlatformClient& client, const Transaction& tx,
                             const std::string& maskedName, const std::string& queueUrl) {
    if (tx.kind == Kind::Bills) {
        // The HIS's save under its one key gives the same receipt again.
        std::string settlementId;
        if (!tx.detail.empty()) {
            auto settlement = client.settlementByMessage(tx.detail);
            if (!settlement) return settlement.error();
            settlementId = settlement->id;
        }
        auto receipt = client.saveBills(tx.bookingId, settlementId, tx.paymentId,
                                        journal::billsSaveKey(tx.bookingId));
        if (!receipt) return receipt.error();
        std::string method;
        if (!tx.paymentId.empty()) {
            if (auto payment = client.billPayment(tx.paymentId))
                method = platform::replies::toString(payment->method);
        }
        return SlipData{QStringLiteral("bills_guide"),
                        billsGuideFields(*receipt, method, maskedName)};
    }
    auto booking = client.booking(tx.bookingId);
    if (!booking) return booking.error();
    switch (tx.kind) {
        case Kind::CheckIn:
        case Kind::Registration: {
            auto checkIn = client.checkIn(tx.bookingId, journal::checkInKey(tx.bookingId));
            if (!checkIn) return checkIn.error();
            return SlipData{QStringLiteral("checkin"),
                            checkinFields(*booking, *checkIn, maskedName, queueUrl)};
        }
        case Kind::Booking: {
            if (booking->status != platform::BookingStatus::Paid &&
                booking->status != platform::BookingStatus::CheckedIn)
                return makeError(
                    ErrorKind::InvalidArgument, "booking_gone",
                    "the booking is " + std::string(platform::toString(booking->status)) + " now");
            std::string method = tx.detail;
            if (!tx.paymentId.empty()) {
                if (auto payment = client.payment(tx.paymentId)) method = payment->method;
            }
            return SlipData{QStringLiteral("booking_voucher"),
                            voucherFields(*booking, method, maskedName)};
        }
        case Kind::Refund:
            return SlipData{QStringLiteral("refund_receipt"), refundFields(*booking, maskedName)};
        case Kind::Move:
            return SlipData{QStringLiteral("booking_voucher"),
                            voucherFields(*booking, kMovedBooking, maskedName)};
        case Kind::HeldPayment:
            break;  // never owes a slip: the patient checks in for theirs
        case Kind::Bills:
            break;  // its guide slip is made above, from the HIS's receipt
    }
    return makeError(ErrorKind::Internal, "journal.kind", "unknown transaction kind");
}

}  // namespace

TransactionRecovery::TransactionRecovery(core::SessionController& session,
                                         services::PlatformService& platform,
                                         journal::TransactionJournal& journal, SlipDesk& slips,
                                         std::chrono::seconds interval, QObject* parent)
    : QObject(parent), session_(session), platform_(platform), journal_(journal), slips_(slips) {
    timer_.setInterval(std::chrono::duration_cast<std::chrono::milliseconds>(interval));
    connect(&timer_, &QTimer::timeout, this, &TransactionRecovery::reconcileNow);
    connect(&session_, &core::SessionController::patientChanged, this, [this] {
        if (!session_.patientId().isEmpty()) reprintFor(session_.patientId());
    });
    // When a patient leaves, what they left open is settled at once: in a queue the kiosk may not
    // be idle again for a long time (the next card comes during the farewell), and a hold left
    // by a lost reply would refuse that patient's next booking with the same doctor. Queued, so
    // the platform worker has first dropped the leaving patient's calls.
    connect(&session_, &core::SessionController::patientLeft, this,
            [this] { QTimer::singleShot(0, this, &TransactionRecovery::reconcileNow); });
}

void TransactionRecovery::start() {
    reconcileNow();
    timer_.start();
}

void TransactionRecovery::reconcileNow() {
    const core::SessionState state = session_.currentState();
    if (pending_ > 0 ||
        (state != core::SessionState::Idle && state != core::SessionState::Farewell))
        return;
    if (auto pruned = journal_.prune(QDateTime::currentSecsSinceEpoch() - kKeepClosed_s); !pruned) {
        qCWarning(lcJourney) << "journal:" << pruned.error().message.c_str();
    }
    auto open = journal_.unfinished();
    if (!open) {
        qCCritical(lcJourney) << "journal:" << open.error().message.c_str();
        return;
    }
    if (open->empty()) return;
    qCInfo(lcJourney) << "reconciling" << open->size() << "open transactions";
    pending_ = static_cast<int>(open->size());
    closed_ = owed_ = open_ = 0;
    for (const Transaction& transaction : *open)
        settleOne(transaction);
}

void TransactionRecovery::settleOne(const Transaction& transaction) {
    platform_.callDetached<Resolution>(
        [transaction](PlatformClient& client) -> Result<Resolution> {
            return journal::reconcile(client, transaction);
        },
        [this, transaction](Result<Resolution> result) { finishOne(transaction, *result); });
}

void TransactionRecovery::finishOne(const Transaction& tx, const Resolution& result) {
    const char* kind = journal::nameOf(tx.kind).data();
    switch (result.action) {
        case Resolution::Action::Close:
        case Resolution::Action::Reprint: {
            const bool owed = result.action == Resolution::Action::Reprint;
            auto settled = journal_.settle(tx.id, owed ? State::Reprint : State::Closed,
                                           result.outcome, result.bookingId, result.paymentId);
            if (!settled) qCCritical(lcJourney) << "journal:" << settled.error().message.c_str();
            ++(owed ? owed_ : closed_);
            qCInfo(lcJourney).noquote()
                << "reconciled" << kind << "transaction" << tx.id << "("
                << journal::nameOf(tx.step).data() << "/" << journal::nameOf(tx.phase).data()
                << "):" << result.outcome.c_str();
            break;
        }
        case Resolution::Action::Retry:
            ++open_;
            qCWarning(lcJourney).noquote()
                << "transaction" << tx.id << "still open:" << result.outcome.c_str();
            break;
    }
    if (--pending_ == 0) {
        qCInfo(lcJourney) << "reconciliation pass:" << closed_ << "closed," << owed_
                          << "owed a slip," << open_ << "left open";
        emit passFinished(closed_, owed_, open_);
    }
}

void TransactionRecovery::reprintFor(const QString& patientId) {
    auto owed = journal_.reprintsFor(journal_.patientRef(patientId.toStdString()));
    if (!owed) {
        qCCritical(lcJourney) << "journal:" << owed.error().message.c_str();
        return;
    }
    for (const Transaction& transaction : *owed)
        reprint(transaction, patientId);
}

void TransactionRecovery::reprint(const Transaction& tx, const QString& patientId) {
    const std::string maskedName = session_.patientName().toStdString();
    const std::string queueUrl = slips_.queueUrlFor(tx.bookingId);
    platform_.callDetached<SlipData>(
        [tx, maskedName, queueUrl](PlatformClient& client) {
            return slipDataFor(client, tx, maskedName, queueUrl);
        },
        [this, tx, patientId](Result<SlipData> data) {
            if (!data) {
                if (journal::isDefinitiveRefusal(data.error())) {
                    (void)journal_.settle(tx.id, State::Closed,
                                          "nothing to reprint: " + data.error().message);
                }
                return;
            }
            // The patient may have gone (and another come) while the platform answered.
            if (session_.patientId() != patientId) return;
            slips_.print(data->kind, std::move(data->fields), tx.bookingId,
                         [this, tx, patientId](bool printed) {
                             if (!printed) return;  // still owed: next visit
                             (void)journal_.settle(tx.id, State::Closed,
                                                   "reprinted at the patient's next visit");
                             qCInfo(lcJourney) << "reprinted the slip of transaction" << tx.id;
                             if (session_.patientId() == patientId)
                                 session_.setNotice({"TransactionRecovery", kReprinted});
                             emit reprinted(tx.id);
                         });
        });
}

}  // namespace lobby::journeys
