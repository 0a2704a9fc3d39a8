"""The receiving side's `package show` names the case the package created here (it printed
"case none": an inbound row names no case of ours until we look at what it imported)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from fraudlink.cli.common import SafeConsole
from fraudlink.cli.render_share import print_package
from fraudlink.share import Request, open_package
from fraudlink.share.show import show_package


def test_inbound_package_show_names_the_received_case(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    out = sender.out / "n.flpkg"
    request = Request(kind="case_notification", case=kit.case, to="CN-MPS", out=str(out),
                      created_by="alice", action="locate the recruiter")  # fmt: skip
    package_id = kit.send(sender, request).package_id
    open_package(receiver.db, out, kit.passphrase, receiver.evidence, "bo")
    view = show_package(receiver.db, package_id)
    assert view.direction == "inbound" and view.case == kit.case
    buffer = io.StringIO()
    print_package(SafeConsole(file=buffer, width=100), view)
    text = buffer.getvalue()
    assert f"from KH-NPA to CN-MPS, case {kit.case}" in text and "none" not in text
