/// Line editing for the REPL through libedit's readline interface.
///
/// Swift 6 cannot touch libedit's mutable globals (`rl_*`), so they are set here.
#ifndef EDIT_LINE_SHIM_H
#define EDIT_LINE_SHIM_H

#include <stddef.h>

/// Reads a line with editing and history; NULL at end of input. The caller frees the result.
char *eshim_readline(const char *prompt);
/// Adds a line to the in-memory history.
void eshim_add_history(const char *line);
/// Loads history from `path`; returns 0 on success.
int eshim_read_history(const char *path);
/// Saves history to `path`; returns 0 on success.
int eshim_write_history(const char *path);
/// Keeps at most `count` history entries.
void eshim_stifle_history(int count);

/// Produces completions for `text`: calls `eshim_add_completion` for each candidate.
typedef void (*eshim_CompletionProvider)(const char *text);
/// Installs the completion provider; '.' and ':' do not break words, so `string.fo` completes whole.
void eshim_set_completion(eshim_CompletionProvider provider);
/// Adds one candidate while a provider runs.
void eshim_add_completion(const char *candidate);

#endif
