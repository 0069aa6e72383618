"""Where the user's files live: a command-line flag, then an environment variable, then the
platform's data folder (platformdirs, so XDG_DATA_HOME is honoured on Linux). Settings and the
user's own templates live in the config folder: $OUTREACH_TUI_CONFIG_DIR, else the platform's
(XDG_CONFIG_HOME on Linux).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "outreach-tui"
DATA_DIR_ENV = "OUTREACH_TUI_DATA_DIR"
CONFIG_DIR_ENV = "OUTREACH_TUI_CONFIG_DIR"
TEMPLATES_FOLDER = "templates"


def data_dir(
    flag: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The data folder: `--data-dir` > $OUTREACH_TUI_DATA_DIR > platformdirs.user_data_path."""
    env = os.environ if environ is None else environ
    if flag:
        return Path(flag).expanduser()
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_path(APP_NAME))


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The config folder (settings.toml, templates/): $OUTREACH_TUI_CONFIG_DIR >
    platformdirs.user_config_path (on Linux $XDG_CONFIG_HOME/outreach-tui)."""
    env = os.environ if environ is None else environ
    if env.get(CONFIG_DIR_ENV):
        return Path(env[CONFIG_DIR_ENV]).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_path(APP_NAME))


def user_templates_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder of the user's own templates: `<config folder>/templates`."""
    return config_dir(environ) / TEMPLATES_FOLDER


def short_path(path: Path) -> str:
    """A path for display, with the home folder shown as ~."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def unreadable_folder(folder: Path) -> str | None:
    """Why `folder` cannot be listed and entered ("permission denied"...), or None when it can,
    or does not exist (a missing config folder just means the defaults)."""
    try:
        with os.scandir(folder):
            pass
        os.stat(os.path.join(folder, "."))  # entering it needs the x bit, listing the r bit
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return reason[:1].lower() + reason[1:]
    return None


def config_problem(config: Path) -> tuple[bool, bool, str | None]:
    """Whether the settings and the templates folder inside `config` can be read, and if not,
    one line saying which folder and that the defaults are used: (settings_ok, templates_ok,
    problem). A folder others cannot read is the user's choice; this only reports it."""
    reason = unreadable_folder(config)
    if reason:
        return (
            False,
            False,
            f"{config}: cannot read the config folder ({reason}); "
            "using the default settings and the built-in templates",
        )
    templates = config / TEMPLATES_FOLDER
    reason = unreadable_folder(templates)
    if reason:
        return (
            True,
            False,
            f"{templates}: cannot read your templates folder ({reason}); "
            "using the default, built-in templates",
        )
    return True, True, None
