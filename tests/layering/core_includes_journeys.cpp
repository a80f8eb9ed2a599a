// Must not compile: the session layer (lobby_core) is below the journeys.
#include "journeys/booking_flow.h"
