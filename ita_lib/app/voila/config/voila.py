# Voilà's configuration for `ita-report app` (passed with --Voila.config_file_paths): read by Voilà
# as Python, so it holds only settings.
c = get_config()  # noqa: F821 - given by traitlets when Voilà reads this file

# An upload arrives in one websocket message, all files of one choice together: tornado's default of
# 10 MiB drops anything larger without a word (the socket closes and reconnects). 128 MiB holds two
# files at the readers' limit of 50 MB each.
c.Voila.tornado_settings = {"websocket_max_message_size": 128 * 1024 * 1024}


def _set_xsrf_cookie(request, notebook, cwd):
    """Make tornado set the _xsrf cookie: without it the request Voilà sends when a page is closed
    (to shut its kernel down) is refused, and every closed page's kernel lives on until the server
    stops (voila-dashboards/voila#1458)."""
    request.xsrf_token


c.VoilaConfiguration.prelaunch_hook = _set_xsrf_cookie
# Kernels of pages left open but idle, or whose close was never heard, end after an hour.
c.MappingKernelManager.cull_idle_timeout = 3600
c.MappingKernelManager.cull_interval = 300
