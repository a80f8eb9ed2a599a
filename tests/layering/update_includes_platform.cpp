// The updater's layer knows the scene's signatures and nothing of the kiosk app: it must not
// reach the platform client (the updater is given its ports), let alone Qt's layers.
#include "platform/platform_client.h"
