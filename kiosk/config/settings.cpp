#include "config/settings.h"

#include "config/technician_pin.h"
#include "printer/printer_endpoint.h"

#include <QRegularExpression>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <cmath>

namespace lobby::config {
namespace {

Error configError(const QString& key, const QString& reason) {
    return makeError(ErrorKind::InvalidConfig, "config.invalid",
                     (key.isEmpty() ? reason : key + ": " + reason).toStdString());
}

QString jsonTypeName(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::Null:
            return "null";
        case QJsonValue::Bool:
            return "a boolean";
        case QJsonValue::Double:
            return "a number";
        case QJsonValue::String:
            return "a string";
        case QJsonValue::Array:
            return "an array";
        case QJsonValue::Object:
            return "an object";
        case QJsonValue::Undefined:
            break;
    }
    return "nothing";
}

Result<QVariant> convert(const SettingSpec& spec, const QJsonValue& json) {
    switch (spec.type) {
        case SettingType::Bool:
            if (!json.isBool()) {
                return configError(spec.key, "expected a boolean, got " + jsonTypeName(json));
            }
            return QVariant(json.toBool());
        case SettingType::Int: {
            const double number = json.toDouble();
            if (!json.isDouble() || std::trunc(number) != number) {
                return configError(spec.key, "expected an integer, got " + jsonTypeName(json));
            }
            // Compared as doubles: a huge number must not be cast to an integer first.
            if (number < spec.minimum || number > spec.maximum) {
                return configError(spec.key, QStringLiteral("%1 is out of range %2..%3")
                                                 .arg(number, 0, 'g', 17)
                                                 .arg(spec.minimum)
                                                 .arg(spec.maximum));
            }
            return QVariant(static_cast<int>(number));
        }
        case SettingType::String:
            if (!json.isString()) {
                return configError(spec.key, "expected a string, got " + jsonTypeName(json));
            }
            if (!spec.pattern.isEmpty() && !json.toString().isEmpty() &&
                !QRegularExpression(QRegularExpression::anchoredPattern(spec.pattern))
                     .match(json.toString())
                     .hasMatch()) {
                // The value may be a secret: the message never repeats it.
                return configError(spec.key, "is not in the expected form");
            }
            return QVariant(json.toString());
        case SettingType::Enum:
            if (!json.isString() || !spec.choices.contains(json.toString())) {
                const QString got =
                    json.isString() ? "'" + json.toString() + "'" : jsonTypeName(json);
                return configError(spec.key, got + " is not one of " + spec.choices.join(", "));
            }
            return QVariant(json.toString());
    }
    return configError(spec.key, "unsupported type");
}

// Walks nested objects, turning {"a": {"b": 1}} into "a.b" = 1, and validates each leaf.
Status collect(const QJsonObject& object, const QString& prefix, QHash<QString, QVariant>& out) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + "." + it.key();
        const SettingSpec* spec = findSpec(key);
        if (spec == nullptr) {
            if (it.value().isObject()) {
                bool isSection = false;
                for (const auto& candidate : settingSpecs()) {
                    if (candidate.key.startsWith(key + ".")) {
                        isSection = true;
                        break;
                    }
                }
                if (isSection) {
                    if (auto status = collect(it.value().toObject(), key, out); !status) {
                        return status;
                    }
                    continue;
                }
            }
            return configError(key, "unknown setting");
        }
        auto converted = convert(*spec, it.value());
        if (!converted) return converted.error();
        out.insert(key, converted.value());
    }
    return {};
}

// Settings that are each valid alone but not together, or that a range cannot express.
Status crossCheck(const Settings& settings) {
    using namespace keys;
    if (settings.stringValue(kTerminalId).isEmpty()) return configError(kTerminalId, "required");
    if (settings.intValue(kIdleCountdown_s) >= settings.intValue(kIdleTimeout_s)) {
        return configError(kIdleCountdown_s, QStringLiteral("%1 s must be shorter than %2 (%3 s)")
                                                 .arg(settings.intValue(kIdleCountdown_s))
                                                 .arg(kIdleTimeout_s)
                                                 .arg(settings.intValue(kIdleTimeout_s)));
    }
    if (settings.stringValue(kPlatformBackend) == QLatin1String("https")) {
        // The platform is only ever reached over TLS, verified against the configured CA.
        const QString url = settings.stringValue(kPlatformBaseUrl);
        static const QRegularExpression httpsUrl(QStringLiteral(
            R"(^https://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$)"));
        if (!httpsUrl.match(url).hasMatch()) {
            return configError(kPlatformBaseUrl,
                               "must be an https:// URL of a host (and port), got '" + url + "'");
        }
        if (settings.stringValue(kPlatformCaBundle).isEmpty()) {
            return configError(kPlatformCaBundle,
                               "required with the https platform (the CA that vouches for it)");
        }
    }
    printer::PrinterEndpoint printer;
    if (auto direct =
            printer::setDirect(printer, settings.stringValue(kPrinterDirect).toStdString());
        !direct) {
        return configError(kPrinterDirect, QString::fromStdString(direct.error().message));
    }
    const QString pinHash = settings.stringValue(kMaintenancePinHash);
    if (!pinHash.isEmpty() && pinHash.section(QLatin1Char('$'), 1, 1).toInt() < kPinMinIterations) {
        return configError(kMaintenancePinHash,
                           QStringLiteral("uses fewer than %1 PBKDF2 iterations; make a new one "
                                          "with kioskctl maintenance pin-hash")
                               .arg(kPinMinIterations));
    }
    return {};
}

}  // namespace

Settings Settings::defaults() {
    Settings settings;
    for (const auto& spec : settingSpecs())
        settings.values_.insert(spec.key, spec.defaultValue);
    return settings;
}

Result<Settings> Settings::fromJson(const QByteArray& json) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return configError({}, QStringLiteral("not valid JSON at offset %1: %2")
                                   .arg(parseError.offset)
                                   .arg(parseError.errorString()));
    }
    if (!document.isObject()) return configError({}, "the top level must be a JSON object");
    const QJsonObject root = document.object();
    if (!root.contains(keys::kSchemaVersion)) return configError(keys::kSchemaVersion, "required");
    if (root.value(keys::kSchemaVersion).toInt(-1) != kSupportedSchemaVersion) {
        return configError(keys::kSchemaVersion,
                           QStringLiteral("%1 is not supported (this build reads %2)")
                               .arg(root.value(keys::kSchemaVersion).toVariant().toString())
                               .arg(kSupportedSchemaVersion));
    }
    Settings settings = defaults();
    QHash<QString, QVariant> read;
    if (auto status = collect(root, {}, read); !status) return status.error();
    settings.values_.insert(read);
    if (auto status = crossCheck(settings); !status) return status.error();
    return settings;
}

Result<Settings> Settings::load(const QString& path) {
    // A device, a FIFO or a directory is never a config file: /dev/zero would be read forever.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        return configError({}, path + " is not a regular file");
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::NotFound, "config.unreadable",
                         (path + ": " + file.errorString()).toStdString());
    }
    constexpr qint64 kMaxConfigSize_bytes = 1 << 20;
    // Read one byte past the limit rather than trusting the size the file claims.
    const QByteArray content = file.read(kMaxConfigSize_bytes + 1);
    if (content.size() > kMaxConfigSize_bytes) {
        return configError({}, path + " is larger than 1 MiB");
    }
    return fromJson(content).withContext(path.toStdString());
}

QString Settings::resolvePath(const QString& commandLinePath) {
    if (!commandLinePath.isEmpty()) return commandLinePath;
    const QString fromEnvironment = qEnvironmentVariable(kConfigPathEnv);
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    return QString::fromLatin1(kDefaultConfigPath);
}

QVariant Settings::value(const QString& key) const {
    Q_ASSERT_X(findSpec(key) != nullptr, "Settings::value", "undeclared setting");
    return values_.value(key);
}

bool Settings::boolValue(const QString& key) const {
    return value(key).toBool();
}
int Settings::intValue(const QString& key) const {
    return value(key).toInt();
}
QString Settings::stringValue(const QString& key) const {
    return value(key).toString();
}

QStringList Settings::describeForLog() const {
    QStringList lines;
    for (const auto& spec : settingSpecs()) {
        const QVariant current = values_.value(spec.key);
        QString shown = current.toString();
        if (spec.sensitive) shown = shown.isEmpty() ? "<unset>" : "<set>";
        lines << spec.key + " = " + shown;
    }
    return lines;
}

Status Settings::set(const QString& key, const QVariant& value) {
    const SettingSpec* spec = findSpec(key);
    if (spec == nullptr) return configError(key, "unknown setting");
    auto converted = convert(*spec, QJsonValue::fromVariant(value));
    if (!converted) return converted.error();
    const QVariant before = values_.value(key);
    values_.insert(key, converted.value());
    if (auto status = crossCheck(*this); !status) {
        values_.insert(key, before);
        return status;
    }
    return {};
}

}  // namespace lobby::config
