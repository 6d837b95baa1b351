#define _GNU_SOURCE  /* pipe2 */
#include "EditLineShim.h"
#include "ReadLine.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <readline.h>

/* Ctrl-C while a line is read must end the read even when it comes before libedit blocks in
   read(2) (just after the prompt, or while it redraws the line): the handler sets a flag and
   writes to a pipe, and libedit reads its characters through read_character, which waits on
   the terminal and on that pipe together. */

static volatile sig_atomic_t readInterrupted = 0;
static int interruptPipe[2] = {-1, -1};

static void on_sigint_while_reading(int signal) {
    (void)signal;
    int savedErrno = errno;
    readInterrupted = 1;
    if (interruptPipe[1] >= 0) (void)!write(interruptPipe[1], "", 1);
    errno = savedErrno;
}

/* The next byte of `fd`, or -1 at end of input, on an error, or once Ctrl-C was pressed. */
static int read_byte(int fd) {
    for (;;) {
        if (readInterrupted) return -1;
        struct pollfd waiting[2] = {{.fd = fd, .events = POLLIN}, {.fd = interruptPipe[0], .events = POLLIN}};
        if (poll(waiting, interruptPipe[0] >= 0 ? 2 : 1, -1) < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (waiting[1].revents & POLLIN) continue;  /* the flag is set: the loop returns */
        unsigned char byte;
        ssize_t count = read(fd, &byte, 1);
        if (count == 1) return byte;
        if (count < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        return -1;
    }
}

/* readline's getc hook: one character decoded from UTF-8 (libedit takes the int as a wchar_t),
   U+FFFD for a malformed sequence, -1 at end of input or on Ctrl-C. */
static int read_character(FILE *stream) {
    int fd = stream != NULL ? fileno(stream) : STDIN_FILENO;
    int first = read_byte(fd);
    if (first < 0x80) return first;
    int length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    if (length == 1) return 0xFFFD;  /* a continuation byte cannot start a character */
    int character = first & (0x3F >> (length - 1));
    for (int i = 1; i < length; i++) {
        int next = read_byte(fd);
        if (next < 0) return -1;
        if ((next & 0xC0) != 0x80) return 0xFFFD;
        character = (character << 6) | (next & 0x3F);
    }
    return character;
}

void eshim_setup_reading(void) {
    if (interruptPipe[0] < 0 && pipe2(interruptPipe, O_NONBLOCK | O_CLOEXEC) != 0) {
        interruptPipe[0] = interruptPipe[1] = -1;
    }
    rl_getc_function = read_character;  /* must be set before readline initializes */
}

char *eshim_readline(const char *prompt, int *interrupted) {
    char drained[64];
    while (interruptPipe[0] >= 0 && read(interruptPipe[0], drained, sizeof drained) > 0) {}
    readInterrupted = 0;
    struct sigaction action, previous;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_sigint_while_reading;
    sigaction(SIGINT, &action, &previous);
    char *line = readline(prompt);
    sigaction(SIGINT, &previous, NULL);
    *interrupted = readInterrupted;
    return line;
}
