<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name></name>
    <message>
        <source>DraftsModel</source>
        <comment>gerade eben</comment>
        <translation type="unfinished"></translation>
    </message>
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
    <message>
        <source>Benutzername oder Passwort ist falsch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zu viele Versuche. Bitte in {n} Sekunden erneut versuchen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Server ist nicht erreichbar. Bitte die Verbindung prüfen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der Server ist gerade nicht verfügbar. Bitte später erneut versuchen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Der eingebaute Demo-Server startet noch. Auf einem ausgelasteten Rechner kann das einige Minuten dauern – bitte warten, die Anmeldung wird dann ausgeführt.</source>
        <translation>The built-in demo server is still starting. On a busy computer this can take a few minutes – please wait, the login will then be carried out.</translation>
    </message>
    <message>
        <source>Der eingebaute Demo-Server konnte nicht gestartet werden ({reason}).</source>
        <translation>The built-in demo server could not be started ({reason}).</translation>
    </message>
    <message>
        <source>Glasvermittler ist bereits geöffnet. Bitte das vorhandene Fenster verwenden.</source>
        <translation>Glasvermittler is already open. Please use the existing window.</translation>
    </message>
</context>
<context>
    <name>CheckedTextEdit</name>
    <message numerus="yes">
        <source>(%n weitere Stelle(n) markiert – Cursor oder Maus darauf zeigt die Erklärung)</source>
        <translation>
            <numerusform>(%n more place marked – put the cursor or mouse on it for the explanation)</numerusform>
            <numerusform>(%n more places marked – put the cursor or mouse on them for the explanation)</numerusform>
        </translation>
    </message>
    <message>
        <source>Ersetzen durch „%1“</source>
        <translation>Replace with “%1”</translation>
    </message>
    <message>
        <source>Satzteil entfernen</source>
        <translation>Remove this part</translation>
    </message>
    <message>
        <source>Danach ist das Feld leer.</source>
        <translation>The field will then be empty.</translation>
    </message>
    <message>
        <source>Danach: „%1“</source>
        <translation>Afterwards: “%1”</translation>
    </message>
</context>
<context>
    <name>Company</name>
    <message>
        <source>das Glasreparatur-Unternehmen</source>
        <translation>the glass repair company</translation>
    </message>
</context>
<context>
    <name>ConsentGate</name>
    <message>
        <source>Einwilligung in freiwillige Angaben *</source>
        <translation>Consent to voluntary details *</translation>
    </message>
    <message>
        <source>Einwilligung in freiwillige Angaben</source>
        <translation>Consent to voluntary details</translation>
    </message>
    <message>
        <source>&amp;Ja, Kunde ist einverstanden</source>
        <translation>&amp;Yes, the customer agrees</translation>
    </message>
    <message>
        <source>N&amp;ein</source>
        <translation>N&amp;o</translation>
    </message>
    <message>
        <source>Der Einwilligungstext des Extranets liegt noch nicht vor: Er kommt mit der ersten Anmeldung bei diesem Server und steht danach auch ohne Verbindung bereit. „Ja“ ist erst möglich, wenn Sie den Text vorlesen können.</source>
        <translation>The Extranet&apos;s consent text is not available yet: it arrives with the first login to this server and is then available offline too. “Yes” is possible only once you can read the text out.</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <source>Stand: vor weniger als einer Stunde</source>
        <translation>Updated less than an hour ago</translation>
    </message>
    <message numerus="yes">
        <source>Stand: vor %n Stunde(n)</source>
        <translation>
            <numerusform>Updated %n hour ago</numerusform>
            <numerusform>Updated %n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stand: vor %n Tag(en)</source>
        <translation>
            <numerusform>Updated %n day ago</numerusform>
            <numerusform>Updated %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Keine Einwilligung: Die freiwilligen Angaben wurden gelöscht.</source>
        <translation>No consent: the voluntary details have been deleted.</translation>
    </message>
    <message>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Das Extranet hat einen neuen Einwilligungstext. Die Einwilligung galt der vorigen Fassung: Bitte lesen Sie dem Kunden den neuen Text vor und fragen Sie erneut.</source>
        <translation>The Extranet has a new consent text. The consent was given to the previous version: please read the new text out to the customer and ask again.</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Nachrichtenverlauf</source>
        <translation>Message history</translation>
    </message>
    <message>
        <source>Alle Nachrichten der gewählten Anfrage, nur zum Lesen.</source>
        <translation>All messages of the selected request, read-only.</translation>
    </message>
    <message>
        <source>{n} ältere Nachrichten werden hier nicht angezeigt.</source>
        <translation>{n} older messages are not shown here.</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Der Einwilligungstext wurde geändert, seit der Entwurf gespeichert wurde. Bitte lesen Sie die aktuelle Fassung vor und fragen Sie erneut.</source>
        <translation>The consent text has changed since the draft was saved. Please read out the current version and ask again.</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <source>Schnellvermittlung</source>
        <translation>Quick referral</translation>
    </message>
    <message>
        <source>Komplettvermittlung</source>
        <translation>Complete referral</translation>
    </message>
    <message>
        <source>Kunde</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kennzeichen</source>
        <translation>Number plate</translation>
    </message>
    <message>
        <source>Zuletzt geändert</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Automatische Löschung</source>
        <translation>Automatic deletion</translation>
    </message>
    <message>
        <source>Entwürfe werden aus Datenschutzgründen automatisch gelöscht.</source>
        <translation>Drafts are deleted automatically for data protection reasons.</translation>
    </message>
    <message>
        <source>(ohne Namen)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>heute</source>
        <translation>today</translation>
    </message>
    <message numerus="yes">
        <source>in %n Tag(en)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>gerade eben</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>vor %n Min.</source>
        <translation>
            <numerusform>%n min. ago</numerusform>
            <numerusform>%n min. ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vor %n Std.</source>
        <translation>
            <numerusform>%n hr ago</numerusform>
            <numerusform>%n hrs ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vor %n Tag(en)</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message>
        <source>Entwürfe</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Kein Schlüsselbund verfügbar: Entwürfe und Postausgang werden nur im Arbeitsspeicher gehalten und gehen beim Beenden der App verloren. Es wird nichts unverschlüsselt gespeichert.</source>
        <translation>No keychain available: drafts and the outbox are kept in memory only and are lost when the app quits. Nothing is stored unencrypted.</translation>
    </message>
    <message numerus="yes">
        <source>Die App wurde zuletzt nicht regulär beendet. Ihre Eingaben sind gesichert (%n Entwurf/Entwürfe).</source>
        <translation>
            <numerusform>The app did not shut down normally last time. Your entries are saved (%n draft).</numerusform>
            <numerusform>The app did not shut down normally last time. Your entries are saved (%n drafts).</numerusform>
        </translation>
    </message>
    <message>
        <source>Letzten Entwurf wiederherstellen</source>
        <translation>Restore last draft</translation>
    </message>
    <message>
        <source>Ö&amp;ffnen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Entwurf öffnen</source>
        <translation>Open draft</translation>
    </message>
    <message>
        <source>&amp;Löschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Entwurf löschen</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>Keine Entwürfe vorhanden.</source>
        <translation>No drafts.</translation>
    </message>
    <message numerus="yes">
        <source>Entwürfe werden aus Datenschutzgründen %n Tag(e) nach der letzten Änderung automatisch gelöscht.</source>
        <translation>
            <numerusform>For data protection reasons, drafts are deleted automatically %n day after the last change.</numerusform>
            <numerusform>For data protection reasons, drafts are deleted automatically %n days after the last change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>Es gibt ein Problem</source>
        <translation>There is a problem</translation>
    </message>
    <message>
        <source>&lt;b&gt;Es gibt ein Problem&lt;/b&gt;</source>
        <translation>&lt;b&gt;There is a problem&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Es gibt ein Problem: %n Angabe(n) prüfen</source>
        <translation>
            <numerusform>There is a problem: check %n entry</numerusform>
            <numerusform>There is a problem: check %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>Einverständnis zur Reparatur</source>
        <translation>Agreement to the repair</translation>
    </message>
    <message>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Freitext</source>
        <translation>Free text</translation>
    </message>
    <message>
        <source>Schadenbilder</source>
        <translation>Damage photos</translation>
    </message>
    <message>
        <source>Fehler: </source>
        <translation>Error: </translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <source>Warum?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <source>Ja, als Fehlalarm markieren</source>
        <translation>Yes, mark as false alarm</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FindingTexts</name>
    <message>
        <source>Gesundheitsangaben gehören nicht in die Vermittlung. Beschreiben Sie nur, was vor Ort zu tun ist (z. B. „Bitte laut und deutlich klingeln“).</source>
        <translation>Health details do not belong in a referral. Only describe what needs to be done on site (e.g. “Please ring loudly and clearly”).</translation>
    </message>
    <message>
        <source>Angaben zur Religion oder Weltanschauung dürfen hier nicht stehen.</source>
        <translation>Details of religion or beliefs must not be entered here.</translation>
    </message>
    <message>
        <source>Angaben zur Gewerkschaftszugehörigkeit dürfen hier nicht stehen.</source>
        <translation>Details of trade union membership must not be entered here.</translation>
    </message>
    <message>
        <source>Angaben zu Herkunft, Hautfarbe oder Staatsangehörigkeit sind besondere Daten und dürfen hier nicht stehen. Falls es um die Verständigung geht: „Kunde spricht wenig Deutsch, bitte einfache Sprache“.</source>
        <translation>Details of origin, skin colour or nationality are special categories of data and must not appear here. If it is about communication: “Customer speaks little German, please use simple language”.</translation>
    </message>
    <message>
        <source>Politische Meinungen oder Aktivitäten dürfen hier nicht stehen.</source>
        <translation>Political opinions or activities must not appear here.</translation>
    </message>
    <message>
        <source>Angaben zum Sexualleben, zur sexuellen Orientierung oder Identität dürfen hier nicht stehen.</source>
        <translation>Details of sex life, sexual orientation or identity must not appear here.</translation>
    </message>
    <message>
        <source>Biometrische oder genetische Angaben (z. B. Fingerabdruck, Gentest, Erbkrankheit) dürfen hier nicht stehen.</source>
        <translation>Biometric or genetic details (e.g. fingerprint, genetic test, hereditary disease) must not appear here.</translation>
    </message>
    <message>
        <source>Bewertungen der Person gehören nicht in die Vermittlung – der Kunde kann sie nach Art. 15 DSGVO lesen.</source>
        <translation>Judgements about the person do not belong in a referral – the customer can read them under Art. 15 GDPR.</translation>
    </message>
    <message>
        <source>Kontaktdaten gehören in die Pflichtfelder, nicht in den Freitext.</source>
        <translation>Contact details belong in the mandatory fields, not in free text.</translation>
    </message>
    <message>
        <source>Ausweis-, Konto- oder ähnliche Nummern werden für die Vermittlung nicht gebraucht.</source>
        <translation>ID, account or similar numbers are not needed for the referral.</translation>
    </message>
    <message>
        <source>Angaben über weitere Personen werden für die Vermittlung nicht gebraucht.</source>
        <translation>Details about other people are not needed for the referral.</translation>
    </message>
    <message>
        <source>Ins Namensfeld gehört nur der Nachname, keine Eigenschaften der Person.</source>
        <translation>The name field holds the surname only, no characteristics of the person.</translation>
    </message>
    <message>
        <source>Langer Text: Umfangreiche Angaben nur auf ausdrücklichen Wunsch des Kunden. Bitte bestätigen Sie das.</source>
        <translation>Long text: extensive details only at the customer&apos;s explicit request. Please confirm this.</translation>
    </message>
    <message>
        <source>Schwerhörigkeit ist eine Gesundheitsangabe. Schreiben Sie stattdessen, was zu tun ist: „Bitte laut und deutlich klingeln“.</source>
        <translation>Being hard of hearing is a health detail. Write what needs to be done instead: “Please ring loudly and clearly”.</translation>
    </message>
    <message>
        <source>Gehbehinderung ist eine Gesundheitsangabe. Schreiben Sie stattdessen: „Kunde braucht etwas länger, um die Tür zu öffnen“.</source>
        <translation>A walking disability is a health detail. Write instead: “Customer needs a little longer to open the door”.</translation>
    </message>
    <message>
        <source>Sehschwäche ist eine Gesundheitsangabe. Schreiben Sie stattdessen, was zu tun ist: „Bitte Unterlagen telefonisch erläutern“.</source>
        <translation>Poor eyesight is health data. Write instead what needs to be done: “Please explain the documents by phone”.</translation>
    </message>
    <message>
        <source>Auch freundliche Bewertungen der Person gehören nicht in die Vermittlung. Beschreiben Sie nur das Anliegen.</source>
        <translation>Even friendly judgements of the person do not belong in the referral. Describe only the request.</translation>
    </message>
    <message>
        <source>Bankverbindungen werden für die Vermittlung nicht gebraucht.</source>
        <translation>Bank details are not needed for the referral.</translation>
    </message>
    <message>
        <source>Kreditkartennummern gehören nie in die Vermittlung.</source>
        <translation>Credit card numbers never belong in the referral.</translation>
    </message>
    <message>
        <source>E-Mail-Adressen werden für die Vermittlung nicht gebraucht – der Kunde wird telefonisch kontaktiert.</source>
        <translation>E-mail addresses are not needed for the referral – the customer is contacted by phone.</translation>
    </message>
    <message>
        <source>Telefonnummern gehören in das Feld Telefon (oder die zweite Telefonnummer), nicht in den Freitext.</source>
        <translation>Phone numbers belong in the Phone field (or the second phone number), not in the free text.</translation>
    </message>
    <message>
        <source>Das Geburtsdatum wird für die Vermittlung nicht gebraucht.</source>
        <translation>The date of birth is not needed for the referral.</translation>
    </message>
    <message>
        <source>Die Wohnanschrift wird nicht gebraucht. Für den mobilen Service gibt es das Feld Einsatzort.</source>
        <translation>The home address is not needed. For the mobile service there is the Service location field.</translation>
    </message>
    <message>
        <source>Ausweis- oder Passnummern werden für die Vermittlung nicht gebraucht.</source>
        <translation>ID card or passport numbers are not needed for the referral.</translation>
    </message>
    <message>
        <source>Die Steuer-ID wird für die Vermittlung nicht gebraucht.</source>
        <translation>The tax ID is not needed for the referral.</translation>
    </message>
    <message>
        <source>Vor- und Nachname werden im Postkorb nicht gebraucht: Die Vermittlungsnummer bezeichnet den Auftrag, der Nachname allein genügt.</source>
        <translation>First name and surname are not needed in the inbox: the referral number identifies the job, the surname alone is enough.</translation>
    </message>
    <message>
        <source>Ins Namensfeld gehört nur der Nachname, keine Ziffern oder Nummern.</source>
        <translation>The name field takes only the surname, no digits or numbers.</translation>
    </message>
    <message>
        <source>Ins Namensfeld gehört nur der Nachname, keine Anmerkungen in Klammern.</source>
        <translation>The name field takes only the surname, no remarks in brackets.</translation>
    </message>
    <message>
        <source>Gesundheitsangaben gehören nicht in den Postkorb. Schreiben Sie nur, was für die Anfrage nötig ist.</source>
        <translation>Health information does not belong in the inbox. Write only what the request needs.</translation>
    </message>
    <message>
        <source>Bewertungen der Person gehören nicht in den Postkorb – der Kunde kann sie nach Art. 15 DSGVO lesen.</source>
        <translation>Judgements about the person do not belong in the inbox – the customer can read them under Art. 15 GDPR.</translation>
    </message>
    <message>
        <source>Auch freundliche Bewertungen der Person gehören nicht in den Postkorb. Beschreiben Sie nur das Anliegen.</source>
        <translation>Even friendly judgements about the person do not belong in the inbox. Describe only the matter.</translation>
    </message>
    <message>
        <source>Kontaktdaten werden im Postkorb nicht gebraucht – sie stehen schon in der Vermittlung.</source>
        <translation>Contact details are not needed in the inbox – they are already in the referral.</translation>
    </message>
    <message>
        <source>Ausweis-, Konto- oder ähnliche Nummern werden für die Anfrage nicht gebraucht.</source>
        <translation>ID, account or similar numbers are not needed for the request.</translation>
    </message>
    <message>
        <source>Angaben über weitere Personen werden für die Anfrage nicht gebraucht.</source>
        <translation>Details about other people are not needed for the request.</translation>
    </message>
    <message>
        <source>Bankverbindungen werden für die Anfrage nicht gebraucht.</source>
        <translation>Bank details are not needed for the request.</translation>
    </message>
    <message>
        <source>Kreditkartennummern gehören nie in den Postkorb.</source>
        <translation>Credit card numbers never belong in the inbox.</translation>
    </message>
    <message>
        <source>E-Mail-Adressen werden im Postkorb nicht gebraucht – die Vermittlungsnummer bezeichnet den Auftrag.</source>
        <translation>E-mail addresses are not needed in the inbox – the referral number identifies the job.</translation>
    </message>
    <message>
        <source>Telefonnummern werden im Postkorb nicht gebraucht – sie stehen schon in der Vermittlung.</source>
        <translation>Phone numbers are not needed in the inbox – they are already in the referral.</translation>
    </message>
    <message>
        <source>Das Geburtsdatum wird für die Anfrage nicht gebraucht.</source>
        <translation>The date of birth is not needed for the request.</translation>
    </message>
    <message>
        <source>Die Wohnanschrift wird für die Anfrage nicht gebraucht.</source>
        <translation>The home address is not needed for the request.</translation>
    </message>
    <message>
        <source>Ausweis- oder Passnummern werden für die Anfrage nicht gebraucht.</source>
        <translation>ID card or passport numbers are not needed for the request.</translation>
    </message>
    <message>
        <source>Die Steuer-ID wird für die Anfrage nicht gebraucht.</source>
        <translation>The tax ID is not needed for the request.</translation>
    </message>
    <message>
        <source>Diese Angabe ist für die Anfrage wahrscheinlich nicht nötig. Bitte prüfen Sie sie.</source>
        <translation>This detail is probably not needed for the request. Please check it.</translation>
    </message>
    <message>
        <source>Vor- und Nachname werden hier nicht gebraucht: Der Nachname steht schon im Feld Nachname.</source>
        <translation>First and last name are not needed here: the surname is already in the Surname field.</translation>
    </message>
    <message>
        <source>Diese Angabe ist für die Vermittlung wahrscheinlich nicht nötig. Bitte prüfen Sie sie.</source>
        <translation>This detail is probably not needed for the referral. Please check it.</translation>
    </message>
    <message>
        <source>Nicht zulässig:</source>
        <translation>Not allowed:</translation>
    </message>
    <message>
        <source>Bitte prüfen:</source>
        <translation>Please check:</translation>
    </message>
    <message>
        <source>Hinweis:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Kunde wünscht das ausdrücklich</source>
        <translation>Customer explicitly wants this</translation>
    </message>
    <message>
        <source>Kein Problem (Fehlalarm)</source>
        <translation>No problem (false alarm)</translation>
    </message>
    <message>
        <source>Ja, der Kunde wünscht diese Angaben ausdrücklich</source>
        <translation>Yes, the customer explicitly wants these details</translation>
    </message>
    <message>
        <source>Ja, als Fehlalarm markieren</source>
        <translation>Yes, mark as false alarm</translation>
    </message>
    <message>
        <source>Bitte ausfüllen.</source>
        <translation>Please fill in.</translation>
    </message>
    <message>
        <source>Der Name ist zu lang (höchstens {max} Zeichen).</source>
        <translation>The name is too long (at most {max} characters).</translation>
    </message>
    <message>
        <source>Der Name muss Buchstaben enthalten.</source>
        <translation>The name must contain letters.</translation>
    </message>
    <message>
        <source>Diese Zeichen gehören nicht in einen Namen: {chars}</source>
        <translation>These characters do not belong in a name: {chars}</translation>
    </message>
    <message>
        <source>Der Name enthält Ziffern – bitte prüfen.</source>
        <translation>The name contains digits – please check.</translation>
    </message>
    <message>
        <source>Nur den Nachnamen eintragen, keine weiteren Angaben.</source>
        <translation>Enter the surname only, nothing else.</translation>
    </message>
    <message>
        <source>Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten.</source>
        <translation>The phone number may only contain digits, spaces and + ( ) / -.</translation>
    </message>
    <message>
        <source>Das ist keine gültige Telefonnummer.</source>
        <translation>This is not a valid phone number.</translation>
    </message>
    <message>
        <source>Die Telefonnummer ist zu kurz.</source>
        <translation>The phone number is too short.</translation>
    </message>
    <message>
        <source>Die Telefonnummer ist zu lang.</source>
        <translation>The phone number is too long.</translation>
    </message>
    <message>
        <source>Die Telefonnummer hat eine unmögliche Länge.</source>
        <translation>The phone number has an impossible length.</translation>
    </message>
    <message>
        <source>Die Ländervorwahl gibt es nicht.</source>
        <translation>This country code does not exist.</translation>
    </message>
    <message>
        <source>Vorwahl fehlt? Die Nummer ist so nur im Ortsnetz erreichbar.</source>
        <translation>Area code missing? As entered, the number can only be reached locally.</translation>
    </message>
    <message>
        <source>Diese Nummer scheint nicht vergeben zu sein – bitte prüfen.</source>
        <translation>This number does not seem to be assigned – please check.</translation>
    </message>
    <message>
        <source>Die Nummer ist ungewöhnlich kurz – bitte prüfen.</source>
        <translation>The number is unusually short – please check.</translation>
    </message>
    <message>
        <source>Meinten Sie {suggestion}?</source>
        <translation>Did you mean {suggestion}?</translation>
    </message>
    <message>
        <source>Ausländische Nummer ({region}).</source>
        <translation>Foreign number ({region}).</translation>
    </message>
    <message>
        <source>So sieht kein deutsches Kennzeichen aus (Beispiel: M-AB 1234).</source>
        <translation>This does not look like a German number plate (example: M-AB 1234).</translation>
    </message>
    <message>
        <source>Das Kennzeichen ist ohne Trennzeichen mehrdeutig ({options}). Bitte mit Bindestrich nach dem Ortskürzel eingeben.</source>
        <translation>Without separators the number plate is ambiguous ({options}). Please enter it with a hyphen after the district code.</translation>
    </message>
    <message>
        <source>Das Ortskürzel ist uns nicht bekannt, die Aufteilung daher unklar. Bitte mit Bindestrich nach dem Ortskürzel eingeben (z. B. M-AB 1234).</source>
        <translation>We do not know this district code, so where it ends is unclear. Please type a hyphen after the district code (e.g. M-AB 1234).</translation>
    </message>
    <message>
        <source>Nach dem Ortskürzel sind keine Umlaute erlaubt.</source>
        <translation>Umlauts are not allowed after the district code.</translation>
    </message>
    <message>
        <source>Die Zahl im Kennzeichen beginnt nie mit 0.</source>
        <translation>The number on a number plate never starts with 0.</translation>
    </message>
    <message>
        <source>Das Kennzeichen ist zu lang ({length} statt höchstens 8 Zeichen).</source>
        <translation>The number plate is too long ({length} instead of at most 8 characters).</translation>
    </message>
    <message>
        <source>Mit E/H-Zusatz {length} Zeichen – bitte prüfen.</source>
        <translation>{length} characters with the E/H suffix – please check.</translation>
    </message>
    <message>
        <source>Ortskürzel „{code}“ ist uns nicht bekannt – bitte prüfen.</source>
        <translation>District code “{code}” is unknown to us – please check.</translation>
    </message>
    <message>
        <source>Saisonmonate ({months}) werden nicht übermittelt.</source>
        <translation>Seasonal months ({months}) are not transmitted.</translation>
    </message>
    <message>
        <source>Behördenkennzeichen (nur Ziffern).</source>
        <translation>Official vehicle number plate (digits only).</translation>
    </message>
    <message>
        <source>Wird ohne Trennzeichen übermittelt: {canonical}</source>
        <translation>Sent without separators: {canonical}</translation>
    </message>
    <message>
        <source>Diese Zeichen sind nicht erlaubt: {chars}</source>
        <translation>These characters are not allowed: {chars}</translation>
    </message>
    <message>
        <source>Die Versicherungsscheinnummer braucht Buchstaben oder Ziffern.</source>
        <translation>The policy number needs letters or digits.</translation>
    </message>
    <message>
        <source>Die Nummer ist zu lang ({length} Zeichen, höchstens 20).</source>
        <translation>The number is too long ({length} characters, at most 20).</translation>
    </message>
    <message>
        <source>Ungewöhnlich lang ({length} Zeichen) – bitte prüfen.</source>
        <translation>Unusually long ({length} characters) – please check.</translation>
    </message>
    <message>
        <source>Nur Buchstaben – bitte prüfen.</source>
        <translation>Letters only – please check.</translation>
    </message>
    <message>
        <source>Das sieht wie eine eVB-Nummer aus, nicht wie eine Versicherungsscheinnummer.</source>
        <translation>This looks like an eVB number, not a policy number.</translation>
    </message>
    <message>
        <source>Bitte fragen Sie die Einwilligung ab (Ja oder Nein).</source>
        <translation>Please ask for consent (yes or no).</translation>
    </message>
    <message>
        <source>Ohne Einverständnis zur Reparatur oder zum Austausch keine Vermittlung.</source>
        <translation>No referral without agreement to the repair or replacement.</translation>
    </message>
    <message>
        <source>Bitte umformulieren: Der Text enthält unzulässige Angaben.</source>
        <translation>Please reword: the text contains details that are not allowed.</translation>
    </message>
    <message>
        <source>Die Angabe ist zu lang – bitte kürzen.</source>
        <translation>The entry is too long – please shorten it.</translation>
    </message>
    <message>
        <source>Die HSN hat genau 4 Ziffern (Fahrzeugschein Feld 2.1).</source>
        <translation>The HSN has exactly 4 digits (registration certificate field 2.1).</translation>
    </message>
    <message>
        <source>Die TSN hat genau 3 Zeichen, Buchstaben oder Ziffern (Feld 2.2).</source>
        <translation>The TSN has exactly 3 characters, letters or digits (field 2.2).</translation>
    </message>
    <message>
        <source>Die FIN hat 17 Zeichen, ohne I, O und Q (Fahrzeugschein Feld E).</source>
        <translation>The VIN has 17 characters, without I, O and Q (registration certificate field E).</translation>
    </message>
    <message>
        <source>Bitte das Jahr der Erstzulassung vierstellig angeben (ab 1900).</source>
        <translation>Please enter the year of first registration with four digits (from 1900).</translation>
    </message>
    <message>
        <source>Bitte ein gültiges Datum angeben.</source>
        <translation>Please enter a valid date.</translation>
    </message>
    <message>
        <source>Das Schadendatum liegt in der Zukunft.</source>
        <translation>The date of damage is in the future.</translation>
    </message>
    <message>
        <source>Der Wunschtermin liegt in der Vergangenheit.</source>
        <translation>The preferred date is in the past.</translation>
    </message>
    <message>
        <source>Der Einwilligungstext wurde geändert. Bitte lesen Sie die aktuelle Fassung vor und fragen Sie erneut.</source>
        <translation>The consent text has changed. Please read out the current version and ask again.</translation>
    </message>
    <message>
        <source>Freitext nur auf ausdrücklichen Wunsch des Kunden – bitte bestätigen.</source>
        <translation>Free text only at the customer&apos;s explicit request – please confirm.</translation>
    </message>
    <message>
        <source>Bitte prüfen Sie diese Angabe.</source>
        <translation>Please check this entry.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.</source>
        <translation>Login failed. Please try again.</translation>
    </message>
    <message>
        <source>Der eingebaute Demo-Server konnte nicht gestartet werden. Details stehen in der Protokolldatei.</source>
        <translation>The built-in demo server could not be started. Details are in the log file.</translation>
    </message>
    <message>
        <source>Anmelden – {app}</source>
        <translation>Log in – {app}</translation>
    </message>
    <message>
        <source>Bitte mit dem Extranet-Zugang anmelden.</source>
        <translation>Please log in with your Extranet account.</translation>
    </message>
    <message>
        <source>Demo-Modus: eingebauter Server, Zugang „demo“ / Passwort „demo“.</source>
        <translation>Demo mode: built-in server, user “demo” / password “demo”.</translation>
    </message>
    <message>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Ihr Benutzername für das Extranet.</source>
        <translation>Your Extranet user name.</translation>
    </message>
    <message>
        <source>&amp;Benutzername</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Ihr Extranet-Passwort. Gespeichert wird es nur mit „Anmeldung merken“, und nur im Schlüsselbund des Betriebssystems.</source>
        <translation>Your Extranet password. It is only stored with “Remember login”, and only in the operating system&apos;s keychain.</translation>
    </message>
    <message>
        <source>&amp;Passwort</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Anmeldung &amp;merken</source>
        <translation>&amp;Remember login</translation>
    </message>
    <message>
        <source>Anmeldung merken</source>
        <translation>Remember login</translation>
    </message>
    <message>
        <source>&amp;Anmelden</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>&amp;Einstellungen …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <source>Kein Schlüsselbund des Betriebssystems verfügbar: Die Anmeldung kann nicht gespeichert werden, das Passwort wird bei jeder Anmeldung abgefragt.</source>
        <translation>No operating-system keychain available: the login cannot be saved, the password is asked for at every login.</translation>
    </message>
    <message>
        <source>Bitte Benutzername und Passwort eingeben.</source>
        <translation>Please enter user name and password.</translation>
    </message>
    <message>
        <source>Demo-Server startet …</source>
        <translation>Demo server starting …</translation>
    </message>
    <message>
        <source>Der Demo-Server startet. Die Anmeldung wird danach gesendet.</source>
        <translation>The demo server is starting. The login will be sent afterwards.</translation>
    </message>
    <message>
        <source>Anmeldung läuft …</source>
        <translation>Logging in …</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Wird geladen …</source>
        <translation>Loading …</translation>
    </message>
    <message>
        <source>Datei</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Anmelden …</source>
        <translation>Log in …</translation>
    </message>
    <message>
        <source>Abmelden</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Einstellungen …</source>
        <translation>Settings …</translation>
    </message>
    <message>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Hilfe</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Datenschutzhinweise</source>
        <translation>Privacy notice</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Eingebauter Demo-Server: keine echten Vermittlungen, nur Demo-Zugänge.</source>
        <translation>Built-in demo server: no real referrals, demo accounts only.</translation>
    </message>
    <message>
        <source>Demo-Modus mit eingebautem Server</source>
        <translation>Demo mode with built-in server</translation>
    </message>
    <message>
        <source>{title}, {n} fehlgeschlagen</source>
        <translation>{title}, {n} failed</translation>
    </message>
    <message>
        <source>{title}, {n} ungelesen</source>
        <translation>{title}, {n} unread</translation>
    </message>
    <message>
        <source>{app} – Postkorb: {n} ungelesen</source>
        <translation>{app} – Inbox: {n} unread</translation>
    </message>
    <message>
        <source>Verbindung: {state}</source>
        <translation>Connection: {state}</translation>
    </message>
    <message>
        <source>Angemeldet: {name}</source>
        <translation>Logged in: {name}</translation>
    </message>
    <message>
        <source>Beenden?</source>
        <translation>Quit?</translation>
    </message>
    <message>
        <source>Auf diesem PC ist kein Schlüsselbund verfügbar, daher liegen Ihre Daten nur im Arbeitsspeicher. Beim Beenden gehen verloren: Entwürfe: {drafts}, nicht gesendete Einträge im Postausgang: {waiting}.</source>
        <translation>No keychain is available on this PC, so your data is kept in memory only. Quitting loses: drafts: {drafts}, unsent items in the outbox: {waiting}.</translation>
    </message>
    <message>
        <source>Nicht gesendete Korrekturen einer fehlgeschlagenen Vermittlung in: {wizards}. Beim Beenden gehen die Korrekturen verloren; die Vermittlung bleibt unverändert im Postausgang.</source>
        <translation>Unsent corrections of a failed referral in: {wizards}. Quitting loses the corrections; the referral stays unchanged in the outbox.</translation>
    </message>
    <message>
        <source>Trotzdem beenden</source>
        <translation>Quit anyway</translation>
    </message>
    <message>
        <source>Diese Sendung ist nicht mehr als fehlgeschlagen im Postausgang.</source>
        <translation>This item is no longer in the Outbox as failed.</translation>
    </message>
    <message>
        <source>Angemeldet als anderer Benutzer: Offene Formulare wurden als Entwurf des vorigen Benutzers gespeichert und geleert.</source>
        <translation>Logged in as another user: open forms were saved as drafts of the previous user and cleared.</translation>
    </message>
    <message>
        <source>Diese Seite konnte nicht geladen werden. Die übrigen Funktionen sind nutzbar; Details stehen in der Protokolldatei.</source>
        <translation>This page could not be loaded. The other functions can be used; details are in the log file.</translation>
    </message>
    <message>
        <source>Datenschutz</source>
        <translation>Data protection</translation>
    </message>
    <message>
        <source>Entwürfe</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Komplettvermittlung</source>
        <translation>Complete referral</translation>
    </message>
    <message>
        <source>Meine Vermittlungen</source>
        <translation>My referrals</translation>
    </message>
    <message>
        <source>Nicht angemeldet</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Postausgang</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Postkorb</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Schnellvermittlung</source>
        <translation>Quick referral</translation>
    </message>
    <message>
        <source>Verbindung wird hergestellt …</source>
        <translation>Connecting …</translation>
    </message>
    <message>
        <source>Verbunden</source>
        <translation>Connected</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Hinweis schließen</source>
        <translation>Close notice</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>Neue Anfrage</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Betreff</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Kurzer Betreff der Anfrage, ohne personenbezogene Daten, die für die Anfrage nicht nötig sind.</source>
        <translation>Short subject of the request, without personal data the request does not need.</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Ihre Anfrage. Nur was für die Anfrage nötig ist; keine Gesundheitsangaben oder anderen besonderen Daten, keine Bewertungen von Personen.</source>
        <translation>Your request. Only what the request needs; no health details or other special categories of data, no judgements of people.</translation>
    </message>
    <message>
        <source>Bezug zu einer Vermittlung (optional)</source>
        <translation>Related referral (optional)</translation>
    </message>
    <message>
        <source>Optional: die Vermittlung, auf die sich die Anfrage bezieht.</source>
        <translation>Optional: the referral this request is about.</translation>
    </message>
    <message>
        <source>&amp;Betreff</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>Be&amp;schreibung</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&amp;Vermittlung</source>
        <translation>&amp;Referral</translation>
    </message>
    <message>
        <source>Kein Bezug</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Senden</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Die betroffene Person kann Auskunft über diese Einträge verlangen (Art. 15 DSGVO) – bitte sachlich schreiben.</source>
        <translation>The person concerned can request access to these entries (Art. 15 GDPR) – please write objectively.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Angaben fehlen oder sind ungültig</source>
        <translation>Details missing or invalid</translation>
    </message>
    <message>
        <source>Einverständnis zur Reparatur fehlt</source>
        <translation>Agreement to the repair missing</translation>
    </message>
    <message>
        <source>Einwilligung für freiwillige Angaben fehlt</source>
        <translation>Consent to voluntary details missing</translation>
    </message>
    <message>
        <source>Freitext vom Server aus Datenschutzgründen abgelehnt</source>
        <translation>Free text rejected by the server for data protection reasons</translation>
    </message>
    <message>
        <source>Sendung wurde zwischenzeitlich verändert</source>
        <translation>Item was changed in the meantime</translation>
    </message>
    <message>
        <source>Foto ist zu groß</source>
        <translation>Photo is too large</translation>
    </message>
    <message>
        <source>Foto hat zu viele Bildpunkte</source>
        <translation>Photo has too many pixels</translation>
    </message>
    <message>
        <source>Sendung ist zu groß</source>
        <translation>Item is too large</translation>
    </message>
    <message>
        <source>Fotoformat wird nicht unterstützt</source>
        <translation>Photo format is not supported</translation>
    </message>
    <message>
        <source>Foto enthält noch Metadaten</source>
        <translation>Photo still contains metadata</translation>
    </message>
    <message>
        <source>Foto ist beschädigt</source>
        <translation>Photo is damaged</translation>
    </message>
    <message>
        <source>Foto ohne Entscheidung zu markierten Personen gesendet</source>
        <translation>Photo sent without a decision on flagged persons</translation>
    </message>
    <message>
        <source>Server erkennt eine Person oder ein Gesicht auf dem Foto</source>
        <translation>Server detects a person or a face on the photo</translation>
    </message>
    <message>
        <source>Vorgang auf dem Server nicht gefunden</source>
        <translation>Case not found on the server</translation>
    </message>
    <message>
        <source>Keine Berechtigung</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <source>Server vorübergehend nicht erreichbar</source>
        <translation>Server temporarily unavailable</translation>
    </message>
    <message>
        <source>Keine Verbindung</source>
        <translation>No connection</translation>
    </message>
    <message>
        <source>Anmeldung abgelaufen</source>
        <translation>Login expired</translation>
    </message>
    <message>
        <source>Demo-Server (eingebaut)</source>
        <translation>Demo server (built-in)</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Vorgang</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Versuche</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Wartet auf</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <source>Vermittlung</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Schadenbild</source>
        <translation>Damage photo</translation>
    </message>
    <message>
        <source>Postkorb-Nachricht</source>
        <translation>Inbox message</translation>
    </message>
    <message>
        <source>Postkorb-Anfrage</source>
        <translation>Inbox request</translation>
    </message>
    <message>
        <source>Wartet auf Versand</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Fehlgeschlagen</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Gesendet</source>
        <translation>Sent</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Postausgang</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Erneut senden</source>
        <translation>&amp;Resend</translation>
    </message>
    <message>
        <source>&amp;Löschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Korrektur &amp;verwerfen</source>
        <translation>Discard &amp;correction</translation>
    </message>
    <message>
        <source>&amp;Jetzt senden</source>
        <translation>Send &amp;now</translation>
    </message>
    <message>
        <source>Der Postausgang ist leer.</source>
        <translation>The outbox is empty.</translation>
    </message>
    <message numerus="yes">
        <source>%n Sendung(en) warten, </source>
        <translation>
            <numerusform>%n item waiting, </numerusform>
            <numerusform>%n items waiting, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fehlgeschlagen.</source>
        <translation>
            <numerusform>%n failed.</numerusform>
            <numerusform>%n failed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wird gerade in der {wizard} korrigiert und dort gesendet. „Erneut senden“ und „Löschen“ sind hier gesperrt, solange die Korrektur dort offen ist; „Korrektur verwerfen“ schließt sie.</source>
        <translation>Being corrected in {wizard} and sent from there. “Resend” and “Delete” are locked here while the correction is open there; “Discard correction” closes it.</translation>
    </message>
    <message>
        <source>Grund: </source>
        <translation>Reason: </translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <source>Jetzt senden</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Postausgang jetzt senden</source>
        <translation>Send outbox now</translation>
    </message>
</context>
<context>
    <name>OutboxWorker</name>
    <message numerus="yes">
        <source>%n fehlgeschlagen – bitte prüfen</source>
        <translation>
            <numerusform>%n failed – please check</numerusform>
            <numerusform>%n failed – please check</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Anmeldung nötig – %n im Postausgang</source>
        <translation>
            <numerusform>Login required – %n in the outbox</numerusform>
            <numerusform>Login required – %n in the outbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline – %n im Postausgang</source>
        <translation>
            <numerusform>Offline – %n in the outbox</numerusform>
            <numerusform>Offline – %n in the outbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n im Postausgang</source>
        <translation>
            <numerusform>%n in the outbox</numerusform>
            <numerusform>%n in the outbox</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoState</name>
    <message numerus="yes">
        <source>%n Gesicht(er)</source>
        <translation>
            <numerusform>%n face</numerusform>
            <numerusform>%n faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Person(en)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n persons</numerusform>
        </translation>
    </message>
    <message>
        <source>Dokument</source>
        <translation>document</translation>
    </message>
    <message>
        <source>%1 markiert</source>
        <translation>%1 flagged</translation>
    </message>
    <message>
        <source>%1 – Entscheidung fehlt</source>
        <translation>%1 – decision missing</translation>
    </message>
    <message>
        <source>Metadaten entfernt</source>
        <translation>Metadata removed</translation>
    </message>
    <message>
        <source>Keine Metadaten gefunden</source>
        <translation>No metadata found</translation>
    </message>
    <message numerus="yes">
        <source>%n Gesicht(er) unkenntlich gemacht</source>
        <translation>
            <numerusform>%n face made unrecognisable</numerusform>
            <numerusform>%n faces made unrecognisable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Person(en) unkenntlich gemacht</source>
        <translation>
            <numerusform>%n person made unrecognisable</numerusform>
            <numerusform>%n persons made unrecognisable</numerusform>
        </translation>
    </message>
    <message>
        <source>Dokument unkenntlich gemacht</source>
        <translation>document made unrecognisable</translation>
    </message>
    <message>
        <source>als Fehlalarm bestätigt</source>
        <translation>confirmed as a false alarm</translation>
    </message>
    <message>
        <source>Auf mindestens einem Foto ist eine Person, ein Gesicht oder ein Dokument markiert. Bitte machen Sie die markierten Bereiche unkenntlich oder bestätigen Sie am Foto: „keine erkennbare Person / kein Dokument“.</source>
        <translation>A person, a face or a document is flagged on at least one photo. Please make the flagged regions unrecognisable or confirm on the photo: “no recognisable person / no document”.</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>&amp;Foto hinzufügen …</source>
        <translation>Add p&amp;hoto …</translation>
    </message>
    <message>
        <source>Oder Bilder hierher ziehen. Ortsangaben und Kameradaten werden vor dem Senden entfernt; bitte keine Personen oder Dokumente fotografieren.</source>
        <translation>Or drag pictures here. Location and camera data are removed before sending; please do not photograph people or documents.</translation>
    </message>
    <message>
        <source>Schadenbilder auswählen</source>
        <translation>Choose damage photos</translation>
    </message>
    <message>
        <source>Bilder (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif)</translation>
    </message>
    <message numerus="yes">
        <source>Höchstens %1 Schadenbilder pro Vermittlung – %n Bild(er) nicht übernommen.</source>
        <translation>
            <numerusform>At most %1 damage photos per referral – %n photo not added.</numerusform>
            <numerusform>At most %1 damage photos per referral – %n photos not added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoTile</name>
    <message>
        <source>Gesichter erkannt – bitte unkenntlich machen.</source>
        <translation>Faces detected – please make them unrecognisable.</translation>
    </message>
    <message>
        <source>Möglicherweise ein Dokument im Bild (Vertrag, Ausweis) – bitte prüfen.</source>
        <translation>Possibly a document in the picture (contract, ID card) – please check.</translation>
    </message>
    <message>
        <source>Die Datei war unvollständig.</source>
        <translation>The file was incomplete.</translation>
    </message>
    <message>
        <source>Für den Versand verkleinert (Größenlimit des Servers).</source>
        <translation>Downscaled for sending (server size limit).</translation>
    </message>
    <message>
        <source>Bitte prüfen Sie das Bild.</source>
        <translation>Please check the picture.</translation>
    </message>
    <message>
        <source>Die Datei ist leer.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>Dieses Dateiformat wird nicht unterstützt (JPEG, PNG, WebP, GIF, HEIC).</source>
        <translation>This file format is not supported (JPEG, PNG, WebP, GIF, HEIC).</translation>
    </message>
    <message>
        <source>Das Bild hat zu viele Bildpunkte und wird nicht geöffnet.</source>
        <translation>The image has too many pixels and is not opened.</translation>
    </message>
    <message>
        <source>Die Datei ist beschädigt und kann nicht gelesen werden.</source>
        <translation>The file is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>Das Bild ist auch verkleinert noch zu groß für den Versand.</source>
        <translation>Even downscaled, the image is too large to send.</translation>
    </message>
    <message>
        <source>Die Metadaten konnten nicht sicher entfernt werden.</source>
        <translation>The metadata could not be removed safely.</translation>
    </message>
    <message>
        <source>Die Datei kann nicht gelesen werden.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>Bereinigtes Schadenbild</source>
        <translation>Cleaned damage photo</translation>
    </message>
    <message>
        <source>Bild wird bereinigt</source>
        <translation>Cleaning picture</translation>
    </message>
    <message>
        <source>Markierte Bereiche &amp;unkenntlich machen</source>
        <translation>Make flagged regions &amp;unrecognisable</translation>
    </message>
    <message>
        <source>Fehlalarm: keine erkennbare Person / kein Dokument</source>
        <translation>False alarm: no recognisable person / no document</translation>
    </message>
    <message>
        <source>Fehlalarm bestätigen: keine erkennbare Person und kein Dokument auf dem Foto</source>
        <translation>Confirm false alarm: no recognisable person and no document on the photo</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>%1 entfernt</source>
        <translation>%1 removed</translation>
    </message>
    <message>
        <source>Gesichter unkenntlich gemacht.</source>
        <translation>Faces made unrecognisable.</translation>
    </message>
    <message>
        <source>Keine Metadaten gefunden.</source>
        <translation>No metadata found.</translation>
    </message>
    <message>
        <source>Das Bild kann nicht verwendet werden.</source>
        <translation>The picture cannot be used.</translation>
    </message>
</context>
<context>
    <name>PostboxPage</name>
    <message>
        <source>Betreff durchsuchen</source>
        <translation>Search subjects</translation>
    </message>
    <message>
        <source>Anfragen durchsuchen</source>
        <translation>Search requests</translation>
    </message>
    <message>
        <source>Zeigt nur Anfragen, deren Betreff den eingegebenen Text enthält.</source>
        <translation>Shows only requests whose subject contains the text entered.</translation>
    </message>
    <message>
        <source>Anfragen filtern</source>
        <translation>Filter requests</translation>
    </message>
    <message>
        <source>Wählt, welche Anfragen die Liste zeigt.</source>
        <translation>Chooses which requests the list shows.</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Ungelesen</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>Offen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Geschlossen</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>&amp;Neue Anfrage</source>
        <translation>&amp;New request</translation>
    </message>
    <message>
        <source>Anfragen</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Anfrage schließen</source>
        <translation>Close request</translation>
    </message>
    <message>
        <source>Keine Anfrage ausgewählt</source>
        <translation>No request selected</translation>
    </message>
    <message>
        <source>Vermittlung: {label}</source>
        <translation>Referral: {label}</translation>
    </message>
    <message>
        <source>Terminänderung gewünscht</source>
        <translation>Appointment change requested</translation>
    </message>
    <message>
        <source>Neue Anfragen im Postausgang: {n} (werden gesendet, sobald die Verbindung steht)</source>
        <translation>New requests in the outbox: {n} (will be sent as soon as there is a connection)</translation>
    </message>
    <message>
        <source>&amp;Aktualisieren</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Nicht zustellbare Anfragen: {n} (siehe Postausgang)</source>
        <translation>Requests that cannot be delivered: {n} (see outbox)</translation>
    </message>
    <message>
        <source>Offline – der Postkorb zeigt den letzten Stand. Antworten werden gesendet, sobald die Verbindung wieder steht.</source>
        <translation>Offline – the inbox shows the last known state. Replies will be sent as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Wieder öffnen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Die betroffene Person kann Auskunft über diese Einträge verlangen (Art. 15 DSGVO) – bitte sachlich schreiben.</source>
        <translation>The person concerned can request access to these entries (Art. 15 GDPR) – please write objectively.</translation>
    </message>
</context>
<context>
    <name>PostboxWorker</name>
    <message>
        <source>Die Anfrage wurde inzwischen geändert. Die Ansicht wird aktualisiert.</source>
        <translation>The request has been changed in the meantime. The view is being refreshed.</translation>
    </message>
    <message>
        <source>Keine Verbindung zum Extranet. Bitte später erneut versuchen.</source>
        <translation>No connection to the Extranet. Please try again later.</translation>
    </message>
    <message>
        <source>Der Text enthält Angaben, die im Postkorb nicht erlaubt sind.</source>
        <translation>The text contains details that are not allowed in the inbox.</translation>
    </message>
    <message>
        <source>Die Aktion ist fehlgeschlagen.</source>
        <translation>The action failed.</translation>
    </message>
</context>
<context>
    <name>Postkorb</name>
    <message>
        <source>Postkorb</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Aktualisiert</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Betreff</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Geschlossen</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Glasvermittler</source>
        <translation>Glasvermittler</translation>
    </message>
    <message>
        <source>Kundenservice</source>
        <translation>Customer service</translation>
    </message>
    <message>
        <source>Neue Antwort vom Kundenservice im Postkorb</source>
        <translation>New reply from customer service in the inbox</translation>
    </message>
    <message>
        <source>Nicht zustellbar</source>
        <translation>Undeliverable</translation>
    </message>
    <message>
        <source>Offen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Sie</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ungelesen</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>Vermittlung</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Wartet auf Versand</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>{n} neue Antworten vom Kundenservice im Postkorb</source>
        <translation>{n} new replies from customer service in the inbox</translation>
    </message>
    <message>
        <source>{n} ungelesen</source>
        <translation>{n} unread</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Datenschutzhinweise</source>
        <translation>Privacy notice</translation>
    </message>
    <message>
        <source>Datenschutz bei der Vermittlung</source>
        <translation>Data protection when referring jobs</translation>
    </message>
    <message>
        <source>Inhalt</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Zum Abschnitt: %1</source>
        <translation>Go to section: %1</translation>
    </message>
    <message>
        <source>Alle lokalen Daten &amp;löschen …</source>
        <translation>&amp;Delete all local data …</translation>
    </message>
    <message>
        <source>Alle lokalen Daten löschen</source>
        <translation>Delete all local data</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kontaktdaten: nach der Anmeldung verfügbar.</source>
        <translation>Contact details: available after you log in.</translation>
    </message>
    <message>
        <source>Alle lokalen Daten löschen?</source>
        <translation>Delete all local data?</translation>
    </message>
    <message>
        <source>Alle lokalen Daten dieser App von diesem PC löschen?</source>
        <translation>Delete all of this app&apos;s local data from this PC?</translation>
    </message>
    <message>
        <source>Endgültig löschen</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>Alle lokalen Daten wurden gelöscht.</source>
        <translation>All local data has been deleted.</translation>
    </message>
    <message>
        <source>Die lokalen Daten konnten nicht vollständig gelöscht werden. Bitte beenden Sie die App und versuchen Sie es erneut.</source>
        <translation>The local data could not be deleted completely. Please quit the app and try again.</translation>
    </message>
    <message>
        <source>Pflichtfelder sind mit einem Sternchen (*) markiert. In der Schnell- und in der Komplettvermittlung sind das nur:</source>
        <translation>Mandatory fields are marked with an asterisk (*). In both the quick and the complete referral these are only:</translation>
    </message>
    <message>
        <source>Nachname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Kfz-Kennzeichen</source>
        <translation>Number plate</translation>
    </message>
    <message>
        <source>Versicherungsscheinnummer</source>
        <translation>Policy number</translation>
    </message>
    <message>
        <source>Die Servicenummer ist ebenfalls Pflicht, wird aber automatisch eingetragen.</source>
        <translation>The service number is mandatory too, but it is filled in automatically.</translation>
    </message>
    <message>
        <source>Nutzen Sie jedes Pflichtfeld nur für seinen Zweck: Ins Feld „Nachname“ gehört nur der Name, keine Eigenschaften der Person.</source>
        <translation>Use each mandatory field only for its purpose: the “Surname” field holds the name only, never characteristics of the person.</translation>
    </message>
    <message>
        <source>„Zusatzinfo“ (Komplettvermittlung) und „Bemerkungen“ (Schnellvermittlung) sind die Ausnahme: Tragen Sie dort nur auf ausdrücklichen Wunsch der Kundin oder des Kunden etwas ein, und nur Besonderheiten, ohne die der Auftrag kaum sinnvoll bearbeitet werden kann – zum Beispiel besondere Gegebenheiten vor Ort bei einer mobilen Reparatur. Sagen Sie vorher, was Sie dort eintragen möchten, und holen Sie das Einverständnis dafür ein.</source>
        <translation>“Additional information” (complete referral) and “Remarks” (quick referral) are the exception: enter something there only at the customer&apos;s explicit request, and only particulars without which the job can hardly be processed sensibly – for example special local conditions for a mobile repair. Say beforehand what you want to enter there and obtain agreement for it.</translation>
    </message>
    <message>
        <source>In Freitextfeldern dürfen keine besonderen Arten personenbezogener Daten stehen:</source>
        <translation>Free-text fields must not contain special categories of personal data:</translation>
    </message>
    <message>
        <source>rassische oder ethnische Herkunft</source>
        <translation>racial or ethnic origin</translation>
    </message>
    <message>
        <source>politische Meinungen</source>
        <translation>political opinions</translation>
    </message>
    <message>
        <source>religiöse oder weltanschauliche Überzeugungen</source>
        <translation>religious or philosophical beliefs</translation>
    </message>
    <message>
        <source>Gewerkschaftszugehörigkeit</source>
        <translation>trade union membership</translation>
    </message>
    <message>
        <source>Gesundheit, Krankheiten oder Behinderungen</source>
        <translation>health, illnesses or disabilities</translation>
    </message>
    <message>
        <source>Sexualleben oder sexuelle Orientierung</source>
        <translation>sex life or sexual orientation</translation>
    </message>
    <message>
        <source>Ebenso wenig gehören Bewertungen der Person oder Angaben, die für den Auftrag nicht gebraucht werden, in die Vermittlung. Beschreiben Sie stattdessen neutral, was vor Ort zu tun ist:</source>
        <translation>Judgements about the person and details the job does not need do not belong in a referral either. Instead, describe neutrally what needs to be done on site:</translation>
    </message>
    <message>
        <source>Statt „Kunde ist schwerhörig“: „Bitte laut und deutlich klingeln.“</source>
        <translation>Instead of “Customer is hard of hearing”: “Please ring loudly and clearly.”</translation>
    </message>
    <message>
        <source>Statt „Kundin ist gehbehindert“: „Die Kundin braucht etwas länger, um die Tür zu öffnen.“</source>
        <translation>Instead of “Customer has a walking disability”: “The customer needs a little longer to open the door.”</translation>
    </message>
    <message>
        <source>Statt „Kunde ist sehr schwierig“: nichts eintragen – Bewertungen gehören nicht in die Vermittlung.</source>
        <translation>Instead of “Customer is very difficult”: enter nothing – judgements do not belong in a referral.</translation>
    </message>
    <message>
        <source>Die App prüft diese Felder schon beim Tippen, markiert problematische Stellen und schlägt neutrale Formulierungen vor.</source>
        <translation>The app checks these fields as you type, marks problematic passages and suggests neutral wording.</translation>
    </message>
    <message>
        <source>Schadenfotos helfen, Reparatur oder Austausch richtig einzuschätzen. Auf den Fotos dürfen keine Personen zu sehen sein und möglichst keine anderen personenbezogenen Daten – etwa ein Vertrag, ein Ausweis oder andere Dokumente auf dem Armaturenbrett.</source>
        <translation>Damage photos help to assess the repair or replacement correctly. The photos must not show any people and, as far as possible, no other personal data – such as a contract, an ID card or other documents on the dashboard.</translation>
    </message>
    <message>
        <source>Digitalfotos enthalten oft Datum, Uhrzeit und je nach Kamera sogar den Ort der Aufnahme. Die App entfernt diese Metadaten vor dem Senden, zeigt Ihnen, was entfernt wurde, und markiert erkannte Gesichter und Personen, die Sie unkenntlich machen können.</source>
        <translation>Digital photos often contain the date, the time and, depending on the camera, even the place where they were taken. The app removes this metadata before sending, shows you what was removed and marks detected faces and persons, which you can make unrecognisable.</translation>
    </message>
    <message>
        <source>Fotos für die Vermittlung dürfen nur für die Abwicklung des Schadens verwendet werden – nie auf privaten Webseiten, in sozialen Netzwerken oder auf anderen Plattformen.</source>
        <translation>Photos taken for a referral may only be used to settle the claim – never on private websites, social networks or other platforms.</translation>
    </message>
    <message>
        <source>Bei jeder Verbindung fallen technische Nutzungsdaten an, vor allem IP-Adresse, Uhrzeit und die verwendete Programmversion. Sie werden für den Betrieb und zum Aufdecken und Beheben von Störungen und Missbrauch gebraucht und in den Protokolldateien nach 7 Tagen gelöscht.</source>
        <translation>Every connection produces technical usage data, above all the IP address, the time and the program version used. This data is needed to run the service and to detect and fix faults and misuse, and it is deleted from the log files after 7 days.</translation>
    </message>
    <message>
        <source>Für die Anmeldung wird ein Sitzungs-Cookie verwendet, das nur während der Sitzung gilt. Diese App hält es ausschließlich im Arbeitsspeicher und verwirft es beim Abmelden und Beenden.</source>
        <translation>Logging in uses a session cookie that is only valid for the session. This app keeps it in memory only and discards it when you log out or quit.</translation>
    </message>
    <message>
        <source>„Mein Postkorb“ ist kein E-Mail-Dienst, sondern ein Ticket-System: für Fragen und Änderungen zu vermittelten Aufträgen.</source>
        <translation>“My inbox” is not an e-mail service but a ticket system: for questions about and changes to referred jobs.</translation>
    </message>
    <message>
        <source>Schreiben Sie in „Betreff“ und „Beschreibung“ nur, was für die Anfrage nötig ist – keine besonderen Arten von Daten und keine Bewertungen der Person.</source>
        <translation>Only write in “Subject” and “Description” what the request needs – no special categories of data and no judgements about the person.</translation>
    </message>
    <message>
        <source>Auskunftsrecht (Art. 15 DSGVO): Die betroffene Person kann erfahren, was über sie gespeichert ist – auch Ihre Postkorb-Einträge und woher sie stammen. Fragen Sie sich vor dem Senden: Wie wirkt dieser Text, wenn die Kundin oder der Kunde ihn liest?</source>
        <translation>Right of access (Art. 15 GDPR): the data subject can find out what is stored about them – including your inbox entries and where they came from. Ask yourself before sending: how will this text come across when the customer reads it?</translation>
    </message>
    <message>
        <source>Diese App speichert auf diesem PC nur das Nötigste:</source>
        <translation>This app stores only what is necessary on this PC:</translation>
    </message>
    <message>
        <source>Pflichtangaben</source>
        <translation>Mandatory details</translation>
    </message>
    <message>
        <source>Freiwillige Angaben nur mit Einwilligung</source>
        <translation>Voluntary details only with consent</translation>
    </message>
    <message>
        <source>Was nie eingetragen werden darf</source>
        <translation>What must never be entered</translation>
    </message>
    <message>
        <source>Schadenfotos</source>
        <translation>Damage photos</translation>
    </message>
    <message>
        <source>Vermitteln Sie einen Auftrag nur, wenn die Kundin oder der Kunde mit Reparatur oder Austausch einverstanden ist, und geben Sie nur an, was für die Vermittlung wirklich nötig ist. Diese Seite fasst die Datenschutzhinweise für die Vermittlung an %1 zusammen und zeigt, was diese App auf Ihrem PC speichert.</source>
        <translation>Only refer a job if the customer agrees to the repair or replacement, and only enter what the referral really needs. This page summarises the privacy notice for referrals to %1 and shows what this app stores on your PC.</translation>
    </message>
    <message>
        <source>Alle anderen Angaben sind freiwillig. Fragen Sie vorher, ob die oder der Versicherte mit der Weitergabe an %1 zur schnellen Vermittlung und Bearbeitung einverstanden ist. Die App gibt die freiwilligen Felder erst frei, wenn Sie diese Einwilligung bestätigt haben.</source>
        <translation>All other details are voluntary. Ask the policyholder first whether they agree to these details being passed on to %1 for quick referral and handling. The app only unlocks the voluntary fields once you have confirmed this consent.</translation>
    </message>
    <message>
        <source>Mit den Auswahlfeldern (zum Beispiel Fahrzeug, Schadenart oder Terminwunsch) kann %1 den Auftrag bearbeiten und den Kontakt mit der Kundin oder dem Kunden gut vorbereiten. Freiwillige Angaben müssen den Tatsachen entsprechen.</source>
        <translation>With the selection fields (for example vehicle, type of damage or preferred appointment), %1 can process the job and prepare the contact with the customer well. Voluntary details must be true.</translation>
    </message>
    <message>
        <source>Wer wann welchen Auftrag vermittelt hat, speichert %1 und berechnet daraus Ihre Prämien.</source>
        <translation>Who referred which job and when is recorded by %1, which calculates your commission from this.</translation>
    </message>
    <message>
        <source>Bei Fragen zum Datenschutz erreichen Sie den Datenschutzbeauftragten für %1 jederzeit hier:</source>
        <translation>For questions about data protection you can contact the data protection officer for %1 at any time:</translation>
    </message>
    <message>
        <source>Was %1 über Ihre Nutzung speichert</source>
        <translation>What %1 stores about your usage</translation>
    </message>
    <message>
        <source>Mein Postkorb und das Auskunftsrecht</source>
        <translation>My inbox and the right of access</translation>
    </message>
    <message>
        <source>Fragen zum Datenschutz</source>
        <translation>Questions about data protection</translation>
    </message>
    <message>
        <source>Was diese App auf diesem PC speichert</source>
        <translation>What this app stores on this PC</translation>
    </message>
    <message>
        <source>Telefon: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>E-Mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <source>Kontaktdaten: nicht angegeben.</source>
        <translation>Contact details: not provided.</translation>
    </message>
    <message>
        <source>Entwürfe: Auf diesem PC ist kein Schlüsselbund verfügbar. Entwürfe bleiben daher nur im Arbeitsspeicher und gehen beim Beenden verloren.</source>
        <translation>Drafts: no keychain is available on this PC. Drafts are therefore kept in memory only and are lost when you quit.</translation>
    </message>
    <message>
        <source>Entwürfe: verschlüsselt (AES-GCM); der Schlüssel liegt im Schlüsselbund des Betriebssystems.</source>
        <translation>Drafts: encrypted (AES-GCM); the key is kept in the operating system&apos;s keychain.</translation>
    </message>
    <message>
        <source>Entwürfe werden nach einem Tag ohne Änderung automatisch gelöscht.</source>
        <translation>Drafts are deleted automatically after one day without changes.</translation>
    </message>
    <message>
        <source>Entwürfe werden nach %1 Tagen ohne Änderung automatisch gelöscht.</source>
        <translation>Drafts are deleted automatically after %1 days without changes.</translation>
    </message>
    <message>
        <source>Anmeldung: Das Sitzungs-Cookie liegt nur im Arbeitsspeicher. Ihr Passwort wird nie im Klartext gespeichert.</source>
        <translation>Login: the session cookie is kept in memory only. Your password is never stored in plain text.</translation>
    </message>
    <message>
        <source>Ohne Schlüsselbund merkt sich die App keine Anmeldung; sie fragt jedes Mal nach dem Passwort.</source>
        <translation>Without a keychain the app does not remember a login; it asks for the password every time.</translation>
    </message>
    <message>
        <source>„Anmeldung merken“ legt Benutzername und Passwort im Schlüsselbund des Betriebssystems ab; ohne Schlüsselbund fragt die App jedes Mal nach dem Passwort.</source>
        <translation>“Remember login” stores user name and password in the operating system&apos;s keychain; without a keychain the app asks for the password every time.</translation>
    </message>
    <message>
        <source>Protokolle: nur technische Angaben, ohne Namen, Telefonnummern, Kennzeichen oder Freitext.</source>
        <translation>Logs: technical details only, without names, phone numbers, number plates or free text.</translation>
    </message>
    <message>
        <source>Protokolle werden nach einem Tag gelöscht.</source>
        <translation>Logs are deleted after one day.</translation>
    </message>
    <message>
        <source>Protokolle werden nach %1 Tagen gelöscht.</source>
        <translation>Logs are deleted after %1 days.</translation>
    </message>
    <message>
        <source>Speicherort: %1</source>
        <translation>Location: %1</translation>
    </message>
    <message>
        <source>Postausgang und Postkorb: noch nicht übertragene Vermittlungen, Fotos und Nachrichten sowie die Kopie Ihres Postkorbs liegen ohne Schlüsselbund ebenfalls nur im Arbeitsspeicher und gehen beim Beenden verloren.</source>
        <translation>Outbox and mailbox: referrals, photos and messages not yet transmitted, and the copy of your mailbox, are likewise kept in memory only without a keychain and are lost on quitting.</translation>
    </message>
    <message>
        <source>Postausgang und Postkorb: noch nicht übertragene Vermittlungen, Fotos und Nachrichten (bis der Server den Empfang bestätigt hat) sowie die Kopie Ihres Postkorbs, verschlüsselt wie die Entwürfe.</source>
        <translation>Outbox and mailbox: referrals, photos and messages not yet transmitted (until the server confirms receipt), and the copy of your mailbox, encrypted like the drafts.</translation>
    </message>
    <message>
        <source>„Alle lokalen Daten löschen“ entfernt Entwürfe, den Postausgang, zwischengespeicherte Postkorb-Einträge, die Daten des eingebauten Demo-Servers, den Schlüssel im Schlüsselbund und die Protokolle von diesem PC. Noch nicht gesendete Vermittlungen und Nachrichten gehen dabei verloren.</source>
        <translation>“Delete all local data” removes drafts, the outbox, cached inbox entries, the data of the built-in demo server, the key in the keychain and the logs from this PC. Referrals and messages not yet sent are lost.</translation>
    </message>
</context>
<context>
    <name>ProblemTexts</name>
    <message>
        <source>Das Extranet konnte die Anfrage nicht verarbeiten.</source>
        <extracomment>code -&gt; sentence (source text; translated when asked for)</extracomment>
        <translation>The Extranet could not process the request.</translation>
    </message>
    <message>
        <source>Das Extranet erkennt dieses Programm nicht. Bitte installieren Sie die aktuelle Fassung.</source>
        <translation>The Extranet does not recognise this program. Please install the current version.</translation>
    </message>
    <message>
        <source>Freiwillige Angaben dürfen nur mit Einwilligung des Kunden übermittelt werden.</source>
        <translation>Voluntary details may only be sent with the customer&apos;s consent.</translation>
    </message>
    <message>
        <source>Die Liste ist veraltet. Bitte laden Sie sie neu.</source>
        <translation>The list is out of date. Please reload it.</translation>
    </message>
    <message>
        <source>Die Liste konnte nicht weitergeladen werden. Bitte laden Sie sie neu.</source>
        <translation>The list could not be loaded further. Please reload it.</translation>
    </message>
    <message>
        <source>Dafür fehlt Ihrem Zugang die Berechtigung.</source>
        <translation>Your account is not permitted to do this.</translation>
    </message>
    <message>
        <source>Das Extranet nimmt unter dieser Adresse keine Anfragen an.</source>
        <translation>The Extranet does not accept requests at this address.</translation>
    </message>
    <message>
        <source>Das Extranet hat die Anfrage abgelehnt.</source>
        <translation>The Extranet refused the request.</translation>
    </message>
    <message>
        <source>Diese Sendung wird gerade schon übertragen. Bitte warten Sie einen Moment.</source>
        <translation>This item is already being sent. Please wait a moment.</translation>
    </message>
    <message>
        <source>Die Sendung konnte nicht eindeutig gekennzeichnet werden.</source>
        <translation>The item could not be labelled uniquely.</translation>
    </message>
    <message>
        <source>Diese Vermittlung wurde mit anderen Angaben schon gesendet.</source>
        <translation>This referral was already sent with different details.</translation>
    </message>
    <message>
        <source>An dieser Stelle liegt schon ein anderes Schadenbild.</source>
        <translation>A different damage photo is already stored in this place.</translation>
    </message>
    <message>
        <source>Ein Schadenbild ist beschädigt und kann nicht gelesen werden.</source>
        <translation>A damage photo is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>Ein Schadenbild enthält noch Metadaten wie Ort oder Kamera.</source>
        <translation>A damage photo still contains metadata such as location or camera.</translation>
    </message>
    <message>
        <source>Ein Schadenbild ist zu groß.</source>
        <translation>A damage photo is too large.</translation>
    </message>
    <message>
        <source>Ein Schadenbild hat zu viele Bildpunkte.</source>
        <translation>A damage photo has too many pixels.</translation>
    </message>
    <message>
        <source>Im Extranet ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.</source>
        <translation>An error occurred in the Extranet. Please try again later.</translation>
    </message>
    <message>
        <source>Anmeldename oder Passwort stimmen nicht.</source>
        <translation>User name or password is incorrect.</translation>
    </message>
    <message>
        <source>Ein Schadenbild konnte nicht zugeordnet werden.</source>
        <translation>A damage photo could not be assigned.</translation>
    </message>
    <message>
        <source>Das Extranet unterstützt diese Anfrage nicht.</source>
        <translation>The Extranet does not support this request.</translation>
    </message>
    <message>
        <source>Keine Verbindung zum Extranet. Ihre Eingaben bleiben erhalten – bitte erneut senden.</source>
        <translation>No connection to the Extranet. Your entries are kept – please send again.</translation>
    </message>
    <message>
        <source>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich neu an.</source>
        <translation>Your session has expired. Please log in again.</translation>
    </message>
    <message>
        <source>Der Vorgang wurde im Extranet nicht gefunden.</source>
        <translation>The case was not found in the Extranet.</translation>
    </message>
    <message>
        <source>Die Sendung ist zu groß. Bitte kürzen Sie die Texte.</source>
        <translation>The item is too large. Please shorten the texts.</translation>
    </message>
    <message>
        <source>Ein Foto wurde ohne Entscheidung zu markierten Personen oder Dokumenten gesendet. Bitte prüfen Sie die Schadenbilder und senden Sie erneut.</source>
        <translation>A photo was sent without a decision on marked people or documents. Please check the damage photos and send again.</translation>
    </message>
    <message>
        <source>Das Extranet erkennt auf einem Foto eine Person oder ein Gesicht. Bitte machen Sie die Stelle unkenntlich oder bestätigen Sie am Foto, dass niemand erkennbar ist.</source>
        <translation>The Extranet detects a person or a face on a photo. Please make the spot unrecognisable or confirm on the photo that nobody can be recognised.</translation>
    </message>
    <message>
        <source>Der Vorgang wurde inzwischen geändert. Bitte laden Sie ihn neu und versuchen Sie es erneut.</source>
        <translation>The case has been changed in the meantime. Please reload it and try again.</translation>
    </message>
    <message>
        <source>Der Vorgang konnte nicht sicher geändert werden. Bitte laden Sie ihn neu.</source>
        <translation>The case could not be changed safely. Please reload it.</translation>
    </message>
    <message>
        <source>Ein Text enthält Angaben, die aus Datenschutzgründen nicht übermittelt werden dürfen.</source>
        <translation>A text contains details that must not be sent for privacy reasons.</translation>
    </message>
    <message>
        <source>Bitte bestätigen Sie, dass der Kunde mit Reparatur oder Austausch einverstanden ist.</source>
        <translation>Please confirm that the customer agrees to repair or replacement.</translation>
    </message>
    <message>
        <source>Zu viele Anmeldeversuche. Bitte warten Sie einige Minuten.</source>
        <translation>Too many login attempts. Please wait a few minutes.</translation>
    </message>
    <message>
        <source>Zu dieser Vermittlung sind schon alle erlaubten Schadenbilder gesendet.</source>
        <translation>All permitted damage photos have already been sent for this referral.</translation>
    </message>
    <message>
        <source>Das Extranet ist vorübergehend nicht erreichbar.</source>
        <translation>The Extranet is temporarily unavailable.</translation>
    </message>
    <message>
        <source>Das Format eines Schadenbilds wird nicht unterstützt (nur JPEG oder PNG).</source>
        <translation>The format of a damage photo is not supported (only JPEG or PNG).</translation>
    </message>
    <message>
        <source>Bitte prüfen Sie die markierten Angaben.</source>
        <translation>Please check the marked entries.</translation>
    </message>
    <message>
        <source>Das Senden ist fehlgeschlagen. Bitte versuchen Sie es erneut.</source>
        <translation>Sending failed. Please try again.</translation>
    </message>
</context>
<context>
    <name>ReferralDetailDialog</name>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nein</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Vermittlung {number}</source>
        <translation>Referral {number}</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Anfrage im Postkorb stellen</source>
        <translation>&amp;Ask in the inbox</translation>
    </message>
</context>
<context>
    <name>ReferralFields</name>
    <message>
        <source>&amp;Nachname *</source>
        <translation>&amp;Surname *</translation>
    </message>
    <message>
        <source>&amp;Telefon *</source>
        <translation>&amp;Phone *</translation>
    </message>
    <message>
        <source>&amp;Kfz-Kennzeichen *</source>
        <translation>&amp;Number plate *</translation>
    </message>
    <message>
        <source>&amp;Versicherungsscheinnummer *</source>
        <translation>Po&amp;licy number *</translation>
    </message>
    <message>
        <source>Servicenummer</source>
        <translation>Service number</translation>
    </message>
    <message>
        <source>Anre&amp;de</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>Vorna&amp;me</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>Zweite Telefonnummer</source>
        <translation>Second phone number</translation>
    </message>
    <message>
        <source>Versic&amp;herer</source>
        <translation>&amp;Insurer</translation>
    </message>
    <message>
        <source>Deckung</source>
        <translation>Cover</translation>
    </message>
    <message>
        <source>Werkstattbindung / Select-Tarif</source>
        <translation>Approved-repairer tariff / select tariff</translation>
    </message>
    <message>
        <source>Selbstbeteiligung Teilkasko</source>
        <translation>Partial cover excess</translation>
    </message>
    <message>
        <source>Vorsteuerabzugsberechtigt</source>
        <translation>Entitled to deduct input VAT</translation>
    </message>
    <message>
        <source>USt-IdNr.</source>
        <translation>VAT ID no.</translation>
    </message>
    <message>
        <source>Schadennummer des Versicherers</source>
        <translation>Insurer&apos;s claim number</translation>
    </message>
    <message>
        <source>Schadendatum</source>
        <translation>Date of damage</translation>
    </message>
    <message>
        <source>Ursache</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Betroffene Sche&amp;ibe</source>
        <translation>Affected &amp;window</translation>
    </message>
    <message>
        <source>Sch&amp;adenart</source>
        <translation>Type of d&amp;amage</translation>
    </message>
    <message>
        <source>Anzahl Einschläge</source>
        <translation>Number of impacts</translation>
    </message>
    <message>
        <source>Schadengröße</source>
        <translation>Size of damage</translation>
    </message>
    <message>
        <source>Lage des Schadens</source>
        <translation>Position of damage</translation>
    </message>
    <message>
        <source>Schadenbild</source>
        <translation>Damage photo</translation>
    </message>
    <message>
        <source>Hersteller</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>Modell</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Erstzulassung (Jahr)</source>
        <translation>First registration (year)</translation>
    </message>
    <message>
        <source>HSN (Schlüsselnummer 2.1)</source>
        <translation>HSN (key number 2.1)</translation>
    </message>
    <message>
        <source>TSN (Schlüsselnummer 2.2)</source>
        <translation>TSN (key number 2.2)</translation>
    </message>
    <message>
        <source>FIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <source>Assistenzsysteme hinter der Scheibe</source>
        <translation>Driver assistance systems behind the glass</translation>
    </message>
    <message>
        <source>Service-&amp;Wunsch</source>
        <translation>Preferred ser&amp;vice</translation>
    </message>
    <message>
        <source>Einsatzort (mobiler Service)</source>
        <translation>Location (mobile service)</translation>
    </message>
    <message>
        <source>Wunschtermin</source>
        <translation>Preferred date</translation>
    </message>
    <message>
        <source>Tageszeit</source>
        <translation>Time of day</translation>
    </message>
    <message>
        <source>Erreichbarkeit</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Nicht am Arbeitsplatz anrufen</source>
        <translation>Do not call at work</translation>
    </message>
    <message>
        <source>&amp;Zusatzinfo</source>
        <translation>Additional infor&amp;mation</translation>
    </message>
    <message>
        <source>&amp;Bemerkungen</source>
        <translation>Re&amp;marks</translation>
    </message>
    <message>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
</context>
<context>
    <name>ReferralFlow</name>
    <message>
        <source>Bitte füllen Sie diese Angabe aus.</source>
        <extracomment>the server&apos;s own ``errors[].code`` values that desktop.validation does not share</extracomment>
        <translation>Please fill in this entry.</translation>
    </message>
    <message>
        <source>Diese Angabe ist ungültig.</source>
        <translation>This entry is invalid.</translation>
    </message>
    <message>
        <source>Bitte ein gültiges Datum angeben.</source>
        <translation>Please enter a valid date.</translation>
    </message>
    <message>
        <source>Diese Angabe hat nicht das erwartete Format.</source>
        <translation>This entry does not have the expected format.</translation>
    </message>
    <message>
        <source>Dieser Text ist zu lang.</source>
        <translation>This text is too long.</translation>
    </message>
    <message>
        <source>Dieser Wert ist im Extranet nicht (mehr) auswählbar.</source>
        <translation>This value can no longer be selected in the Extranet.</translation>
    </message>
    <message>
        <source>Diese Angabe nimmt das Extranet nicht an.</source>
        <translation>The Extranet does not accept this entry.</translation>
    </message>
    <message>
        <source>Die Servicenummer passt nicht zu Ihrem Zugang beim Extranet.</source>
        <translation>The service number does not match your Extranet account.</translation>
    </message>
    <message>
        <source>Der Vorgang wurde nicht gefunden.</source>
        <translation>The case was not found.</translation>
    </message>
    <message>
        <source>Dieser Wert ist dem Extranet unbekannt.</source>
        <translation>This value is unknown to the Extranet.</translation>
    </message>
</context>
<context>
    <name>ReferralLayout</name>
    <message>
        <source>Schnellvermittlung</source>
        <translation>Quick referral</translation>
    </message>
    <message>
        <source>Komplettvermittlung</source>
        <translation>Complete referral</translation>
    </message>
    <message>
        <source>Kunde ist mit &amp;Reparatur oder Austausch durch %1 einverstanden *</source>
        <translation>Customer agrees to &amp;repair or replacement by %1 *</translation>
    </message>
    <message>
        <source>Kunde ist mit Reparatur oder Austausch durch %1 einverstanden</source>
        <translation>Customer agrees to repair or replacement by %1</translation>
    </message>
    <message>
        <source>Pflichtangaben</source>
        <translation>Mandatory details</translation>
    </message>
    <message>
        <source>Nur Anzeige, vom Server vorbelegt; kann nicht geändert werden.</source>
        <translation>Display only, pre-filled by the server; cannot be changed.</translation>
    </message>
    <message>
        <source>Pflichtangabe: nur der Nachname, keine weiteren Angaben zur Person.</source>
        <translation>Mandatory: the surname only, no other details about the person.</translation>
    </message>
    <message>
        <source>z. B. 0221 1234567</source>
        <translation>e.g. 0221 1234567</translation>
    </message>
    <message>
        <source>z. B. M-AB 1234</source>
        <translation>e.g. M-AB 1234</translation>
    </message>
    <message>
        <source>Pflichtangabe.</source>
        <translation>Mandatory.</translation>
    </message>
    <message>
        <source>Freiwillige Angaben</source>
        <translation>Voluntary details</translation>
    </message>
    <message>
        <source>Schadenbilder</source>
        <translation>Damage photos</translation>
    </message>
    <message>
        <source>Freiwillige Angabe, nur mit Einwilligung des Kunden.</source>
        <translation>Voluntary detail, only with the customer&apos;s consent.</translation>
    </message>
    <message>
        <source>Kunde wünscht diese Angaben ausdrücklich (Freite&amp;xt)</source>
        <translation>Customer explicitly wants these details (free te&amp;xt)</translation>
    </message>
    <message>
        <source>Freitext wird nur übermittelt, wenn der Kunde ihn ausdrücklich wünscht.</source>
        <translation>Free text is only transmitted if the customer explicitly wants it.</translation>
    </message>
    <message>
        <source>Kunde wünscht Freitext ausdrücklich</source>
        <translation>Customer explicitly wants free text</translation>
    </message>
    <message>
        <source>Nur Besonderheiten des Auftrags, z. B. „Bitte laut und deutlich klingeln“.</source>
        <translation>Only particulars of the job, e.g. “Please ring loudly and clearly”.</translation>
    </message>
    <message>
        <source>Die betroffene Person kann Auskunft über diese Angaben verlangen (Art. 15 DSGVO) – bitte nur sachliche, für den Auftrag nötige Hinweise.</source>
        <translation>The data subject may request access to these entries (Art. 15 GDPR) – please write only factual notes needed for the job.</translation>
    </message>
    <message>
        <source>Keine Gesundheitsangaben oder Bewertungen.</source>
        <translation>No health details or judgements.</translation>
    </message>
    <message>
        <source>%1 von %2 Zeichen</source>
        <translation>%1 of %2 characters</translation>
    </message>
    <message>
        <source>Erreichbarkeit</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Fahrzeug</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Schaden</source>
        <translation>Damage</translation>
    </message>
    <message>
        <source>Service-Wunsch und Termin</source>
        <translation>Service request and appointment</translation>
    </message>
    <message>
        <source>Versicherung</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <source>Zusatzinfo</source>
        <translation>Additional information</translation>
    </message>
</context>
<context>
    <name>ReferralReopen</name>
    <message>
        <source>Als neue Vermittlung senden</source>
        <translation>Send as a new referral</translation>
    </message>
    <message>
        <source>Als neue Vermittlung senden? Sonst bleibt das Formular unverändert und wird unter „Entwürfe“ gespeichert.</source>
        <translation>Send it as a new referral? Otherwise the form stays as it is and is kept under “Drafts”.</translation>
    </message>
    <message>
        <source>Die fehlgeschlagene Vermittlung jetzt öffnen?</source>
        <translation>Open the failed referral now?</translation>
    </message>
    <message>
        <source>Die fehlgeschlagene Vermittlung wird inzwischen unverändert erneut gesendet. Ihre Korrektur wurde deshalb nicht gesendet: Sie wäre eine zweite Vermittlung.</source>
        <translation>The failed referral is meanwhile being sent again unchanged. Your correction was therefore not sent: it would be a second referral.</translation>
    </message>
    <message>
        <source>Die fehlgeschlagene Vermittlung wurde aus dem Postausgang gelöscht. Ihre Korrektur wurde deshalb noch nicht gesendet.</source>
        <translation>The failed referral was deleted from the outbox. Your correction has therefore not been sent yet.</translation>
    </message>
    <message>
        <source>Die fehlgeschlagene Vermittlung wurde inzwischen unverändert gesendet. Ihre Korrektur wurde deshalb nicht gesendet: Sie wäre eine zweite Vermittlung.</source>
        <translation>The failed referral has meanwhile been sent unchanged. Your correction was therefore not sent: it would be a second referral.</translation>
    </message>
    <message>
        <source>Fehlgeschlagene Vermittlung öffnen</source>
        <translation>Open failed referral</translation>
    </message>
    <message>
        <source>Ihre Korrekturen in der {wizard} werden verworfen; die Vermittlung bleibt unverändert im Postausgang.</source>
        <translation>Your corrections in {wizard} are discarded; the referral stays unchanged in the outbox.</translation>
    </message>
    <message>
        <source>In der {wizard} ist eine Vermittlung begonnen. Sie bleibt unter „Entwürfe“ gespeichert und kann dort fortgesetzt werden.</source>
        <translation>A referral has been started in {wizard}. It stays saved under “Drafts” and can be continued there.</translation>
    </message>
    <message>
        <source>In der {wizard} wird gerade eine andere fehlgeschlagene Vermittlung korrigiert. Ihre Änderungen daran werden verworfen; die Vermittlung selbst bleibt unverändert im Postausgang.</source>
        <translation>Another failed referral is being corrected in {wizard}. Your changes to it will be discarded; the referral itself stays unchanged in the Outbox.</translation>
    </message>
    <message>
        <source>Korrektur verwerfen?</source>
        <translation>Discard the correction?</translation>
    </message>
    <message>
        <source>Vermittlung nicht gesendet</source>
        <translation>Referral not sent</translation>
    </message>
    <message>
        <source>Verwerfen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>ReferralReview</name>
    <message>
        <source>%1, %2 Uhr</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>(leer)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Schnellvermittlung</source>
        <translation>Quick referral</translation>
    </message>
    <message>
        <source>Komplettvermittlung</source>
        <translation>Complete referral</translation>
    </message>
    <message>
        <source>Pflichtangaben</source>
        <translation>Mandatory details</translation>
    </message>
    <message>
        <source>Einverständnis mit Reparatur oder Austausch</source>
        <translation>Agreement to repair or replacement</translation>
    </message>
    <message>
        <source>Freiwillige Angaben (mit Einwilligung)</source>
        <translation>Voluntary details (with consent)</translation>
    </message>
    <message>
        <source>erteilt am %1</source>
        <translation>given on %1</translation>
    </message>
    <message>
        <source>(Einwilligungstext %1)</source>
        <translation>(consent text %1)</translation>
    </message>
    <message>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Keine freiwilligen Angaben eingetragen.</source>
        <translation>No voluntary details entered.</translation>
    </message>
    <message>
        <source>nicht erteilt</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Keine freiwilligen Angaben – die Einwilligung fehlt.</source>
        <translation>No voluntary details – consent is missing.</translation>
    </message>
    <message numerus="yes">
        <source>Schadenbilder: %n</source>
        <translation>
            <numerusform>Damage photos: %n</numerusform>
            <numerusform>Damage photos: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Bild %1</source>
        <translation>Photo %1</translation>
    </message>
    <message numerus="yes">
        <source>Schadenbilder: %n (Metadaten entfernt)</source>
        <translation>
            <numerusform>Damage photos: %n (metadata removed)</numerusform>
            <numerusform>Damage photos: %n (metadata removed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferralView</name>
    <message>
        <source>Der Schaden ist älter als 4 Wochen – eine Reparatur ist dann seltener möglich.</source>
        <translation>The damage is older than 4 weeks – a repair is then less often possible.</translation>
    </message>
    <message>
        <source>Die Schadenbilder werden noch bereinigt.</source>
        <translation>The damage photos are still being cleaned.</translation>
    </message>
    <message>
        <source>Wird gesendet …</source>
        <translation>Sending …</translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <source>Eingegangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Kunde kontaktiert</source>
        <translation>Customer contacted</translation>
    </message>
    <message>
        <source>Termin vereinbart</source>
        <translation>Appointment made</translation>
    </message>
    <message>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Storniert</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kunde</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Kennzeichen</source>
        <translation>Number plate</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Meine Vermittlungen</source>
        <translation>My referrals</translation>
    </message>
    <message>
        <source>Suchen (Name, Kennzeichen, Nummer …)</source>
        <translation>Search (name, number plate, number …)</translation>
    </message>
    <message>
        <source>Vermittlungen durchsuchen</source>
        <translation>Search referrals</translation>
    </message>
    <message>
        <source>Zeigt nur Vermittlungen, die den eingegebenen Text enthalten.</source>
        <translation>Shows only referrals containing the text entered.</translation>
    </message>
    <message>
        <source>Nach Status filtern</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Wählt, welche Vermittlungen die Liste zeigt.</source>
        <translation>Chooses which referrals the list shows.</translation>
    </message>
    <message>
        <source>Alle Status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>&amp;Aktualisieren</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Aktualisieren</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Eingabetaste oder Doppelklick zeigt die Vermittlung im Einzelnen.</source>
        <translation>Enter or double-click shows the referral in detail.</translation>
    </message>
    <message>
        <source>Wird aktualisiert …</source>
        <translation>Refreshing …</translation>
    </message>
    <message numerus="yes">
        <source>%n Vermittlung(en)</source>
        <translation>
            <numerusform>%n referral</numerusform>
            <numerusform>%n referrals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} von %n Vermittlung(en)</source>
        <translation>
            <numerusform>{shown} of %n referral</numerusform>
            <numerusform>{shown} of %n referrals</numerusform>
        </translation>
    </message>
    <message>
        <source>Aktualisierung fehlgeschlagen – bitte später erneut versuchen.</source>
        <translation>Refresh failed – please try again later.</translation>
    </message>
</context>
<context>
    <name>ReplyBox</name>
    <message>
        <source>Antwort</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Ihre Antwort in dieser Anfrage. Nur was für die Anfrage nötig ist; keine Gesundheitsangaben oder anderen besonderen Daten, keine Bewertungen von Personen.</source>
        <translation>Your reply in this request. Only what the request needs; no health details or other special categories of data, no judgements of people.</translation>
    </message>
    <message>
        <source>Antwort schreiben …</source>
        <translation>Write a reply …</translation>
    </message>
    <message>
        <source>Senden</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Antwort senden</source>
        <translation>Send reply</translation>
    </message>
    <message>
        <source>Antwort senden (Strg+Eingabe)</source>
        <translation>Send reply (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Die betroffene Person kann Auskunft über diese Einträge verlangen (Art. 15 DSGVO) – bitte sachlich schreiben.</source>
        <translation>The person concerned can request access to these entries (Art. 15 GDPR) – please write objectively.</translation>
    </message>
</context>
<context>
    <name>ReviewBox</name>
    <message>
        <source>Prüfen und senden: Das verlässt den PC</source>
        <translation>Check and send: this is what leaves the PC</translation>
    </message>
    <message>
        <source>Zu übermittelnde Daten</source>
        <translation>Data to be transmitted</translation>
    </message>
    <message>
        <source>Technische Ansicht (&amp;JSON)</source>
        <translation>Technical view (&amp;JSON)</translation>
    </message>
    <message>
        <source>Zeigt die zu sendenden Daten genau so, wie sie übertragen werden.</source>
        <translation>Shows the data to be sent exactly as it is transmitted.</translation>
    </message>
    <message>
        <source>Technische Ansicht (JSON)</source>
        <translation>Technical view (JSON)</translation>
    </message>
    <message>
        <source>Die zu sendenden Daten im Übertragungsformat JSON.</source>
        <translation>The data to be sent in the transmission format JSON.</translation>
    </message>
    <message>
        <source>&amp;Senden (Strg+Enter)</source>
        <translation>Sen&amp;d (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ne&amp;ue Vermittlung</source>
        <translation>N&amp;ew referral</translation>
    </message>
    <message>
        <source>Leeres Formular für den nächsten Anruf (Strg+N)</source>
        <translation>Empty form for the next call (Ctrl+N)</translation>
    </message>
    <message>
        <source>Leert das Formular für den nächsten Anruf. Tastenkürzel Strg+N.</source>
        <translation>Empties the form for the next call. Shortcut Ctrl+N.</translation>
    </message>
    <message>
        <source>Genau diese Daten werden an %1 gesendet: Pflichtangaben, freiwillige Angaben nur mit Einwilligung, Schadenbilder ohne Metadaten.</source>
        <translation>Exactly this data is sent to %1: mandatory details, voluntary details only with consent, damage photos without metadata.</translation>
    </message>
</context>
<context>
    <name>SendResults</name>
    <message>
        <source>&amp;Senden (Strg+Enter)</source>
        <translation>Sen&amp;d (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Im Postausgang – wird gesendet, sobald Sie sich wieder angemeldet haben.</source>
        <translation>In the outbox – will be sent as soon as you have logged in again.</translation>
    </message>
    <message>
        <source>Offline: Im Postausgang – wird gesendet, sobald eine Verbindung besteht.</source>
        <translation>Offline: in the outbox – will be sent as soon as there is a connection.</translation>
    </message>
    <message>
        <source>Im Postausgang gespeichert – wird gesendet …</source>
        <translation>Saved in the outbox – sending …</translation>
    </message>
    <message>
        <source>Schadenbilder hochgeladen: %1 von %2</source>
        <translation>Damage photos uploaded: %1 of %2</translation>
    </message>
    <message>
        <source>Vermittlung übermittelt.</source>
        <translation>Referral transmitted.</translation>
    </message>
    <message>
        <source>Vermittlungsnummer</source>
        <translation>Referral number</translation>
    </message>
    <message>
        <source>Vermittlung übermittelt (Nr. %1).</source>
        <translation>Referral transmitted (no. %1).</translation>
    </message>
    <message>
        <source>Erneut &amp;senden (Strg+Enter)</source>
        <translation>Send a&amp;gain (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Die Adresse muss mit http:// oder https:// beginnen.</source>
        <translation>The address must start with http:// or https://.</translation>
    </message>
    <message>
        <source>Die Adresse enthält keinen gültigen Servernamen oder Port.</source>
        <translation>The address has no valid server name or port.</translation>
    </message>
    <message>
        <source>Die Adresse darf keine Parameter, Anker oder Zugangsdaten enthalten.</source>
        <translation>The address must not contain parameters, anchors or credentials.</translation>
    </message>
    <message>
        <source>Ein Server auf einem anderen Rechner braucht eine verschlüsselte Verbindung: Die Adresse muss mit https:// beginnen.</source>
        <translation>A server on another computer needs an encrypted connection: the address must start with https://.</translation>
    </message>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Server-Adresse</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Basisadresse des Extranets, zum Beispiel https://extranet.example.com. Leer lassen für den eingebauten Demo-Server. Wirkt beim nächsten Start.</source>
        <translation>Base address of the Extranet, for example https://extranet.example.com. Leave empty for the built-in demo server. Takes effect at the next start.</translation>
    </message>
    <message>
        <source>leer = eingebauter Demo-Server</source>
        <translation>empty = built-in demo server</translation>
    </message>
    <message>
        <source>&amp;Server-Adresse</source>
        <translation>&amp;Server address</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sprache der Oberfläche. Wirkt beim nächsten Start.</source>
        <translation>Language of the user interface. Takes effect at the next start.</translation>
    </message>
    <message>
        <source>S&amp;prache</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Ohne Server-Adresse startet der eingebaute Demo-Server (nur Demo-Zugänge). Änderungen werden beim nächsten Start wirksam.</source>
        <translation>Without a server address the built-in demo server starts (demo accounts only). Changes take effect at the next start.</translation>
    </message>
</context>
<context>
    <name>WhyPopup</name>
    <message>
        <source>Warum?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <source>Ganze &amp;Datenschutzseite öffnen</source>
        <translation>Open the whole &amp;privacy page</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
