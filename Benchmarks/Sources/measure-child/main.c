// `measure-child OUTFILE COMMAND [ARGS...]`: runs COMMAND with standard output and error sent to /dev/null,
// waits for it, and writes "SECONDS MAXRSS_BYTES STATUS" to OUTFILE. end-to-end starts every measured process
// through this small program: on Linux a child's ru_maxrss starts from the RSS of the process that forked it,
// so a large parent would inflate the figure; this parent is a few hundred KiB.
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure-child OUTFILE COMMAND [ARGS...]\n");
        return 2;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execv(argv[2], argv + 2);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (pid < 0 || wait4(pid, &status, 0, &usage) < 0) {
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
#ifdef __APPLE__
    long peak = usage.ru_maxrss;
#else
    long peak = usage.ru_maxrss * 1024L;
#endif
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        return 2;
    }
    fprintf(out, "%.9f %ld %d\n", seconds, peak, code);
    fclose(out);
    return 0;
}
