# bash completion for udsat (udsat completion bash --install puts this where bash finds it).
# udsat itself says what fits: commands, options, formats, names and meeting dates.
_udsat() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local before=("${COMP_WORDS[@]:1:COMP_CWORD-1}")
    local out
    out=$(command udsat __complete "${#before[@]}" "${before[@]}" "$cur" 2>/dev/null) || return 0
    COMPREPLY=()
    if [[ $out == "::files"* ]]; then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return 0
    fi
    local line
    while IFS= read -r line; do
        [[ -n $line ]] && COMPREPLY+=("$(printf '%q' "${line%%$'\t'*}")")
    done <<< "$out"
}
complete -F _udsat udsat
