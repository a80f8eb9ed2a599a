#pragma once
// What kiosk.json's settings configure, as the typed values the kiosk and kioskctl both build:
// read key by key here, once, rather than in each.

#include <memory>

#include "config/settings.h"
#include "platform/https_platform_client.h"
#include "printer/printer_endpoint.h"
#include "scene/scene_store.h"

namespace lobby::setup {

platform::ClientConfig platformClient(const config::Settings& settings);
// The store of applied scenes, bound to this terminal's group.
std::unique_ptr<scene::SceneStore> sceneStore(const config::Settings& settings);
// The printer's queue, where its state is read and its paper. Settings::load refuses a malformed
// devices.printer.direct or paper width already; settings built another way get the same typed
// error (ErrorKind::InvalidConfig) here rather than a printer silently left to CUPS.
Result<printer::PrinterEndpoint> printerEndpoint(const config::Settings& settings);
// The A4 printer's CUPS queue (reports, e-invoices).
printer::CupsQueue a4Queue(const config::Settings& settings);

}  // namespace lobby::setup
