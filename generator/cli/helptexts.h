/*
 * helptexts.h: the texts suture prints for its usage and for each command's --help, kept
 * apart from the command line's code (main.c) that prints them. The man page,
 * docs/suture.1, says the same at length; change both together.
 */
#ifndef SUTURE_HELPTEXTS_H
#define SUTURE_HELPTEXTS_H

/* The synopsis of every command, printed after a usage error and by suture --help. */
extern const char cli_usage[];
/* suture new --help, serve --help, check --help, build --help, server-config --help and
 * page-xml --help: what each option does, and the exit statuses. */
extern const char cli_new_help[];
extern const char cli_serve_help[];
extern const char cli_check_help[];
extern const char cli_build_help[];
extern const char cli_server_config_help[];
extern const char cli_page_xml_help[];

#endif
