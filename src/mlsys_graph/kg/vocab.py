"""The mlsys-graph ontology as an rdflib namespace, and the other namespaces the graph uses.

Generated from ontology/mlsys.ttl by tools/gen_vocab.py: do not edit by hand. After changing
the ontology run ``python tools/gen_vocab.py`` (a test fails while the two differ).

``MLS`` only knows the terms the ontology declares, so a typo fails instead of minting a new IRI:

>>> MLS.Paper
rdflib.term.URIRef('https://w3id.org/mlsys-graph/ontology#Paper')
>>> MLS.papr
Traceback (most recent call last):
...
AttributeError: term 'papr' not in namespace 'https://w3id.org/mlsys-graph/ontology#'
"""

from rdflib import URIRef
from rdflib import namespace as _rdflib_namespace
from rdflib.namespace import (
    DCTERMS,
    DOAP,
    FOAF,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    Namespace,
)

__all__ = [
    "BIBO",
    "CITO",
    "DCTERMS",
    "DOAP",
    "FABIO",
    "FOAF",
    "MLS",
    "MLSH",
    "MLSID",
    "ONTOLOGY_IRI",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
]

#: schema.org, with the ``http:`` namespace IRI that the ontology aligns with (rdflib's ``SDO``
#: uses ``https:``).
SCHEMA = Namespace("http://schema.org/")
#: CiTO, the Citation Typing Ontology (``cito:extends``, ``cito:usesMethodIn``).
CITO = Namespace("http://purl.org/spar/cito/")
#: FaBiO, the FRBR-aligned Bibliographic Ontology (``fabio:ResearchPaper``).
FABIO = Namespace("http://purl.org/spar/fabio/")
#: The Bibliographic Ontology (``bibo:doi``).
BIBO = Namespace("http://purl.org/ontology/bibo/")
#: The SHACL shapes of ``ontology/shapes.ttl``.
MLSH = Namespace("https://w3id.org/mlsys-graph/shapes#")
#: Where the graph's own nodes live (``MLSID["paper/crankshaw2017-clipper"]``).
MLSID = Namespace("https://w3id.org/mlsys-graph/id/")
#: The IRI of the ontology itself.
ONTOLOGY_IRI = URIRef("https://w3id.org/mlsys-graph/ontology")

# DCTERMS, DOAP, FOAF, OWL, PROV, RDF, RDFS and SKOS are rdflib's own namespaces, re-exported
# so that the graph's code can import every namespace from here. rdflib's XSD is not: unlike
# the others it warns (instead of failing) on unknown names, which pytest's collection
# triggers; import it from rdflib.


# The base class is reached through its module: a DefinedNamespace class at module level warns
# when pytest's fixture collection probes it.
class MLS(_rdflib_namespace.DefinedNamespace):
    """The mlsys-graph ontology (``mls:``), version 0.1.0.

    Generated from ontology/mlsys.ttl by tools/gen_vocab.py.
    """

    _NS = Namespace("https://w3id.org/mlsys-graph/ontology#")
    _fail = True

    # Classes
    #: Authorship: The qualified form of mls:author (a PROV attribution): which person (mls:person),
    #: at which position in the author line (mls:position) and as the list writes the name
    #: (mls:nameAsWritten).
    Authorship: URIRef
    #: Blog post: A blog post or article (Medium, a personal blog, Zhihu, ...) listed as an entry.
    Blog: URIRef
    #: Book: A book listed as an entry.
    Book: URIRef
    #: Conference: A conference series (OSDI, NSDI, SysML/MLSys, ...).
    Conference: URIRef
    #: Course: A university course (its page or materials) listed as an entry.
    Course: URIRef
    #: Curation file: A curated Turtle or TOML file of the project's data/ folder that facts come
    #: from (mls:curatedIn).
    CurationFile: URIRef
    #: Entry: One item of a curated list: a bullet with its title, links and nested lines. Abstract:
    #: every entry is typed with exactly one of its concrete subclasses (Paper, Thesis, Book, Video,
    #: Course, Blog, Website, SoftwareProject, OtherResource).
    Entry: URIRef
    #: Journal: A journal (PVLDB, JMLR, ...).
    Journal: URIRef
    #: Lineage claim: A reified lineage relation between two entries (mls:claimSubject
    #: mls:claimRelation mls:claimObject, the relation being mls:extends, mls:buildsOn or mls:uses)
    #: with its evidence (mls:evidence), how strong it is (mls:strength: stated, inferred or
    #: curated), the phrase that matched (mls:matchedPhrase) and the rule that produced it
    #: (mls:derivedBy).
    LineageClaim: URIRef
    #: Link: One markdown link of an entry: its label as written (mls:linkLabel, outer brackets
    #: removed), its URL exactly as written (mls:url, the empty string for an empty link) and its
    #: position among the entry's links (mls:position).
    Link: URIRef
    #: Organization: An organisation an author line names (a university, a lab, a company: "UC
    #: Berkeley", "Google Brain", "Alibaba Inc"): the affiliation of an entry
    #: (mls:sourceOrganization) or of one author of it (mls:affiliation on the mls:Authorship).
    #: Never a person; one node per name as written, after folding case and punctuation.
    Organization: URIRef
    #: Other resource: An entry of no other kind (advice pages, slides, anything without a clearer
    #: kind).
    OtherResource: URIRef
    #: Paper: A research paper listed as an entry: a conference, workshop or journal article, or a
    #: preprint.
    Paper: URIRef
    #: Person: A person resolved from the author lines of one or more entries (an author, a speaker,
    #: an instructor). 'et al.' is never a person: see mls:authorsTruncated.
    Person: URIRef
    #: Preprint (unnamed server): The venue of papers whose text only says 'preprint' without naming
    #: a server.
    PreprintCategory: URIRef
    #: Preprint server: A named preprint server (arXiv, ...).
    PreprintServer: URIRef
    #: Repository: A source-code repository on GitHub, identified by owner/name (mls:githubSlug).
    Repository: URIRef
    #: Rule: A named extraction or resolution rule of mlsys-graph (author-line, lineage-phrase,
    #: ...): the PROV plan that facts were derived by.
    Rule: URIRef
    #: Software project: A software project listed as an entry (a tool, a library, a 'project with
    #: code'). The entry is the list's item; its code is an mls:Repository (mls:codeRepository) and
    #: the named artifact an mls:System (mls:describes).
    SoftwareProject: URIRef
    #: Source document: The identity of a list file: the repository it lives in (mls:repositoryUrl),
    #: the version or commit (mls:version), its path inside that repository (mls:filePath), its
    #: licence (dcterms:license) and attribution (mls:attribution). Never a path of the machine that
    #: ran the build.
    SourceDocument: URIRef
    #: Source record: One occurrence of an entry in a source document: first and last line
    #: (mls:line, mls:endLine, 1-based, inclusive), the enclosing section and subsection headings,
    #: and the raw first source line (mls:sourceText).
    SourceRecord: URIRef
    #: System: A named software artifact (Clipper, TVM, Ray): papers and other entries describe it
    #: (mls:describes) and repositories implement it (mls:implements). One node per system, however
    #: many entries mention it.
    System: URIRef
    #: Thesis: A doctoral or master's thesis listed as an entry. Not a kind of mls:Paper: lists file
    #: theses as a kind of their own.
    Thesis: URIRef
    #: Topic: A research area, from the list's section headings (Model Serving, Machine Learning
    #: Compiler, ...).
    Topic: URIRef
    #: Topic scheme: A SKOS concept scheme that holds the topics (skos:inScheme).
    TopicScheme: URIRef
    #: Venue: Where papers appear: a conference, journal, workshop or preprint server, as the
    #: recurring series (NSDI), not one edition (NSDI 2017): the edition is the paper's mls:year.
    #: Modelled as a schema:CreativeWorkSeries so that mls:publishedIn is a schema:isPartOf. A venue
    #: of unknown kind is typed mls:Venue only.
    Venue: URIRef
    #: Video: A recorded talk, lecture or playlist listed as an entry.
    Video: URIRef
    #: Website: A website (a project site, a model zoo, a product page) listed as an entry.
    Website: URIRef
    #: Workshop: A workshop series, usually held with a conference (the NeurIPS Systems for ML
    #: workshop, ...).
    Workshop: URIRef

    # Object properties
    #: affiliation: The organisation the author line gives for one author of this entry ("Ada Quill
    #: (MIT CSAIL)"): an affiliation at the time of the entry, so it is said of the mls:Authorship,
    #: not of the person.
    affiliation: URIRef
    #: applies to: Where a curated fix holds (data/people.ttl): a list (its mls:SourceDocument IRI,
    #: source/LIST-ID) or a paper (https://arxiv.org/abs/ID, https://doi.org/DOI). An alias holds
    #: only for authors written there.
    appliesTo: URIRef
    #: author: A person who wrote (or spoke, or taught) the entry. Unordered shortcut of
    #: mls:authorship/mls:person: order and spelling live in the mls:Authorship.
    author: URIRef
    #: authorship: The qualified authorship of one author of the entry (one per name in the author
    #: line).
    authorship: URIRef
    #: builds on: Lineage: the subject is built on (or based on) the object, a dependency and not an
    #: earlier version ("built on top of Ray", "based on TVM"). Between two papers (or theses) the
    #: builder also writes cito:usesMethodIn, otherwise prov:wasDerivedFrom.
    buildsOn: URIRef
    #: claim object: The object of a lineage claim (the earlier, or used, entry).
    claimObject: URIRef
    #: claim relation: The lineage property a claim asserts: mls:extends, mls:buildsOn or mls:uses.
    claimRelation: URIRef
    #: claim subject: The subject of a lineage claim (the later, or using, entry).
    claimSubject: URIRef
    #: code repository: A repository holding the code of the entry (from its GitHub links).
    codeRepository: URIRef
    #: curated in: The curation file a node's curated facts come from (a venue alias, a person merge
    #: or separation, a lineage claim).
    curatedIn: URIRef
    #: derived by: The rule that produced a node or its facts: an entry, an authorship, a person, a
    #: repository, a system, a topic or a lineage claim. A shortcut for the PROV chain
    #: prov:wasGeneratedBy / prov:qualifiedAssociation / prov:hadPlan (the rule is a prov:Plan, not
    #: an activity), so it is deliberately not a sub-property of prov:wasGeneratedBy, whose range is
    #: prov:Activity.
    derivedBy: URIRef
    #: describes: The system an entry is about (the Clipper paper describes the Clipper system).
    describes: URIRef
    #: evidence: What a lineage claim rests on: the source record whose text states it, or the
    #: curation file that asserts it.
    evidence: URIRef
    #: extends: Lineage: the subject is a later version or the successor of the object ("update
    #: version of", "successor of", "extends", "follow-up to"): InferLine extends Clipper. Between
    #: two papers (or theses) the builder also writes cito:extends, otherwise prov:wasRevisionOf.
    extends: URIRef
    #: implements: The system whose code a repository holds.
    implements: URIRef
    #: in document: The source document a source record was read from.
    inDocument: URIRef
    #: link: One markdown link of the entry, in list order (see mls:position).
    link: URIRef
    #: parent entry: The enclosing entry of a nested entry (a paper listed under its project's
    #: bullet).
    parentEntry: URIRef
    #: person: The person an authorship attributes the entry to.
    person: URIRef
    #: published in: The venue (series) a paper or thesis appeared in; the edition is given by
    #: mls:year.
    publishedIn: URIRef
    #: source organization: An organisation the entry's author line names: the entry was written at
    #: or for it.
    sourceOrganization: URIRef
    #: source record: An occurrence of the entry in a source document (every entry has at least
    #: one).
    sourceRecord: URIRef
    #: uses: Lineage: the subject uses the object ("using X", "uses X"), a dependency weaker than
    #: mls:buildsOn. Between two papers (or theses) the builder also writes cito:usesMethodIn,
    #: otherwise prov:wasDerivedFrom.
    uses: URIRef

    # Datatype properties
    #: acronym: The canonical short name of a venue ('NSDI', 'arXiv').
    acronym: URIRef
    #: arXiv identifier: The arXiv identifier of an entry, without the 'arXiv:' prefix: 1811.06965
    #: or cs/0112017, optionally with a version (v2).
    arxivId: URIRef
    #: attribution: The credit line the source document's licence asks for.
    attribution: URIRef
    #: authors truncated: True when the list cuts the author line short ('et al.', 'and so on'): the
    #: authors given are not all of them.
    authorsTruncated: URIRef
    #: end line: The 1-based last line (inclusive) of a source record; never before mls:line.
    endLine: URIRef
    #: file path: A relative, '/'-separated file path: for a source document, its path inside the
    #: list's repository ('README.md'); for a curation file, its path inside the mlsys-graph
    #: repository ('data/venues.toml'). Never absolute, never a path of the machine that ran the
    #: build.
    filePath: URIRef
    #: full name: The full name of a venue ('USENIX Symposium on Networked Systems Design and
    #: Implementation').
    fullName: URIRef
    #: GitHub slug: The owner/name of a GitHub repository ('ucbrise/clipper'); the repository's IRI
    #: ends with it.
    githubSlug: URIRef
    #: heading text: A section heading text of the lists that maps to a topic (compared after case
    #: and punctuation folding); curated in data/topics.ttl.
    headingText: URIRef
    #: line: The 1-based first line of a source record.
    line: URIRef
    #: link label: The text of a link, one pair of outer brackets removed ('Paper', 'GitHub').
    linkLabel: URIRef
    #: matched phrase: The phrase of the evidence text that a lineage rule matched ('update version
    #: of').
    matchedPhrase: URIRef
    #: name as written: The author's name exactly as the author line writes it ('Crankshaw,
    #: Daniel').
    nameAsWritten: URIRef
    #: name variant: Another spelling of a person's name found in the lists ('Chen Tianqi' for
    #: Tianqi Chen).
    nameVariant: URIRef
    #: position: 1-based position of an authorship in the author line, or of a link among the
    #: entry's links.
    position: URIRef
    #: reason: Why a curated fact holds, in words (on anything curated: a merge, a separation, a
    #: claim, a correction).
    reason: URIRef
    #: repository URL: The URL of the repository a source document lives in.
    repositoryUrl: URIRef
    #: section: The enclosing section heading of a source record, as written: its '##' heading in
    #: most lists, the level the list uses for sections otherwise.
    section: URIRef
    #: short name: The short system or project name of an entry or system (Clipper, FBGEMM).
    shortName: URIRef
    #: source text: The raw first source line of a source record, exactly as in the document.
    sourceText: URIRef
    #: strength: How a lineage claim is known: "stated" (the list's text says it), "inferred" (a
    #: rule concluded it from weaker evidence) or "curated" (a curation file asserts it).
    strength: URIRef
    #: subsection: The enclosing subsection heading of a source record, as written: its '###'
    #: heading in most lists, the next level below the sections otherwise.
    subsection: URIRef
    #: summary: The list's summary of an entry (its 'Summary:' text, or its description lines).
    summary: URIRef
    #: unsafe URL: The destination of a link whose scheme is not http, https or mailto (javascript:,
    #: data:, vbscript:, file:, ...), exactly as written: a plain string kept for provenance, never
    #: a link. Such a link has no mls:url; the list's problem report names it (unsafe-url).
    unsafeUrl: URIRef
    #: URL: The destination of a link exactly as written; the empty string ""^^xsd:anyURI for an
    #: empty link. Only http, https, mailto and relative URLs: a link with any other scheme has
    #: mls:unsafeUrl instead.
    url: URIRef
    #: venue as written: The venue text of a paper or thesis exactly as the list writes it ('NSDI
    #: 2017', 'Preprint').
    venueAsWritten: URIRef
    #: version: The commit or version of the source document's repository that was read.
    version: URIRef
    #: year: The publication year of a paper or thesis, as the list states it (1950 to 2100).
    year: URIRef
