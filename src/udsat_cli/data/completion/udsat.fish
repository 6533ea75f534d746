# fish completion for udsat (udsat completion fish --install puts this where fish finds it).
# udsat itself says what fits: commands, options, formats, names and meeting dates.
function __udsat_complete
    set -l before (commandline -opc)
    set -e before[1]
    set -l current (commandline -ct)
    set -l out (command udsat __complete (count $before) $before $current 2>/dev/null)
    if test "$out[1]" = "::files"
        __fish_complete_path $current
        return
    end
    printf '%s\n' $out
end
complete -c udsat -f -a '(__udsat_complete)'
