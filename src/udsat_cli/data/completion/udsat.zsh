#compdef udsat
# zsh completion for udsat: save as _udsat in a folder on $fpath (udsat completion zsh --install
# uses ~/.zfunc). udsat itself says what fits: commands, options, formats, names, meeting dates.
_udsat() {
    local -a lines words_ displays
    local line out
    out=$(command udsat __complete $((CURRENT - 2)) "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null) || return 1
    lines=("${(@f)out}")
    if [[ ${lines[1]} == "::files" ]]; then
        _files
        return
    fi
    for line in $lines; do
        [[ -z $line ]] && continue
        words_+=("${line%%$'\t'*}")
        if [[ $line == *$'\t'* ]]; then
            displays+=("${line%%$'\t'*}  -- ${line#*$'\t'}")
        else
            displays+=("${line}")
        fi
    done
    (( ${#words_} )) && compadd -l -d displays -- "${words_[@]}"
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _udsat "$@"
else
    compdef _udsat udsat
fi
