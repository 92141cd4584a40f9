/// What migedit adds to ArgumentParser's bash completion script. Bash splits the word being
/// completed at `=` (it is in `COMP_WORDBREAKS`), so `--set multifd=o` reaches a completion
/// function as `multifd`, `=`, `o`, and ArgumentParser's function, which looks for `--set`
/// just before the word, offers nothing. The wrapper joins such pieces back into the word the
/// user typed, lets ArgumentParser's function complete it whole (`multifd=on`), then hands bash
/// only the part after the last `=`, which is all bash replaces, and not as a file name (readline
/// would quote the `=`). It also offers profiles
/// (`*.json`) as the first word, where `migedit PROFILE` opens the editor.
enum CompletionScript {
    /// The line ArgumentParser ends its bash script with, and the function it registers.
    static let registration = "complete -o filenames -F _migedit migedit"

    /// `script` with the wrapper registered in place of ArgumentParser's function; any other
    /// text (another shell's script, help) is returned unchanged.
    static func finishing(_ script: String) -> String {
        guard script.hasPrefix("#!/bin/bash"), script.contains(registration) else { return script }
        return script.replacing(registration, with: bashWrapper)
    }

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
