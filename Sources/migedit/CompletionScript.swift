/// What migedit adds to ArgumentParser's completion scripts so that `NAME=` candidates work.
///
/// Bash splits the word being completed at `=` (it is in `COMP_WORDBREAKS`), so
/// `--set multifd=o` reaches a completion function as `multifd`, `=`, `o`, and ArgumentParser's
/// function, which looks for `--set` just before the word, offers nothing. The wrapper joins
/// such pieces back into the word the user typed, lets ArgumentParser's function complete it
/// whole (`multifd=on`), then hands bash only the part after the last `=`, which is all bash
/// replaces, and not as a file name (readline would quote the `=`). It also offers profiles
/// (`*.json`) as the first word, where `migedit PROFILE` opens the editor.
///
/// Zsh keeps the word whole but puts a space after every candidate; a `NAME=` candidate must
/// leave the cursor after the `=`. Fish leaves no space after `=` by itself.
enum CompletionScript {
    /// The line ArgumentParser ends its bash script with, and the function it registers.
    static let registration = "complete -o filenames -F _migedit migedit"

    /// The function through which ArgumentParser's zsh script adds every candidate.
    static let zshAdding = #"""
        __migedit_complete() {
            local -ar non_empty_completions=("${@:#(|:*)}")
        """#

    /// `script` with migedit's additions when it is ArgumentParser's bash or zsh script; any
    /// other text (fish's script, help) is returned unchanged.
    static func finishing(_ script: String) -> String {
        if script.hasPrefix("#!/bin/bash"), script.contains(registration) {
            return script.replacing(registration, with: bashWrapper)
        }
        if script.hasPrefix("#compdef migedit"), script.contains(zshAdding) {
            let renamed = zshAdding.replacing("__migedit_complete()", with: "__migedit_complete_closed()")
            return script.replacing(zshAdding, with: zshNoSpaceAfterEquals + renamed)
        }
        return script
    }

    /// Adds the `NAME=` candidates with no suffix, then the others as ArgumentParser does
    /// (its function, renamed).
    private static let zshNoSpaceAfterEquals = #"""
        # Added by migedit: a NAME= candidate keeps the cursor after the "=", for the value.
        __migedit_complete() {
            local -ar open_ended=("${(M)@:#*=}")
            (( ${#open_ended} )) && compadd -S '' -- "${open_ended[@]}"
            __migedit_complete_closed "${@:#*=}"
        }


        """#

    private static let bashWrapper = #"""
        # Added by migedit: join the NAME=VALUE words bash split at "=", complete them whole with
        # _migedit, and give bash back only the text after the last "=" (not as a file name, which
        # readline would write as NAME\=).
        _migedit_whole_words() {
            local -a joined=()
            local -i joined_cword=0 start=0 index
            local line="${COMP_LINE}" trimmed word
            for ((index = 0; index < ${#COMP_WORDS[@]}; index++)); do
                word="${COMP_WORDS[index]}"
                trimmed="${line#"${line%%[![:space:]]*}"}"
                if ((index > 0 && ${#trimmed} == ${#line})) && [[ ${word} == "=" || ${joined[-1]} == *= ]]; then
                    joined[-1]+="${word}"
                else
                    joined+=("${word}")
                    ((index <= COMP_CWORD)) && start=$((${#COMP_LINE} - ${#trimmed}))
                fi
                line="${trimmed#"${word}"}"
                ((index == COMP_CWORD)) && joined_cword=$((${#joined[@]} - 1))
            done
            local cur="${COMP_LINE:start:COMP_POINT-start}"
            local prev="${joined[joined_cword-1]}"
            local -a COMP_WORDS=("${joined[@]}")
            local COMP_CWORD="${joined_cword}"
            _migedit "${1}" "${cur}" "${prev}"
            if ((COMP_CWORD == 1)) && [[ ${cur} != -* ]]; then
                __migedit_add_completions -o plusdirs -f -X '!*.json'
            fi
            local bash_word="${2}"
            local dropped="${cur%"${bash_word}"}"
            if [[ -n ${dropped} ]]; then
                COMPREPLY=("${COMPREPLY[@]#"${dropped}"}")
            fi
            if [[ ${cur} == *=* || ${COMPREPLY[*]} == *=* ]]; then
                compopt +o filenames
            fi
            if ((${#COMPREPLY[@]} == 1)) && [[ ${COMPREPLY[0]} == *= ]]; then
                compopt -o nospace
            fi
        }
        complete -o filenames -F _migedit_whole_words migedit
        """#
}
