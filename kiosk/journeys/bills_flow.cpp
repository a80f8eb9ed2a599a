#include "journeys/bills_flow.h"

#include <algorithm>

#include "core/qml_exposure.h"
#include "journal/reconcile.h"
#include "journeys/booking_view.h"
#include "journeys/slip_desk.h"
#include "journeys/slip_fields.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::journeys {

using platform::Bill;
using platform::BillPayment;
using platform::BillPaymentStatus;
using platform::InsuranceCredential;
using platform::PlatformClient;
using services::CallFailure;

namespace {
const char* const kCtx = "BillsFlow";

// The HIS amended a locked bill, or the lock lapsed: what the patient chose is not what would be
// paid, so they see the bills as they are now and choose again.
bool billsNoLongerAsLocked(const Error& error) {
    return error.code == "bill_changed" || error.code == "lock_not_held";
}
const char* const kNothingTaken = QT_TRANSLATE_NOOP(
    "BillsFlow", "The payment did not go through. Nothing was charged; your bills are unpaid.");
const char* const kTimedOut = QT_TRANSLATE_NOOP(
    "BillsFlow", "The time to pay ran out. Nothing was charged; your bills are unpaid.");
const char* const kStopped = QT_TRANSLATE_NOOP(
    "BillsFlow", "You stopped paying. Nothing was charged; your bills are unpaid.");
const char* const kUnsettled = QT_TRANSLATE_NOOP(
    "BillsFlow",
    "The payment could not be finished just now. It will be put right automatically: what was "
    "taken pays your bills or goes back. Your slip will be printed at your next visit.");
const char* const kOtherGroup = QT_TRANSLATE_NOOP(
    "BillsFlow", "This bill is paid on its own. The bills chosen before were set aside.");
const char* const kCodeAgain = QT_TRANSLATE_NOOP(
    "BillsFlow", "That code was not accepted. Please refresh the payment code and show it again.");
const char* const kPaid = QT_TRANSLATE_NOOP("BillsFlow", "Your bills are paid");
const char* const kReceipt = QT_TRANSLATE_NOOP("BillsFlow", "Receipt number");
const char* const kTotal = QT_TRANSLATE_NOOP("BillsFlow", "Total");
const char* const kFund = QT_TRANSLATE_NOOP("BillsFlow", "Insurance fund");
const char* const kAccount = QT_TRANSLATE_NOOP("BillsFlow", "Personal account");
const char* const kCash = QT_TRANSLATE_NOOP("BillsFlow", "You pay");
const char* const kBalance = QT_TRANSLATE_NOOP("BillsFlow", "Balance left");
const char* const kSlip = QT_TRANSLATE_NOOP("BillsFlow", "Slip");
const char* const kSlipPrinted =
    QT_TRANSLATE_NOOP("BillsFlow", "Printed: it says where to go for each bill");
const char* const kSlipFailed =
    QT_TRANSLATE_NOOP("BillsFlow", "Not printed: ask at the cashier with your receipt number");

platform::BillPayMethod methodFor(const std::string& method) {
    if (method == "alipay") return platform::BillPayMethod::Alipay;
    if (method == "payment_code") return platform::BillPayMethod::PaymentCode;
    return platform::BillPayMethod::WeChat;
}

QString categoryName(platform::BillCategory category) {
    switch (category) {
        case platform::BillCategory::Drug:
            return QStringLiteral("drug");
        case platform::BillCategory::Lab:
            return QStringLiteral("lab");
        case platform::BillCategory::Exam:
            return QStringLiteral("exam");
        case platform::BillCategory::Treatment:
            return QStringLiteral("treatment");
    }
    return QStringLiteral("treatment");
}

}  // namespace

BillsFlow::BillsFlow(core::SessionController& session, services::PlatformService* platform,
                     SlipDesk& slips, journal::TransactionJournal* journal, BillsPolicy policy,
                     QObject* parent)
    : JourneyFlow(session, platform, slips, journal, parent), policy_(std::move(policy)) {
    connect(&session_, &core::SessionController::stateChanged, this, [this] {
        if (session_.currentState() == core::SessionState::Bills && !loaded_ && !busy_) load();
    });
    poll_.setInterval(policy_.pollInterval_ms);
    connect(&poll_, &QTimer::timeout, this, &BillsFlow::poll);
    countdown_.setInterval(1000);
    connect(&countdown_, &QTimer::timeout, this, [this] {
        remaining_s_ = std::max(0, remaining_s_ - 1);
        emit tick();
        if (remaining_s_ > 0 || busy_) return;
        qCInfo(lcJourney) << "bills: the time to pay ran out";
        undoAndFail({kCtx, kTimedOut});
    });
}

BillsFlow* BillsFlow::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<BillsFlow>(qmlEngine, kQmlName);
}

QVariantList BillsFlow::bills() const {
    QVariantList list;
    for (const auto& bill : bills_) {
        QVariantList items;
        for (const auto& item : bill.items) {
            items << QVariantMap{{"name", QString::fromStdString(item.name)},
                                 {"spec", QString::fromStdString(item.spec)},
                                 {"count", item.count},
                                 {"amount", feeText(item.amount_fen)}};
        }
        list << QVariantMap{
            {"id", QString::fromStdString(bill.id)},
            {"title", QString::fromStdString(bill.title)},
            {"category", categoryName(bill.category)},
            {"doctor", QString::fromStdString(bill.doctor)},
            {"department", QString::fromStdString(bill.department)},
            {"performedBy", QString::fromStdString(bill.performedBy)},
            {"note", QString::fromStdString(bill.note)},
            {"total", feeText(bill.total_fen)},
            {"items", items},
            {"chosen", isChosen(bill.id)},
        };
    }
    return list;
}

const Bill* BillsFlow::findBill(const std::string& id) const {
    const auto bill =
        std::find_if(bills_.begin(), bills_.end(), [&](const Bill& b) { return b.id == id; });
    return bill == bills_.end() ? nullptr : &*bill;
}

bool BillsFlow::isChosen(const std::string& id) const {
    return std::find(chosen_.begin(), chosen_.end(), id) != chosen_.end();
}

QString BillsFlow::chosenTotal() const {
    int total = 0;
    for (const auto& bill : bills_) {
        if (isChosen(bill.id)) total += bill.total_fen;
    }
    return feeText(total);
}

bool BillsFlow::scannerPresent() const {
    return session_.identifyBy().contains(QStringLiteral("qr"));
}

int BillsFlow::cash_fen() const {
    return price_ ? price_->split.cash_fen : lock_.total_fen;
}

QVariantList BillsFlow::splitRows() const {
    const auto row = [](const char* label, const QString& value) {
        return QVariantList{QCoreApplication::translate(kCtx, label), value};
    };
    if (!price_)
        return {row(kTotal, feeText(lock_.total_fen)), row(kCash, feeText(lock_.total_fen))};
    const auto& split = price_->split;
    return {row(kTotal, feeText(split.total_fen)), row(kFund, feeText(split.fund_fen)),
            row(kAccount, feeText(split.account_fen)), row(kCash, feeText(split.cash_fen)),
            row(kBalance, feeText(split.accountBalanceAfter_fen))};
}

QVariantList BillsFlow::uncovered() const {
    QVariantList list;
    if (!price_) return list;
    for (const auto& part : price_->split.uncovered) {
        list << QVariantMap{{"name", QString::fromStdString(part.name)},
                            {"amount", feeText(part.amount_fen)},
                            {"reason", QString::fromStdString(part.reason)}};
    }
    return list;
}

QString BillsFlow::cashDue() const {
    return feeText(cash_fen());
}

QStringList BillsFlow::payMethods() const {
    QStringList methods = policy_.qrMethods;
    if (scannerPresent()) methods.prepend(QStringLiteral("payment_code"));
    return methods;
}

void BillsFlow::noteCard(const devices::InsuranceCard& card) {
    if (card.number.isEmpty()) return;
    InsuranceCredential credential;
    credential.kind = InsuranceCredential::Kind::SocialSecurityCard;
    credential.cardNumber = card.number.toStdString();
    credential.cardSerial = card.serial.toStdString();
    card_ = std::move(credential);
}

void BillsFlow::setStep(Step step) {
    step_ = step;
    session_.setScreenStep(this->step());
    emit changed();
}

void BillsFlow::clear() {
    stopWatching();
    // Only the lock held (the patient left before paying): it is let go now. Once a money leg
    // was under way the transaction stays open and the reconciler settles it with the platform.
    if (tx_ != 0 && (step_ == Step::Settle || step_ == Step::EVoucher || step_ == Step::Split) &&
        messageId_.empty())
        letGo();
    bills_.clear();
    chosen_.clear();
    loaded_ = false;
    card_.reset();
    notice_ = {};
    tx_ = 0;
    forgetLegs();
    step_ = Step::List;
    busy_ = false;
    emit changed();
}

void BillsFlow::load() {
    if (platform_ == nullptr) return;
    setBusy(true);
    const std::string patientId = session_.patientId().toStdString();
    platform_->call<std::vector<Bill>>(
        [patientId](PlatformClient& client) { return client.bills(patientId); },
        [this](Result<std::vector<Bill>> bills, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!bills) return session_.journeyFailed(failure->message);
            bills_ = std::move(bills.value());
            loaded_ = true;
            // Whole bills of the first pay group, as a cashier would take them.
            chosen_.clear();
            for (const auto& bill : bills_) {
                if (bill.payGroup == bills_.front().payGroup) chosen_.push_back(bill.id);
            }
            qCInfo(lcJourney) << "bills:" << bills_.size() << "unpaid";
            setStep(Step::List);
        });
}

void BillsFlow::toggle(const QString& billId) {
    if (busy_ || step_ != Step::List) return;
    const std::string id = billId.toStdString();
    const Bill* bill = findBill(id);
    if (bill == nullptr) return;
    notice_ = {};
    if (const auto at = std::find(chosen_.begin(), chosen_.end(), id); at != chosen_.end()) {
        chosen_.erase(at);
    } else {
        const Bill* first = chosen_.empty() ? nullptr : findBill(chosen_.front());
        if (first != nullptr && first->payGroup != bill->payGroup) {
            chosen_.clear();
            notice_ = {kCtx, kOtherGroup};
        }
        chosen_.push_back(id);
    }
    emit changed();
}

void BillsFlow::next() {
    if (busy_ || step_ != Step::List || chosen_.empty() || platform_ == nullptr) return;
    notice_ = {};
    const std::string key = newKey();
    tx_ = openTransaction(journal::Kind::Bills, journal::Step::BillsLocked, key);
    if (tx_ == 0) return;
    qCInfo(lcJourney) << "bills: locking" << chosen_.size() << "bills";
    setBusy(true);
    const std::string patientId = session_.patientId().toStdString();
    platform_->call<platform::BillLock>(
        [patientId, ids = chosen_, key](PlatformClient& client) {
            return client.lockBills(patientId, ids, key);
        },
        [this, key](Result<platform::BillLock> locked, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!locked) {
                settleFailed(std::exchange(tx_, 0), *failure);
                return session_.journeyFailed(failure->message);
            }
            lock_ = locked.value();
            recordStep(tx_, journal::Step::BillsLocked, journal::Phase::After, key, lock_.id);
            qCInfo(lcJourney).noquote() << "bills: locked" << lock_.id.c_str();
            if (card_) return presettle(*card_);
            setStep(Step::Settle);
        });
}

void BillsFlow::presettle(InsuranceCredential credential) {
    setBusy(true);
    const std::string key = newKey();
    platform_->call<platform::Presettlement>(
        [lockId = lock_.id, credential = std::move(credential), key](PlatformClient& client) {
            return client.presettle(lockId, credential, key);
        },
        [this](Result<platform::Presettlement> priced, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!priced) {
                qCInfo(lcJourney) << "bills: not priced:" << failure->error.code.c_str();
                if (billsNoLongerAsLocked(failure->error)) {
                    letGo();
                    return chooseAgain(failure->message);
                }
                // Nothing moved: the patient may try another credential or pay it all.
                notice_ = failure->message;
                return setStep(Step::Settle);
            }
            price_ = priced.value();
            setStep(Step::Split);
        });
}

void BillsFlow::useCard() {
    if (busy_ || step_ != Step::Settle || !card_) return;
    presettle(*card_);
}

void BillsFlow::useEVoucher() {
    if (busy_ || step_ != Step::Settle || !scannerPresent()) return;
    notice_ = {};
    setStep(Step::EVoucher);
}

void BillsFlow::payAll() {
    if (busy_ || step_ != Step::Settle) return;
    notice_ = {};
    price_.reset();
    setStep(Step::Split);
}

bool BillsFlow::takeScan(const QString& kind, const QString& token) {
    if (session_.currentState() != core::SessionState::Bills) return false;
    if (step_ == Step::EVoucher && kind == QLatin1String("evoucher") && !busy_) {
        InsuranceCredential voucher;
        voucher.kind = InsuranceCredential::Kind::EVoucher;
        voucher.token = token.toStdString();
        presettle(std::move(voucher));
        return true;
    }
    if (step_ == Step::Code && kind == QLatin1String("payment_code")) {
        if (!busy_ && payment_.id.empty()) payByCode(token.toStdString());
        return true;  // a payment code is never an identity, whatever else happens
    }
    return false;
}

void BillsFlow::pay(const QString& method) {
    if (busy_ || step_ != Step::Split) return;
    // The insurance paying it all leaves nothing to choose: any tap confirms.
    const bool insurancePaysAll = price_ && cash_fen() == 0;
    if (!insurancePaysAll && !payMethods().contains(method)) return;
    method_ = insurancePaysAll ? std::string() : method.toStdString();
    notice_ = {};
    if (price_) return settleInsurance();
    startCash();
}

void BillsFlow::settleInsurance() {
    messageId_ = newKey();
    recordStep(tx_, journal::Step::InsuranceSettled, journal::Phase::Before, messageId_, {}, {},
               messageId_);
    qCInfo(lcJourney) << "bills: settling the insurance leg";
    setBusy(true);
    platform_->call<platform::Settlement>(
        [priceId = price_->id, messageId = messageId_](PlatformClient& client) {
            return client.settle(priceId, messageId);
        },
        [this](Result<platform::Settlement> settled, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!settled)
                return undoAndFail(failure->message, billsNoLongerAsLocked(failure->error));
            settlement_ = settled.value();
            recordStep(tx_, journal::Step::InsuranceSettled, journal::Phase::After, messageId_);
            qCInfo(lcJourney).noquote() << "bills: insurance settled" << settlement_->id.c_str();
            if (cash_fen() == 0) return save();
            startCash();
        });
}

void BillsFlow::startCash() {
    if (method_ == "payment_code") {
        remaining_s_ = policy_.codeWait_s;
        watch();
        return setStep(Step::Code);
    }
    const std::string key = newKey();
    recordStep(tx_, journal::Step::PaymentStarted, journal::Phase::Before, key);
    setBusy(true);
    platform_->call<BillPayment>(
        [lockId = lock_.id, method = methodFor(method_),
         priceId = price_ ? price_->id : std::string(),
         key](PlatformClient& client) { return client.payBills(lockId, method, priceId, {}, key); },
        [this, key](Result<BillPayment> started, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!started)
                return undoAndFail(failure->message, billsNoLongerAsLocked(failure->error));
            recordStep(tx_, journal::Step::PaymentStarted, journal::Phase::After, key, {},
                       started->id);
            remaining_s_ = policy_.paymentWindow_s;
            watch();
            setStep(Step::Paying);
            onPayment(started.value());
        });
}

void BillsFlow::payByCode(const std::string& code) {
    const std::string key = newKey();
    recordStep(tx_, journal::Step::PaymentStarted, journal::Phase::Before, key);
    setBusy(true);
    // The code goes into this one call and nowhere else: not logged, journalled or kept.
    platform_->call<BillPayment>(
        [lockId = lock_.id, priceId = price_ ? price_->id : std::string(), code,
         key](PlatformClient& client) {
            return client.payBills(lockId, platform::BillPayMethod::PaymentCode, priceId, code,
                                   key);
        },
        [this, key](Result<BillPayment> started, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!started) {
                const std::string& refusal = failure->error.code;
                if (refusal == "payment_code_invalid" || refusal == "payment_code_used") {
                    // Refused, so nothing was started: the patient may show a fresh code.
                    notice_ = {kCtx, kCodeAgain};
                    return emit changed();
                }
                return undoAndFail(failure->message, billsNoLongerAsLocked(failure->error));
            }
            recordStep(tx_, journal::Step::PaymentStarted, journal::Phase::After, key, {},
                       started->id);
            // Paying on the phone ("user paying") gets the payment's own window.
            remaining_s_ = policy_.paymentWindow_s;
            emit tick();
            onPayment(started.value());
        });
}

void BillsFlow::onPayment(const BillPayment& payment) {
    payment_ = payment;
    switch (payment.status) {
        case BillPaymentStatus::Captured:
            stopWatching();
            recordStep(tx_, journal::Step::PaymentConfirmed, journal::Phase::After, {});
            qCInfo(lcJourney).noquote() << "bills: cash part paid" << payment.id.c_str();
            return save();
        case BillPaymentStatus::Pending:
        case BillPaymentStatus::UserPaying:
            if (!poll_.isActive()) poll_.start();
            return emit changed();
        case BillPaymentStatus::Failed:
        case BillPaymentStatus::Reversed:
        case BillPaymentStatus::Refunded:
            return undoAndFail({kCtx, kNothingTaken});
    }
}

void BillsFlow::poll() {
    if (busy_ || payment_.id.empty()) return;
    platform_->call<BillPayment>(
        [id = payment_.id](PlatformClient& client) { return client.billPayment(id); },
        [this](Result<BillPayment> payment, std::optional<CallFailure>) {
            // A lost poll is asked again at the next tick; an answer for another payment (the
            // patient left meanwhile) is dropped.
            if (payment && payment->id == payment_.id) onPayment(*payment);
        });
}

void BillsFlow::save() {
    const std::string key = journal::billsSaveKey(lock_.id);
    recordStep(tx_, journal::Step::BillsSaved, journal::Phase::Before, key);
    setBusy(true);
    const bool cashPaid = payment_.status == BillPaymentStatus::Captured;
    platform_->call<platform::BillReceipt>(
        [lockId = lock_.id, settlementId = settlement_ ? settlement_->id : std::string(),
         paymentId = cashPaid ? payment_.id : std::string(), key](PlatformClient& client) {
            return client.saveBills(lockId, settlementId, paymentId, key);
        },
        [this, key](Result<platform::BillReceipt> saved, std::optional<CallFailure> failure) {
            setBusy(false);
            if (!saved) {
                if (journal::isDefinitiveRefusal(failure->error))
                    return undoAndFail(failure->message);
                // Paid, unanswered: the reconciler finishes it under the same key.
                qCWarning(lcJourney) << "bills: the save is left for the reconciler";
                return session_.journeyFailed({kCtx, kUnsettled});
            }
            recordStep(tx_, journal::Step::BillsSaved, journal::Phase::After, key);
            printGuide(saved.value());
        });
}

void BillsFlow::printGuide(const platform::BillReceipt& receipt) {
    recordStep(tx_, journal::Step::SlipPrinted, journal::Phase::Before, {});
    const std::string method = receipt.cash_fen > 0 ? method_ : std::string();
    setBusy(true);
    slips_.print(
        QStringLiteral("bills_guide"),
        billsGuideFields(receipt, method, session_.patientName().toStdString()), lock_.id,
        [this, receipt](bool printed) {
            settlePrinted(std::exchange(tx_, 0), printed, "guide slip");
            setBusy(false);
            core::JourneyOutcome outcome;
            outcome.title = {kCtx, kPaid};
            outcome.headlineLabel = {kCtx, kReceipt};
            outcome.headline = QString::fromStdString(receipt.receiptNumber);
            outcome.rows = {
                {{kCtx, kTotal}, core::TranslatableText::verbatim(feeText(receipt.total_fen))},
                {{kCtx, kFund}, core::TranslatableText::verbatim(feeText(receipt.fund_fen))},
                {{kCtx, kAccount}, core::TranslatableText::verbatim(feeText(receipt.account_fen))},
                {{kCtx, kCash}, core::TranslatableText::verbatim(feeText(receipt.cash_fen))},
                {{kCtx, kSlip}, {kCtx, printed ? kSlipPrinted : kSlipFailed}},
            };
            QStringList where;
            for (const auto& bill : receipt.bills) {
                const QString guide = QString::fromStdString(bill.guide);
                if (!guide.isEmpty() && !where.contains(guide)) where << guide;
            }
            outcome.next = core::TranslatableText::verbatim(where.join(QStringLiteral("；")));
            session_.journeySucceeded(std::move(outcome));
        });
}

void BillsFlow::undoAndFail(core::TranslatableText message, bool chooseAgainAfter) {
    stopWatching();
    const journal::BillLegs legs{lock_.id, messageId_, payment_.id};
    setBusy(true);
    platform_->call<bool>(
        [legs](PlatformClient& client) -> Result<bool> {
            if (auto failed = journal::undoBills(client, legs)) return *failed;
            return true;
        },
        [this, message = std::move(message), chooseAgainAfter](Result<bool> undone,
                                                               std::optional<CallFailure>) {
            setBusy(false);
            if (!undone) {
                qCWarning(lcJourney) << "bills: undoing is left for the reconciler";
                return session_.journeyFailed({kCtx, kUnsettled});
            }
            qCInfo(lcJourney) << "bills: every leg undone";
            settle(std::exchange(tx_, 0), journal::State::Closed, "every leg undone");
            if (chooseAgainAfter) return chooseAgain(message);
            session_.journeyFailed(message);
        });
}

void BillsFlow::chooseAgain(core::TranslatableText why) {
    qCInfo(lcJourney) << "bills: listed anew, the locked ones changed";
    forgetLegs();
    notice_ = std::move(why);
    load();
}

void BillsFlow::forgetLegs() {
    lock_ = {};
    price_.reset();
    messageId_.clear();
    settlement_.reset();
    method_.clear();
    payment_ = {};
}

void BillsFlow::letGo() {
    if (platform_ != nullptr && !lock_.id.empty()) {
        platform_->callDetached<platform::BillLock>(
            [lockId = lock_.id](PlatformClient& client) { return client.releaseBillLock(lockId); },
            [](Result<platform::BillLock>) {});
    }
    settle(std::exchange(tx_, 0), journal::State::Closed, "not paid; the lock let go");
    lock_ = {};
    price_.reset();
}

void BillsFlow::watch() {
    countdown_.start();
    emit tick();
    // The payment's own window governs while the patient pays, not their silence.
    session_.holdIdle(&countdown_, true);
}

void BillsFlow::stopWatching() {
    poll_.stop();
    countdown_.stop();
    remaining_s_ = 0;
    session_.holdIdle(&countdown_, false);
}

void BillsFlow::stepBack() {
    if (busy_) return;
    notice_ = {};
    switch (step_) {
        case Step::List:
            return session_.back();
        case Step::Settle:
        case Step::Split:
            if (!messageId_.empty()) return;  // the insurance is settling: no way back now
            letGo();
            return setStep(Step::List);
        case Step::EVoucher:
            return setStep(Step::Settle);
        case Step::Paying:
        case Step::Code:
            qCInfo(lcJourney) << "bills: the patient stopped paying";
            return undoAndFail({kCtx, kStopped});
    }
}

}  // namespace lobby::journeys
