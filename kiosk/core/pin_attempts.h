#pragma once
// Wrong technician PINs and the lockout they cause, kept on disk so that restarting the kiosk
// (or pulling its plug) does not hand an attacker five fresh tries. Time is the kernel's boot
// clock (CLOCK_BOOTTIME: it never jumps with the wall clock, and keeps counting in suspend); a
// lock recorded in an earlier boot cannot be measured in this one, so it starts again in full.

#include <QByteArray>
#include <QString>

namespace lobby::core {

struct PinAttempts {
    int failures = 0;           // wrong PINs since the last right one or the last lock
    qint64 lockedUntil_ms = 0;  // on the boot clock; 0: not locked
};

class PinAttemptStore {
public:
    // `path` empty: nothing is kept (tests, or a kiosk without a PIN).
    PinAttemptStore(QString path, QByteArray bootId);

    // The attempts as last saved; a lock from another boot lasts `lockout_ms` from `now_ms`.
    // A missing, unreadable or malformed file counts as a lock (fail closed), except a
    // missing one, which is a fresh start.
    PinAttempts load(qint64 now_ms, qint64 lockout_ms) const;
    // Written to a temporary file, flushed and renamed over the old one.
    bool save(const PinAttempts& attempts) const;

    // This boot's id (/proc/sys/kernel/random/boot_id) and the boot clock in milliseconds.
    static QByteArray currentBootId();
    static qint64 bootClock_ms();

private:
    QString path_;
    QByteArray bootId_;
};

}  // namespace lobby::core
