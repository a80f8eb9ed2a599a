// Must not compile: simulators are the demo build's, reached only from kiosk/app/simulation.cpp.
#include "sim/idcard/sam_emulator.h"
