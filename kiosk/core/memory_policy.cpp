#include "core/memory_policy.h"

#include <QElapsedTimer>
#include <QTimer>

#include "core/process_memory.h"
#include "core/session_controller.h"
#include "logging/categories.h"

namespace lobby::core {

MemoryPolicy::MemoryPolicy(SessionController& session, std::function<void()> collectScriptGarbage,
                           QObject* parent)
    : QObject(parent), collectScriptGarbage_(std::move(collectScriptGarbage)) {
    connect(&session, &SessionController::patientLeft, this,
            [this] { QTimer::singleShot(kAfterLeaving_ms, this, [this] { returnMemoryNow(); }); });
}

long MemoryPolicy::returnMemoryNow() {
    QElapsedTimer took;
    took.start();
    const long before_kb = residentSet_kb();
    if (collectScriptGarbage_) collectScriptGarbage_();
    returnFreedHeap();
    const long returned_kb = before_kb - residentSet_kb();
    qCDebug(lcKiosk) << "returned" << returned_kb << "KiB (script garbage and freed heap) in"
                     << took.elapsed() << "ms";
    return returned_kb;
}

}  // namespace lobby::core
