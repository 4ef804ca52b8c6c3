"""Reproducible synthetic data for benchmarks/run.py: fixed seeds, everything through the core.

Two databases:
- ``build_scale`` 1,000 audits with 20,000 findings and their answers, made through the core
  use cases (create_audit, set_response, add_finding) so the trail, the snapshots and the search
  index are what a user's database would hold; audits are committed in batches of 25 per
  transaction (the only shortcut taken).
- ``build_big_audit`` one audit of 250 questions, 60 findings and 100 photos of 12 MP, the
  photos imported through the real path (checks, hash, derived images).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import random
from pathlib import Path

SEED = 18
PHOTO_SIZE = (4000, 3000)  # 12 megapixels, a phone camera
BIG_REFERENCE = "AUD-2026-900"
BIG_QUESTIONS, BIG_FINDINGS, BIG_PHOTOS = 250, 60, 100

_VOCABULARY = (
    "archive temperature freezer calibration deviation monitoring consent investigator sponsor "
    "training record signature audit trail access password backup validation change control "
    "SOP version protocol amendment SAE SUSAR pharmacovigilance reconciliation database lock "
    "query source data verification CRF EDC vendor oversight subcontractor qualification CAPA "
    "root cause effectiveness escalation risk assessment essential documents TMF filing delay "
    "missing incomplete unapproved overdue retrospective user account shared role privilege "
    "randomisation unblinding IMP accountability shipment excursion label storage humidity"
)
WORDS = tuple(_VOCABULARY.split())
CLASSES = ("critical", "major", "major", "minor", "minor", "minor", "recommendation")
TYPES = ("vendor_qualification", "routine_system", "study_specific", "for_cause", "pre_inspection")
STATUSES = ("planned", "in_progress", "reporting", "in_review")


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def photo(rng: random.Random, index: int, size: tuple[int, int] = PHOTO_SIZE) -> bytes:
    from PIL import Image, ImageDraw

    # Drawn at a quarter of the size and enlarged: a JPEG of realistic size, made quickly.
    small = (size[0] // 4, size[1] // 4)
    image = Image.linear_gradient("L").resize(small).convert("RGB")
    image = Image.blend(
        image, Image.new("RGB", small, tuple(rng.randrange(40, 220) for _ in range(3))), 0.6
    )
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        draw.rectangle(
            (x, y, x + rng.randrange(40, 300), y + rng.randrange(30, 200)),
            fill=tuple(rng.randrange(256) for _ in range(3)),
        )
    draw.text((40, 40), f"Photo {index:03d}", fill=(255, 255, 255))
    grain = Image.effect_noise(small, 18).convert("RGB")
    image = Image.blend(image, grain, 0.1).resize(size)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def build_scale(
    path: Path,
    *,
    audits_n: int = 1000,
    findings_per: int = 20,
    answers_per: int = 10,
    batch: int = 25,
) -> None:
    from auditapp.core import audits, checklists, demo, findings
    from auditapp.core.db import open_database
    from auditapp.core.models import Organisation, OrganisationKind

    rng = random.Random(SEED)
    db = open_database(path)
    try:
        demo.create_demo(db)  # accounts, a sponsor, one complete audit
        with db.session(actor="demo.lead") as s:
            checklist = checklists.get(s, "cro-gcp-audit")
            tailored = {t: checklist.tailored(audit_type=t, area_ids=None) for t in TYPES}
            for i in range(40):
                s.add(
                    Organisation(
                        kind=OrganisationKind.CRO.value,
                        legal_name=f"{rng.choice(WORDS).capitalize()} Research {i:02d} Ltd.",
                        address=f"{i} High Street",
                    )
                )
        for start in range(0, audits_n, batch):
            with db.session(actor="demo.lead") as s:
                from sqlalchemy import select

                orgs = list(
                    s.scalars(
                        select(Organisation).where(Organisation.kind == OrganisationKind.CRO.value)
                    )
                )
                for i in range(start, min(start + batch, audits_n)):
                    kind = TYPES[i % len(TYPES)]
                    day = dt.date(2019, 1, 7) + dt.timedelta(days=i * 2)
                    audit = audits.create_audit(
                        s,
                        title=f"Audit {i + 1} of {rng.choice(WORDS)} and {rng.choice(WORDS)}",
                        audit_type=kind,
                        checklist=checklist,
                        reference=f"AUD-{day.year}-{i + 1:04d}",
                        auditee=rng.choice(orgs),
                        planned_start=day,
                        planned_end=day + dt.timedelta(days=2),
                        objectives=sentence(rng, 20),
                        scope=sentence(rng, 15),
                    )
                    questions = tailored[kind].questions
                    for q in rng.sample(questions, min(answers_per, len(questions))):
                        audits.set_response(
                            s,
                            audit,
                            q.id,
                            result=rng.choice(
                                ("compliant", "compliant", "partially_compliant", "non_compliant")
                            ),
                            notes=sentence(rng, rng.randrange(4, 14)),
                            actor="demo.lead",
                        )
                    for n in range(findings_per):
                        q = rng.choice(questions)
                        findings.add_finding(
                            s,
                            audit,
                            title=sentence(rng, 7)[:-1],
                            classification=CLASSES[n % 7],
                            observation=sentence(rng, 40),
                            impact=sentence(rng, 12),
                            recommendation=sentence(rng, 12),
                            references=list(q.references)[:2],
                            question_ids=[q.id],
                            owner="Auditee QA",
                        )
                    audit.status = STATUSES[i % len(STATUSES)]
    finally:
        db.close()


def _big_checklist(session):  # type: ignore[no-untyped-def]
    """The shipped checklist plus an extra area, to reach 250 questions."""
    from auditapp.core import checklists

    content = copy.deepcopy(checklists.get(session, "cro-gcp-audit").content)
    template = content["areas"][0]["sections"][0]["questions"][0]
    shipped = sum(len(s["questions"]) for a in content["areas"] for s in a["sections"])
    extra = []
    for n in range(1, BIG_QUESTIONS - shipped + 1):
        q = copy.deepcopy(template)
        q["id"] = f"XTR-{n:02d}"
        extra.append(q)
    content["areas"].append(
        {
            "id": "XTR",
            "title": {"en": "Extra area", "de": "Zusatzbereich"},
            "sections": [
                {"id": "XTR.1", "title": {"en": "Extra", "de": "Zusatz"}, "questions": extra}
            ],
        }
    )
    return checklists.from_content(content, source="benchmark")


def write_photos(folder: Path) -> list[Path]:
    rng = random.Random(SEED + 1)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(BIG_PHOTOS):
        path = folder / f"IMG_{i:04d}.jpg"
        path.write_bytes(photo(rng, i))
        out.append(path)
    return out


def build_big_audit(path: Path) -> None:
    """The audit without its photos: benchmarks/run.py imports them and times the import."""
    from auditapp.core import audits, demo, findings
    from auditapp.core.db import open_database
    from auditapp.core.models import AuditType

    rng = random.Random(SEED + 2)
    db = open_database(path)
    try:
        demo.create_demo(db)
        with db.session(actor="demo.lead") as s:
            first = audits.get_audit(s, audits.summaries(s)[0].reference)
            audit = audits.create_audit(
                s,
                title="Benchmark audit: 250 questions, 60 findings, 100 photos",
                audit_type=AuditType.PRE_INSPECTION,
                checklist=_big_checklist(s),
                reference=BIG_REFERENCE,
                sponsor=first.sponsor,
                auditee=first.auditee,
                lead_auditor=first.lead_auditor,
                objectives=first.objectives,
                scope=first.scope,
                conclusion=first.conclusion,
                sampling=first.sampling,
                overall_rating="acceptable_with_capa",
                actual_start=first.actual_start,
                actual_end=first.actual_end,
            )
            questions = audits.audit_checklist(audit).questions
            assert len(questions) == BIG_QUESTIONS, len(questions)
            for i, q in enumerate(questions[:200]):
                audits.set_response(
                    s,
                    audit,
                    q.id,
                    result=("compliant", "partially_compliant", "non_compliant", "not_applicable")[
                        i % 4
                    ],
                    notes=sentence(rng, 20),
                    actor="demo.lead",
                )
            for n in range(BIG_FINDINGS):
                q = questions[n * 3 % len(questions)]
                findings.add_finding(
                    s,
                    audit,
                    title=f"Finding {n + 1}: " + sentence(rng, 8),
                    classification=CLASSES[n % 7],
                    observation=sentence(rng, 120),
                    impact=sentence(rng, 25),
                    risk=sentence(rng, 20),
                    recommendation=sentence(rng, 30),
                    references=list(q.references),
                    question_ids=[q.id],
                    owner="Auditee QA",
                )
    finally:
        db.close()
