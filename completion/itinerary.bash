# bash completion for itinerary: commands, options, formats, languages, and
# the participant and group ids of the file named on the command line (for
# diff, of NEW, the second file, once it is there).
_itinerary() {
  local cur prev cmd file i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  # The delegation file: the first argument after the command that is not an
  # option (for diff, the second one when there is one).
  local files=0
  for ((i = 2; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -o|--output|-d|--dir|--format|-f|--lang|--width|--participant|--group|--company|--solve-time|--since|--paper) ((i++)) ;;
      -*) ;;
      *) file=${COMP_WORDS[i]}; ((files++)); [[ $cmd == diff && $files -lt 2 ]] || break ;;
    esac
  done

  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "plan check export diff list holidays matchmaking help --help --version" -- "$cur"))
    return
  fi
  case $prev in
    --format|-f)
      if [[ $cmd == matchmaking ]]; then
        COMPREPLY=($(compgen -W "text md json" -- "$cur"))
      elif [[ $cmd == diff ]]; then
        COMPREPLY=($(compgen -W "text md json ics" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "text md ics json pdf transport" -- "$cur"))
      fi
      return ;;
    --solve-time) COMPREPLY=($(compgen -W "5 30 120" -- "$cur")); return ;;
    --since) COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --paper) COMPREPLY=($(compgen -W "a4 letter" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en de ko vi ja zh-Hans zh-Hant fr es pl cs" -- "$cur")); return ;;
    --width) COMPREPLY=($(compgen -W "60 72 80 100 120" -- "$cur")); return ;;
    -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -d|--dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --participant|--group|--company)
      if [[ -n $file && -r $file ]]; then
        local kind=participants
        [[ $prev == --group ]] && kind=groups
        [[ $prev == --company ]] && kind=companies
        COMPREPLY=($(compgen -W "$(itinerary list "$file" "$kind" 2>/dev/null | cut -f1)" -- "$cur"))
      fi
      return ;;
  esac
  case $cmd in
    help) COMPREPLY=($(compgen -W "plan check export diff list holidays matchmaking" -- "$cur")) ;;
    holidays)
      if [[ $COMP_CWORD -eq 2 ]]; then
        COMPREPLY=($(compgen -W "list $(itinerary holidays list 2>/dev/null | cut -f1)" -- "$cur"))
      fi ;;
    plan)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--format -o --output --participant --group --company --lang --width --no-transfers --invite --paper --solve-time --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    export)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-d --dir --since --lang --width --paper --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    diff)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--format -o --output --participant --group --lang --width --invite --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    list)
      if [[ -n $file ]]; then
        COMPREPLY=($(compgen -W "participants groups institutions visits companies" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    matchmaking)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--format -o --output --solve-time --greedy --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    check)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--quiet --lang --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
  esac
}
complete -F _itinerary itinerary
