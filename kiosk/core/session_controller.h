#pragma once
// Owns the patient session: the state machine, the idle timeout with its on-screen countdown,
// the farewell pause, and everything known about the current patient. Exposed to QML as the
// `Session` singleton; QML reads its properties and forwards taps to its invokables.

#include <QtQml/qqmlregistration.h>
#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <functional>
#include <set>

#include "core/function_catalog.h"
#include "core/idle_watchdog.h"
#include "core/session_machine.h"
#include "core/translatable_text.h"

class QQmlEngine;
class QJSEngine;

namespace lobby::core {

// What the Done screen shows when a journey succeeds: a title, an optional big headline (the
// queue number) and label / value rows, kept translatable so a language switch reaches them.
struct JourneyOutcome {
    TranslatableText title;
    TranslatableText headlineLabel;
    QString headline;
    QList<std::pair<TranslatableText, TranslatableText>> rows;
    // What to do or where to go now ("门诊楼 3 层内科候诊区，等候叫号"): stressed on the Done
    // screen and said aloud with voice on.
    TranslatableText next;
};

struct SessionTiming {
    int idleTimeout_ms = 60'000;
    int idleCountdown_ms = 20'000;
    int farewell_ms = 4'000;
};

// The updater's ask to take the kiosk out of service (its maintenance lease) and the answer.
enum class UpdateLeaseAnswer { Granted, PatientPresent, TooLong };
inline constexpr qint64 kMaxUpdateLease_ms = 60LL * 60 * 1000;

class SessionController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
    Q_PROPERTY(QString state READ stateName NOTIFY stateChanged)
    Q_PROPERTY(QString screenName READ screenName NOTIFY screenChanged)
    Q_PROPERTY(QUrl screenUrl READ screenUrl NOTIFY stateChanged)
    Q_PROPERTY(bool countdownActive READ countdownActive NOTIFY countdownChanged)
    Q_PROPERTY(int countdownRemaining READ countdownRemaining NOTIFY countdownChanged)
    // Seconds until an unattended session ends (the small pill on every screen); 0 while the
    // kiosk itself is waiting (idleHeld) or no session runs.
    Q_PROPERTY(int idleRemaining READ idleRemaining NOTIFY idleClockChanged)
    Q_PROPERTY(bool idleHeld READ idleHeld NOTIFY idleClockChanged)
    // A patient is at the kiosk (identifying up to the done or error screen): the way home and
    // the time left are shown.
    Q_PROPERTY(bool patientPresent READ patientPresent NOTIFY stateChanged)
    Q_PROPERTY(QString patientName READ patientName NOTIFY patientChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)
    Q_PROPERTY(bool readingCard READ readingCard NOTIFY readingCardChanged)
    Q_PROPERTY(QVariantList functions READ functions NOTIFY functionsChanged)
    // The means of identification whose readers answer: "idcard", "ssc", "qr".
    Q_PROPERTY(QStringList identifyBy READ identifyBy NOTIFY functionsChanged)
    Q_PROPERTY(QVariantMap outcome READ outcome NOTIFY outcomeChanged)
    // A word for this patient on the menu (e.g. a slip from an earlier visit was just printed).
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    // What the farewell reminds the patient to take: "card_and_slip", "card", "slip" or "".
    Q_PROPERTY(QString takeAway READ takeAway NOTIFY takeAwayChanged)
    // Out of service for an update (the updater holds the maintenance lease): no patient starts.
    Q_PROPERTY(bool updating READ updating NOTIFY updatingChanged)

public:
    SessionController(SessionTiming timing, FunctionCatalog* catalog, QObject* parent = nullptr);

    static SessionController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "session";

    SessionState currentState() const { return machine_.state(); }
    // New timeouts (a scene applied between sessions); takes effect from the next session.
    void setTiming(SessionTiming timing);
    QString stateName() const;
    QString screenName() const;
    QUrl screenUrl() const;
    // Which QML file draws a screen, by the screen's name: the app's to say.
    void setScreenFiles(std::function<QUrl(const QString& screen)> files);
    bool countdownActive() const { return countdownRemaining_ > 0; }
    int countdownRemaining() const { return countdownRemaining_; }
    int idleRemaining() const { return idleRemaining_; }
    bool idleHeld() const { return !idleHolders_.empty(); }
    bool patientPresent() const { return isPatientPresent(machine_.state()); }
    // The kiosk waits on something other than the patient (their phone to pay, a card being
    // read, the platform): the idle clock stops while any holder holds it, and gives the whole
    // timeout again once the last lets go. `holder` is whoever waits (one hold each).
    void holdIdle(const void* holder, bool held);
    // Elder mode: twice the idle timeout and twice the warning, from now on.
    void setLongerTimes(bool longer);
    QString patientName() const { return maskedPatientName_; }
    QString errorMessage() const { return errorMessage_.translated(); }
    bool readingCard() const { return readingCard_; }
    QVariantList functions() const;
    QStringList identifyBy() const { return catalog_->identityMeans(); }
    QVariantMap outcome() const;
    // The platform's id of the identified patient (empty without a platform); C++ only.
    QString patientId() const { return patientId_; }
    // Identified by a booking's voucher or code: the one booking this session is for (the
    // platform's session reaches nothing else); empty for a patient identified in person.
    QString bookingScope() const { return bookingScope_; }
    QString notice() const { return notice_.translated(); }
    void setNotice(lobby::core::TranslatableText notice);
    QString takeAway() const;
    // A card was placed or inserted for this session; a slip was printed for it.
    void noteCardUsed();
    void noteSlipPrinted();

    // The maintenance lease for an update: granted only on the attract screen (nobody at the
    // kiosk, no technician), for at most kMaxUpdateLease_ms; while it lasts nothing starts a
    // session and every function shows why. It ends when released or when it expires, so an
    // updater that dies never leaves the lobby dark for longer than it asked.
    UpdateLeaseAnswer grantUpdateLease(qint64 duration_ms);
    void endUpdateLease();
    bool updating() const { return updateLeaseTimer_.isActive(); }

    Q_INVOKABLE void start();
    Q_INVOKABLE void back();
    // Only from the attract screen; MaintenanceController decides when (gesture, PIN set).
    void openMaintenance();
    Q_INVOKABLE void finish();
    Q_INVOKABLE void acknowledge();
    Q_INVOKABLE void stay();  // "I'm still here" during the idle countdown
    Q_INVOKABLE void chooseFunction(const QString& id);
    // 改约 of a stopped booking: its flow (MoveFlow) knows which booking; not a menu function.
    void startMove();
    // From the menu back to identifying, the patient still identified, to choose a family
    // member (就诊人) to act for; identified() then names whom the session serves.
    void choosePatient();
    // The refund of a stopped booking from a list that cannot cancel (pick-up, my bookings).
    void refundStopped();

    // A touch anywhere on the screen (from the application's event filter).
    void noteActivity();
    // The UI language changed: re-emit texts computed in C++.
    void retranslate();

    // Identity events from the devices and the platform. `maskedName` is already masked.
    void identityPresented();
    void identified(const QString& maskedName, const QString& patientId = {});
    // By a booking's voucher or code: straight to that booking's pick-up, and the session offers
    // only the pick-up (whoever holds a voucher may check it in, not cancel it).
    void identifiedForBooking(const QString& maskedName, const QString& patientId,
                              const QString& bookingId);
    void setReadingCard(bool reading);
    void identificationFailed(lobby::core::TranslatableText message);
    void cardRemoved();
    // A journey's end, from the flow that ran it.
    void journeySucceeded(lobby::core::JourneyOutcome outcome);
    void journeyFailed(lobby::core::TranslatableText message);
    // A journey with steps of its own names the one shown ("doctors"): the screen is then
    // "book-doctors" for screenshots and scripted journeys. Cleared on every state change.
    void setScreenStep(const QString& step);

signals:
    void updatingChanged();
    void takeAwayChanged();
    void stateChanged();
    void countdownChanged();
    void idleClockChanged();
    void patientChanged();
    void errorChanged();
    void functionsChanged();
    void readingCardChanged();
    void outcomeChanged();
    void noticeChanged();
    void screenChanged();
    void languageChanged();
    // The patient has gone: every holder of their data drops it now.
    void patientLeft();
    // The kiosk is ready for somebody new: back on the attract screen, or a new patient's card
    // presented during the farewell. Per-patient choices (language, text size) reset here.
    void readyForNextPatient();

private:
    void handle(SessionEvent event);
    void onStateChanged(SessionState from, SessionState to);
    void onSessionEnded();
    void tick();
    qint64 now_ms() const { return clock_.elapsed(); }
    void applyLimits();
    int limitFactor() const { return longerTimes_ ? 2 : 1; }

    SessionMachine machine_;
    FunctionCatalog* catalog_;
    SessionTiming timing_;
    IdleWatchdog watchdog_;
    QElapsedTimer clock_;
    QTimer tickTimer_;
    QTimer farewellTimer_;
    int countdownRemaining_ = 0;
    int idleRemaining_ = 0;
    std::set<const void*> idleHolders_;
    bool longerTimes_ = false;
    QString maskedPatientName_;
    QString patientId_;
    QString bookingScope_;
    JourneyOutcome outcome_;
    QString screenStep_;
    std::function<QUrl(const QString&)> screenFiles_;
    TranslatableText errorMessage_;
    TranslatableText notice_;
    bool readingCard_ = false;
    bool cardUsed_ = false;
    bool slipPrinted_ = false;
    QTimer updateLeaseTimer_;
};

}  // namespace lobby::core
