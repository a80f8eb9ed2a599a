/* Test-only, preloaded into CUPS's ippeveprinter: Debian's build refuses to start without an
   avahi-daemon to announce the printer on. The kiosk prints to a configured queue and never
   discovers printers, so announcing nothing hides nothing the kiosk does. Not packaged. */
#include <stddef.h>

static int placeholder;

void *avahi_client_new(const void *poll, int flags, void *callback, void *userdata, int *error) {
    (void)poll;
    (void)flags;
    (void)callback;
    (void)userdata;
    if (error) *error = 0;
    return &placeholder;
}
const char *avahi_client_get_host_name_fqdn(void *client) {
    (void)client;
    return "localhost";
}
int avahi_client_errno(void *client) {
    (void)client;
    return 0;
}
void *avahi_entry_group_new(void *client, void *callback, void *userdata) {
    (void)client;
    (void)callback;
    (void)userdata;
    return &placeholder;
}
int avahi_entry_group_add_service_strlst(void) { return 0; }
int avahi_entry_group_add_service_subtype(void) { return 0; }
int avahi_entry_group_commit(void *group) {
    (void)group;
    return 0;
}
int avahi_entry_group_free(void *group) {
    (void)group;
    return 0;
}
