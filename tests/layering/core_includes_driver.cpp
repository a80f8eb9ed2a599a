// Must not compile: only the device services (lobby_devices) know the drivers.
#include "idcard/sam_reader.h"
