#pragma once
// kioskctl's command groups. Each takes the arguments after its group name and returns the
// process exit code: 0 success, 1 the operation failed (one line on stderr says why),
// 2 invalid input, 64 usage.

#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <optional>
#include <string>

namespace lobby::update {
struct ReleaseManifest;
}
namespace lobby::platform {
struct TerminalUpdateStep;
}

namespace lobby::ctl {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitInvalid = 2;
inline constexpr int kExitUsage = 64;

int configCommand(const QStringList& args);
int idcardCommand(const QStringList& args);
int sscCommand(const QStringList& args);
int scannerCommand(const QStringList& args);
int printerCommand(const QStringList& args);
int a4Command(const QStringList& args);
int enrollCommand(const QStringList& args);
int sceneCommand(const QStringList& args);
int releaseCommand(const QStringList& args);
int fleetCommand(const QStringList& args);
int fleetReleaseCommand(const QStringList& args);  // rollout_commands.cpp
// A terminal's update step in --json, named by its terminal (`named`, a rollout's list) or by its
// rollout (the fleet view). rollout_commands.cpp.
QJsonObject updateStepJson(const platform::TerminalUpdateStep& step, bool named);
int statusCommand(const QStringList& args);
int selftestCommand(const QStringList& args);
int diagCommand(const QStringList& args);
int resetCommand(const QStringList& args);
int maintenanceCommand(const QStringList& args);

// "--name value" pairs (only the names given) and one positional FILE; nullopt when anything
// else is there.
struct FileOptions {
    QMap<QString, QString> options;
    QString file;
};
std::optional<FileOptions> parseFileOptions(const QStringList& args, const QStringList& names);

// A release manifest read and parsed as a kiosk reads it (release_commands.cpp): kExitOk, or the
// exit code once one line on stderr said why.
int loadManifest(const QString& path, std::string& bytes, update::ReleaseManifest& parsed);
// A detached signature file's base64, without its line end; nullopt when it cannot be read.
std::optional<std::string> readSignatureFile(const QString& path);

}  // namespace lobby::ctl
