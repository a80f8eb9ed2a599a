#pragma once
// 门诊缴费: the visit's unpaid bills → the patient chooses whole bills (of one pay group) → they
// are locked → the medical insurance prices them with the patient's credential (the
// social-security card they identified with, or the e-voucher scanned from their phone), or the
// patient pays it all → the split is shown before anything is taken → the insurance settles,
// the cash part is paid by QR or by a payment code shown to the scanner → the HIS saves the
// bills → the guide slip (缴费凭条) says where to go. One journal transaction (kind `bills`)
// carries every leg, before and after each call; what fails after money moved is undone
// through journal::undoBills, and what is left unanswered the reconciler settles. Exposed to
// QML as `Bills`; the screen shows its properties and forwards taps.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <optional>
#include <vector>

#include "devices/card_holder.h"
#include "journeys/journey_flow.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::journeys {

struct BillsPolicy {
    int paymentWindow_s = 45;  // how long a QR or a "user paying" code waits for the patient
    int pollInterval_ms = 5000;
    int codeWait_s = 60;  // how long the kiosk waits for a payment code to be shown
    QStringList qrMethods{"wechat", "alipay"};
};

class BillsFlow : public JourneyFlow {
    Q_OBJECT
    QML_NAMED_ELEMENT(Bills)
    QML_SINGLETON
    // "" (the bills), "settle" (how the insurance is used), "evoucher" (waiting for the
    // e-voucher), "split" (the price, then how to pay the cash part), "paying" (the QR code),
    // "code" (waiting for / checking a payment code).
    Q_PROPERTY(QString step READ step NOTIFY changed)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QVariantList bills READ bills NOTIFY changed)
    Q_PROPERTY(int chosenCount READ chosenCount NOTIFY changed)
    Q_PROPERTY(QString chosenTotal READ chosenTotal NOTIFY changed)
    Q_PROPERTY(bool cardCredential READ cardCredential NOTIFY changed)
    Q_PROPERTY(bool scannerPresent READ scannerPresent NOTIFY changed)
    Q_PROPERTY(bool insured READ insured NOTIFY changed)
    Q_PROPERTY(QVariantList splitRows READ splitRows NOTIFY changed)
    Q_PROPERTY(QVariantList uncovered READ uncovered NOTIFY changed)
    Q_PROPERTY(QString cashDue READ cashDue NOTIFY changed)
    Q_PROPERTY(bool cashNeeded READ cashNeeded NOTIFY changed)
    Q_PROPERTY(QStringList payMethods READ payMethods NOTIFY changed)
    Q_PROPERTY(QString qrPayload READ qrPayload NOTIFY changed)
    Q_PROPERTY(QString notice READ notice NOTIFY changed)
    Q_PROPERTY(int remaining READ remaining NOTIFY tick)

public:
    BillsFlow(core::SessionController& session, services::PlatformService* platform,
              SlipDesk& slips, journal::TransactionJournal* journal, BillsPolicy policy,
              QObject* parent = nullptr);
    static BillsFlow* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "bills";

    QString step() const { return QString::fromLatin1(kStepNames[static_cast<int>(step_)]); }
    bool loaded() const { return loaded_; }
    QVariantList bills() const;
    int chosenCount() const { return static_cast<int>(chosen_.size()); }
    QString chosenTotal() const;
    bool cardCredential() const { return card_.has_value(); }
    bool scannerPresent() const;
    bool insured() const { return price_.has_value(); }
    QVariantList splitRows() const;
    QVariantList uncovered() const;
    QString cashDue() const;
    bool cashNeeded() const { return cash_fen() > 0; }
    QStringList payMethods() const;
    QString qrPayload() const { return QString::fromStdString(payment_.qrPayload); }
    QString notice() const { return notice_.translated(); }
    int remaining() const { return remaining_s_; }

    // The card the patient identified with, if it is a social-security card.
    void noteCard(const devices::InsuranceCard& card);
    // A scan while this flow waits for one (an e-voucher, a payment code): true if it was
    // taken here, so it goes nowhere else.
    bool takeScan(const QString& kind, const QString& token);

    Q_INVOKABLE void toggle(const QString& billId);
    Q_INVOKABLE void next();  // lock the chosen bills
    Q_INVOKABLE void useCard();
    Q_INVOKABLE void useEVoucher();
    Q_INVOKABLE void payAll();  // no insurance: the patient pays it all
    Q_INVOKABLE void pay(const QString& method);
    Q_INVOKABLE void stepBack();

signals:
    void tick();

private:
    enum class Step { List, Settle, EVoucher, Split, Paying, Code };
    static constexpr const char* kStepNames[] = {"",      "settle", "evoucher",
                                                 "split", "paying", "code"};

    void load();
    void clear() override;
    const platform::Bill* findBill(const std::string& id) const;
    bool isChosen(const std::string& id) const;
    void setStep(Step step);
    int cash_fen() const;
    void presettle(platform::InsuranceCredential credential);
    void settleInsurance();
    void startCash();
    void payByCode(const std::string& code);
    void onPayment(const platform::BillPayment& payment);
    void poll();
    void save();
    void printGuide(const platform::BillReceipt& receipt);
    // Something failed after money may have moved: every leg undone, then the patient told, or,
    // when the bills themselves changed, shown the bills as they are now to choose again.
    void undoAndFail(core::TranslatableText message, bool chooseAgainAfter = false);
    void letGo();  // back to the list: the lock released, nothing else had moved
    void chooseAgain(core::TranslatableText why);  // the legs forgotten, the bills listed anew
    void forgetLegs();                             // the money step's lock, price and payment
    void watch();  // the countdown runs, the session's idle clock held
    void stopWatching();

    BillsPolicy policy_;
    std::vector<platform::Bill> bills_;
    std::vector<std::string> chosen_;
    bool loaded_ = false;
    Step step_ = Step::List;
    std::optional<platform::InsuranceCredential> card_;
    core::TranslatableText notice_;

    // The money step under way.
    std::int64_t tx_ = 0;
    platform::BillLock lock_;
    std::optional<platform::Presettlement> price_;
    std::string messageId_;
    std::optional<platform::Settlement> settlement_;
    std::string method_;
    platform::BillPayment payment_;

    QTimer poll_;
    QTimer countdown_;
    int remaining_s_ = 0;
};

}  // namespace lobby::journeys
