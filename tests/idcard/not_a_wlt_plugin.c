/* A shared library without lobby_wlt_decode: loading it as a photo decoder must fail cleanly. */
int lobby_something_else(void) { return 0; }
