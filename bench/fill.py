"""Fill a bench municipality (bench/run.py: clients, staff, 50 journal entries each) with the
rest of a dossier, in SQL (INSERT ... SELECT over generate_series), so that 40,000 clients
carry about 20 million journal entries, as issue 10 asks.

Per client: a login, an agreed plan with 3 goals (one in three reached), 2 obstacles and 4
steps (client steps are promises, 60% done); 24 municipal promises over two years (80% kept on
time); 12 contact moments, 8 messages (half from the client, answered through a promise), 2
callbacks and 4 appointments; one hand-in of 8 documents (routed, most within a day); 6
letters; 2 ladder measurements; an outflow to work for one in three; and journal entries up
to `JOURNAL_PER_CLIENT` in all. Each part is skipped when present, so a run can be resumed.

    python bench/fill.py postgres://postgres@127.0.0.1:5432/maatwerk_bench_40000
"""

from __future__ import annotations

import sys
import time

import psycopg

JOURNAL_PER_CLIENT = 500
CHUNK = 2_000  # clients per journal INSERT: progress, and no transaction of millions of rows

CURRENT = "JOIN dossiers_assignment a ON a.client_id = c.id AND a.ended_at IS NULL"

PARTS: list[tuple[str, str, list[str]]] = [
    (
        "logins",
        "SELECT count(*) FROM dossiers_client WHERE user_id IS NOT NULL",
        [
            """INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff, is_active, date_joined)
               SELECT '!', false, 'client-' || c.client_number, '', '', '', false, true, c.created_at FROM dossiers_client c""",
            """UPDATE dossiers_client c SET user_id = u.id FROM auth_user u WHERE u.username = 'client-' || c.client_number""",
        ],
    ),
    (
        "promises",
        "SELECT count(*) FROM commitments_commitment WHERE description = 'Belofte (bench)'",
        [
            """INSERT INTO commitments_commitment (public_id, client_id, party, description, due_at, origin, status,
                   created_at, closed_at, evidence, evidence_ref, reason, escalation)
               SELECT gen_random_uuid(), c.id, 'municipality', 'Belofte (bench)',
                      now() - ((n * 29 + c.id % 29) || ' days')::interval,
                      (ARRAY['callback','plan_review','application_decision','other'])[1 + (n + c.id) % 4],
                      'fulfilled', now() - ((n * 29 + 40) || ' days')::interval,
                      now() - ((n * 29 + c.id % 29) || ' days')::interval
                          + (CASE WHEN (n + c.id) % 5 = 0 THEN interval '2 days' ELSE interval '-2 hours' END),
                      '', '', '', 0
               FROM dossiers_client c CROSS JOIN generate_series(1, 24) AS n""",
        ],
    ),
    (
        "plans",
        "SELECT count(*) FROM plans_plan",
        [
            """UPDATE dossiers_client SET created_at = now() - ((900 + id % 500) || ' days')::interval""",
            """INSERT INTO plans_plan (public_id, created_at, client_id)
               SELECT gen_random_uuid(), c.created_at + interval '20 days', c.id FROM dossiers_client c""",
            f"""INSERT INTO plans_planversion (public_id, number, status, revision, strengths, wishes, contact_frequency,
                   contact_channel, next_review_on, created_at, proposed_at, agreed_at, agreed_how, created_by_id, plan_id)
               SELECT gen_random_uuid(), 1, 'active', 0, 'Betrouwbaar, goed met mensen', 'Werk in de zorg',
                      (ARRAY['weekly','fortnightly','monthly','bimonthly'])[1 + c.id % 4],
                      (ARRAY['portal','phone','letter','email'])[1 + c.id % 4],
                      (now() + ((c.id % 120) || ' days')::interval)::date,
                      p.created_at, p.created_at + interval '1 day', p.created_at + interval '8 days', 'portal',
                      a.regisseur_id, p.id
               FROM plans_plan p JOIN dossiers_client c ON c.id = p.client_id {CURRENT}""",
            """UPDATE plans_plan p SET active_id = v.id FROM plans_planversion v WHERE v.plan_id = p.id""",
            """INSERT INTO plans_goal (key, text, success, timeframe, position, achieved_on, version_id)
               SELECT gen_random_uuid(), 'Doel ' || n, 'Wanneer het gelukt is', 'binnen een half jaar', n,
                      CASE WHEN (v.id + n) % 3 = 0 THEN (now() - (((v.id * 7 + n * 31) % 700) || ' days')::interval)::date END,
                      v.id
               FROM plans_planversion v CROSS JOIN generate_series(1, 3) AS n""",
            """INSERT INTO plans_obstacle (key, kind, description, approach, private, version_id)
               SELECT gen_random_uuid(),
                      (ARRAY['debts','health','care','language','housing','transport','childcare','other'])[1 + (v.id * 3 + n) % 8],
                      'Wat in de weg staat', 'Wat we eraan doen', false, v.id
               FROM plans_planversion v CROSS JOIN generate_series(1, 2) AS n""",
            """INSERT INTO commitments_commitment (public_id, client_id, party, description, due_at, origin, status,
                   created_at, closed_at, evidence, evidence_ref, reason, escalation)
               SELECT gen_random_uuid(), p.client_id, 'client', 'Stap ' || n || ' (bench)',
                      p.created_at + ((n * 60) || ' days')::interval, 'plan_step',
                      CASE WHEN (p.id + n) % 5 < 3 THEN 'fulfilled' ELSE 'open' END,
                      p.created_at + interval '8 days',
                      CASE WHEN (p.id + n) % 5 < 3 THEN p.created_at + ((n * 60 - 5 - p.id % 200) || ' days')::interval END,
                      '', '', '', 0
               FROM plans_plan p CROSS JOIN generate_series(1, 4) AS n""",
            """INSERT INTO plans_step (key, party, description, due_on, provision, provision_status, private, position,
                   commitment_id, version_id)
               SELECT gen_random_uuid(), 'client', m.description, m.due_at::date,
                      (ARRAY['','training','travel','job_coach','childcare'])[1 + m.id % 5],
                      CASE WHEN m.id % 5 = 0 THEN '' ELSE 'granted' END, false,
                      substring(m.description from 6 for 1)::int, m.id, p.active_id
               FROM commitments_commitment m JOIN plans_plan p ON p.client_id = m.client_id
               WHERE m.origin = 'plan_step' AND m.description LIKE 'Stap % (bench)'""",
        ],
    ),
    (
        "contacts",
        "SELECT count(*) FROM contacts_contactmoment",
        [
            f"""INSERT INTO contacts_contactmoment (public_id, channel, direction, moment, subject, outcome, reached, client_id, staff_id)
               SELECT gen_random_uuid(), (ARRAY['phone','in_person','portal','email','counter','video'])[1 + (c.id + n) % 6],
                      (ARRAY['in','out'])[1 + n % 2], now() - ((n * 55 + c.id % 50) || ' days')::interval,
                      'Gesprek over het plan', '', (c.id + n) % 9 <> 0, c.id, a.regisseur_id
               FROM dossiers_client c {CURRENT} CROSS JOIN generate_series(1, 12) AS n""",
            f"""INSERT INTO contacts_message (public_id, sender, text, created_at, read_at, author_id, client_id)
               SELECT gen_random_uuid(), CASE WHEN n % 2 = 0 THEN 'client' ELSE 'staff' END, 'Bericht (bench)',
                      now() - ((n * 80 + c.id % 70) || ' days')::interval,
                      now() - ((n * 80 + c.id % 70) || ' days')::interval + interval '5 hours',
                      CASE WHEN n % 2 = 0 THEN c.user_id ELSE a.regisseur_id END, c.id
               FROM dossiers_client c {CURRENT} CROSS JOIN generate_series(1, 8) AS n""",
            """WITH o AS (SELECT id, client_id, row_number() OVER (PARTITION BY client_id ORDER BY id) AS k
                          FROM commitments_commitment WHERE origin = 'other' AND party = 'municipality'),
                    m AS (SELECT id, client_id, row_number() OVER (PARTITION BY client_id ORDER BY id) AS k
                          FROM contacts_message WHERE sender = 'client')
               UPDATE contacts_message SET reply_commitment_id = o.id
               FROM m JOIN o ON o.client_id = m.client_id AND o.k = m.k WHERE contacts_message.id = m.id""",
            f"""INSERT INTO contacts_callback (public_id, phone, caller_name, requested_via, subject, requested_at, due_at,
                   status, candidates, done_at, assigned_to_id, client_id)
               SELECT gen_random_uuid(), c.phone, '', (ARRAY['phone_desk','voicemail','portal'])[1 + (c.id + n) % 3],
                      'Vraag over de uitkering', now() - ((n * 200 + c.id % 90) || ' days')::interval,
                      now() - ((n * 200 + c.id % 90 - 2) || ' days')::interval, 'done', '[]'::jsonb,
                      now() - ((n * 200 + c.id % 90 - 1) || ' days')::interval, a.regisseur_id, c.id
               FROM dossiers_client c {CURRENT} CROSS JOIN generate_series(1, 2) AS n""",
            f"""INSERT INTO contacts_appointment (public_id, kind, location, starts_at, ends_at, subject, not_in_person_reason,
                   status, client_id, created_by_id, staff_id)
               SELECT gen_random_uuid(), (ARRAY['in_person','in_person','phone','video'])[1 + (c.id + n) % 4],
                      'Stadskantoor', s.t, s.t + interval '45 minutes', 'Gesprek over uw plan', '',
                      CASE WHEN s.t > now() THEN 'planned' WHEN (c.id + n) % 11 = 0 THEN 'cancelled' ELSE 'held' END,
                      c.id, a.regisseur_id, a.regisseur_id
               FROM dossiers_client c {CURRENT} CROSS JOIN generate_series(1, 4) AS n
               CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) - ((n * 150 - 160 + c.id % 100) || ' days')::interval
                                          + ((c.id % 7) || ' hours')::interval AS t) s""",
        ],
    ),
    (
        "documents",
        "SELECT count(*) FROM documents_document",
        [
            """INSERT INTO documents_intakebatch (public_id, channel, received_at, source, note, client_id)
               SELECT gen_random_uuid(), 'portal', now() - ((c.id % 700) || ' days')::interval, 'bench', '', c.id
               FROM dossiers_client c""",
            f"""INSERT INTO documents_document (public_id, sha256, name, media_type, size, pages, received_at, status, problem,
                   document_type, type_confidence, client_confidence, candidates, sensitive, text_encrypted, routed_at,
                   acknowledged_at, client_id, routed_to_id, batch_id)
               SELECT gen_random_uuid(), md5(b.id || '-' || n) || md5(n || '-' || b.id), 'document-' || n || '.pdf',
                      'application/pdf', 80000 + n * 1000, 1 + n % 3,
                      now() - ((n * 85 + b.id % 80) || ' days')::interval, 'acknowledged', '',
                      (ARRAY['payslip','bank_statement','id','other'])[1 + n % 4], 0.9, 0.95, '[]'::jsonb, n % 4 = 1, '',
                      now() - ((n * 85 + b.id % 80) || ' days')::interval
                          + (CASE WHEN (b.id + n) % 10 = 0 THEN interval '4 days' ELSE interval '3 hours' END),
                      now() - ((n * 85 + b.id % 80 - 5) || ' days')::interval, c.id, a.regisseur_id, b.id
               FROM documents_intakebatch b JOIN dossiers_client c ON c.id = b.client_id {CURRENT}
               CROSS JOIN generate_series(1, 8) AS n""",
        ],
    ),
    (
        "letters",
        "SELECT count(*) FROM letters_letter",
        [
            f"""INSERT INTO letters_letter (public_id, client_id, purpose, subject, body, language, translated_subject,
                   translated_body, translation_missing, verdict, douma, plain_language_needed, alternative,
                   alternative_note, large_print, author_id, sent_at, opened_at)
               SELECT gen_random_uuid(), c.id, 'appointment_invitation', 'Uitnodiging (bench)', 'Tekst', 'nl', '', '', false,
                      CASE WHEN (n + c.id) % 4 = 0 THEN 'let_op' ELSE 'goed' END, 70, (c.id % 5 = 0), '', '', false,
                      a.regisseur_id, now() - ((n * 97 + c.id % 90) || ' days')::interval,
                      CASE WHEN (n + c.id) % 3 = 0 THEN NULL ELSE now() - ((n * 97) || ' days')::interval END
               FROM dossiers_client c {CURRENT} CROSS JOIN generate_series(1, 6) AS n""",
        ],
    ),
    (
        "ladder",
        "SELECT count(*) FROM plans_laddermeasurement",
        [
            f"""INSERT INTO plans_laddermeasurement (client_id, rung, measured_on, definition, recorded_by_id)
               SELECT c.id, 1 + (c.id + n) % 5, (now() - ((n * 80 + c.id % 60) || ' days')::interval)::date,
                      'participatieladder-2026', a.regisseur_id
               FROM dossiers_client c {CURRENT} CROSS JOIN generate_series(1, 2) AS n""",
        ],
    ),
    (
        "outflow",
        "SELECT count(*) FROM dossiers_outflow",
        [
            """INSERT INTO dossiers_outflow (client_id, ended_on, reason, returned_on, recorded_at)
               SELECT c.id, (now() - ((c.id % 700) || ' days')::interval)::date, 'work',
                      CASE WHEN c.id % 10 = 0 THEN (now() - ((c.id % 700 - 100) || ' days')::interval)::date END, now()
               FROM dossiers_client c WHERE c.id % 3 = 0""",
        ],
    ),
]

# The journal of all that: what both sides see in the timeline, and the staff's own notes.
JOURNAL = f"""
INSERT INTO dossiers_journalentry (public_id, client_id, kind, moment, actor_id, visibility, summary, object_type, object_ref)
SELECT gen_random_uuid(), c.id, e.kind[1 + (c.id + n) %% 8],
       now() - ((n * 1.9 + c.id %% 13) || ' days')::interval - ((n %% 9) || ' hours')::interval,
       a.regisseur_id, CASE WHEN (c.id + n) %% 8 = 7 THEN 'staff' ELSE 'client' END, e.summary[1 + (c.id + n) %% 8], '', ''
FROM dossiers_client c {CURRENT}
CROSS JOIN (SELECT ARRAY['contact.meeting','contact.phone','document.received','commitment.fulfilled',
                         'contact.message','appointment.planned','letter.sent','note.staff'] AS kind,
                   ARRAY['U had een gesprek met uw regisseur.','Uw regisseur heeft u gebeld.',
                         'Wij hebben uw document ontvangen.','Een afspraak is nagekomen.',
                         'U hebt een bericht gestuurd via Mijn Maatwerk.','Er is een afspraak gemaakt.',
                         'Wij hebben u een brief gestuurd.','Werknotitie (bench).'] AS summary) e
CROSS JOIN generate_series(1, %(extra)s) AS n
WHERE c.id >= %(low)s AND c.id < %(high)s
"""


def fill(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as db:
        for name, present, statements in PARTS:
            if db.execute(present).fetchone()[0]:  # type: ignore[index]
                continue
            started = time.perf_counter()
            with db.transaction():
                for statement in statements:
                    db.execute(statement)
            print(f"{name}: {time.perf_counter() - started:.0f} s", flush=True)
        _journal(db)
        db.execute("VACUUM ANALYZE")


def _journal(db: psycopg.Connection) -> None:
    low, high = db.execute("SELECT min(id), max(id) + 1 FROM dossiers_client").fetchone()  # type: ignore[misc]
    started = time.perf_counter()
    for start in range(low, high, CHUNK):
        end = min(start + CHUNK, high)
        have = db.execute(
            "SELECT count(*) FROM dossiers_journalentry WHERE client_id = %s", (end - 1,)
        ).fetchone()[0]  # type: ignore[index]
        extra = JOURNAL_PER_CLIENT - have
        if extra <= 0:
            continue
        db.execute(JOURNAL, {"extra": extra, "low": start, "high": end})
        print(
            f"journal: clients up to {end - 1}, {time.perf_counter() - started:.0f} s", flush=True
        )


if __name__ == "__main__":
    fill(sys.argv[1])
