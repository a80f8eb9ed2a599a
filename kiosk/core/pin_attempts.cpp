#include "core/pin_attempts.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <ctime>

namespace lobby::core {

PinAttemptStore::PinAttemptStore(QString path, QByteArray bootId)
    : path_(std::move(path)), bootId_(std::move(bootId)) {}

PinAttempts PinAttemptStore::load(qint64 now_ms, qint64 lockout_ms) const {
    if (path_.isEmpty()) return {};
    QFile file(path_);
    if (!file.exists()) return {};
    const PinAttempts locked{0, now_ms + lockout_ms};
    if (!file.open(QIODevice::ReadOnly)) return locked;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(4096));
    const QJsonObject object = document.object();
    const double failures = object.value("failures").toDouble(-1);
    const double until = object.value("locked_until_ms").toDouble(-1);
    if (!document.isObject() || failures < 0 || failures > 1000 || until < 0) return locked;
    PinAttempts attempts{static_cast<int>(failures), static_cast<qint64>(until)};
    if (attempts.lockedUntil_ms > 0 && object.value("boot_id").toString().toLatin1() != bootId_) {
        attempts.lockedUntil_ms = now_ms + lockout_ms;
    }
    // A lock ending further away than a whole lockout was not written by this clock.
    if (attempts.lockedUntil_ms > now_ms + lockout_ms)
        attempts.lockedUntil_ms = now_ms + lockout_ms;
    return attempts;
}

bool PinAttemptStore::save(const PinAttempts& attempts) const {
    if (path_.isEmpty()) return true;
    QSaveFile file(path_);
    if (!file.open(QIODevice::WriteOnly)) return false;
    const QJsonObject object{{"boot_id", QString::fromLatin1(bootId_)},
                             {"failures", attempts.failures},
                             {"locked_until_ms", static_cast<double>(attempts.lockedUntil_ms)}};
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.commit();
}

QByteArray PinAttemptStore::currentBootId() {
    QFile file(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.read(64).trimmed();
}

qint64 PinAttemptStore::bootClock_ms() {
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return static_cast<qint64>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

}  // namespace lobby::core
