"""Word pools for :mod:`pepdocs.samples`: fictional names, places and PEP free text.

Data only. Everything is invented; ``{name}`` is replaced by the child's preferred name and
``{a}``/``{b}`` by numbers drawn from the ranges given beside each target. Sentences are
gender-neutral so that any pool fits any child. A few carry the characters real forms trip
over (``&``, ``<``, ``>``, straight and curly quotes, dashes, ``{{``).
"""

from __future__ import annotations

# --------------------------------------------------------------------------- authorities

#: Display names of the fictional authorities, keyed as ``meta.authority`` stores them.
AUTHORITY_NAMES = {
    "northshire": "Northshire",
    "eastborough": "Eastborough",
    "westmere": "Westmere",
    "southvale": "Southvale",
    "ridgeford": "Ridgeford",
}

#: Settings by authority and kind (nursery, primary, secondary, special, post16).
SETTING_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "northshire": {
        "nursery": ("Kestrel Moor Nursery School", "Little Acorns Day Nursery"),
        "primary": ("Harbour Lane Primary School", "St Aldric's CE Academy",
                    "Thornby Infant & Junior School"),
        "secondary": ("Fellside Academy", "Northshire Grammar School"),
        "special": ("Ashcombe Brook School",),
        "post16": ("Northshire College", "Fellside Academy Sixth Form"),
    },
    "eastborough": {
        "nursery": ("Saltings Children's Centre Nursery", "Busy Bees @ Quayside"),
        "primary": ("Marsh Road Primary School", "Eastwick Community Primary School",
                    "Our Lady of the Dunes Catholic Primary"),
        "secondary": ("Brackenfield High School", "Quayside Academy"),
        "special": ("The Saltings Special School",),
        "post16": ("Eastborough College of Further Education", "Quayside Sixth Form Centre"),
    },
    "westmere": {
        "nursery": ("Meadowbank Nursery", "Lakeside Pre-School"),
        "primary": ("Hollins Green Primary School", "Westmere Vale C of E Primary",
                    "Coldwater Primary Academy"),
        "secondary": ("Lakeside School", "St Cuthwin's Catholic High School"),
        "special": ("Meadowbank Special School",),
        "post16": ("Westmere Sixth Form College", "Coldwater Training Hub"),
    },
    "southvale": {
        "nursery": ("Chalk Hill Nursery School", "Foxley Tots Day Nursery"),
        "primary": ("Millbrook Primary School", "Downsway Primary Academy",
                    "Southvale Park Junior School"),
        "secondary": ("Downsway Academy", "The Foxley School"),
        "special": ("Chalk Hill Academy (SEMH)",),
        "post16": ("Southvale College", "Millbrook Sixth Form"),
    },
    "ridgeford": {
        "nursery": ("Castle Mount Nursery", "Ridgeford Common Pre-School"),
        "primary": ("Elmstead Primary School", "Highcross St Aldhelm's CE Primary",
                    "Ridgeway Primary School"),
        "secondary": ("Ridgeford Academy", "Castle Mount High School"),
        "special": ("Highcross Lodge School",),
        "post16": ("Ridgeford & District College", "Castle Mount Sixth Form"),
    },
}

CHILDREN_HOMES = ("Maple House", "The Willows", "Brook Lodge", "Cedar View", "Harewood Court")

# --------------------------------------------------------------------------- people

FEMALE_NAMES = ("Zoë", "Chloé", "Siân", "Łucja", "Aoife", "Amara", "Aisha", "Olivia", "Ruby",
                "Freya", "Niamh", "Renée", "Zofia", "Fatima", "Maja", "Ellie-May", "Grace",
                "Imani", "Saoirse", "Hafsa", "Ifeoma", "Mia-Rose", "Anaïs", "Ayşe", "Leah")
MALE_NAMES = ("Øyvind", "Nnamdi", "Björn", "Oisín", "Liam", "Mohammed", "Kacper", "Tyler",
              "Jayden", "Harvey", "Leo", "Jean-Luc", "Mateusz", "Chidi", "Adebayo", "Yusuf",
              "Dáire", "Kai", "Reuben", "Tomás", "Callum", "Rhys", "Mikołaj", "Ibrahim", "Noah")
SURNAMES = ("O'Brien", "D'Souza", "Smith-Jones", "Okafor", "Nowak", "Kowalczyk",
            "Wójcik", "Müller", "Nguyen", "Patel", "Begum", "Hussain", "Campbell",
            "Clarke", "Thompson", "Evans-Price", "MacDonald", "Fitzgerald", "Adeyemi",
            "Mensah", "Kaur", "Ahmed", "Lindqvist", "Haugland", "Pérez", "Dubois",
            "Ó Súilleabháin", "Williams", "Walsh", "Byrne", "Doherty", "Hughes",
            "O'Connor", "McAllister", "Sørensen", "Novák", "Brennan-Cole", "Ward")
MIDDLE_NAMES = ("Rose", "James", "Marie", "Oluwaseun", "Anne", "Thomas", "Grace", "Ali",
                "Jan", "Siobhán", "Lee", "May", "Kwame", "Elżbieta")
#: Short forms children go by; the PEP uses the preferred name in its free text.
PREFERRED_NAMES = {"Mohammed": "Mo", "Jean-Luc": "JL", "Ellie-May": "Ellie", "Mateusz": "Matt",
                   "Zofia": "Zosia", "Łucja": "Lucy", "Adebayo": "Bayo", "Nnamdi": "Nam",
                   "Mia-Rose": "Mia", "Ibrahim": "Ibby", "Mikołaj": "Miko", "Olivia": "Liv"}
FIRST_LANGUAGES = {"Łucja": "Polish", "Zofia": "Polish", "Kacper": "Polish",
                   "Mateusz": "Polish", "Mikołaj": "Polish", "Maja": "Polish",
                   "Øyvind": "Norwegian", "Björn": "Swedish", "Siân": "Welsh",
                   "Ayşe": "Turkish", "Hafsa": "Somali", "Yusuf": "Arabic",
                   "Ibrahim": "Arabic", "Fatima": "Urdu", "Anaïs": "French", "Nnamdi": "Igbo",
                   "Ifeoma": "Igbo", "Adebayo": "Yoruba", "Tomás": "Portuguese"}
STAFF_FIRST_NAMES = ("Harriet", "Gareth", "Priya", "Declan", "Joanne", "Marek", "Bronwen",
                     "Femi", "Catriona", "Hugo", "Nadia", "Ruth", "Sunil", "Ewa", "Alistair",
                     "Mairéad", "Tunde", "Hélène", "Dominic", "Yasmin")
STAFF_SURNAMES = ("Cole", "Whitfield", "Sharma", "Ní Bhriain", "Price", "Kowalski", "Lloyd",
                  "Adeyemi-Hart", "McLeod", "Fairbairn", "Rahman", "Ashworth", "Mistry",
                  "Wróbel", "Grant", "O'Leary", "Bello", "Moreau", "Quinn", "Chaudhry")

# --------------------------------------------------------------------------- free text

AWKWARD_SENTENCES = (
    "Said \"it's fine\" but the carer thinks {name} was worried.",
    "Maths & English sessions are now both in the morning.",
    "Reading age < chronological age by about 18 months; spelling age > reading age.",
    "Likes the school's \u201cfriendship bench\u201d & the lunchtime Lego club.",
    "Wrote <my story> as the title of the book, angle brackets and all.",
    "Scored 7/10 on the spelling test (up from 3/10) & was very proud.",
    "Says the new bus route is 'a bit long' \u2013 about 40 minutes each way.",
)
#: Typed text that looks like template syntax: filling must print it, never evaluate it.
CURLY_SENTENCES = (
    "Drew a face with curly brackets {{{{ o_o }}}} at the top of every page this week.",
    "Asked why the form had \"{{{{ name }}}}\" printed on it last time.",
)

CHILD_VIEWS = {
    "early_years": (
        "{name} enjoys the sand tray, the big red bike and singing at carpet time.",
        "{name} points to the photos of the nursery staff and says their names.",
        "When asked what makes a good day, {name} said \"painting & the slide\".",
        "{name} likes helping to feed the nursery guinea pigs and counts them every day.",
        "{name} finds goodbyes at the door hard but settles with a favourite book.",
    ),
    "school_age": (
        "I like maths best because I am good at times tables now.",
        "I want to stay at this school with my friends. I don't want to move again.",
        "Reading is hard when there are lots of long words but my teacher helps me.",
        "I like football club on Tuesdays and I want to be in the school team.",
        "Sometimes I get angry at lunchtime & then I go to the calm room.",
        "I would like more help with my homework because I don't always understand it.",
        "My favourite thing is art. I made a clay owl and it is in the display case.",
        "I feel safe at school. Mrs Quinn is the person I talk to if I'm worried.",
    ),
    "post16": (
        "I want to finish my course and then do an apprenticeship in motor vehicle.",
        "College is better than school because people treat you like an adult.",
        "I'm worried about money when I move into my own flat next year.",
        "I would like help with driving lessons & a provisional licence.",
        "My tutor is good. I want to do Level 3 next year if I pass this year.",
    ),
}
CARER_VIEWS = {
    "early_years": (
        "{name} has settled well at home and loves bath time and stories.",
        "We sing the nursery songs at home; {name} knows all the actions now.",
        "Mornings are still difficult after contact weekends.",
        "{name} naps after nursery most days, so we keep afternoons quiet.",
        "We'd like the nursery to share the learning journal photos more often.",
        "{name} is sleeping better since the new bedtime routine started.",
    ),
    "school_age": (
        "{name} has settled well at home and gets ready for school without fuss.",
        "We read together most evenings; {name} now chooses the books.",
        "Mornings are still difficult after contact weekends.",
        "{name} has made a good friend in class and has been to a birthday party.",
        "We'd like the school to send home the spellings earlier in the week.",
        "Homework is a battle some nights, so we keep it to 20 minutes.",
        "{name} is sleeping better since the new bedtime routine started.",
    ),
    "post16": (
        "{name} gets up for college without reminders most days now.",
        "We are practising cooking together on Sundays; {name} can make a curry & a pasta bake.",
        "Money is a worry: {name} spends the bursary in the first week.",
        "{name} is nervous about moving on at 18 and talks about it a lot.",
        "We'd like the college to tell us sooner when {name} misses a lesson.",
    ),
}
PARENT_VIEWS = (
    "I want {name} to do well and to be happy.",
    "I am happy with the school. Please keep me updated about parents' evening.",
    "Mum would like copies of the reports sent to her address.",
)
SCHOOL_VIEWS = {
    "early_years": (
        "{name} plays alongside other children and is starting to share.",
        "{name} enjoys stories and joins in with repeated phrases.",
        "{name} needs a warning before tidy-up time and a visual timetable.",
        "Key person reports that {name} now comes in happily most mornings.",
        "Language is the main area of need; a speech & language referral has been made.",
        "{name} uses the climbing frame confidently and can pedal a trike.",
    ),
    "school_age": (
        "{name} is a popular member of the class and works hard in lessons.",
        "Progress in reading has been good this term; writing stamina is still low.",
        "{name} responds well to clear routines and a warning before changes.",
        "Attendance has improved since the taxi arrangement started.",
        "{name} needs adult support to re-engage after unstructured times.",
        "Staff have noticed {name} is more confident answering questions in class.",
        "There have been two incidents of dysregulation at lunchtime, both resolved quickly.",
    ),
    "post16": (
        "{name} is on track to pass the course and is well liked by the tutors.",
        "Attendance dips on Mondays; the tutor has agreed a catch-up slot.",
        "{name} works well in the workshop but avoids written assignments.",
        "The college has arranged a bursary for travel and equipment.",
        "{name} has been referred to the learning support team for exam arrangements.",
    ),
}
SOCIAL_WORKER_VIEWS = (
    "The placement is stable and the plan is long-term fostering.",
    "Contact with birth family is monthly and supervised; it is going well.",
    "{name} has been told about the court outcome and understands the plan.",
    "A sibling placement is being explored for the spring term.",
    "The care plan is for {name} to remain with the current carers until 18.",
)

#: Whole paragraphs for the long views (a real form's box often holds several).
LONG_FIRST_PERSON = (
    "I have been at this school since Year 3 and I like it more than my old one. The "
    "teachers are kind and they don't shout. My best friends are in my class and we play "
    "tag at break. I don't like it when there is a supply teacher because they don't know "
    "about my time-out card and sometimes they say I can't use it.",
    "At home I like playing on my tablet and going to the park with my carers' dog, Biscuit. "
    "On Saturdays I go to swimming and I have got my 25 metres badge. I want to get my 50 "
    "metres badge before the summer. I see my mum every other Sunday at the family centre "
    "& sometimes my brother comes too.",
    "The thing I find hardest is writing. My hand hurts and I can't think of what to put. "
    "When I can type it on the laptop it is better. I would like to use the laptop in more "
    "lessons, not just English. I also want to stay in the same group for maths because I "
    "know everyone there.",
    "When I grow up I want to work with animals, maybe as a vet or at a zoo. My teacher "
    "said I need to do well in science for that, so I am trying harder in science. I asked "
    "if I could go on the trip to the wildlife park & my social worker said yes.",
)
_LONG_THIRD_PERSON_SCHOOL = (
    "{name} has had a settled term. Staff report that mornings are calmer since the new "
    "routine started: {name} arrives at 8:40am, has a short check-in with the key adult and "
    "then joins the class for registration. On the two occasions when the routine was "
    "disrupted (a supply teacher and a fire drill) {name} needed about twenty minutes in the "
    "nurture room before returning to lessons.",
    "Academically, {name} is making steady progress. Reading is the strongest area and "
    "{name} now reads independently for pleasure. Writing remains below age-related "
    "expectations: sentences are short and punctuation is inconsistent. The school has put "
    "in place a 20-minute writing intervention three times a week, and the PP+ funded "
    "tutor is working on extended writing.",
    "Friendships have been up and down. {name} can be very caring towards younger pupils "
    "but finds group work with peers difficult and sometimes withdraws. Lunchtimes are "
    "supported by the Lego club, which {name} attends most days. There have been no "
    "suspensions this term, compared with two last term.",
    "Contact arrangements changed in October and this was unsettling for a few weeks. The "
    "carers and school kept in close touch by phone & the home-school diary, and {name} "
    "was given extra time with the key adult on Monday mornings. Things have now settled "
    "and {name} talks positively about the new arrangement.",
    "The carers would like more notice of school trips and events so that they can plan "
    "around contact. They are pleased with the support from the school and say that "
    "{name} is happier than at any time since coming to live with them.",
    "Health needs are being met: the annual health assessment took place in September and "
    "the dental check is booked. {name} has started wearing glasses and the school has "
    "been asked to remind {name} to wear them in lessons.",
)

_LONG_THIRD_PERSON_EARLY_YEARS = (
    "{name} has had a settled half term at nursery. The key person greets {name} at the door "
    "each morning and they share a picture book before {name} joins the other children. On "
    "the days after contact {name} is more unsettled and needs to stay close to an adult for "
    "the first hour, but this is getting shorter.",
    "{name} loves the outdoor area, especially the mud kitchen & the big wheeled toys. Indoors "
    "{name} is drawn to the small-world farm and will play there for up to ten minutes, which "
    "is a real improvement. {name} is beginning to use two-word phrases such as \"more milk\" "
    "and \"my coat\".",
    "Toileting is progressing well at home and at nursery: {name} now asks to go most of the "
    "time. The carers and the key person use the same words and the same picture cards so "
    "that the routine is the same in both places.",
    "Health needs are being met: the two-year health visitor review took place in September "
    "and the hearing test result was clear. The carers have asked about a dental check, and "
    "the social worker will follow this up.",
)
LONG_THIRD_PERSON = {
    "early_years": _LONG_THIRD_PERSON_EARLY_YEARS,
    "school_age": _LONG_THIRD_PERSON_SCHOOL,
    "post16": _LONG_THIRD_PERSON_SCHOOL[1:],
}

# --------------------------------------------------------------------------- targets

#: (area, stage, description, actions, success criteria, range of a, range of b); the stage is
#: a phase, "primary" (Reception to Year 6), "secondary" (Years 7 to 11) or "all".
TARGET_TEMPLATES: tuple[tuple[str, str, str, str, str, tuple[int, int], tuple[int, int]], ...] = (
    ("literacy", "primary",
     "{name} will read aloud to an adult for 10 minutes at least {a} times a week.",
     "Daily 1:1 reading with the TA; carer reads at bedtime and signs the reading record.",
     "Reading record shows {a}+ sessions a week for 6 weeks; reading age up by {b} months.",
     (3, 5), (3, 9)),
    ("literacy", "school_age",
     "{name} will learn the year-group spellings and use them in independent writing.",
     "Spelling group 3 x 15 minutes a week; online spelling practice at home (PP+ licence).",
     "Scores at least {a}/20 in 3 consecutive weekly spelling tests (baseline {b}/20).",
     (14, 18), (4, 10)),
    ("numeracy", "primary",
     "{name} will know multiplication facts to 12 x 12 with quick recall.",
     "Times-tables app 10 minutes a day; weekly check-in with class teacher.",
     "{b} out of 25 correct in the multiplication check (baseline {a}).",
     (5, 12), (18, 25)),
    ("academic", "school_age",
     "{name} will close the gap in maths through small-group tuition.",
     "1:1 tutoring, 12 sessions of 45 minutes, funded from PP+.",
     "Termly maths test score rises from {a}% to at least {b}%.",
     (25, 45), (50, 65)),
    ("attendance", "school_age",
     "{name} will attend school every day and arrive by 8:45am.",
     "Carer and school share a daily text; breakfast club place offered.",
     "Attendance above 95% for the half term (now {a}%), late marks < {b}.",
     (82, 92), (2, 5)),
    ("behaviour", "school_age",
     "{name} will stay in class for the whole lesson after lunch.",
     "Movement break at 1:15pm; seat near the door; reward chart linked to football.",
     "Stays in lessons on {a} out of 5 afternoons for {b} weeks running.",
     (4, 5), (3, 6)),
    ("communication", "school_age",
     "{name} will ask for help in class using the help card instead of leaving the room.",
     "Help card on the desk; TA models asking; praise when used.",
     "Uses the help card at least {a} times a week; leaves the room < {b} times a week.",
     (3, 6), (2, 3)),
    ("careers", "secondary",
     "{name} will explore two post-16 options and visit one college open evening.",
     "Careers adviser interview; carer attends the open evening with {name}.",
     "Careers interview done & 1 open evening attended; {a} options written in the plan.",
     (2, 3), (1, 2)),
    ("semh", "all",
     "{name} will use the calm-down plan & the 'Zones of Regulation' when upset.",
     "ELSA sessions weekly for 6 weeks; key adult check-in each morning.",
     "Fewer than {a} incidents a half term on the behaviour log (currently {b}).",
     (2, 4), (6, 12)),
    ("communication", "early_years",
     "{name} will use 3-word sentences to ask for help or a toy.",
     "Speech & language therapy programme delivered by key person, 3 x 10 minutes a week.",
     "Observed using {a}+ three-word sentences in a session on {b} occasions.",
     (3, 5), (3, 6)),
    ("communication", "early_years",
     "{name} will follow a two-part instruction (\"get your coat and line up\").",
     "Key person uses visual prompts and gives instructions one step at a time, then two.",
     "Follows a two-part instruction without help in {a} out of 5 observations.",
     (3, 5), (1, 2)),
    ("physical", "early_years",
     "{name} will hold a pencil with a tripod grip to make marks.",
     "Daily 'dough disco' and threading activities; chunky pencil grips at home and nursery.",
     "Makes recognisable marks with a tripod grip in {a} out of 5 observations.",
     (3, 5), (1, 2)),
    ("literacy", "early_years",
     "{name} will recognise the first {a} phonics sounds of the school's scheme.",
     "Phonics flashcards daily with key person; carer uses the same cards at home.",
     "Says the sound for {a} letters shown in random order, on {b} separate days.",
     (6, 12), (3, 5)),
    ("numeracy", "early_years",
     "{name} will count objects to {a} accurately, touching each one.",
     "Counting songs at carpet time; counting at snack time and on the stairs at home.",
     "Counts {a} objects correctly on {b} separate days.",
     (5, 10), (3, 5)),
    ("independence", "early_years",
     "{name} will put on a coat and shoes independently.",
     "Coat 'flip' taught at nursery and home; extra time given at home time.",
     "Puts on coat and shoes without help on {a} out of 5 days.",
     (3, 5), (1, 2)),
    ("semh", "early_years",
     "{name} will separate from the carer at the door and join an activity within 5 minutes.",
     "Transition object from home; same key person greets {name} each morning.",
     "Settles within 5 minutes on {a} mornings out of 5 for {b} weeks.",
     (3, 5), (3, 6)),
    ("careers", "post16",
     "{name} will apply for {a} Level 3 courses or apprenticeships for next September.",
     "Careers adviser meeting; personal adviser helps with the application forms.",
     "{a} applications submitted by the deadline; interview practice done {b} times.",
     (2, 4), (1, 3)),
    ("attendance", "post16",
     "{name} will attend all timetabled sessions, including English resit classes.",
     "Bus pass funded from PP+; tutor texts the personal adviser after any absence.",
     "Attendance at or above {a}% across the term; no more than {b} unauthorised absences.",
     (90, 96), (2, 4)),
    ("independence", "post16",
     "{name} will manage a weekly budget and cook 2 meals a week.",
     "Independence skills programme with the leaving-care team; carer supports shopping.",
     "Keeps a budget for {a} weeks and cooks {b} different meals.",
     (4, 8), (4, 8)),
    ("academic", "post16",
     "{name} will complete every coursework unit on time.",
     "Weekly study session in the learning centre; tutor checks the tracker on Fridays.",
     "{a} of {b} units handed in by the deadline with at least a Pass.",
     (4, 6), (6, 6)),
    ("numeracy", "post16",
     "{name} will pass the GCSE Mathematics resit at grade 4 or above.",
     "Weekly resit class plus 10 PP+ funded tutor sessions before the exam.",
     "Mock grade rises from {a} to {b} or above by the spring mock.",
     (2, 3), (4, 4)),
    ("literacy", "post16",
     "{name} will achieve Functional Skills English Level {a}.",
     "Small-group English sessions twice a week; reading & writing practice papers.",
     "Passes {b} practice papers in a row before sitting the exam.",
     (1, 2), (2, 3)),
)

PP_PLUS_ITEMS = {
    "literacy": ("Online spelling & phonics licence", "Reading intervention (TA time)"),
    "numeracy": ("Maths tuition, 12 sessions", "Times-tables app licence"),
    "academic": ("1:1 tuition, 12 x 45 minutes", "Revision guides & exam practice papers"),
    "semh": ("ELSA sessions", "Play therapy, 6 sessions"),
    "attendance": ("Breakfast club place", "Bus pass for the term"),
    "behaviour": ("Mentor sessions", "Lunchtime club staffing"),
    "communication": ("Speech & language therapy top-up", "Makaton training for key person"),
    "physical": ("Fine-motor resource pack", "Occupational therapy assessment"),
    "careers": ("Careers guidance session", "Interview clothes"),
    "independence": ("Cooking skills course", "Travel training"),
}
OUTCOME_EVIDENCE = {
    "met": ("Assessment data shows the target was reached early.",
            "Teacher observation & work samples confirm it."),
    "partly_met": ("Good progress but not yet consistent; carried forward.",
                   "Met in class, not yet at home."),
    "not_met": ("Absence and a placement move interrupted the support.",
                "Intervention did not start until late in the term."),
}
EXCLUSION_REASONS = (
    "Physical assault against a pupil",
    "Persistent disruptive behaviour",
    "Verbal abuse/threatening behaviour against an adult",
    "Damage to property (broke a window & a chair)",
)
TRANSITION_PLANS = (
    "Three extra visits to the new setting in June; {name} will take photos for a "
    "transition book.",
    "Receiving DT invited to the summer PEP. Key adult to hand over the one-page profile & "
    "calm-down plan.",
    "Travel training over the summer holiday so the new journey is familiar.",
)
CAREERS_ADVICE = (
    "Met the careers adviser in the autumn term; follow-up in spring.",
    "Work experience week booked at a garage (June).",
    "Careers interview done; interested in Level 2 construction.",
)
ASPIRATIONS = {
    "early_years": ("To be a firefighter.", "To be a doctor.", "To drive a digger.",
                    "Carers hope {name} keeps enjoying stories and songs."),
    "school_age": ("To be a vet.", "To play football for Northshire Rovers.",
                   "To be a nurse like my aunty.", "To be a chef & run a restaurant.",
                   "To be a YouTuber or a mechanic.", "To go to university to study law.",
                   "To work with animals."),
    "post16": ("To be a mechanic and have my own garage.", "To train as a nursery nurse.",
               "To go to university to study psychology.", "To join the army.",
               "To get a Level 3 qualification & an apprenticeship in construction."),
}

# Leisure interests and the carer's role in them and in education: statutory PEP content
# (Care Planning, Placement and Case Review (England) Regulations 2010, Sch 1 para 2(4)-(5)).
LEISURE_INTERESTS = {
    "early_years": (
        "Playing outdoors, painting and the library's song time.",
        "Splashing at the swimming pool, puzzles and feeding the ducks.",
        "Dancing to music, building blocks and stories at bedtime.",
    ),
    "school_age": (
        "Football club on Tuesdays and drawing.",
        "Swimming lessons, Lego and the school choir.",
        "Cubs on Thursdays, BMX and baking at home.",
        "Gymnastics, gaming with friends and reading comics.",
        "Drama club, looking after the dog and netball.",
    ),
    "post16": (
        "Volleyball with the college team and photography.",
        "Part-time work at the café, music production and the gym.",
        "Boxing training, cooking and volunteering at the food bank.",
    ),
}
CARER_ROLES = {
    "early_years": (
        "Reads and sings with {name} every day and shares the nursery's learning journal.",
        "Takes {name} to the library's song time and practises the nursery's routines at home.",
    ),
    "school_age": (
        "Hears {name} read four evenings a week and keeps in touch with the designated teacher.",
        "Checks homework each evening and takes {name} to clubs at the weekend.",
        "Uses the school's reward chart at home and attends every parents' evening.",
    ),
    "post16": (
        "Helps {name} plan the college week and supports the revision timetable.",
        "Drives {name} to training and helps with applications for the next course.",
    ),
}
