"""Invented article pairs (not the seeds) for the aligner and the accuracy checks.

Each article is a list of sentences; ``join`` builds the text with paragraph
breaks every few sentences. Variants drop, add, reorder and change sentences.
"""

from __future__ import annotations

EN_TRAM = [
    "The city council of Lindenfeld approved a new tram line on Tuesday.",
    "The line will connect the main station with the university hospital in the north.",
    "Construction is scheduled to begin in March 2025 and should take about three years.",
    "The project will cost 412 million euros, of which the federal government pays 60 percent.",
    "Mayor Petra Hollmann called the decision a turning point for public transport in the region.",
    "Opponents argue that the money would be better spent on repairing existing roads.",
    "A citizens' initiative collected more than 8,000 signatures against the plan last year.",
    "The council rejected their request for a referendum by a narrow margin.",
    "Trams are expected to run every ten minutes during the day.",
    "At night, the service will be reduced to one tram every half hour.",
    "The transport company plans to buy 24 new low-floor vehicles for the line.",
    "Local shop owners fear that the construction work will keep customers away for months.",
    "The city has promised compensation for businesses that lose more than a fifth of their turnover.",
    "A final decision on the exact route through the old town is expected in the autumn.",
]

DE_TRAM = [
    "Der Stadtrat von Lindenfeld hat am Dienstag eine neue Straßenbahnlinie genehmigt.",
    "Die Linie soll den Hauptbahnhof mit dem Universitätsklinikum im Norden verbinden.",
    "Der Bau soll im März 2025 beginnen und etwa drei Jahre dauern.",
    "Das Projekt wird 412 Millionen Euro kosten, wovon der Bund 60 Prozent übernimmt.",
    "Oberbürgermeisterin Petra Hollmann nannte die Entscheidung einen Wendepunkt für den Nahverkehr in der Region.",
    "Gegner argumentieren, das Geld wäre besser in die Sanierung bestehender Straßen investiert.",
    "Eine Bürgerinitiative hatte im vergangenen Jahr mehr als 8.000 Unterschriften gegen den Plan gesammelt.",
    "Der Rat lehnte ihren Antrag auf einen Bürgerentscheid mit knapper Mehrheit ab.",
    "Tagsüber sollen die Bahnen alle zehn Minuten fahren.",
    "Nachts wird der Betrieb auf eine Bahn pro halbe Stunde reduziert.",
    "Die Verkehrsbetriebe wollen für die Linie 24 neue Niederflurfahrzeuge kaufen.",
    "Ladenbesitzer befürchten, dass die Bauarbeiten monatelang Kunden fernhalten werden.",
    "Die Stadt hat Entschädigungen für Geschäfte versprochen, die mehr als ein Fünftel ihres Umsatzes verlieren.",
    "Eine endgültige Entscheidung über die genaue Route durch die Altstadt wird im Herbst erwartet.",
]

EN_MUSEUM = [
    "A new museum dedicated to the history of glassmaking opened its doors in Valmont on Saturday.",
    "The building, a former textile factory, was renovated over a period of six years.",
    "Its collection includes more than 3,500 objects, some of them dating back to the Roman era.",
    "The regional government contributed 18 million euros to the renovation.",
    "The director, Claire Dufresne, said the museum wants to attract families and school classes.",
    "Entry will be free for visitors under 18.",
    "Workshops will allow visitors to watch glassblowers at work every afternoon.",
    "Critics had warned that the small town could not sustain such an ambitious institution.",
    "The organisers expect at least 120,000 visitors in the first year.",
    "A shuttle bus will link the museum to the railway station on weekends.",
    "The opening ceremony was attended by the minister of culture.",
    "Several pieces on display have never been shown to the public before.",
]

FR_MUSEUM = [
    "Un nouveau musée consacré à l'histoire de la verrerie a ouvert ses portes samedi à Valmont.",
    "Le bâtiment, une ancienne usine textile, a été rénové pendant six ans.",
    "Sa collection comprend plus de 3 500 objets, dont certains remontent à l'époque romaine.",
    "La région a contribué à la rénovation à hauteur de 18 millions d'euros.",
    "La directrice, Claire Dufresne, a déclaré que le musée souhaitait attirer les familles et les classes scolaires.",
    "L'entrée sera gratuite pour les visiteurs de moins de 18 ans.",
    "Des ateliers permettront aux visiteurs d'observer des souffleurs de verre au travail chaque après-midi.",
    "Des critiques avaient averti que la petite ville ne pourrait pas faire vivre une institution aussi ambitieuse.",
    "Les organisateurs attendent au moins 120 000 visiteurs la première année.",
    "Une navette reliera le musée à la gare le week-end.",
    "La cérémonie d'ouverture s'est déroulée en présence de la ministre de la Culture.",
    "Plusieurs pièces exposées n'ont jamais été montrées au public auparavant.",
]

ADDED_DE = "Die Stadtwerke meldeten zudem einen Rekordgewinn im Energiegeschäft."
ADDED_FR = "Le maire a par ailleurs annoncé la rénovation complète de la piscine municipale."


def join(sentences: list[str], per_paragraph: int = 3) -> str:
    """Sentences into paragraphs separated by blank lines."""
    paras = [
        " ".join(sentences[i : i + per_paragraph]) for i in range(0, len(sentences), per_paragraph)
    ]
    return "\n\n".join(paras) + "\n"


def without(sentences: list[str], *indices: int) -> list[str]:
    return [s for i, s in enumerate(sentences) if i not in indices]


def inserted(sentences: list[str], index: int, sentence: str) -> list[str]:
    return [*sentences[:index], sentence, *sentences[index:]]
