"""The nginx set-up for several app processes (deploy/): what the rendered files say, checked by
Debian's nginx itself. Running it for real: tests/e2e/test_browser_cluster.py."""

from __future__ import annotations

import subprocess

from deploy.cluster import Site, main, nginx_binary, render_site, render_standalone


def test_the_site_keeps_a_browser_on_one_process_by_cookie_not_by_address():
    site = render_site(Site(apps=(8501, 8502)))
    assert not [line for line in site.splitlines() if line.strip().startswith("ip_hash")]
    assert "hash $nvs_route consistent;" in site
    assert "server 127.0.0.1:8501 max_fails=1 fail_timeout=10s;" in site
    assert "server 127.0.0.1:8502 max_fails=1 fail_timeout=10s;" in site
    assert "proxy_set_header Upgrade $http_upgrade;" in site  # websockets
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site  # the client, for throttling
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert "proxy_next_upstream error timeout" in site
    assert "@@" not in site


def test_with_tls_the_site_serves_https_and_the_affinity_cookie_is_secure():
    site = render_site(Site(apps=(8501,), listen="443 ssl", server_name="spejl.kommune.dk",
                            tls_certificate="/etc/ssl/spejl.crt", tls_key="/etc/ssl/private/spejl.key"))  # fmt: skip
    assert "listen 443 ssl;" in site and "server_name spejl.kommune.dk;" in site
    assert "ssl_certificate /etc/ssl/spejl.crt;" in site and "ssl_certificate_key /etc/ssl/private/spejl.key;" in site
    assert "SameSite=Lax; Secure" in site


def test_nginx_itself_accepts_the_configuration(tmp_path):
    (tmp_path / "site.conf").write_text(render_site(Site(apps=(8501, 8502), listen="127.0.0.1:18080")))
    conf = tmp_path / "nginx.conf"
    conf.write_text(render_standalone(tmp_path))
    checked = subprocess.run(
        [nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


def test_render_site_prints_what_an_operator_installs(capsys):
    assert main(["render-site", "--apps", "8501,8502", "--listen", "80", "--server-name", "spejl.kommune.dk"]) == 0
    printed = capsys.readouterr().out
    assert printed == render_site(Site(apps=(8501, 8502), listen="80", server_name="spejl.kommune.dk"))
