#include "core/kiosk_info.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include "core/qml_exposure.h"
#include "logging/categories.h"

namespace lobby::core {
namespace {
constexpr int kClockRefresh_ms = 1000;

QLocale localeFor(const QString& language) {
    return language == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                           : QLocale(QLocale::Chinese, QLocale::China);
}
}  // namespace

KioskInfo::KioskInfo(QString hospitalName, QString defaultLanguage, KioskDisplay display,
                     QObject* parent)
    : QObject(parent),
      hospitalName_(std::move(hospitalName)),
      defaultLanguage_(defaultLanguage),
      language_(std::move(defaultLanguage)),
      display_(display) {
    clockTimer_.setInterval(kClockRefresh_ms);
    connect(&clockTimer_, &QTimer::timeout, this, &KioskInfo::clockChanged);
    clockTimer_.start();
}

KioskInfo* KioskInfo::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return exposedTo<KioskInfo>(qmlEngine, kQmlName);
}

QString KioskInfo::dateText() const {
    const QDate today = QDate::currentDate();
    if (language_ == QLatin1String("en")) {
        return localeFor(language_).toString(today, QStringLiteral("dddd, d MMMM yyyy"));
    }
    return localeFor(language_).toString(today, QStringLiteral("yyyy年M月d日 dddd"));
}

QString KioskInfo::timeText() const {
    return QTime::currentTime().toString(QStringLiteral("HH:mm"));
}

void KioskInfo::setLanguage(const QString& language) {
    if (language != QLatin1String("zh") && language != QLatin1String("en")) {
        qCWarning(lcUi) << "unsupported language" << language;
        return;
    }
    if (language == language_) return;
    language_ = language;
    qCInfo(lcUi) << "language" << language_;
    emit languageChanged();
    emit clockChanged();
    if (!hospitalNameEn_.isEmpty()) emit hospitalNameChanged();
}

void KioskInfo::toggleLanguage() {
    setLanguage(language_ == QLatin1String("zh") ? QStringLiteral("en") : QStringLiteral("zh"));
}

void KioskInfo::toggleElderMode() {
    setElderMode(!elderMode_);
}

void KioskInfo::setElderMode(bool on) {
    switchElderMode(on, false);
}

void KioskInfo::switchElderMode(bool on, bool offered) {
    if (on == elderMode_) return;
    elderMode_ = on;
    elderModeOffered_ = offered;
    qCInfo(lcUi) << "elder mode" << (on ? "on" : "off") << (offered ? "(by age)" : "");
    emit elderModeChanged();  // once: the voice reads the screen again on each change
}

QString KioskInfo::hospitalName() const {
    return language_ == QLatin1String("en") && !hospitalNameEn_.isEmpty() ? hospitalNameEn_
                                                                          : hospitalName_;
}

void KioskInfo::setBranding(const QString& name, const QString& nameEn, const QString& primaryColor,
                            bool voiceGuidance) {
    hospitalName_ = name;
    hospitalNameEn_ = nameEn;
    primaryColor_ = primaryColor;
    voiceGuidance_ = voiceGuidance;
    emit hospitalNameChanged();
}

void KioskInfo::setGuidance(const QString& whereElseZh, const QString& whereElseEn,
                            int elderFromAge) {
    whereElseZh_ = whereElseZh;
    whereElseEn_ = whereElseEn;
    elderFromAge_ = elderFromAge;
    emit hospitalNameChanged();
}

QString KioskInfo::whereElse() const {
    const QString& scene = language_ == QLatin1String("en") ? whereElseEn_ : whereElseZh_;
    if (!scene.isEmpty()) return scene;
    return QCoreApplication::translate("KioskInfo", "You can also be served at the service desk.");
}

void KioskInfo::patientAge(int age) {
    if (elderFromAge_ <= 0 || age < elderFromAge_) return;
    switchElderMode(true, true);
}

void KioskInfo::setHospitalName(const QString& name) {
    if (name == hospitalName_) return;
    hospitalName_ = name;
    emit hospitalNameChanged();
}

}  // namespace lobby::core
