// libFuzzer driver for a .NET fuzz target run by SharpFuzz's Fuzzer.LibFuzzer.Run (Masq.Fuzz.dll libfuzzer TARGET).
// libFuzzer links into this process; the .NET program runs as a child. They share one System V segment: the first
// 64 KiB are SharpFuzz's edge counters, which this driver hands to libFuzzer as extra counters after each input; the
// next 1 MiB carries the input. Two pipes on fixed descriptors carry a 4-byte input length to the child and a 4-byte
// status back (0 ok, anything else a crash, which becomes libFuzzer's crash by a trap). The child announces itself
// with one status before the first input. Written for this project from SharpFuzz's documented protocol
// (its environment variable names and descriptor numbers). Build: scripts/fuzz.sh --libfuzzer (clang -fsanitize=fuzzer).
//   dotnet-driver --target=/usr/bin/dotnet --target-args=PROGRAM.dll,libfuzzer,NAME [libFuzzer flags] [corpus dirs]
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <unistd.h>

enum { COUNTERS = 1 << 16, INPUT_MAX = 1 << 20, CONTROL_FD = 198, STATUS_FD = 199, MAX_ARGS = 32 };

__attribute__((weak, section("__libfuzzer_extra_counters"))) uint8_t masq_extra_counters[COUNTERS];

static int control = -1;
static int status_pipe = -1;
static int segment = -1;
static uint8_t *shared;

static void fail(const char *what)
{
    fprintf(stderr, "dotnet-driver: %s%s%s\n", what, errno ? ": " : "", errno ? strerror(errno) : "");
    exit(1);
}

static void drop_segment(void)
{
    if (segment >= 0)
    {
        shmctl(segment, IPC_RMID, NULL);
    }
}

static const char *option(int argc, char **argv, const char *name)
{
    size_t length = strlen(name);
    for (int i = 1; i < argc; i++)
    {
        if (strncmp(argv[i], name, length) == 0 && argv[i][length] == '=')
        {
            return argv[i] + length + 1;
        }
    }
    return NULL;
}

static int transfer(int fd, void *buffer, int writing)
{
    ssize_t done;
    do
    {
        done = writing ? write(fd, buffer, 4) : read(fd, buffer, 4);
    } while (done < 0 && errno == EINTR);
    return (int)done;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *target = option(*argc, *argv, "--target");
    const char *list = option(*argc, *argv, "--target-args");
    if (!target)
    {
        errno = 0;
        fail("--target=PATH (the dotnet host) is required");
    }

    int to_child[2], from_child[2];
    if (pipe(to_child) || pipe(from_child))
    {
        fail("pipe");
    }

    segment = shmget(IPC_PRIVATE, COUNTERS + INPUT_MAX, IPC_CREAT | IPC_EXCL | 0600);
    if (segment < 0)
    {
        fail("shmget");
    }
    atexit(drop_segment);
    shared = shmat(segment, NULL, 0);
    if (shared == (void *)-1)
    {
        fail("shmat");
    }

    pid_t child = fork();
    if (child < 0)
    {
        fail("fork");
    }

    if (child == 0)
    {
        if (dup2(to_child[0], CONTROL_FD) < 0 || dup2(from_child[1], STATUS_FD) < 0)
        {
            fail("dup2");
        }
        close(to_child[0]);
        close(to_child[1]);
        close(from_child[0]);
        close(from_child[1]);

        char id[16];
        snprintf(id, sizeof id, "%d", segment);
        setenv("__LIBFUZZER_SHM_ID", id, 1);
        setenv("__LIBFUZZER_CONTROL_PIPE_ID", "198", 1);
        setenv("__LIBFUZZER_STATUS_PIPE_ID", "199", 1);

        char *args[MAX_ARGS + 2];
        int count = 0;
        args[count++] = (char *)target;
        if (list)
        {
            char *copy = strdup(list);
            for (char *save = NULL, *token = strtok_r(copy, ",", &save); token && count <= MAX_ARGS;
                 token = strtok_r(NULL, ",", &save))
            {
                args[count++] = token;
            }
        }
        args[count] = NULL;
        execv(target, args);
        fail("exec");
    }

    close(to_child[0]);
    close(from_child[1]);
    control = to_child[1];
    status_pipe = from_child[0];

    int32_t hello;
    if (transfer(status_pipe, &hello, 0) != 4)
    {
        errno = 0;
        fail("the .NET target did not start (no status from it)");
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > INPUT_MAX)
    {
        // Longer inputs cannot be passed; -max_len keeps libFuzzer far below this.
        return 0;
    }

    memset(shared, 0, COUNTERS);
    memcpy(shared + COUNTERS, data, size);
    int32_t length = (int32_t)size;
    if (transfer(control, &length, 1) != 4)
    {
        fail("write to the .NET target");
    }

    int32_t status;
    int got = transfer(status_pipe, &status, 0);
    memcpy(masq_extra_counters, shared, COUNTERS);
    if (got != 4)
    {
        errno = 0;
        fail("the .NET target ended without a status (it crashed)");
    }
    if (status != 0)
    {
        __builtin_trap();
    }
    return 0;
}
