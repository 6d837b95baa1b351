#include "EditLineShim.h"
#include "ReadLine.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <readline.h>

void eshim_setup(void) {
    /* libedit measures and writes characters with the C library's multibyte functions: without a
       UTF-8 LC_CTYPE non-ASCII text is garbled. Only LC_CTYPE changes: Lua's numbers are intact. */
    if (setlocale(LC_CTYPE, "") == NULL || MB_CUR_MAX == 1) setlocale(LC_CTYPE, "C.UTF-8");
    eshim_setup_reading();
    rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,)+-*/%^~#[]";
    rl_completion_append_character = '\0';
}

int eshim_terminal_columns(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

void eshim_add_history(const char *line) { add_history(line); }
int eshim_read_history(const char *path) { return read_history(path); }
int eshim_write_history(const char *path) { return write_history(path); }
void eshim_stifle_history(int count) { stifle_history(count); }

static eshim_CompletionProvider provider = NULL;
static char *lineBefore = NULL;  /* the line before the word being completed */
static char **candidates = NULL;
static size_t candidateCount = 0;
static size_t candidateCapacity = 0;

void eshim_add_completion(const char *candidate) {
    if (candidateCount == candidateCapacity) {
        size_t capacity = candidateCapacity ? candidateCapacity * 2 : 32;
        char **grown = realloc(candidates, capacity * sizeof *candidates);
        if (grown == NULL) return;
        candidates = grown;
        candidateCapacity = capacity;
    }
    char *copy = strdup(candidate);
    if (copy != NULL) candidates[candidateCount++] = copy;
}

static void clear_candidates(void) {
    for (size_t i = 0; i < candidateCount; i++) free(candidates[i]);
    candidateCount = 0;
}

/* readline's generator protocol: called with state 0 first, returns one malloc'd match per call. */
static char *next_candidate(const char *text, int state) {
    static size_t next = 0;
    if (state == 0) {
        clear_candidates();
        next = 0;
        if (provider != NULL) provider(text, lineBefore != NULL ? lineBefore : "");
    }
    if (next >= candidateCount) return NULL;
    return strdup(candidates[next++]);
}

/* The line before the word: up to the last place the word occurs in the line (libedit counts start
   in characters, not bytes); an empty word is taken as at the end of the line. */
static char *copy_line_before(const char *text) {
    const char *line = rl_line_buffer != NULL ? rl_line_buffer : "";
    const char *at = *text == '\0' ? line + strlen(line) : line;
    if (*text != '\0')
        for (const char *found = strstr(line, text); found != NULL; found = strstr(found + 1, text)) at = found;
    return strndup(line, (size_t)(at - line));
}

static char **attempt_completion(const char *text, int start, int end) {
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1;  /* no file-name completion as a fallback */
    free(lineBefore);
    lineBefore = copy_line_before(text);
    return rl_completion_matches(text, next_candidate);
}

void eshim_set_completion(eshim_CompletionProvider newProvider) {
    provider = newProvider;
    rl_attempted_completion_function = attempt_completion;
}
