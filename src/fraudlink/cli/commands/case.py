"""``fraudlink case``: open cases, attach reports and subjects, record each subject's steps."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from fraudlink.cli.choices import PersonRole, SubjectStep, Tlp
from fraudlink.cli.common import (
    DbOption,
    JsonOption,
    console,
    database,
    print_jsonl,
    reader,
    say,
    styled,
)
from fraudlink.cli.signin import UserOption, signed_in

case_app = typer.Typer(
    help="Cases: lead and partner agencies, reports, subjects and their history.",
    no_args_is_help=True,
)

PersonId = Annotated[
    int, typer.Argument(metavar="PERSON", help="Person id, as `fraudlink person find` shows it.")
]
Reference = Annotated[str, typer.Argument(help="The case reference, e.g. KH-2025-001.")]
Flags = Annotated[
    list[str] | None,
    typer.Option("--flag", help="e.g. political, military, religious, racial (case) or "
                 "asylum_seeker, at_risk_of_persecution (subject); repeatable."),
]  # fmt: skip


@case_app.command("open")
def open_command(
    ctx: typer.Context,
    reference: Reference,
    title: Annotated[str, typer.Option(help="What the case is about.")],
    lead: Annotated[str, typer.Option(help="Code of the lead agency.")],
    partner: Annotated[list[str] | None, typer.Option(help="Partner agency; repeatable.")] = None,
    tlp: Annotated[Tlp, typer.Option(help="TLP 2.0 marking.")] = Tlp.AMBER,
    flag: Flags = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Open a case led by one agency with its partners, signed in (the audit log names you)."""
    from fraudlink import cases

    store = database(ctx, db)
    by = signed_in(store, user).username
    with store.session() as session:
        cases.open_case(session, reference, title, lead, partner or [], tlp.value,
                        dict.fromkeys(flag or [], True), user=by)  # fmt: skip
    say(json_, {"reference": reference, "lead": lead, "tlp": tlp.value}, f"opened case {reference}")


@case_app.command("add-report")
def add_report_command(
    ctx: typer.Context,
    reference: Reference,
    agency: str,
    report_id: str,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Attach an ingested report (its agency and id) to a case."""
    from fraudlink import cases

    with database(ctx, db).session() as session:
        cases.attach_report(session, cases.get_case(session, reference), agency, report_id)
    say(json_, {"case": reference, "report": f"{agency}/{report_id}"},
        f"report {agency}/{report_id} attached to {reference}")  # fmt: skip


@case_app.command("add-subject")
def add_subject_command(
    ctx: typer.Context,
    reference: Reference,
    entity_id: PersonId,
    role: Annotated[PersonRole, typer.Option(help="The part the person plays.")],
    flag: Flags = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Make a person or organisation a subject of the case, in one role."""
    from fraudlink import cases

    with database(ctx, db).session() as session:
        case = cases.get_case(session, reference)
        subject = cases.add_subject(
            session, case, entity_id, role.value, dict.fromkeys(flag or [], True)
        )
    say(json_, {"case": reference, "person": subject.entity_id, "role": role.value},
        f"person {subject.entity_id} added to {reference} as {role.value}")  # fmt: skip


@case_app.command("status")
def status_command(
    ctx: typer.Context,
    reference: Reference,
    entity_id: PersonId,
    status: Annotated[SubjectStep, typer.Argument(help="The step reached.")],
    agency: Annotated[str, typer.Option(help="The agency that acted.")],
    on: Annotated[dt.datetime, typer.Option(formats=["%Y-%m-%d"], help="When it happened.")],
    legal_basis: Annotated[str | None, typer.Option(help="e.g. extradition treaty art. 5")] = None,
    note: Annotated[str | None, typer.Option()] = None,
    role: Annotated[
        PersonRole | None, typer.Option(help="The subject's role, when the person has several.")
    ] = None,
    user: UserOption = None,
    db: DbOption = None,
    json_: JsonOption = False,
) -> None:
    """Record the next step of a subject (wanted → located → arrested → …), signed in."""
    from fraudlink import cases

    store = database(ctx, db)
    by = signed_in(store, user).username
    with store.session() as session:
        case = cases.get_case(session, reference)
        subject = cases.find_subject(session, case, entity_id, role.value if role else None)
        cases.record_status(
            session, subject, status.value, on.date(), agency, legal_basis, note, user=by
        )
    data = {"case": reference, "person": entity_id, "status": status.value,
            "on": on.date().isoformat()}  # fmt: skip
    say(json_, data, f"person {entity_id} of {reference}: {status.value} on {on.date()}")


@case_app.command("show")
def show_command(
    ctx: typer.Context, reference: Reference, db: DbOption = None, json_: JsonOption = False
) -> None:
    """A case with its agencies, reports, subjects and their history."""
    from fraudlink import cases

    with reader(ctx, db).session() as session:
        view = cases.case_overview(session, cases.get_case(session, reference))
    if json_:
        print_jsonl([view])
        return
    console.print(
        styled(
            (view["reference"], "bold"),
            f" {view['title']} — TLP:{view['tlp']}, "
            f"lead {view['lead']}, partners {', '.join(view['partners']) or 'none'}",
        )
    )
    console.print(f"reports: {', '.join(view['reports']) or 'none'}")
    for subject in view["subjects"]:
        steps = " → ".join(f"{s['status']} ({s['on']})" for s in subject["history"]) or "no steps"
        console.print(
            f"  person {subject['entity']}: {subject['name']} ({subject['role']}): {steps}"
        )


@case_app.command("list")
def list_command(ctx: typer.Context, db: DbOption = None, json_: JsonOption = False) -> None:
    """Every case, newest first."""
    from fraudlink import cases

    with reader(ctx, db).session() as session:
        rows = [{"reference": c.reference, "title": c.title, "status": c.status, "tlp": c.tlp}
                for c in cases.list_cases(session)]  # fmt: skip
    if json_:
        print_jsonl(rows)
        return
    for row in rows:
        console.print(f"{row['reference']}  {row['status']:<8} TLP:{row['tlp']:<12} {row['title']}")


def register(app: typer.Typer) -> None:
    app.add_typer(case_app, name="case")
