import Glibc

/// Selects the user's locale, falling back to C.UTF-8 for character handling. ncursesw needs a
/// UTF-8 `LC_CTYPE` to draw and read non-ASCII text; without it `é` arrives as bytes, borders turn
/// into `lqqk` and `wcwidth` returns -1. Machines often lack the locale `LANG` names.
enum UTF8Locale {
    static func select() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
