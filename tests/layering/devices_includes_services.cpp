// Must not compile: device services and platform services are side by side, neither knows the
// other.
#include "services/platform_service.h"
