// kioskctl enroll --platform URL --token T --ca FILE [--terminal-id ID] [--dir DIR] [--force]
// Makes the terminal's key here (EC P-256), sends a certificate request with the one-time token,
// and stores what comes back: DIR/client.key (0600), DIR/client.pem, DIR/ca.pem, in a 0700 DIR.
// An enrolled terminal is not enrolled again without --force (its certificate would be lost).
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "commands.h"
#include "config/settings.h"
#include "platform/platform_client.h"
#include "platform/terminal_key.h"

namespace lobby::ctl {
namespace {

constexpr const char* kDefaultDir = "/var/lib/lobby-kiosk/enrollment";
// The packaged kiosk runs as this user (packaging/systemd/lobby-kiosk.sysusers).
constexpr const char* kKioskUser = "lobby-kiosk";

int fail(const std::string& why, int code = kExitFailed) {
    std::fprintf(stderr, "kioskctl enroll: %s\n", why.c_str());
    return code;
}

// Written next to its final name, then renamed: a crash never leaves half a key or certificate.
bool writeFile(const std::filesystem::path& path, const std::string& content, mode_t mode) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        ::chmod(temporary.c_str(), mode);  // before the content: a key is never world-readable
        out << content;
        if (!out.flush()) return false;
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    return !error;
}

}  // namespace

int enrollCommand(const QStringList& args) {
    QString platformUrl, token, caFile, terminalId, dir = QString::fromLatin1(kDefaultDir);
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
            "[--dir DIR] [--force]\n",
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
    if (std::filesystem::exists(directory / "client.pem") && !force) {
        return fail("this terminal is already enrolled (" + (directory / "client.pem").string() +
                    "); use --force to enroll it again");
    }
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error || ::chmod(directory.c_str(), 0700) != 0)
        return fail("cannot create " + directory.string());

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
    if (!writeFile(directory / "client.key", key->privateKeyPem, 0600) ||
        !writeFile(directory / "client.pem", enrolled->certificatePem, 0644) ||
        !writeFile(directory / "ca.pem", enrolled->caBundlePem, 0644)) {
        return fail("cannot write the enrollment into " + directory.string());
    }
    // A technician enrolls as root; the kiosk, running as its own user, must read what was stored.
    if (::geteuid() == 0) {
        if (const passwd* user = ::getpwnam(kKioskUser)) {
            for (const auto& path : {directory, directory / "client.key", directory / "client.pem",
                                     directory / "ca.pem"}) {
                if (::chown(path.c_str(), user->pw_uid, user->pw_gid) != 0)
                    return fail("cannot give " + path.string() + " to " + kKioskUser);
            }
        }
    }
    std::printf("enrolled %s: certificate in %s\n", qPrintable(terminalId),
                (directory / "client.pem").c_str());
    return kExitOk;
}

}  // namespace lobby::ctl
