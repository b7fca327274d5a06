<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="de_DE">
<context>
    <name></name>
    <message numerus="yes">
        <source>DraftsModel</source>
        <comment>vor %n Min.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>DraftsModel</source>
        <comment>vor %n Std.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>DraftsModel</source>
        <comment>vor %n Tag(en)</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckedTextEdit</name>
    <message numerus="yes">
        <source>(%n weitere Stelle(n) markiert – Cursor oder Maus darauf zeigt die Erklärung)</source>
        <translation>
            <numerusform>(%n weitere Stelle markiert – Cursor oder Maus darauf zeigt die Erklärung)</numerusform>
            <numerusform>(%n weitere Stellen markiert – Cursor oder Maus darauf zeigt die Erklärung)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message numerus="yes">
        <source>Stand: vor %n Stunde(n)</source>
        <translation>
            <numerusform>Stand: vor %n Stunde</numerusform>
            <numerusform>Stand: vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stand: vor %n Tag(en)</source>
        <translation>
            <numerusform>Stand: vor %n Tag</numerusform>
            <numerusform>Stand: vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message numerus="yes">
        <source>in %n Tag(en)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vor %n Min.</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vor %n Std.</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vor %n Tag(en)</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message numerus="yes">
        <source>Die App wurde zuletzt nicht regulär beendet. Ihre Eingaben sind gesichert (%n Entwurf/Entwürfe).</source>
        <translation>
            <numerusform>Die App wurde zuletzt nicht regulär beendet. Ihre Eingaben sind gesichert (%n Entwurf).</numerusform>
            <numerusform>Die App wurde zuletzt nicht regulär beendet. Ihre Eingaben sind gesichert (%n Entwürfe).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entwürfe werden aus Datenschutzgründen %n Tag(e) nach der letzten Änderung automatisch gelöscht.</source>
        <translation>
            <numerusform>Entwürfe werden aus Datenschutzgründen %n Tag nach der letzten Änderung automatisch gelöscht.</numerusform>
            <numerusform>Entwürfe werden aus Datenschutzgründen %n Tage nach der letzten Änderung automatisch gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message numerus="yes">
        <source>Es gibt ein Problem: %n Angabe(n) prüfen</source>
        <translation>
            <numerusform>Es gibt ein Problem: %n Angabe prüfen</numerusform>
            <numerusform>Es gibt ein Problem: %n Angaben prüfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message numerus="yes">
        <source>%n Sendung(en) warten, </source>
        <translation>
            <numerusform>%n Sendung wartet, </numerusform>
            <numerusform>%n Sendungen warten, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fehlgeschlagen.</source>
        <translation>
            <numerusform>%n fehlgeschlagen.</numerusform>
            <numerusform>%n fehlgeschlagen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxWorker</name>
    <message numerus="yes">
        <source>%n fehlgeschlagen – bitte prüfen</source>
        <translation>
            <numerusform>%n fehlgeschlagen – bitte prüfen</numerusform>
            <numerusform>%n fehlgeschlagen – bitte prüfen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anmeldung nötig – %n im Postausgang</source>
        <translation>
            <numerusform>Anmeldung nötig – %n im Postausgang</numerusform>
            <numerusform>Anmeldung nötig – %n im Postausgang</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline – %n im Postausgang</source>
        <translation>
            <numerusform>Offline – %n im Postausgang</numerusform>
            <numerusform>Offline – %n im Postausgang</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n im Postausgang</source>
        <translation>
            <numerusform>%n im Postausgang</numerusform>
            <numerusform>%n im Postausgang</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoState</name>
    <message numerus="yes">
        <source>%n Gesicht(er)</source>
        <translation>
            <numerusform>%n Gesicht</numerusform>
            <numerusform>%n Gesichter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Person(en)</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Gesicht(er) unkenntlich gemacht</source>
        <translation>
            <numerusform>%n Gesicht unkenntlich gemacht</numerusform>
            <numerusform>%n Gesichter unkenntlich gemacht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Person(en) unkenntlich gemacht</source>
        <translation>
            <numerusform>%n Person unkenntlich gemacht</numerusform>
            <numerusform>%n Personen unkenntlich gemacht</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message numerus="yes">
        <source>Höchstens %1 Schadenbilder pro Vermittlung – %n Bild(er) nicht übernommen.</source>
        <translation>
            <numerusform>Höchstens %1 Schadenbilder pro Vermittlung – %n Bild nicht übernommen.</numerusform>
            <numerusform>Höchstens %1 Schadenbilder pro Vermittlung – %n Bilder nicht übernommen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferralReview</name>
    <message numerus="yes">
        <source>Schadenbilder: %n</source>
        <translation>
            <numerusform>Schadenbilder: %n</numerusform>
            <numerusform>Schadenbilder: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Schadenbilder: %n (Metadaten entfernt)</source>
        <translation>
            <numerusform>Schadenbilder: %n (Metadaten entfernt)</numerusform>
            <numerusform>Schadenbilder: %n (Metadaten entfernt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message numerus="yes">
        <source>%n Vermittlung(en)</source>
        <translation>
            <numerusform>%n Vermittlung</numerusform>
            <numerusform>%n Vermittlungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} von %n Vermittlung(en)</source>
        <translation>
            <numerusform>{shown} von %n Vermittlung</numerusform>
            <numerusform>{shown} von %n Vermittlungen</numerusform>
        </translation>
    </message>
</context>
</TS>
