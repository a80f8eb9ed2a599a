#pragma once
// When the kiosk gives memory back (see process_memory.h): a little after each patient leaves,
// once their screens are torn down, the script engine collects first (it holds copies of the
// lists the screens read, e.g. a patient's bookings, until its own heap fills, which their small
// wrappers seldom make it do), then the heap's free pages go back to the system.

#include <QObject>
#include <functional>

namespace lobby::core {

class SessionController;

class MemoryPolicy : public QObject {
    Q_OBJECT
public:
    // Long enough after a patient leaves for their screens to have been torn down.
    static constexpr int kAfterLeaving_ms = 1500;

    // `collectScriptGarbage`: the QML engine's collector (the app's to give).
    MemoryPolicy(SessionController& session, std::function<void()> collectScriptGarbage,
                 QObject* parent = nullptr);

    // Collects and returns the freed heap now; the KiB the resident set shrank by.
    long returnMemoryNow();

private:
    std::function<void()> collectScriptGarbage_;
};

}  // namespace lobby::core
