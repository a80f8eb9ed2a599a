#pragma once
// The sandbox's stand-in for doctors' portraits: a PNG drawn from the doctor's id (a coloured
// background and a silhouette), so the kiosk's photo path is exercised end to end.

#include <string>

namespace lobby::sim {

std::string doctorPhotoPng(const std::string& doctorId, int size_px = 160);

}  // namespace lobby::sim
