/// Line editing for the REPL through libedit's readline interface.
///
/// Swift 6 cannot touch libedit's mutable globals (`rl_*`), so they are set here.
#ifndef EDIT_LINE_SHIM_H
#define EDIT_LINE_SHIM_H

#include <stddef.h>

/// Prepares line editing: a UTF-8 character type (so non-ASCII input edits as characters) and
/// the completion word breaks. Call once before the first `eshim_readline`.
void eshim_setup(void);
/// Reads a line with editing and history; NULL at end of input or when Ctrl-C cancels the line.
/// `*interrupted` is set to 1 when Ctrl-C was pressed while reading (0 otherwise): with NULL the
/// line was cancelled; with a line, Ctrl-C came just after Enter. The caller frees the result.
/// SIGINT is handled only while reading; the previous handler is restored before returning.
char *eshim_readline(const char *prompt, int *interrupted);
/// Columns of the terminal on standard output, or 0 when unknown.
int eshim_terminal_columns(void);
/// Adds a line to the in-memory history.
void eshim_add_history(const char *line);
/// Loads history from `path`; returns 0 on success.
int eshim_read_history(const char *path);
/// Saves history to `path`; returns 0 on success.
int eshim_write_history(const char *path);
/// Keeps at most `count` history entries.
void eshim_stifle_history(int count);

/// Produces completions for `text`: calls `eshim_add_completion` for each candidate.
/* text: the word before the cursor; before: the line before that word. */
typedef void (*eshim_CompletionProvider)(const char *text, const char *before);
/// Installs the completion provider; '.' and ':' do not break words, so `string.fo` completes whole.
void eshim_set_completion(eshim_CompletionProvider provider);
/// Adds one candidate while a provider runs.
void eshim_add_completion(const char *candidate);

#endif
