// kioskctl fleet: the admins' view of their kiosks.
//   fleet status --platform URL --group G --cert PEM --key PEM --ca PEM [--json]
//   fleet release ...   (staged rollouts: rollout_commands.cpp)
// Every terminal of the group with its last heartbeat: when, its software and scene versions, its
// devices, the scene it last refused and its last error, and its last update step. Nothing of
// patients: heartbeats hold none.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

#include "admin_connection.h"
#include "commands.h"
#include "platform/https_platform_client.h"

namespace lobby::ctl {
namespace {

int fail(const std::string& why, int code = kExitFailed) {
    std::fprintf(stderr, "kioskctl fleet: %s\n", why.c_str());
    return code;
}

int usage() {
    std::fputs(
        "usage: kioskctl fleet status --platform URL --group G --cert PEM --key PEM --ca PEM "
        "[--json]\n"
        "       kioskctl fleet release publish|status|pause|resume|advance ...\n",
        stderr);
    return kExitUsage;
}

QString age(std::int64_t at, std::int64_t now) {
    const auto seconds = std::max<std::int64_t>(0, now - at);
    if (seconds < 120) return QStringLiteral("%1 s ago").arg(seconds);
    if (seconds < 7200) return QStringLiteral("%1 min ago").arg(seconds / 60);
    return QStringLiteral("%1 h ago").arg(seconds / 3600);
}

QJsonObject asJson(const platform::FleetTerminal& terminal) {
    QJsonObject object{{"terminal_id", QString::fromStdString(terminal.terminalId)}};
    object["heartbeat_at"] = terminal.heartbeatAt
                                 ? QJsonValue(static_cast<qint64>(*terminal.heartbeatAt))
                                 : QJsonValue();
    if (terminal.heartbeat) {
        const auto& beat = *terminal.heartbeat;
        QJsonObject devices;
        for (const auto& [name, state] : beat.devices)
            devices[QString::fromStdString(name)] = QString::fromStdString(state);
        object["software_version"] = QString::fromStdString(beat.softwareVersion);
        object["scene_version"] = static_cast<qint64>(beat.sceneVersion);
        object["devices"] = devices;
        object["rejected_scene"] = QString::fromStdString(beat.rejectedScene);
        object["last_error"] = QString::fromStdString(beat.lastError);
        object["uptime_s"] = static_cast<qint64>(beat.uptime_s);
        QJsonObject packages;
        for (const auto& [name, version] : beat.packages)
            packages[QString::fromStdString(name)] = QString::fromStdString(version);
        object["packages"] = packages;
    }
    if (terminal.update) object["update"] = updateStepJson(*terminal.update, false);
    return object;
}

int status(const QStringList& args) {
    auto line = parseCommandLine(args, QStringList(kConnectionOptions) << "group", {"json"});
    if (!line || !line->positional.isEmpty() || line->values.count("group") != 1) return usage();
    const bool asJsonOutput = line->flags.contains("json");
    std::string why;
    bool usageError = false;
    auto connection = adminConnection(*line, why, usageError);
    if (!connection) return usageError ? usage() : fail(why, kExitInvalid);
    platform::HttpsPlatformClient client(connection->config);
    const QString group = line->value("group");
    auto fleet = client.fleet(group.toStdString());
    if (!fleet) return fail(refusalLine(client, fleet.error()));
    if (asJsonOutput) {
        QJsonArray list;
        for (const auto& terminal : fleet.value())
            list.append(asJson(terminal));
        std::printf("%s\n", QJsonDocument(QJsonObject{{"group", group}, {"terminals", list}})
                                .toJson(QJsonDocument::Indented)
                                .constData());
        return kExitOk;
    }
    const auto now = QDateTime::currentSecsSinceEpoch();
    std::printf("%-16s %-14s %-10s %-6s %s\n", "terminal", "heartbeat", "software", "scene",
                "devices not ready, refused scene, last error");
    for (const auto& terminal : fleet.value()) {
        if (!terminal.heartbeat) {
            std::printf("%-16s %-14s\n", terminal.terminalId.c_str(), "never");
            continue;
        }
        const auto& beat = *terminal.heartbeat;
        QStringList trouble;
        for (const auto& [name, state] : beat.devices) {
            if (state != "ready" && state != "absent")
                trouble << QString::fromStdString(name + " " + state);
        }
        if (!beat.rejectedScene.empty())
            trouble << "refused scene: " + QString::fromStdString(beat.rejectedScene);
        if (!beat.lastError.empty()) trouble << "error: " + QString::fromStdString(beat.lastError);
        if (const auto& step = terminal.update) {
            trouble << QStringLiteral("update %1 %2 -> %3%4")
                           .arg(QString::fromUtf8(platform::toString(step->phase).data()),
                                QString::fromStdString(step->fromVersion),
                                QString::fromStdString(step->toVersion),
                                step->ok ? QString()
                                         : (" FAILED " + QString::fromStdString(step->errorCode))
                                               .trimmed()
                                               .prepend(' '));
        }
        std::printf("%-16s %-14s %-10s %-6lld %s\n", terminal.terminalId.c_str(),
                    qPrintable(age(*terminal.heartbeatAt, now)), beat.softwareVersion.c_str(),
                    beat.sceneVersion,
                    trouble.isEmpty() ? "all ready" : qPrintable(trouble.join("; ")));
    }
    std::printf("%zu terminal(s) in group %s\n", fleet->size(), qPrintable(group));
    return kExitOk;
}

}  // namespace

int fleetCommand(const QStringList& args) {
    if (!args.isEmpty() && args[0] == "status") return status(args.mid(1));
    if (!args.isEmpty() && args[0] == "release") return fleetReleaseCommand(args.mid(1));
    return usage();
}

}  // namespace lobby::ctl
