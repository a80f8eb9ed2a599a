// kioskctl enroll --platform URL --token T --ca FILE [--terminal-id ID] [--dir DIR] [--force]
//                [--kiosk-user NAME]
// Makes the terminal's key here (EC P-256), sends a certificate request with the one-time token,
// and stores what comes back: DIR/client.key, DIR/client.pem, DIR/ca.pem. Run as root on a kiosk
// with its `lobby-kiosk` user, DIR is root's, 0750 with group lobby-kiosk, and the key 0640 in
// that group: the kiosk reads its enrollment but cannot change it, and nothing it plants there
// (a symlink in place of a file or of DIR) makes root write elsewhere. Otherwise DIR is 0700
// and the key 0600, the caller's own.
// An enrolled terminal is not enrolled again without --force (its certificate would be lost).
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <tuple>

#include "commands.h"
#include "config/settings.h"
#include "platform/platform_client.h"
#include "platform/terminal_key.h"
#include "safe_fs.h"

namespace lobby::ctl {
namespace {

constexpr const char* kDefaultDir = "/var/lib/lobby-kiosk/enrollment";
// The packaged kiosk runs as this user (packaging/systemd/lobby-kiosk.sysusers); --kiosk-user
// names another.
constexpr const char* kKioskUser = "lobby-kiosk";

int fail(const std::string& why, int code = kExitFailed) {
    std::fprintf(stderr, "kioskctl enroll: %s\n", why.c_str());
    return code;
}

// Root enrolling a kiosk that has its own user: root keeps the enrollment, the kiosk's group reads.
std::optional<Ownership> kioskGroupOwnership(const QString& kioskUser) {
    if (::geteuid() != 0) return std::nullopt;
    const passwd* user = ::getpwnam(kioskUser.toLocal8Bit().constData());
    if (user == nullptr) return std::nullopt;
    return Ownership{0, user->pw_gid};
}

}  // namespace

int enrollCommand(const QStringList& args) {
    QString platformUrl, token, caFile, terminalId, dir = QString::fromLatin1(kDefaultDir);
    QString kioskUser = QString::fromLatin1(kKioskUser);
    bool force = false;
    for (int i = 0; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == "--platform" && hasValue) {
            platformUrl = args[++i];
        } else if (args[i] == "--token" && hasValue) {
            token = args[++i];
        } else if (args[i] == "--ca" && hasValue) {
            caFile = args[++i];
        } else if (args[i] == "--terminal-id" && hasValue) {
            terminalId = args[++i];
        } else if (args[i] == "--dir" && hasValue) {
            dir = args[++i];
        } else if (args[i] == "--kiosk-user" && hasValue) {
            kioskUser = args[++i];
        } else if (args[i] == "--force") {
            force = true;
        } else {
            platformUrl.clear();
            break;
        }
    }
    if (platformUrl.isEmpty() || token.isEmpty() || caFile.isEmpty()) {
        std::fputs(
            "usage: kioskctl enroll --platform URL --token T --ca FILE [--terminal-id ID] "
            "[--dir DIR] [--force] [--kiosk-user NAME]\n",
            stderr);
        return kExitUsage;
    }
    if (!platformUrl.startsWith("https://"))
        return fail("the platform URL must be https://", kExitInvalid);
    if (terminalId.isEmpty()) {
        const QString configPath = config::Settings::resolvePath({});
        auto settings = QFile::exists(configPath)
                            ? config::Settings::load(configPath)
                            : Result<config::Settings>(config::Settings::defaults());
        if (!settings) return fail(settings.error().message, kExitInvalid);
        terminalId = settings->stringValue(config::keys::kTerminalId);
    }
    const std::filesystem::path directory = dir.toStdString();
    auto directoryFd = openDirectory(directory, true);
    if (!directoryFd)
        return fail("cannot use " + directory.string() + ": " + directoryFd.error().message);
    struct stat existing {};
    if (::fstatat(directoryFd->get(), "client.pem", &existing, AT_SYMLINK_NOFOLLOW) == 0 &&
        !force) {
        return fail("this terminal is already enrolled (" + (directory / "client.pem").string() +
                    "); use --force to enroll it again");
    }
    const std::optional<Ownership> owner = kioskGroupOwnership(kioskUser);
    const Ownership* kioskGroup = owner ? &*owner : nullptr;
    if (auto secured = secureDirectory(directoryFd->get(), kioskGroup ? 0750 : 0700, kioskGroup);
        !secured) {
        return fail("cannot secure " + directory.string() + ": " + secured.error().message);
    }

    auto key = platform::generateTerminalKey(terminalId.toStdString());
    if (!key) return fail(key.error().message);
    platform::ClientConfig config;
    config.baseUrl = platformUrl.toStdString();
    config.caBundle = caFile.toStdString();
    platform::PlatformClient client(config);
    auto enrolled = client.enroll(token.toStdString(), terminalId.toStdString(), key->csrPem);
    if (!enrolled) {
        const auto refusal = client.lastRefusal();
        return fail(refusal ? refusal->en + " (" + refusal->code + ")" : enrolled.error().message);
    }
    const int fd = directoryFd->get();
    for (const auto& [name, content, mode] :
         {std::tuple<const char*, const std::string&, mode_t>{"client.key", key->privateKeyPem,
                                                              kioskGroup ? 0640 : 0600},
          {"client.pem", enrolled->certificatePem, 0644},
          {"ca.pem", enrolled->caBundlePem, 0644}}) {
        if (auto written = writeFileAt(fd, name, content, mode, kioskGroup); !written) {
            return fail("cannot write " + (directory / name).string() + ": " +
                        written.error().message);
        }
    }
    std::printf("enrolled %s: certificate in %s\n", qPrintable(terminalId),
                (directory / "client.pem").c_str());
    return kExitOk;
}

}  // namespace lobby::ctl
