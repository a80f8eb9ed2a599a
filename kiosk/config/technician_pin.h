#pragma once
// The technician PIN that opens the maintenance menu is stored only as a salted, slow hash
// (PBKDF2-HMAC-SHA256, OpenSSL): "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX", the form
// `kioskctl maintenance pin-hash` prints and maintenance.pin_hash takes.

#include <QString>

#include "common/error.h"

namespace lobby::config {

// What a stored hash looks like (a JSON-schema / QRegularExpression pattern, unanchored).
inline constexpr const char* kPinHashPattern =
    "pbkdf2-sha256\\$[0-9]{4,7}\\$[0-9a-f]{32}\\$[0-9a-f]{64}";
inline constexpr int kPinIterations = 200'000;
// A stored hash made with fewer iterations is refused: it could be brute-forced offline.
inline constexpr int kPinMinIterations = 100'000;
inline constexpr int kPinMinDigits = 6;
inline constexpr int kPinMaxDigits = 12;

// A PIN is 6 to 12 digits.
bool isWellFormedPin(const QString& pin);
// A new hash of `pin` with a fresh random salt; an error for a malformed PIN.
Result<QString> hashPin(const QString& pin, int iterations = kPinIterations);
// True when `pin` matches `stored` (compared in constant time); false for a malformed hash.
bool pinMatches(const QString& pin, const QString& stored);

}  // namespace lobby::config
