"""The public forms and form guidance each layout was rebuilt from: the real authority, the
document's title as published and where a public copy was read. The README's source table is
checked against this list (tests/realforms)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    authority: str
    title: str
    url: str
    #: what the public text shows that the layout follows
    shows: str


def real_authority(source_key: str) -> str:
    """The real authority a layout's sources belong to (without the attribution note)."""
    return SOURCES[source_key][0].authority.split(" (")[0]


SOURCES: dict[str, tuple[Source, ...]] = {
    "hampshire-ey": (
        Source(
            "Hampshire County Council (with the Isle of Wight)",
            "My Personal Education Plan: Early Years Settings (0-4) (EY PEP guidance, "
            "September 2018, v5)",
            "https://vdocument.in/-web-viewour-pep-data-form-is-a-word-document-or-other-"
            "data-secure-email-systems.html",
            "front table of 'Label: Click here to enter text.' pairs, Choose an item. "
            "drop-downs, section 1 'Essential information about me from my social worker'",
        ),
        Source(
            "Hampshire County Council",
            "Personal Education Plan (PEP): Hampshire and Isle of Wight PEP templates",
            "https://www.hants.gov.uk/educationandlearning/virtual-school/personal-education-plan",
            "the set of data forms per phase (Early Years, Year R, KS1-2)",
        ),
    ),
    "hampshire-ehcp": (
        Source(
            "Hampshire County Council (with the Isle of Wight)",
            "My Personal Education Plan: PEP for pupils with an EHCP (Cross Phase), "
            "guidance April 2019",
            "https://fdocuments.in/document/-web-viewsave-the-document-open-it-as-an-"
            "editable-word-document-see-page-3-for.html",
            "PEP Type / Meeting Date / School Name / DfE Number / Designated Teacher "
            "name and email as 'Label: control' pairs; pages of inserted evidence",
        ),
    ),
    "york": (
        Source(
            "City of York Council",
            "My Personal Education Plan (PEP), version published 5 January 2015",
            "https://docest.com/doc/67383/1-2what-s-in-my-plan-update-page-numbers-and-references",
            "first-person labels (My first name:, I like to be known as:) with custom "
            "placeholders (Enter your first name), 'My plan' dates, parts completed by "
            "child / adults",
        ),
        Source(
            "City of York Council",
            "6.4.1 Education of Children in Care (procedures)",
            "http://yorkchildcare.proceduresonline.com/chapters/p_educ_lac.html",
            "who completes the PEP and when",
        ),
    ),
    "gloucestershire": (
        Source(
            "Gloucestershire County Council",
            "Personal Education Plan 2020/2021 - Gloucestershire Virtual School PEP Document",
            "https://vdocuments.net/personal-education-plan-20202021-web-view-social-"
            "emotional-mental-health-and.html",
            "Basic Details with DATE OF PEP MEETING, four-column identifying details with "
            "controls, ATTENDANCE AT THE PEP (Role / Name / Invited / Present), OTHER "
            "AGENCIES, SDQ score under Social, Emotional, Mental Health and Wellbeing",
        ),
    ),
    "somerset": (
        Source(
            "Somerset County Council",
            "Somerset PEP Part B KS1-4 (revised January 2016)",
            "https://docsbay.net/section-1-communication-roles-and-responsibilities",
            "1a people involved (Role/relationship, Name and Email address, Invited, "
            "Attended, circulation), 1(b) roles and responsibilities questions, chair's "
            "'Signature: Name: Role:' line, YES / NO questions, EYFS grid",
        ),
        Source(
            "Somerset County Council",
            "Somerset PEP guidance",
            "https://docsbay.net/doc/603633/somerset-pep-guidance",
            "social worker completes their parts 5 working days before the meeting; "
            "'My Views' completed with the child",
        ),
    ),
    "somerset-ey": (
        Source(
            "Somerset County Council (attributed: the same guidance text and process as "
            "the Somerset PEP guidance)",
            "Early Years Foundation Stage - Pre-school Provision and Reception Classes: "
            "Early Years PEP guidance",
            "https://docsbay.net/doc/418212/early-years-pep-guidance",
            "sections 1a, 2a/b, 3 and 4; 'My Views' completed by the key person; area "
            "SENCO / designated teacher",
        ),
    ),
    "cumbria": (
        Source(
            "Cumbria County Council",
            "0-4 Years Personal Education Plan 2020-2021",
            "https://vdocuments.us/virtual-school-team-web-view-nui-fao-the-nursery-"
            "manager-20-pages-0-4-pep.html",
            "front page 'My name is ... / I am ... months old / My setting is ...', PEP "
            "procedure for pre-school children",
        ),
    ),
    "sthelens": (
        Source(
            "St Helens Council",
            "Completing the PEP Document",
            "https://virtualschool.sthelens.gov.uk/article/12722/Completing-the-PEP-Document",
            "nine numbered sections each headed 'To be completed by ...' (SW, DT, key "
            "adult, Virtual School)",
        ),
        Source(
            "St Helens Council",
            "PEP document (Post 16 PEPs)",
            "https://virtualschool.sthelens.gov.uk/article/12201/PEP-document",
            "termly post-16 PEPs in Years 12 and 13",
        ),
    ),
    "gateshead": (
        Source(
            "Gateshead Council",
            "Electronic Personal Education Plan completion guidance: 16. Core tabs in all PEPs",
            "https://www.gateshead.gov.uk/article/36728/16-Core-tabs-in-all-PEPs",
            "blue banner headings: Essential pupil information (name, DOB, gender, "
            "ethnicity and language, UPN, social care ID), Care information, Contact "
            "information, Health information, SDQ",
        ),
        Source(
            "Gateshead Council",
            "Electronic Personal Education Plan completion guidance: 15. PEP content",
            "https://www.gateshead.gov.uk/article/36727/15-PEP-content",
            "the same core tabs in Early Years, Statutory School Age and Post 16 PEPs; "
            "multiple choice, drop-downs, date boxes and free text",
        ),
    ),
    "leeds": (
        Source(
            "Leeds City Council",
            "How to write a Personal Education Plan (PEP)",
            "https://abcdocz.com/doc/202486/how-to--write-a-personal-education-plan--pep-",
            "the Leeds PEP recorded on Frameworki and printed; who does what at the "
            "meeting; examples of target setting",
        ),
    ),
    "post16-dotted": (
        Source(
            "Not named in the public copy (used for its house style only)",
            "Post 16 Personal Education Plan (PEP)",
            "https://docest.com/doc/140611/pep-form-completed-by-email",
            "dotted-leader lines (PEP form completed by........ Email........), 'NCY: 11 / "
            "12 / 13 / 14', Role / Name / Telephone / Email / Invited / Present",
        ),
    ),
    "devon": (
        Source(
            "Devon County Council (identified by the role 'Area Learning Advocate', which "
            "Devon's Virtual School uses)",
            "Personal Education Plan (with the Children in Care Council's tips for a positive PEP)",
            "https://docsbay.net/doc/1163797/the-children-in-care-council-s-tips-for-a-"
            "positive-pep",
            "'My school is: / I am in year (NCY): / My Designated Teacher is: / Tel no:' "
            "cells, 'Present at this meeting: Me / Designated Teacher / Social Worker / PEP "
            "Co-ordinator', Others present (Name / Role / Contact details)",
        ),
        Source(
            "Devon County Council",
            "Virtual school policy for pupil premium plus",
            "https://www.devon.gov.uk/educationandfamilies/young-people/children-in-care/"
            "education-of-children-in-care/information-for-carers-social-workers-and-"
            "elected-members/virtual-school-policy-for-pupil-premium-plus/",
            "Area Learning Advocates quality-assure PEPs; PP+ agreed through the PEP",
        ),
    ),
    "devon-ey": (
        Source(
            "Devon County Council (attributed: the same Children in Care Council front "
            "page as the Devon school-age PEP)",
            "Early Years PEP (EYPEP)",
            "https://docest.com/doc/599792/the-personal-education-plan-is-a-statutory-"
            "requirement-and-a-vital-part-of-the-care-plan",
            "Section One (a) Child's details, (b) People invited to EYPEP meeting (Title / "
            "Name / Address and Phone Number / Attended Meeting / Copy of PEP Sent), "
            "Section Two Responsibilities (who should the setting contact...)",
        ),
    ),
    "cheshire-east": (
        Source(
            "Cheshire East Council",
            "Cared for children in early years: the Personal "
            "Education Plan (PEP) for the Early Years Foundation Stage",
            "https://cheshireeast.gov.uk/livewell/care-and-support-for-children/early-"
            "years-and-childcare/info-for-providers/eyc-practice-information/cared-for-"
            "children-early-years.aspx",
            "'My 2-4 years Learning Plan': personal information, legal status and a "
            "summary of the care plan; health, setting, attendance and EYPP impact; "
            "progress against the EYFS with comments per area",
        ),
    ),
    "cheshire-west": (
        Source(
            "Cheshire West and Chester Council",
            "Pupil Premium Plus",
            "http://cheshirevirtualschool.schoolspider.co.uk/page/pupil-premium-plus/114359",
            "the PP+ request on the PEP: type of intervention (pastoral or learning), "
            "description of intervention, target details, expected impact and cost",
        ),
        Source(
            "Cheshire West and Chester Council",
            "PEP process",
            "https://cheshirewestvirtual.school/information-for-education-settings/"
            "personal-education-plans/pep-process/",
            "a Word PEP form per term, filled in before the meeting by the setting",
        ),
    ),
    "norfolk": (
        Source(
            "Norfolk County Council",
            "Personal Education Plans - Action Plan: Initial "
            "Arrangements for Secondary School Pupils",
            "https://csapps.norfolk.gov.uk/csshared/ecourier2/getfile.asp?id=2554",
            "Section 1 Personal Information / Care Arrangements (social worker), Section 2 "
            "Education Information / Homework Arrangements (designated teacher), Section 3 "
            "Priorities and Targets, Section 4 Young Person's View, Summative Record",
        ),
    ),
    "east-sussex": (
        Source(
            "East Sussex County Council",
            "Personal education plan (PEP)",
            "https://czone.eastsussex.gov.uk/inclusion/children-in-care/education-plan",
            "PEP form for under-16s including a pupil premium grant referral form; a "
            "separate Post-16 PEP form (docx)",
        ),
    ),
    "worcestershire": (
        Source(
            "Worcestershire County Council",
            "Virtual School post-16 support",
            "https://worcestershire.gov.uk/council-services/schools-education-and-"
            "learning/virtual-school/virtual-school-post-16-support",
            "the post-16 PEP known as a Personal Progression Plan (PPP), reviewed three "
            "times a year with post-16 Learning Advocates",
        ),
    ),
    "suffolk": (
        Source(
            "Suffolk County Council",
            "Effective PEP writing guidelines for Designated "
            "Teachers and PEP writers (September 2018)",
            "https://pdfslide.us/documents/effective-pep-writing-guidelines-suffolk-county-"
            "council.html",
            "learning objectives planning proforma, Signs of Safety headings for the "
            "meeting record, pupil premium funding and pupil voice sections",
        ),
    ),
    # --- second wave of development layouts (issue 12) ---
    "dudley": (
        Source(
            "Dudley Metropolitan Borough Council",
            "Dudley Virtual School: Personal Education Plans (PEPs)",
            "https://www.dudley.gov.uk/residents/learning-and-school/dudley-virtual-school/"
            "personal-education-plans-peps",
            "early years PEPs from the term after a child turns two, reviewed three times a "
            "year; a key adult who observes the child and keeps a Learning Journal; EYPP for "
            "three and four year olds and PP+ in Reception agreed at the meeting; getting ready "
            "to start school",
        ),
    ),
    "eyfs-pep-form": (
        Source(
            "Not named in the public copy (used for its house style only)",
            "Early Years Foundation Stage PEP form",
            "https://docest.com/doc/183161/early-years-foundation-stage-pep-form-no",
            "first-person front table (My name, My birthday, My age, My year group, My "
            "school/setting, Date of my PEP meeting, PEP term), 'About Me' sentence starters "
            "(I like playing with..., I am happy when...), '(DT to complete before the PEP)', "
            "development bands (months) 8-20 / 16-26 / 22-36 ticked per early learning goal",
        ),
    ),
    "lancashire-ey": (
        Source(
            "Lancashire County Council",
            "Children looked after guidance for early years settings",
            "https://www.lancashire.gov.uk/practitioners/supporting-children-and-families/"
            "childcare-and-early-years-settings/children-looked-after-guidance-for-early-"
            "years-settings/",
            "a Lancashire Early Years PEP for all nursery and reception age children looked "
            "after from the age of two, one format for every setting; the PEP is the joint "
            "responsibility of the social worker and the designated practitioner",
        ),
        Source(
            "Lancashire County Council",
            "Personal education plans (PEPs) guidance: 2. The PEP process",
            "https://lancashire.gov.uk/practitioners/supporting-children-and-families/"
            "supporting-children-looked-after/education-of-children-looked-after/"
            "personal-education-plans/?page=2",
            "the social worker completes the 'My Personal Information' and 'My Health' "
            "sections at least 10 days before the meeting; the setting completes its sections "
            "and finishes the PEP within 10 working days; SEND targeted learning plans attached",
        ),
        Source(
            "Lancashire County Council",
            "Personal education plans (PEPs) guidance: quality assurance of PEPs",
            "https://www.lancashire.gov.uk/practitioners/supporting-children-and-families/"
            "supporting-children-looked-after/education-of-children-looked-after/"
            "personal-education-plans/collecting-the-child-or-young-persons-voice?page=5",
            "red, amber or green (RAG) rating; previous targets evaluated; interventions with "
            "what, when, where, by who and how often; PPG/PEPSA costed against the targets; "
            "attendees recorded and the next PEP review date",
        ),
    ),
    "southampton": (
        Source(
            "Southampton City Council",
            "PEP Guidance: Southampton Virtual School",
            "https://docsbay.net/doc/1288935/pep-guidance-southampton-virtual-school",
            "Section A documents for the meeting (previous PEP, attendance, internal and "
            "external exclusions, IEP/PSP), Section B meeting preparation (the designated "
            "teacher chairs), Section 1 People at the meeting (name, role and contact details), "
            "Section 2 The Young Person's Voice, Section 3 Achievement and Attainment and "
            "attendance, Section 4 Review and Action Plan",
        ),
    ),
    "enfield": (
        Source(
            "London Borough of Enfield",
            "Virtual School: good practice guide on completing a PEP",
            "https://enfield.gov.uk/services/children-and-education/virtual-school/"
            "social-workers-for-looked-after-children-and-care-leavers/personal-education-"
            "plans-statutory-age/good-practice-guide-on-completing-a-pep",
            "termly PEPs; receiving schools invited at nursery, Year 6 and Year 11; targets 1 "
            "and 2 academic and target 3 on social, emotional and mental health, each SMART "
            "with key strategies, interventions and expected evidence of impact; the designated "
            "teacher completes 'educational attainment and progress' before the meeting; "
            "previous targets reviewed with the impact of pupil premium",
        ),
        Source(
            "London Borough of Enfield",
            "Virtual School: personal education plans good practice",
            "https://enfield.gov.uk/services/children-and-education/virtual-school/"
            "social-workers-for-looked-after-children-and-care-leavers/personal-education-"
            "plans-statutory-age/personal-education-plans-good-practice",
            "a clear reason recorded when the child does not attend and their views gained "
            "before; parents or carers invited to contribute or the reason recorded; "
            "hobbies and achievements celebrated",
        ),
    ),
    "bradford": (
        Source(
            "City of Bradford Metropolitan District Council",
            "Looked After Children - Personal Education Plans and QA Audit Tool",
            "https://bso.bradford.gov.uk/Schools/CMSPage.aspx?mid=3401",
            "schools complete the action plan part of the PEP and give the social worker a "
            "copy (blank PEP action plan); previous PEPs reviewed with the PEP review "
            "document; an additional support request form for funding over and above Pupil "
            "Premium Plus; a checklist to quality assure PEPs",
        ),
        Source(
            "City of Bradford Metropolitan District Council",
            "The Virtual School for Looked After Children: Policy and Guidance for Schools",
            "https://bso.bradford.gov.uk/content/the-virtual-school-for-looked-after-children/"
            "policy-and-guidance-for-schools",
            "termly attainment data; additional funds request; the designated teacher's "
            "report covers PEPs, PP+ and its impact, attendance and fixed-term exclusions",
        ),
    ),
    "nottinghamshire": (
        Source(
            "Nottinghamshire County Council",
            "Nottinghamshire's Guide to Improving Outcomes for Our Children who are Looked "
            "After through the Personal Education Plan (PEP) Process",
            "https://pdfslide.us/documents/web-view-we-therefore-invite-you-to-use-this-"
            "language-with-our-children-when-you.html",
            "the meeting called an Education Review with children; PEP documents for each "
            "phase; a 'Strengths and Challenges' section with executive functioning skills and "
            "preparing for adulthood across the age range; checklist for completing the PEP "
            "form; the link with Pupil Premium Plus",
        ),
        Source(
            "Nottinghamshire County Council",
            "Nottinghamshire Virtual School: Personal Education Plan",
            "https://nottinghamshire.gov.uk/education/virtual-school/nottinghamshire-virtual-"
            "school/teachers-and-social-workers/personal-education-plan",
            "the PEP co-produced with the child; strengths and SMART targets documented; the "
            "social worker leads on reviews taking place, the designated teacher on the "
            "education in the PEP; part of the PEP pre-populated before the meeting",
        ),
    ),
    "east-riding": (
        Source(
            "East Riding of Yorkshire Council",
            "4.9.3 Personal Education Plans: Guidance Notes",
            "https://eastridingchildcare.proceduresonline.com/chapters/p_pep_notes.html",
            "the PEP prepared by the social worker with its content drawn up at a meeting with "
            "the school, the Education Welfare Officer, parents, carers and the young person; "
            "a child-friendly version for the young person; sections Summary of Actions and "
            "Timescales, Special Educational Needs and Disabilities, Curriculum and "
            "Aspirations, Academic Attainment, Attendance",
        ),
    ),
    "central-bedfordshire": (
        Source(
            "Central Bedfordshire Council",
            "Virtual School: Personal Educational Plan (PEP) and the Virtual School",
            "https://www.centralbedfordshire.gov.uk/info/3/schools_and_education/532/"
            "virtual_school/5",
            "a new PEP form started each term by the Virtual School and completed by the "
            "designated teacher before the meeting; mandatory fields, with N/A entered where "
            "one does not apply; printed and saved as a PDF; checked and submitted by the "
            "Education Advisor",
        ),
        Source(
            "Central Bedfordshire Council",
            "Designated Teachers in schools and education settings: Personal Education Plans",
            "https://centralbedfordshire.gov.uk/info/321/children_in_care/1772/"
            "designated_teachers_in_schools_and_education_settings/3",
            "PEP and SENDPEP documents prepopulated by the PEP co-ordinator; at least two PEP "
            "meetings a year with a designated teacher review in the other term; the "
            "Education Advisor quality assures before submitting",
        ),
    ),
    "west-northamptonshire": (
        Source(
            "West Northamptonshire Council",
            "Virtual School: Personal Education Plan: Post 16",
            "https://www.westnorthants.gov.uk/virtual-school/personal-education-plan-post-16",
            "a general post 16 PEP twice a year (phase 1 from the October half term to "
            "February, phase 2 to the end of June) and a progression review in July and "
            "August; for young people in education or training, apprenticed or employed, NEET "
            "or in custody; the social worker and the designated person complete their "
            "sections and the young person's view is added",
        ),
    ),
    "wolverhampton": (
        Source(
            "City of Wolverhampton Council",
            "Wolverhampton Virtual School: Children and Young People - Post 16",
            "https://wolvesvirtualschool.co.uk/children-young-people/post-16.html",
            "the 16+ PEP form used for all post-16 PEPs; care leaver PEPs as often as the "
            "regular PEP and in harmony with the Pathway Plan; routes through A levels, T "
            "Levels, vocational qualifications at levels 1-3, apprenticeships and training "
            "providers' study programmes, with maths and English; the post 16 officer",
        ),
        Source(
            "City of Wolverhampton Council",
            "Wolverhampton Virtual School: Parents and carers - PEP",
            "https://wolvesvirtualschool.co.uk/parents-and-carers/pep.html",
            "the social worker starts the process and organises the meeting with the "
            "designated teacher, carer and the child; termly meetings in step with data "
            "monitoring and the release of Pupil Premium Plus",
        ),
    ),
    "bristol-ey": (
        Source(
            "Bristol City Council",
            "Pre-school and Foundation stage Personal Education Plan",
            "https://www.bristol.gov.uk/schools-learning-early-years/resources-professionals/"
            "pre-school-and-foundation-stage-pep",
            "a Word Early Years PEP form for children from 2 (in a funded place) to the end of "
            "Reception, for childminders, nurseries, pre-schools and Reception classes; EYFS "
            "PEP descriptors used by The HOPE to judge a PEP",
        ),
        Source(
            "Bristol City Council",
            "The HOPE: Personal Education Plans (PEPs)",
            "https://services.bristol.gov.uk/the-hope/personal-education-plans",
            "a PEP records how the child thinks and feels about their education, their "
            "progress, how to help them, their attendance, the support they get, the "
            "difference pupil premium has made and future funding needs",
        ),
    ),
    "ey-pep-form-f2": (
        Source(
            "Not named in the public copy (used for its house style only)",
            "Personal Education Plan for the Early Years",
            "https://docsbay.net/personal-education-plan-for-the-early-years",
            "'Name: ... DOB: ... Foundation year: F2' pairs on one line, PEP Date / Date of "
            "Last PEP / Setting, Name and Email address of Designated Person, next PEP "
            "organised / chaired by, Ofsted judgement, Role / Name / Email / Invited / Present "
            "with Child, Social worker, Parent, Carer, Designated Person, Virtual School rows, "
            "'The following information has been prepared / gathered: ...... X', Care "
            "Information",
        ),
    ),
    "sefton": (
        Source(
            "Sefton Council",
            "Sefton Virtual School: Primary (cared for guidance for early years settings)",
            "https://www.sefton.gov.uk/childrens-services/cared-for-children/"
            "sefton-virtual-school/sefton-virtual-school/children-and-young-people/primary/",
            "a PEP for every cared for child at a nursery or childminder from the age of two, "
            "the joint responsibility of the social worker and the setting's designated "
            "practitioner; reviewed and updated once a term, the setting agreeing the date with "
            "the social worker and the carers involved",
        ),
    ),
    "ey-pep-children-in-care": (
        Source(
            "Not named in the public copy (used for its house style only)",
            "Early Years Personal Education Plan for Children in Care (draft)",
            "https://paperzz.com/doc/7349347/personal-education-plan---draft",
            "'Date PEP completed', who does what: the social worker completes section A of the "
            "PEP form and contacts the setting; the plan records attainment, development "
            "needs, short and long term targets and who carries out each action by when",
        ),
    ),
    "herefordshire": (
        Source(
            "Herefordshire Council",
            "Personal Education Plan (PEP) (Virtual School information for parents, carers and "
            "pupils)",
            "https://www.herefordshire.gov.uk/schools-and-education/"
            "virtual-school-information-for-parents-carers-and-pupils/personal-education-plan-pep",
            "a PEP reviewed termly at a meeting organised and chaired by the Virtual School "
            "Education Officer (VSEO); the education views of the child, school, carers and "
            "social worker; a Child's Voice section; SMART targets with strategies and time "
            "frames showing how pupil premium plus will be used; schools upload the information "
            "before the meeting",
        ),
    ),
    "pep-carer-section": (
        Source(
            "Not named in the public copy (used for its house style only)",
            "Before the PEP meeting (PEP process guidance)",
            "https://docsbay.net/before-the-pep-meeting",
            "the carer section of the PEP sent to the carer, filled in and brought to the "
            "meeting; the child's views gathered on pages of the PEP; previous SMART targets "
            "reviewed and recorded first; attendance and academic tracking data; the Pupil "
            "Premium provision",
        ),
    ),
    "barnsley": (
        Source(
            "Barnsley Metropolitan Borough Council",
            "Barnsley Virtual School: Education planning for children in care over 16 years",
            "https://www.barnsley.gov.uk/services/children-families-and-education/"
            "children-in-care-and-care-leavers/barnsley-virtual-school/designated-teachers/"
            "education-planning-for-children-in-care-over-16-years/",
            "post-16 Termly Personal Education Plans (TPEPs) for Years 12 and 13 sitting "
            "alongside each young person's pathway plan; requested from the provider after the "
            "October confirmation of destinations and courses and updated mid-year after "
            "February half term; progress towards the qualifications and outcomes on the plan",
        ),
    ),
    "post16-petp": (
        Source(
            "Not named in the public copy (used for its house style only)",
            "Post 16 Personal education and training plan guidance",
            "https://muhaz.org/post-16-personal-education-and-training-plan-guidance.html",
            "the personal adviser arranges the meeting and completes the PETP form; the "
            "designated tutor brings the latest progress report, academic tracking and "
            "attendance report; the social worker or designated tutor chairs; around three "
            "targets agreed",
        ),
    ),
    "essex": (
        Source(
            "Essex County Council",
            "Essex Virtual School: Personal Education Plans",
            "https://schools.essex.gov.uk/pupils/Essex_Virtual_School/PEPs/Pages/"
            "Personal-Education-Plans.aspx",
            "a two-part PEP: the school completes PEP1 each term, ideally in the first three "
            "weeks, adding new targets after a gap analysis so progress can be measured at the "
            "end of term; the proposed spend of Pupil Premium Plus is set within PEP1, linked to "
            "the interventions; previous targets reviewed with the impact of the funding",
        ),
        Source(
            "Essex County Council",
            "Essex Virtual School: PEPs/Pupil Premium (social care PEPs)",
            "https://schools.essex.gov.uk/pupils/Essex_Virtual_School/Social_Care_PEPs/Pages/"
            "default.aspx",
            "social care arranges the PEP meeting and completes PEP2 after it: a record of the "
            "meeting and the decisions agreed on how the professionals around the child will "
            "support the educational objectives in PEP1",
        ),
    ),
    "shropshire": (
        Source(
            "Shropshire Council",
            "Shropshire Virtual School Early Years",
            "https://next.shropshire.gov.uk/childrens-social-care-and-health/looked-after-"
            "children/shropshire-virtual-school/early-years",
            "a PEP for every looked-after child from pre-school, held with the setting on the "
            "e-PEP; the social worker works with the setting and the carers to complete it; it "
            "identifies needs and interventions that support learning through play and the "
            "acquisition of language and skills; Early Years Pupil Premium Plus paid to the "
            "setting",
        ),
        Source(
            "Shropshire Council",
            "Shropshire Virtual School: Shropshire PEP process - guidance for practitioners",
            "https://next.shropshire.gov.uk/childrens-social-care-and-health/looked-after-"
            "children/shropshire-virtual-school/personal-education-plan-pep/shropshire-pep-"
            "process-guidance-for-practitioners",
            "the social worker completes and updates the social worker 'single page' and signs "
            "off their section; the designated teacher prepares the PEP, chairs the meeting and "
            "makes sure 'My PEP' gives a concise picture; targets for English (reading or "
            "writing) and maths as a minimum",
        ),
    ),
    "sutton": (
        Source(
            "London Borough of Sutton (Sutton Virtual School, run by Cognus)",
            "Sutton Virtual School: Smart Targets",
            "https://cognus.org.uk/services/suttonvirtualschool/schools/designated-teacher/pep/"
            "smart-targets",
            "every PEP holds three SMART targets reviewed at the next PEP: English / literacy, "
            "maths and another area (attendance, homework, another subject), with a writing "
            "target at key stages 1 and 2; on each SMART target page the reason for the target "
            "(the current situation), the SMART target itself and the actions required of the "
            "child, school, carer and social worker",
        ),
        Source(
            "London Borough of Sutton (Sutton Virtual School, run by Cognus)",
            "Sutton Virtual School: Guidance for Designated Teachers",
            "https://www.cognus.org.uk/suttonvirtualschool/schools/role-of-designated-teacher/"
            "guidance-for-designated-teachers/",
            "the designated teacher leads on how the PEP's SMART targets are communicated in "
            "school and monitored; the PEP is part of the child's statutory care plan",
        ),
    ),
    "surrey": (
        Source(
            "Surrey County Council",
            "Surrey Virtual School: Personal Education Plans (PEPs) - Post-16",
            "https://www.surreycc.gov.uk/children/social-care/svs/education/pep-16",
            "a termly PEP meeting for young people in Years 12 and 13 on their progress, "
            "attainment and targets for their learning pathway; completed on the ePEP by the "
            "social worker and the designated person at the education or training provider; "
            "every PEP contains a Student's View page",
        ),
        Source(
            "Surrey County Council",
            "Surrey Virtual School: Post-16 Pupils",
            "https://www.surreyvirtualschool.org.uk/pupils/post-16",
            "a PEP every term through Years 12 and 13 for young people in education, employment "
            "or training and for those who are NEET; a Youth Support Officer may attend the "
            "meeting for a young person who is NEET",
        ),
        Source(
            "Surrey County Council",
            "Surrey Virtual School: Personal Education Plans (PEPs)",
            "https://www.surreycc.gov.uk/social-care-and-health/children-in-care/svs/education/"
            "pep",
            "until a young person is 18 the PEP is the social worker's responsibility, after 18 "
            "the personal adviser's; PEPs organised by social workers and held in schools and "
            "colleges every term",
        ),
    ),
    "kent": (
        Source(
            "Kent County Council (Virtual School Kent)",
            "Virtual School Kent: Personal Education Plan",
            "https://virtualschool.lea.kent.sch.uk/information/personal-education-plan",
            "the PEP Document reviewed three times a year (first review September to December, "
            "second January to April, third May to July); started by the Virtual School with "
            "some basic information and completed at a meeting of the designated teacher, social "
            "worker and carers, the child's views gathered at or before it; SMART targets as "
            "Specific, Measurable, Assigned, Realistic, Time constrained; PP+ considered at the "
            "meeting; a full PEP at any significant change",
        ),
        Source(
            "Kent County Council (Virtual School Kent)",
            "PEP process: Designated Teachers: up to KS4",
            "https://vdocuments.us/pep-process-designated-teachers-up-to-ks4.html",
            "the PEP form received by the designated teacher in the Kent Professional Portal, "
            "with an overview of who completes what",
        ),
    ),
}
