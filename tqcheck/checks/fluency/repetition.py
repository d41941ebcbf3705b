"""The same word written twice in a row, minus the doubles the language's grammar makes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.context import Context
from tqcheck.model import Category, Document, Finding, Severity, Token
from tqcheck.names.countries import calendar_words
from tqcheck.names.places import population
from tqcheck.names.text import compound_of_words
from tqcheck.registry import check
from tqcheck.text.frequency import zipf
from tqcheck.text.langpack import LangPack
from tqcheck.text.segment import elision
from tqcheck.text.spell import known

_GAP_RE = re.compile(r"[ \t\u00a0\u202f]+")
# Punctuation after which a clause (a relative clause among them) can start.
_CLAUSE_MARKS = frozenset(",;:–—-([")
_ENDS = frozenset(".!?;:,)")
_INTERJECTION_ENDS = frozenset(",!?.…–—")  # "– toc toc –": set off by dashes
_INFLECTED = ("e", "en", "em", "er", "es")  # German adjective endings
ATTRIBUTE_WINDOW = 8  # tokens after the pair searched for an extended attribute
RARE_REDUPLICATION = 3.0  # Zipf below which a lower-case double is a reduplicated word …
SOUND_WORD = 4.0  # Zipf below which an unknown word said twice may be a sound
REDUPLICATED_LETTERS = 6  # … of this many letters at most ("ylang ylang", "mahi mahi")
PHRASAL_WINDOW = 4  # words back to a phrasal verb: "hand your essays in in time"
# … or further back, through the words of its object: "turn the gas supply back on on
# Thursday"
PHRASAL_REACH = 6
# endings of a participle made a noun after an article in the dative or genitive: "des
# Betrugs Angeklagten", "dem Gericht Vorgeführten"
NOMINALISED_PARTICIPLE = ("ten", "enen", "nden")
NAME_SUBJECT_HEAD = 3  # words of the noun phrase before a contact clause's name subject
DERIVED_STEM = 3.0  # Zipf of a word's stem from which a word with an ending reads as derived
SOUND_ZIPF = 5.0  # a sound word is no everyday word ("geht um um" is a slip)
COMMON_AT_START = 5.0  # at a sentence start, rarer doubles are chants and rhymes
EVERYDAY_NOUN = 4.0  # Zipf of "Fisch": an everyday noun, no name, after a name's particle
TRAVELLING_NAME = 1.5  # Zipf in English from which a German capitalised word is a name too
ENGLISH_MARGIN = 0.5  # Zipf by which an English word outweighs the German: "Talk Talk"
EVERYDAY_ADVERB = 5.0  # Zipf of "gut": a degree word before it makes "gut gut" a slip
SINGULAR = 2.5  # Zipf of "fisherman" from which "fishermen" is its plural ("speciman": none)
BARE_SUBJECT_WORDS = 3  # a pseudo-cleft's bare noun phrase subject, at most
NAME_WORDS = 3  # a name of this many capitalised words at most: a pseudo-cleft's subject
EQUATIVE_REACH = 4  # tokens ahead to the second "as" of "as serious as"
FUNCTION_ZIPF = 5.4  # a word this frequent is a function word, no comparative ("dieser")
PARTITIVE_OF = "of"  # "many of you": the partitive's preposition
CITY_POPULATION = 50_000  # "de de Bordeaux": a city this big is no family name
VERB_PAST = 1.5  # Zipf of a regular past from which a word is a verb ("knowed" 2.2, "gardened" 1.6)
QUESTION_REACH = 6  # words from a wh-word to its auxiliary ("what, in God's name, had he")
CIRCUMPOSITION_REACH = 4  # words back to a circumposition's opener: "vom 4. Mai an"
QUOTED_EXTRA = 1  # words besides the pair a quoted example may hold ("'a salad salad'")
COMPOUND_SUBJECT = 5  # words of a contact clause's subject noun, read to find its verb
CONTRAST_WINDOW = 4  # tokens after the pair searched for "or": "like like him, or"


def _rare(word: str, lang: str) -> bool:
    """Not an everyday word of the language (wordfreq Zipf < 3): likely part of a name."""
    return zipf(word.lower(), lang) < 3.0


@dataclass(frozen=True)
class Stranding:
    """Where a preposition is left behind by its verb or adjective ("deal with",
    "interested in") and the same preposition then opens a new phrase: the passive, a
    question, an infinitive after a noun, a relative clause. From the pack's
    ``[repetition]`` section; empty where the language has no such data."""

    verbs: dict[str, frozenset[str]]  # preposition -> forms of the verbs: "deal with"
    adjectives: dict[str, frozenset[str]]  # … and adjectives: "interested in"
    passive: frozenset[str]  # was, been, got: "the complaint was dealt with with speed"
    adverbs: frozenset[str]  # … words that may stand between: "is rarely talked about"
    questions: frozenset[str]  # what, which: "what are you interested in in this job?"
    auxiliaries: frozenset[str]  # … the auxiliary before the subject
    subjects: frozenset[str]  # … the subject pronouns
    determiners: frozenset[str]  # … or a noun phrase opened by one
    heads: frozenset[str]  # someone, nothing: "someone to talk to to pass the time"
    relatives: frozenset[str]  # which, whom: "the flat which they lived in in 2015"
    free_relatives: frozenset[str]  # what: "what the residents campaigned for for years"
    openers: frozenset[str]  # and, but: "And what, exactly, has …?" opens on one
    particles: frozenset[str]  # forward, up: "to look forward to to …"

    @classmethod
    def of(cls, pack: LangPack) -> Stranding:
        section = pack.section("repetition")
        return cls(
            **_sets(
                pack,
                passive="passive_auxiliaries",
                adverbs="passive_adverbs",
                questions="question_words",
                auxiliaries="question_auxiliaries",
                subjects="subject_pronouns",
                determiners="noun_verb_after",
                heads="infinitive_heads",
                relatives="stranding_relatives",
                free_relatives="free_relatives",
                openers="question_openers",
                particles="stranding_particles",
            ),
            verbs=_forms_map(section, "prepositional_verbs"),
            adjectives=_word_map(section, "prepositional_adjectives"),
        )

    def stranded(self, tokens: tuple[Token, ...], i: int, word: str) -> bool:
        """tokens[i-1] is ``word`` left behind by the verb or adjective before it."""
        if i < 3:
            return False
        head = i - 2  # the verb or adjective
        before = tokens[head].text.lower()
        if before in self.particles and head >= 3 and tokens[head - 1].text.isalpha():
            # a verb with a particle, then its preposition: "something to look forward to
            # to get me through", "a boss you can't put up with with any patience"
            return self._infinitive(tokens, head - 1) or self._relative(tokens, head - 1)
        if (
            before in self.verbs.get(word, ())
            and not before.endswith("ing")  # "was waiting for for the bus": no passive
            and self._passive(tokens, head)
        ):
            return True
        if before not in self.verbs.get(word, ()) and before not in self.adjectives.get(word, ()):
            # any verb strands its preposition in a question whose wh-word is its object,
            # or in a free relative opened by "what": "what has the shrew been digging for
            # for hours?", "what the residents had been campaigning for for a decade"
            return (
                word in self.verbs
                and (before.isalpha() or self._contracted(before))
                and (self._question(tokens, head) or self._free_relative(tokens, head))
            )
        return (
            self._infinitive(tokens, head)
            or self._question(tokens, head)
            or self._relative(tokens, head)
        )

    def _adverbs_back(self, tokens: tuple[Token, ...], j: int) -> int:
        """The index before ``j`` once the adverbs in front of it are skipped."""
        k = j - 1
        while (
            k >= 0
            and tokens[k].is_word
            and (tokens[k].text.lower() in self.adverbs or tokens[k].text.lower().endswith("ly"))
        ):
            k -= 1
        return k

    def _passive(self, tokens: tuple[Token, ...], head: int) -> bool:
        """ "was dealt with with", "has to be paid for for years", "is rarely talked about"."""
        k = self._adverbs_back(tokens, head)
        return k >= 0 and tokens[k].text.lower() in self.passive

    def _infinitive(self, tokens: tuple[Token, ...], head: int) -> bool:
        """ "someone to talk to to pass the evening", "a pleasant town to live in in winter";
        "he wanted to live in in a city" and "she wants to …" are a verb's infinitive."""
        if head < 2 or tokens[head - 1].text.lower() != "to":
            return False
        noun = tokens[head - 2].text.lower()
        if noun in self.heads:
            return True
        if not tokens[head - 2].is_word or noun.endswith(("ed", "s")) or noun in self.passive:
            return False
        before = [t.text.lower() for t in tokens[max(0, head - 4) : head - 2]]
        return bool(before) and (before[-1] in self.determiners or before[0] in self.determiners)

    def _question(self, tokens: tuple[Token, ...], head: int) -> bool:
        """A question whose wh-word is the preposition's object: the auxiliary is followed
        by its subject ("what are you interested in in this job?"); in "who is responsible
        for for the delays?" the wh-word is the subject."""
        words = [t for t in tokens if t.is_word]
        if words and words[0].text.lower() in self.openers:
            words = words[1:]  # "And what, exactly, has …?"
        if not words or words[0].text.lower() not in self.questions:
            return False
        if not any(t.text == "?" for t in tokens[head:]):
            return False
        for k in range(1, min(QUESTION_REACH, len(words) - 1)):
            if words[k].text.lower() in self.auxiliaries:
                after = words[k + 1].text
                return (
                    after.lower() in self.subjects
                    or after.lower() in self.determiners
                    or after[:1].isupper()
                )
        return False

    def _free_relative(self, tokens: tuple[Token, ...], head: int) -> bool:
        """A free relative opened by "what" (its own head), then its subject, in the same
        clause: "What the painter seems to have been reaching for for decades …"."""
        for k in range(head - 1, -1, -1):
            text = tokens[k].text.lower()
            if tokens[k].text in _CLAUSE_MARKS or not tokens[k].is_word:
                return False
            if text in self.free_relatives:
                if k == 0 and any(t.text == "?" for t in tokens[head:]):
                    return False  # a question's wh-word: _question decides
                after = tokens[k + 1].text
                if self._opens_subject(after):
                    return True
                # … or its noun first: "whatever device you're on on a given day" (the
                # subject may be the verb's own token: "you're")
                return (
                    k + 2 < head + self._contracted(tokens[head].text.lower())
                    and after.isalpha()
                    and after.islower()
                    and after not in self.auxiliaries
                    and self._opens_subject(tokens[k + 2].text)
                )
        return False

    def _contracted(self, word: str) -> bool:
        """A subject and its auxiliary in one token: "you're", "they've", "she's"."""
        left, mark, _right = word.replace("’", "'").partition("'")
        return bool(mark) and left in self.subjects

    def _opens_subject(self, text: str) -> bool:
        """A relative clause's subject starts here: a pronoun, a determiner, a name ("what
        Gatsby longed for for years") or a bare plural ("what customers have been asking
        for for years")."""
        low = text.lower()
        return (
            low in self.subjects
            or self._contracted(low)
            or low in self.determiners
            or text[:1].isupper()
            or (text.isalpha() and text.islower() and _plural(text))
        )

    def _relative(self, tokens: tuple[Token, ...], head: int) -> bool:
        """ "the flat which they lived in in 2015", "a cause that the party believed in in
        its youth": a relative word after a noun, then the clause's subject. "that" after a
        verb is a conjunction ("I think that they relied on on it" is a slip), so it counts
        after a determiner's noun only."""
        for k in range(head - 1, -1, -1):
            text = tokens[k].text.lower()
            if tokens[k].text in _CLAUSE_MARKS or not tokens[k].is_word:
                return False
            if text not in self.relatives:
                continue
            if k == 0 and any(t.text == "?" for t in tokens[head:]):
                return False  # a question's wh-word: _question decides
            if not self._opens_subject(tokens[k + 1].text):
                return False
            if text != "that":
                return True
            return any(t.text.lower() in self.determiners for t in tokens[max(0, k - 3) : k - 1])
        return False


@dataclass(frozen=True)
class DoubleGrammar:
    """A language's grammatical doubles, from the ``[repetition]`` section of its pack."""

    always: frozenset[str]  # "had had", "nous nous": never an error
    intensifiers: frozenset[str]  # "vraiment vraiment terrifiée": doubled for emphasis
    emphatic_words: frozenset[str]  # "un gros gros coup de cœur": adjectives likewise
    clause_start: frozenset[str]  # der/die/das: fine where a clause can start
    openers: frozenset[str]  # dass, weil, ob: words that open a clause
    prepositions: frozenset[str]  # ", in der der": a relative clause after a preposition
    coordinators: frozenset[str]  # "…, die die X und die die Y"
    attribute_endings: tuple[str, ...]  # "die die Regierung stützenden Parteien"
    # "einen einen Meter breiten Graben", "der der Stadt zugehörige Park"
    attribute_adjectives: frozenset[str]
    attribute_adjective_suffixes: tuple[str, ...]
    adjective_inflections: tuple[str, ...]
    particles: frozenset[str]  # "de de Gaulle", "von von der Leyen"
    after: dict[str, frozenset[str]]  # "is is" only after "what" in the clause
    bare_after: frozenset[str]  # … with nothing between only after these
    elliptical: frozenset[str]  # "those who can can join": a relative clause stops here
    verb_first: frozenset[str]  # "Ist das das Aus?": a copula opening the clause
    determiners: frozenset[str]  # French "ce fait fait débat": noun, then the verb
    homographs: frozenset[str]  # … for words that are both: fait, porte, will, can
    articles: frozenset[str]  # never the end of a relative clause
    relatives: frozenset[str]  # "students who cheat cheat": the clause's verb, then the main one
    after_verb: frozenset[str]  # "dann haben die die Tür zugemacht": pronoun, then article
    clause_final: frozenset[str]  # "… erreicht werden werden.": a verb cluster
    phrasal: dict[str, frozenset[str]]  # "check in in the lobby": particle, then preposition
    negations: frozenset[str]  # contrastive focus: "not drunk drunk"
    alternatives: frozenset[str]  # … "a salad salad or a pasta salad"
    reprises: frozenset[str]  # … "there is pizza, and then there is pizza pizza"
    skip_relative: frozenset[str]  # function words: never a relative clause's verb
    numbers: frozenset[str]  # "four four seven", "at ten ten"
    nouns_capitalised: bool  # German: "die Regeln regeln": noun, then verb
    lang: str
    not_before: dict[str, frozenset[str]]  # "that that the plan": a slip before these …
    unless_then: dict[str, frozenset[str]]  # … unless these follow: "nous nous devons de"
    # "n'est plus plus cher": the negation's second part, then a comparative
    after_negation: frozenset[str]
    negation_particles: frozenset[str]  # "ne", "n'"
    not_before_endings: dict[str, frozenset[str]]  # "had had locked": before these endings
    only_before_endings: dict[str, frozenset[str]]  # "en en parlant": only before these
    personal: frozenset[str]  # "sie hat die die Zeitung": a subject, so no pronoun follows
    emphatic: frozenset[str]  # "they do do their chores": an auxiliary stressed
    not_emphatic_after: frozenset[str]  # "to do do", "will do do": not a stressed auxiliary
    object_subject: frozenset[str]  # "tell you you could": object, then subject
    clock: frozenset[str]  # "the twelve twelve departure": hour and minutes alike
    clock_after: frozenset[str]  # … after these words ("the", "at")
    degree_questions: frozenset[str]  # "how much your rent is is": "how" and its word
    mention_nouns: frozenset[str]  # "the word shall shall be read as": a word mentioned
    demonstratives: frozenset[str]  # "Are those those boxes?": pronoun, then determiner
    question_copulas: frozenset[str]  # … after a copula opening the question
    approximations: dict[str, frozenset[str]]  # "um um die drei Millionen"
    contact_clauses: bool  # relative clauses without a relative word: "the man I saw saw me"
    perfect_auxiliaries: frozenset[str]  # "the friends we had invited invited us"
    complementisers: frozenset[str]  # "that": "… that [if we liked it] it could be ours"
    elliptical_subjects: frozenset[str]  # "whether yours will will work": "yours", "this"
    ing_nouns: frozenset[str]  # nouns in -ing that are no verb form: "morning", "ceiling"
    capitalised_particles: frozenset[str]  # "le Le Pen": a name's particle, capitalised
    post_determiners: frozenset[str]  # "the other", "the same": no noun of their own
    object_clause: frozenset[str]  # "tell you you could": verbs taking an object, a clause
    complement: frozenset[str]  # "sources say he wants …": verbs taking a clause
    finite: frozenset[str]  # … when a finite verb follows
    sound_verbs: frozenset[str]  # "the dog went woof woof": a sound, said twice
    stranded: frozenset[str]  # "the town she grew up in in 1990": a stranded preposition
    subjects: frozenset[str]  # … in a contact clause opened by a subject pronoun
    comparison: tuple[str, ...]  # "a cold cold wind": a gradable adjective (colder, coldest)
    definite: frozenset[str]  # … not after these ("our new new range")
    stranding: Stranding  # "the complaint was dealt with with speed"
    # a contact clause's verb in its irregular past ("the bridge the lorry broke down on on
    # Tuesday"; the particle after it is a key of ``phrasal``)
    irregular_pasts: frozenset[str]
    simple_pasts: frozenset[str]  # the first of each irregular verb's forms: "fed", "forgot"
    irregular_bases: frozenset[str]  # "sell", "take": verbs whose pasts are listed
    object_possessive: frozenset[str]  # "her her": object, then possessive …
    two_objects: frozenset[str]  # … after these verbs ("handed her her coat")
    time_span: frozenset[str]  # … or before these ("known her her whole life")
    clause_initial: frozenset[str]  # "Now now, …": only where the pair opens its clause
    past_homographs: frozenset[str]  # "the extra cost cost us": a noun, then its past
    modals: frozenset[str]  # "fortgesetzt werden sollen": no second "werden" at the end
    fine_before: dict[str, frozenset[str]]  # "retrouvé son son des débuts": the noun
    fine_after: dict[str, frozenset[str]]  # "a friend of his his sister met": "of his"
    not_after: dict[str, frozenset[str]]  # "ist sie sie gefahren": no object after a copula
    before_nouns: frozenset[str]  # "la vieille porte porte": the only words between
    verb_final_only: frozenset[str]  # "Da da niemand kam, …": a subordinate clause's start
    # … only where the pair opens its clause: "Seit seit Jahresbeginn die Regel gilt"
    verb_final_opening: frozenset[str]
    opener_only: frozenset[str]  # "ob es es erzählen durfte": subject, object after an opener
    object_pronouns: frozenset[str]  # "bei uns": a preposition's phrase inside an attribute
    degree_modifiers: frozenset[str]  # "a little slow slow": no emphatic doubling after these
    subject_determiners: frozenset[str]  # "ihre Sprechstunden waren es es": a subject's noun
    name_homographs: frozenset[str]  # "May may call an election": a name, then the modal
    possessive_endings: tuple[str, ...]  # "her uncle's will will": a possessive determines
    postpositions: dict[str, frozenset[str]]  # "der Reihe nach nach Leipzig": endings before
    degree_adverbs: frozenset[str]  # "zu zu hohen Kosten": a preposition, then "too"
    bare_only: frozenset[str]  # "c'est qui qui", nothing between ("c'est le préfet qui qui")
    object_determiners: frozenset[str]  # "military police police the base": verb, object
    past_suffixes: tuple[str, ...]  # … a word with a regular past ("policed") is a verb
    manner_endings: tuple[str, ...]  # adverbs of manner: no contrastive focus ("simply")
    pronoun_numbers: frozenset[str]  # "the one [one critic praised]": pronoun and number
    # infinitives: after a modal's double negation, before a clause-final "zu" ("aufhetzen
    # zu wollen")
    infinitive_endings: tuple[str, ...]
    comparison_openers: frozenset[str]  # "than [we had hoped for] for": a comparison's clause
    bare_infinitive: frozenset[str]  # "let the cook cook": object, then bare infinitive
    elliptical_heads: frozenset[str]  # "the ones that were were destroyed"
    elliptical_copulas: frozenset[str]  # … the verbs such a clause stops at
    compass: frozenset[str]  # "l'aile est est fermée": a compass point, then the verb
    compass_nouns: frozenset[str]  # … after a noun naming a side of a place
    verb_prepositions: frozenset[str]  # "le ballon entre entre les poteaux": verb, preposition
    preposition_objects: frozenset[str]  # … before a determiner or a number
    attribute_articles: frozenset[str]  # "einer einer Partei nahestehenden Stiftung"
    command_cues: frozenset[str]  # "type man man": a command run on itself
    imperative_markers: frozenset[str]  # "please": a verb follows, no noun
    partitives: frozenset[str]  # "many", "some": "[many of you] signed up for"
    attribute_particles: frozenset[str]  # "zu": "den den Kunden zu viel berechneten Betrag"
    case_doubles: frozenset[str]  # "sie": grammatical twice, but not both capitalised
    time_nouns: frozenset[str]  # "um um Mitternacht … zu": a time without a number
    existentials: frozenset[str]  # "there": "the only table [there was] was …"
    quantifiers: frozenset[str]  # "most", "many": "most learners [I know] know …"
    wh_doubles: frozenset[str]  # "wer wer ist": grammatical only before the verb
    free_relative_doubles: frozenset[str]  # "know what [what she said] meant"
    calendar_words: frozenset[str]  # "Monday", "June": capitalised, yet no name
    wh_copulas: frozenset[str]  # "was was eigene Überlegung ist": which is which
    equatives: frozenset[str]  # "as": "regards it as as serious as"
    wh_not_endings: tuple[str, ...]  # "frühere": an adjective's ending …
    wh_verb_endings: tuple[str, ...]  # … unless a past verb's: "bedeutete"
    noun_links: frozenset[str]  # "ce plan de relance relance": a noun's complement
    verb_infinitives: tuple[tuple[str, str], ...]  # "pilote" -> "piloter": a verb too
    # "um um Schutz zu bitten": a conjunction that opens an infinitive ("um … zu"), then
    # the same word as the preposition of a verb of that infinitive (the verbs by word)
    infinitive_conjunctions: dict[str, frozenset[str]]
    infinitive_markers: frozenset[str]  # "zu"
    # "spoke about about a dozen issues": a verb's preposition, then the same word meaning
    # "roughly" right before an amount
    approximate_words: frozenset[str]
    amount_nouns: frozenset[str]  # "a dozen", "a third": an amount after "a"
    # "she could not not notice": a modal's negation, then the verb's own (the modals by
    # word: "should not not stop" is a slip)
    modal_negations: dict[str, frozenset[str]]
    # "make sure the power is off at at the box": an adjective that takes a clause is no
    # noun a contact clause could follow
    clause_adjectives: frozenset[str]
    compass_points: frozenset[str]  # "Nord", "Süd": after a particle, no surname
    subordinators: frozenset[str]  # when, because: no noun a contact clause could follow
    base_auxiliaries: frozenset[str]  # do, can, will: the bare verb follows the subject
    modified_homographs: frozenset[str]  # "will": a noun only after its listed modifiers
    # "vom 4. Mai an an allen Werktagen": a circumposition's second part (by the words that
    # open it), then the same word as a preposition
    circumpositions: dict[str, frozenset[str]]
    name_endings: tuple[str, ...]  # "-hausen", "-berg": a compound that is a family name
    # "als": a comparison's word, said again meaning "as" after a comparative
    comparison_doubles: frozenset[str]
    comparatives: frozenset[str]  # "mehr", "lieber": comparatives with no regular ending
    comparative_intensifiers: frozenset[str]  # "way": doubled before a comparative
    irregular_gradables: frozenset[str]  # "good": gradable with no "-er" form
    elliptical_openers: frozenset[str]  # "whether they can can …"
    comparative_restore: dict[str, str]  # "ier" -> "y": "easier" is "easy" + "er"
    comparative_endings: tuple[str, ...]  # "-er": "wertvoller"
    extraposed: frozenset[str]  # "als", "wie": a comparison may follow a clause's verb
    umlauts: dict[int, str]  # "länger" -> "langer": a comparative's vowel given back
    # plurals with no -s ("people", "children") and the ending of a family of them
    # ("fishermen", when "fisherman" is a word): a contact clause's plural subject
    irregular_plurals: frozenset[str]
    plural_endings: dict[str, frozenset[str]]

    @classmethod
    def of(cls, pack: LangPack) -> DoubleGrammar:
        section = pack.section("repetition")
        stranding = Stranding.of(pack)  # its subjects and determiners serve both
        return cls(
            **_sets(
                pack,
                always="grammatical_doubles",
                intensifiers="intensifiers",
                emphatic_words="emphatic_adjectives",
                clause_start="clause_start_doubles",
                openers="clause_openers",
                prepositions="clause_prepositions",
                coordinators="coordinators",
                particles="name_particles",
                bare_after="bare_allowed_after",
                elliptical="elliptical_auxiliaries",
                verb_first="verb_first_copulas",
                homographs="noun_verb_homographs",
                name_homographs="name_modal_homographs",
                articles="articles",
                relatives="relative_words",
                after_verb="verb_then_doubles",
                clause_final="clause_final_doubles",
                negations="contrastive_negations",
                alternatives="contrastive_alternatives",
                reprises="contrastive_reprises",
                skip_relative="function_words",
                numbers="number_words",
                personal="personal_subjects",
                emphatic="emphatic_auxiliaries",
                not_emphatic_after="not_emphatic_after",
                object_subject="object_subject_pronouns",
                clock="clock_doubles",
                clock_after="clock_after",
                degree_questions="degree_question_words",
                mention_nouns="mention_nouns",
                demonstratives="demonstratives",
                post_determiners="post_determiners",
                question_copulas="question_copulas",
                finite="finite_verbs",
                sound_verbs="sound_verbs",
                stranded="stranded_prepositions",
                definite="definite_determiners",
                object_possessive="object_possessives",
                time_span="time_span_after",
                clause_initial="clause_initial_doubles",
                past_homographs="noun_past_homographs",
                modals="modal_verbs",
                before_nouns="prenominal_adjectives",
                verb_final_only="subordinate_doubles",
                verb_final_opening="opening_subordinate_doubles",
                opener_only="opener_doubles",
                object_pronouns="object_pronouns",
                degree_modifiers="degree_modifiers",
                subject_determiners="subject_determiners",
                degree_adverbs="degree_prepositions",
                bare_only="allowed_right_after",
                object_determiners="object_determiners",
                bare_infinitive="bare_infinitive_verbs",
                elliptical_heads="elliptical_heads",
                elliptical_copulas="elliptical_copulas",
                compass="compass_words",
                compass_nouns="compass_nouns",
                verb_prepositions="verb_prepositions",
                preposition_objects="verb_preposition_objects",
                attribute_articles="attribute_articles",
                command_cues="command_cues",
                imperative_markers="imperative_markers",
                partitives="partitive_quantifiers",
                attribute_particles="attribute_particles",
                case_doubles="case_doubles",
                time_nouns="time_nouns",
                existentials="existential_subjects",
                quantifiers="quantifier_determiners",
                wh_doubles="question_word_doubles",
                free_relative_doubles="free_relative_doubles",
                wh_copulas="question_word_copulas",
                equatives="equative_words",
                noun_links="noun_complement_links",
            ),
            verb_infinitives=tuple(
                (str(end), str(inf)) for end, inf in section.get("verb_infinitives", {}).items()
            ),
            past_suffixes=tuple(section.get("past_suffixes", ())),
            manner_endings=tuple(section.get("manner_endings", ())),
            pronoun_numbers=frozenset(section.get("pronoun_numbers", ())),
            infinitive_endings=tuple(section.get("infinitive_endings", ())),
            comparison_openers=frozenset(section.get("comparison_openers", ())),
            possessive_endings=tuple(section.get("possessive_endings", ())),
            attribute_endings=tuple(section.get("attribute_endings", ())),
            attribute_adjectives=frozenset(section.get("attribute_adjectives", ())),
            attribute_adjective_suffixes=tuple(section.get("attribute_adjective_suffixes", ())),
            adjective_inflections=tuple(
                sorted(section.get("adjective_inflections", ()), key=len, reverse=True)
            ),
            after=_word_map(section, "allowed_after"),
            determiners=stranding.determiners,
            phrasal=_forms_map(section, "phrasal_verbs", y_forms=True),
            nouns_capitalised=bool(section.get("nouns_capitalised", False)),
            lang=pack.lang,
            not_before=_word_map(section, "slip_before"),
            unless_then=_word_map(section, "slip_before_unless_then"),
            after_negation=frozenset(section.get("negation_doubles", ())),
            negation_particles=frozenset(section.get("negation_particles", ())),
            not_before_endings=_word_map(section, "slip_before_endings"),
            only_before_endings=_word_map(section, "only_before_endings"),
            subjects=stranding.subjects,
            irregular_plurals=pack.lower_set("repetition", "irregular_plurals"),
            name_endings=tuple(section.get("name_endings", ())),
            comparison_doubles=pack.lower_set("repetition", "comparison_doubles"),
            comparatives=pack.lower_set("repetition", "comparatives"),
            calendar_words=calendar_words(pack.lang),
            comparative_intensifiers=pack.lower_set("repetition", "comparative_intensifiers"),
            irregular_gradables=pack.lower_set("repetition", "irregular_gradables"),
            elliptical_openers=pack.lower_set("repetition", "elliptical_openers"),
            comparative_endings=tuple(section.get("comparative_endings", ())),
            comparative_restore={
                str(k): str(v) for k, v in dict(section.get("comparative_restore", {})).items()
            },
            wh_not_endings=tuple(section.get("question_word_slip_endings", ())),
            wh_verb_endings=tuple(section.get("question_word_verb_endings", ())),
            extraposed=frozenset(section.get("extraposed_after_verb", ())),
            umlauts=str.maketrans(dict(section.get("comparative_vowels", {}))),
            plural_endings=_word_map(section, "plural_endings"),
            comparison=tuple(section.get("comparison_suffixes", ())),
            stranding=stranding,
            irregular_pasts=frozenset(
                f.lower()
                for forms in dict(section.get("irregular_forms", {})).values()
                for f in forms
            ),
            simple_pasts=frozenset(
                forms[0].lower()
                for forms in dict(section.get("irregular_forms", {})).values()
                if forms
            ),
            irregular_bases=frozenset(k.lower() for k in dict(section.get("irregular_forms", {}))),
            complement=frozenset(
                f for v in pack.lower_set("repetition", "complement_verbs") for f in _verb_forms(v)
            )
            | pack.lower_set("repetition", "complement_verb_forms"),
            object_clause=frozenset(
                f
                for v in pack.lower_set("repetition", "object_clause_verbs")
                for f in _verb_forms(v)
            ),
            two_objects=frozenset(
                f for v in pack.lower_set("repetition", "two_object_verbs") for f in _verb_forms(v)
            ),
            fine_before=_word_map(section, "fine_before"),
            approximations=_word_map(section, "approximations"),
            infinitive_conjunctions=_word_map(section, "infinitive_conjunctions"),
            infinitive_markers=frozenset(section.get("infinitive_markers", ())),
            approximate_words=frozenset(section.get("approximate_words", ())),
            amount_nouns=frozenset(section.get("amount_nouns", ())),
            modal_negations=_word_map(section, "modal_negations"),
            clause_adjectives=frozenset(section.get("clause_adjectives", ())),
            compass_points=pack.lower_set("repetition", "compass_points"),
            subordinators=pack.lower_set("repetition", "subordinators"),
            base_auxiliaries=pack.lower_set("repetition", "base_auxiliaries"),
            modified_homographs=pack.lower_set("repetition", "modified_homographs"),
            circumpositions=_word_map(section, "circumpositions"),
            contact_clauses=bool(section.get("contact_clauses", False)),
            perfect_auxiliaries=pack.lower_set("repetition", "perfect_auxiliaries"),
            complementisers=pack.lower_set("repetition", "complementisers"),
            elliptical_subjects=pack.lower_set("repetition", "elliptical_subjects"),
            ing_nouns=pack.lower_set("repetition", "ing_nouns"),
            capitalised_particles=pack.lower_set("repetition", "capitalised_particles"),
            postpositions=_word_map(section, "postpositions"),
            fine_after=_word_map(section, "fine_after"),
            not_after=_word_map(section, "slip_after"),
        )

    def grammatical(self, tokens: tuple[Token, ...], i: int) -> bool:
        """Whether tokens[i-1] tokens[i] (the same word twice) is grammatical here."""
        word = tokens[i].text.lower()
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if _quoted(tokens, i):
            return True  # a word mentioned, not used: 'never write "the the"'
        if i >= 2 and _mentioned(tokens[i - 2].text.lower(), nxt, self):
            return True  # a word mentioned after its name: "the word shall shall mean"
        if nxt in self.not_before.get(word, ()) or _elided_word(nxt) in self.not_before.get(
            word, ()
        ):
            then = tokens[i + 2].text.lower() if i + 2 < len(tokens) else ""
            if _elided_word(then) in self.unless_then.get(nxt, ()):
                return True  # "nous nous devons de protéger": "se devoir de", reflexive
            return False  # "I think that that the plan will work"
        if (
            len(nxt) > 4
            and nxt.endswith(tuple(self.not_before_endings.get(word, ())))
            and not self._participle_adjective(tokens, i + 1)
        ):
            return False  # "she had had locked the door"
        only = self.only_before_endings.get(word)
        if only and not nxt.endswith(tuple(only)):
            return False  # "il habite en en France"; "en en parlant" is fine
        if tokens[i - 1].text[:1].islower() and tokens[i].text[:1].isupper():
            return True  # a name or title begins: "touched down Down Under", "in In Bruges"
        if (
            len(tokens[i - 1].text) > 1
            and tokens[i - 1].text.isupper()
            and tokens[i].text.islower()
        ):
            return True  # a term in capitals, then the word: "combine them with AND and OR"
        prev = tokens[i - 2].text.lower() if i >= 2 else ""
        if prev in self.not_after.get(word, ()):
            return False  # "gestern ist sie sie gefahren", "vous pouvez nous nous contacter"
        two_before = f"{tokens[i - 3].text.lower()} {prev}" if i >= 3 else ""
        if prev in self.fine_after.get(word, ()) or two_before in self.fine_after.get(word, ()):
            return True  # "a habit of his his wife disliked": the pronoun, then a determiner
        if nxt in self.fine_before.get(word, ()) or _elided_word(nxt) in self.fine_before.get(
            word, ()
        ):
            # "le groupe a retrouvé son son des débuts", "son son d'origine": the noun
            # follows (an elided word is read on its own)
            return True
        if nxt in self.approximations.get(word, ()) and self._amount(tokens, i + 2):
            return True  # "es geht um um die drei Millionen"
        verbs = self.infinitive_conjunctions.get(word)
        # the conjunction opens its clause: after a comma, a coordinator or nothing ("die
        # Preise um um 5 Prozent zu erhöhen" is a slip)
        if verbs and (i == 1 or prev in self.coordinators or tokens[i - 2].text in _CLAUSE_MARKS):
            verb = _infinitive_after(tokens, i + 1, self.infinitive_markers)
            time = i + 1 < len(tokens) and tokens[i + 1].text.lower() in self.time_nouns
            if verb and (verb in verbs or self._amount(tokens, i + 1) or time):
                # "gekommen, um um Schutz zu bitten", "um um zehn Uhr da zu sein" (a
                # time); "ausnutzen, um um Rechte zu erlangen" and "stieg um um vier
                # Prozent" are slips
                return True
        if (
            word in self.approximate_words
            and (
                prev in self.stranding.verbs.get(word, ())
                or prev in self.stranding.adjectives.get(word, ())
            )
            and (self._amount(tokens, i + 1) or self._amount_noun(tokens, i + 1))
        ):
            # "spoke about about a dozen issues", "worried about about 20 things"; "cost
            # about about 3 million" is a slip
            return True
        if (
            word in self.approximate_words
            and self.nouns_capitalised
            and i >= 2
            and tokens[i - 2].text.isalpha()
            and tokens[i - 2].text.islower()
            and prev not in self.function_words | self.prepositions
            and self._amount(tokens, i + 1)
        ):
            # where no list says which verbs take it: after a lower-case word of the
            # clause ("reden heute über über vier Millionen Menschen"); after a noun or a
            # preposition a slip ("ein Gutschein über über 25 Euro")
            return True
        if (
            prev in self.modal_negations.get(word, ())
            and nxt.isalpha()
            and nxt.islower()
            and nxt not in self.skip_relative
            and nxt != word
            # where the language says: an infinitive ("kann nicht nicht antworten"; "konnte
            # nicht nicht geöffnet werden" is a slip)
            and (not self.infinitive_endings or nxt.endswith(self.infinitive_endings))
        ):
            return True  # "she could not not notice"; "is not not ready" is a slip
        if (
            word in self.demonstratives
            and i >= 2
            and tokens[i - 2].text.lower() in self.question_copulas
            and (i == 2 or tokens[i - 3].text in _CLAUSE_MARKS or not tokens[i - 3].is_word)
        ):
            return True  # "Are those those boxes?": the subject, then a determiner
        clause = _clause_before(tokens, i - 1)
        if self._fronted_clause_end(tokens, i, word, nxt, clause):
            return True
        if word in self.after_negation and any(
            _elided_word(t.text.lower()) in self.negation_particles for t in clause
        ):
            return True  # "ce modèle n'est plus plus cher": "ne … plus", then "plus cher"
        if f"{word} {word}" in self.clause_initial:
            # "Now now, calm down", "There there", or said or chanted ("the fans chanted
            # allez allez"): an interjection opens its clause or is what is said;
            # "negotiators are now now meeting", "by then there there were" are slips
            # … or what a verb of saying, a word or two before or right after, says:
            # "sagte er bloß ja ja", "wenn er nur noch ja ja sagt"
            near = {t.text.lower() for t in tokens[max(0, i - 4) : i - 1]} | {nxt}
            return not any(t.is_word for t in clause) or bool(near & self.sound_verbs)
        if word in self.object_possessive:
            prev = tokens[i - 2].text.lower() if i >= 2 else ""
            # … or a verb that takes an object and a clause: "reminded her [her evidence
            # was given under oath]"
            return prev in self.two_objects | self.object_clause or nxt in self.time_span
        if word in self.verb_final_only or (
            word in self.verb_final_opening
            and (i == 1 or tokens[i - 2].text in _CLAUSE_MARKS or prev in self.coordinators)
        ):
            # "Da da niemand kam" ("Da da war" a slip); "Bis bis alle Befunde vorliegen, …"
            return self._verb_final(tokens, i + 1)
        if word in self.opener_only:
            return self._subject_and_object(tokens, i, prev, clause)
        if word in self.postpositions and self._postposition(tokens, i, word):
            return True
        openers = self.circumpositions.get(word)
        if openers and any(t.text.lower() in openers for t in clause[:CIRCUMPOSITION_REACH]):
            return True  # "vom 4. Mai an an allen Werktagen", "von Bern aus aus dem Zug"
        if (
            word in self.case_doubles
            and tokens[i - 1].text == tokens[i].text
            and tokens[i].text[:1].isupper()
            and any(t.is_word for t in tokens[: i - 1])
        ):
            return False  # the polite pronoun twice mid-sentence: "können Sie Sie als …"
        if word in self.free_relative_doubles:
            # an indirect question's word, then a free relative as its subject: "I don't
            # know what [what she said] meant": a subject next, and two verbs to come (the
            # relative's and the question's); "what what to do", "what what he said" are
            # slips
            rest = [w.lower() for w in self._clause_words(tokens, i + 1)]
            opens = bool(rest) and (rest[0] in self.subjects or rest[0] in self.determiners)
            verb_words = [w for w in rest[1:] if self._verb_like(w) or w in self.finite]
            if opens and len(verb_words) >= 2:
                return True
            # … or the free relative's own verbs, then the question's after a word that is
            # none: "what [what had been decided in 1614] meant", "what [what the company
            # calls flexibility] actually means"; "what what had happened" has one group
            if rest and self._verb_groups(rest) >= 2:
                return True
        if word in self.wh_doubles:
            # "wer wer ist", "was was kostet", "wer wer am Hof war": the question word,
            # then the subject of the verb that follows; before an article or an inflected
            # adjective a slip ("was was die Reform kosten wird", "was was frühere Befunde
            # bestätigt"); "was was eigene Überlegung ist": which is which, a noun phrase
            # and a copula ending the clause
            rest = [w.lower() for w in self._clause_words(tokens, i + 1)]
            if len(rest) >= 2 and rest[-1] in self.wh_copulas:
                return True
            return not (
                nxt in self.function_words
                or (
                    nxt.islower()
                    and nxt.endswith(self.wh_not_endings)
                    and not nxt.endswith(self.wh_verb_endings)
                )
            )
        if word in self.equatives and word in self.stranding.verbs:
            # "regards the risk as as serious as …": the verb's "as", then a comparison
            # "as … as" ("reply as as soon as possible" has no such verb)
            ahead = [t.text.lower() for t in tokens[i + 1 : i + 1 + EQUATIVE_REACH]]
            verbs = self.stranding.verbs[word]
            if word in ahead and any(t.text.lower() in verbs for t in clause):
                return True
        if word in self.comparison_doubles:
            return self._after_comparative(tokens, i, clause)
        if word in self.comparative_intensifiers and i + 1 < len(tokens):
            return self._comparative(tokens[i + 1].text)  # "way way better"
        if f"{word} {word}" in self.always or word in self.intensifiers | self.emphatic_words:
            # "besonders gut gut zu sehen": after a degree word an everyday adverb is a
            # slip ("very hush hush", "noch bla bla" are words said twice by nature)
            return (
                prev not in self.degree_modifiers
                or word in self.degree_modifiers
                # a pronoun is no adverb a degree word modifies: "wie sehr sie sie vermisste"
                or word in self.personal | self.object_pronouns
                # a function word is no adverb a degree word modifies: "so that that
                # sample" is the conjunction, then a determiner
                or word in self.relatives
                or zipf(word, self.lang) < EVERYDAY_ADVERB
            )
        if self._stressed(tokens, i, word, nxt):
            return True
        if (
            word in self.particles
            # "le Le Pen": a particle the language capitalises in names must be capitalised
            and not (word in self.capitalised_particles and tokens[i].text.islower())
            and _name_follows(tokens, i + 1, self.nouns_capitalised, self.lang, self.name_endings)
            and not (i + 1 < len(tokens) and _city_named(tokens[i + 1].text))
            # "la forêt du du Nord": a compass point is no surname
            and not (i + 1 < len(tokens) and tokens[i + 1].text.lower() in self.compass_points)
        ):
            return True  # "de de Gaulle", "von von der Leyen"
        if word in self.degree_adverbs and self._degree_attribute(tokens, i + 1):
            return True  # "zu zu hohen Kosten": the preposition, then "too"
        if (
            word in self.prepositions | self.attribute_articles
            and not self._nested_article(tokens, i + 1)
            and self._extended_attribute(tokens, i + 1)
        ):
            # "mit mit Spannung erwarteten Zahlen", "einer einer Partei nahestehenden
            # Stiftung": the second word opens an attribute's own noun phrase
            return True
        if self._set_phrase(tokens, i, word, clause) or self._two_words(tokens, i, word, clause):
            return True
        if word in self.after:
            return self._pseudo_cleft(clause, word)
        if word not in self.clause_start:
            return False
        words_before = [t for t in clause if t.is_word]
        if len(words_before) == 1 and words_before[0].text.lower() in self.verb_first:
            return True  # "Ist das das Aus?", "„War das das Auto …?“"
        if self._clause_start(tokens, i - 1, clause):
            if (
                self.openers
                and nxt in self.object_pronouns | self.personal
                and not _noun_after(tokens, i + 2, self.function_words)
            ):
                # the second word is an article, and an article comes before a pronoun only
                # inside an attribute ("dem dem ihm fremden Hund"): ", der der sich
                # zurückhaltend geäußert hatte" is a slip
                return False
            if nxt in self.verb_first and i >= 2 and tokens[i - 2].text == ",":
                # a relative clause ends in its finite verb: ", das das hat mir geholfen"
                # is a main clause's subject said twice
                return False
            # (a capitalised word is a noun: "dass das das Aus … bedeute")
            if nxt in self.prepositions and self.openers and tokens[i + 1].text.islower():
                # the second word is an article, and an article opens no prepositional
                # phrase: ", der der im Mai gewählt wurde" is a slip; ", die die in Berlin
                # lebenden Menschen kennt" holds an extended attribute
                return self._extended_attribute(tokens, i + 1)
            # a relative clause ends in its verb; an article opens an attribute: "Tipp:
            # Die die Verbindung störenden Geräte …"; a clause ending in "zu" and its
            # infinitive is no relative clause (", den den Zuschuss zu erhöhen" is a slip)
            if self._infinitive_end(tokens, i + 1):
                return self._extended_attribute(tokens, i + 1)
            return self._verb_final(tokens, i + 1) or self._extended_attribute(tokens, i + 1)
        return self._extended_attribute(tokens, i + 1)

    def _subject_and_object(
        self, tokens: tuple[Token, ...], i: int, prev: str, clause: list[Token]
    ) -> bool:
        """A pronoun as the subject, then as the object: where a subordinate clause opens
        and ends in its verb ("ob es es den Eltern erzählen durfte"), or right after the
        finite verb of a main clause with no subject before it ("normalerweise rollt es
        es weg"). With a subject before the verb the pair is an object said twice ("Wir
        haben es es ihm gesagt", "Auf der A7 kam es es zu Staus")."""
        if prev in self.openers:
            return self._verb_final(tokens, i + 1)
        before = clause[1:]  # read backwards from the verb
        return (
            prev.isalpha()
            and tokens[i - 2].text[:1].islower()
            and prev not in self.prepositions | self.coordinators
            and not self.personal & {t.text.lower() for t in before}
            and not self._subject_before(before)
        )

    def _nested_article(self, tokens: tuple[Token, ...], j: int) -> bool:
        """An article, then a preposition: the article opens a noun phrase with an
        attribute of its own ("mit mit dem im Vertrag genannten Datum"), the object of the
        first preposition; the second has none."""
        return (
            j + 1 < len(tokens)
            and tokens[j].text.lower() in self.clause_start
            and tokens[j + 1].text.lower() in self.prepositions
        )

    def _postposition(self, tokens: tuple[Token, ...], i: int, word: str) -> bool:
        """A postposition closing its noun phrase, then the same word as a preposition:
        "der Reihe nach nach Leipzig", "allem Anschein nach nach Hamburg". The phrase is a
        determiner with one of the case endings the postposition governs and a noun, and
        no preposition before it ("auf der Reise nach nach Berlin" is a slip)."""
        if i < 3 or not (tokens[i - 2].text[:1].isupper() and tokens[i - 2].text.isalpha()):
            return False
        endings = tuple(self.postpositions[word])
        for k in range(i - 3, max(i - 6, -1), -1):  # over inflected adjectives: "seiner
            between = tokens[k + 1 : i - 2]  # eigenen Aussage nach"
            if not all(t.text.islower() and t.text.endswith(_INFLECTED) for t in between):
                return False
            det = tokens[k].text
            before = tokens[k - 1].text.lower() if k >= 1 else ""
            if (
                det.isalpha()
                and det.islower()
                and det.endswith(endings)
                and before not in self.prepositions
            ):
                return True
        return False

    def _degree_attribute(self, tokens: tuple[Token, ...], j: int) -> bool:
        """After a preposition that is also a degree adverb ("zu"), an inflected adjective
        or an extended attribute, then its noun: "zu zu hohen Kosten", "zu zu spät
        verschickten Bescheiden"; "nie zu zu spät," is a slip."""
        for k in (j, j + 1):  # the adjective, or an adverb and then the adjective
            if k + 1 >= len(tokens) or not tokens[k].is_word or not tokens[k + 1].is_word:
                return False
            adjective, noun = tokens[k].text, tokens[k + 1].text
            inflected = adjective.endswith(_INFLECTED)
            if adjective[:1].islower() and inflected and noun[:1].isupper():
                return True
            if not adjective[:1].islower() or inflected:
                return False  # "zu zu einer höheren Inflation": an article, no adverb
        return False

    def _pseudo_cleft(self, clause: list[Token], word: str) -> bool:
        """A free relative ending in the verb the main clause starts with: "what it is is",
        "what the problem was was", "I do do". Between the opening word and the pair stands
        the relative clause's bare subject only (nothing, a subject pronoun and its adverbs,
        or a noun phrase opened by a determiner); "what we need is is" and "what matters
        most is is" have their verb already, so the second "is" is a slip."""
        triggers = self.after[word]
        for k, token in enumerate(clause):  # read backwards from the pair
            if token.text.lower() not in triggers:
                continue
            between = [t.text.lower() for t in reversed(clause[:k]) if t.is_word]
            if between and word in self.bare_only:
                return False
            if not between:  # "what is is"; "What do do you make of it?" asks a question
                bare = not self.bare_after or token.text.lower() in self.bare_after
                return bare and word not in self.elliptical
            if (
                0 < len(between) <= BARE_SUBJECT_WORDS
                and self.past_suffixes
                and all(
                    (w.isalpha() or w.isdigit())
                    and w not in self.skip_relative | self.subjects
                    and not self._finite_form(w)
                    for w in between
                )
            ):
                # a bare noun phrase as the subject: "what tonight is is a verdict", "what
                # sleep inertia is is a short period", "what 2024 was was"
                return True
            named = [t.text for t in clause[:k] if t.is_word]
            if len(named) <= NAME_WORDS and all(w[:1].isupper() and w[1:].islower() for w in named):
                return True  # a name as the subject: "what Greenfields is is a festival"
            head, rest = between[0], between[1:]
            if head not in self.subjects and head not in self.determiners:
                # "how old she is is", "which one it was was", "how much your rent is
                # is": the wh-phrase's own word or two, then the subject
                for skip in (1, 2):
                    if (
                        len(between) > skip
                        and (
                            # a subject, or "there": "how much headroom there is is"
                            between[skip] in self.subjects | self.existentials
                            # after "how much", "how long" a noun phrase too; "what annoyed
                            # the voters" has its verb
                            or (
                                # "how much your rent is is", "whatever goodwill the
                                # business has has": a noun phrase after the wh-phrase
                                (
                                    token.text.lower() in self.degree_questions
                                    # … a noun after "whatever", not a verb ("what
                                    # annoyed the voters most was was" is a slip)
                                    or (
                                        token.text.lower() in self.stranding.free_relatives
                                        and not self._finite_form(between[0])
                                    )
                                )
                                and between[skip] in self.determiners
                            )
                        )
                        and not set(between[:skip]) & self.skip_relative
                    ):
                        head, rest = between[skip], between[skip + 1 :]
                        break
            if head in self.subjects:
                return all(w.endswith("ly") for w in rest)
            return head in self.determiners and not set(rest) & self.subjects
        return False

    def _stressed(self, tokens: tuple[Token, ...], i: int, word: str, nxt: str) -> bool:
        """A stressed auxiliary after its subject ("the kids do do their chores"), or a
        pronoun that is a verb's object and the next clause's subject ("did she tell you
        you could go?")."""
        prev = tokens[i - 2].text.lower() if i >= 2 else ""
        if (
            prev in self.sound_verbs
            and word not in self.skip_relative | self.articles
            and zipf(word, self.lang) < SOUND_ZIPF
        ):
            return True  # "the old clock went tick tick", "das Baby machte gluck gluck"
        if word in self.stranded and self._pronoun_contact_clause(tokens, i - 1):
            return True
        if word in self.stranded and (
            self._noun_contact_clause(tokens, i - 1)
            or self._contact_after_noun(tokens, i - 1)
            or self._comparison_clause(tokens, i - 1)
        ):
            return True
        if self.stranding.stranded(tokens, i, word):
            return True
        if word in self.emphatic:
            if not (prev and tokens[i - 2].is_word):
                # a command stressed, the verb next: "Do do reach out"; "Do do you …" and
                # "Do do not …" are slips
                return (
                    nxt.isalpha()
                    and nxt.islower()
                    and nxt not in self.skip_relative | self.subjects | self.not_emphatic_after
                )
            return prev not in self.not_emphatic_after
        return (
            word in self.object_subject
            # the clause's verb next: finite or past ("told you you needed")
            and (nxt in self.finite or (nxt.isalpha() and self._verb_like(nxt)))
            and prev.isalpha()
            and prev[:1].islower()
            and prev not in self.skip_relative
            # after a verb that takes an object and a clause: "in the back row you you
            # will" is a slip; or closing a contact clause that began the sentence's
            # fronted object: "everything [the vet gives you] you should store"
            and (
                not self.object_clause
                or prev in self.object_clause
                or self._fronted_contact_clause(tokens, i)
            )
        )

    def _fronted_contact_clause(self, tokens: tuple[Token, ...], i: int) -> bool:
        """Before the pair at ``i``: a determiner, its noun and a verb in the third person
        or the past, after a fronted noun phrase that opens the sentence ("Everything",
        "Any pattern"): "Everything [the vet gives you] you should store …"."""
        if i < 5:
            return False
        verb = tokens[i - 2].text.lower()
        det = tokens[i - 4].text.lower()
        head = [t.text.lower() for t in tokens[: i - 4] if t.is_word]
        return (
            (verb.endswith("s") or self._verb_like(verb))
            and det in self.determiners
            and tokens[i - 3].text.isalpha()
            and 1 <= len(head) <= 2
            and (head[0] in self.quantifiers or head[0] in self.stranding.heads)
        )

    def elided_grammatical(self, tokens: tuple[Token, ...], i: int, word: str) -> bool:
        """An elided word's end doubled by the next word as the language's grammar doubles
        it: "qu'en en inactivant" ("en en" before a gerund); "qu'en en France" is a slip."""
        if f"{word} {word}" not in self.always:
            return False
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        only = self.only_before_endings.get(word)
        return not only or nxt.endswith(tuple(only))

    def _set_phrase(
        self, tokens: tuple[Token, ...], i: int, word: str, clause: list[Token]
    ) -> bool:
        """Interjections and numbers: "Danke danke, …", "Right right, I remember",
        "four four seven"; contrastive focus: "a salad salad or a pasta salad", "not drunk
        drunk"; a verb cluster ending its clause: "… erreicht werden werden."."""
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else "."
        words_before = [t for t in clause if t.is_word]
        if not words_before and nxt in _INTERJECTION_ENDS and word not in self.articles:
            return True  # "Sorry sorry," — "Hello hello?" — "Tsk tsk."
        if self._command(tokens, i):
            return True
        if (
            word in self.pronoun_numbers
            and i >= 2
            and tokens[i - 2].text.lower() in self.definite
            and i + 2 < len(tokens)
            and nxt.isalpha()
            and (
                (nxt not in self.function_words and self._verb_like(tokens[i + 2].text.lower()))
                # the pronoun "one" as the clause's subject: "the one [one might expect]"
                or nxt in self.stranding.auxiliaries | self.finite
            )
        ):
            # "the one [one donor questioned]": the pronoun, then a contact clause whose
            # subject the number opens ("the one one thing I want" has no verb after it)
            return True
        if word in self.numbers:
            # "four four seven", "at ten ten", "two two at half-time"; before a noun it
            # counts something twice ("drei drei Kinder", "deux deux enfants"), and a
            # number that is also an article ("un un accès") only runs on into numbers
            lower_word = nxt.isalpha() and nxt[:1].islower() and nxt not in self.numbers
            after = tokens[i + 1].text if i + 1 < len(tokens) else ""
            noun = (self.nouns_capitalised and after[:1].isupper() and after.isalpha()) or (
                lower_word and nxt not in self.skip_relative and word not in self.articles
            )
            if noun:
                if word in self.clock and i >= 2 and tokens[i - 2].text.lower() in self.clock_after:
                    return True  # a time: "the twelve twelve departure"
                # … unless the second opens a measure attribute: "zwei zwei Zentimeter
                # breite Streifen"
                return self._extended_attribute(tokens, i + 1)
            return word not in self.articles or not lower_word
        if self._emphatic_adjective(tokens, i, word):
            return True
        if word in self.skip_relative | self.articles | self.clause_start | self.prepositions:
            # no focus on a function word
            return self._cluster_end(list(tokens[: i - 1]), word, nxt)
        # contrastive focus is on a content word: "do you like like him, or …"
        ahead = [t.text.lower() for t in tokens[i + 1 : i + 1 + CONTRAST_WINDOW]]
        if self._negated(clause) and self._focus(word):
            return True
        before = tokens[i - 2].text.lower() if i >= 2 else ""
        # contrastive focus ("a date date or a business lunch?"), not a unit counted after
        # its number ("30 minutes minutes or until …")
        # (nor on a determiner: "if your your bin is damaged or missing" is a slip)
        if (
            self.alternatives & set(ahead)
            and not (before[:1].isdigit() or before in self.numbers)
            and word not in self.determiners
        ):
            return True
        for n, t in enumerate(clause):  # read backwards from the pair
            reprise = t.text.lower() in self.reprises and (nxt in _ENDS or nxt in (":", ";"))
            if t.text.lower() in self.alternatives or reprise:
                # "do you like him, or do you like like him?": the word before the "or"
                # too; "ordered online or purchased from the office office" is a slip
                at = i - 2 - n  # the index of that "or" in the sentence
                if word in {u.text.lower() for u in tokens[:at]}:
                    return True
                break
        if ahead[:1] == [","] and ahead[1:] and ahead[1] in self.negations:
            return True  # "a job job, not another internship"
        if before in self.articles - self.definite and nxt in _ENDS and not _plural(word):
            # a singular noun said twice after an indefinite article, closing its phrase:
            # "I mean a meal meal.", "Is it a date date?" (a slip runs on into the sentence)
            return True
        return self._cluster_end(list(tokens[: i - 1]), word, nxt)

    def _amount(self, tokens: tuple[Token, ...], j: int) -> bool:
        """A number at ``j``: digits or a number word ("um die 3 Millionen", "um die drei")."""
        if j >= len(tokens):
            return False
        text = tokens[j].text.lower()
        return text[:1].isdigit() or text in self.numbers

    def _amount_noun(self, tokens: tuple[Token, ...], j: int) -> bool:
        """ "a" and an amount noun at ``j``: "a dozen", "a third"."""
        return (
            j + 1 < len(tokens)
            and tokens[j].text.lower() == "a"
            and tokens[j + 1].text.lower() in self.amount_nouns
        )

    def _command(self, tokens: tuple[Token, ...], i: int) -> bool:
        """A command given itself as its argument, after a word that asks to run or type
        it or before one: "Run man man to …", "den Befehl which which", "tapez help help";
        both words in lower case, as a terminal takes them."""
        if not self.command_cues or not (tokens[i - 1].text.islower() and tokens[i].text.islower()):
            return False
        if tokens[i].text in self.determiners | self.skip_relative | self.prepositions:
            # a function word is no command: "trains run every every hour", "tippen Sie auf
            # auf das Symbol" (tap on)
            return False
        near = [tokens[k].text.lower() for k in (i - 2, i - 3, i + 1) if 0 <= k < len(tokens)]
        return bool(self.command_cues & set(near))

    def _negated(self, clause: list[Token]) -> bool:
        """A negation right before the pair, or before its article: "not drunk drunk",
        "she has a job, but not a job job"."""
        near = [t.text.lower().replace("’", "'") for t in clause[:2]]
        if near[:1] and self._negation(near[0]):
            return True
        return len(near) == 2 and near[0] in self.articles and self._negation(near[1])

    def _focus(self, word: str) -> bool:
        """A word contrastive focus doubles after a negation: a noun or adjective closing
        its phrase ("not drunk drunk, just tipsy", "not a job job."), or a verb before
        its object ("I don't like like him"), but no adverb of manner ("not simply
        simply the absence of war")."""
        return not word.endswith(self.manner_endings) if self.manner_endings else True

    def _negation(self, word: str) -> bool:
        """A negation, or a verb contracted with one ("isn't", "doesn't")."""
        return word in self.negations or any(
            word.endswith(n) for n in self.negations if not n.isalpha()
        )

    def _cluster_end(self, before: list[Token], word: str, nxt: str) -> bool:
        """A verb cluster ending its clause ("ob die Ziele erreicht werden werden."), not
        where a modal of the sentence before it already is its finite verb ("sollen …
        fortgesetzt werden werden", "darf nur auf einer ebenen, trockenen Fläche betrieben
        werden werden")."""
        if word not in self.clause_final or nxt not in _ENDS:
            return False
        return not self.modals & {t.text.lower() for t in before}

    def _after_comparative(self, tokens: tuple[Token, ...], i: int, clause: list[Token]) -> bool:
        """The comparison's word, then the same word meaning "as": "mehr als als Kind",
        "eher als Risiko als als Chance". A comparative stands before it in the clause, and
        a noun phrase follows: "gilt als als unbegründet", "mehr als als 10.000 Galaxien",
        "länger als als beim Vorgänger" are slips."""
        if not any(self._comparative(t.text) for t in clause):
            # "lieber mit der Bahn, als als Fahrer …": the comparison opens its own clause
            # right after a comma, the comparative stands in the clause before
            if not (i >= 2 and tokens[i - 2].text == "," and not clause):
                return False
            if not any(self._comparative(t.text) for t in _clause_before(tokens, i - 2)):
                return False
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or not nxt.text.isalpha():
            return False
        if nxt.text[:1].isupper():
            return True
        after = tokens[i + 2].text if i + 2 < len(tokens) else ""
        low = nxt.text.lower()
        return (
            low not in self.function_words | self.prepositions | self.numbers
            and low not in self.object_determiners | self.subject_determiners
            and after[:1].isupper()
        )

    def _comparative(self, text: str) -> bool:
        """A comparative: listed ("mehr", "lieber"), or a lower-case word that is a
        frequent adjective with a comparative ending ("wertvoller", "länger": the vowel
        the ending changes given back), not a function word ("dieser", "einer")."""
        low = text.lower()
        if low in self.comparatives:
            return True
        if (
            not text.islower()
            or low in self.function_words
            or zipf(low, self.lang) >= FUNCTION_ZIPF
        ):
            return False
        for ending in self.comparative_endings:
            base = low[: -len(ending)] + self.comparative_restore.get(ending, "")
            if low.endswith(ending) and len(base) >= 3:
                if max(zipf(b, self.lang) for b in (base, base.translate(self.umlauts))) >= 3.0:
                    return True
        return False

    def _emphatic_adjective(self, tokens: tuple[Token, ...], i: int, word: str) -> bool:
        """A gradable adjective said twice for emphasis, not after a definite determiner:
        "a cold cold wind", "the river runs deep deep"; "our new new range" is a slip."""
        if not self.comparison or word in self.skip_relative | self.articles or len(word) < 3:
            return False
        if tokens[i - 1].text[:1].isupper():
            return False  # a name's word said twice: "New New York"
        prev = tokens[i - 2].text.lower() if i >= 2 else ""
        if prev in self.definite or prev in self.degree_modifiers:
            return False  # "our new new range", "a little slow slow": slips
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if nxt in self.determiners:
            return False  # a preposition, not an adjective: "a lay-by near near the river"
        if word in self.irregular_gradables or _gradable(word, self.comparison, self.lang):
            return True  # "a cold cold wind", "an early early start", "a good good boy"
        if word.endswith("ly") and len(word) > 4:
            # an adverb of a gradable adjective: "moved slowly slowly", "softly softly"
            base = word[:-3] + "y" if word.endswith("ily") else word[:-2]
            return _gradable(base, self.comparison, self.lang)
        return False

    def _two_words(self, tokens: tuple[Token, ...], i: int, word: str, clause: list[Token]) -> bool:
        """Two different words written alike: noun and verb ("ce fait fait débat", "die
        Regeln regeln", "the political will will"), a relative clause's verb and the main
        verb ("students who cheat cheat", "ce qu'il dit dit"), a particle and a preposition
        ("check in in the lobby"), a pronoun and an article after a verb ("dann haben die
        die Tür zugemacht")."""
        first, second = tokens[i - 1].text, tokens[i].text
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if (
            self.nouns_capitalised
            and any(t.is_word for t in clause)
            and first[0].isupper() != second[0].isupper()
        ):
            return True  # "die Regeln regeln"; at a sentence start the capital says nothing
        before = [t.text.lower() for t in tokens[max(0, i - PHRASAL_WINDOW - 1) : i - 1]]
        modifiers = self.fine_after.get(word) if word in self.modified_homographs else None
        opening = [t.text.lower() for t in reversed(clause) if t.is_word]
        if (
            word in self.homographs
            # the second a modal, which "and" or "to" cannot follow ("the empire's might
            # might and wealth", "its might might to deter" are slips)
            and not (
                word in self.modified_homographs
                and (nxt in self.coordinators or nxt in self.infinitive_markers)
            )
        ) and (
            self._after_determiner(before, 1, modifiers)
            # or a listed modifier opens the clause: "Naval might might decide the war"
            or (modifiers is not None and len(opening) == 1 and opening[0] in modifiers)
        ):
            # "the political will will"; "your parcel will will arrive" is a slip (a word
            # between must be one of the noun's listed modifiers, for the nouns that need
            # one: a noun "will" is rare, "the empty can can be recycled" is not)
            return True
        if word in self.compass and i >= 2:
            noun = tokens[i - 2].text.lower()
            if noun[elision(noun) :] in self.compass_nouns:
                return True  # "l'aile est est fermée"
        if (
            word in self.name_homographs
            and not self.nouns_capitalised
            and first[0].isupper()
            and second[0].islower()
            and nxt.isalpha()
            and nxt not in self.determiners | self.subjects
            and not tokens[i + 1].text[0].isupper()
        ):
            return True  # a name, then the modal: "Will will pick you up", not "Will will the …"
        if (
            word in self.past_homographs
            and self._after_determiner(before, 1)
            and (nxt not in self.skip_relative or nxt in self.subjects)
        ):
            return True  # "the extra cost cost us"; "the cost cost of the repairs" is a slip
        if self._question_subject(tokens, i, word) or self._subject_then_verb(tokens, i, word):
            return True
        if self._noun_then_verb(tokens, i, word, nxt) or self._verb_then_preposition(
            tokens, i, word, nxt
        ):
            return True
        if (
            i >= 4
            and word in self.elliptical_copulas
            and tokens[i - 2].text.lower() in self.existentials
            and tokens[i - 3].text.isalpha()
            and tokens[i - 3].text.islower()
            and tokens[i - 3].text.lower() not in self.skip_relative | self.subordinators
            # a verb there makes "there" its adverb ("… went there was"); a noun in -ing is
            # a noun ("the only warning [there was] was")
            and not (
                self._verb_like(tokens[i - 3].text.lower())
                and not tokens[i - 3].text.lower().endswith("ing")
            )
            and any(
                t.text.lower() in self.determiners | self.stranding.free_relatives
                for t in tokens[max(0, i - 6) : i - 3]
            )
        ):
            return True  # a noun's clause "there is": "the only table [there was] was by …"
        if (
            i >= 4
            and word in self.elliptical_copulas & self.question_copulas
            and tokens[i - 2].text.lower() in self.subjects
            and tokens[i - 3].text.isalpha()
            and tokens[i - 3].text.islower()
            and tokens[i - 3].text.lower()
            not in self.function_words | self.skip_relative | self.relatives | self.subordinators
            and not self._verb_like(tokens[i - 3].text.lower())
            # the noun's determiner a word or two before it: "the (sleepy) town [it was]"
            and any(t.text.lower() in self.determiners for t in tokens[max(0, i - 5) : i - 3])
        ):
            return True  # a noun's clause of "be": "the man [he is] is not the man he was"
        if (
            i >= 3
            and word in self.elliptical_copulas
            and tokens[i - 2].text.lower() in self.relatives
            and (
                tokens[i - 3].text.lower() in self.elliptical_heads
                or self._denied_before(tokens, i - 3)
            )
        ):
            # the relative's predicate left out: "the ones that were were destroyed", or
            # denied before: "… aren't spicy, but the one dish that is is"; "there was a
            # dragon who was was afraid" is a slip
            return True
        if (
            word in self.elliptical
            and i >= 2
            and tokens[i - 2].text.lower() in self.stranding.questions
            and not any(t.is_word for t in tokens[: i - 2])
        ):
            return False  # a question's auxiliary: "What does does the committee want?"
        if (
            word not in self.articles
            and word not in self.skip_relative
            and self._verb_form(word)
            and self._relative_subject(clause)
        ):
            return True
        if i >= 2 and tokens[i - 2].text.lower() in self.relatives and word in self.elliptical:
            return True  # the relative clause's verb left out: "those who can can join"
        if (
            i >= 3
            and word in self.elliptical
            and (
                tokens[i - 2].text.lower() in self.subjects
                or tokens[i - 2].text.lower() in self.elliptical_subjects
            )
            and tokens[i - 3].text.lower() in self.elliptical_openers
        ):
            return True  # "whether they can [appeal] can only be decided"
        if (
            (
                word not in self.skip_relative
                or word in self.elliptical_copulas - self.question_copulas  # has, have, had
            )
            and word not in self.articles
            and word[:1].islower()
            # the contact clause's verb, said again as the main verb: "when when" is none;
            # "the beds [I still have] have been covered": a verb and an auxiliary
            and self._verb_form(word)
            and self._contact_subject(tokens, i)
        ):
            return True  # a contact clause's verb, then the main verb: "the man I saw saw me"
        if (
            word in self.phrasal
            and (set(before) | self._phrasal_reach(tokens, i)) & self.phrasal[word]
            # a gerund or an adverb is the particle's own ("gave up up smoking", "went up
            # up sharply" are slips); "ploughed in in spring" has no gerund
            and not any(_derived(nxt, end, self.lang) for end in ("ing", "ly"))
        ):
            return True  # "check in in the lobby"
        prev = clause[0].text if clause else ""
        return (
            word in self.after_verb
            and not self._subject_before(clause[1:])
            and not self.personal & {t.text.lower() for t in clause}
            and prev[:1].islower()
            and prev.isalpha()
            and prev.lower() not in self.prepositions | self.openers | self.coordinators
            and prev.lower() not in self.clause_start
        )

    def _verb_groups(self, words: list[str]) -> int:
        """How many runs of verb forms ``words`` holds, apart from each other: a verb by its
        shape or the lists, or a word in -s after a determiner's noun, a pronoun or an
        adverb in -ly ("the company calls", "actually means"; "of teacher vacancies" is a
        plural)."""
        groups, inside = 0, False
        for k, w in enumerate(words):
            verb = (
                self._verb_like(w)
                or w in self.finite
                or w in self.stranding.passive  # "had been agreed": one group
                or (
                    k > 0
                    and len(w) > 3
                    and w.endswith("s")
                    and not w.endswith("ss")
                    and w not in self.function_words
                    and (
                        (k > 1 and words[k - 2] in self.determiners)
                        or words[k - 1] in self.subjects
                        or words[k - 1].endswith("ly")
                    )
                )
            )
            if verb and not inside:
                groups += 1
            inside = verb
        return groups

    def _participle_adjective(self, tokens: tuple[Token, ...], j: int) -> bool:
        """The participle at ``j`` is an adjective before its noun: a lower-case content
        word follows ("had had limited visibility"); before a determiner, a pronoun or
        the clause's end it is a verb ("had had locked the door")."""
        if j + 1 >= len(tokens):
            return False
        after = tokens[j + 1].text
        return (
            after.isalpha()
            and after.islower()
            and after not in self.function_words | self.determiners | self.subjects
            and after not in self.object_pronouns
            and after not in self.prepositions
            and not after.endswith("ly")  # "had had quickly …": an adverb, a verb next
            and not self._verb_like(after)
        )

    def _phrasal_reach(self, tokens: tuple[Token, ...], i: int) -> set[str]:
        """The words back from the particle at ``i - 1`` towards its verb, at most
        PHRASAL_REACH, through the words of one noun phrase and the word before its
        determiner: not past a number, a punctuation mark, a preposition or a function word
        ("take the children to school on on Mondays", "take more than 8 tablets in in 24
        hours" are slips)."""
        out: set[str] = set()
        determined = False
        for t in reversed(tokens[max(0, i - 1 - PHRASAL_REACH) : i - 1]):
            low = t.text.lower()
            if not low.isalpha() or low in self.prepositions | self.function_words:
                break
            out.add(low)
            if determined:
                break  # one noun phrase only: "handed the dog a bone in in the yard"
            determined = low in self.determiners
        return out

    def _relative_subject(self, clause: list[Token]) -> bool:
        """The clause holds a relative word whose head opens the clause, so the pair is the
        relative clause's verb and then the main verb: "students who cheat cheat", "ce
        qu'il dit dit". Before the relative word at most three words and no subject
        pronoun or finite verb: after "we noticed that", "tu crois qu'il" the main clause
        has its verb already, and the word is a complement clause's."""
        for k, token in enumerate(clause):  # read backwards from the pair
            if token.text.lower() in self.relatives:
                head: set[str] = set()
                for t in clause[k + 1 :]:  # back to a conjunction: "and whoever wins wins"
                    if t.text.lower() in self.coordinators:
                        break
                    if t.text.lower() in self.relatives | self.subordinators:
                        break  # the clause it opens: "je dirai que [ce qu'il a fait] fait …"
                    if t.is_word:
                        head.add(t.text.lower())
                return len(head) <= 3 and not head & (self.subjects | self.personal | self.finite)
        return False

    def _noun_contact_clause(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A contact clause whose subject is a determiner's noun, ending in a past verb and
        its stranded preposition: "the water [the pasta cooked in] in a jug". The verb must
        end the clause ("place the drained pasta in in a bowl" has no verb there). The verb
        may have an auxiliary before it and a particle after it, and be an irregular past,
        where a determiner opens the noun the clause belongs to: "the feature [our users had
        asked for] for years", "the bridge [the lorry broke down on] on Tuesday"."""
        k = first - 1
        extended = False
        if tokens[k].text.lower() in self.phrasal:
            k, extended = k - 1, True  # "broke down on"
        verb = tokens[k].text.lower()
        if verb.endswith("ing") and k >= 1 and tokens[k - 1].text.lower() in self.stranding.passive:
            # a progressive: "the reunion [fans have been waiting for] for a decade"
            k, extended = k - 1, True
            while k >= 1 and tokens[k - 1].text.lower() in self.finite | self.stranding.auxiliaries:
                k -= 1
            if self._bare_plural_subject(tokens, k - 1):
                return True
            verb = tokens[k].text.lower()
        if k >= 1 and tokens[k - 1].text.lower() in self.finite and verb.isalpha():
            # a verb after its modal or auxiliary, in any form: "the parties cannot agree on"
            k, extended = k - 1, True
        elif not verb.endswith("ed"):
            if verb not in self.irregular_pasts:
                return False
            extended = True
        if k >= 1 and tokens[k - 1].text.lower() in self.stranding.auxiliaries and not extended:
            k, extended = k - 1, True  # "had asked for"
        elif (
            k >= 2
            and tokens[k - 2].text.lower() in self.stranding.auxiliaries
            and self._modifier(tokens[k - 1].text)
        ):
            k, extended = k - 2, True  # "was first performed in"
        if self._bare_plural_subject(tokens, k - 1):
            return True  # "the issue [parents complained about] about twenty times"
        d = k - 2  # the subject's determiner, maybe before an adjective: "the first computer"
        if (
            d >= 1
            and tokens[d].text.lower() not in self.determiners
            and self._modifier(tokens[d].text)
        ):
            d -= 1
        if d < 2:
            return False
        noun, det, head = (tokens[n].text.lower() for n in (k - 1, d, d - 1))
        if extended and tokens[d - 2].text.lower() not in self.determiners:
            return False  # "he said the minister had worked in in Paris": no noun's clause
        if self._told(tokens, d - 1):
            return False  # "told the court the firm had operated in in Paris"
        return (
            det in self.determiners
            and noun.isalpha()
            and noun not in self.skip_relative
            and head.isalpha()
            and head not in self.skip_relative | self.subjects
            and not head.endswith("ed")
        )

    def _contact_after_noun(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A contact clause ending in the stranded preposition at ``first``, found by its
        seam: a noun, then straight away a determiner opening the clause's subject, then a
        verb before the preposition: "a clay jar [a farmer had stumbled on] on his land",
        "the ban [the player has been hit with] with every means", "the coat [every editor
        wanted to be photographed in] in Paris". A verb before the seam makes it the
        verb's object ("told the court the firm had worked in in Paris" is a slip), and
        with no verb after it there is no clause ("gave the dog a bone in in the yard")."""
        verb = False
        for k in range(first - 1, 1, -1):
            text = tokens[k].text.lower()
            if _amount_sign(text):
                continue  # "the painting [the gallery paid £4 million for]"
            if tokens[k].text in _CLAUSE_MARKS or not tokens[k].is_word:
                return False
            # a determiner or a quantifier ("the hall [most members train in]"), not a
            # partitive's ("wrote most of his letters in")
            quantified = text in self.quantifiers and tokens[k + 1].text.lower() != PARTITIVE_OF
            opens = (
                text in self.determiners
                or quantified
                or (
                    tokens[k].text[:1].isupper()
                    and tokens[k].text.isalpha()
                    and k > 1
                    and tokens[k - 1].text.islower()
                )
            )  # a determiner or a name opens the subject: "the blanket [Mia wrapped …]",
            # not a name's second word ("the Industrial Revolution began in Britain in in")
            # a number after the determiner belongs to the noun: "the [two men] arrive at"
            noun = k + 2 if tokens[k + 1].text.lower() in self.numbers else k + 1
            if opens and noun + 1 < first and not verb:
                after = tokens[noun + 1].text
                # the subject's verb right after its noun, in the present: "the region
                # [the substrate binds to] to form …", "the cove [the locals swim in]"
                verb = (
                    after.islower()
                    and after.isalpha()
                    and (
                        after.endswith("s")
                        or (
                            self._plural_noun(tokens[noun].text)
                            and after not in self.phrasal
                            and after not in self.skip_relative
                            and self._verb_form(after)
                        )
                    )
                )
                # … or after a noun of several words: "the room [the local history
                # society meets in] in winter"
                verb = verb or self._verb_after_compound(tokens, k + 1, first)
            if opens and k < first - 1 and verb:
                head = tokens[k - 1].text
                low = head.lower()
                # a determiner's word in -ing is a noun: "the painting [the gallery paid
                # £4 million for]"
                noun_ing = low.endswith("ing") and tokens[k - 2].text.lower() in self.determiners
                if (
                    (self._verb_like(low) and not noun_ing)
                    or self._told(tokens, k - 1)
                    or low in self.complement
                    or low in self.clause_adjectives
                ):
                    # the verb's object ("told the court the firm had …"), or a clause of a
                    # verb or an adjective that takes one ("make sure the power is off at")
                    return False
                if (
                    head.isalpha()
                    and low not in self.skip_relative | self.subjects | self.determiners
                    and not low.endswith("ly")
                ):
                    return True
                # "of his letters": a phrase inside the clause; the seam lies further back
            if self._verb_like(text):
                verb = True
        return False

    def _verb_after_compound(self, tokens: tuple[Token, ...], start: int, first: int) -> bool:
        """Lower-case content words from ``start`` (a noun and the words before it), then a
        verb in the third person or the past that ends the clause before ``first``: "local
        history society meets", "first-year students moved"."""
        for j in range(start + 1, min(start + COMPOUND_SUBJECT, first)):
            words = [t.text for t in tokens[start:j]]
            if not all(w.isalpha() and w.islower() and w not in self.function_words for w in words):
                return False
            after = tokens[j].text
            if after.islower() and after.isalpha() and after not in self.function_words:
                if (after.endswith("s") and not after.endswith("ss")) or self._verb_like(after):
                    return all(t.is_word for t in tokens[j + 1 : first])
        return False

    def _comparison_clause(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A comparison's clause ending in its verb's stranded preposition at ``first``:
        "higher than [the business had planned for] for the year", "more than [we
        bargained for] for a weekend": "than" or "as", its subject (a pronoun, or a
        determiner and its noun), maybe auxiliaries, then a past or a verb after one."""
        k = first - 1
        if k < 2 or not tokens[k].is_word:
            return False
        verb = tokens[k].text.lower()
        k -= 1
        aux = False
        while k >= 1 and tokens[k].text.lower() in self.finite | self.stranding.auxiliaries:
            aux = True
            k -= 1
        if not (aux or verb.endswith("ed") or verb in self.irregular_pasts):
            return False
        if tokens[k].text.lower() in self.subjects:
            k -= 1
        elif k >= 2 and tokens[k - 1].text.lower() in self.determiners:
            k -= 2
        else:
            return False
        return k >= 0 and tokens[k].text.lower() in self.comparison_openers

    def _pronoun_contact_clause(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A clause with no relative word, opened by a subject pronoun after a noun, ends in
        a stranded preposition at ``first``: "the town [she grew up in] in 1990", "the team
        [you're on] on Fridays" (the subject with its auxiliary in one token). Not after a
        conjunction ("when we moved to to the city"), and not once the main clause has
        resumed: a finite verb after the clause's verb ("the file you selected is too
        large to to upload")."""
        for k in range(first - 1, 0, -1):
            text = tokens[k].text
            if text in _CLAUSE_MARKS or not tokens[k].is_word:
                return False
            before = tokens[k - 1]
            subject = text.lower().replace("’", "'").partition("'")[0]
            low = before.text.lower()
            share = low == PARTITIVE_OF and k >= 3 and tokens[k - 2].text.lower() in self.partitives
            if share:
                # a share of the subject: "the course [many of you signed up for]", "the
                # trip [most of us voted for]"
                before = tokens[k - 3]
                low = before.text.lower()
            after = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
            pronoun = (
                subject in self.subjects
                # "many of you signed up for"; "most of her savings" is a possessive's noun
                or (
                    share
                    and subject in self.object_pronouns
                    and (subject not in self.object_possessive or self._verb_like(after))
                )
                # "the trailer [everyone was laughing at]"
                or (subject in self.stranding.heads and subject not in self.numbers)
            )
            if pronoun and before.is_word and low not in self.skip_relative:
                if low in self.subjects or low in self.subordinators:
                    return False
                inside = [t.text.lower() for t in tokens[k + 1 : first]]
                verb = next((n for n, w in enumerate(inside) if self._verb_like(w)), None)
                return verb is None or not any(w in self.finite for w in inside[verb + 1 :])
        return False

    def _fronted_clause_end(
        self, tokens: tuple[Token, ...], i: int, word: str, nxt: str, clause: list[Token]
    ) -> bool:
        """A subordinate clause opens the sentence with no comma after it and ends in the
        first copy, its object, and the main clause opens with the second as its subject:
        "When I tapped it it sounded hollow", "Since the farm switched to oats oats have
        done better". The first copy is an object: a pronoun that is also a subject
        ("it", "you"), after a verb or a preposition; or a word that is no function word,
        right after a preposition or a gerund ("collecting glass glass has piled up"). A
        finite verb follows the second, perhaps after an adverb. "When the storm passed
        we we went" (no object form), "When the rain stopped the players players
        returned" (after a determiner) and "Once the onions soften add add the garlic"
        (no verb after) stay slips."""
        if not self.past_suffixes or not self.subordinators or len(clause) < 3:
            return False
        # the clause opens the sentence with its subordinator, or a clause after "that"
        # does: "told us that if we liked it it could be ours"
        opened = (
            clause[-1].start == tokens[0].start and clause[-1].text.lower() in self.subordinators
        )
        if not opened:
            for j in range(len(clause) - 2, 0, -1):
                if (
                    clause[j].text.lower() in self.subordinators
                    and clause[j + 1].text.lower() in self.complementisers
                ):
                    clause = clause[: j + 1]
                    opened = True
                    break
        if not opened or not all(t.is_word for t in clause):
            return False
        prev = clause[0].text.lower()
        if (
            (prev in self.infinitive_markers or prev in self.finite)
            and word.isalpha()
            and word not in self.function_words
            and self._verb_form(word)
        ):
            # the clause ends in a verb after "to" or a modal, and the main clause opens
            # with it as a command: "If you need to rest rest as much as you can"
            return True
        if word in self.existentials:
            # the place the clause went to, then "there was": "By the time we got there
            # there was frost on the tents"
            return (self._verb_like(prev) or self._verb_form(prev)) and (
                nxt in self.elliptical_copulas or nxt in self.finite
            )
        if word in self.subjects and word in self.object_pronouns:
            if not (prev in self.stranded or self._verb_like(prev)):
                return False
        elif word in self.function_words or not word.isalpha():
            return False
        elif not (prev in self.stranded or prev.endswith("ing")):
            return False
        k = i + 1
        if nxt.endswith("ly") or nxt in self.stranding.adverbs:
            k += 1  # "it it still worked", "it it quickly became clear"
        if k >= len(tokens):
            return False
        verb = tokens[k].text.lower()
        return tokens[k].is_word and (verb in self.finite or self._finite_form(verb))

    def _told(self, tokens: tuple[Token, ...], head: int) -> bool:
        """The noun at ``head`` is the object of a verb that takes an object and a clause
        ("told the court the firm had …"): what follows is that clause, not a contact
        clause of the noun. Not a verb's prepositional object: "wrote to the department
        [the notice was issued by] by 30 April"."""
        for n in range(head - 1, max(-1, head - 4), -1):
            text = tokens[n].text.lower()
            if text in self.object_clause:
                return True
            if text in self.stranded:
                return False
        return False

    def _denied_before(self, tokens: tuple[Token, ...], end: int) -> bool:
        """A copula or auxiliary of the list, negated, before ``end``: "isn't", "was not"."""
        for k, t in enumerate(tokens[:end]):
            text = t.text.lower().replace("’", "'")
            if text.endswith("n't") and text.removesuffix("n't") in self.elliptical_copulas:
                return True
            if (
                text in self.elliptical_copulas
                and k + 1 < end
                and tokens[k + 1].text.lower() in self.negations
            ):
                return True
        return False

    def _verb_form(self, word: str) -> bool:
        """Can be a verb ("cheat", "knows", "won"), where the language lists its verbs'
        forms (English): a word with a known regular past, or a listed form; "whatever you
        can afford today today" has no verb twice."""
        if not self.past_suffixes:
            return True
        return (
            word.endswith(("s", "ed"))
            or word in self.irregular_pasts | self.irregular_bases | self.finite
            or any(zipf(word + s, self.lang) >= VERB_PAST for s in self.past_suffixes)
            or (word.endswith("y") and zipf(word[:-1] + "ied", self.lang) >= VERB_PAST)
        )

    def _finite_form(self, word: str) -> bool:
        """Can be a verb with no subject before it, as a free relative's own ("what
        annoyed the voters", "whatever costs"): a past, a third person or a listed finite
        form; a base form cannot ("whatever licence the contributor has")."""
        return self._verb_form(word) and (
            word.endswith(("s", "ed")) or word in self.irregular_pasts | self.finite
        )

    def _participle_and_past(self, word: str) -> bool:
        """A past participle that is a simple past too, by its shape or the lists:
        "invited", "fed"; "known" is no simple past."""
        return word.endswith("ed") or word in self.simple_pasts

    def _verb_like(self, word: str) -> bool:
        """A verb form by its shape or the lists: "stumbled", "working", "wrote", "has";
        no noun in -ing whose stem is no verb ("morning", "evening", "ceiling")."""
        return (
            word.endswith("ed")
            or (word.endswith("ing") and word not in self.ing_nouns)
            or word in self.irregular_pasts
            or word in self.finite
            or word in self.stranding.auxiliaries
        )

    def _plural_noun(self, word: str) -> bool:
        """A plural noun: "results", "people", "fishermen" (for "fisherman")."""
        if _plural(word) or word in self.irregular_plurals:
            return True
        return any(
            word.endswith(ending) and zipf(word[: -len(ending)] + single, self.lang) >= SINGULAR
            for ending, singles in self.plural_endings.items()
            for single in singles
        )

    def _bare_plural_subject(self, tokens: tuple[Token, ...], n: int) -> bool:
        """A contact clause's subject that is a plural noun with no determiner, right after
        the noun phrase the clause belongs to, which a determiner opens (a word between at
        most): "the plan [residents voted on]", "the bus lane [cyclists complained about]"."""
        if n < 2:
            return False
        noun, head = tokens[n].text, tokens[n - 1].text
        if not (
            noun.isalpha()
            and noun.islower()
            and _plural(noun)
            and noun not in self.skip_relative | self.subjects
            and head.replace("-", "").isalpha()  # "the areas [first-time buyers moved to]"
            and head.islower()
            and head not in self.skip_relative | self.subjects | self.numbers
            and not head.endswith(("ed", "ing"))
        ):
            return False
        before = [t.text.lower() for t in tokens[max(0, n - 3) : n - 1]]
        return bool(before) and (
            before[-1] in self.determiners
            or (len(before) > 1 and before[-2] in self.determiners and before[-1].isalpha())
        )

    @property
    def function_words(self) -> frozenset[str]:
        """Articles, pronouns and the other function words: no adjective of an attribute."""
        return self.clause_start | self.skip_relative | self.attribute_articles

    def _modifier(self, text: str) -> bool:
        """A lower-case content word: an adverb or adjective inside a clause ("first"), or
        a possessive before its noun ("the vendor's family")."""
        if self.possessive_endings and text.endswith(self.possessive_endings):
            text = text[:-2]
        return text.isalpha() and text.islower() and text not in self.skip_relative

    def _noun_then_verb(self, tokens: tuple[Token, ...], i: int, word: str, nxt: str) -> bool:
        """A noun phrase ends in a noun that is also a verb, and the verb follows with its
        object ("military police police the base") or as a bare infinitive after "let",
        "make", "watch" and their object ("let the cook cook"). The word must be a verb:
        its regular past is a known word ("policed", "staffed"); "said said the" is not."""
        if not self.past_suffixes or i < 2 or not tokens[i - 2].is_word:
            return False
        if word in self.skip_relative | self.articles | self.prepositions or len(word) < 3:
            return False
        if not (word.isalpha() and tokens[i].text.islower()) or word.endswith(("ed", "ing")):
            return False
        if not any(zipf(word + s, self.lang) >= 2.0 for s in self.past_suffixes):
            return False
        words = [t for t in tokens[: i - 1] if t.is_word]
        if words and words[0].text.lower() in self.stranding.auxiliaries:
            return False  # "Did the mayor sign sign the order?": a question's verb
        prev = tokens[i - 2].text.lower()
        if prev in self.subjects or (prev in self.skip_relative and prev not in self.determiners):
            return False  # "they police police the": a subject, so the first is a verb
        if prev in self.imperative_markers or prev in self.finite:
            # "please contact contact the team", "must include include a key": a verb
            return False
        if _plural(prev):
            return False  # "it looks like like the", "the champions mount mount a": a verb
        if nxt in self.object_determiners:
            return True
        back = [t.text.lower() for t in tokens[max(0, i - 4) : i - 1] if t.is_word]
        return any(
            back[k] in self.determiners and back[k - 1] in self.bare_infinitive
            for k in range(max(1, len(back) - 2), len(back))
        )  # "let the cook cook", "let the young cook cook"

    def _subject_then_verb(self, tokens: tuple[Token, ...], i: int, word: str) -> bool:
        """A clause opens with its subject, a determiner and a singular noun that is also
        a verb's present (its infinitive is a known word: "pilote", "piloter"), and the
        verb follows: "Le jeune pilote pilote désormais …"; "Fermez la porte porte" has
        its verb already, "Le pilote pilote." none after the pair."""
        if not self.verb_infinitives or i + 1 >= len(tokens) or not tokens[i + 1].is_word:
            return False
        if not word.isalpha() or not tokens[i].text.islower() or _plural(word):
            return False
        if not any(
            word.endswith(end) and zipf(stem + inf, self.lang) >= 2.0
            for end, inf in self.verb_infinitives
            for stem in _stems(word[: len(word) - len(end)])
        ):
            return False
        words = [t.text.lower() for t in reversed(_clause_before(tokens, i - 1)) if t.is_word]
        if words[:1] and words[0] in self.coordinators:
            words = words[1:]  # "mais la pompe pompe …": the conjunction opens the clause
        if not words:
            return False
        cut = elision(words[0])  # "l'ancien pilote": the article glued to its next word
        opener, middle = words[0][:cut], [words[0][cut:], *words[1:]]
        if not cut:
            opener, middle = words[0], words[1:]
        if opener.rstrip("'’") not in self.determiners or len(middle) > 2:
            return False
        if len(middle) == 2 and middle[1] in self.noun_links:
            return True  # a noun's complement: "ce plan de relance relance …"
        return not self.before_nouns or set(middle) <= self.before_nouns

    def _verb_then_preposition(
        self, tokens: tuple[Token, ...], i: int, word: str, nxt: str
    ) -> bool:
        """A preposition that is also a verb ("entre", "contre"), after a singular noun and
        before a determiner or a number: "le ballon entre entre les poteaux"."""
        if word not in self.verb_prepositions or nxt not in self.preposition_objects or i < 2:
            return False
        text = tokens[i - 2].text.lower()
        prev = text[elision(text) :]
        # the noun has its determiner: "le ballon entre", "l'accusé entre" ("elle lutte
        # contre contre" has a verb there)
        determined = prev != text or (i >= 3 and tokens[i - 3].text.lower() in self.determiners)
        return (
            determined
            and prev.isalpha()
            and prev not in self.skip_relative | self.determiners | self.prepositions
            and not _plural(prev)
        )

    def _contact_subject(self, tokens: tuple[Token, ...], i: int) -> bool:
        """Before the pair a noun phrase, then a relative clause with no relative word
        whose subject is a pronoun or a determiner's noun: "the man I saw saw me", "the
        approach shot he hit hit the flag", "everyone she knew knew", "the changes the
        board made made things worse"."""
        words = [t.text.lower() for t in tokens[: i - 1]]
        if not self.contact_clauses or len(words) < 2 or not tokens[i - 2].is_word:
            return False  # French and German relative clauses need their relative word
        while len(words) > 2 and words[-1] in self.stranding.adverbs:
            words = words[:-1]  # the clause's adverb: "the few beds [I still have] have"
        if (
            len(words) > 2
            and words[-1] in self.perfect_auxiliaries
            and self._participle_and_past(tokens[i].text.lower())
        ):
            # the clause's verb in a perfect tense: "the friends [we had invited] invited"
            words = words[:-1]
            while len(words) > 2 and words[-1] in self.stranding.adverbs:
                words = words[:-1]  # "the stray [we had always fed] fed"
        if words[-1] in self.subjects:
            head = words[:-1]  # the pronoun's clause: what stands before it
            if head and head[-1] in self.bare_infinitive:
                return False  # the object of "makes you feel", not a clause's subject
        elif n := self._long_subject(words):
            head = words[:-n]  # "the poet [most young writers admired] admired"
        elif (
            len(words) >= 3
            and words[-2] in self.determiners
            and words[-1] not in self.skip_relative
            # "the other vehicle vehicle hit me": "other" is no noun
            and words[-1] not in self.post_determiners
        ):
            head = words[:-2]  # "the board": a determiner and its noun
        elif (
            len(words) >= 3
            and (words[-2] in self.quantifiers or words[-2] in self.post_determiners)
            and _plural(words[-1])
        ):
            head = words[:-2]  # "the questions [other scientists raised] raised"
        elif (
            len(words) >= 4
            and words[-3] in self.determiners
            # a possessive too: "the speech [the bride's father delivered] delivered"
            and re.sub(r"['’]s$", "", words[-2]).isalpha()
            and words[-2] not in self.skip_relative | self.function_words
            and words[-1].isalpha()
            and words[-1] not in self.skip_relative | self.function_words
        ):
            head = words[:-3]  # "the transcontinental line": a determiner, a word, its noun
        elif len(words) >= 3 and self._name_subject(tokens, i - 2):
            # a name: "the tariffs [Washington set] set off …", "the schedule [Congress
            # set] set off …": the noun phrase before it opened by a determiner
            head = words[:-1]
            return (
                head[-1].isalpha()
                and head[-1] not in self.skip_relative | self.complement
                and any(w in self.determiners for w in head[-NAME_SUBJECT_HEAD - 1 : -1])
            )
        else:
            return False
        if not head or head[-1] in self.skip_relative or not head[-1].isalpha():
            return False
        if head[-1] in self.complement:
            return False  # a verb's clause, no contact clause: "sources say he wants wants"
        if head[-1] in self.stranding.heads:
            return True  # "everyone", "something"
        # "the (approach) shot", "most learners [I know] know …"; after a noun phrase for
        # the subject, a longer head: "the martial arts films [the studio made] made"
        reach = 3 if words[-1] in self.subjects else NAME_SUBJECT_HEAD + 1
        return any(w in self.determiners | self.quantifiers for w in head[-reach:-1])

    def _long_subject(self, words: list[str]) -> int:
        """How many words at the end of ``words`` make a contact clause's longer subject,
        or 0: a quantifier and up to three words ending in a plural ("most allotment
        holders", "most farmers in the valley"), or "everyone" and a place ("everyone in
        the village"). A determiner's longer phrase may end in the clause's verb ("the
        printer [the whole office shares] jams"), so it is left out."""
        if len(words) >= 5 and words[-4] in self.stranding.heads:
            if words[-3] in self.stranded and words[-2] in self.determiners:
                return 4 if words[-1].isalpha() else 0
        for n in (3, 4, 5):
            if len(words) <= n:
                break
            opener, middle = words[-n], words[-n + 1 :]
            if not all(w.isalpha() for w in middle) or middle[-1] in self.skip_relative:
                continue
            if opener in self.quantifiers and _plural(middle[-1]):
                inner = middle[:-1]
                # "most farmers in the valley": a plural, then a place
                if len(inner) == 3 and inner[1] in self.stranded and inner[2] in self.determiners:
                    if _plural(inner[0]):
                        return n
                if not any(w in self.skip_relative | self.function_words for w in middle):
                    return n
        return 0

    def _name_subject(self, tokens: tuple[Token, ...], k: int) -> bool:
        """The word at ``k`` ends a name inside its sentence, of one or two capitalised
        words right after a lower-case word ("Washington", "Mr Okafor"): no sentence
        start, no day or month ("the report Monday said")."""
        text = tokens[k].text
        if not (
            k >= 2
            and text[:1].isupper()
            and text.isalpha()
            and not text.isupper()
            and text.lower() not in self.calendar_words
        ):
            return False
        before = tokens[k - 1].text
        if before.isalpha() and before.islower():
            return True
        return (
            k >= 3
            and before[:1].isupper()
            and before.isalpha()
            and tokens[k - 2].text.isalpha()
            and tokens[k - 2].text.islower()
        )

    def _after_determiner(
        self, before: list[str], between: int, allowed: frozenset[str] | None = None
    ) -> bool:
        """A determiner, then at most ``between`` words of its noun phrase (no function
        word, the last one singular; only ``allowed`` words, if given): the pair is that
        phrase's noun and the verb."""
        for n in range(between + 1):
            if len(before) <= n or not (
                before[-1 - n] in self.determiners
                # a possessive is a determiner: "her uncle's will will"
                or (self.possessive_endings and before[-1 - n].endswith(self.possessive_endings))
            ):
                continue
            middle = before[len(before) - n :]
            if self.before_nouns and not set(middle) <= self.before_nouns:
                continue  # "le ballon entre entre": a noun and its verb already
            if allowed is not None and not set(middle) <= allowed:
                continue
            if all(w.isalpha() and w not in self.skip_relative for w in middle) and not (
                middle and _plural(middle[-1])  # "the results will will": the subject
            ):
                return True
        return False

    def _question_subject(self, tokens: tuple[Token, ...], i: int, word: str) -> bool:
        """A question opened by an auxiliary, whose subject noun (a word before it at
        most) is the verb's homograph: "Does lead lead to …?", "Can wind power power a
        city?"; "Did the minister say say …?" has a subject of its own. The question may
        follow a colon: "The test is simple: does the filter filter out lead?"."""
        words = [t for t in reversed(_clause_before(tokens, i - 1)) if t.is_word]
        if not 1 <= len(words) <= 2 or words[0].text.lower() not in self.stranding.auxiliaries:
            return False
        if word in self.skip_relative or word in self.articles or not word.isalpha():
            return False
        if (
            len(words) == 2
            and words[0].text.lower() in self.base_auxiliaries
            and words[1].text.lower() in self.stranding.determiners
            and word not in self.subjects | self.stranding.heads
            and self._verb_form(word)
        ):
            # an auxiliary that takes the bare verb, and a determiner right before the
            # noun: "Does the filter filter out chlorine?", "Will the coach coach again?"
            # ("Did the minister say say …?" has its noun between)
            return any(t.text == "?" for t in tokens[i:])
        if word in self.subjects or word in self.stranding.heads:
            return False  # the subject said twice: "Has anyone anyone tried …?"
        if any(w.text.lower() in self.skip_relative | self.articles for w in words[1:]):
            return False
        if any(w.text.lower() in self.subjects | self.stranding.heads for w in words[1:]):
            return False  # a pronoun is no homograph of the verb: "Has anybody seen seen …?"
        return any(t.text == "?" for t in tokens[i:])

    def _subject_before(self, clause: list[Token]) -> bool:
        """An article and a noun before the verb (``clause`` read backwards): the verb
        has its subject, so "die die" after it is no pronoun ("Die Regierung will die die
        Steuern senken")."""
        determiners = self.clause_start | self.subject_determiners

        def opened(k: int) -> bool:  # the noun's determiner, maybe before an adjective
            if k < len(clause) and clause[k].text.lower() in determiners:
                return True
            return (
                k + 1 < len(clause)
                and clause[k].text.islower()
                and clause[k].text.endswith(_INFLECTED)
                and clause[k + 1].text.lower() in determiners
            )  # "Die vorliegende Studie untersucht …"

        return any(clause[k].text[:1].isupper() and opened(k + 1) for k in range(len(clause) - 1))

    def _clause_start(self, tokens: tuple[Token, ...], first: int, clause: list[Token]) -> bool:
        """The pair opens a clause: after a comma or dash (", die die", ", in der der"), or
        after a word that opens a clause ("dass das das", "weil die die")."""
        j = first - 1
        while j >= 0 and tokens[j].text.lower() in self.prepositions:
            j -= 1
        if j >= 0 and tokens[j].text in _CLAUSE_MARKS:
            return True
        if first > 0 and tokens[first - 1].text.lower() in self.openers:
            return True
        if first > 0 and tokens[first - 1].text.lower() in self.coordinators:
            # "…, die die Zeitung liest und die die Kinder …": a second relative clause
            return any(
                tokens[k].text in _CLAUSE_MARKS and tokens[k + 1].text.lower() in self.clause_start
                for k in range(first - 1)
            )
        return False

    def _clause_words(self, tokens: tuple[Token, ...], j: int) -> list[str]:
        """The words of the clause from ``j`` to its end: a clause mark or the sentence's
        end, an abbreviation's point and a truncated compound's hyphen read through, and
        a comparison after the clause's verb left out ("dass das das Lesen fördert als …")."""
        words: list[str] = []
        for k in range(j, len(tokens)):
            if tokens[k].text == "." and k + 1 < len(tokens) and _abbreviated(tokens[k - 1].text):
                continue  # "seit dem 1. März", "gemäß Abs. 2": inside the sentence
            if tokens[k].text == "-" and tokens[k].start == tokens[k - 1].end:
                continue  # a compound's first part, its second left out: "UVA- und UVB-"
            if tokens[k].text in _CLAUSE_MARKS or tokens[k].text in ".!?":
                break
            if words and words[-1][:1].islower() and tokens[k].text in self.extraposed:
                break  # a comparison after the verb: "dass das das Lesen fördert als …"
            if tokens[k].is_word:
                words.append(tokens[k].text)
        return words

    def _verb_final(self, tokens: tuple[Token, ...], j: int) -> bool:
        """A subordinate clause ends in its (lower-case) verb: ", in der der Gipfel
        stattfand" is one, ", in der der Nähe von Aveiro." is a slip. Languages without
        clause openers in their pack do not ask."""
        if not self.openers:
            return True
        words = self._clause_words(tokens, j)
        if not words or words[-1][:1].islower():
            return True
        # … or ends in it before a coordinated remnant: "Ob das das Publikum verärgert
        # hat oder nur die Kritik, …"
        cut = next((k for k, w in enumerate(words) if w.lower() in self.coordinators), 0)
        return cut > 1 and words[cut - 1][:1].islower() and words[cut - 1].isalpha()

    def _infinitive_end(self, tokens: tuple[Token, ...], j: int) -> bool:
        """The clause from ``j`` ends in an infinitive marker and its verb ("… zu
        erhöhen.")."""
        words = self._clause_words(tokens, j)
        if len(words) < 2 or words[-2].lower() not in self.infinitive_markers:
            return False
        # … with no infinitive before the marker: "aufhetzen zu wollen" ends a relative
        # clause's verbs, as "aufhetzen wollen" would
        before = words[-3] if len(words) >= 3 else ""
        return not (before.islower() and before.endswith(self.infinitive_endings))

    def _attribute_adjective(self, word: str) -> bool:
        """An inflected adjective that takes a complement of its own: a measure ("breiten"
        of "einen Meter breiten") or a derived one ("zugehörigen", "ratlosen")."""
        for ending in self.adjective_inflections:
            if word.endswith(ending):
                stem = word[: -len(ending)]
                return stem in self.attribute_adjectives or (
                    len(stem) >= 5 and stem.endswith(self.attribute_adjective_suffixes)
                )
        return False

    def _extended_attribute(self, tokens: tuple[Token, ...], j: int) -> bool:
        """An article before an attribute that holds its own noun phrase: "die die
        Regierung stützenden Parteien", "des des Amtes enthobenen Richters"."""
        if not self.attribute_endings:
            return False
        noun_seen = False
        adverbs = 0
        for k in range(j, min(j + ATTRIBUTE_WINDOW, len(tokens) - 1)):
            text = tokens[k].text
            if not tokens[k].is_word:
                return False
            lower = text.lower()
            if lower in self.verb_first or lower in self.finite:
                return False  # a finite verb ends the phrase: "Die die passende Halterung wird"
            if lower in self.coordinators:
                # "die die A1 und die A43 verbindende Straße" joins two nouns of the
                # attribute; "nach dem dem Fall der Mauer und lud später …" is not one phrase
                after = tokens[k + 1].text
                if noun_seen and (after[:1].isupper() or after.lower() in self.clause_start):
                    continue
                return False
            if (
                noun_seen
                and text[:1].isupper()
                and len(text) >= 5
                and lower.endswith(NOMINALISED_PARTICIPLE)
                and not tokens[k + 1].text[:1].isupper()
                # right after the attribute's noun, not after a participle of a name ("den
                # Vereinigten Staaten") nor a number ("bis bis 20 Seiten")
                and tokens[k - 1].text[:1].isupper()
                and not tokens[k - 1].text.lower().endswith(self.attribute_endings)
            ):
                # the attribute's participle made the noun: "des des Betrugs Angeklagten"
                return True
            if text[:1].isupper() and lower in self.subject_determiners:
                continue  # the polite "Ihre": a determiner, its noun still to come
            if text[:1].isupper() or (text.isdigit() and k == j):
                noun_seen = True  # a noun, or a number opening the phrase: "nach 2020 gebauten"
            elif _pronoun_phrase(tokens, k, self.prepositions, self.object_pronouns):
                continue  # a phrase of its own: "den den Alltag bei uns prägenden Werten"
            elif (
                lower in self.attribute_particles
                and noun_seen
                and tokens[k + 1].text[:1].islower()
                and tokens[k + 1].text.lower() not in self.function_words
            ):
                # no phrase of its own, a degree word or the gerundive's "zu": "den den
                # Kunden zu viel berechneten Betrag", "den den Unterlagen zu entnehmenden"
                continue
            elif (
                lower in self.prepositions
                or lower in self.clause_start
                or lower in self.attribute_articles
            ):
                # a new phrase: "der der Präsident am letzten Tag"; an article opens the
                # noun's own complement, whose adjective is its own ("im im Rahmen einer
                # repräsentativen Studie")
                noun_seen = False
            elif (
                noun_seen
                and len(text) >= 5
                and (text.endswith(self.attribute_endings) or self._attribute_adjective(lower))
                and _noun_after(tokens, k + 1, self.function_words)
            ):
                return True
            elif not text[0].isdigit() and not tokens[k + 1].text[:1].isupper():
                # "die die Regierung massiv kritisierenden Medien"; an adjective before its
                # noun is the attribute's own phrase: "den den ganzen Abend blass wirkenden"
                adverbs += 1
                if adverbs > 1:
                    return False
        return False


def _mentioned(word: str, nxt: str, grammar: DoubleGrammar) -> bool:
    """``word`` is a noun that names words ("the word shall shall"), or its plural before a
    list of them ("les mots et et ou"; "our terms are are strict" is a slip)."""
    nouns = grammar.mention_nouns
    return word in nouns or (
        nxt in grammar.coordinators
        and any(word.endswith(end) and word[: -len(end)] in nouns for end in ("s", "x", "e", "es"))
    )


def _infinitive_after(tokens: tuple[Token, ...], j: int, markers: frozenset[str]) -> str:
    """The verb after an infinitive marker later in the clause from ``j`` ("bitten" of
    "… um Schutz zu bitten"), or ""; not a marker right at ``j`` ("um um zu helfen")."""
    for k in range(j + 1, len(tokens) - 1):
        if tokens[k].text in _CLAUSE_MARKS or tokens[k].text in ".!?":
            return ""
        if tokens[k].text.lower() in markers and tokens[k + 1].is_word:
            return tokens[k + 1].text.lower()
        word = tokens[k].text.lower()
        for marker in markers:
            # the marker inside a separable verb: "abzuholen" (ab-zu-holen)
            at = word.find(marker, 2)
            if word.isalpha() and at > 0 and word.endswith("en") and len(word) - at > 4:
                return word[:at] + word[at + len(marker) :]
    return ""


def _noun_after(tokens: tuple[Token, ...], j: int, function: frozenset[str]) -> bool:
    """A capitalised noun at ``j``, or after one or two inflected adjectives (no article or
    other function word): an extended attribute closes before its noun ("eine eine Woche
    dauernde orale Antibiose"; "ein ein Sprecher … bestätigte die Verspätungen" is none)."""
    for k in range(j, min(j + 3, len(tokens))):
        text = tokens[k].text
        if text[:1].isupper():
            return True
        if not (text.isalpha() and text.islower() and text.endswith(_INFLECTED)):
            return False
        if text in function:
            return False
    return False


def _city_named(word: str) -> bool:
    """A capitalised word that names a city: "de de Bordeaux" is a slip, where "de de
    Gaulle" writes a name's particle. A town is as often a family name ("de Vigan"):
    only a city of 50 000 people or more counts."""
    return word[:1].isupper() and population(word) >= CITY_POPULATION


def _pronoun_phrase(
    tokens: tuple[Token, ...], k: int, prepositions: frozenset[str], pronouns: frozenset[str]
) -> bool:
    """tokens[k] is a preposition before an object pronoun, or that pronoun: "bei uns"."""
    here = tokens[k].text.lower()
    after = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
    before = tokens[k - 1].text.lower() if k >= 1 else ""
    return (here in prepositions and after in pronouns) or (
        here in pronouns and before in prepositions
    )


_GLUED_RE = re.compile("[-'’]")  # what _repeated_part reads a word's end after


def _repeated_part(first: str, second: str, grammar: DoubleGrammar) -> tuple[str, bool]:
    """The end of ``first`` that ``second`` repeats, and whether a hyphen joins it: a
    subject pronoun after an inverted verb ("Pourriez-vous vous"), or an elided word's
    function word ("qu'il il"); ("", False) otherwise."""
    glued = first.rpartition("-")[2]
    if glued != first and glued.lower() == second.lower() and glued.lower() in grammar.personal:
        return glued, True
    return _elided_double(first, second, grammar), False


def _elided_double(first: str, second: str, grammar: DoubleGrammar) -> str:
    """The part of an elided word that the next word repeats, when it is a function word:
    "jusqu'au au", "qu'il il" (an elided article makes a noun, and a noun before its
    verb is French: "l'offre offre", "l'Est est"); "" otherwise."""
    cut = max(first.rfind("'"), first.rfind("’"))
    if cut <= 0:
        return ""
    rest = first[cut + 1 :]
    if rest.lower() != second.lower() or rest.lower() not in grammar.skip_relative:
        return ""
    return rest


def _elided_word(text: str) -> str:
    """The elided word glued to the front of ``text``, without its apostrophe ("d'origine"
    -> "d", "n'est" -> "n"); the text itself where there is none."""
    cut = elision(text)
    return text[: cut - 1] if cut else text


def _abbreviated(text: str) -> bool:
    """A word a dot may follow inside a sentence: a number ("1.") or a short
    abbreviation ("Abs.", "Nr.", "z.")."""
    return text.isdigit() or (text.isalpha() and len(text) <= 4)


def _counted_twice(tokens: tuple[Token, ...], i: int) -> bool:
    """A number written twice before what it counts: "für 24 24 Stunden", "150 150
    euros". Not in a run of digit groups ("021 644 44 44") nor before another number or
    the end ("Sätze 6 6" in a table)."""
    if i >= 2 and tokens[i - 2].text[:1].isdigit():
        return False
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return after[:1].isalpha() or after[:1] in "%€$£°"


def _quoted(tokens: tuple[Token, ...], i: int) -> bool:
    """The pair is all, or nearly all, a short quotation holds: "the the" between
    quotation marks, or an example of a word or two more ("as in 'a salad salad'")."""
    for before in range(2, 2 + QUOTED_EXTRA + 1):
        for after in range(1, 1 + QUOTED_EXTRA + 1 - (before - 2)):
            if i - before < 0 or i + after >= len(tokens):
                continue
            inner = tokens[i - before + 1 : i - 1] + tokens[i + 1 : i + after]
            if (
                _is_quote(tokens[i - before].text)
                and _is_quote(tokens[i + after].text)
                and all(t.is_word for t in inner)
            ):
                return True
    return False


def _is_quote(text: str) -> bool:
    return len(text) == 1 and (text in "\"'„‚" or unicodedata.category(text) in ("Pi", "Pf"))


@lru_cache(maxsize=4096)
def _gradable(word: str, suffixes: tuple[str, ...], lang: str) -> bool:
    """Every comparison form of ``word`` is a known word (Zipf >= 2): cold -> colder,
    coldest; hot -> hotter; wise -> wiser; happy -> happier. "in" (inner, no "innest")
    and "drink" (drinker) are not gradable."""
    stems = {word, word + word[-1]}
    if word.endswith("e"):
        stems.add(word[:-1])
    if word.endswith("y"):
        stems.add(word[:-1] + "i")
    return all(any(zipf(stem + s, lang) >= 2.0 for stem in stems) for s in suffixes)


def _stems(stem: str) -> tuple[str, ...]:
    """A present's stem and the infinitive's, where the last vowel changes between
    them: "règl" (règle) -> "régl" (régler), "lèv" (lève) -> "lev" (lever)."""
    at = stem.rfind("è")
    if at < 0:
        return (stem,)
    return (stem, stem[:at] + "é" + stem[at + 1 :], stem[:at] + "e" + stem[at + 1 :])


def _sets(pack: LangPack, **fields: str) -> dict[str, frozenset[str]]:
    """Lower-cased word sets of the pack's ``[repetition]`` section, by field name."""
    return {field: pack.lower_set("repetition", key) for field, key in fields.items()}


def _word_map(section: dict[str, object], key: str) -> dict[str, frozenset[str]]:
    """A pack table of word -> words, lower-cased: ``is = ["what", "all"]``."""
    table = section.get(key, {})
    assert isinstance(table, dict)
    return {w.lower(): frozenset(x.lower() for x in words) for w, words in table.items()}


def _plural(word: str) -> bool:
    """An English-looking plural: "results", "officials" (not "glass", "bus")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _forms_map(
    section: dict[str, object], key: str, y_forms: bool = False
) -> dict[str, frozenset[str]]:
    """A pack table of word -> verbs, each verb with its regular forms ("check in":
    check, checks, checked, checking) and the irregular ones the pack lists ("took")."""
    table = section.get(key, {})
    irregular = section.get("irregular_forms", {})
    assert isinstance(table, dict) and isinstance(irregular, dict)
    return {
        word.lower(): frozenset(
            f
            for v in verbs
            for f in (
                *_verb_forms(v.lower(), y_forms),
                *(x.lower() for x in irregular.get(v.lower(), ())),
            )
        )
        for word, verbs in table.items()
    }


def _derived(word: str, ending: str, lang: str) -> bool:
    """``word`` is a frequent word with ``ending`` added ("smoking", "sharply"; "spring",
    "family" are words of their own): its stem, maybe with a final "e", a doubled
    consonant or a "y" given back, is a word."""
    if not word.endswith(ending) or len(word) - len(ending) < 3:
        return False
    stem = word[: -len(ending)]
    stems = {stem, stem + "e"}
    if len(stem) > 3 and stem[-1] == stem[-2]:
        stems.add(stem[:-1])  # "running"
    if stem.endswith("i"):
        stems.add(stem[:-1] + "y")  # "happily"
    return any(zipf(s, lang) >= DERIVED_STEM for s in stems)


def _amount_sign(text: str) -> bool:
    """A currency sign or a percent sign: part of an amount."""
    return len(text) == 1 and (unicodedata.category(text) == "Sc" or text == "%")


def _name_follows(
    tokens: tuple[Token, ...], j: int, nouns: bool, lang: str, endings: tuple[str, ...] = ()
) -> bool:
    """A capitalised word follows, after at most two short particles ("der", "van den");
    where nouns are capitalised, one rare as a word or known in English too: names travel
    ("von von der Leyen"; "von von der Bürgermeisterin" is a slip), and no compound of
    words ("Mikroplastik")."""
    for k in range(j, min(j + 3, len(tokens))):
        text = tokens[k].text
        if text[:1].isupper():
            if k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and tokens[k + 1].is_word:
                return False  # a first name and a surname: "de de Martin Scorsese" is a slip
            if nouns and compound_of_words(text, lang) and not text.endswith(endings):
                # a compound of words is a noun ("frei von von Mikroplastik"), unless it
                # ends as family and place names do ("von von Hirschhausen")
                return False
            return (
                not nouns
                or _rare(text, lang)
                # a name English writes too, no everyday noun ("zu zu Fisch" is a slip)
                or (
                    zipf(text.lower(), "en") >= TRAVELLING_NAME
                    and zipf(text.lower(), lang) < EVERYDAY_NOUN
                )
            )
        if not (text.isalpha() and text.islower() and len(text) <= 3):
            return False
    return False


@lru_cache(maxsize=32)
def _grammar(pack: LangPack) -> DoubleGrammar:
    return DoubleGrammar.of(pack)


def _verb_forms(verb: str, y_forms: bool = False) -> tuple[str, ...]:
    """Regular English forms of a verb: hand, hands, handed, handing (stop: stopped);
    with ``y_forms`` also carry: carries, carried (for particles: "carried out out of
    caution"; a prepositional verb's "-ied" form is as often an adjective, "is worried
    about about the exam")."""
    stem = verb[:-1] if verb.endswith("e") else verb
    doubled = verb + verb[-1] if len(verb) <= 4 and verb[-1] not in "aeiouwy" else verb
    forms: tuple[str, ...] = (
        verb,
        verb + "s",
        verb + "es",
        stem + "ed",
        stem + "ing",
        doubled + "ed",
        doubled + "ing",
        verb + "d",
    )
    if y_forms and len(verb) > 2 and verb.endswith("y") and verb[-2] not in "aeiou":
        forms += (verb[:-1] + "ies", verb[:-1] + "ied")
    return forms


def _clause_before(tokens: tuple[Token, ...], first: int) -> list[Token]:
    """The tokens of the clause before index ``first``, back to the last clause mark."""
    out: list[Token] = []
    for k in range(first - 1, -1, -1):
        if tokens[k].text in _CLAUSE_MARKS:
            break
        out.append(tokens[k])
    return out


@check(
    code="FL002",
    name="doubled-word",
    category=Category.FLUENCY,
    severity=Severity.MINOR,
)
def doubled_word(doc: Document, ctx: Context) -> Iterator[Finding]:
    """The same word appears twice in a row, separated only by spaces.

    What it finds:
    "der der größte", "the the", "le le" inside one sentence. The language
    pack says which doubles its grammar makes: always ("had had", "nous
    nous"), where a clause starts (German der/die/das after a comma, a
    preposition after a comma or a clause-opening word: "die Frau, die die
    Zeitung liest", "die Stadt, in der der Gipfel stattfand", "dass das das
    Ende ist"), before an extended attribute that holds its own noun ("die die
    Regierung stützenden Parteien"), before a name after a particle ("de de
    Gaulle"), or after a given word in the clause ("what it is is").
    Capitalised doubles of rare words mid-sentence are names ("Bora Bora"), and
    runs of three or more short words are interjections ("la la la").

    Why it matters:
    Doubled words come from machine translation of repeated source tokens and
    from careless post-editing; spell checkers accept each word on its own.

    Example:
    "Die USA sind der der größte Geldgeber." -> "Die USA sind der größte Geldgeber."
    """
    grammar = _grammar(ctx.pack)
    text = doc.text
    for sentence in doc.sentences:
        tokens = sentence.tokens
        for i in range(1, len(tokens)):
            first, second = tokens[i - 1], tokens[i]
            if not (first.is_word and second.is_word):
                continue
            if first.text.lower() != second.text.lower():
                # the end of an elided or hyphenated word said again: "qu'il il",
                # "Pourriez-vous vous m'envoyer" ("Voulez-vous vous inscrire ?" is reflexive)
                if not _GLUED_RE.search(first.text):
                    continue  # (most pairs: no hyphen, no apostrophe, nothing glued)
                part, hyphen = _repeated_part(first.text, second.text, grammar)
                if part and _GAP_RE.fullmatch(text[first.end : second.start]):
                    fine = (
                        grammar.grammatical(tokens, i)
                        if hyphen
                        else grammar.elided_grammatical(tokens, i, part.lower())
                    )
                    if not fine:
                        yield ctx.finding(
                            first.end - len(part),
                            second.end,
                            f"word repeated: {second.text!r}",
                            suggestion=part,
                        )
                continue
            if not _GAP_RE.fullmatch(text[first.end : second.start]):
                continue
            if text[second.end : second.end + 1] == "-" and i + 1 < len(tokens):
                # the second is a truncated compound's first part: "ein ein- bis zweimaliges"
                if tokens[i + 1].start == second.end and not tokens[i + 1].is_word:
                    continue
            if first.text[0].isdigit():
                if _counted_twice(tokens, i):
                    yield ctx.finding(
                        first.start,
                        second.end,
                        f"number repeated: {first.text!r}",
                        suggestion=first.text,
                    )
                continue
            if _in_run(tokens, i):
                continue  # "la la la", "ha ha ha"
            if grammar.grammatical(tokens, i):
                continue
            if first.text.lower() not in grammar.subjects and _name_like(
                first.text, second.text, tokens, i, doc.lang, grammar
            ):
                continue  # a reduplicated name: "Bora Bora", "Duran Duran"
            if i == 1 and zipf(first.text.lower(), doc.lang) < COMMON_AT_START:
                continue  # "Heile heile Gänschen": a rhyme; slips at a start are "Der der"
            yield ctx.finding(
                first.start,
                second.end,
                f"word repeated: {first.text!r}",
                suggestion=first.text,
            )


def _reduplicated(word: str, lang: str, verb_slot: bool = False) -> bool:
    """A short lower-case word said twice as a reduplication: a rare one ("mahi mahi",
    "ylang ylang"; where nouns are capitalised, a rare lower-case double is not a noun), or
    a sound no dictionary of the language nor of English holds ("wau wau", "miam miam";
    "app app" is English), or one short rare syllable where no verb stands ("a shrill
    toot toot"; "makes you itch itch" is a verb said twice: ``verb_slot``). A longer one
    is an inflected form ("reprendront reprendront")."""
    if len(word) > REDUPLICATED_LETTERS:
        return False
    here = zipf(word, lang)
    if (
        not verb_slot
        and len(word) <= SOUND_LETTERS
        and here < SOUND_SYLLABLE
        and not word.endswith("s")
        and len(_VOWEL_GROUP_RE.findall(word)) == 1
    ):
        return True  # one short rare syllable, a sound: "beep beep", "toot toot"
    # a rare word of the language's dictionary said twice is a slip ("alluma alluma")
    return (
        here < RARE_REDUPLICATION and not (len(word) >= INFLECTED_LETTERS and known(word, lang))
    ) or (here < SOUND_WORD and not known(word, lang) and not known(word, "en"))


_VOWEL_GROUP_RE = re.compile(r"[aeiouyäöüàâéèêëîïôûù]+")
SOUND_LETTERS = 4  # a sound said twice is one short syllable …
INFLECTED_LETTERS = 6  # … and a dictionary word this long, an inflected form ("courut")
SOUND_SYLLABLE = 3.7  # … and rare as a word ("beep" 3.5, "woof" 3.1; "damp" 3.6 too: a cost)


def _name_like(
    first: str, second: str, tokens: tuple[Token, ...], i: int, lang: str, grammar: DoubleGrammar
) -> bool:
    """A double that is a name: both words capitalised ("Wagga Wagga", "Talk Talk"), or a
    capitalised double mid-sentence. Where the language capitalises nouns (German), only
    short words that are rare as words are names: "Hilfe Hilfe" and
    "Stahlkonzernen Stahlkonzernen" are slips."""
    capitals = sum(c.isupper() for c in first)
    if len(first) >= 2 and first.isalpha() and capitals >= 2 and 2 * capitals >= len(first):
        return False  # an acronym said twice: "le TGV TGV 6123", "nach TVöD TVöD"
    if not first[:1].isupper():
        prev = tokens[i - 2].text.lower() if i >= 2 else ""
        verb_slot = prev in (
            grammar.subjects | grammar.object_pronouns | grammar.finite | grammar.infinitive_markers
        )
        return _reduplicated(first.lower(), lang, verb_slot)

    sentence_start = all(not t.is_word for t in tokens[: i - 1])
    if grammar.nouns_capitalised:
        if _english_name(first, second, tokens, i, lang, grammar):
            return True
        before = tokens[i - 2].text.lower() if i >= 2 else ""
        if before in grammar.clause_start | grammar.attribute_articles:
            return False  # after an article a noun: "des Moduls Moduls B2" is a slip
        if not sentence_start and not known(first.lower(), lang) and len(first) <= 7:
            return True  # no word of the language, said twice: "La La Land", "Bora Bora"
        return not sentence_start and len(first) <= 7 and zipf(first.lower(), lang) < 3.5
    return second[:1].isupper() or not sentence_start


def _english_name(
    first: str, second: str, tokens: tuple[Token, ...], i: int, lang: str, grammar: DoubleGrammar
) -> bool:
    """Where nouns are capitalised, an English word said twice, both capitalised and not
    after an article, is a name or a title: "von Talk Talk", "„Ice Ice Baby“", "das
    Gefängnis Sing Sing"; "die Show Show" is a German noun's slip."""
    if lang == "en" or not second[:1].isupper():
        return False
    word = first.lower()
    if zipf(word, "en") - zipf(word, lang) < ENGLISH_MARGIN:
        return False
    prev = tokens[i - 2].text.lower() if i >= 2 else ""
    return prev not in grammar.clause_start and prev not in grammar.attribute_articles


def _in_run(tokens: tuple[Token, ...], i: int) -> bool:
    """Three or more of one word in a row: an interjection ("la la la") or a word game
    ("Buffalo buffalo Buffalo buffalo"), not a slip, which doubles a word once."""
    word = tokens[i].text.lower()
    before = i >= 2 and tokens[i - 2].text.lower() == word
    after = i + 1 < len(tokens) and tokens[i + 1].text.lower() == word
    return before or after
