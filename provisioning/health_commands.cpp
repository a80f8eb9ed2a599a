// kioskctl status | selftest [--config FILE] [--json]
// kioskctl diag bundle OUT.tar.gz [--config FILE]
// kioskctl reset --factory --yes [--discard-unsettled] [--config FILE]
// status: enrollment, platform, scene, journal and the devices; exit 0 unless the configuration
// cannot be read. selftest: each configured device present and answering (printer paper
// included); exit 1 when a required one fails. diag bundle: what a support engineer needs, no
// personal data and no keys. reset --factory: forgets enrollment, scene and journal (state in
// /var/lib/lobby-kiosk), never a journal that still owes the platform a settlement unless told.
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <cstdio>

#include "commands.h"
#include "common/privacy.h"
#include "config/settings.h"
#include "journal/transaction_journal.h"
#include "kiosk_checks.h"
#include "safe_fs.h"

namespace lobby::ctl {
namespace {

using namespace config::keys;

constexpr int kLogCommand_ms = 15'000;
constexpr int kTar_ms = 30'000;

int fail(const QString& why, int code = kExitFailed) {
    std::fprintf(stderr, "kioskctl: %s\n", qPrintable(why));
    return code;
}

// --config FILE and the flags named in `flags`; the rest are positional. nullopt: bad usage.
struct Options {
    QString config;
    QStringList flags;
    QStringList positional;
};
std::optional<Options> parseOptions(const QStringList& args, const QStringList& knownFlags) {
    Options options;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == "--config" && i + 1 < args.size()) {
            options.config = args[++i];
        } else if (args[i].startsWith("--")) {
            if (!knownFlags.contains(args[i])) return std::nullopt;
            options.flags << args[i];
        } else {
            options.positional << args[i];
        }
    }
    return options;
}

std::optional<config::Settings> loadSettings(const QString& commandLinePath) {
    const QString path = config::Settings::resolvePath(commandLinePath);
    if (!QFile::exists(path) && commandLinePath.isEmpty()) return config::Settings::defaults();
    auto settings = config::Settings::load(path);
    if (!settings) {
        fail(path + ": " + QString::fromStdString(settings.error().message), kExitInvalid);
        return std::nullopt;
    }
    return settings.value();
}

QJsonObject report(const QList<Check>& checks) {
    QJsonArray list;
    bool allRequiredOk = true;
    for (const auto& check : checks) {
        list.append(QJsonObject{{"name", check.name},
                                {"required", check.required},
                                {"ok", check.ok},
                                {"detail", check.detail}});
        allRequiredOk = allRequiredOk && (check.ok || !check.required);
    }
    return {{"ok", allRequiredOk}, {"checks", list}};
}

void printReport(const QJsonObject& json, bool asJson) {
    if (asJson) {
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        return;
    }
    for (const auto& value : json["checks"].toArray()) {
        const QJsonObject check = value.toObject();
        const char* mark =
            check["ok"].toBool() ? "ok  " : (check["required"].toBool() ? "FAIL" : "warn");
        std::printf("%s %-11s %s\n", mark, qPrintable(check["name"].toString()),
                    qPrintable(check["detail"].toString()));
    }
}

// Defence in depth for the logs in a bundle: the kiosk already masks personal data, but an ID,
// residence or mobile number that slipped through is masked here too.
QString scrubbed(const QString& text) {
    return QString::fromStdString(privacy::scrubPersonalData(text.toStdString()));
}

// Staged files and the bundle hold the kiosk's configuration and logs: the owner's alone.
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

bool writeText(const QString& path, const QString& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.setPermissions(kOwnerOnly) && file.write(text.toUtf8()) >= 0;
}

int status(const QStringList& args, bool selftest) {
    auto options = parseOptions(args, {"--json"});
    if (!options || !options->positional.isEmpty()) {
        std::fprintf(stderr, "usage: kioskctl %s [--config FILE] [--json]\n",
                     selftest ? "selftest" : "status");
        return kExitUsage;
    }
    auto settings = loadSettings(options->config);
    if (!settings) return kExitInvalid;
    const RunningKiosk kiosk =
        runningKiosk(*settings, static_cast<long>(QDateTime::currentSecsSinceEpoch()));
    QList<Check> checks{kiosk.check};
    if (!selftest) checks << terminalChecks(*settings);
    checks << deviceChecks(*settings, kiosk.report);
    QJsonObject json = report(checks);
    json.insert("terminal_id", settings->stringValue(kTerminalId));
    printReport(json, options->flags.contains("--json"));
    return selftest && !json["ok"].toBool() ? kExitFailed : kExitOk;
}

int diagBundle(const QStringList& args) {
    auto options = parseOptions(args, {});
    if (!options || options->positional.size() != 2 || options->positional[0] != "bundle") {
        std::fputs("usage: kioskctl diag bundle OUT.tar.gz [--config FILE]\n", stderr);
        return kExitUsage;
    }
    auto settings = loadSettings(options->config);
    if (!settings) return kExitInvalid;
    QTemporaryDir staging;
    if (!staging.isValid()) return fail("cannot make a temporary directory");
    const QString dir = staging.path() + "/lobby-kiosk-diag";
    QDir().mkpath(dir);

    // describeForLog shows sensitive settings only as <set> / <unset>.
    bool written = writeText(dir + "/config.txt", settings->describeForLog().join('\n') + '\n');
    written &= writeText(dir + "/versions.txt",
                         QStringLiteral("kioskctl %1\nQt %2\n%3 %4\nkernel %5\n")
                             .arg(LOBBY_VERSION, qVersion(), QSysInfo::prettyProductName(),
                                  QSysInfo::currentCpuArchitecture(), QSysInfo::kernelVersion()));
    QList<Check> checks = terminalChecks(*settings);
    checks << deviceChecks(*settings);
    written &=
        writeText(dir + "/status.json", QString::fromUtf8(QJsonDocument(report(checks)).toJson()));
    const QString scene = settings->stringValue(kSceneStateDir) + "/current.scene";
    if (QFile::exists(scene)) written &= QFile::copy(scene, dir + "/current.scene");

    QProcess journalctl;
    journalctl.start("journalctl",
                     {"--no-pager", "-o", "short-iso", "-n", "5000", "-u", "lobby-kiosk.service"});
    QString logs = QStringLiteral("(journalctl is not available)\n");
    if (journalctl.waitForFinished(kLogCommand_ms) &&
        journalctl.exitStatus() == QProcess::NormalExit)
        logs = QString::fromUtf8(journalctl.readAllStandardOutput());
    written &= writeText(dir + "/logs.txt", scrubbed(logs));
    if (!written) return fail("cannot write the bundle's files");

    const QString out = QFileInfo(options->positional[1]).absoluteFilePath();
    // Made 0600 before tar writes into it (tar keeps an existing file's mode); not through a
    // link planted at OUT.
    if (QFileInfo(out).isSymLink() && !QFile::remove(out)) return fail("cannot replace " + out);
    {
        QFile bundle(out);
        if (!bundle.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            !bundle.setPermissions(kOwnerOnly))
            return fail("cannot write " + out);
    }
    QProcess tar;
    tar.start("tar", {"-czf", out, "-C", staging.path(), "lobby-kiosk-diag"});
    if (!tar.waitForFinished(kTar_ms) || tar.exitCode() != 0)
        return fail("tar failed: " + QString::fromUtf8(tar.readAllStandardError()));
    if (!QFile::setPermissions(out, kOwnerOnly)) return fail("cannot make " + out + " private");
    std::printf("diagnostics in %s (config without secrets, versions, status, scene, logs)\n",
                qPrintable(out));
    return kExitOk;
}

int factoryReset(const QStringList& args) {
    auto options = parseOptions(args, {"--factory", "--yes", "--discard-unsettled"});
    if (!options || !options->positional.isEmpty() || !options->flags.contains("--factory")) {
        std::fputs("usage: kioskctl reset --factory --yes [--discard-unsettled] [--config FILE]\n",
                   stderr);
        return kExitUsage;
    }
    if (!options->flags.contains("--yes"))
        return fail("this forgets the enrollment, the scene and the journal; add --yes to do it",
                    kExitInvalid);
    auto settings = loadSettings(options->config);
    if (!settings) return kExitInvalid;
    const QString journalPath = settings->stringValue(kJournalPath);
    if (QFile::exists(journalPath) && !options->flags.contains("--discard-unsettled")) {
        auto journal = journal::TransactionJournal::open(journalPath.toStdString());
        if (!journal) return fail(QString::fromStdString(journal.error().message));
        auto open = journal.value()->unfinished();
        if (!open) return fail(QString::fromStdString(open.error().message));
        if (!open->empty()) {
            return fail(QStringLiteral("the journal holds %1 transactions not yet settled with the "
                                       "platform; start the kiosk online to settle them, or add "
                                       "--discard-unsettled")
                            .arg(open->size()));
        }
    }
    // The kiosk's user owns these directories: a symlink it planted is removed, never followed.
    QStringList removed;
    for (const QString& path :
         {settings->stringValue(kPlatformClientCert), settings->stringValue(kPlatformClientKey),
          journalPath, journalPath + "-wal", journalPath + "-shm",
          settings->stringValue(kSceneStateDir)}) {
        if (path.isEmpty() || (!QFileInfo(path).exists() && !QFileInfo(path).isSymLink())) continue;
        if (auto gone = removePath(path.toStdString()); !gone)
            return fail("cannot remove " + path + ": " +
                        QString::fromStdString(gone.error().message));
        removed << path;
    }
    std::printf("factory reset: removed %lld item(s)%s\n", static_cast<long long>(removed.size()),
                removed.isEmpty() ? "" : qPrintable(": " + removed.join(", ")));
    return kExitOk;
}

}  // namespace

int statusCommand(const QStringList& args) {
    return status(args, false);
}
int selftestCommand(const QStringList& args) {
    return status(args, true);
}
int diagCommand(const QStringList& args) {
    return diagBundle(args);
}
int resetCommand(const QStringList& args) {
    return factoryReset(args);
}

}  // namespace lobby::ctl
