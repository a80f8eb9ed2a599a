// kioskctl enroll --platform URL --token T --ca FILE [--terminal-id ID] [--dir DIR] [--force]
//                [--kiosk-user NAME] [--unit-dropin DIR]
// Makes the terminal's key here (EC P-256), sends a certificate request with the one-time token,
// and stores what comes back: DIR/client.key, DIR/client.pem, DIR/ca.pem. Run as root on a kiosk
// with its `lobby-kiosk` user, DIR is root's, 0750 with group lobby-kiosk, and the key 0640 in
// that group: the kiosk reads its enrollment but cannot change it, and nothing it plants there
// (a symlink in place of a file or of DIR) makes root write elsewhere. Otherwise DIR is 0700
// and the key 0600, the caller's own.
// An enrolled terminal is not enrolled again without --force (its certificate would be lost).
// It also writes DIR/network.conf for the kiosk's systemd unit (by default into
// /etc/systemd/system/lobby-kiosk.service.d when systemd runs this machine): the kiosk may then
// reach only loopback, the platform's addresses, the resolvers it needs to find them and the
// slip printer's own port, so text shown on the kiosk can never make it talk to anyone else.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <tuple>

#include "commands.h"
#include "config/settings.h"
#include "platform/https_platform_client.h"
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

constexpr const char* kUnitDropinDir = "/etc/systemd/system/lobby-kiosk.service.d";

// The host of an https:// URL ("[::1]" without its brackets).
QString hostOf(const QString& url) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^https://(?:\[([0-9A-Fa-f:.]+)\]|([^/:]+))(?::\d+)?(?:/.*)?$)"));
    const auto match = pattern.match(url);
    if (!match.hasMatch()) return {};
    return match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
}

// Every address `host` resolves to; a literal address resolves to itself.
QStringList addressesOf(const QString& host) {
    QStringList addresses;
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.toLocal8Bit().constData(), nullptr, &hints, &found) != 0) return {};
    for (const addrinfo* entry = found; entry != nullptr; entry = entry->ai_next) {
        char text[INET6_ADDRSTRLEN] = {};
        const void* address =
            entry->ai_family == AF_INET
                ? static_cast<const void*>(
                      &reinterpret_cast<sockaddr_in*>(entry->ai_addr)->sin_addr)
                : static_cast<const void*>(
                      &reinterpret_cast<sockaddr_in6*>(entry->ai_addr)->sin6_addr);
        if (::inet_ntop(entry->ai_family, address, text, sizeof text) != nullptr &&
            !addresses.contains(QString::fromLatin1(text)))
            addresses << QString::fromLatin1(text);
    }
    ::freeaddrinfo(found);
    return addresses;
}

// The resolvers in /etc/resolv.conf: a platform named by host name must still be found.
QStringList resolvers() {
    QStringList found;
    QFile file(QStringLiteral("/etc/resolv.conf"));
    if (!file.open(QIODevice::ReadOnly)) return found;
    for (const QString& line : QString::fromLatin1(file.read(65536)).split('\n')) {
        const QStringList words = line.simplified().split(' ');
        if (words.size() >= 2 && words[0] == QLatin1String("nameserver")) found << words[1];
    }
    return found;
}

// The systemd drop-in that fences the kiosk's network in.
std::string networkDropin(const QStringList& platformAddresses, const QString& printerAddress) {
    QString text = QStringLiteral(
        "# Written by kioskctl enroll. The kiosk talks to loopback (CUPS, simulators), its "
        "platform,\n# the resolvers that find it and the slip printer's own port; to nobody "
        "else.\n[Service]\nIPAddressDeny=any\nIPAddressAllow=localhost\n");
    QStringList allowed = platformAddresses;
    for (const QString& resolver : resolvers())
        if (!allowed.contains(resolver)) allowed << resolver;
    if (!printerAddress.isEmpty() && !allowed.contains(printerAddress)) allowed << printerAddress;
    for (const QString& address : allowed)
        text += QStringLiteral("IPAddressAllow=%1\n").arg(address);
    return text.toStdString();
}

}  // namespace

int enrollCommand(const QStringList& args) {
    QString platformUrl, token, caFile, terminalId, dir = QString::fromLatin1(kDefaultDir);
    QString kioskUser = QString::fromLatin1(kKioskUser);
    QString unitDropin = QFile::exists(QStringLiteral("/run/systemd/system"))
                             ? QString::fromLatin1(kUnitDropinDir)
                             : QString();
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
        } else if (args[i] == "--unit-dropin" && hasValue) {
            unitDropin = args[++i];
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
            "[--dir DIR] [--force] [--kiosk-user NAME] [--unit-dropin DIR]\n",
            stderr);
        return kExitUsage;
    }
    if (!platformUrl.startsWith("https://"))
        return fail("the platform URL must be https://", kExitInvalid);
    const QString configPath = config::Settings::resolvePath({});
    auto settings = QFile::exists(configPath)
                        ? config::Settings::load(configPath)
                        : Result<config::Settings>(config::Settings::defaults());
    if (!settings) return fail(settings.error().message, kExitInvalid);
    if (terminalId.isEmpty()) terminalId = settings->stringValue(config::keys::kTerminalId);
    const QStringList platformAddresses = addressesOf(hostOf(platformUrl));
    if (platformAddresses.isEmpty())
        return fail("cannot resolve the platform's host " + hostOf(platformUrl).toStdString());
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
    platform::HttpsPlatformClient client(config);
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
    if (!unitDropin.isEmpty()) {
        const QString direct = settings->stringValue(config::keys::kPrinterDirect);
        const QString printerAddress =
            direct.startsWith(QLatin1String("usb:")) ? QString() : direct.section(':', 0, 0);
        auto dropinFd = openDirectory(unitDropin.toStdString(), true);
        if (!dropinFd)
            return fail("cannot use " + unitDropin.toStdString() + ": " + dropinFd.error().message);
        if (auto written =
                writeFileAt(dropinFd->get(), "network.conf",
                            networkDropin(platformAddresses, printerAddress), 0644, nullptr);
            !written) {
            return fail("cannot write the unit's network fence: " + written.error().message);
        }
        std::printf("the kiosk's network is fenced to loopback and %s (%s/network.conf)\n",
                    qPrintable(platformAddresses.join(", ")), qPrintable(unitDropin));
    }
    std::printf("enrolled %s: certificate in %s\n", qPrintable(terminalId),
                (directory / "client.pem").c_str());
    return kExitOk;
}

}  // namespace lobby::ctl
