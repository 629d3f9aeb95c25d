/* yaml_scan: the baseline of the benchmark — libyaml alone parsing a file
 * into events and discarding them, as fast as libyaml can read it. */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: yaml_scan FILE\n", stderr);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    yaml_parser_t p;
    yaml_event_t ev;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_file(&p, f);
    size_t events = 0;
    for (;;) {
        if (!yaml_parser_parse(&p, &ev)) {
            fprintf(stderr, "%s: %s\n", argv[1], p.problem ? p.problem : "error");
            return 1;
        }
        int done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        events++;
        if (done)
            break;
    }
    yaml_parser_delete(&p);
    fclose(f);
    printf("%zu events\n", events);
    return 0;
}
