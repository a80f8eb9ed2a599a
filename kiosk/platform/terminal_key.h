#pragma once
// The terminal's own key pair, made on the kiosk at enrollment (it never leaves it): EC P-256
// through OpenSSL's EVP API, and a certificate request (CN = terminal id) for the platform to
// sign. OpenSSL's errors become ours here.

#include <string>

#include "common/error.h"

namespace lobby::platform {

struct TerminalKey {
    std::string privateKeyPem;  // PKCS#8, unencrypted: the file holding it is 0600
    std::string csrPem;
};

Result<TerminalKey> generateTerminalKey(const std::string& terminalId);

}  // namespace lobby::platform
