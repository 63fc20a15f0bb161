/*
 * cmd_audit.c — `yusuan audit` (placeholder until its issue lands).
 */
#include "cli.h"

int cmd_audit(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_usage("audit", "not implemented yet");
}
