"""The fictional children (and the adults around them) the corpus's completed forms are about.

Each person is written in the canonical PEP vocabulary (codes, ISO dates, decimal strings) so
that a truth file is exactly the part of a person a form shows; ``unplaced`` holds what forms
ask that the model has no field for yet (strengths, course titles...); ``signatures`` holds how
each adult (and the child) types a signature, by who signs (``designated_teacher``,
``social_worker``, ``young_person``, ``chair``): a form's sign-off rows record them. Every
name, school, setting, phone number (Ofcom drama ranges) and address here is invented.
The development and evaluation sets have different children.
"""

from __future__ import annotations

import copy
from typing import Any

_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn(rest: str) -> str:
    """A UPN from its last 12 characters: the check letter weights characters 2-13 by 2-13
    (DfE, Common Basic Data Set: unique pupil number)."""
    total = sum(int(char) * weight for weight, char in enumerate(rest, start=2))
    return _UPN_LETTERS[total % 23] + rest


def uln(first9: str) -> str:
    """A ULN from its first nine digits (ESFA ILR rule ULN_04 check digit)."""
    remainder = sum(int(d) * w for d, w in zip(first9, range(10, 1, -1), strict=True)) % 11
    if remainder == 0:
        raise ValueError("a remainder of 0 is never issued")
    return first9 + str(10 - remainder)


def _attendees(*people: tuple[str, str, bool, bool]) -> list[dict[str, Any]]:
    return [
        {"name": name, "role": role, "invited": invited, "attended": attended}
        for name, role, invited, attended in people
    ]


PEOPLE: dict[str, dict[str, Any]] = {}


def _add(key: str, person: dict[str, Any]) -> None:
    PEOPLE[key] = person


# === development set ============================================================================

_add(
    "dev-poppy",
    {
        "meta": {
            "meeting_date": "2025-10-08",
            "previous_pep_date": "2025-06-18",
            "next_review_date": "2026-01-21",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Hannah Drury",
        },
        "child": {
            "first_name": "Poppy",
            "last_name": "Ashgrove",
            "preferred_name": "Pops",
            "date_of_birth": "2022-02-11",
            "gender": "F",
            "ethnicity": "WBRI",
            "first_language": "English",
            "la_child_id": "HF204117",
            "leisure_interests": (
                "Sand tray, bikes, singing 'Wind the Bobbin Up', feeding the ducks"
            ),
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2023-06-20",
            "placement_type": "U4",
            "placement_start_date": "2023-07-03",
            "number_of_placements": 2,
            "carer": {"name": "Sue Linfield", "phone": "01632 960418"},
            "social_worker": {
                "name": "Priya Wendover",
                "phone": "01632 960772",
                "email": "priya.wendover@harrowfield.example.org",
                "team": "Children in Care Team 2",
            },
            "iro": {"name": "Martin Cawthorne"},
        },
        "education": {
            "setting_name": "Tansy Hill Day Nursery",
            "urn": "EY512734",
            "ncy": "N2",
            "date_joined": "2024-09-02",
            "designated_teacher": {
                "name": "Hannah Drury",
                "email": "h.drury@tansyhill.example.org",
                "phone": "01632 960215",
            },
            "sen_provision": "N",
            "attendance": {"percent": 96.0},
        },
        "attainment": [
            {
                "subject": "Personal, social and emotional development",
                "current": "30-50 months",
                "target": "40-60 months",
            },
            {
                "subject": "Communication and language",
                "current": "22-36 months",
                "target": "30-50 months",
            },
            {
                "subject": "Physical development",
                "current": "30-50 months",
                "target": "30-50 months",
            },
        ],
        "views": {
            "child": "Poppy says she likes the sand tray and the big red bike. She said \"I don't "
            "like it when it's noisy\" and points to her key person when she is sad.",
            "carer": "Poppy has settled really well and talks about nursery at home. She still "
            "finds Monday mornings hard after contact at the weekend.",
            "school": "Poppy is a happy, curious little girl who is beginning to play alongside "
            "her friends. Her speech is developing and she now uses short sentences.",
            "social_worker": "Poppy's placement is stable and the plan is long-term fostering with "
            "Sue. Contact with birth mum is monthly and supervised.",
        },
        "previous_targets": [
            {
                "description": "Poppy will say goodbye to her carer and join an activity "
                "within five minutes on arrival",
                "outcome": "met",
                "evidence": "Settles quickly on 4 days out of 5 (key person log)",
            },
            {
                "description": "Poppy will use two-word phrases to ask for help",
                "outcome": "partly_met",
                "evidence": "Uses two words with her key person, not yet with other adults",
            },
        ],
        "targets": [
            {
                "area": "communication",
                "description": "Poppy will use three-word sentences to tell an adult what she "
                "wants",
                "actions": "Daily 10-minute Talk Boost style small group with key person",
                "lead": "Hannah Drury",
                "due_date": "2026-01-16",
                "pp_plus_cost": "100.00",
            },
            {
                "area": "physical",
                "description": "Poppy will hold a chunky crayon with a tripod grip to make marks",
                "actions": "Dough disco and threading activities three times a week",
                "lead": "Key person",
                "due_date": "2026-01-16",
            },
            {
                "area": "semh",
                "description": "Poppy will take turns in a game with one other child with adult "
                "support",
                "actions": "Turn-taking games at group time; social story about sharing",
                "lead": "Sue Linfield (carer) and nursery",
                "due_date": "2026-01-16",
            },
        ],
        "attendees": _attendees(
            ("Priya Wendover", "Social worker", True, True),
            ("Hannah Drury", "Key person / Designated lead", True, True),
            ("Sue Linfield", "Foster carer", True, True),
            ("Tom Ashbury", "Virtual School Early Years Adviser", True, False),
        ),
        "signoff": {"designated_teacher_date": "2025-10-10", "social_worker_date": "2025-10-13"},
        "unplaced": {
            "strengths": "Curious, loving, brilliant at climbing",
            "age_months": "43",
            "health": "Mild eczema - cream applied by carer; no medication at nursery",
            "eypp_use": "EYPP spent on Talk Boost resources and key person time",
            "hours": "15 hours funded + 7 paid (Mon-Wed)",
            "age": "3 years 8 months",
            "friends": "Isla and Ted",
            "happy_when": "I am on the big red bike",
            "sad_when": "it's noisy and I can't find Hannah",
            "key_adult": "Hannah Drury (key person)",
            "learning_journal": "Photos of Poppy's den building and her first painting",
            "next_chair": "Hannah Drury",
            "ofsted_judgement": "Good (March 2024)",
        },
        "signatures": {
            "designated_teacher": "H. Drury",
            "social_worker": "P Wendover",
        },
    },
)

_add(
    "dev-alfie",
    {
        "meta": {
            "meeting_date": "2025-11-26",
            "previous_pep_date": "2025-07-16",
            "next_review_date": "2026-03-10",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Kerry Ambleside",
        },
        "child": {
            "first_name": "Alfie",
            "last_name": "Shepherdson",
            "date_of_birth": "2023-03-14",
            "gender": "M",
            "ethnicity": "WBRI",
            "first_language": "English",
            "la_child_id": "CF009312",
            "leisure_interests": "Tractors, the sand pit, splashing in the bath",
        },
        "care": {
            "legal_status": "E1",
            "date_became_looked_after": "2023-03-16",
            "placement_type": "U5",
            "placement_start_date": "2023-03-16",
            "number_of_placements": 1,
            "carer": {"name": "Jill and Andrew Fairhurst", "phone": "01632 960667"},
            "social_worker": {"name": "Hamid Rashford", "phone": "01632 960903"},
            "iro": {"name": "Lorraine Keld"},
        },
        "education": {
            "setting_name": "Kingfisher Corner Childminding",
            "urn": "EY603114",
            "ncy": "N1",
            "date_joined": "2025-04-07",
            "designated_teacher": {"name": "Kerry Ambleside"},
            "sen_provision": "N",
            "attendance": {"percent": 100.0},
        },
        "attainment": [
            {
                "subject": "Communication and language",
                "current": "16-26 months",
                "target": "22-36 months",
            },
            {
                "subject": "Physical development",
                "current": "22-36 months",
                "target": "22-36 months",
            },
            {
                "subject": "Personal, social and emotional development",
                "current": "16-26 months",
                "target": "22-36 months",
            },
        ],
        "views": {
            "child": 'Alfie brings his favourite tractor book to Kerry and says "again!". He '
            "laughs when we sing Old MacDonald.",
            "carer": "Alfie is a happy boy. We would like help with his speech because he uses "
            "only a few words.",
            "school": "Alfie has settled well with me. He is very physical and loves being "
            "outdoors. He understands more than he can say.",
        },
        "targets": [
            {
                "area": "communication",
                "description": "Alfie will use 20 words consistently",
                "actions": "Narrate play; word list shared with carers; Chatterbox group at the "
                "library on Fridays",
                "lead": "Kerry Ambleside (childminder)",
                "due_date": "2026-02-27",
                "pp_plus_cost": "80.00",
            },
            {
                "area": "semh",
                "description": "Alfie will play alongside another child for 10 minutes",
                "actions": "Weekly stay-and-play session with two other children",
                "lead": "Childminder",
                "due_date": "2026-02-27",
            },
        ],
        "attendees": _attendees(
            ("Hamid Rashford", "Social worker", True, True),
            ("Kerry Ambleside", "Childminder (key person)", True, True),
            ("Jill Fairhurst", "Foster carer", True, True),
            ("Lorraine Keld", "IRO", True, False),
        ),
        "signoff": {"social_worker_date": "2025-12-01"},
        "unplaced": {
            "strengths": "Strong walker and climber, very affectionate",
            "age_months": "32",
            "health": "Grommets fitted July 2025; hearing review in February",
            "eypp_use": "Chatterbox sessions and new picture books",
            "hours": "15 hours (two-year-old funding) Tuesday and Thursday",
        },
        "signatures": {
            "social_worker": "H Rashford",
        },
    },
)

_add(
    "dev-reuben",
    {
        "meta": {
            "meeting_date": "2025-11-12",
            "previous_pep_date": "2025-05-09",
            "next_review_date": "2026-02-25",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Gemma Falstead",
        },
        "child": {
            "first_name": "Reuben",
            "middle_names": "Oliver",
            "last_name": "Kilnsey",
            "date_of_birth": "2021-03-05",
            "gender": "M",
            "ethnicity": "MWBC",
            "first_language": "English",
            "la_child_id": "YB118230",
            "leisure_interests": "Lego, dinosaurs, swimming on Saturdays",
        },
        "care": {
            "legal_status": "C1",
            "date_became_looked_after": "2025-04-14",
            "placement_type": "U6",
            "placement_start_date": "2025-04-14",
            "number_of_placements": 1,
            "carer": {"name": "Angela Moorcroft", "phone": "07700 900318"},
            "social_worker": {
                "name": "Daniel Eskdale",
                "phone": "01632 960331",
                "email": "daniel.eskdale@yarnbury.example.org",
            },
            "iro": {"name": "Fiona Redmayne"},
        },
        "education": {
            "setting_name": "Wrenhurst Primary School",
            "urn": "118442",
            "ncy": "R",
            "date_joined": "2025-09-03",
            "designated_teacher": {
                "name": "Gemma Falstead",
                "email": "g.falstead@wrenhurst.example.org",
            },
            "sen_provision": "N",
            "attendance": {"percent": 98.2},
        },
        "attainment": [
            {
                "subject": "Communication and language",
                "current": "Expected",
                "target": "Expected",
                "on_track": True,
            },
            {"subject": "Literacy", "current": "Emerging", "target": "Expected", "on_track": False},
            {
                "subject": "Mathematics",
                "current": "Expected",
                "target": "Expected",
                "on_track": True,
            },
        ],
        "views": {
            "child": "I like the construction area and my teacher Miss Falstead. I don't like "
            "lining up.",
            "carer": "Reuben is excited about school and is sleeping better now he has a routine.",
            "school": "Reuben has made a good start in Reception. He needs support with early "
            "phonics and sitting on the carpet.",
        },
        "targets": [
            {
                "area": "literacy",
                "description": "Reuben will recognise and say the sounds of "
                "set 1 phonics (s, a, t, p, i, n)",
                "actions": "Daily keep-up phonics with TA",
                "lead": "Class TA",
                "due_date": "2026-02-13",
                "pp_plus_cost": "300.00",
            },
            {
                "area": "behaviour",
                "description": "Reuben will sit on the carpet for 10 minutes with a wobble cushion",
                "actions": "Wobble cushion and visual timer",
                "lead": "Miss Falstead",
                "due_date": "2026-02-13",
                "pp_plus_cost": "25.00",
            },
        ],
        "attendees": _attendees(
            ("Daniel Eskdale", "Social worker", True, True),
            ("Gemma Falstead", "Designated teacher", True, True),
            ("Angela Moorcroft", "Foster carer", True, True),
            ("Reuben Kilnsey", "Child", False, False),
        ),
        "signoff": {"designated_teacher_date": "2025-11-14"},
        "unplaced": {
            "strengths": "Kind to younger children, good counting",
            "age_months": "56",
            "two_year_check": "Completed March 2023 by health visitor",
        },
        "signatures": {
            "designated_teacher": "G Falstead",
        },
    },
)

_add(
    "dev-jayden",
    {
        "meta": {
            "meeting_date": "2025-10-15",
            "previous_pep_date": "2025-06-25",
            "next_review_date": "2026-02-04",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Rachel Okonjo-Reed",
        },
        "child": {
            "first_name": "Jayden",
            "last_name": "Morcombe",
            "date_of_birth": "2017-01-19",
            "gender": "M",
            "ethnicity": "WBRI",
            "first_language": "English",
            "upn": upn("981334219004"),
            "la_child_id": "GL300871",
            "leisure_interests": "Football (plays for Wrenbury Juniors), drawing cars, Minecraft",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2021-08-09",
            "placement_type": "U4",
            "placement_start_date": "2022-01-17",
            "number_of_placements": 3,
            "carer": {"name": "Karen and Phil Dunstable", "phone": "01632 960544"},
            "social_worker": {
                "name": "Owen Trelawney",
                "phone": "01632 960187",
                "email": "owen.trelawney@glenmoor.example.org",
                "team": "Children in Care (South)",
            },
            "iro": {"name": "Bernadette Holloway"},
        },
        "education": {
            "setting_name": "St Aldhelm's CE Primary School",
            "urn": "123087",
            "laestab": "9813342",
            "ncy": "4",
            "date_joined": "2022-01-24",
            "designated_teacher": {
                "name": "Rachel Okonjo-Reed",
                "email": "senco@staldhelms.example.org",
                "phone": "01632 960902",
            },
            "senco": "Rachel Okonjo-Reed",
            "sen_provision": "K",
            "sen_primary_need": "SEMH",
            "attendance": {"percent": 93.4, "sessions_possible": 106, "sessions_missed": 7},
        },
        "health": {"sdq_score": 19, "sdq_date": "2025-09-12", "camhs_involved": True},
        "attainment": [
            {
                "subject": "Reading",
                "current": "Working towards",
                "target": "Expected",
                "on_track": False,
            },
            {
                "subject": "Writing",
                "current": "Working towards",
                "target": "Working towards",
                "on_track": True,
            },
            {"subject": "Maths", "current": "Expected", "target": "Expected", "on_track": True},
        ],
        "views": {
            "child": "I like football at lunch and doing maths on the iPad. Reading is hard "
            "because the words jump about. I want Mr Pike to help me more.",
            "carer": "Jayden is much calmer at home this term. He still gets upset after phone "
            "contact and needs time to talk before bed.",
            "school": "Jayden has had a positive start to Year 4. He responds well to the "
            "Zones of Regulation and uses the calm corner independently.",
            "social_worker": "Care plan remains long-term fostering with the Dunstables. CAMHS "
            "appointments are fortnightly.",
        },
        "previous_targets": [
            {
                "description": "Jayden will read 40 Year 3 common exception words",
                "outcome": "met",
                "evidence": "Read 43/45 in July assessment",
            },
            {
                "description": "Jayden will use his calm card to leave class instead of shouting",
                "outcome": "partly_met",
                "evidence": "Used on 6 of 10 occasions (behaviour log)",
            },
            {
                "description": "Jayden will know his 3 and 4 times tables",
                "outcome": "not_met",
                "evidence": "Knows 3s; 4s still inconsistent",
            },
        ],
        "targets": [
            {
                "area": "literacy",
                "description": "Jayden will read a Year 4 book aloud at 90 words "
                "per minute with 95% accuracy",
                "actions": "1:1 reading with TA three times a week using Toe by Toe",
                "success_criteria": "Benchmark reading assessment in January",
                "why": "Reading age is 18 months below his chronological age",
                "lead": "Mr Pike (TA)",
                "due_date": "2026-01-30",
                "pp_plus_cost": "600.00",
            },
            {
                "area": "numeracy",
                "description": "Jayden will recall 4, 6 and 8 times tables within 6 seconds each",
                "actions": "Times Tables Rock Stars 10 minutes daily; weekly check with teacher",
                "success_criteria": "Multiplication check practice score 20/25",
                "why": "Times tables are a gap before the Year 4 multiplication check",
                "lead": "Class teacher",
                "due_date": "2026-01-30",
                "pp_plus_cost": "450.00",
            },
            {
                "area": "semh",
                "description": "Jayden will name his zone and choose a strategy "
                "without adult prompting",
                "actions": "ELSA sessions weekly (6 weeks); zones check-in each morning",
                "success_criteria": "ELSA log shows independent use 4 out of 5 days",
                "why": "Dysregulation after contact is leading to missed learning",
                "lead": "ELSA - Mrs Carrow",
                "due_date": "2026-02-04",
                "pp_plus_cost": "250.00",
            },
        ],
        "pp_plus": {"requested_total": "1300.00"},
        "attendees": _attendees(
            ("Owen Trelawney", "Social Worker", True, True),
            ("Rachel Okonjo-Reed", "Designated Teacher", True, True),
            ("Karen Dunstable", "Foster Carer", True, True),
            ("Jayden Morcombe", "Child", True, True),
            ("Sian Holt", "Virtual School", True, False),
        ),
        "signoff": {"designated_teacher_date": "2025-10-17", "social_worker_date": "2025-10-20"},
        "unplaced": {
            "strengths": "Great sense of humour; very good at mental maths",
            "worries": "Changing classes and new teachers",
            "trips_permission": "Social worker (day trips: carer)",
            "emergency_contact": "Karen Dunstable (carer) 01632 960544",
            "whats_going_well": "Football at lunchtime and my maths",
            "help_wanted": "Mr Pike to read with me more",
        },
        "signatures": {
            "designated_teacher": "R. Okonjo-Reed",
            "social_worker": "Owen Trelawney",
            "chair": "R Okonjo-Reed",
        },
    },
)

_add(
    "dev-lilymae",
    {
        "meta": {
            "meeting_date": "2026-01-20",
            "previous_pep_date": "2025-10-07",
            "next_review_date": "2026-04-28",
            "academic_year": "2025-26",
            "term": "spring",
            "pep_type": "review",
            "completed_by": "Mark Huxtable",
        },
        "child": {
            "first_name": "Lily-Mae",
            "last_name": "Strand",
            "date_of_birth": "2015-05-02",
            "gender": "F",
            "ethnicity": "WOTH",
            "first_language": "Polish",
            "upn": upn("982417015066"),
            "la_child_id": "SD551902",
            "leisure_interests": "Netball, maths club, baking with her aunt",
        },
        "care": {
            "legal_status": "V2",
            "date_became_looked_after": "2024-11-04",
            "placement_type": "U3",
            "placement_start_date": "2024-11-04",
            "number_of_placements": 1,
            "carer": {"name": "Marta Nowicka (aunt)", "phone": "07700 900614"},
            "social_worker": {"name": "Claire Pennock", "phone": "01632 960623"},
            "parental_responsibility": "Mother (shared with LA under s20 agreement)",
        },
        "education": {
            "setting_name": "Harebell Lane Primary School",
            "urn": "131554",
            "laestab": "9822105",
            "ncy": "6",
            "date_joined": "2019-09-04",
            "designated_teacher": {
                "name": "Mark Huxtable",
                "email": "m.huxtable@harebell.example.org",
            },
            "sen_provision": "N",
            "attendance": {"percent": 97.1},
        },
        "attainment": [
            {"subject": "Reading", "current": "Expected", "target": "Expected", "on_track": True},
            {
                "subject": "Writing",
                "current": "Working towards",
                "target": "Expected",
                "on_track": False,
            },
            {
                "subject": "Maths",
                "current": "Greater depth",
                "target": "Greater depth",
                "on_track": True,
            },
        ],
        "views": {
            "child": "I'm a bit nervous about big school but excited too. I love maths club and "
            "netball.",
            "carer": "Lily-Mae is doing well and has lots of friends. She worries about her mum.",
            "school": "Lily-Mae is a conscientious pupil who is on track for greater depth in "
            "maths. Writing stamina is the focus this term.",
        },
        "previous_targets": [
            {
                "description": "Lily-Mae will write a two-page narrative using paragraphs",
                "outcome": "partly_met",
                "evidence": "Paragraphs used; length 1.5 pages",
            },
            {
                "description": "Lily-Mae will join one after-school club",
                "outcome": "met",
                "evidence": "Attends netball and maths club",
            },
        ],
        "targets": [
            {
                "area": "literacy",
                "description": "Lily-Mae will write a 500-word piece using a range "
                "of punctuation independently",
                "actions": "Weekly writing conference with class teacher; model texts",
                "lead": "Mr Huxtable",
                "due_date": "2026-04-24",
                "pp_plus_cost": "200.00",
            },
            {
                "area": "semh",
                "description": "Lily-Mae will attend two transition visits to her "
                "new secondary school and say how they went",
                "actions": "Extra transition visits arranged with Y7 pastoral lead",
                "lead": "Designated Teacher",
                "due_date": "2026-07-10",
            },
        ],
        "transition": {
            "next_transition": "Secondary transfer to Sallowmere Academy",
            "date": "2026-09-03",
            "plan": "Two extra visits in the summer term; pastoral lead to attend the summer PEP.",
        },
        "attendees": _attendees(
            ("Claire Pennock", "Social worker", True, True),
            ("Mark Huxtable", "Designated teacher", True, True),
            ("Marta Nowicka", "Kinship carer (aunt)", True, True),
            ("Lily-Mae Strand", "Young person", True, True),
            ("Joanna Strand", "Mother", True, False),
        ),
        "signoff": {"designated_teacher_date": "2026-01-21", "social_worker_date": "2026-01-26"},
        "unplaced": {
            "strengths": "Determined, kind, excellent at problem solving",
            "trips_permission": "Mother (day and residential)",
            "school_info_to": "Aunt (carer) and mother",
            "no_contact": "None",
            "circulation": "SW, DT, carer, Virtual School",
            "targets_accurate": "Yes",
            "on_track_ks": "Yes",
        },
        "signatures": {
            "designated_teacher": "M Huxtable",
            "social_worker": "C. Pennock",
            "chair": "M Huxtable",
        },
    },
)

_add(
    "dev-callum",
    {
        "meta": {
            "meeting_date": "2025-10-22",
            "previous_pep_date": "2025-07-02",
            "next_review_date": "2026-02-11",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Steve Marlow",
        },
        "child": {
            "first_name": "Callum",
            "middle_names": "James",
            "last_name": "Ferriby",
            "date_of_birth": "2013-03-30",
            "gender": "M",
            "ethnicity": "WBRI",
            "first_language": "English",
            "upn": upn("983521413118"),
            "la_child_id": "SH400265",
            "leisure_interests": "Building PCs, gaming, BMX at the skate park",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2019-02-11",
            "placement_type": "K2",
            "placement_start_date": "2025-03-10",
            "number_of_placements": 5,
            "carer": {
                "name": "Orchard House (key worker: Lee Barraclough)",
                "phone": "01632 960455",
            },
            "social_worker": {
                "name": "Nadia Kowalczyk",
                "phone": "01632 960876",
                "email": "nadia.kowalczyk@stanholme.example.org",
            },
            "iro": {"name": "Graham Teasdale"},
        },
        "education": {
            "setting_name": "Copperbeck Academy",
            "urn": "143920",
            "laestab": "9834012",
            "ncy": "8",
            "date_joined": "2024-09-04",
            "designated_teacher": {
                "name": "Steve Marlow",
                "email": "s.marlow@copperbeck.example.org",
                "phone": "01632 960301",
            },
            "senco": "Ms A. Verity",
            "sen_provision": "E",
            "sen_primary_need": "ASD",
            "ehcp_date": "2024-02-15",
            "attendance": {"percent": 88.2, "sessions_possible": 76, "sessions_missed": 9},
            "exclusions": [
                {
                    "type": "FIXD",
                    "start_date": "2025-09-22",
                    "sessions": 2,
                    "reason": "Verbal abuse towards a member of staff",
                }
            ],
        },
        "health": {"sdq_score": 24, "sdq_date": "2025-06-30", "camhs_involved": True},
        "attainment": [
            {"subject": "English", "current": "3-", "target": "4", "on_track": False},
            {"subject": "Maths", "current": "4", "target": "5", "on_track": True},
            {"subject": "Science", "current": "3", "target": "4", "on_track": True},
        ],
        "views": {
            "child": "School is OK. I like DT and IT. I don't like loud corridors so I leave "
            "lessons early. I want to build computers when I'm older.",
            "carer": "Callum has settled at Orchard House. Mornings are difficult and staff drive "
            "him in most days.",
            "school": "Callum is capable but anxious. The exit pass and early lunch pass have "
            "reduced incidents. Attendance is below 90% and is the main concern.",
            "social_worker": "Callum's plan is to remain at Orchard House. Family time with his "
            "grandmother is fortnightly.",
        },
        "previous_targets": [
            {
                "description": "Callum will attend 95% of sessions this term",
                "outcome": "not_met",
                "evidence": "88.2% (register)",
            },
            {
                "description": "Callum will use his exit pass instead of walking out",
                "outcome": "met",
                "evidence": "No walk-outs since half term",
            },
        ],
        "targets": [
            {
                "area": "attendance",
                "description": "Callum will arrive by 8.40am on at least 4 days a week",
                "actions": "Meet-and-greet by key adult at the side gate; breakfast club",
                "lead": "Mr Marlow",
                "due_date": "2025-12-19",
                "pp_plus_cost": "350.00",
            },
            {
                "area": "literacy",
                "description": "Callum will write a structured paragraph (PEE) in "
                "English and History",
                "actions": "Small-group literacy intervention twice weekly",
                "lead": "English department",
                "due_date": "2026-02-06",
                "pp_plus_cost": "400.00",
            },
            {
                "area": "semh",
                "description": "Callum will attend 6 mentoring sessions and identify "
                "two triggers for leaving lessons",
                "actions": "Weekly mentoring with the learning mentor",
                "lead": "Learning mentor",
                "due_date": "2026-02-06",
                "pp_plus_cost": "300.00",
            },
        ],
        "transition": {
            "careers_advice": "Careers interview booked for Year 9 options (spring)",
            "aspirations": "Computer technician or games designer",
        },
        "attendees": _attendees(
            ("Nadia Kowalczyk", "Social Worker", True, True),
            ("Steve Marlow", "Designated Teacher", True, True),
            ("Lee Barraclough", "Key worker (Orchard House)", True, True),
            ("Callum Ferriby", "Young person", True, False),
            ("Graham Teasdale", "IRO", False, False),
        ),
        "signoff": {"designated_teacher_date": "2025-10-24", "social_worker_date": "2025-10-29"},
        "unplaced": {
            "strengths": "Very knowledgeable about technology; honest",
            "worries": "Loud corridors, supply teachers",
            "health": "Medication for ADHD taken at the home before school",
            "targets_accurate": "Yes",
            "on_track_ks": "No",
        },
        "signatures": {
            "designated_teacher": "S Marlow",
            "social_worker": "N. Kowalczyk",
            "young_person": "Callum",
        },
    },
)

_add(
    "dev-amira",
    {
        "meta": {
            "meeting_date": "2025-11-05",
            "previous_pep_date": "2025-06-11",
            "next_review_date": "2026-03-04",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Deborah Quayle",
        },
        "child": {
            "first_name": "Amira",
            "last_name": "Hallworth",
            "date_of_birth": "2010-12-09",
            "gender": "F",
            "ethnicity": "MWBA",
            "first_language": "English",
            "upn": upn("984562110042"),
            "la_child_id": "LD771043",
            "leisure_interests": "Netball, volunteering at the food bank, K-pop",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2018-05-21",
            "placement_type": "U4",
            "placement_start_date": "2020-02-03",
            "number_of_placements": 2,
            "carer": {"name": "Janet Corbridge", "phone": "07700 900752"},
            "social_worker": {
                "name": "Ben Aldous",
                "phone": "01632 960640",
                "team": "Looked After Children Team (East)",
            },
            "iro": {"name": "Patricia Oyelaran"},
        },
        "education": {
            "setting_name": "Brackenhill High School",
            "urn": "108011",
            "laestab": "9844620",
            "ncy": "10",
            "date_joined": "2021-09-06",
            "designated_teacher": {
                "name": "Deborah Quayle",
                "email": "d.quayle@brackenhill.example.org",
            },
            "sen_provision": "E",
            "sen_primary_need": "SLCN",
            "ehcp_date": "2019-06-10",
            "attendance": {"percent": 95.6},
        },
        "health": {"sdq_score": 12, "sdq_date": "2025-09-30", "camhs_involved": False},
        "attainment": [
            {"subject": "English Language", "current": "4", "target": "6", "on_track": False},
            {"subject": "Maths", "current": "5", "target": "6", "on_track": True},
            {"subject": "Combined Science", "current": "4-4", "target": "5-5", "on_track": True},
            {
                "subject": "Health and Social Care",
                "current": "Merit",
                "target": "Distinction",
                "on_track": True,
            },
        ],
        "views": {
            "child": "I want to be a paediatric nurse so I need a 6 in English. I'd like more "
            "help with essays and revision.",
            "carer": "Amira works hard at home and revises most evenings.",
            "school": "Amira is a hard-working student with excellent attendance. Extended "
            "writing is her barrier to a grade 6 in English.",
        },
        "previous_targets": [
            {
                "description": "Amira will complete her HSC coursework component 1",
                "outcome": "met",
                "evidence": "Submitted on time - Merit",
            },
            {
                "description": "Amira will improve her English mock grade to a 5",
                "outcome": "not_met",
                "evidence": "Mock grade 4",
            },
        ],
        "targets": [
            {
                "area": "literacy",
                "description": "Amira will achieve a grade 5 in the English Language mock",
                "actions": "1:1 English tutoring weekly (10 sessions)",
                "lead": "Mrs Quayle",
                "why": "She needs a 6 in English for the nursing pathway",
                "due_date": "2026-02-27",
                "pp_plus_cost": "500.00",
            },
            {
                "area": "careers",
                "description": "Amira will apply to two post-16 providers for Health "
                "and Social Care Level 3",
                "actions": "Careers adviser meeting; college open evenings with carer",
                "lead": "Careers adviser",
                "due_date": "2026-01-31",
            },
        ],
        "transition": {
            "next_transition": "Post-16 (Year 12)",
            "date": "2027-09-01",
            "careers_advice": "Met the school careers adviser on 14/10/25",
            "aspirations": "Paediatric nurse",
        },
        "attendees": _attendees(
            ("Ben Aldous", "Social worker", True, True),
            ("Deborah Quayle", "Designated teacher", True, True),
            ("Janet Corbridge", "Foster carer", True, True),
            ("Amira Hallworth", "Young person", True, True),
        ),
        "signoff": {"designated_teacher_date": "2025-11-06"},
        "unplaced": {
            "strengths": "Organised, resilient, great with younger pupils",
            "options": "Health and Social Care, Geography, Spanish",
            "challenges": "Extended writing under time pressure",
            "exec_skills": "Keeps a revision planner; needs reminders to start coursework early",
            "adulthood": "Part-time job at the weekend; learning to budget",
        },
        "signatures": {
            "designated_teacher": "D. Quayle",
            "social_worker": "B Aldous",
        },
    },
)

_add(
    "dev-kai",
    {
        "meta": {
            "meeting_date": "2025-10-29",
            "previous_pep_date": "2025-07-09",
            "next_review_date": "2026-02-18",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Lucy Fenwright",
        },
        "child": {
            "first_name": "Kai",
            "last_name": "Brennock",
            "date_of_birth": "2009-01-14",
            "gender": "M",
            "ethnicity": "WBRI",
            "first_language": "English",
            "upn": upn("985641709221"),
            "uln": uln("472019385"),
            "la_child_id": "GC660914",
            "leisure_interests": "Rugby (college team), gym",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2016-03-02",
            "placement_type": "U4",
            "placement_start_date": "2019-08-19",
            "number_of_placements": 3,
            "carer": {"name": "Rob and Tessa Hindle", "phone": "01632 960093"},
            "social_worker": {
                "name": "Imogen Sallis",
                "phone": "01632 960459",
                "email": "imogen.sallis@gatecliffe.example.org",
            },
        },
        "education": {
            "setting_name": "Kestrelford College",
            "ncy": "12",
            "date_joined": "2025-09-08",
            "designated_teacher": {
                "name": "Lucy Fenwright",
                "email": "lfenwright@kestrelford.example.org",
                "phone": "01632 960712",
            },
            "sen_provision": "N",
            "attendance": {"percent": 91.0},
        },
        "attainment": [
            {
                "subject": "BTEC Sport Unit 1 (Anatomy)",
                "current": "Merit",
                "target": "Distinction",
                "on_track": True,
            },
            {"subject": "GCSE Maths resit", "current": "3", "target": "4", "on_track": False},
        ],
        "views": {
            "child": "College is way better than school. I want to go to uni to do sports "
            "coaching. Maths resit is stressing me out.",
            "carer": "Kai gets himself to college on the bus and is more independent.",
            "school": "Kai is a popular, committed student. Punctuality to 9am lessons and the "
            "maths resit are the focus.",
        },
        "targets": [
            {
                "area": "numeracy",
                "description": "Kai will achieve grade 4 in the November GCSE Maths resit",
                "actions": "Maths drop-in twice a week; online tutor 1 hour weekly",
                "lead": "Maths tutor",
                "due_date": "2025-11-28",
                "pp_plus_cost": "400.00",
            },
            {
                "area": "careers",
                "description": "Kai will research three universities offering "
                "sports coaching and attend one open day",
                "actions": "Personal tutor UCAS session; carer to take him to an open day",
                "lead": "Personal tutor",
                "due_date": "2026-03-31",
            },
            {
                "area": "independence",
                "description": "Kai will open a bank account and manage his bursary budget",
                "actions": "Personal adviser to support with ID and account",
                "lead": "Personal adviser",
                "due_date": "2026-01-30",
            },
        ],
        "transition": {
            "aspirations": "Sports coaching degree",
            "careers_advice": "UCAS workshop booked January",
        },
        "attendees": _attendees(
            ("Imogen Sallis", "Social worker", True, True),
            ("Lucy Fenwright", "Designated person (college)", True, True),
            ("Tessa Hindle", "Foster carer", True, False),
            ("Kai Brennock", "Young person", True, True),
        ),
        "signoff": {"social_worker_date": "2025-11-03"},
        "unplaced": {
            "course": "BTEC Level 3 Extended Diploma in Sport",
            "course_level": "Level 3",
            "bursary": "16-19 Bursary (vulnerable group) - £1,200 a year",
            "residence": "With foster carers (staying put discussed)",
            "pep_phase": "General post 16 PEP - phase 1 (October to February)",
            "status": "In education",
        },
        "signatures": {
            "social_worker": "I Sallis",
            "young_person": "Kai B",
        },
    },
)

_add(
    "dev-tyler",
    {
        "meta": {
            "meeting_date": "2025-10-14",
            "previous_pep_date": "2025-06-03",
            "next_review_date": "2026-01-27",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Adam Greatorex",
        },
        "child": {
            "first_name": "Tyler-Jay",
            "last_name": "Penhallow",
            "date_of_birth": "2007-10-30",
            "gender": "M",
            "ethnicity": "MOTH",
            "first_language": "English",
            "uln": uln("518203746"),
            "la_child_id": "SH402218",
            "leisure_interests": "Drawing, skateboarding",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2021-06-28",
            "placement_type": "K3",
            "placement_start_date": "2025-06-16",
            "number_of_placements": 6,
            "carer": {"name": "Fernbank Supported Lodgings", "phone": "01632 960967"},
            "social_worker": {"name": "Grace Ibbotson", "phone": "01632 960528"},
        },
        "education": {
            "setting_name": "Sallowmere Sixth Form",
            "ncy": "13",
            "date_joined": "2024-09-02",
            "designated_teacher": {
                "name": "Adam Greatorex",
                "email": "a.greatorex@sallowmere.example.org",
            },
            "sen_provision": "K",
            "sen_primary_need": "SPLD",
            "attendance": {"percent": 84.5},
        },
        "attainment": [
            {"subject": "A level Art", "current": "C", "target": "B", "on_track": True},
            {"subject": "BTEC IT", "current": "Merit", "target": "Merit", "on_track": True},
        ],
        "views": {
            "child": "I want to finish Year 13 and do an apprenticeship in graphic design. Living "
            "at Fernbank is fine but getting up is hard.",
            "school": "Tyler-Jay is a talented artist. Attendance dropped after his move in June; "
            "his tutor checks in daily.",
        },
        "previous_targets": [
            {
                "description": "Tyler-Jay will submit his Art personal investigation draft",
                "outcome": "met",
                "evidence": "Submitted 20 May",
            },
            {
                "description": "Tyler-Jay will attend 95% of timetabled lessons",
                "outcome": "not_met",
                "evidence": "84.5% (autumn to date)",
            },
        ],
        "targets": [
            {
                "area": "attendance",
                "description": "Tyler-Jay will attend 92% of lessons between "
                "now and February half term",
                "actions": "Daily tutor check-in; alarm and travel card arranged by PA",
                "lead": "Mr Greatorex",
                "due_date": "2026-02-13",
            },
            {
                "area": "careers",
                "description": "Tyler-Jay will apply for three Level 3 or 4 "
                "graphic design apprenticeships",
                "actions": "Careers guidance interview; portfolio review with Art department",
                "lead": "Careers adviser",
                "due_date": "2026-03-27",
                "pp_plus_cost": "150.00",
            },
        ],
        "transition": {
            "next_transition": "Apprenticeship or employment after Year 13",
            "date": "2026-07-17",
            "careers_advice": "Careers guidance interview on 2nd Oct",
            "aspirations": "Graphic designer",
        },
        "attendees": _attendees(
            ("Grace Ibbotson", "Social worker", True, True),
            ("Adam Greatorex", "Head of Sixth Form (DT)", True, True),
            ("Tyler-Jay Penhallow", "Young person", True, True),
            ("Colin Marsh", "Personal adviser", True, True),
        ),
        "signoff": {"designated_teacher_date": "2025-10-16", "social_worker_date": "2025-10-21"},
        "unplaced": {
            "course": "A level Art and Design; BTEC National Extended Certificate in IT",
            "course_level": "Level 3",
            "personal_adviser": "Colin Marsh (personal adviser)",
            "pathway_plan": "Pathway plan reviewed 30/09/25",
            "residence": "Fernbank Supported Lodgings, Room 4",
            "route": "A levels",
        },
        "signatures": {
            "social_worker": "G Ibbotson",
            "young_person": "TJ Penhallow",
        },
    },
)


# --- development set, second wave (issue 12: more authorities to learn from) -----------------

_add(
    "dev-esme",
    {
        "meta": {
            "meeting_date": "2025-11-19",
            "previous_pep_date": "2025-07-09",
            "next_review_date": "2026-03-11",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Farah Quinlan",
        },
        "child": {
            "first_name": "Esme",
            "middle_names": "Rose",
            "last_name": "Tillbrook",
            "date_of_birth": "2020-12-03",
            "gender": "F",
            "ethnicity": "WROM",
            "first_language": "English",
            "upn": upn("986112520077"),
            "la_child_id": "DH310447",
            "leisure_interests": "Dressing up, the mud kitchen, drawing rainbows",
        },
        "care": {
            "legal_status": "C1",
            "date_became_looked_after": "2025-05-12",
            "emergency_entry": True,
            "placement_type": "U6",
            "placement_start_date": "2025-05-12",
            "number_of_placements": 2,
            "parental_responsibility": "Mother and the local authority (interim care order)",
            "carer": {
                "name": "Bev and Colin Hartshorne",
                "phone": "0121 496 0388",
                "email": "hartshorne.fc@example.org",
                "education_role": "Bev reads with Esme every night and takes her to school",
            },
            "social_worker": {
                "name": "Lewis Ngata",
                "phone": "0121 496 0712",
                "email": "lewis.ngata@dunholt.example.org",
                "team": "Children in Care Team 1",
            },
            "iro": {"name": "Pauline Gorringe", "email": "pauline.gorringe@dunholt.example.org"},
        },
        "education": {
            "setting_name": "Brierley Bank Primary School",
            "urn": "103871",
            "laestab": "9861021",
            "ncy": "R",
            "date_joined": "2025-09-04",
            "designated_teacher": {
                "name": "Farah Quinlan",
                "email": "f.quinlan@brierleybank.example.org",
                "phone": "0121 496 0545",
            },
            "sen_provision": "N",
            "attendance": {"percent": 94.3, "sessions_possible": 88, "sessions_missed": 5},
        },
        "attainment": [
            {
                "subject": "Personal, social and emotional development",
                "current": "30-50",
                "target": "40-60",
            },
            {"subject": "Communication and language", "current": "30-50", "target": "40-60"},
            {"subject": "Physical development", "current": "40-60", "target": "40-60"},
            {"subject": "Literacy", "current": "30-50", "target": "40-60"},
            {"subject": "Mathematics", "current": "40-60", "target": "ELG"},
        ],
        "views": {
            "child": "I like the mud kitchen and playing mummies and daddies. I don't like it "
            "when it is loud at dinner time.",
            "carer": "Esme has grown in confidence since September. She tells us about her "
            "friends every night and is starting to sound out words on signs.",
            "school": "Esme has settled into Reception well. She is chatty with adults, is "
            "beginning to play cooperatively and needs support with early phonics.",
            "social_worker": "Esme remains with Bev and Colin while the court decides the final "
            "plan. Family time with mum is twice a week at the contact centre.",
            "parent": "Mum is pleased Esme goes to school every day and would like to see "
            "photos of her work.",
        },
        "previous_targets": [
            {
                "description": "Esme will separate from her carer at the classroom door with "
                "a smile",
                "outcome": "met",
                "evidence": "Happy to come in every morning since October half term",
            },
            {
                "description": "Esme will recognise her own name card",
                "outcome": "partly_met",
                "evidence": "Finds her name at self-registration most days",
            },
        ],
        "targets": [
            {
                "area": "literacy",
                "description": "Esme will blend three-sound words (CVC) using her phonics",
                "actions": "Daily keep-up phonics session with Mrs Denby",
                "lead": "Mrs Denby (TA)",
                "due_date": "2026-02-13",
                "pp_plus_cost": "350.00",
            },
            {
                "area": "semh",
                "description": "Esme will ask a friend to play using a kind phrase",
                "actions": "Friendship group on Tuesdays; social stories",
                "lead": "Farah Quinlan",
                "due_date": "2026-02-13",
                "pp_plus_cost": "120.00",
            },
            {
                "area": "physical",
                "description": "Esme will put her coat on and do up the zip by herself",
                "actions": "Practise at home time; zip board in the classroom",
                "lead": "Carers and class team",
                "due_date": "2026-02-13",
            },
        ],
        "attendees": _attendees(
            ("Lewis Ngata", "Social worker", True, True),
            ("Farah Quinlan", "Designated teacher", True, True),
            ("Bev Hartshorne", "Foster carer", True, True),
            ("Jo Tillbrook", "Mother", True, False),
            ("Imran Sadiq", "Virtual School Early Years Adviser", True, True),
        ),
        "signoff": {
            "designated_teacher_date": "2025-11-21",
            "social_worker_date": "2025-11-26",
            "virtual_school_date": "2025-12-02",
        },
        "unplaced": {
            "strengths": "Brave, funny, loves helping to tidy up",
            "friends": "Mia and Tobias",
            "happy_when": "we go to the park after school",
            "sad_when": "I can't see my mummy",
            "key_adult": "Mrs Denby (Reception TA)",
            "learning_journal": "Started in September with photos of Esme's first day",
            "age_months": "59",
            "age": "4 years 11 months",
            "eypp_use": "Phonics keep-up resources and a friendship group run by the TA",
            "next_chair": "Farah Quinlan (DT)",
            "ofsted_judgement": "Outstanding (2022)",
        },
        "signatures": {
            "designated_teacher": "F Quinlan",
            "social_worker": "L. Ngata",
            "virtual_school": "I Sadiq",
        },
    },
)

_add(
    "dev-oskar",
    {
        "meta": {
            "meeting_date": "2025-11-27",
            "previous_pep_date": "2025-06-19",
            "next_review_date": "2026-03-05",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Marcus Ebdon",
        },
        "child": {
            "first_name": "Oskar",
            "last_name": "Nowakowski",
            "preferred_name": "Oz",
            "date_of_birth": "2011-06-22",
            "gender": "M",
            "ethnicity": "WOTH",
            "first_language": "Polish",
            "upn": upn("986204911350"),
            "la_child_id": "HM582210",
            "leisure_interests": "Fixing bikes, Army Cadets on Thursdays, fishing with his carer",
        },
        "care": {
            "legal_status": "V2",
            "date_became_looked_after": "2023-02-06",
            "placement_type": "U4",
            "placement_start_date": "2023-08-14",
            "number_of_placements": 3,
            "host_authority": "Wrexbury Borough Council",
            "carer": {
                "name": "Dale and Sandra Pellow",
                "phone": "01632 960281",
                "email": "pellow.family@example.org",
            },
            "social_worker": {
                "name": "Yvonne Achterberg",
                "phone": "01632 960834",
                "email": "yvonne.achterberg@hamblemouth.example.org",
                "team": "Children in Care (West)",
            },
            "iro": {"name": "Desmond Fairweather", "phone": "01632 960617"},
        },
        "education": {
            "setting_name": "Fordingley Academy",
            "urn": "145207",
            "laestab": "9862231",
            "ncy": "9",
            "date_joined": "2023-09-05",
            "designated_teacher": {
                "name": "Marcus Ebdon",
                "email": "m.ebdon@fordingley.example.org",
                "phone": "01632 960459",
            },
            "senco": "Mrs K. Yelland",
            "sen_provision": "K",
            "sen_primary_need": "MLD",
            "attendance": {
                "percent": 96.8,
                "sessions_possible": 124,
                "sessions_missed": 4,
                "period_start": "2025-09-03",
                "period_end": "2025-11-21",
            },
            "exclusions": [
                {
                    "type": "FIXD",
                    "start_date": "2025-11-03",
                    "sessions": 1,
                    "reason": "Fighting on the school bus",
                }
            ],
        },
        "health": {"sdq_score": 15, "sdq_date": "2025-10-01", "camhs_involved": False},
        "attainment": [
            {
                "subject": "English",
                "baseline": "KS2 97",
                "current": "4-",
                "target": "5",
                "on_track": False,
            },
            {
                "subject": "Maths",
                "baseline": "KS2 101",
                "current": "5",
                "target": "6",
                "on_track": True,
            },
            {
                "subject": "Science",
                "baseline": "KS2 99",
                "current": "4",
                "target": "5",
                "on_track": True,
            },
            {"subject": "Engineering", "current": "5+", "target": "6", "on_track": True},
        ],
        "views": {
            "child": "I like engineering and PE. English is hard because of all the reading. "
            "I want to be a mechanic like my uncle in Gdansk.",
            "carer": "Oz is settled with us and is proud of his cadet uniform. Homework is a "
            "battle, especially reading.",
            "school": "Oskar is polite and practical and shines in engineering. Reading "
            "comprehension is his main barrier; the incident on the bus was out of character.",
            "social_worker": "Oskar remains accommodated under section 20 with mum's agreement. "
            "Mum lives in Hamblemouth and he sees her every other weekend.",
            "parent": "Mum wants Oskar to keep up his Polish and is happy he is doing well.",
        },
        "previous_targets": [
            {
                "description": "Oskar will read for 20 minutes four nights a week",
                "outcome": "partly_met",
                "evidence": "Reading log shows 2-3 nights",
            },
            {
                "description": "Oskar will attend every lesson on time",
                "outcome": "met",
                "evidence": "No lates this half term",
            },
        ],
        "targets": [
            {
                "area": "literacy",
                "description": "Oskar will raise his reading age from 10y4m to 11y6m",
                "actions": "Lexia three times a week; weekly 1:1 with reading mentor",
                "success_criteria": "Reading age test in March shows 11y6m or above",
                "lead": "Mrs Yelland (SENCO)",
                "due_date": "2026-03-05",
                "pp_plus_cost": "450.00",
            },
            {
                "area": "semh",
                "description": "Oskar will use his time-out card when he feels angry",
                "actions": "Six sessions with the school mentor; card agreed with all staff",
                "success_criteria": "No further incidents on behaviour log",
                "lead": "Mr Ebdon",
                "due_date": "2026-02-13",
                "pp_plus_cost": "300.00",
            },
            {
                "area": "careers",
                "description": "Oskar will visit a college engineering department before options",
                "actions": "Taster day at Nenbury College arranged by careers lead",
                "lead": "Careers lead",
                "due_date": "2026-02-27",
                "pp_plus_cost": "40.00",
            },
        ],
        "pp_plus": {
            "requested_total": "790.00",
            "items": [
                {"description": "Lexia licence and reading mentor", "cost": "450.00"},
                {"description": "School mentor (6 sessions)", "cost": "300.00"},
                {"description": "College taster day travel", "cost": "40.00"},
            ],
        },
        "transition": {
            "next_transition": "Key Stage 4 options",
            "date": "2026-02-26",
            "aspirations": "Motor mechanic",
            "careers_advice": "Careers interview booked for the spring term",
        },
        "linked_plans": [
            {"type": "PSP", "date": "2025-11-10", "reference": "PSP after bus incident"}
        ],
        "attendees": _attendees(
            ("Yvonne Achterberg", "Social worker", True, True),
            ("Marcus Ebdon", "Designated teacher", True, True),
            ("Sandra Pellow", "Foster carer", True, True),
            ("Oskar Nowakowski", "Young person", True, True),
            ("Agata Nowakowska", "Mother", True, False),
        ),
        "signoff": {"designated_teacher_date": "2025-11-28", "social_worker_date": "2025-12-03"},
        "unplaced": {
            "strengths": "Practical, kind to younger pupils, never gives up in PE",
            "worries": "Reading out loud in class",
            "whats_going_well": "Engineering and cadets",
            "help_wanted": "Someone to read the questions in tests",
            "exclusion_internal": "2 days in the reflection room (October)",
            "homework": "Homework club Tuesday and Thursday",
        },
        "signatures": {
            "designated_teacher": "M Ebdon",
            "social_worker": "Y. Achterberg",
            "young_person": "Oskar N",
            "chair": "M. Ebdon",
        },
    },
)

_add(
    "dev-demi",
    {
        "meta": {
            "meeting_date": "2026-01-28",
            "previous_pep_date": "2025-10-15",
            "next_review_date": "2026-05-06",
            "academic_year": "2025-26",
            "term": "spring",
            "pep_type": "review",
            "completed_by": "Nkechi Adeyemi",
        },
        "child": {
            "first_name": "Demi",
            "last_name": "Campbell-Hoyte",
            "date_of_birth": "2018-04-17",
            "gender": "F",
            "ethnicity": "BCRB",
            "first_language": "English",
            "upn": upn("986318006142"),
            "la_child_id": "CH117406",
            "leisure_interests": "Gymnastics club, singing at church, making slime",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2022-09-19",
            "placement_type": "U1",
            "placement_start_date": "2023-04-03",
            "number_of_placements": 2,
            "parental_responsibility": "Local authority (care order) shared with mother",
            "carer": {
                "name": "Marcia Hoyte (grandmother)",
                "phone": "020 7946 0193",
                "education_role": "Does homework with Demi and attends every parents' evening",
            },
            "social_worker": {
                "name": "Tobias Wainwright",
                "phone": "020 7946 0562",
                "email": "tobias.wainwright@chaseley.example.org",
            },
            "iro": {"name": "Gloria Mensah-Taylor"},
        },
        "education": {
            "setting_name": "Holloway Lane Primary School",
            "urn": "102154",
            "laestab": "9863014",
            "ncy": "2",
            "date_joined": "2023-04-17",
            "designated_teacher": {
                "name": "Nkechi Adeyemi",
                "email": "n.adeyemi@hollowaylane.example.org",
                "phone": "020 7946 0877",
            },
            "sen_provision": "N",
            "attendance": {"percent": 97.4, "sessions_possible": 192, "sessions_missed": 5},
        },
        "health": {"sdq_score": 9, "sdq_date": "2025-12-01", "camhs_involved": False},
        "attainment": [
            {
                "subject": "Reading",
                "current": "Working towards",
                "target": "Expected",
                "on_track": True,
            },
            {
                "subject": "Writing",
                "current": "Working towards",
                "target": "Working towards",
                "on_track": True,
            },
            {"subject": "Maths", "current": "Expected", "target": "Expected", "on_track": True},
            {"subject": "Phonics", "current": "Passed screening check in Year 1", "on_track": True},
        ],
        "views": {
            "child": "I like reading with Nana and doing cartwheels. I want a gold star for my "
            "handwriting. Sometimes I miss my mummy at school.",
            "carer": "Demi is doing really well and loves her teacher. She still gets upset "
            "after family time and needs extra cuddles.",
            "school": "Demi is a sociable, hard-working girl. Reading fluency and letter "
            "formation are the focus this term.",
            "parent": "Mum was invited but could not attend; she sent a card for Demi.",
        },
        "previous_targets": [
            {
                "description": "Demi will read 30 Year 1 common exception words",
                "outcome": "met",
                "evidence": "Read 34 in December check",
            },
            {
                "description": "Demi will form lower case letters correctly in her writing",
                "outcome": "partly_met",
                "evidence": "Correct in handwriting books, not yet in other writing",
            },
            {
                "description": "Demi will tell an adult when she feels sad",
                "outcome": "met",
                "evidence": "Uses the feelings board every morning",
            },
        ],
        "targets": [
            {
                "area": "literacy",
                "description": "Demi will read a Year 2 book at 60 words per minute",
                "actions": "Reading with a TA four times a week; paired reading with a Y5 buddy",
                "success_criteria": "Fluency check in April",
                "lead": "Class TA",
                "due_date": "2026-04-24",
                "pp_plus_cost": "380.00",
            },
            {
                "area": "literacy",
                "description": "Demi will join her handwriting in two sentences",
                "actions": "Daily 10-minute handwriting group",
                "lead": "Mrs Adeyemi",
                "due_date": "2026-04-24",
                "pp_plus_cost": "60.00",
            },
            {
                "area": "semh",
                "description": "Demi will name two ways to calm down after family time",
                "actions": "Weekly ELSA session; calm box at home and school",
                "lead": "ELSA - Miss Okoro",
                "due_date": "2026-04-24",
                "pp_plus_cost": "240.00",
            },
        ],
        "pp_plus": {"requested_total": "680.00"},
        "attendees": _attendees(
            ("Tobias Wainwright", "Social worker", True, True),
            ("Nkechi Adeyemi", "Designated teacher", True, True),
            ("Marcia Hoyte", "Kinship carer (grandmother)", True, True),
            ("Demi Campbell-Hoyte", "Child", True, False),
            ("Shauna Campbell", "Mother", True, False),
            ("Priti Chauhan", "Virtual School", True, True),
        ),
        "signoff": {"designated_teacher_date": "2026-01-30", "social_worker_date": "2026-02-04"},
        "unplaced": {
            "strengths": "Confident, caring, a brilliant gymnast",
            "reason_not_attending": "Demi chose to talk to her teacher before the meeting",
            "hopes": "To be a teacher or a vet",
        },
        "signatures": {
            "designated_teacher": "N Adeyemi",
            "social_worker": "T. Wainwright",
        },
    },
)

_add(
    "dev-harvey",
    {
        "meta": {
            "meeting_date": "2025-12-03",
            "previous_pep_date": "2025-09-24",
            "next_review_date": "2026-03-18",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Colette Brannigan",
        },
        "child": {
            "first_name": "Harvey",
            "middle_names": "John",
            "last_name": "Lomas",
            "date_of_birth": "2015-11-08",
            "gender": "M",
            "ethnicity": "WBRI",
            "first_language": "English",
            "upn": upn("986455018293"),
            "la_child_id": "BM447120",
            "leisure_interests": "Trains, Lego Technic, swimming with his mum",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2021-01-18",
            "placement_type": "P1",
            "placement_start_date": "2025-04-22",
            "number_of_placements": 4,
            "parental_responsibility": "Mother and the local authority",
            "carer": {"name": "Kirsty Lomas (mother)", "phone": "0113 496 0271"},
            "social_worker": {
                "name": "Rashida Begum",
                "phone": "0113 496 0655",
                "email": "rashida.begum@bramdale.example.org",
                "team": "Children Looked After Team (Keighmoor)",
            },
            "iro": {"name": "Neville Stocks", "email": "neville.stocks@bramdale.example.org"},
        },
        "education": {
            "setting_name": "Thornbury Grange Primary School",
            "urn": "107309",
            "laestab": "9864407",
            "ncy": "5",
            "date_joined": "2022-01-10",
            "designated_teacher": {
                "name": "Colette Brannigan",
                "email": "c.brannigan@thornburygrange.example.org",
                "phone": "0113 496 0933",
            },
            "senco": "Colette Brannigan",
            "sen_provision": "E",
            "sen_primary_need": "SEMH",
            "ehcp_date": "2024-07-01",
            "part_time_timetable": True,
            "attendance": {"percent": 86.1, "sessions_possible": 108, "sessions_missed": 15},
            "exclusions": [
                {
                    "type": "FIXD",
                    "start_date": "2025-10-07",
                    "sessions": 2,
                    "reason": "Throwing a chair in the classroom",
                },
                {
                    "type": "LNCH",
                    "start_date": "2025-11-12",
                    "sessions": 1,
                    "reason": "Repeated fighting at lunchtime",
                },
            ],
        },
        "health": {"sdq_score": 23, "sdq_date": "2025-09-15", "camhs_involved": True},
        "attainment": [
            {
                "subject": "Reading",
                "current": "Pre-key stage 4",
                "target": "Working towards",
                "on_track": False,
            },
            {
                "subject": "Writing",
                "current": "Pre-key stage 3",
                "target": "Pre-key stage 4",
                "on_track": True,
            },
            {
                "subject": "Maths",
                "current": "Working towards",
                "target": "Working towards",
                "on_track": True,
            },
        ],
        "views": {
            "child": "I like maths and golden time. I don't like it when the class is noisy "
            "and I get cross. I like living with my mum.",
            "carer": "Harvey is happier at home but mornings are hard. I want him back in "
            "school full time.",
            "school": "Harvey is on a reduced timetable (mornings only) while his new EHCP "
            "provision starts. He responds well to his 1:1 and to movement breaks.",
            "social_worker": "Harvey returned home to mum in April under a care order. The plan "
            "is to apply to discharge the order next year if things stay settled.",
        },
        "previous_targets": [
            {
                "description": "Harvey will stay in class for the whole of maths",
                "outcome": "met",
                "evidence": "Stays in maths 5 days out of 5 with his 1:1",
            },
            {
                "description": "Harvey will use his exit card instead of running out",
                "outcome": "not_met",
                "evidence": "Two suspensions this term",
            },
        ],
        "targets": [
            {
                "area": "behaviour",
                "description": "Harvey will use his exit card and go to the nurture room when "
                "he feels cross",
                "actions": "Daily check-in with his 1:1; nurture room booked after lunch",
                "success_criteria": "No suspensions before the next PEP",
                "lead": "1:1 TA Mr Dobson",
                "due_date": "2026-03-18",
                "pp_plus_cost": "500.00",
            },
            {
                "area": "attendance",
                "description": "Harvey will increase his timetable to three full days a week",
                "actions": "Phased return agreed with mum; taxi arranged",
                "success_criteria": "Three full days by February half term",
                "lead": "Mrs Brannigan",
                "due_date": "2026-02-13",
            },
            {
                "area": "literacy",
                "description": "Harvey will read 50 high frequency words",
                "actions": "Precision teaching 10 minutes daily",
                "lead": "1:1 TA",
                "due_date": "2026-03-18",
                "pp_plus_cost": "150.00",
            },
        ],
        "pp_plus": {"requested_total": "650.00", "approved": True},
        "linked_plans": [
            {"type": "EHCP", "date": "2024-07-01", "reference": "Annual review due July 2026"}
        ],
        "attendees": _attendees(
            ("Rashida Begum", "Social worker", True, True),
            ("Colette Brannigan", "Designated teacher / SENCO", True, True),
            ("Kirsty Lomas", "Mother", True, True),
            ("Harvey Lomas", "Child", True, False),
            ("Owen Bairstow", "Virtual School link teacher", True, True),
            ("Dr Samira Gill", "CAMHS", True, False),
        ),
        "signoff": {
            "designated_teacher_date": "2025-12-05",
            "social_worker_date": "2025-12-09",
            "virtual_school_date": "2025-12-12",
            "qa_rating": "amber",
        },
        "unplaced": {
            "strengths": "Great at building things, very loving with his little sister",
            "part_time_reason": "Reduced timetable (mornings) while new EHCP provision starts",
            "review_on_track": "Partly",
            "additional_support": "Virtual School additional funds requested for a play therapist",
        },
        "signatures": {
            "designated_teacher": "C Brannigan",
            "social_worker": "R Begum",
            "virtual_school": "O. Bairstow",
        },
    },
)

_add(
    "dev-zainab",
    {
        "meta": {
            "meeting_date": "2025-10-09",
            "previous_pep_date": "2025-06-26",
            "next_review_date": "2026-01-22",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Graham Sowerby",
        },
        "child": {
            "first_name": "Zainab",
            "last_name": "Qureshi",
            "date_of_birth": "2010-03-25",
            "gender": "F",
            "ethnicity": "APKN",
            "first_language": "Urdu",
            "upn": upn("986510347716"),
            "la_child_id": "ID903315",
            "leisure_interests": "Badminton, baking, volunteering at the library",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2019-11-11",
            "placement_type": "U4",
            "placement_start_date": "2020-06-01",
            "number_of_placements": 2,
            "carer": {
                "name": "Nasreen and Tariq Malik",
                "phone": "0115 496 0762",
                "email": "malik.carers@example.org",
            },
            "social_worker": {
                "name": "Hollie Brackenbury",
                "phone": "0115 496 0128",
                "email": "hollie.brackenbury@idlebrook.example.org",
            },
            "iro": {"name": "Clive Oduya", "phone": "0115 496 0904"},
        },
        "education": {
            "setting_name": "Ravenshead Lane School",
            "urn": "139620",
            "laestab": "9865119",
            "ncy": "11",
            "date_joined": "2021-09-02",
            "designated_teacher": {
                "name": "Graham Sowerby",
                "email": "g.sowerby@ravensheadlane.example.org",
                "phone": "0115 496 0350",
            },
            "sen_provision": "N",
            "attendance": {"percent": 98.9, "sessions_possible": 56, "sessions_missed": 0},
        },
        "health": {"sdq_score": 8, "sdq_date": "2025-09-19", "camhs_involved": False},
        "attainment": [
            {"subject": "English Language", "current": "6", "target": "7", "on_track": True},
            {"subject": "Maths", "current": "5", "target": "7", "on_track": False},
            {"subject": "Biology", "current": "6", "target": "7", "on_track": True},
            {"subject": "Chemistry", "current": "5", "target": "6", "on_track": True},
            {"subject": "Urdu", "current": "8", "target": "9", "on_track": True},
        ],
        "views": {
            "child": "I want to study sciences at sixth form and become a pharmacist. I am "
            "worried about maths and I would like a tutor before my mocks.",
            "carer": "Zainab is hard-working and organised. She revises every evening and we "
            "want to help her get the grades for sixth form.",
            "school": "Zainab is a model student. Maths is the one subject below target and a "
            "tutor would make the difference before the December mocks.",
            "social_worker": "Zainab is settled long term with the Maliks and wants to stay "
            "put after 18.",
        },
        "previous_targets": [
            {
                "description": "Zainab will apply to two sixth forms",
                "outcome": "partly_met",
                "evidence": "One application made; second open evening in November",
            },
            {
                "description": "Zainab will complete a week of work experience in a pharmacy",
                "outcome": "met",
                "evidence": "Placement at Fieldside Pharmacy in July",
            },
        ],
        "targets": [
            {
                "area": "numeracy",
                "description": "Zainab will achieve a grade 6 in the December maths mock",
                "actions": "Weekly 1:1 maths tutor (10 sessions); revision guide",
                "success_criteria": "Mock grade 6",
                "lead": "Head of Maths",
                "due_date": "2025-12-12",
                "pp_plus_cost": "500.00",
            },
            {
                "area": "careers",
                "description": "Zainab will submit applications to two sixth forms by January",
                "actions": "Careers adviser meeting; carer to attend open evenings",
                "lead": "Mr Sowerby",
                "due_date": "2026-01-16",
            },
            {
                "area": "independence",
                "description": "Zainab will open a savings account and budget for college travel",
                "actions": "Social worker and carer to support with ID",
                "lead": "Hollie Brackenbury",
                "due_date": "2026-01-22",
            },
        ],
        "transition": {
            "next_transition": "Sixth form (Year 12)",
            "date": "2026-09-03",
            "plan": "Taster day in June; staying with the Maliks; bursary application in July",
            "careers_advice": "Careers interview with Ms Ferris on 18 September",
            "aspirations": "Pharmacist",
        },
        "attendees": _attendees(
            ("Hollie Brackenbury", "Social worker", True, True),
            ("Graham Sowerby", "Designated teacher", True, True),
            ("Nasreen Malik", "Foster carer", True, True),
            ("Zainab Qureshi", "Young person", True, True),
            ("Clive Oduya", "IRO", True, False),
        ),
        "signoff": {"designated_teacher_date": "2025-10-10", "social_worker_date": "2025-10-14"},
        "unplaced": {
            "strengths": "Organised, determined, fluent in two languages",
            "challenges": "Loses confidence in maths under time pressure",
            "exec_skills": "Plans revision well; needs help breaking big tasks into steps",
            "adulthood": "Wants to learn to drive and cook for herself",
            "homework": "Completes homework at the kitchen table after tea",
        },
        "signatures": {
            "designated_teacher": "G. Sowerby",
            "social_worker": "H Brackenbury",
            "young_person": "Zainab Q",
        },
    },
)

_add(
    "dev-shannon",
    {
        "meta": {
            "meeting_date": "2025-11-13",
            "previous_pep_date": "2025-07-10",
            "next_review_date": "2026-02-26",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Jade Whitlock",
        },
        "child": {
            "first_name": "Shannon",
            "last_name": "McAllister-Reid",
            "date_of_birth": "2009-05-30",
            "gender": "F",
            "ethnicity": "WIRT",
            "first_language": "English",
            "uln": uln("603918274"),
            "la_child_id": "WN228816",
            "leisure_interests": "Doing nails and make-up, boxing at the gym, her dog Biscuit",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2020-02-24",
            "placement_type": "U4",
            "placement_start_date": "2022-10-03",
            "number_of_placements": 5,
            "carer": {"name": "Angie Rowbotham", "phone": "07700 900445"},
            "social_worker": {
                "name": "Kwame Asante",
                "phone": "01632 960392",
                "email": "kwame.asante@nenbury.example.org",
            },
        },
        "education": {
            "setting_name": "Salon Nine with Nenbury College (day release)",
            "ncy": "12",
            "date_joined": "2025-09-08",
            "designated_teacher": {
                "name": "Jade Whitlock",
                "email": "j.whitlock@nenburycollege.example.org",
                "phone": "01632 960731",
            },
            "sen_provision": "K",
            "sen_primary_need": "SPLD",
            "attendance": {"percent": 89.5},
        },
        "attainment": [
            {
                "subject": "Level 2 Hair Professional apprenticeship",
                "current": "On programme",
                "target": "Complete by July 2027",
                "on_track": True,
            },
            {
                "subject": "Functional Skills English L1",
                "current": "Pass",
                "target": "Level 2",
                "on_track": True,
            },
            {
                "subject": "Functional Skills Maths L1",
                "current": "Working towards",
                "target": "Pass",
                "on_track": False,
            },
        ],
        "views": {
            "child": "I love working at the salon and the clients are nice. College days are "
            "boring but I know I need my maths. I want my own salon one day.",
            "carer": "Shannon gets up for work on her own now and is saving her wages.",
            "school": "Shannon is popular with clients and her practical work is good. Maths "
            "attendance on college days is the concern.",
        },
        "previous_targets": [
            {
                "description": "Shannon will secure an apprenticeship starting in September",
                "outcome": "met",
                "evidence": "Started at Salon Nine on 8 September",
            },
        ],
        "targets": [
            {
                "area": "numeracy",
                "description": "Shannon will pass Functional Skills Maths Level 1",
                "actions": "Extra maths workshop on Wednesdays; online practice tests",
                "lead": "College maths tutor",
                "due_date": "2026-03-27",
            },
            {
                "area": "attendance",
                "description": "Shannon will attend every college day between now and February",
                "actions": "Text reminder from her PA; travel pass topped up",
                "lead": "Personal adviser",
                "due_date": "2026-02-13",
            },
        ],
        "transition": {
            "aspirations": "Run her own salon",
            "careers_advice": "Apprenticeship reviews every 12 weeks with her assessor",
            "next_transition": "Level 3 Advanced Hair Professional",
        },
        "linked_plans": [
            {"type": "PATHWAY", "date": "2025-10-20", "reference": "Pathway plan started at 16"}
        ],
        "attendees": _attendees(
            ("Kwame Asante", "Social worker", True, True),
            ("Jade Whitlock", "Designated person (college)", True, True),
            ("Shannon McAllister-Reid", "Young person", True, True),
            ("Angie Rowbotham", "Foster carer", True, False),
            ("Lena Pritchard", "Personal adviser", True, True),
        ),
        "signoff": {"designated_teacher_date": "2025-11-14", "social_worker_date": "2025-11-18"},
        "unplaced": {
            "course": "Level 2 Hair Professional apprenticeship (Salon Nine)",
            "employer": "Salon Nine, Market Street, Nenbury",
            "status": "Apprenticeship",
            "wage": "Apprentice wage; saving for a car",
            "personal_adviser": "Lena Pritchard",
            "bursary": "Not eligible (employed apprentice)",
            "pep_phase": "General post 16 PEP - phase 1 (October to February)",
            "route": "Apprenticeship",
        },
        "signatures": {
            "social_worker": "K Asante",
            "designated_teacher": "J Whitlock",
            "young_person": "Shannon M-R",
        },
    },
)


# === evaluation set ===========================================================================

_add(
    "eval-isla",
    {
        "meta": {
            "meeting_date": "2025-10-01",
            "previous_pep_date": "2025-06-24",
            "next_review_date": "2026-01-14",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Nicola Brampton",
        },
        "child": {
            "first_name": "Isla",
            "last_name": "Thornbury",
            "date_of_birth": "2021-10-03",
            "gender": "F",
            "ethnicity": "WBRI",
            "first_language": "English",
            "la_child_id": "DW118772",
            "leisure_interests": "Mud kitchen, bubbles, the story 'We're Going on a Bear Hunt'",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2022-12-05",
            "placement_type": "U4",
            "placement_start_date": "2023-01-09",
            "number_of_placements": 2,
            "carer": {"name": "Helen and Chris Varley", "phone": "01632 960381"},
            "social_worker": {"name": "Rhiannon Castell", "phone": "01632 960262"},
            "iro": {"name": "Stuart Penrose"},
        },
        "education": {
            "setting_name": "Little Owls Pre-School",
            "urn": "EY498210",
            "ncy": "N2",
            "date_joined": "2024-04-15",
            "designated_teacher": {
                "name": "Nicola Brampton",
                "email": "manager@littleowls.example.org",
            },
            "sen_provision": "K",
            "sen_primary_need": "SLCN",
            "attendance": {"percent": 91.5},
        },
        "attainment": [
            {
                "subject": "Communication and language",
                "current": "Emerging",
                "target": "Developing",
                "on_track": False,
            },
            {
                "subject": "Personal, social and emotional development",
                "current": "Developing",
                "target": "Secure",
                "on_track": True,
            },
            {
                "subject": "Physical development",
                "current": "Secure",
                "target": "Secure",
                "on_track": True,
            },
        ],
        "views": {
            "child": 'Isla showed us her favourite place (the mud kitchen) and said "I make '
            'soup". She smiles when her carer collects her.',
            "carer": "Isla loves pre-school. We are practising words at home with the cards from "
            "speech therapy.",
            "school": "Isla is settled and confident in the setting. Her speech is delayed and she "
            "is on the speech and language therapy waiting list.",
        },
        "previous_targets": [
            {
                "description": "Isla will use 20 single words consistently",
                "outcome": "met",
                "evidence": "Word log shows 34 words",
            },
            {
                "description": "Isla will join in with a group song",
                "outcome": "partly_met",
                "evidence": "Joins actions, not yet words",
            },
        ],
        "targets": [
            {
                "area": "communication",
                "description": "Isla will join two words together (e.g. "
                '"more juice") at snack time',
                "actions": "WellComm activities daily; modelling two-word phrases",
                "lead": "Key person (Becky)",
                "due_date": "2025-12-12",
                "pp_plus_cost": "150.00",
            },
            {
                "area": "semh",
                "description": "Isla will play a turn-taking game with a friend for five minutes",
                "actions": "Small group games twice a week",
                "lead": "Key person",
                "due_date": "2025-12-12",
            },
        ],
        "attendees": _attendees(
            ("Rhiannon Castell", "Social worker", True, True),
            ("Nicola Brampton", "Setting manager", True, True),
            ("Helen Varley", "Foster carer", True, True),
            ("Sasha Lund", "Virtual School Early Years", True, True),
        ),
        "signoff": {"designated_teacher_date": "2025-10-03"},
        "unplaced": {
            "strengths": "Confident climber, loves helping tidy up",
            "emergency_contact": "Helen Varley 01632 960381",
            "health_responsibility": "Foster carers",
            "trips_permission": "Social worker",
            "eypp_use": "WellComm toolkit and extra key person sessions",
        },
        "signatures": {
            "designated_teacher": "N Brampton",
        },
    },
)

_add(
    "eval-theo",
    {
        "meta": {
            "meeting_date": "2025-11-19",
            "previous_pep_date": "2025-07-08",
            "next_review_date": "2026-03-11",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Farah Lockwood",
        },
        "child": {
            "first_name": "Theo",
            "last_name": "Marchbank",
            "date_of_birth": "2023-01-22",
            "gender": "M",
            "ethnicity": "MOTH",
            "first_language": "English",
            "la_child_id": "CE300455",
            "leisure_interests": "Trains, splashing in puddles, peek-a-boo",
        },
        "care": {
            "legal_status": "C1",
            "date_became_looked_after": "2025-02-17",
            "placement_type": "U3",
            "placement_start_date": "2025-02-17",
            "number_of_placements": 1,
            "carer": {"name": "Pauline Marchbank (grandmother)", "phone": "07700 900881"},
            "social_worker": {"name": "Jonah Whitlock", "phone": "01632 960703"},
        },
        "education": {
            "setting_name": "Brook Meadow Children's Centre Nursery",
            "urn": "EY551203",
            "ncy": "N1",
            "date_joined": "2025-04-22",
            "designated_teacher": {"name": "Farah Lockwood"},
            "sen_provision": "N",
            "attendance": {"percent": 88.0},
        },
        "attainment": [
            {
                "subject": "Communication and language",
                "current": "Developing",
                "target": "Developing",
                "on_track": True,
            },
            {
                "subject": "Physical development",
                "current": "Developing",
                "target": "Secure",
                "on_track": True,
            },
        ],
        "views": {
            "child": 'Theo points to the trains and says "choo choo". He runs to the door when '
            "his nan arrives.",
            "carer": "Theo is a busy boy. Nursery have helped with his sleep routine.",
            "school": "Theo is settling well and enjoys messy play. He is beginning to use single "
            "words.",
        },
        "targets": [
            {
                "area": "communication",
                "description": "Theo will use 10 single words to name familiar objects",
                "actions": "Sharing picture books daily with key person; word list shared with nan",
                "lead": "Farah (key person)",
                "due_date": "2026-02-27",
            },
            {
                "area": "physical",
                "description": "Theo will climb the small steps and slide with one adult hand",
                "actions": "Daily outdoor physical play",
                "lead": "Nursery staff",
                "due_date": "2026-02-27",
            },
        ],
        "attendees": _attendees(
            ("Jonah Whitlock", "Social worker", True, True),
            ("Farah Lockwood", "Key person", True, True),
            ("Pauline Marchbank", "Kinship carer", True, True),
        ),
        "signoff": {"social_worker_date": "2025-11-24"},
        "unplaced": {
            "care_summary": "Interim care order; assessment of grandmother as special guardian "
            "under way",
            "hours": "15 hours (two-year-old funding), Monday to Wednesday mornings",
            "health": "Up to date with immunisations; 2-year check due January",
        },
        "signatures": {
            "social_worker": "J Whitlock",
        },
    },
)

_add(
    "eval-ruby",
    {
        "meta": {
            "meeting_date": "2025-10-09",
            "previous_pep_date": "2025-06-12",
            "next_review_date": "2026-01-29",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Philippa Orme",
        },
        "child": {
            "first_name": "Ruby",
            "last_name": "Calderwood",
            "date_of_birth": "2019-04-17",
            "gender": "F",
            "ethnicity": "BCRB",
            "first_language": "English",
            "upn": upn("986742019037"),
            "la_child_id": "DW220981",
            "leisure_interests": "Tag, gymnastics club, drawing unicorns",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2020-10-12",
            "placement_type": "U4",
            "placement_start_date": "2021-03-01",
            "number_of_placements": 2,
            "carer": {"name": "Denise Akers", "phone": "01632 960145"},
            "social_worker": {
                "name": "Harriet Blyth",
                "phone": "01632 960811",
                "email": "harriet.blyth@dewmarsh.example.org",
            },
            "iro": {"name": "Kevin Amesbury"},
        },
        "education": {
            "setting_name": "Meadowsweet Infant School",
            "urn": "112376",
            "laestab": "9862011",
            "ncy": "2",
            "date_joined": "2023-09-06",
            "designated_teacher": {
                "name": "Philippa Orme",
                "email": "p.orme@meadowsweet.example.org",
                "phone": "01632 960377",
            },
            "sen_provision": "K",
            "sen_primary_need": "SPLD",
            "attendance": {"percent": 96.8},
        },
        "health": {"sdq_score": 9, "sdq_date": "2025-07-01", "camhs_involved": False},
        "attainment": [
            {"subject": "Phonics", "current": "28/40", "target": "32/40", "on_track": True},
            {
                "subject": "Reading",
                "current": "Working towards",
                "target": "Expected",
                "on_track": False,
            },
            {"subject": "Maths", "current": "Expected", "target": "Expected", "on_track": True},
        ],
        "views": {
            "child": "I like my teacher and playing tag. I find reading tricky. I want to read "
            "chapter books like my brother.",
            "carer": "Ruby reads with me every night and is trying really hard.",
            "school": "Ruby is a sociable, happy girl. She is receiving phonics catch-up and "
            "is making steady progress.",
        },
        "previous_targets": [
            {
                "description": "Ruby will pass the Year 1 phonics screening check",
                "outcome": "not_met",
                "evidence": "Scored 28 (threshold 32); retake in Year 2",
            },
            {
                "description": "Ruby will count in 2s, 5s and 10s to 100",
                "outcome": "met",
                "evidence": "Teacher assessment July",
            },
        ],
        "targets": [
            {
                "area": "literacy",
                "description": "Ruby will score 32 or more in a practice phonics check",
                "actions": "Daily 15-minute phonics catch-up with TA",
                "lead": "Mrs Orme",
                "due_date": "2026-01-23",
                "pp_plus_cost": "480.00",
            },
            {
                "area": "literacy",
                "description": "Ruby will read 20 Year 2 common exception words",
                "actions": "Word games at home and school",
                "lead": "Carer and class teacher",
                "due_date": "2026-01-23",
                "pp_plus_cost": "20.00",
            },
            {
                "area": "semh",
                "description": "Ruby will tell an adult when she feels worried using "
                "her feelings fan",
                "actions": "Feelings fan kept in tray; check-ins with TA",
                "lead": "TA",
                "due_date": "2026-01-23",
            },
        ],
        "pp_plus": {
            "requested_total": "500.00",
            "items": [
                {"description": "Phonics catch-up with TA, 15 minutes daily", "cost": "480.00"},
                {"description": "Word games for home", "cost": "20.00"},
            ],
        },
        "attendees": _attendees(
            ("Harriet Blyth", "Social Worker", True, True),
            ("Philippa Orme", "Designated Teacher", True, True),
            ("Denise Akers", "Foster carer", True, True),
            ("Ruby Calderwood", "Me", True, True),
            ("Lorna Pask", "Area Learning Advocate", True, False),
        ),
        "signoff": {"designated_teacher_date": "2025-10-10", "social_worker_date": "2025-10-14"},
        "unplaced": {
            "strengths": "Kind friend, brilliant at number bonds",
            "school_type": "Infant school",
            "pep_coordinator": "Tamsin Oakley",
            "first_pep": "No",
        },
        "signatures": {
            "designated_teacher": "P Orme",
            "social_worker": "H. Blyth",
        },
    },
)

_add(
    "eval-oscar",
    {
        "meta": {
            "meeting_date": "2026-01-28",
            "previous_pep_date": "2025-10-15",
            "next_review_date": "2026-05-06",
            "academic_year": "2025-26",
            "term": "spring",
            "pep_type": "review",
            "completed_by": "Alan Cheswick",
        },
        "child": {
            "first_name": "Oscar",
            "last_name": "Tregarth",
            "date_of_birth": "2016-02-08",
            "gender": "M",
            "ethnicity": "WBRI",
            "first_language": "English",
            "upn": upn("987311516120"),
            "la_child_id": "WC509917",
            "leisure_interests": "Art, PE, Lego",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2023-07-31",
            "placement_type": "U6",
            "placement_start_date": "2025-09-29",
            "number_of_placements": 4,
            "carer": {"name": "Yvonne Radcliffe", "phone": "07700 900236"},
            "social_worker": {"name": "Ellis Marwood", "phone": "01632 960579"},
        },
        "education": {
            "setting_name": "Holly Bank Primary Academy",
            "urn": "139208",
            "laestab": "9872044",
            "ncy": "5",
            "date_joined": "2025-10-06",
            "designated_teacher": {
                "name": "Alan Cheswick",
                "email": "a.cheswick@hollybank.example.org",
            },
            "sen_provision": "K",
            "sen_primary_need": "SEMH",
            "attendance": {"percent": 90.3},
            "exclusions": [
                {
                    "type": "LNCH",
                    "start_date": "2025-11-18",
                    "sessions": 1,
                    "reason": "Fighting at lunchtime",
                }
            ],
        },
        "attainment": [
            {"subject": "Reading", "current": "Expected", "target": "Expected", "on_track": True},
            {
                "subject": "Writing",
                "current": "Below",
                "target": "Working towards",
                "on_track": False,
            },
            {
                "subject": "Maths",
                "current": "Working towards",
                "target": "Expected",
                "on_track": False,
            },
        ],
        "views": {
            "child": "I like my new school better. I like art and PE. I get angry at lunchtime "
            "when people don't let me play.",
            "carer": "Oscar is settling in with me. He needs lots of reassurance about school.",
            "school": "Oscar joined us in October after a change of placement. He is bright and "
            "eager but unstructured times are difficult.",
        },
        "previous_targets": [
            {
                "description": "Oscar will settle into his new school and make one friend",
                "outcome": "met",
                "evidence": "Plays with two boys from his class",
            },
            {
                "description": "Oscar will complete written tasks with a writing frame",
                "outcome": "partly_met",
                "evidence": "Completes half of tasks",
            },
        ],
        "targets": [
            {
                "area": "behaviour",
                "description": "Oscar will have no lunchtime incidents for four consecutive weeks",
                "actions": "Lunchtime club (Lego and board games) with play leader",
                "lead": "Play leader",
                "due_date": "2026-03-27",
                "pp_plus_cost": "380.00",
            },
            {
                "area": "numeracy",
                "description": "Oscar will use the column method to add and "
                "subtract 4-digit numbers",
                "actions": "Same-day maths intervention three times a week",
                "lead": "Class teacher",
                "due_date": "2026-03-27",
                "pp_plus_cost": "420.00",
            },
        ],
        "pp_plus": {"requested_total": "800.00"},
        "attendees": _attendees(
            ("Ellis Marwood", "Social worker", True, True),
            ("Alan Cheswick", "Designated teacher", True, True),
            ("Yvonne Radcliffe", "Foster carer", True, True),
            ("Oscar Tregarth", "Child", True, False),
        ),
        "signoff": {"designated_teacher_date": "2026-01-30", "social_worker_date": "2026-02-02"},
        "unplaced": {
            "intervention_type_1": "Pastoral",
            "intervention_type_2": "Learning",
            "impact_1": "Fewer incidents; Oscar able to stay in class after lunch",
            "impact_2": "Secure written methods before Year 6",
            "vsh_approval": "Approved - VS Head",
            "working_well": "Oscar has made two friends and enjoys art and PE",
            "worried": "Lunchtimes: one suspension in November for fighting",
            "needs_to_happen": "Lunchtime club and a play leader for Oscar every day",
        },
        "signatures": {
            "designated_teacher": "A Cheswick",
            "social_worker": "E Marwood",
        },
    },
)

_add(
    "eval-mia",
    {
        "meta": {
            "meeting_date": "2025-10-20",
            "previous_pep_date": "2025-06-30",
            "next_review_date": "2026-02-09",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Ruth Kingdom",
        },
        "child": {
            "first_name": "Mia",
            "last_name": "Rosslyn",
            "date_of_birth": "2012-06-25",
            "gender": "F",
            "ethnicity": "WBRI",
            "first_language": "English",
            "upn": upn("988621211075"),
            "la_child_id": "NM812330",
            "leisure_interests": "Drama club, the school production, singing",
        },
        "care": {
            "legal_status": "V2",
            "date_became_looked_after": "2025-03-24",
            "placement_type": "U6",
            "placement_start_date": "2025-03-24",
            "number_of_placements": 2,
            "carer": {"name": "Lesley Framlingham", "phone": "01632 960964"},
            "social_worker": {"name": "Toby Ansell", "phone": "01632 960118"},
            "parental_responsibility": "Mother and father",
        },
        "education": {
            "setting_name": "Wymondley Park School",
            "urn": "121340",
            "laestab": "9884103",
            "ncy": "9",
            "date_joined": "2023-09-05",
            "designated_teacher": {
                "name": "Ruth Kingdom",
                "email": "rkingdom@wymondleypark.example.org",
            },
            "sen_provision": "N",
            "attendance": {"percent": 92.7},
        },
        "attainment": [
            {"subject": "English", "current": "5", "target": "6", "on_track": True},
            {"subject": "Maths", "current": "4", "target": "5", "on_track": True},
            {"subject": "Science", "current": "5", "target": "6", "on_track": True},
        ],
        "views": {
            "child": "I want to go home to mum but I'm OK here. I like drama and English. I find "
            "maths boring.",
            "parent": "Mum would like Mia to stay at Wymondley Park whatever happens.",
            "school": "Mia is a capable student whose attendance dipped after coming into care. "
            "She has good friendships.",
        },
        "previous_targets": [
            {
                "description": "Mia will attend school every day for the rest of the summer term",
                "outcome": "partly_met",
                "evidence": "94% in summer term",
            },
        ],
        "targets": [
            {
                "area": "attendance",
                "description": "Mia will attend at least 95% of sessions this term",
                "actions": "Weekly check-in with Head of Year; carer to text school by 8.30 if ill",
                "lead": "Head of Year 9",
                "due_date": "2025-12-19",
            },
            {
                "area": "numeracy",
                "description": "Mia will complete her maths homework on Sparx each week",
                "actions": "Homework club Tuesday and Thursday",
                "lead": "Maths teacher",
                "due_date": "2026-02-06",
                "pp_plus_cost": "120.00",
            },
        ],
        "transition": {
            "careers_advice": "Options evening attended",
            "aspirations": "Actor or English teacher",
        },
        "attendees": _attendees(
            ("Toby Ansell", "Social Worker", True, True),
            ("Ruth Kingdom", "Designated Teacher", True, True),
            ("Lesley Framlingham", "Carer", True, True),
            ("Mia Rosslyn", "Young Person", True, True),
            ("Sharon Rosslyn", "Mother", True, True),
        ),
        "signoff": {"designated_teacher_date": "2025-10-22"},
        "unplaced": {
            "worries": "Whether she will go home",
            "summary_record": "Year 7 to 8 at Wymondley Park; no previous schools since primary",
            "homework": "Homework club Tuesday and Thursday; carer checks Sparx",
            "working_well": "Mia has good friendships and loves drama; she is in the school show",
            "worried": "Attendance dropped to 88% in the first weeks after coming into care",
            "needs_to_happen": "Weekly Head of Year check-in; carer to phone school by 8.30 if Mia "
            "is unwell",
        },
        "signatures": {
            "designated_teacher": "R Kingdom",
            "young_person": "Mia R",
        },
    },
)

_add(
    "eval-jordan",
    {
        "meta": {
            "meeting_date": "2025-11-26",
            "previous_pep_date": "2025-07-14",
            "next_review_date": "2026-03-18",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Wendy Stroud",
        },
        "child": {
            "first_name": "Jordan",
            "last_name": "Ashworth",
            "date_of_birth": "2010-03-11",
            "gender": "M",
            "ethnicity": "BAFR",
            "first_language": "English",
            "upn": upn("989144010003"),
            "la_child_id": "ES661207",
            "leisure_interests": "Football, grime music, cooking",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2017-09-18",
            "placement_type": "K2",
            "placement_start_date": "2024-01-08",
            "number_of_placements": 7,
            "carer": {"name": "Linden Lodge (manager: Tariq Benn)", "phone": "01632 960610"},
            "social_worker": {
                "name": "Megan Fairclough",
                "phone": "01632 960944",
                "email": "megan.fairclough@eastsallow.example.org",
            },
            "iro": {"name": "Desmond Arkwright"},
        },
        "education": {
            "setting_name": "Fallowfield House School",
            "urn": "145006",
            "laestab": "9897001",
            "ncy": "11",
            "date_joined": "2024-01-15",
            "designated_teacher": {
                "name": "Wendy Stroud",
                "email": "w.stroud@fallowfield.example.org",
            },
            "sen_provision": "E",
            "sen_primary_need": "SEMH",
            "ehcp_date": "2023-11-20",
            "part_time_timetable": False,
            "attendance": {"percent": 79.5},
        },
        "health": {"sdq_score": 27, "sdq_date": "2025-10-02", "camhs_involved": True},
        "attainment": [
            {"subject": "English", "current": "3", "target": "4", "on_track": False},
            {"subject": "Maths", "current": "3", "target": "4", "on_track": True},
            {
                "subject": "Construction (Level 1)",
                "current": "Pass",
                "target": "Merit",
                "on_track": True,
            },
        ],
        "views": {
            "child": "I want to pass English and maths and go to college to do bricklaying. I "
            "don't like being pulled out of lessons.",
            "carer": "Jordan is getting up for school most days now and is proud of his "
            "construction work.",
            "school": "Jordan is making progress in his vocational course. Attendance is improving "
            "but remains below 80%.",
        },
        "previous_targets": [
            {
                "description": "Jordan will attend 85% of sessions",
                "outcome": "not_met",
                "evidence": "79.5%",
            },
            {
                "description": "Jordan will complete his Level 1 Construction portfolio",
                "outcome": "met",
                "evidence": "Passed July 2025",
            },
        ],
        "targets": [
            {
                "area": "attendance",
                "description": "Jordan will attend 85% of sessions by February half term",
                "actions": "Taxi arranged; breakfast with key adult; weekly attendance review",
                "lead": "Attendance lead",
                "due_date": "2026-02-13",
                "pp_plus_cost": "300.00",
            },
            {
                "area": "literacy",
                "description": "Jordan will achieve a grade 4 in his English Language mock",
                "actions": "Two 1:1 English sessions a week",
                "lead": "English teacher",
                "due_date": "2026-03-06",
                "pp_plus_cost": "650.00",
            },
            {
                "area": "careers",
                "description": "Jordan will apply to college for Level 2 Bricklaying",
                "actions": "Careers interview; college taster day",
                "lead": "Careers adviser",
                "due_date": "2026-01-31",
            },
        ],
        "pp_plus": {
            "requested_total": "950.00",
            "items": [
                {"description": "Taxi and breakfast with key adult (attendance)", "cost": "300.00"},
                {"description": "1:1 English tuition, 2 sessions a week", "cost": "650.00"},
            ],
        },
        "transition": {
            "next_transition": "Post-16: college (Level 2 Bricklaying)",
            "date": "2026-09-07",
            "careers_advice": "Careers interview 4 November",
            "aspirations": "Bricklayer, then run his own building firm",
        },
        "attendees": _attendees(
            ("Megan Fairclough", "Social worker", True, True),
            ("Wendy Stroud", "Designated teacher", True, True),
            ("Tariq Benn", "Residential manager", True, True),
            ("Jordan Ashworth", "Young person", True, True),
            ("Desmond Arkwright", "IRO", True, False),
        ),
        "signoff": {"designated_teacher_date": "2025-11-27", "social_worker_date": "2025-12-01"},
        "unplaced": {
            "strengths": "Practical, funny, good with younger residents",
            "ppg_referral": "PPG referral: 1:1 English tuition",
        },
        "signatures": {
            "designated_teacher": "W Stroud",
            "social_worker": "M Fairclough",
            "young_person": "J Ashworth",
        },
    },
)

_add(
    "eval-leah",
    {
        "meta": {
            "meeting_date": "2025-11-04",
            "previous_pep_date": "2025-07-01",
            "next_review_date": "2026-02-24",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Sunita Garside",
        },
        "child": {
            "first_name": "Leah",
            "last_name": "Brightwell",
            "date_of_birth": "2008-11-19",
            "gender": "F",
            "ethnicity": "WBRI",
            "first_language": "English",
            "uln": uln("603918274"),
            "la_child_id": "ES663580",
        },
        "care": {
            "legal_status": "C2",
            "date_became_looked_after": "2014-04-07",
            "placement_type": "U4",
            "placement_start_date": "2016-05-23",
            "number_of_placements": 2,
            "carer": {"name": "Maureen Tidball", "phone": "01632 960052"},
            "social_worker": {"name": "Craig Lennard", "phone": "01632 960386"},
        },
        "education": {
            "setting_name": "Eastcombe College",
            "ncy": "12",
            "date_joined": "2025-09-01",
            "designated_teacher": {
                "name": "Sunita Garside",
                "email": "sgarside@eastcombe.example.org",
            },
            "sen_provision": "N",
            "attendance": {"percent": 96.0},
        },
        "attainment": [
            {
                "subject": "Childcare Level 2",
                "current": "On track",
                "target": "Pass",
                "on_track": True,
            },
            {"subject": "GCSE English resit", "current": "3", "target": "4", "on_track": True},
        ],
        "views": {
            "child": "I love my placement at the nursery. I want to do Level 3 next year and be a "
            "nursery nurse.",
            "carer": "Leah is thriving at college and has a Saturday job.",
            "school": "Leah is an excellent student with 96% attendance and very positive "
            "placement feedback.",
        },
        "previous_targets": [
            {
                "description": "Leah will enrol on a childcare course for September",
                "outcome": "met",
                "evidence": "Enrolled 1 September",
            },
        ],
        "targets": [
            {
                "area": "literacy",
                "description": "Leah will pass her GCSE English resit with a grade 4",
                "actions": "English resit class plus weekly study skills session",
                "lead": "English tutor",
                "due_date": "2026-06-05",
            },
            {
                "area": "careers",
                "description": "Leah will apply for the Level 3 Early Years Educator course",
                "actions": "Personal tutor to support internal progression application",
                "lead": "Personal tutor",
                "due_date": "2026-03-13",
            },
        ],
        "transition": {
            "next_transition": "Level 3 Early Years Educator (internal progression)",
            "aspirations": "Nursery nurse, then room leader",
        },
        "attendees": _attendees(
            ("Craig Lennard", "Social worker", True, True),
            ("Sunita Garside", "College designated person", True, True),
            ("Leah Brightwell", "Student", True, True),
            ("Maureen Tidball", "Foster carer", True, False),
        ),
        "signoff": {"social_worker_date": "2025-11-10"},
        "unplaced": {
            "course": "Level 2 Diploma in Childcare and Education",
            "course_level": "Level 2",
            "work_placement": "Ladybird Nursery, Tuesdays",
            "employment": "Saturday job at a bakery (6 hours)",
            "bursary": "Vulnerable student bursary in place",
        },
        "signatures": {
            "social_worker": "C Lennard",
            "young_person": "Leah Brightwell",
        },
    },
)

_add(
    "eval-farid",
    {
        "meta": {
            "meeting_date": "2025-10-16",
            "previous_pep_date": "2025-06-19",
            "next_review_date": "2026-01-22",
            "academic_year": "2025-26",
            "term": "autumn",
            "pep_type": "review",
            "completed_by": "Gareth Penhale",
        },
        "child": {
            "first_name": "Farid",
            "last_name": "Noorzai",
            "date_of_birth": "2008-09-01",
            "gender": "M",
            "ethnicity": "AOTH",
            "first_language": "Pashto",
            "uln": uln("714520397"),
            "la_child_id": "WB902213",
        },
        "care": {
            "legal_status": "V2",
            "date_became_looked_after": "2024-12-02",
            "placement_type": "K3",
            "placement_start_date": "2025-01-13",
            "number_of_placements": 2,
            "carer": {"name": "Riverside Supported Housing", "phone": "01632 960737"},
            "social_worker": {"name": "Hollie Sandford", "phone": "01632 960294"},
        },
        "education": {
            "setting_name": "Wychbourne College",
            "ncy": "12",
            "date_joined": "2025-02-24",
            "designated_teacher": {
                "name": "Gareth Penhale",
                "email": "g.penhale@wychbourne.example.org",
            },
            "sen_provision": "N",
            "attendance": {"percent": 98.5},
        },
        "attainment": [
            {"subject": "ESOL", "current": "Entry 3", "target": "Level 1", "on_track": True},
            {
                "subject": "Functional Skills Maths",
                "current": "Entry 3",
                "target": "Level 1",
                "on_track": True,
            },
        ],
        "views": {
            "child": "I want to learn good English and become an electrician. College is good. "
            "I want more maths lessons.",
            "school": "Farid is a highly motivated learner with excellent attendance.",
        },
        "targets": [
            {
                "area": "literacy",
                "description": "Farid will pass ESOL Entry 3 speaking and listening",
                "actions": "ESOL class 12 hours a week; conversation club",
                "lead": "ESOL tutor",
                "due_date": "2026-01-16",
            },
            {
                "area": "careers",
                "description": "Farid will visit the electrical installation "
                "department and complete a taster day",
                "actions": "Tutor to arrange taster",
                "lead": "Personal tutor",
                "due_date": "2026-03-20",
                "pp_plus_cost": "60.00",
            },
            {
                "area": "independence",
                "description": "Farid will budget his weekly allowance using a spending diary",
                "actions": "Key worker weekly budgeting session",
                "lead": "Key worker",
                "due_date": "2026-01-16",
            },
        ],
        "transition": {
            "aspirations": "Electrician",
            "plan": "Progress to Level 1 Electrical Installation in September 2026",
        },
        "attendees": _attendees(
            ("Hollie Sandford", "Social worker", True, True),
            ("Gareth Penhale", "Designated person", True, True),
            ("Farid Noorzai", "Young person", True, True),
            ("Zahra Amiri", "Interpreter", True, True),
        ),
        "signoff": {"designated_teacher_date": "2025-10-17"},
        "unplaced": {
            "course": "ESOL Entry Level 3 with Functional Skills Maths",
            "course_level": "Entry 3",
            "interpreter": "Pashto interpreter used for the meeting",
            "immigration": "Asylum claim pending",
        },
        "signatures": {
            "designated_teacher": "G Penhale",
            "young_person": "Farid N",
        },
    },
)


def person(key: str) -> dict[str, Any]:
    """A deep copy of one person (layouts may not change the shared data)."""
    return copy.deepcopy(PEOPLE[key])
