#pragma once
// What every screen shows about the kiosk itself: the hospital, the date and time, the language,
// the window geometry. Exposed to QML as the `Kiosk` singleton.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QTimer>

class QQmlEngine;
class QJSEngine;

namespace lobby::core {

struct KioskDisplay {
    int width = 1080;
    int height = 1920;
    bool fullscreen = true;
};

class KioskInfo : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON
    Q_PROPERTY(QString hospitalName READ hospitalName NOTIFY hospitalNameChanged)
    // The hospital's colour behind white text (from the scene; checked for 4.5:1 contrast).
    Q_PROPERTY(QString primaryColor READ primaryColor NOTIFY hospitalNameChanged)
    Q_PROPERTY(bool voiceGuidance READ voiceGuidance NOTIFY hospitalNameChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QString dateText READ dateText NOTIFY clockChanged)
    Q_PROPERTY(QString timeText READ timeText NOTIFY clockChanged)
    Q_PROPERTY(int displayWidth READ displayWidth CONSTANT)
    Q_PROPERTY(int displayHeight READ displayHeight CONSTANT)
    Q_PROPERTY(bool fullscreen READ fullscreen CONSTANT)
    // 关怀版: larger type and targets, fewer choices per screen; the patient's choice, for their
    // session only.
    Q_PROPERTY(bool elderMode READ elderMode NOTIFY elderModeChanged)
    // Elder mode switched on by the kiosk for a patient of the scene's age or older (they can
    // switch back); the menu says so.
    Q_PROPERTY(bool elderModeOffered READ elderModeOffered NOTIFY elderModeChanged)
    // Where a patient goes when this kiosk cannot serve them ("请到人工窗口或 3 号机"), from the
    // scene, in the current language.
    Q_PROPERTY(QString whereElse READ whereElse NOTIFY hospitalNameChanged)

public:
    KioskInfo(QString hospitalName, QString defaultLanguage, KioskDisplay display,
              QObject* parent = nullptr);

    static KioskInfo* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    static constexpr const char* kQmlName = "kiosk";

    // In English when the patient chose English and the scene gives an English name.
    QString hospitalName() const;
    QString primaryColor() const { return primaryColor_; }
    bool voiceGuidance() const { return voiceGuidance_; }
    QString language() const { return language_; }
    QString defaultLanguage() const { return defaultLanguage_; }
    QString dateText() const;
    QString timeText() const;
    int displayWidth() const { return display_.width; }
    int displayHeight() const { return display_.height; }
    bool fullscreen() const { return display_.fullscreen; }
    bool elderMode() const { return elderMode_; }
    bool elderModeOffered() const { return elderModeOffered_; }
    QString whereElse() const;

    Q_INVOKABLE void setLanguage(const QString& language);  // "zh" or "en"
    Q_INVOKABLE void toggleLanguage();
    Q_INVOKABLE void toggleElderMode();
    void setElderMode(bool on);
    void setHospitalName(const QString& name);
    // The scene's guidance: where else to go (Chinese, English; empty: the service desk), and
    // the age from which elder mode is switched on for a patient (0: never).
    void setGuidance(const QString& whereElseZh, const QString& whereElseEn, int elderFromAge);
    int elderFromAge() const { return elderFromAge_; }
    // A patient of `age` identified: elder mode goes on for them from the scene's age.
    void patientAge(int age);
    void setBranding(const QString& name, const QString& nameEn, const QString& primaryColor,
                     bool voiceGuidance);

signals:
    void hospitalNameChanged();
    void languageChanged();
    void clockChanged();
    void elderModeChanged();

private:
    // `offered`: switched on by the kiosk (patientAge), not the patient.
    void switchElderMode(bool on, bool offered);

    QString hospitalName_;
    QString hospitalNameEn_;
    QString primaryColor_ = QStringLiteral("#0B5CAD");
    bool voiceGuidance_ = false;
    QString defaultLanguage_;
    QString language_;
    KioskDisplay display_;
    bool elderMode_ = false;
    bool elderModeOffered_ = false;
    int elderFromAge_ = 0;  // until a scene says: never by itself
    QString whereElseZh_, whereElseEn_;
    QTimer clockTimer_;
};

}  // namespace lobby::core
