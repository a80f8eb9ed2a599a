// Must compile: the journeys use the session, the services, the devices and the journal.
#include "core/session_controller.h"
#include "devices/printer_service.h"
#include "journal/transaction_journal.h"
#include "journeys/booking_flow.h"
#include "services/platform_service.h"
