#include "scene/scene_signature.h"

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace lobby::scene {
namespace {

constexpr std::size_t kEd25519Signature_bytes = 64;

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// OpenSSL's error queue, drained into one line for the message.
std::string opensslReason() {
    std::string reason;
    while (unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!reason.empty()) reason += "; ";
        reason += buffer;
    }
    return reason.empty() ? "unknown OpenSSL error" : reason;
}

Error cryptoError(const std::string& what) {
    return makeError(ErrorKind::Internal, "scene.crypto", what + ": " + opensslReason());
}

Error badSignature(const std::string& why) {
    return makeError(ErrorKind::InvalidConfig, "scene.bad_signature", why);
}

std::string base64(const unsigned char* data, std::size_t size) {
    std::string out(4 * ((size + 2) / 3), '\0');
    const int written =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(std::max(written, 0)));
    return out;
}

std::optional<std::vector<unsigned char>> unbase64(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0 || text.size() > 1024) return std::nullopt;
    std::vector<unsigned char> out(text.size() / 4 * 3);
    const int written =
        EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                        static_cast<int>(text.size()));
    if (written < 0) return std::nullopt;
    // EVP_DecodeBlock counts the padding's zero bytes too.
    const auto padding = static_cast<std::size_t>(std::count(text.end() - 2, text.end(), '='));
    out.resize(static_cast<std::size_t>(written) - padding);
    return out;
}

Status writePem(const std::string& path, mode_t mode, const std::function<int(std::FILE*)>& write) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        return makeError(
            ErrorKind::Io, "scene.key_write",
            path + ": " + std::strerror(errno) + " (an existing key is never overwritten)");
    }
    FilePtr file(::fdopen(fd, "w"));
    if (!file) {
        ::close(fd);
        return makeError(ErrorKind::Io, "scene.key_write", path + ": " + std::strerror(errno));
    }
    if (write(file.get()) != 1) return cryptoError("writing " + path);
    return {};
}

}  // namespace

Status generateAdminKey(const std::string& privateKeyPath, const std::string& publicKeyPath) {
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
    if (!key) return cryptoError("making an Ed25519 key");
    if (auto written = writePem(privateKeyPath, 0600,
                                [&](std::FILE* file) {
                                    return PEM_write_PrivateKey(file, key.get(), nullptr, nullptr,
                                                                0, nullptr, nullptr);
                                });
        !written)
        return written;
    return writePem(publicKeyPath, 0644,
                    [&](std::FILE* file) { return PEM_write_PUBKEY(file, key.get()); });
}

Result<std::string> signScene(std::string_view bytes, const std::string& privateKeyPath) {
    FilePtr file(std::fopen(privateKeyPath.c_str(), "re"));
    if (!file) {
        return makeError(ErrorKind::NotFound, "scene.key_unreadable",
                         privateKeyPath + ": " + std::strerror(errno));
    }
    PkeyPtr key(PEM_read_PrivateKey(file.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!key || !EVP_PKEY_is_a(key.get(), "ED25519")) {
        ERR_clear_error();
        return makeError(ErrorKind::InvalidArgument, "scene.key_invalid",
                         privateKeyPath + " is not an Ed25519 private key in PEM");
    }
    MdCtxPtr context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned char signature[kEd25519Signature_bytes];
    std::size_t length = sizeof signature;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(context.get(), signature, &length,
                       reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) != 1) {
        return cryptoError("signing the scene");
    }
    return base64(signature, length);
}

Result<std::string> verifyScene(std::string_view bytes, std::string_view signatureBase64,
                                const std::string& trustDirectory) {
    const auto signature = unbase64(signatureBase64);
    if (!signature || signature->size() != kEd25519Signature_bytes)
        return badSignature("the signature is not a base64 Ed25519 signature");
    std::error_code error;
    std::vector<std::filesystem::path> keys;
    for (const auto& entry : std::filesystem::directory_iterator(trustDirectory, error)) {
        if (entry.path().extension() == ".pem") keys.push_back(entry.path());
    }
    std::sort(keys.begin(), keys.end());
    bool anyKey = false;
    for (const auto& path : keys) {
        FilePtr file(std::fopen(path.c_str(), "re"));
        if (!file) continue;
        PkeyPtr key(PEM_read_PUBKEY(file.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
        if (!key || !EVP_PKEY_is_a(key.get(), "ED25519")) {
            ERR_clear_error();
            continue;  // not an admin key: a stray file must not stop the others
        }
        anyKey = true;
        MdCtxPtr context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
        if (context &&
            EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
            EVP_DigestVerify(context.get(), signature->data(), signature->size(),
                             reinterpret_cast<const unsigned char*>(bytes.data()),
                             bytes.size()) == 1) {
            return path.filename().string();
        }
        ERR_clear_error();
    }
    if (!anyKey) {
        return makeError(ErrorKind::InvalidConfig, "scene.no_trusted_keys",
                         "no Ed25519 public key in " + trustDirectory);
    }
    return badSignature("no trusted admin key verifies the scene's signature");
}

}  // namespace lobby::scene
