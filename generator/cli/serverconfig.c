/* serverconfig.c: suture server-config (serverconfig.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "cli/serverconfig.h"
#include "content/config.h"
#include "render/hosting.h"

enum { S_EXIT_USAGE = 2 };

/* The server kinds suture server-config knows, for its usage message. */
static const char S_kinds[] = "nginx";

/* The folder nginx serves when --root is not given: site/ here, as an absolute path. */
static char *S_default_root(void)
{
    char *cwd = getcwd(NULL, 0);
    char *root = cwd ? path_join(cwd, "site") : NULL;
    free(cwd);
    return root;
}

/* Print the nginx configuration for the site of content/site.yaml; the exit status. */
static int S_print_nginx(const serverconfig_options *opt, hosting_nginx_options *o, FILE *out,
                         FILE *err)
{
    diag_list *diags = diag_list_new();
    char *site_yaml = path_join(opt->content_dir, "site.yaml");
    config *cfg = config_load(site_yaml, diags);
    free(site_yaml);
    diag_list_print(diags, err);
    bool failed = !cfg || diag_error_count(diags) > 0;
    diag_list_free(diags);
    if (failed) {
        config_free(cfg);
        return 1;
    }
    char *command = xasprintf("suture server-config nginx --content %s --root %s --listen %s%s",
                              opt->content_dir, o->root, o->listen,
                              o->brotli ? "" : " --no-brotli");
    o->command = command;
    char *text = hosting_nginx(cfg, o);
    int status = fputs(text, out) < 0 || fflush(out) != 0 ? 1 : 0;
    if (status)
        fprintf(err, "suture: cannot write the configuration: %s\n", strerror(errno));
    free(text);
    free(command);
    config_free(cfg);
    return status;
}

int serverconfig_run(const serverconfig_options *opt, FILE *out, FILE *err)
{
    if (!opt->kind || strcmp(opt->kind, "nginx") != 0) {
        if (opt->kind)
            fprintf(err, "suture: unknown server kind '%s': say which server to configure, "
                         "one of: %s\n", opt->kind, S_kinds);
        else
            fprintf(err, "suture: say which server to configure, one of: %s (suture "
                         "server-config nginx)\n", S_kinds);
        return S_EXIT_USAGE;
    }
    if (!path_is_dir(opt->content_dir)) {
        fprintf(err, "suture: the content folder '%s' does not exist; run suture where "
                     "content/ is, or pass --content DIR\n", opt->content_dir);
        return S_EXIT_USAGE;
    }
    const char *listen = opt->listen;
    if (!*listen || listen[strspn(listen, "0123456789abcdefABCDEF.:[]*")]) {
        fprintf(err, "suture: --listen needs a port or ADDRESS:PORT, such as 80 or "
                     "127.0.0.1:8080, not '%s'\n", listen);
        return S_EXIT_USAGE;
    }
    char *found = opt->root ? NULL : S_default_root();
    hosting_nginx_options o = {.root = opt->root ? opt->root : found, .listen = listen,
                               .brotli = opt->brotli};
    const char *why = o.root ? hosting_nginx_unquotable(o.root) : "it cannot be found";
    int status = S_EXIT_USAGE;
    if (why)
        fprintf(err, "suture: cannot write the folder '%s' into an nginx configuration: %s; "
                     "give another with --root PATH\n", o.root ? o.root : "site", why);
    else if (o.root[0] != '/')
        fprintf(err, "suture: --root needs an absolute path (nginx reads a relative one from "
                     "its own folder), not '%s'\n", o.root);
    else
        status = S_print_nginx(opt, &o, out, err);
    free(found);
    return status;
}
