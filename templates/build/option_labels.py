"""Option texts as the fictional authorities' forms print them, keyed by model code.

Frozen here rather than read from ``pepdocs/model/codelists`` because a form's printed words
belong to the authority's form, not to our code lists: editing a code-list label must not
silently change a published template. The mapping files spell these out as ``values``.
"""

from __future__ import annotations

PEP_TYPE = {
    "initial": "Initial PEP",
    "review": "Review PEP",
    "transition": "Transition PEP",
    "interim": "Interim PEP",
}
TERM = {"autumn": "Autumn", "spring": "Spring", "summer": "Summer"}
PEP_STATUS = {
    "draft": "Draft",
    "completed": "Completed, awaiting QA",
    "qa_returned": "Returned for changes",
    "qa_approved": "Approved by the Virtual School",
    "cancelled": "Cancelled",
}
GENDER = {"M": "Male", "F": "Female", "O": "Other", "U": "Not known"}
ETHNICITY = {
    "WBRI": "White - British",
    "WIRI": "White - Irish",
    "WIRT": "Traveller of Irish heritage",
    "WOTH": "Any other White background",
    "WROM": "Gypsy/Roma",
    "MWBC": "White and Black Caribbean",
    "MWBA": "White and Black African",
    "MWAS": "White and Asian",
    "MOTH": "Any other mixed background",
    "AIND": "Indian",
    "APKN": "Pakistani",
    "ABAN": "Bangladeshi",
    "AOTH": "Any other Asian background",
    "BCRB": "Black Caribbean",
    "BAFR": "Black - African",
    "BOTH": "Any other Black background",
    "CHNE": "Chinese",
    "OOTH": "Any other ethnic group",
    "REFU": "Refused",
    "NOBT": "Information not yet obtained",
}
LEGAL_STATUS = {
    "C1": "Interim Care Order (s38)",
    "C2": "Full Care Order (s31)",
    "D1": "Freeing Order",
    "E1": "Placement Order",
    "V2": "Section 20 (accommodated)",
    "V3": "Short breaks (V3)",
    "V4": "Short breaks (V4)",
    "L1": "Police Protection",
    "L2": "Emergency Protection Order",
    "L3": "Child Assessment Order",
    "J1": "Remanded",
    "J2": "PACE transfer",
    "J3": "Youth Rehabilitation Order (residence)",
}
PLACEMENT_TYPE = {
    "A3": "A3 Adoption, consent, with current carer",
    "A4": "A4 Adoption, consent, new carer",
    "A5": "A5 Adoption, placement order, with current carer",
    "A6": "A6 Adoption, placement order, new carer",
    "K1": "K1 Secure children's home",
    "K2": "K2 Children's home",
    "K3": "K3 Supported accommodation",
    "P1": "P1 Placed with parent(s)",
    "P3": "P3 Residential employment",
    "R1": "R1 Residential care home",
    "R2": "R2 NHS/health setting",
    "R3": "R3 Family centre or mother and baby unit",
    "R5": "R5 Young offender institution",
    "S1": "S1 Residential school",
    "T0": "T0 Temporary move",
    "T1": "T1 Temporary: hospital",
    "T2": "T2 Temporary: holiday",
    "T3": "T3 Temporary: carer on holiday",
    "T4": "T4 Temporary: 7 days or less",
    "U1": "U1 Kinship foster care, long-term",
    "U2": "U2 Kinship foster care, fostering for adoption",
    "U3": "U3 Kinship foster care, other",
    "U4": "U4 Foster care, long-term",
    "U5": "U5 Foster care, fostering for adoption",
    "U6": "U6 Foster care, other",
    "Z11": "Z11 Unregistered children's home",
    "Z12": "Z12 Unregistered supported accommodation",
    "Z13": "Z13 Other unregistered provision",
    "Z14": "Z14 Other placement",
}
NCY = {
    "N1": "Nursery 1",
    "N2": "Nursery 2",
    "E1": "Early years 1",
    "E2": "Early years 2",
    "R": "Reception",
    **{str(n): f"Year {n}" for n in range(1, 15)},
    "X": "NC not followed",
}
SEN_PROVISION = {"E": "EHC Plan", "K": "SEN Support", "N": "No SEN"}
SEN_NEED = {
    "SPLD": "Specific learning difficulty",
    "MLD": "Moderate learning difficulty",
    "SLD": "Severe learning difficulty",
    "PMLD": "Profound and multiple learning difficulty",
    "SLCN": "Speech, language and communication needs",
    "SEMH": "Social, emotional and mental health",
    "ASD": "Autistic spectrum disorder",
    "VI": "Visual impairment",
    "HI": "Hearing impairment",
    "MSI": "Multi-sensory impairment",
    "PD": "Physical disability",
    "NSA": "No specialist assessment",
    "OTH": "Other difficulty or disability",
}
QA_RATING = {"gold": "Gold", "green": "Green", "amber": "Amber", "red": "Red"}
TARGET_OUTCOME = {"met": "Met", "partly_met": "Partly met", "not_met": "Not met"}
TARGET_AREA = {
    "academic": "Academic progress",
    "literacy": "Literacy",
    "numeracy": "Numeracy",
    "semh": "Emotional wellbeing (SEMH)",
    "attendance": "Attendance",
    "behaviour": "Behaviour for learning",
    "communication": "Speech, language and communication",
    "physical": "Physical development and health",
    "independence": "Independence and life skills",
    "careers": "Careers and aspirations",
    "other": "Other",
}
EXCLUSION_TYPE = {
    "FIXD": "Suspension",
    "PERM": "Permanent exclusion",
    "LNCH": "Lunchtime suspension",
}
LINKED_PLAN = {
    "EHCP": "EHC plan",
    "BSP": "Behaviour support plan",
    "ILP": "Individual learning plan",
    "PSP": "Pastoral support plan",
    "PATHWAY": "Pathway Plan",
    "IEP": "Individual education plan",
    "OTHER": "Other plan",
}
