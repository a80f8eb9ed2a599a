#pragma once
// The kiosk's validated settings. Built only through load()/fromJson(), which reject unknown
// keys, wrong types and out-of-range values with an error naming the key.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariant>

#include "common/error.h"
#include "config/settings_spec.h"

namespace lobby::config {

inline constexpr const char* kDefaultConfigPath = "/etc/lobby-kiosk/kiosk.json";
inline constexpr const char* kConfigPathEnv = "LOBBY_KIOSK_CONFIG";

class Settings {
public:
    // All defaults; what a kiosk runs with when no file exists at the default path.
    static Settings defaults();
    static Result<Settings> fromJson(const QByteArray& json);
    static Result<Settings> load(const QString& path);

    // Which file to read: --config wins, then $LOBBY_KIOSK_CONFIG, then the default path.
    static QString resolvePath(const QString& commandLinePath);

    bool boolValue(const QString& key) const;
    int intValue(const QString& key) const;
    QString stringValue(const QString& key) const;

    // "key = value" lines for the start-up log; sensitive values appear as "<set>" / "<unset>".
    QStringList describeForLog() const;

    // Overrides one value after validation against its spec (used by command-line flags).
    Status set(const QString& key, const QVariant& value);

private:
    QVariant value(const QString& key) const;
    QHash<QString, QVariant> values_;
};

}  // namespace lobby::config
