#pragma once
// Detached Ed25519 signatures over a scene's exact bytes (OpenSSL EVP). Admins sign with their
// private key (`kioskctl scene sign`); a kiosk applies a scene only if one of the public keys in
// its trust directory (/etc/lobby-kiosk/trust/*.pem) verifies it. OpenSSL's errors are mapped
// here, once, into ours. Qt-free.

#include <string>
#include <string_view>

#include "common/error.h"

namespace lobby::scene {

// Makes an admin key pair: the private key PEM (0600) and its public key PEM for kiosks' trust
// directories. Refuses to overwrite an existing file.
Status generateAdminKey(const std::string& privateKeyPath, const std::string& publicKeyPath);

// The base64 Ed25519 signature of `bytes` with the private key in `privateKeyPath`.
Result<std::string> signScene(std::string_view bytes, const std::string& privateKeyPath);

// Which trusted key (its file name) verifies `signatureBase64` over `bytes`. Errors:
// "scene.no_trusted_keys" (no usable Ed25519 public key in `trustDirectory`) and
// "scene.bad_signature" (malformed, or no trusted key verifies it).
Result<std::string> verifyScene(std::string_view bytes, std::string_view signatureBase64,
                                const std::string& trustDirectory);

}  // namespace lobby::scene
