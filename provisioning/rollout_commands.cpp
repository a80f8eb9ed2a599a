// kioskctl fleet release: the admins' staged rollouts on the platform.
//   fleet release publish --scene-type T --stage canary:ID[,ID] | --stage PERCENT [--stage ...]
//                         [--window HH:MM-HH:MM] [--max-per-hospital N] [--pause-at SHARE]
//                         [--min-outcomes N] [--signature SIG] [--packages DIR] MANIFEST CONNECTION
//        (uploads the manifest's packages from DIR, by default the manifest's folder, then
//         publishes; SIG defaults to MANIFEST.sig)
//   fleet release upload DEB [DEB...] CONNECTION
//        (packages kiosks already run, such as the version they were installed with by hand, under
//         Debian's file names: what a kiosk rolls back to when it keeps no copy of its own)
//   fleet release status [ROLLOUT_ID] [--json] CONNECTION
//   fleet release pause ROLLOUT_ID [--reason TEXT] CONNECTION
//   fleet release resume|advance ROLLOUT_ID CONNECTION
// CONNECTION: --platform https://… --cert PEM --key PEM --ca PEM (an administrator's).
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "admin_connection.h"
#include "commands.h"
#include "common/file_text.h"
#include "update/release_manifest.h"

namespace lobby::ctl {
namespace {

int fail(const std::string& why, int code = kExitFailed) {
    std::fprintf(stderr, "kioskctl fleet release: %s\n", why.c_str());
    return code;
}

int usage() {
    std::fputs(
        "usage: kioskctl fleet release publish --scene-type T --stage canary:ID[,ID]|PERCENT "
        "[--stage ...] [--window HH:MM-HH:MM] [--max-per-hospital N] [--pause-at SHARE] "
        "[--min-outcomes N] [--signature SIG] [--packages DIR] MANIFEST CONNECTION\n"
        "       kioskctl fleet release upload DEB [DEB...] CONNECTION\n"
        "       kioskctl fleet release status [ROLLOUT_ID] [--json] CONNECTION\n"
        "       kioskctl fleet release pause ROLLOUT_ID [--reason TEXT] CONNECTION\n"
        "       kioskctl fleet release resume|advance ROLLOUT_ID CONNECTION\n"
        "CONNECTION: --platform https://... --cert PEM --key PEM --ca PEM\n",
        stderr);
    return kExitUsage;
}

// The connection, or the exit code after saying why.
std::optional<platform::ClientConfig> connect(const CommandLine& line, int& code) {
    std::string why;
    bool usageError = false;
    auto connection = adminConnection(line, why, usageError);
    if (connection) return connection->config;
    code = usageError ? usage() : fail(why, kExitInvalid);
    return std::nullopt;
}

// "canary:T-1,T-2" or "10" as the contract's stage.
std::optional<nlohmann::json> stageOf(const QString& text) {
    if (text.startsWith("canary:")) {
        nlohmann::json names = nlohmann::json::array();
        for (const auto& name : text.mid(7).split(',', Qt::SkipEmptyParts))
            names.push_back(name.toStdString());
        if (names.empty()) return std::nullopt;
        return nlohmann::json{{"canaries", names}};
    }
    bool number = false;
    const int percent = text.toInt(&number);
    if (!number || percent < 1 || percent > 100) return std::nullopt;
    return nlohmann::json{{"percent", percent}};
}

void printRollout(const platform::RolloutStatus& rollout) {
    std::printf("%s  release %s (counter %lld) for %s, stage %d of %d, window %s-%s%s\n",
                rollout.id.c_str(), rollout.release.c_str(),
                static_cast<long long>(rollout.counter), rollout.sceneType.c_str(),
                rollout.stage + 1, rollout.stageCount, rollout.windowFrom.c_str(),
                rollout.windowTo.c_str(),
                rollout.paused ? ("  PAUSED: " + rollout.pauseReason).c_str() : "");
    std::printf("  installing %d, committed %d, rolled back %d, abandoned %d\n", rollout.installing,
                rollout.committed, rollout.rolledBack, rollout.abandoned);
    for (const auto& step : rollout.terminals) {
        char took[64] = "";
        if (step.phase_ms > 0)
            std::snprintf(took, sizeof took, "  after %.1f s, out of service %.1f s",
                          static_cast<double>(step.phase_ms) / 1000.0,
                          static_cast<double>(step.outOfService_ms) / 1000.0);
        std::printf("  %-16s %-12s %-4s %s -> %s%s%s\n", step.terminalId.c_str(),
                    std::string(platform::toString(step.phase)).c_str(), step.ok ? "ok" : "FAIL",
                    step.fromVersion.c_str(), step.toVersion.c_str(),
                    step.errorCode.empty() ? "" : ("  " + step.errorCode).c_str(), took);
    }
}

QJsonObject asJson(const platform::RolloutStatus& rollout) {
    QJsonArray terminals;
    for (const auto& step : rollout.terminals) {
        terminals.append(updateStepJson(step, true));
    }
    return {{"rollout_id", QString::fromStdString(rollout.id)},
            {"scene_type", QString::fromStdString(rollout.sceneType)},
            {"release", QString::fromStdString(rollout.release)},
            {"counter", static_cast<qint64>(rollout.counter)},
            {"stage", rollout.stage},
            {"stage_count", rollout.stageCount},
            {"paused", rollout.paused},
            {"pause_reason", QString::fromStdString(rollout.pauseReason)},
            {"installing", rollout.installing},
            {"committed", rollout.committed},
            {"rolled_back", rollout.rolledBack},
            {"abandoned", rollout.abandoned},
            {"terminals", terminals}};
}

int publish(const CommandLine& line) {
    if (line.positional.size() != 1 || line.values.count("scene-type") != 1 ||
        line.all("stage").isEmpty())
        return usage();
    int code = kExitOk;
    auto config = connect(line, code);
    if (!config) return code;
    const QString manifestPath = line.positional[0];
    std::string bytes;
    update::ReleaseManifest manifest;
    if (int loaded = loadManifest(manifestPath, bytes, manifest); loaded != kExitOk) return loaded;
    auto signature = readSignatureFile(line.values.value("signature", manifestPath + ".sig"));
    if (!signature) return fail("no signature file (sign the manifest first)", kExitInvalid);
    nlohmann::json request = {{"scene_type", line.value("scene-type").toStdString()},
                              {"manifest_json", bytes},
                              {"signature_base64", *signature},
                              {"stages", nlohmann::json::array()}};
    for (const auto& text : line.all("stage")) {
        auto stage = stageOf(text);
        if (!stage) return fail("a stage is canary:ID[,ID] or a percentage 1..100", kExitInvalid);
        request["stages"].push_back(*stage);
    }
    if (line.values.contains("window")) {
        const QStringList ends = line.value("window").split('-');
        if (ends.size() != 2) return fail("the window is HH:MM-HH:MM", kExitInvalid);
        request["window"] = {{"from", ends[0].toStdString()}, {"to", ends[1].toStdString()}};
    }
    for (const auto& [option, field] :
         {std::pair{"max-per-hospital", "max_concurrent_per_hospital"},
          std::pair{"min-outcomes", "min_outcomes_before_pause"}}) {
        if (!line.values.contains(option)) continue;
        bool number = false;
        const int value = line.value(option).toInt(&number);
        if (!number) return fail(std::string("--") + option + " is a number", kExitInvalid);
        request[field] = value;
    }
    if (line.values.contains("pause-at")) {
        bool number = false;
        const double share = line.value("pause-at").toDouble(&number);
        if (!number) return fail("--pause-at is a share such as 0.2", kExitInvalid);
        request["pause_at_failure_share"] = share;
    }
    platform::HttpsPlatformClient client(*config);
    const QString folder = line.values.value("packages", QFileInfo(manifestPath).absolutePath());
    for (const auto& package : manifest.packages) {
        const std::string path = (folder + "/").toStdString() + package.file;
        auto deb = readSmallFile(path, static_cast<std::size_t>(update::kMaxPackageBytes));
        if (!deb) return fail(path + ": " + deb.error().message);
        if (static_cast<std::int64_t>(deb->size()) != package.size ||
            update::sha256Hex(*deb) != package.sha256)
            return fail(path + " is not the package the manifest names", kExitInvalid);
        if (auto sent = client.putPackage(package.file, *deb); !sent)
            return fail("uploading " + package.file + ": " + refusalLine(client, sent.error()));
        std::printf("uploaded %s (%lld bytes)\n", package.file.c_str(),
                    static_cast<long long>(package.size));
    }
    auto published = client.publishRollout(request.dump());
    if (!published) return fail(refusalLine(client, published.error()));
    printRollout(published.value());
    return kExitOk;
}

int upload(const CommandLine& line) {
    if (line.positional.isEmpty()) return usage();
    int code = kExitOk;
    auto config = connect(line, code);
    if (!config) return code;
    platform::HttpsPlatformClient client(*config);
    for (const auto& path : line.positional) {
        const std::string file = QFileInfo(path).fileName().toStdString();
        if (!update::isDebFileName(file) || file.find('_') == std::string::npos)
            return fail(file + " is not a package's Debian file name (NAME_VERSION_ARCH.deb)",
                        kExitInvalid);
        auto deb =
            readSmallFile(path.toStdString(), static_cast<std::size_t>(update::kMaxPackageBytes));
        if (!deb) return fail(path.toStdString() + ": " + deb.error().message);
        if (auto sent = client.putPackage(file, *deb); !sent)
            return fail("uploading " + file + ": " + refusalLine(client, sent.error()));
        std::printf("uploaded %s (%zu bytes)\n", file.c_str(), deb->size());
    }
    return kExitOk;
}

int status(const CommandLine& line) {
    if (line.positional.size() > 1) return usage();
    int code = kExitOk;
    auto config = connect(line, code);
    if (!config) return code;
    platform::HttpsPlatformClient client(*config);
    std::vector<platform::RolloutStatus> shown;
    if (line.positional.size() == 1) {
        auto one = client.rollout(line.positional[0].toStdString());
        if (!one) return fail(refusalLine(client, one.error()));
        shown.push_back(std::move(one.value()));
    } else {
        auto all = client.rollouts();
        if (!all) return fail(refusalLine(client, all.error()));
        shown = std::move(all.value());
    }
    if (line.flags.contains("json")) {
        QJsonArray list;
        for (const auto& rollout : shown)
            list.append(asJson(rollout));
        std::printf("%s\n", QJsonDocument(QJsonObject{{"rollouts", list}})
                                .toJson(QJsonDocument::Indented)
                                .constData());
        return kExitOk;
    }
    for (const auto& rollout : shown)
        printRollout(rollout);
    std::printf("%zu rollout(s)\n", shown.size());
    return kExitOk;
}

int change(const QString& action, const CommandLine& line) {
    if (line.positional.size() != 1 || (action != "pause" && line.values.contains("reason")))
        return usage();
    int code = kExitOk;
    auto config = connect(line, code);
    if (!config) return code;
    platform::HttpsPlatformClient client(*config);
    auto changed = client.changeRollout(line.positional[0].toStdString(), action.toStdString(),
                                        line.value("reason").toStdString());
    if (!changed) return fail(refusalLine(client, changed.error()));
    printRollout(changed.value());
    return kExitOk;
}

}  // namespace

QJsonObject updateStepJson(const platform::TerminalUpdateStep& step, bool named) {
    const auto phase = platform::toString(step.phase);
    QJsonObject object{
        {"phase", QString::fromUtf8(phase.data(), static_cast<qsizetype>(phase.size()))},
        {"ok", step.ok},
        {"error_code", QString::fromStdString(step.errorCode)},
        {"from_version", QString::fromStdString(step.fromVersion)},
        {"to_version", QString::fromStdString(step.toVersion)},
        {"at", static_cast<qint64>(step.at)},
        {"phase_ms", static_cast<qint64>(step.phase_ms)},
        {"out_of_service_ms", static_cast<qint64>(step.outOfService_ms)}};
    if (named)
        object["terminal_id"] = QString::fromStdString(step.terminalId);
    else
        object["rollout_id"] = QString::fromStdString(step.rolloutId);
    return object;
}

int fleetReleaseCommand(const QStringList& args) {
    if (args.isEmpty()) return usage();
    QStringList valued = kConnectionOptions;
    valued << "scene-type"
           << "stage"
           << "window"
           << "max-per-hospital"
           << "pause-at"
           << "min-outcomes"
           << "signature"
           << "packages"
           << "reason";
    auto line = parseCommandLine(args.mid(1), valued, {"json"});
    if (!line) return usage();
    const QString verb = args[0];
    if (verb == "publish") return publish(*line);
    if (verb == "upload") return upload(*line);
    if (verb == "status") return status(*line);
    if (verb == "pause" || verb == "resume" || verb == "advance") return change(verb, *line);
    return usage();
}

}  // namespace lobby::ctl
