"""The README documents every command, and its set-up is the two commands the Makefile runs."""
from cityties.cli import app
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_names() -> set[str]:
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    return names | {g.name for g in app.registered_groups}


def test_every_command_is_in_the_readme():
    assert {"ingest", "events", "event", "dossier", "export", "serve", "user", "watch"} <= command_names()
    for name in command_names():
        assert f"`cityties {name}" in README, name


def test_the_two_setup_commands_exist_in_the_makefile():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make demo" in README and "make test" in README
    assert "\ndemo:" in makefile and "\ntest:" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
