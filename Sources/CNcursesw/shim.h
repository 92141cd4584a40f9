#ifndef MIGEDIT_CNCURSESW_SHIM_H
#define MIGEDIT_CNCURSESW_SHIM_H

/*
 * SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600 ("prohibited flag"), and that define is what
 * normally turns on ncurses' wide-character API (cchar_t, get_wch, setcchar). Ask for it directly,
 * before the header is read.
 */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <ncurses.h>

/* glibc declares wcwidth only under _XOPEN_SOURCE, which SwiftPM dropped along with the flag above. */
extern int wcwidth(wchar_t c);

/*
 * Swift 6 rejects ncurses' C globals (stdscr, COLORS) as shared mutable state, and cannot import
 * the attribute macros because they are built from casts. These accessors stand in for both.
 */
static inline WINDOW *migedit_stdscr(void) { return stdscr; }
static inline int migedit_colors(void) { return COLORS; }
static inline int migedit_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t migedit_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t migedit_A_BOLD(void) { return A_BOLD; }
static inline attr_t migedit_A_DIM(void) { return A_DIM; }
static inline attr_t migedit_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t migedit_A_UNDERLINE(void) { return A_UNDERLINE; }

#endif
