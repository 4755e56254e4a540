"""Marshmallow 4 schemas for the canonical PEP (the contract in docs/model.md).

Every section is its own schema so that errors nest by path exactly as the data does
(``{"targets": {1: {"due_date": [...]}}}``). Field kinds are declared with the small field
classes in :mod:`pepdocs.model.fields` so that the catalogue (:mod:`pepdocs.model.catalog`)
and the JSON Schema export can read them back.
"""

from __future__ import annotations

from marshmallow import RAISE, Schema, fields

from pepdocs.model.fields import (
    AcademicYear,
    Code,
    Count,
    Email,
    IsoDate,
    Laestab,
    Money,
    Percent,
    Phone,
    Text,
    Uln,
    Upn,
    Urn,
)


class _Section(Schema):
    class Meta:
        unknown = RAISE
        ordered = True


class MetaSchema(_Section):
    pep_id = Text()
    authority = Text()
    phase = Code("phase")
    pep_type = Code("pep_type")
    academic_year = AcademicYear()
    term = Code("term")
    meeting_date = IsoDate()
    # The day the PEP was started as part of the care plan (before the first placement, or
    # within 10 working days of an emergency one); often before the first PEP meeting.
    initiated_date = IsoDate()
    previous_pep_date = IsoDate()
    next_review_date = IsoDate()
    status = Code("pep_status")
    completed_by = Text()


class ChildSchema(_Section):
    first_name = Text()
    middle_names = Text()
    last_name = Text()
    preferred_name = Text()
    date_of_birth = IsoDate()
    gender = Code("gender")
    ethnicity = Code("ethnicity")
    first_language = Text()
    upn = Upn()
    uln = Uln()
    la_child_id = Text()
    # Care plan content (the 2010 Regulations, Schedule 1 paragraph 2(4)).
    leisure_interests = Text()


class ContactSchema(_Section):
    name = Text()
    phone = Phone()
    email = Email()
    team = Text()


class CarerSchema(_Section):
    name = Text()
    phone = Phone()
    email = Email()
    # The role of the carer (the "appropriate person") in promoting the child's education
    # and leisure interests (the 2010 Regulations, Schedule 1 paragraph 2(5)).
    education_role = Text()


class IroSchema(_Section):
    name = Text()
    email = Email()
    phone = Phone()


class CareSchema(_Section):
    legal_status = Code("legal_status")
    date_became_looked_after = IsoDate()
    emergency_entry = fields.Boolean(allow_none=True)
    placement_type = Code("placement_type")
    placement_start_date = IsoDate()
    number_of_placements = Count()
    placing_authority = Text()
    host_authority = Text()
    parental_responsibility = Text()
    carer = fields.Nested(CarerSchema, allow_none=True)
    social_worker = fields.Nested(ContactSchema, allow_none=True)
    iro = fields.Nested(IroSchema, allow_none=True)


class DesignatedTeacherSchema(_Section):
    name = Text()
    email = Email()
    phone = Phone()


class AttendanceSchema(_Section):
    percent = Percent()
    sessions_possible = Count()
    sessions_missed = Count()
    period_start = IsoDate()
    period_end = IsoDate()


class ExclusionSchema(_Section):
    type = Code("exclusion_type")
    start_date = IsoDate()
    sessions = Count()
    reason = Text()


class EducationSchema(_Section):
    setting_name = Text()
    urn = Urn()
    laestab = Laestab()
    ncy = Code("ncy")
    date_joined = IsoDate()
    on_roll = fields.Boolean(allow_none=True)
    designated_teacher = fields.Nested(DesignatedTeacherSchema, allow_none=True)
    senco = Text()
    sen_provision = Code("sen_provision")
    sen_primary_need = Code("sen_need")
    ehcp_date = IsoDate()
    part_time_timetable = fields.Boolean(allow_none=True)
    attendance = fields.Nested(AttendanceSchema, allow_none=True)
    exclusions = fields.List(fields.Nested(ExclusionSchema))


class HealthSchema(_Section):
    # Strengths and Difficulties Questionnaire total difficulties score runs 0 to 40.
    sdq_score = Count(maximum=40)
    sdq_date = IsoDate()
    camhs_involved = fields.Boolean(allow_none=True)


class AttainmentSchema(_Section):
    subject = Text()
    scale = Text()
    baseline = Text()
    current = Text()
    target = Text()
    on_track = fields.Boolean(allow_none=True)


class ViewsSchema(_Section):
    child = Text()
    # Why the child's views are not recorded (age and understanding, declined...): the
    # Children Act 1989 s.22(4)-(5) asks for them "having regard to age and understanding".
    child_not_given_reason = Text()
    carer = Text()
    parent = Text()
    school = Text()
    social_worker = Text()


class PreviousTargetSchema(_Section):
    description = Text()
    outcome = Code("target_outcome")
    evidence = Text()


class TargetSchema(_Section):
    id = Text()
    area = Code("target_area")
    description = Text()
    actions = Text()
    success_criteria = Text()
    lead = Text()
    due_date = IsoDate()
    pp_plus_cost = Money()


class PpPlusItemSchema(_Section):
    description = Text()
    cost = Money()
    target_id = Text()


class PpPlusSchema(_Section):
    requested_total = Money()
    approved = fields.Boolean(allow_none=True)
    items = fields.List(fields.Nested(PpPlusItemSchema))


class TransitionSchema(_Section):
    next_transition = Text()
    date = IsoDate()
    plan = Text()
    careers_advice = Text()
    aspirations = Text()


class AttendeeSchema(_Section):
    name = Text()
    role = Text()
    organisation = Text()
    #: how to reach them, as an attendance list with contact columns gives it
    phone = Phone()
    email = Email()
    invited = fields.Boolean(allow_none=True)
    attended = fields.Boolean(allow_none=True)


class LinkedPlanSchema(_Section):
    type = Code("linked_plan_type")
    date = IsoDate()
    reference = Text()


class SignatureSchema(_Section):
    """One row of a form's sign-off table: who signed, in what role, and when."""

    role = Text()
    name = Text()
    #: what is in the signature box as typed (a typed name, "signed", initials)
    signature = Text()
    date = IsoDate()


class SignoffSchema(_Section):
    designated_teacher_date = IsoDate()
    social_worker_date = IsoDate()
    virtual_school_date = IsoDate()
    qa_rating = Code("qa_rating")
    signatures = fields.List(fields.Nested(SignatureSchema))


class UnresolvedSchema(_Section):
    """A value a form held that could not be put in its field (a date written "end of
    term", a UPN with the wrong check letter): kept as typed so that no answer is lost, for a
    person to resolve."""

    path = Text(required=True)
    text = Text()
    problem = Text()


class PepSchema(_Section):
    """The whole PEP. Only ``meta`` and ``child`` are required; every other section is optional."""

    schema_version = Text()
    meta = fields.Nested(MetaSchema, required=True)
    child = fields.Nested(ChildSchema, required=True)
    care = fields.Nested(CareSchema)
    education = fields.Nested(EducationSchema)
    health = fields.Nested(HealthSchema)
    attainment = fields.List(fields.Nested(AttainmentSchema))
    views = fields.Nested(ViewsSchema)
    previous_targets = fields.List(fields.Nested(PreviousTargetSchema))
    targets = fields.List(fields.Nested(TargetSchema))
    pp_plus = fields.Nested(PpPlusSchema)
    transition = fields.Nested(TransitionSchema)
    attendees = fields.List(fields.Nested(AttendeeSchema))
    linked_plans = fields.List(fields.Nested(LinkedPlanSchema))
    signoff = fields.Nested(SignoffSchema)
    unresolved = fields.List(fields.Nested(UnresolvedSchema))
