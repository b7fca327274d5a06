"""The entry point spawns the embedded server's process before Qt loads, only when it is used."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import paths
from desktop.launch import spawn_embedded_server, stored_server_url
from desktop.settings import Settings


def test_the_first_look_at_the_settings_reads_what_the_settings_wrote(tmp_path: Path) -> None:
    path = tmp_path / paths.SETTINGS_FILE
    assert stored_server_url(path) == ""  # no file yet: the embedded server
    settings = Settings(path)
    settings.language = "en"
    assert stored_server_url(path) == ""
    settings.server_url = "https://extranet.example.org:8443/glas"
    assert stored_server_url(path) == "https://extranet.example.org:8443/glas"
    settings.reset("server_url")
    assert stored_server_url(path) == ""


def test_an_unreadable_settings_file_counts_as_no_server_url(tmp_path: Path) -> None:
    path = tmp_path / paths.SETTINGS_FILE
    path.write_bytes(b"server_url=\xff\xfe no section\n")
    assert stored_server_url(path) == ""  # the app's own Settings decide later


@pytest.mark.parametrize(
    "argv",
    [
        ["--server-url", "https://extranet.example.org"],
        ["--server-url=https://extranet.example.org"],
        ["--version"],
        ["--help"],
    ],
)
def test_no_server_process_for_a_server_url_or_a_print_only_option(argv: list[str]) -> None:
    assert spawn_embedded_server(argv) is None


def test_no_server_process_when_the_settings_name_a_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    Settings().server_url = "https://extranet.example.org"
    assert spawn_embedded_server(["--check-startup"]) is None


def test_the_spawned_server_opens_nothing_until_told_to_serve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    server = spawn_embedded_server([])
    assert server is not None
    try:
        assert server.db_path == tmp_path / "data" / paths.EMBEDDED_DB
        assert server.running
        assert not server.url
        assert not server.db_path.exists()
    finally:
        server.stop()  # the app did not need it (another instance holds the lock)
    assert not server.running
    assert not server.db_path.exists()
