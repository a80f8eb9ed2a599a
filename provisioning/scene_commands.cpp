// kioskctl scene: the admins' side of scene configs.
//   scene validate FILE
//   scene keygen PRIVATE_KEY PUBLIC_PEM             (an Ed25519 admin key pair; the public PEM
//                                                    goes into kiosks' /etc/lobby-kiosk/trust/)
//   scene sign --key PRIVATE_KEY FILE [--out SIG]   (SIG defaults to FILE.sig)
//   scene verify --trust DIR FILE [--signature SIG]
//   scene push --platform URL --group G --cert PEM --key PEM --ca PEM FILE [--signature SIG]
// A scene is validated before it is signed or pushed: an invalid one never leaves the admin.
#include <QMap>
#include <cstdio>
#include <fstream>
#include <optional>
#include <variant>

#include "admin_connection.h"
#include "commands.h"
#include "common/file_text.h"
#include "platform/https_platform_client.h"
#include "scene/scene.h"
#include "scene/scene_signature.h"

namespace lobby::ctl {
namespace {

int fail(const std::string& why, int code = kExitFailed) {
    std::fprintf(stderr, "kioskctl scene: %s\n", why.c_str());
    return code;
}

int usage() {
    std::fputs(
        "usage: kioskctl scene validate FILE\n"
        "       kioskctl scene keygen PRIVATE_KEY PUBLIC_PEM\n"
        "       kioskctl scene sign --key PRIVATE_KEY FILE [--out SIG]\n"
        "       kioskctl scene verify --trust DIR FILE [--signature SIG]\n"
        "       kioskctl scene push --platform URL --group G --cert PEM --key PEM --ca PEM FILE "
        "[--signature SIG]\n",
        stderr);
    return kExitUsage;
}

// The scene's bytes and what they say, or the exit code of why not.
struct Loaded {
    std::string bytes;
    scene::Scene scene;
};
std::variant<Loaded, int> loadScene(const QString& path) {
    auto bytes = readFile(path.toStdString());
    if (!bytes) return fail("cannot read " + path.toStdString());
    auto parsed = scene::parseScene(bytes.value());
    if (!parsed) return fail(path.toStdString() + ": " + parsed.error().message, kExitInvalid);
    return Loaded{bytes.value(), parsed.value()};
}

std::optional<std::string> readSignature(const FileOptions& parsed) {
    const QString path = parsed.options.value("signature", parsed.file + ".sig");
    auto text = readFile(path.toStdString());
    if (!text) return std::nullopt;
    while (!text->empty() && (text->back() == '\n' || text->back() == '\r'))
        text->pop_back();
    return text;
}

int validate(const QStringList& args) {
    auto parsed = parseFileOptions(args, {});
    if (!parsed) return usage();
    auto loaded = loadScene(parsed->file);
    if (auto* code = std::get_if<int>(&loaded)) return *code;
    const auto& scene = std::get<Loaded>(loaded).scene;
    std::string functions;
    for (const auto& id : scene.functions)
        functions += (functions.empty() ? "" : ",") + id;
    std::printf("valid: version %lld, %s, functions %s\n", scene.version, scene.type.c_str(),
                functions.c_str());
    return kExitOk;
}

int keygen(const QStringList& args) {
    if (args.size() != 2) return usage();
    if (auto made = scene::generateAdminKey(args[0].toStdString(), args[1].toStdString()); !made)
        return fail(made.error().message);
    std::printf("admin key in %s (keep it secret); public key in %s\n", qPrintable(args[0]),
                qPrintable(args[1]));
    return kExitOk;
}

int sign(const QStringList& args) {
    auto parsed = parseFileOptions(args, {"key", "out"});
    if (!parsed || !parsed->options.contains("key")) return usage();
    auto loaded = loadScene(parsed->file);
    if (auto* code = std::get_if<int>(&loaded)) return *code;
    auto signature =
        scene::signScene(std::get<Loaded>(loaded).bytes, parsed->options["key"].toStdString());
    if (!signature) return fail(signature.error().message);
    const QString out = parsed->options.value("out", parsed->file + ".sig");
    std::ofstream file(out.toStdString(), std::ios::trunc);
    if (!(file << signature.value() << '\n')) return fail("cannot write " + out.toStdString());
    std::printf("signed version %lld: %s\n", std::get<Loaded>(loaded).scene.version,
                qPrintable(out));
    return kExitOk;
}

int verify(const QStringList& args) {
    auto parsed = parseFileOptions(args, {"trust", "signature"});
    if (!parsed || !parsed->options.contains("trust")) return usage();
    auto loaded = loadScene(parsed->file);
    if (auto* code = std::get_if<int>(&loaded)) return *code;
    auto signature = readSignature(parsed.value());
    if (!signature) return fail("no signature file (sign the scene first)", kExitInvalid);
    auto key = scene::verifyScene(std::get<Loaded>(loaded).bytes, signature.value(),
                                  parsed->options["trust"].toStdString());
    if (!key) return fail(key.error().message, kExitInvalid);
    std::printf("verified by %s\n", key->c_str());
    return kExitOk;
}

int push(const QStringList& args) {
    auto parsed = parseFileOptions(args, {"platform", "group", "cert", "key", "ca", "signature"});
    if (!parsed || !parsed->options.contains("group")) return usage();
    CommandLine line;
    for (const auto& name : kConnectionOptions) {
        if (parsed->options.contains(name)) line.values.insert(name, parsed->options[name]);
    }
    std::string why;
    bool usageError = false;
    auto connection = adminConnection(line, why, usageError);
    if (!connection) return usageError ? usage() : fail(why, kExitInvalid);
    auto loaded = loadScene(parsed->file);
    if (auto* code = std::get_if<int>(&loaded)) return *code;
    auto signature = readSignature(parsed.value());
    if (!signature) return fail("no signature file (sign the scene first)", kExitInvalid);
    platform::HttpsPlatformClient client(connection->config);
    const std::string group = parsed->options["group"].toStdString();
    if (std::get<Loaded>(loaded).scene.group != group) {
        return fail("the scene is signed for group \"" + std::get<Loaded>(loaded).scene.group +
                        "\", not \"" + group + "\"",
                    kExitInvalid);
    }
    if (auto pushed = client.putScene(group, std::get<Loaded>(loaded).bytes, signature.value());
        !pushed)
        return fail(refusalLine(client, pushed.error()));
    std::printf("pushed version %lld to group %s\n", std::get<Loaded>(loaded).scene.version,
                group.c_str());
    return kExitOk;
}

}  // namespace

std::optional<FileOptions> parseFileOptions(const QStringList& args, const QStringList& names) {
    FileOptions parsed;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i].startsWith("--")) {
            const QString name = args[i].mid(2);
            if (!names.contains(name) || i + 1 >= args.size()) return std::nullopt;
            parsed.options[name] = args[++i];
        } else if (parsed.file.isEmpty()) {
            parsed.file = args[i];
        } else {
            return std::nullopt;
        }
    }
    if (parsed.file.isEmpty()) return std::nullopt;
    return parsed;
}

int sceneCommand(const QStringList& args) {
    if (args.isEmpty()) return usage();
    const QString verb = args[0];
    if (verb == "validate") return validate(args.mid(1));
    if (verb == "keygen") return keygen(args.mid(1));
    if (verb == "sign") return sign(args.mid(1));
    if (verb == "verify") return verify(args.mid(1));
    if (verb == "push") return push(args.mid(1));
    return usage();
}

}  // namespace lobby::ctl
