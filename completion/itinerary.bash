# bash completion for itinerary: commands, options, formats, languages, and
# the participant and group ids of the file named on the command line.
_itinerary() {
  local cur prev cmd file i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  # The delegation file: the first argument after the command that is not an option.
  for ((i = 2; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -o|--output|-d|--dir|--format|-f|--lang|--width|--participant|--group|--paper) ((i++)) ;;
      -*) ;;
      *) file=${COMP_WORDS[i]}; break ;;
    esac
  done

  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "plan check export list help --help --version" -- "$cur"))
    return
  fi
  case $prev in
    --format|-f) COMPREPLY=($(compgen -W "text md ics json pdf transport" -- "$cur")); return ;;
    --paper) COMPREPLY=($(compgen -W "a4 letter" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en de ko" -- "$cur")); return ;;
    --width) COMPREPLY=($(compgen -W "60 72 80 100 120" -- "$cur")); return ;;
    -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -d|--dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --participant|--group)
      if [[ -n $file && -r $file ]]; then
        local kind=participants
        [[ $prev == --group ]] && kind=groups
        COMPREPLY=($(compgen -W "$(itinerary list "$file" "$kind" 2>/dev/null | cut -f1)" -- "$cur"))
      fi
      return ;;
  esac
  case $cmd in
    help) COMPREPLY=($(compgen -W "plan check export list" -- "$cur")) ;;
    plan)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--format -o --output --participant --group --lang --width --no-transfers --invite --paper --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    export)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-d --dir --lang --width --paper --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    list)
      if [[ -n $file ]]; then
        COMPREPLY=($(compgen -W "participants groups institutions visits" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    check)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
  esac
}
complete -F _itinerary itinerary
