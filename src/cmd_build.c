/*
 * cmd_build.c — `yusuan build` (placeholder until its issue lands).
 */
#include "cli.h"

int cmd_build(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_usage("build", "not implemented yet");
}
