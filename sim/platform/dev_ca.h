#pragma once
// The sandbox platform's own development CA, created on first run: a CA, the server's
// certificate (127.0.0.1 and localhost), and terminal client certificates signed by it.
// Development and tests only; EC P-256 keys, SHA-256 signatures, through OpenSSL's EVP API.

#include <filesystem>
#include <string>

#include "common/error.h"

namespace lobby::sim {

struct DevCaFiles {
    std::filesystem::path caCertificate;      // ca.pem
    std::filesystem::path serverCertificate;  // server.pem
    std::filesystem::path serverKey;          // server.key
};

// Creates the CA and the server certificate in `directory` unless they exist already.
Result<DevCaFiles> ensureDevCa(const std::filesystem::path& directory,
                               const std::string& caName = "Lobby Kiosk sandbox CA");

// Issues a server certificate (server.pem, server.key) for the given subjectAltName list, e.g.
// "IP:127.0.0.1,DNS:localhost"; tests use another name to see hostname checks refuse it.
Status issueServerCertificate(const std::filesystem::path& caDirectory,
                              const std::string& subjectAltNames,
                              const std::filesystem::path& outDirectory);

// An administrator's certificate carries this extended key usage besides clientAuth; nothing
// else makes one (not a name: enrollment never adds it, whatever terminal id is asked for).
inline constexpr const char* kAdminKeyUsageOid = "1.3.6.1.4.1.55555.1.1";

// Issues a client certificate with CN = terminalId into outDir (client.pem, client.key), an
// administrator's when `admin`; `validDays` may be negative to make an expired one for tests.
Status issueClientCertificate(const std::filesystem::path& caDirectory,
                              const std::string& terminalId,
                              const std::filesystem::path& outDirectory, int validDays = 365,
                              bool admin = false);

// Enrollment: signs a terminal's CSR (PEM; an EC P-256 key whose signature must verify) into a
// client certificate with CN = terminalId, whatever the CSR's subject says. Returns its PEM.
Result<std::string> signTerminalCsr(const std::filesystem::path& caDirectory,
                                    const std::string& csrPem, const std::string& terminalId,
                                    int validDays = 365);
// The CA certificate as PEM (what an enrolled terminal pins).
Result<std::string> caCertificatePem(const std::filesystem::path& caDirectory);

}  // namespace lobby::sim
