// kioskctl release: the publishers' side of updates.
//   release manifest --release V --counter N --scene-types T[,T] --min-version V DEB [DEB...]
//                                                    (prints the manifest: each .deb's own name
//                                                     and version, its size and sha256)
//   release keygen PRIVATE_KEY PUBLIC_PEM            (an Ed25519 release key; the public PEM goes
//                                                     into kiosks' /etc/lobby-kiosk/trust/release/)
//   release sign --key PRIVATE_KEY MANIFEST [--out SIG]   (SIG defaults to MANIFEST.sig)
//   release verify --trust DIR MANIFEST [--signature SIG] (DIR: the trust directory; its
//                                                          release/ keys are the ones that count)
// A manifest is read as a kiosk reads it before it is signed: an invalid one is never signed.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common/file_text.h"
#include "scene/scene_signature.h"
#include "update/dpkg_package_manager.h"
#include "update/package_files.h"
#include "update/release_manifest.h"

namespace lobby::ctl {
namespace {

int fail(const std::string& why, int code = kExitFailed) {
    std::fprintf(stderr, "kioskctl release: %s\n", why.c_str());
    return code;
}

int usage() {
    std::fputs(
        "usage: kioskctl release manifest --release V --counter N --scene-types T[,T] "
        "--min-version V DEB [DEB...]\n"
        "       kioskctl release keygen PRIVATE_KEY PUBLIC_PEM\n"
        "       kioskctl release sign --key PRIVATE_KEY MANIFEST [--out SIG]\n"
        "       kioskctl release verify --trust DIR MANIFEST [--signature SIG]\n",
        stderr);
    return kExitUsage;
}

int manifest(const QStringList& args) {
    QMap<QString, QString> options;
    QStringList debs;
    const QStringList names{"release", "counter", "scene-types", "min-version"};
    for (int i = 0; i < args.size(); ++i) {
        if (args[i].startsWith("--")) {
            if (!names.contains(args[i].mid(2)) || i + 1 >= args.size()) return usage();
            options[args[i].mid(2)] = args[i + 1];
            ++i;
        } else {
            debs << args[i];
        }
    }
    if (debs.isEmpty() || options.size() != names.size()) return usage();
    bool numeric = false;
    const long long counter = options["counter"].toLongLong(&numeric);
    if (!numeric) return fail("--counter must be a number", kExitInvalid);
    nlohmann::json packages = nlohmann::json::array();
    update::DpkgPackageManager dpkg;
    for (const auto& deb : debs) {
        const std::string path = deb.toStdString();
        auto identity = dpkg.inspect(path);
        if (!identity) return fail(identity.error().message, kExitInvalid);
        auto digest = update::digestFile(path);
        if (!digest) return fail(digest.error().message);
        const auto slash = path.rfind('/');
        packages.push_back({{"name", identity->name},
                            {"version", identity->version},
                            {"file", slash == std::string::npos ? path : path.substr(slash + 1)},
                            {"sha256", digest->sha256},
                            {"size", digest->size}});
    }
    nlohmann::json types = nlohmann::json::array();
    for (const auto& type : options["scene-types"].split(',', Qt::SkipEmptyParts))
        types.push_back(type.toStdString());
    const std::string text = nlohmann::json{
        {"format", update::kManifestFormat},
        {"release", options["release"].toStdString()},
        {"counter", counter},
        {"scene_types", types},
        {"min_version", options["min-version"].toStdString()},
        {"packages", packages}}.dump(2);
    // What is printed is what a kiosk would accept, or nothing is.
    if (auto checked = update::parseReleaseManifest(text); !checked)
        return fail(checked.error().message, kExitInvalid);
    std::printf("%s\n", text.c_str());
    return kExitOk;
}

// The manifest's bytes once read as a kiosk reads them, or the exit code of why not.
int keygen(const QStringList& args) {
    if (args.size() != 2) return usage();
    if (auto made = scene::generateAdminKey(args[0].toStdString(), args[1].toStdString()); !made)
        return fail(made.error().message);
    std::printf(
        "release key in %s (keep it offline); public key in %s, for kiosks' "
        "/etc/lobby-kiosk/trust/release/\n",
        qPrintable(args[0]), qPrintable(args[1]));
    return kExitOk;
}

int sign(const QStringList& args) {
    auto parsed = parseFileOptions(args, {"key", "out"});
    if (!parsed || !parsed->options.contains("key")) return usage();
    std::string bytes;
    update::ReleaseManifest manifest;
    if (int code = loadManifest(parsed->file, bytes, manifest); code != kExitOk) return code;
    auto signature = scene::signScene(bytes, parsed->options["key"].toStdString());
    if (!signature) return fail(signature.error().message);
    const QString out = parsed->options.value("out", parsed->file + ".sig");
    std::ofstream file(out.toStdString(), std::ios::trunc);
    if (!(file << signature.value() << '\n')) return fail("cannot write " + out.toStdString());
    std::printf("signed release %s (counter %lld): %s\n", manifest.release.c_str(),
                static_cast<long long>(manifest.counter), qPrintable(out));
    return kExitOk;
}

int verify(const QStringList& args) {
    auto parsed = parseFileOptions(args, {"trust", "signature"});
    if (!parsed || !parsed->options.contains("trust")) return usage();
    std::string bytes;
    update::ReleaseManifest manifest;
    if (int code = loadManifest(parsed->file, bytes, manifest); code != kExitOk) return code;
    auto signature = readSignatureFile(parsed->options.value("signature", parsed->file + ".sig"));
    if (!signature) return fail("no signature file (sign the manifest first)", kExitInvalid);
    auto key =
        update::verifyManifestSignature(bytes, *signature, parsed->options["trust"].toStdString());
    if (!key) return fail(key.error().message + " (" + key.error().code + ")", kExitInvalid);
    std::printf("release %s (counter %lld, sha256 %s) verified by release/%s\n",
                manifest.release.c_str(), static_cast<long long>(manifest.counter),
                update::sha256Hex(bytes).c_str(), key->c_str());
    return kExitOk;
}

}  // namespace

int loadManifest(const QString& path, std::string& bytes, update::ReleaseManifest& parsed) {
    auto text = readSmallFile(path.toStdString(), update::kMaxManifestBytes);
    if (!text) return fail(path.toStdString() + ": " + text.error().message);
    auto manifest = update::parseReleaseManifest(*text);
    if (!manifest) return fail(path.toStdString() + ": " + manifest.error().message, kExitInvalid);
    bytes = std::move(text.value());
    parsed = std::move(manifest.value());
    return kExitOk;
}

std::optional<std::string> readSignatureFile(const QString& path) {
    auto signature = readFile(path.toStdString());
    if (!signature) return std::nullopt;
    while (!signature->empty() && (signature->back() == '\n' || signature->back() == '\r'))
        signature->pop_back();
    return signature;
}

int releaseCommand(const QStringList& args) {
    if (args.isEmpty()) return usage();
    const QString verb = args[0];
    if (verb == "manifest") return manifest(args.mid(1));
    if (verb == "keygen") return keygen(args.mid(1));
    if (verb == "sign") return sign(args.mid(1));
    if (verb == "verify") return verify(args.mid(1));
    return usage();
}

}  // namespace lobby::ctl
