"""Settings dialog: the auditing organisation's name, address and logo reach the report."""

from __future__ import annotations

from PIL import Image
from ui_helpers import audit_window, run_modal

from auditapp.reports import branding


def test_settings_dialog_sets_organisation_and_refuses_a_bad_logo(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    good = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), "#0B5394").save(good)
    bad = tmp_path / "logo.jpg"
    bad.write_bytes(b"not an image at all")
    seen: dict[str, object] = {}

    def fill(dialog):
        dialog.organisation.setText("Northbridge Clinical QA GmbH")
        dialog.address.setPlainText("Hafenstraße 12\n20457 Hamburg")
        seen["bad"] = dialog.set_logo_path(str(bad))
        seen["error"] = dialog.messages.text()
        seen["good"] = dialog.set_logo_path(str(good))
        seen["preview"] = not dialog.logo_preview.pixmap().isNull()
        dialog.grab().save(str(tmp_path / "settings.png"))
        dialog.commit()

    run_modal(window.open_settings, fill)
    assert seen["bad"] is False and "cannot be read as an image" in str(seen["error"])
    assert seen["good"] is True and seen["preview"] is True
    with db.session() as s:
        loaded = branding.load_branding(s)
    assert loaded.organisation == "Northbridge Clinical QA GmbH"
    assert loaded.address == "Hafenstraße 12\n20457 Hamburg"
    assert loaded.logo is not None and loaded.logo.startswith(b"\x89PNG")
