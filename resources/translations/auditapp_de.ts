<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About AuditApp</source>
        <translation>Über AuditApp</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>User data folder</source>
        <translation>Benutzerdatenordner</translation>
    </message>
    <message>
        <source>Licence texts</source>
        <translation>Lizenztexte</translation>
    </message>
    <message>
        <source>Offline GCP audit workbench for audits of CROs (ICH E6(R2)/(R3), 21 CFR Part 11, EU GMP Annex 11).</source>
        <translation>Offline-Arbeitsplatz für GCP-Audits bei CROs (ICH E6(R2)/(R3), 21 CFR Part 11, EU-GMP-Anhang 11).</translation>
    </message>
    <message>
        <source>All audit data, evidence originals and the audit trail are in the one database file. Nothing is sent anywhere.</source>
        <translation>Alle Auditdaten, Nachweis-Originale und der Audit-Trail liegen in der einen Datenbankdatei. Nichts wird irgendwohin gesendet.</translation>
    </message>
    <message>
        <source>Qt and Qt for Python are used under the LGPL 3.0; their source code is available from the Qt Project.</source>
        <translation>Qt und Qt for Python werden unter der LGPL 3.0 genutzt; ihr Quellcode ist beim Qt Project erhältlich.</translation>
    </message>
    <message>
        <source>Where your data lives</source>
        <translation>Wo Ihre Daten liegen</translation>
    </message>
    <message>
        <source>Bundled fonts</source>
        <translation>Mitgelieferte Schriften</translation>
    </message>
    <message>
        <source>Bundled libraries</source>
        <translation>Mitgelieferte Bibliotheken</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Lead auditor</source>
        <translation>Auditleitung</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor/in</translation>
    </message>
    <message>
        <source>QA reviewer</source>
        <translation>Prüfende Person der QS</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator/in</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Mein Passwort ändern</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Ihr Passwort wurde geändert.</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Mein &amp;Passwort ändern …</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Benutzer …</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>e.g. anna.becker</source>
        <translation>z. B. anna.becker</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>mindestens 10 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Vollständiger Name</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>Initial &amp;password</source>
        <translation>Erstes &amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>Passwort &amp;wiederholen</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The automatic backup on close failed: %1</source>
        <translation>Die automatische Sicherung beim Beenden ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>AuditEditor</name>
    <message>
        <source>this audit no longer exists</source>
        <translation>dieses Audit existiert nicht mehr</translation>
    </message>
    <message>
        <source>Notes on %1</source>
        <translation>Notizen zu %1</translation>
    </message>
    <message>
        <source>Answer %1</source>
        <translation>%1 beantworten</translation>
    </message>
    <message>
        <source>Raise finding</source>
        <translation>Feststellung erfassen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Add to register</source>
        <translation>Zur Liste hinzufügen</translation>
    </message>
    <message>
        <source>Edit register</source>
        <translation>Liste bearbeiten</translation>
    </message>
    <message>
        <source>Remove from register</source>
        <translation>Aus Liste entfernen</translation>
    </message>
    <message>
        <source>Edit audit details</source>
        <translation>Auditdaten bearbeiten</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Status ändern</translation>
    </message>
</context>
<context>
    <name>AuditListModel</name>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Auditee</source>
        <translation>Auditierte Stelle</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Findings graded %1</source>
        <translation>Feststellungen „%1“</translation>
    </message>
</context>
<context>
    <name>AuditListPage</name>
    <message>
        <source>Audits</source>
        <translation>Audits</translation>
    </message>
    <message>
        <source>Search reference, title, auditee…  (Ctrl+F)</source>
        <translation>Referenz, Titel, auditierte Stelle suchen …  (Strg+F)</translation>
    </message>
    <message>
        <source>New audit…</source>
        <translation>Neues Audit …</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>No audits yet. Start with “New audit…” (Ctrl+N).</source>
        <translation>Noch keine Audits. Beginnen Sie mit „Neues Audit …“ (Strg+N).</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All auditees</source>
        <translation>Alle auditierten Stellen</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Alle Jahre</translation>
    </message>
    <message>
        <source>%1 of %2 audits</source>
        <translation>%1 von %2 Audits</translation>
    </message>
    <message>
        <source>Found in findings, notes, captions and registers: %1 (double-click opens)</source>
        <translation>Gefunden in Feststellungen, Notizen, Beschriftungen und Listen: %1 (Doppelklick öffnet)</translation>
    </message>
    <message>
        <source>No finding, note, caption or register entry contains these words</source>
        <translation>Keine Feststellung, Notiz, Beschriftung und kein Listeneintrag enthält diese Wörter</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Jetzt &amp;sichern …</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen …</translation>
    </message>
    <message>
        <source>Not in a read-only window</source>
        <translation>Nicht in einem schreibgeschützten Fenster</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>Writing and checking the backup…</source>
        <translation>Sicherung wird geschrieben und geprüft …</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>No backup was written: %1</source>
        <translation>Es wurde keine Sicherung geschrieben: %1</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>Sicherung geschrieben</translation>
    </message>
    <message>
        <source>The backup was written and checked:
%1 (%2 MB)</source>
        <translation>Die Sicherung wurde geschrieben und geprüft:
%1 (%2 MB)</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Sicherung geschrieben nach %1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Eine Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Checking the backup and its audit trail…</source>
        <translation>Sicherung und ihr Audit-Trail werden geprüft …</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>This backup failed its checks and was not restored:
%1

The database was not changed. If it is the only copy left, an administrator can restore it with &apos;auditapp restore FILE --accept-damaged --reason TEXT&apos;, which is recorded in the audit trail.</source>
        <translation>Diese Sicherung hat die Prüfungen nicht bestanden und wurde nicht wiederhergestellt:
%1

Die Datenbank wurde nicht verändert. Ist diese Sicherung die einzige verbliebene Kopie, kann ein Administrator sie mit „auditapp restore FILE --accept-damaged --reason TEXT“ wiederherstellen; das wird im Audit-Trail festgehalten.</translation>
    </message>
    <message>
        <source>Replace the current database with %1? The current database is kept aside in the backup folder. AuditApp closes afterwards; start it again to continue.</source>
        <translation>Die aktuelle Datenbank durch %1 ersetzen? Die aktuelle Datenbank wird im Sicherungsordner aufbewahrt. AuditApp wird danach beendet; starten Sie es erneut, um weiterzuarbeiten.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Sicherung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>The backup was not restored: %1
Start AuditApp again to continue with the database as it was.</source>
        <translation>Die Sicherung wurde nicht wiederhergestellt: %1
Starten Sie AuditApp erneut, um mit der unveränderten Datenbank weiterzuarbeiten.</translation>
    </message>
    <message>
        <source>
The previous database is kept at %1.</source>
        <translation>
Die bisherige Datenbank wird unter %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>%1 was restored.%2
Start AuditApp again to continue.</source>
        <translation>%1 wurde wiederhergestellt.%2
Starten Sie AuditApp erneut, um weiterzuarbeiten.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Take photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <source>Take photo  (Space)</source>
        <translation>Foto aufnehmen  (Leertaste)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Photo taken; importing it.</source>
        <translation>Foto aufgenommen; es wird importiert.</translation>
    </message>
</context>
<context>
    <name>CapaDialog</name>
    <message>
        <source>CAPA follow-up · %1</source>
        <translation>CAPA-Nachverfolgung · %1</translation>
    </message>
    <message>
        <source>&amp;Record step</source>
        <translation>Schritt er&amp;fassen</translation>
    </message>
    <message>
        <source>History of the selected finding</source>
        <translation>Verlauf der gewählten Feststellung</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>&amp;Export form…</source>
        <translation>Formular &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import filled form…</source>
        <translation>Ausgefülltes Formular &amp;importieren…</translation>
    </message>
    <message>
        <source>Sign closure &amp;letter…</source>
        <translation>Abschluss&amp;schreiben signieren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 findings · %2 open · %3 overdue</source>
        <translation>%1 Feststellungen · %2 offen · %3 überfällig</translation>
    </message>
    <message>
        <source>The closure letter can be signed when every finding is closed.</source>
        <translation>Das Abschlussschreiben kann signiert werden, sobald jede Feststellung geschlossen ist.</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Noch nichts erfasst.</translation>
    </message>
    <message>
        <source>Export the CAPA response form</source>
        <translation>CAPA-Antwortformular exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Import the filled CAPA response form</source>
        <translation>Ausgefülltes CAPA-Antwortformular importieren</translation>
    </message>
    <message>
        <source>The follow-up changed meanwhile; import again.</source>
        <translation>Die Nachverfolgung hat sich inzwischen geändert; bitte erneut importieren.</translation>
    </message>
    <message>
        <source>Save signed closure letter</source>
        <translation>Signiertes Abschlussschreiben speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Closure letter signed; the audit is closed.</source>
        <translation>Abschlussschreiben signiert; das Audit ist abgeschlossen.</translation>
    </message>
    <message>
        <source>CAPA &amp;follow-up…</source>
        <translation>CAPA-&amp;Nachverfolgung…</translation>
    </message>
</context>
<context>
    <name>CapaModel</name>
    <message>
        <source>Awaiting CAPA plan</source>
        <translation>CAPA-Plan ausstehend</translation>
    </message>
    <message>
        <source>Plan received: assess</source>
        <translation>Plan erhalten: bewerten</translation>
    </message>
    <message>
        <source>More information requested</source>
        <translation>Weitere Informationen angefordert</translation>
    </message>
    <message>
        <source>Plan rejected: revision due</source>
        <translation>Plan abgelehnt: Überarbeitung fällig</translation>
    </message>
    <message>
        <source>Accepted: in implementation</source>
        <translation>Angenommen: in Umsetzung</translation>
    </message>
    <message>
        <source>Implemented: check effectiveness</source>
        <translation>Umgesetzt: Wirksamkeit prüfen</translation>
    </message>
    <message>
        <source>Not effective: revision due</source>
        <translation>Nicht wirksam: Überarbeitung fällig</translation>
    </message>
    <message>
        <source>Effective: ready to close</source>
        <translation>Wirksam: kann geschlossen werden</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>implementation</source>
        <translation>Umsetzung</translation>
    </message>
    <message>
        <source>effectiveness check</source>
        <translation>Wirksamkeitsprüfung</translation>
    </message>
    <message>
        <source>CAPA plan received (owner %1, target %2): root cause: %3</source>
        <translation>CAPA-Plan erhalten (verantwortlich %1, Zieldatum %2): Grundursache: %3</translation>
    </message>
    <message>
        <source>Plan accepted</source>
        <translation>Plan angenommen</translation>
    </message>
    <message>
        <source>Plan rejected</source>
        <translation>Plan abgelehnt</translation>
    </message>
    <message>
        <source>%1 deadline extended to %2, approved by %3</source>
        <translation>Frist (%1) verlängert bis %2, genehmigt von %3</translation>
    </message>
    <message>
        <source>Completion evidence: %1</source>
        <translation>Umsetzungsnachweis: %1</translation>
    </message>
    <message>
        <source>Effectiveness check planned for %1</source>
        <translation>Wirksamkeitsprüfung geplant für %1</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Wirksam</translation>
    </message>
    <message>
        <source>Not effective</source>
        <translation>Nicht wirksam</translation>
    </message>
    <message>
        <source>(from %1)</source>
        <translation>(aus %1)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Feststellung</translation>
    </message>
    <message>
        <source>CAPA status</source>
        <translation>CAPA-Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>repeat of %1</source>
        <translation>Wiederholung von %1</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Sign audit certificate · %1</source>
        <translation>Auditzertifikat signieren · %1</translation>
    </message>
    <message>
        <source>The audit certificate declares that the audit took place; it names no findings. It can be signed only for an approved report version, by the lead auditor or an auditor of the team. Your signature means:</source>
        <translation>Das Auditzertifikat bestätigt, dass das Audit stattgefunden hat; es nennt keine Feststellungen. Es kann nur für eine freigegebene Berichtsversion signiert werden, und zwar vom Lead-Auditor oder einem Auditor des Teams. Ihre Signatur bedeutet:</translation>
    </message>
    <message>
        <source>Certificate &amp;language</source>
        <translation>&amp;Sprache des Zertifikats</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Sign certificate</source>
        <translation>Zertifikat &amp;signieren</translation>
    </message>
    <message>
        <source>Enter your password to sign.</source>
        <translation>Geben Sie zum Signieren Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signieren</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Area / question</source>
        <translation>Bereich / Frage</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n question(s) answered</source>
        <translation>
            <numerusform>%1 von %n Frage beantwortet</numerusform>
            <numerusform>%1 von %n Fragen beantwortet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistWalk</name>
    <message>
        <source>Next question</source>
        <translation>Nächste Frage</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Vorherige Frage</translation>
    </message>
    <message>
        <source>Next unanswered question</source>
        <translation>Nächste unbeantwortete Frage</translation>
    </message>
    <message>
        <source>Raise finding…</source>
        <translation>Feststellung erfassen …</translation>
    </message>
    <message>
        <source>Go to notes</source>
        <translation>Zu den Notizen</translation>
    </message>
    <message>
        <source>Go to checklist tree</source>
        <translation>Zum Checklistenbaum</translation>
    </message>
    <message>
        <source>Answer the rest of this section Compliant…</source>
        <translation>Restliche Fragen dieses Abschnitts als konform beantworten …</translation>
    </message>
    <message>
        <source>Go to the next question after Compliant or N/A</source>
        <translation>Nach „Konform“ oder „Nicht zutreffend“ zur nächsten Frage</translation>
    </message>
    <message>
        <source>Every question of this section is answered.</source>
        <translation>Alle Fragen dieses Abschnitts sind beantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>Answer %n unanswered question(s) of this section Compliant?</source>
        <translation>
            <numerusform>%n unbeantwortete Frage dieses Abschnitts als konform beantworten?</numerusform>
            <numerusform>%n unbeantwortete Fragen dieses Abschnitts als konform beantworten?</numerusform>
        </translation>
    </message>
    <message>
        <source>Answers already given stay. Edit › Undo takes all of them back in one step.</source>
        <translation>Bereits gegebene Antworten bleiben. Bearbeiten › Rückgängig nimmt alle in einem Schritt zurück.</translation>
    </message>
    <message numerus="yes">
        <source>Answer %n question(s) Compliant</source>
        <translation>
            <numerusform>%n Frage als konform beantworten</numerusform>
            <numerusform>%n Fragen als konform beantworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) answered Compliant.</source>
        <translation>
            <numerusform>%n Frage als konform beantwortet.</numerusform>
            <numerusform>%n Fragen als konform beantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Answer the section</source>
        <translation>Abschnitt beantworten</translation>
    </message>
    <message>
        <source>Every question has an answer.</source>
        <translation>Jede Frage ist beantwortet.</translation>
    </message>
</context>
<context>
    <name>ClosureLetterDialog</name>
    <message>
        <source>Sign closure letter · %1</source>
        <translation>Abschlussschreiben signieren · %1</translation>
    </message>
    <message>
        <source>The closure letter tells the auditee that the follow-up of every finding is complete and closes the audit. It is signed by the lead auditor or an auditor of the team. Your signature means:</source>
        <translation>Das Abschlussschreiben teilt der auditierten Organisation mit, dass die Nachverfolgung aller Feststellungen abgeschlossen ist, und schließt das Audit ab. Es wird von der Auditleitung oder einem Mitglied des Auditteams signiert. Ihre Unterschrift bedeutet:</translation>
    </message>
    <message>
        <source>Letter &amp;language</source>
        <translation>&amp;Sprache des Schreibens</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Sign closure letter</source>
        <translation>Abschlussschreiben &amp;signieren</translation>
    </message>
    <message>
        <source>Enter your password to sign.</source>
        <translation>Geben Sie zum Signieren Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signieren</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve merge conflicts</source>
        <translation>Zusammenführungskonflikte lösen</translation>
    </message>
    <message>
        <source>Both you and %1 changed these fields since the hand out. Nothing is merged until you choose for each one.</source>
        <translation>Sie und %1 haben diese Felder seit der Übergabe geändert. Nichts wird zusammengeführt, bevor Sie für jedes Feld entschieden haben.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht erfasst)</translation>
    </message>
    <message>
        <source>Keep the value here</source>
        <translation>Wert hier behalten</translation>
    </message>
    <message>
        <source>Take the value from the package</source>
        <translation>Wert aus dem Paket übernehmen</translation>
    </message>
    <message>
        <source>Write a new value:</source>
        <translation>Neuen Wert schreiben:</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>CroDetailTabs</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Wesentlich</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Geringfügig</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Audits</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Feststellung</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Tage überfällig</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Open CAPAs</source>
        <translation>Offene CAPAs</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Sachverhalt</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Auflagen</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>im Ziel</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>breach</source>
        <translation>Verletzung</translation>
    </message>
    <message>
        <source>Critical findings</source>
        <translation>Kritische Feststellungen</translation>
    </message>
    <message>
        <source>Major findings</source>
        <translation>Wesentliche Feststellungen</translation>
    </message>
    <message>
        <source>Minor findings</source>
        <translation>Geringfügige Feststellungen</translation>
    </message>
    <message>
        <source>Other findings</source>
        <translation>Sonstige Feststellungen</translation>
    </message>
    <message>
        <source>Repeat findings</source>
        <translation>Wiederholte Feststellungen</translation>
    </message>
    <message>
        <source>Overdue CAPAs</source>
        <translation>Überfällige CAPAs</translation>
    </message>
    <message>
        <source>Open escalations</source>
        <translation>Offene Eskalationen</translation>
    </message>
    <message>
        <source>Years since the last audit</source>
        <translation>Jahre seit dem letzten Audit</translation>
    </message>
    <message>
        <source>Approved with conditions</source>
        <translation>Unter Auflagen zugelassen</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Nicht zugelassen</translation>
    </message>
    <message>
        <source>Never audited</source>
        <translation>Noch nie auditiert</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>(audit %1)</source>
        <translation>(Audit %1)</translation>
    </message>
    <message>
        <source>lapsed on %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(überfällig)</translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation>Risikowert</translation>
    </message>
    <message>
        <source>Last audit</source>
        <translation>Letztes Audit</translation>
    </message>
    <message>
        <source>Proposed next audit</source>
        <translation>Vorgeschlagenes nächstes Audit</translation>
    </message>
    <message>
        <source>Planned audit</source>
        <translation>Geplantes Audit</translation>
    </message>
    <message>
        <source>How the risk score is made</source>
        <translation>Wie sich der Risikowert zusammensetzt</translation>
    </message>
</context>
<context>
    <name>CroRegisterWindow</name>
    <message>
        <source>CRO register</source>
        <translation>CRO-Register</translation>
    </message>
    <message>
        <source>Record &amp;qualification…</source>
        <translation>&amp;Qualifizierung erfassen…</translation>
    </message>
    <message>
        <source>Record &amp;KPI figure…</source>
        <translation>&amp;Kennzahl erfassen…</translation>
    </message>
    <message>
        <source>Escalate &amp;issue…</source>
        <translation>Sachverhalt es&amp;kalieren…</translation>
    </message>
    <message>
        <source>Update &amp;escalation…</source>
        <translation>&amp;Eskalation fortschreiben…</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Oversight &amp;report…</source>
        <translation>Aufsichts&amp;bericht…</translation>
    </message>
    <message>
        <source>No CROs yet: the auditee of an audit becomes one.</source>
        <translation>Noch keine CROs: die auditierte Organisation eines Audits wird eine.</translation>
    </message>
    <message>
        <source>Qualification recorded.</source>
        <translation>Qualifizierung erfasst.</translation>
    </message>
    <message>
        <source>Breach: %1 raised one level.</source>
        <translation>Verletzung: %1 um eine Stufe eskaliert.</translation>
    </message>
    <message>
        <source>Breach: %1 opened in the escalation log.</source>
        <translation>Verletzung: %1 im Eskalationsprotokoll eröffnet.</translation>
    </message>
    <message>
        <source>KPI figure recorded.</source>
        <translation>Kennzahl erfasst.</translation>
    </message>
    <message>
        <source>%1 opened in the escalation log.</source>
        <translation>%1 im Eskalationsprotokoll eröffnet.</translation>
    </message>
    <message>
        <source>Escalation updated.</source>
        <translation>Eskalation fortgeschrieben.</translation>
    </message>
    <message>
        <source>Save oversight report</source>
        <translation>Aufsichtsbericht speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Word document (*.docx)</source>
        <translation>PDF (*.pdf);;Word-Dokument (*.docx)</translation>
    </message>
    <message>
        <source>Oversight report saved: %1</source>
        <translation>Aufsichtsbericht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>CroTableModel</name>
    <message>
        <source>CRO</source>
        <translation>CRO</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Audits</translation>
    </message>
    <message>
        <source>Open CAPAs</source>
        <translation>Offene CAPAs</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Repeat findings</source>
        <translation>Wiederholte Feststellungen</translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation>Risikowert</translation>
    </message>
    <message>
        <source>Last audit</source>
        <translation>Letztes Audit</translation>
    </message>
    <message>
        <source>Next audit</source>
        <translation>Nächstes Audit</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Zugelassen</translation>
    </message>
    <message>
        <source>Conditional</source>
        <translation>Unter Auflagen</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Nicht zugelassen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>The proposed audit date has passed</source>
        <translation>Das vorgeschlagene Auditdatum ist verstrichen</translation>
    </message>
</context>
<context>
    <name>DueField</name>
    <message>
        <source>Days after the report is issued</source>
        <translation>Tage nach Ausgabe des Berichts</translation>
    </message>
    <message>
        <source>By a date</source>
        <translation>Bis zu einem Datum</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Keine Frist</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
</context>
<context>
    <name>EntryTable</name>
    <message>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Zeile entfernen</translation>
    </message>
</context>
<context>
    <name>EscalationBox</name>
    <message>
        <source>Escalation to the sponsor (critical finding)</source>
        <translation>Eskalation an den Sponsor (kritische Feststellung)</translation>
    </message>
    <message>
        <source>Tell the sponsor of a critical finding without waiting for the report, and record it here; the report states it, and it cannot be issued without it.</source>
        <translation>Informieren Sie den Sponsor über eine kritische Feststellung, ohne den Bericht abzuwarten, und dokumentieren Sie dies hier; der Bericht nennt diese Angabe und kann ohne sie nicht ausgegeben werden.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Name and function, and how (e.g. by phone)</source>
        <translation>Name und Funktion sowie auf welchem Weg (z. B. telefonisch)</translation>
    </message>
    <message>
        <source>Sponsor told on</source>
        <translation>Sponsor informiert am</translation>
    </message>
    <message>
        <source>Told to</source>
        <translation>Informierte Person</translation>
    </message>
    <message>
        <source>Serious breach?</source>
        <translation>Schwerwiegender Verstoß?</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Einschätzung</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Update %1</source>
        <translation>%1 fortschreiben</translation>
    </message>
    <message>
        <source>What was done (added with today&apos;s date)</source>
        <translation>Was getan wurde (mit heutigem Datum angefügt)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (unchanged when empty)</source>
        <translation>JJJJ-MM-TT (leer: unverändert)</translation>
    </message>
    <message>
        <source>Close the escalation</source>
        <translation>Eskalation abschließen</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>Wie sie gelöst wurde</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Verantwortlich:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Maßnahme:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Fällig:</translation>
    </message>
    <message>
        <source>Closure:</source>
        <translation>Abschluss:</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>REMOVED</source>
        <translation>ENTFERNT</translation>
    </message>
    <message>
        <source>CONFIDENTIAL</source>
        <translation>VERTRAULICH</translation>
    </message>
    <message>
        <source>ACTIVE CONTENT</source>
        <translation>AKTIVE INHALTE</translation>
    </message>
</context>
<context>
    <name>EvidenceEditor</name>
    <message>
        <source>Caption of %1</source>
        <translation>Beschriftung von %1</translation>
    </message>
    <message>
        <source>Mark %1 confidential</source>
        <translation>%1 als vertraulich kennzeichnen</translation>
    </message>
    <message>
        <source>Unmark %1 confidential</source>
        <translation>Vertraulich-Kennzeichnung von %1 aufheben</translation>
    </message>
    <message>
        <source>Link %1 to %2</source>
        <translation>%1 mit %2 verknüpfen</translation>
    </message>
    <message>
        <source>Unlink %1 from %2</source>
        <translation>Verknüpfung von %1 mit %2 lösen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>Linked to: %1</source>
        <translation>Verknüpft mit: %1</translation>
    </message>
    <message>
        <source>Not linked to a finding or question</source>
        <translation>Mit keiner Feststellung und keiner Frage verknüpft</translation>
    </message>
    <message>
        <source>Confidential: kept out of distributed reports</source>
        <translation>Vertraulich: nicht in verteilten Berichten</translation>
    </message>
    <message>
        <source>Removed (the original is kept; it can be restored)</source>
        <translation>Entfernt (das Original bleibt erhalten und kann wiederhergestellt werden)</translation>
    </message>
    <message>
        <source>Warning: this PDF contains active content (%1); open it only in a viewer that blocks it</source>
        <translation>Warnung: dieses PDF enthält aktive Inhalte (%1); öffnen Sie es nur in einem Betrachter, der sie blockiert</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>Dateien &amp;importieren …</translation>
    </message>
    <message>
        <source>Import photos and documents (JPEG, PNG, TIFF, HEIC/HEIF, PDF)</source>
        <translation>Fotos und Dokumente importieren (JPEG, PNG, TIFF, HEIC/HEIF, PDF)</translation>
    </message>
    <message>
        <source>&amp;Paste evidence</source>
        <translation>Nachweis ein&amp;fügen</translation>
    </message>
    <message>
        <source>Import the image or files on the clipboard</source>
        <translation>Bild oder Dateien aus der Zwischenablage importieren</translation>
    </message>
    <message>
        <source>&amp;View…</source>
        <translation>&amp;Ansehen …</translation>
    </message>
    <message>
        <source>Full size, with file details (Enter)</source>
        <translation>In voller Größe, mit Dateiangaben (Eingabetaste)</translation>
    </message>
    <message>
        <source>Edit &amp;caption</source>
        <translation>&amp;Beschriftung bearbeiten</translation>
    </message>
    <message>
        <source>Edit the caption in place (F2)</source>
        <translation>Beschriftung direkt bearbeiten (F2)</translation>
    </message>
    <message>
        <source>C&amp;onfidential</source>
        <translation>&amp;Vertraulich</translation>
    </message>
    <message>
        <source>Confidential items stay out of distributed reports unless included</source>
        <translation>Vertrauliche Nachweise erscheinen nicht in verteilten Berichten, außer sie werden ausdrücklich einbezogen</translation>
    </message>
    <message>
        <source>&amp;Link to…</source>
        <translation>&amp;Verknüpfen mit …</translation>
    </message>
    <message>
        <source>Link to a finding or a question</source>
        <translation>Mit einer Feststellung oder einer Frage verknüpfen</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>Verknüpfung &amp;lösen</translation>
    </message>
    <message>
        <source>Detach from a finding or question; the item stays in the audit</source>
        <translation>Von Feststellung oder Frage lösen; der Nachweis bleibt im Audit</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>Take out of the gallery and reports, with a reason; the original is kept</source>
        <translation>Mit Begründung aus Galerie und Berichten nehmen; das Original bleibt erhalten</translation>
    </message>
    <message>
        <source>Re&amp;store…</source>
        <translation>&amp;Wiederherstellen …</translation>
    </message>
    <message>
        <source>Bring a removed item back</source>
        <translation>Einen entfernten Nachweis zurückholen</translation>
    </message>
    <message>
        <source>No evidence here yet. Import files (Ctrl+I), drop them here, or paste an image (Ctrl+Shift+V).</source>
        <translation>Noch keine Nachweise. Dateien importieren (Strg+I), hierher ziehen oder ein Bild einfügen (Strg+Umschalt+V).</translation>
    </message>
    <message>
        <source>none selected</source>
        <translation>nichts ausgewählt</translation>
    </message>
    <message>
        <source>All evidence</source>
        <translation>Alle Nachweise</translation>
    </message>
    <message>
        <source>This finding (%1)</source>
        <translation>Diese Feststellung (%1)</translation>
    </message>
    <message>
        <source>This question (%1)</source>
        <translation>Diese Frage (%1)</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Vertraulich</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>taken %1</source>
        <translation>aufgenommen %1</translation>
    </message>
    <message>
        <source>imported by %1</source>
        <translation>importiert von %1</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Import evidence — attached to finding %1</source>
        <translation>Nachweise importieren – werden der Feststellung %1 zugeordnet</translation>
    </message>
    <message>
        <source>Import evidence — attached to question %1</source>
        <translation>Nachweise importieren – werden der Frage %1 zugeordnet</translation>
    </message>
    <message>
        <source>Import evidence — attached to the audit only</source>
        <translation>Nachweise importieren – werden nur dem Audit zugeordnet</translation>
    </message>
    <message>
        <source>the clipboard holds no image and no file.</source>
        <translation>die Zwischenablage enthält weder ein Bild noch eine Datei.</translation>
    </message>
    <message>
        <source>&amp;Take photo…</source>
        <translation>&amp;Foto aufnehmen …</translation>
    </message>
    <message>
        <source>Take a photo with this computer&apos;s camera</source>
        <translation>Ein Foto mit der Kamera dieses Computers aufnehmen</translation>
    </message>
    <message>
        <source>This PDF cannot be shown (password-protected?). Its original is kept unchanged.</source>
        <translation>Dieses PDF kann nicht angezeigt werden (kennwortgeschützt?). Das Original bleibt unverändert erhalten.</translation>
    </message>
    <message>
        <source>No display image was made for this file.</source>
        <translation>Für diese Datei wurde kein Anzeigebild erzeugt.</translation>
    </message>
    <message>
        <source>Unlink from %1</source>
        <translation>Verknüpfung mit %1 lösen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Why is %1 removed? The reason is kept in the audit trail; the original stays in the audit and can be restored.</source>
        <translation>Warum wird %1 entfernt? Die Begründung wird im Audit-Trail festgehalten; das Original bleibt im Audit und kann wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <source>Why is %1 restored? (kept in the audit trail)</source>
        <translation>Warum wird %1 wiederhergestellt? (wird im Audit-Trail festgehalten)</translation>
    </message>
</context>
<context>
    <name>EvidenceStrip</name>
    <message>
        <source>Evidence (%1)</source>
        <translation>Nachweise (%1)</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Verknüpft mit</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Kennzeichen</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Abmessungen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Imported by</source>
        <translation>Importiert von</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Confidential: kept out of distributed reports</source>
        <translation>Vertraulich: nicht in verteilten Berichten</translation>
    </message>
    <message>
        <source>Removed: not in the gallery or reports; the original is kept</source>
        <translation>Entfernt: nicht in Galerie und Berichten; das Original bleibt erhalten</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Export report · %1</source>
        <translation>Bericht exportieren · %1</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Word (DOCX)</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <source>Preset to the audit&apos;s language; another choice applies to this export only.</source>
        <translation>Vorbelegt mit der Sprache des Audits; eine andere Wahl gilt nur für diesen Export.</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Papier</translation>
    </message>
    <message>
        <source>Sections (the cover page is always included)</source>
        <translation>Abschnitte (das Deckblatt ist immer enthalten)</translation>
    </message>
    <message>
        <source>Include &amp;confidential evidence</source>
        <translation>&amp;Vertrauliche Nachweise einbeziehen</translation>
    </message>
    <message>
        <source>Evidence marked confidential (e.g. patient records) will be printed in this report. Share it only with recipients entitled to see it.</source>
        <translation>Als vertraulich gekennzeichnete Nachweise (z. B. Patientenakten) werden in diesen Bericht gedruckt. Geben Sie ihn nur an berechtigte Empfänger weiter.</translation>
    </message>
    <message>
        <source>Also write the audit &amp;certificate as a separate document</source>
        <translation>Auch das Audit&amp;zertifikat als eigenes Dokument schreiben</translation>
    </message>
    <message>
        <source>Also write the auditee&apos;s CAPA &amp;response form (Word and Excel)</source>
        <translation>Auch das CAPA-Ant&amp;wortformular für die auditierte Stelle schreiben (Word und Excel)</translation>
    </message>
    <message>
        <source>P&amp;hotos across the page width (readable documents); otherwise three to a row</source>
        <translation>F&amp;otos über die ganze Seitenbreite (lesbare Dokumente); sonst drei pro Zeile</translation>
    </message>
    <message>
        <source>PDF/A-2b for &amp;archiving (signed reports always are)</source>
        <translation>PDF/A-2b zur &amp;Archivierung (signierte Berichte sind es immer)</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Show the PDF with these choices inside the app</source>
        <translation>Das PDF mit dieser Auswahl in der Anwendung anzeigen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Language: %1.</source>
        <translation>Sprache: %1.</translation>
    </message>
    <message>
        <source>Show the PDF with these choices inside the app (the Word file has the same content)</source>
        <translation>Das PDF mit dieser Auswahl in der Anwendung anzeigen (die Word-Datei hat denselben Inhalt)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-Dokumente (*.docx)</translation>
    </message>
    <message>
        <source>Building the report… %1 %</source>
        <translation>Bericht wird erstellt… %1 %</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <source>The export</source>
        <translation>Der Export</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Raise finding — %1</source>
        <translation>Feststellung erfassen — %1</translation>
    </message>
    <message>
        <source>Raise finding</source>
        <translation>Feststellung erfassen</translation>
    </message>
    <message>
        <source>Close the finding?</source>
        <translation>Feststellung schließen?</translation>
    </message>
    <message>
        <source>This finding is not raised yet. Keep the draft for this question, discard it, or continue editing?</source>
        <translation>Diese Feststellung ist noch nicht erfasst. Entwurf für diese Frage behalten, verwerfen oder weiter bearbeiten?</translation>
    </message>
    <message>
        <source>&amp;Keep draft</source>
        <translation>Entwurf &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Continue editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>A critical finding is told to the sponsor at once. Record when and to whom, and whether it may be a serious breach (EU CTR Art. 52); or press &quot;Raise finding&quot; again to record it later (the report cannot be issued without it).</source>
        <translation>Eine kritische Feststellung wird dem Sponsor sofort mitgeteilt. Dokumentieren Sie, wann und wem, und ob es sich um einen schwerwiegenden Verstoß handeln kann (EU-CTR Art. 52); oder klicken Sie erneut auf „Feststellung erfassen“, um dies später zu dokumentieren (ohne diese Angabe kann der Bericht nicht ausgegeben werden).</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <source>One line that states the deficiency</source>
        <translation>Eine Zeile, die den Mangel benennt</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Escalation rules</source>
        <translation>Regeln zur Höherstufung</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Impact on participants&apos; rights, safety or well-being, or on data reliability</source>
        <translation>Auswirkung auf Rechte, Sicherheit oder Wohlergehen der Prüfungsteilnehmer oder auf die Verlässlichkeit der Daten</translation>
    </message>
    <message>
        <source>Objective evidence: what was seen, where, how many of how many</source>
        <translation>Objektiver Nachweis: was wurde wo gesehen, wie viele von wie vielen</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referenzen</translation>
    </message>
    <message>
        <source>Question ids, comma-separated</source>
        <translation>Fragen-IDs, durch Komma getrennt</translation>
    </message>
    <message>
        <source>Linked questions</source>
        <translation>Verknüpfte Fragen</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Risk if not corrected</source>
        <translation>Risiko, falls nicht behoben</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Suggested correction</source>
        <translation>Vorgeschlagene Korrektur</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>CAPA response</source>
        <translation>CAPA-Antwort</translation>
    </message>
    <message>
        <source>Why it may or may not be a serious breach</source>
        <translation>Warum es ein schwerwiegender Verstoß sein kann oder nicht</translation>
    </message>
    <message>
        <source>Auditee owner</source>
        <translation>Verantwortlich bei der auditierten Stelle</translation>
    </message>
    <message>
        <source>Repeat finding</source>
        <translation>Wiederholte Feststellung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Choose a classification; its definition appears here.</source>
        <translation>Wählen Sie eine Einstufung; ihre Definition erscheint hier.</translation>
    </message>
    <message>
        <source>Impact *</source>
        <translation>Auswirkung *</translation>
    </message>
    <message>
        <source>Required for critical and major findings</source>
        <translation>Erforderlich bei kritischen und wesentlichen Feststellungen</translation>
    </message>
    <message>
        <source>Give the finding a title: one line that states the deficiency.</source>
        <translation>Geben Sie der Feststellung einen Titel: eine Zeile, die den Mangel benennt.</translation>
    </message>
    <message>
        <source>Choose a classification.</source>
        <translation>Wählen Sie eine Einstufung.</translation>
    </message>
    <message>
        <source>A “%1” finding needs its impact on participants or on the data.</source>
        <translation>Bei „%1“ ist die Auswirkung auf Prüfungsteilnehmer oder Daten anzugeben.</translation>
    </message>
    <message>
        <source>This audit&apos;s checklist has no question %1.</source>
        <translation>Die Checkliste dieses Audits hat keine Frage %1.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>Antwort fällig</translation>
    </message>
    <message numerus="yes">
        <source>%n d after issue</source>
        <translation>
            <numerusform>%n Tag nach Ausgabe</numerusform>
            <numerusform>%n Tage nach Ausgabe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2 · response due: %3</source>
        <translation>%1
%2 · Antwort fällig: %3</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <source>New finding…</source>
        <translation>Neue Feststellung …</translation>
    </message>
    <message>
        <source>Raise a finding not tied to a question</source>
        <translation>Eine Feststellung ohne Bezug zu einer Frage erfassen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Move up: earlier in the report (Ctrl+Shift+Up); the number stays</source>
        <translation>Nach oben: früher im Bericht (Strg+Umschalt+Pfeil hoch); die Nummer bleibt</translation>
    </message>
    <message>
        <source>Move down: later in the report (Ctrl+Shift+Down); the number stays</source>
        <translation>Nach unten: später im Bericht (Strg+Umschalt+Pfeil runter); die Nummer bleibt</translation>
    </message>
    <message>
        <source>No finding selected. Raise one from a checklist question (Ctrl+R) or with “New finding…”.</source>
        <translation>Keine Feststellung ausgewählt. Erfassen Sie eine zu einer Checklistenfrage (Strg+R) oder mit „Neue Feststellung …“.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Feststellungen</translation>
    </message>
    <message>
        <source>This change was not saved.</source>
        <translation>Diese Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Deleting a finding needs a reason; it is kept in the audit trail.</source>
        <translation>Das Löschen einer Feststellung erfordert eine Begründung; sie wird im Audit-Trail festgehalten.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Reason for deleting %1 (kept in the audit trail):</source>
        <translation>Begründung für das Löschen von %1 (wird im Audit-Trail festgehalten):</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>HandOutDialog</name>
    <message>
        <source>Hand out to a co-auditor</source>
        <translation>An Co-Auditor übergeben</translation>
    </message>
    <message>
        <source>the co-auditor&apos;s user name</source>
        <translation>Benutzername des Co-Auditors</translation>
    </message>
    <message>
        <source>Co-auditor:</source>
        <translation>Co-Auditor:</translation>
    </message>
    <message>
        <source>Checklist areas:</source>
        <translation>Checklistenbereiche:</translation>
    </message>
    <message>
        <source>Findings to write:</source>
        <translation>Zu schreibende Feststellungen:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Package file:</source>
        <translation>Paketdatei:</translation>
    </message>
    <message>
        <source>Team packages (*.teampkg)</source>
        <translation>Team-Pakete (*.teampkg)</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>AuditApp user guide</source>
        <translation>AuditApp-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Imported %1 of %2: %3</source>
        <translation>%1 von %2 importiert: %3</translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> zu %1</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird importiert …</numerusform>
            <numerusform>%n Dateien werden importiert …</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation>Nichts wurde importiert:</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 of %n file(s)%3: %4</source>
        <translation>
            <numerusform>%1 von %n Datei importiert%3: %4</numerusform>
            <numerusform>%1 von %n Dateien importiert%3: %4</numerusform>
        </translation>
    </message>
    <message>
        <source>No file was imported.</source>
        <translation>Es wurde keine Datei importiert.</translation>
    </message>
    <message>
        <source>Cancelled: the files not yet read were not imported; those imported are kept.</source>
        <translation>Abgebrochen: die noch nicht gelesenen Dateien wurden nicht importiert; die bereits importierten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <source>%1 %2 contains active content (%3); it is kept as evidence and flagged in the gallery</source>
        <translation>%1 %2 enthält aktive Inhalte (%3); die Datei bleibt als Nachweis erhalten und wird in der Galerie gekennzeichnet</translation>
    </message>
    <message>
        <source>Refused (%1):</source>
        <translation>Abgelehnt (%1):</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import CAPA responses: preview</source>
        <translation>CAPA-Antworten importieren: Vorschau</translation>
    </message>
    <message>
        <source>%1 would record %2 change(s) in %3:</source>
        <translation>%1 würde %2 Änderung(en) in %3 erfassen:</translation>
    </message>
    <message>
        <source>Record changes</source>
        <translation>Änderungen erfassen</translation>
    </message>
</context>
<context>
    <name>KpiDialog</name>
    <message>
        <source>KPI figure for %1</source>
        <translation>Kennzahl für %1</translation>
    </message>
    <message>
        <source>Protocol number (empty: the CRO as a whole)</source>
        <translation>Prüfplannummer (leer: die CRO insgesamt)</translation>
    </message>
    <message>
        <source>2026-03 or 2026-Q1</source>
        <translation>2026-03 oder 2026-Q1</translation>
    </message>
    <message>
        <source>KPI:</source>
        <translation>Kennzahl:</translation>
    </message>
    <message>
        <source>Study:</source>
        <translation>Studie:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Anmerkung:</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>Berichterstellung</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Vendor qualification</source>
        <translation>Dienstleisterqualifizierung</translation>
    </message>
    <message>
        <source>Routine / system</source>
        <translation>Routine / System</translation>
    </message>
    <message>
        <source>Study-specific</source>
        <translation>Studienspezifisch</translation>
    </message>
    <message>
        <source>For cause</source>
        <translation>Anlassbezogen</translation>
    </message>
    <message>
        <source>Pre-inspection</source>
        <translation>Inspektionsvorbereitung</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>Konform</translation>
    </message>
    <message>
        <source>Partially compliant</source>
        <translation>Teilweise konform</translation>
    </message>
    <message>
        <source>Non-compliant</source>
        <translation>Nicht konform</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Nicht zutreffend</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Unbeantwortet</translation>
    </message>
    <message>
        <source>C</source>
        <translation>K</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>TK</translation>
    </message>
    <message>
        <source>NC</source>
        <translation>NK</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>n. z.</translation>
    </message>
    <message>
        <source>NE</source>
        <translation>NB</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Response received</source>
        <translation>Antwort erhalten</translation>
    </message>
    <message>
        <source>CAPA accepted</source>
        <translation>CAPA akzeptiert</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Remote</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>Lead auditor</source>
        <translation>Lead-Auditor</translation>
    </message>
    <message>
        <source>Co-auditor</source>
        <translation>Co-Auditor</translation>
    </message>
    <message>
        <source>Technical expert</source>
        <translation>Technischer Sachverständiger</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Auditor in Ausbildung</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Beobachter</translation>
    </message>
    <message>
        <source>ICH E6(R2)</source>
        <translation>ICH E6(R2)</translation>
    </message>
    <message>
        <source>ICH E6(R3)</source>
        <translation>ICH E6(R3)</translation>
    </message>
    <message>
        <source>ICH E6(R2) and (R3)</source>
        <translation>ICH E6(R2) und (R3)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Zugelassen</translation>
    </message>
    <message>
        <source>Approved with conditions</source>
        <translation>Unter Auflagen zugelassen</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Nicht zugelassen</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>Akzeptabel</translation>
    </message>
    <message>
        <source>Acceptable with improvements required</source>
        <translation>Akzeptabel, Verbesserungen erforderlich</translation>
    </message>
    <message>
        <source>Not acceptable</source>
        <translation>Nicht akzeptabel</translation>
    </message>
    <message>
        <source>Acceptable subject to an accepted CAPA plan (old value)</source>
        <translation>Akzeptabel unter der Voraussetzung eines akzeptierten CAPA-Plans (alter Wert)</translation>
    </message>
    <message>
        <source>— not assessed yet —</source>
        <translation>— noch nicht bewertet —</translation>
    </message>
    <message>
        <source>May be a serious breach: sponsor asked to assess (7-day clock)</source>
        <translation>Möglicherweise schwerwiegender Verstoß: Sponsor um Bewertung gebeten (7-Tage-Frist)</translation>
    </message>
    <message>
        <source>Not a serious breach in the auditor&apos;s assessment</source>
        <translation>Nach Einschätzung des Auditors kein schwerwiegender Verstoß</translation>
    </message>
    <message>
        <source>Not applicable (EU CTR Art. 52 does not apply)</source>
        <translation>Nicht zutreffend (EU-CTR Art. 52 ist nicht anwendbar)</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link %1</source>
        <translation>%1 verknüpfen</translation>
    </message>
    <message>
        <source>Link %1 to a finding or a checklist question:</source>
        <translation>%1 mit einer Feststellung oder einer Checklistenfrage verknüpfen:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation>Angemeldet als %1 · %2</translation>
    </message>
    <message>
        <source>Read-only: the database is open for writing in another AuditApp window</source>
        <translation>Schreibgeschützt: die Datenbank ist in einem anderen AuditApp-Fenster zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New audit…</source>
        <translation>&amp;Neues Audit …</translation>
    </message>
    <message>
        <source>Audit &amp;list</source>
        <translation>Audit&amp;liste</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find audit</source>
        <translation>Audit &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>&amp;Audit</translation>
    </message>
    <message>
        <source>Audit &amp;details…</source>
        <translation>Audit&amp;daten …</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>&amp;Checkliste</translation>
    </message>
    <message>
        <source>Ev&amp;idence</source>
        <translation>&amp;Nachweise</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About AuditApp</source>
        <translation>Ü&amp;ber AuditApp</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Could not open the audit: %1</source>
        <translation>Das Audit konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>This window is read-only: another AuditApp window is writing to the database.</source>
        <translation>Dieses Fenster ist schreibgeschützt: ein anderes AuditApp-Fenster schreibt in die Datenbank.</translation>
    </message>
    <message>
        <source>Choose a checklist.</source>
        <translation>Wählen Sie eine Checkliste.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Click to dismiss</source>
        <translation>Zum Schließen klicken</translation>
    </message>
</context>
<context>
    <name>NewEscalationDialog</name>
    <message>
        <source>Escalate an issue of %1</source>
        <translation>Sachverhalt von %1 eskalieren</translation>
    </message>
    <message>
        <source>Empty: the level&apos;s owner on the escalation path</source>
        <translation>Leer: die Verantwortlichen der Stufe im Eskalationsweg</translation>
    </message>
    <message>
        <source>Protocol number (optional)</source>
        <translation>Prüfplannummer (optional)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: the level&apos;s response time)</source>
        <translation>JJJJ-MM-TT (leer: Antwortfrist der Stufe)</translation>
    </message>
    <message>
        <source>Issue:</source>
        <translation>Sachverhalt:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Verantwortlich:</translation>
    </message>
    <message>
        <source>Study:</source>
        <translation>Studie:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Fällig:</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>at least 10 characters</source>
        <translation>mindestens 10 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>&amp;Aktuelles Passwort</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Neues Passwort</translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation>Neues Passwort &amp;wiederholen</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>OptionalDateField</name>
    <message>
        <source>Pick a date from the calendar</source>
        <translation>Datum im Kalender auswählen</translation>
    </message>
    <message>
        <source>DD</source>
        <translation>TT</translation>
    </message>
    <message>
        <source>MM</source>
        <translation>MM</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>JJJJ</translation>
    </message>
    <message>
        <source>This is not a date. Type it as %1, or pick it from the calendar.</source>
        <translation>Das ist kein Datum. Geben Sie es als %1 ein oder wählen Sie es im Kalender aus.</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>Datum löschen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>OversightActions</name>
    <message>
        <source>&amp;Oversight</source>
        <translation>&amp;Aufsicht</translation>
    </message>
    <message>
        <source>CRO &amp;register</source>
        <translation>CRO-&amp;Register</translation>
    </message>
    <message>
        <source>Oversight &amp;dashboard</source>
        <translation>Aufsichts-&amp;Dashboard</translation>
    </message>
</context>
<context>
    <name>OversightDashboard</name>
    <message>
        <source>Oversight dashboard</source>
        <translation>Aufsichts-Dashboard</translation>
    </message>
    <message>
        <source>CRO</source>
        <translation>CRO</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>CRO:</source>
        <translation>CRO:</translation>
    </message>
    <message>
        <source>KPI trend:</source>
        <translation>Kennzahlverlauf:</translation>
    </message>
    <message>
        <source>All CROs</source>
        <translation>Alle CROs</translation>
    </message>
    <message>
        <source>CRO as a whole</source>
        <translation>CRO insgesamt</translation>
    </message>
    <message>
        <source>Findings by grade per audit</source>
        <translation>Feststellungen nach Einstufung je Audit</translation>
    </message>
    <message>
        <source>Findings by grade per CRO</source>
        <translation>Feststellungen nach Einstufung je CRO</translation>
    </message>
    <message>
        <source>Findings by area and grade</source>
        <translation>Feststellungen nach Bereich und Einstufung</translation>
    </message>
    <message>
        <source>Open CAPAs by age (days)</source>
        <translation>Offene CAPAs nach Alter (Tage)</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>Verletzung</translation>
    </message>
    <message>
        <source>Open CAPAs: %1 (%2 overdue) · repeat findings: %3 · open escalations: %4</source>
        <translation>Offene CAPAs: %1 (%2 überfällig) · wiederholte Feststellungen: %3 · offene Eskalationen: %4</translation>
    </message>
    <message>
        <source>risk score %1 (%2), next audit %3</source>
        <translation>Risikowert %1 (%2), nächstes Audit %3</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
</context>
<context>
    <name>PackageOpen</name>
    <message>
        <source>Import the audit package %1 into this database?

%2</source>
        <translation>Das Auditpaket %1 in diese Datenbank importieren?

%2</translation>
    </message>
    <message>
        <source>Import audit package</source>
        <translation>Auditpaket importieren</translation>
    </message>
    <message>
        <source>The package was not imported; nothing changed:
%1</source>
        <translation>Das Paket wurde nicht importiert; nichts wurde verändert:
%1</translation>
    </message>
    <message>
        <source>The package is signed by %1 (%2), whose certificate this database does not know.

Certificate SHA-256:
%3

Import it only if the sender confirms this fingerprint through another channel (phone, signed e-mail). Import it?</source>
        <translation>Das Paket ist von %1 (%2) signiert, dessen Zertifikat diese Datenbank nicht kennt.

SHA-256 des Zertifikats:
%3

Importieren Sie es nur, wenn der Absender diesen Fingerabdruck über einen anderen Weg bestätigt (Telefon, signierte E-Mail). Importieren?</translation>
    </message>
    <message>
        <source>%1 is encrypted. Transfer password:</source>
        <translation>%1 ist verschlüsselt. Transferpasswort:</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>AuditApp — new database</source>
        <translation>AuditApp — neue Datenbank</translation>
    </message>
    <message>
        <source>AuditApp — encrypted database</source>
        <translation>AuditApp — verschlüsselte Datenbank</translation>
    </message>
    <message>
        <source>Create a new database</source>
        <translation>Neue Datenbank anlegen</translation>
    </message>
    <message>
        <source>This database is encrypted</source>
        <translation>Diese Datenbank ist verschlüsselt</translation>
    </message>
    <message>
        <source>Audit data, names and evidence photos are confidential. Encrypt the database so that whoever finds the laptop cannot read it. The passphrase cannot be recovered: keep it safe.</source>
        <translation>Auditdaten, Namen und Nachweisfotos sind vertraulich. Verschlüsseln Sie die Datenbank, damit niemand sie lesen kann, der den Laptop findet. Die Passphrase lässt sich nicht wiederherstellen: bewahren Sie sie sicher auf.</translation>
    </message>
    <message>
        <source>&amp;Encrypt this database (recommended)</source>
        <translation>Diese Datenbank &amp;verschlüsseln (empfohlen)</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>Die Passphrase muss mindestens %1 Zeichen haben.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Vorherige Seite (Bild auf)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Nächste Seite (Bild ab)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Breite einpassen</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Ganze Seite</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
</context>
<context>
    <name>PreissueModel</name>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Was fehlt</translation>
    </message>
    <message>
        <source>Report fields</source>
        <translation>Berichtsfelder</translation>
    </message>
    <message>
        <source>Checklist questions</source>
        <translation>Checklistenfragen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Feststellungen</translation>
    </message>
    <message>
        <source>Warnings, not blocking</source>
        <translation>Warnungen, nicht blockierend</translation>
    </message>
</context>
<context>
    <name>PreissuePanel</name>
    <message>
        <source>Check before issue · %1</source>
        <translation>Prüfung vor Ausgabe · %1</translation>
    </message>
    <message>
        <source>Double-click a problem or press Enter to go to it. The report can be signed as author when this list is empty.</source>
        <translation>Doppelklicken Sie auf ein Problem oder drücken Sie die Eingabetaste, um dorthin zu gehen. Der Bericht kann als Verfasser signiert werden, wenn diese Liste leer ist.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) block issuing the report</source>
        <translation>
            <numerusform>%n Problem verhindert die Ausgabe des Berichts</numerusform>
            <numerusform>%n Probleme verhindern die Ausgabe des Berichts</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing blocks issuing the report.</source>
        <translation>Der Ausgabe des Berichts steht nichts im Weg.</translation>
    </message>
</context>
<context>
    <name>PreviewDock</name>
    <message>
        <source>Live report preview</source>
        <translation>Live-Berichtsvorschau</translation>
    </message>
    <message>
        <source>The preview appears a moment after you open it.</source>
        <translation>Die Vorschau erscheint kurz nach dem Öffnen.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>The preview could not be rendered: %1</source>
        <translation>Die Vorschau konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>&amp;Live report preview</source>
        <translation>&amp;Live-Berichtsvorschau</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>The database is damaged and was not changed:
%1

Restore the latest backup from %2? The damaged file is kept aside.</source>
        <translation>Die Datenbank ist beschädigt und wurde nicht verändert:
%1

Die letzte Sicherung vom %2 wiederherstellen? Die beschädigte Datei wird beiseitegelegt.</translation>
    </message>
    <message>
        <source>This database is open in another AuditApp window.
%1
%2

Only one window can change a database at a time. Open it read-only here (you can look, not change), or cancel and continue in the other window.</source>
        <translation>Diese Datenbank ist in einem anderen AuditApp-Fenster geöffnet.
%1
%2

Nur jeweils ein Fenster kann eine Datenbank ändern. Öffnen Sie sie hier schreibgeschützt (Sie können ansehen, aber nicht ändern), oder brechen Sie ab und arbeiten Sie im anderen Fenster weiter.</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>&amp;Schreibgeschützt öffnen</translation>
    </message>
</context>
<context>
    <name>QualificationDialog</name>
    <message>
        <source>Qualification of %1</source>
        <translation>Qualifizierung von %1</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Zugelassen</translation>
    </message>
    <message>
        <source>Approved with conditions</source>
        <translation>Unter Auflagen zugelassen</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Nicht zugelassen</translation>
    </message>
    <message>
        <source>(no audit)</source>
        <translation>(kein Audit)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: today)</source>
        <translation>JJJJ-MM-TT (leer: heute)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>JJJJ-MM-TT (optional)</translation>
    </message>
    <message>
        <source>Conditions of a conditional approval</source>
        <translation>Auflagen einer Zulassung unter Auflagen</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Set by audit:</source>
        <translation>Festgelegt durch Audit:</translation>
    </message>
    <message>
        <source>Effective from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Auflagen:</translation>
    </message>
</context>
<context>
    <name>QuestionPane</name>
    <message>
        <source>Guidance</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referenzen</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Answer “%1” (%2)</source>
        <translation>Antwort „%1“ (%2)</translation>
    </message>
    <message>
        <source>Ctrl+1 compliant · Ctrl+2 partially · Ctrl+3 non-compliant · Ctrl+4 not applicable · Ctrl+5 not assessed</source>
        <translation>Strg+1 konform · Strg+2 teilweise · Strg+3 nicht konform · Strg+4 nicht zutreffend · Strg+5 nicht bewertet</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>What you saw, asked and sampled. Saved as you type.</source>
        <translation>Was Sie gesehen, gefragt und stichprobenartig geprüft haben. Wird beim Tippen gespeichert.</translation>
    </message>
    <message>
        <source>Raise finding…</source>
        <translation>Feststellung erfassen …</translation>
    </message>
    <message>
        <source>Raise a finding from this question (Ctrl+R)</source>
        <translation>Zu dieser Frage eine Feststellung erfassen (Strg+R)</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Zurück</translation>
    </message>
    <message>
        <source>Previous question (Alt+↑)</source>
        <translation>Vorherige Frage (Alt+↑)</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Weiter ›</translation>
    </message>
    <message>
        <source>Next question (Alt+↓)</source>
        <translation>Nächste Frage (Alt+↓)</translation>
    </message>
    <message>
        <source>Next unanswered</source>
        <translation>Nächste offene</translation>
    </message>
    <message>
        <source>Next unanswered question (F8)</source>
        <translation>Nächste unbeantwortete Frage (F8)</translation>
    </message>
    <message>
        <source>Findings raised here</source>
        <translation>Hier erfasste Feststellungen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Answered by %1 at %2</source>
        <translation>Beantwortet von %1 am %2</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Noch nicht beantwortet</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Your recovery code</source>
        <translation>Ihr Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Recovery code for %1</source>
        <translation>Wiederherstellungscode für %1</translation>
    </message>
    <message>
        <source>If you forget your password or your account is locked, this code lets you set a new password (Sign in › Forgot password). It is shown only now: write it down or print it and keep it locked away, apart from this computer. Using it issues a new code.</source>
        <translation>Wenn Sie Ihr Passwort vergessen oder Ihr Konto gesperrt ist, können Sie mit diesem Code ein neues Passwort festlegen (Anmelden › Passwort vergessen). Er wird nur jetzt angezeigt: Schreiben Sie ihn auf oder drucken Sie ihn aus und bewahren Sie ihn verschlossen und getrennt von diesem Computer auf. Nach der Verwendung erhalten Sie einen neuen Code.</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>In die Zwischenablage &amp;kopieren</translation>
    </message>
    <message>
        <source>I have stored the code</source>
        <translation>Ich habe den Code sicher aufbewahrt</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover an administrator account</source>
        <translation>Administratorkonto wiederherstellen</translation>
    </message>
    <message>
        <source>Enter the recovery code you received when the administrator account was created. Your password is replaced, the lock is lifted and a new code is shown.</source>
        <translation>Geben Sie den Wiederherstellungscode ein, den Sie beim Anlegen des Administratorkontos erhalten haben. Ihr Passwort wird ersetzt, die Sperre aufgehoben und ein neuer Code angezeigt.</translation>
    </message>
    <message>
        <source>five groups of five letters and digits</source>
        <translation>fünf Gruppen aus je fünf Buchstaben und Ziffern</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>Recovery &amp;code</source>
        <translation>Wiederherstellungs&amp;code</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Neues Passwort</translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation>Neues Passwort &amp;wiederholen</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>ReferencesField</name>
    <message>
        <source>Add a reference, e.g. ICH E6(R3) 3.9</source>
        <translation>Referenz hinzufügen, z. B. ICH E6(R3) 3.9</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>This reference is not recognised: %1.</source>
        <translation>Diese Referenz ist nicht bekannt: %1.</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <source>Documents reviewed</source>
        <translation>Geprüfte Dokumente</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>Datum (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>Persons met and interviewed</source>
        <translation>Getroffene und befragte Personen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Eröffnung</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Interviewed</source>
        <translation>Befragt</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen audit · %1</source>
        <translation>Audit wiedereröffnen · %1</translation>
    </message>
    <message>
        <source>Report version %1 of %2 is signed and locked. Reopening makes the audit editable as report version %3; the signed version stays unchanged and retrievable. Only the lead auditor can reopen, and the reason is kept in the audit trail.</source>
        <translation>Berichtsversion %1 von %2 ist signiert und gesperrt. Das Wiedereröffnen macht das Audit als Berichtsversion %3 bearbeitbar; die signierte Version bleibt unverändert und abrufbar. Nur der Lead-Auditor kann wiedereröffnen; die Begründung wird im Audit-Trail festgehalten.</translation>
    </message>
    <message>
        <source>Why must the signed report change?</source>
        <translation>Warum muss der signierte Bericht geändert werden?</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begründung</translation>
    </message>
    <message>
        <source>Lead auditor &amp;username</source>
        <translation>&amp;Benutzername des Lead-Auditors</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>&amp;Wiedereröffnen</translation>
    </message>
    <message>
        <source>Give the reason for reopening; it is kept in the audit trail.</source>
        <translation>Geben Sie die Begründung für das Wiedereröffnen an; sie wird im Audit-Trail festgehalten.</translation>
    </message>
    <message>
        <source>Enter the lead auditor&apos;s password.</source>
        <translation>Geben Sie das Passwort des Lead-Auditors ein.</translation>
    </message>
    <message>
        <source>Reopening</source>
        <translation>Wiedereröffnen</translation>
    </message>
</context>
<context>
    <name>RepeatPanel</name>
    <message>
        <source>Similar findings in earlier audits of this CRO</source>
        <translation>Ähnliche Feststellungen aus früheren Audits dieser CRO</translation>
    </message>
    <message>
        <source>Mark as &amp;repeat of the selected finding</source>
        <translation>Als &amp;Wiederholung der gewählten Feststellung markieren</translation>
    </message>
    <message>
        <source>Not a repeat</source>
        <translation>Keine Wiederholung</translation>
    </message>
    <message>
        <source>Repeats %1.</source>
        <translation>Wiederholt %1.</translation>
    </message>
    <message>
        <source>Looking for similar earlier findings…</source>
        <translation>Ähnliche frühere Feststellungen werden gesucht…</translation>
    </message>
    <message numerus="yes">
        <source>%n similar earlier finding(s): does this one repeat one of them?</source>
        <translation>
            <numerusform>%n ähnliche frühere Feststellung: Ist diese eine Wiederholung?</numerusform>
            <numerusform>%n ähnliche frühere Feststellungen: Wiederholt diese eine davon?</numerusform>
        </translation>
    </message>
    <message>
        <source>None found.</source>
        <translation>Keine gefunden.</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <source>Automatic backup failed: %1</source>
        <translation>Automatische Sicherung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>SearchHitsModel</name>
    <message>
        <source>Finding</source>
        <translation>Feststellung</translation>
    </message>
    <message>
        <source>Answer note</source>
        <translation>Notiz zur Antwort</translation>
    </message>
    <message>
        <source>Evidence caption</source>
        <translation>Beschriftung eines Nachweises</translation>
    </message>
    <message>
        <source>Document reviewed</source>
        <translation>Geprüftes Dokument</translation>
    </message>
    <message>
        <source>Auditee participant</source>
        <translation>Teilnehmende Person der auditierten Stelle</translation>
    </message>
    <message>
        <source>Audit team</source>
        <translation>Auditteam</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Grading scheme</source>
        <translation>Einstufungsschema</translation>
    </message>
    <message>
        <source>Existing findings keep their grade when the scheme changes.</source>
        <translation>Bestehende Feststellungen behalten ihre Einstufung, wenn das Schema wechselt.</translation>
    </message>
    <message>
        <source>EMA: critical, major, minor, comments</source>
        <translation>EMA: kritisch, wesentlich, geringfügig, Kommentare</translation>
    </message>
    <message>
        <source>MHRA: critical, major, other</source>
        <translation>MHRA: kritisch, wesentlich, sonstige</translation>
    </message>
    <message>
        <source>CAPA response due (days after the report is issued)</source>
        <translation>CAPA-Antwort fällig (Tage nach Ausgabe des Berichts)</translation>
    </message>
    <message>
        <source>Your organisation&apos;s practice, not a regulatory requirement: ICH E6 and the GCP inspectorates set no response times. New findings take these days; the due dates are fixed when the author signs the report.</source>
        <translation>Praxis Ihrer Organisation, keine regulatorische Anforderung: ICH E6 und die GCP-Inspektionsbehörden legen keine Antwortfristen fest. Neue Feststellungen übernehmen diese Tage; die Fälligkeitsdaten werden festgelegt, wenn der Verfasser den Bericht signiert.</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>keine Frist</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German (Deutsch)</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Menus, dialogs and help change at the next start. The report language is set per audit.</source>
        <translation>Menüs, Dialoge und Hilfe wechseln beim nächsten Start. Die Berichtssprache wird je Audit festgelegt.</translation>
    </message>
    <message>
        <source>Auditing organisation (report cover and header)</source>
        <translation>Auditierende Organisation (Deckblatt und Kopfzeile des Berichts)</translation>
    </message>
    <message>
        <source>e.g. the sponsor&apos;s GCP QA department or the audit firm</source>
        <translation>z. B. die GCP-QS-Abteilung des Sponsors oder die Auditfirma</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>Logo auswählen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Security and backups</source>
        <translation>Sicherheit und Sicherungen</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation>Fenster sperren nach</translation>
    </message>
    <message>
        <source>Automatic backups kept</source>
        <translation>Aufbewahrte automatische Sicherungen</translation>
    </message>
    <message>
        <source>Author, reviewer and approver of a report version must be different people</source>
        <translation>Verfasser, Prüfende Person der QS und Freigebende Person einer Berichtsversion müssen verschiedene Personen sein</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <source>Automatic backups are made when AuditApp closes and once a day while it is open, in %1. Copy them to another medium now and then.</source>
        <translation>Automatische Sicherungen entstehen beim Beenden von AuditApp und einmal täglich, solange es geöffnet ist, in %1. Kopieren Sie sie regelmäßig auf ein anderes Medium.</translation>
    </message>
    <message>
        <source>This window is read-only: security and backup settings can be changed only in the window that has the database open for writing.</source>
        <translation>Dieses Fenster ist schreibgeschützt: Einstellungen zu Sicherheit und Sicherungen lassen sich nur in dem Fenster ändern, in dem die Datenbank zum Schreiben geöffnet ist.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Kein Logo</translation>
    </message>
    <message>
        <source>Choose the organisation&apos;s logo</source>
        <translation>Logo der Organisation auswählen</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>New audit</source>
        <translation>Neues Audit</translation>
    </message>
    <message>
        <source>Audit details</source>
        <translation>Auditdaten</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Auditee and studies</source>
        <translation>Auditierte Stelle und Studien</translation>
    </message>
    <message>
        <source>Objectives and scope</source>
        <translation>Ziele und Umfang</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Fazit</translation>
    </message>
    <message>
        <source>Create audit</source>
        <translation>Audit anlegen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Proposed; change it to your own numbering if needed</source>
        <translation>Vorschlag; bei Bedarf an Ihre eigene Nummerierung anpassen</translation>
    </message>
    <message>
        <source>e.g. Vendor qualification audit of Example CRO</source>
        <translation>z. B. Qualifizierungsaudit des Dienstleisters Beispiel-CRO</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referenz</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Audit t&amp;ype</source>
        <translation>Audit&amp;art</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Durchführung</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Berichtssprache</translation>
    </message>
    <message>
        <source>Sites and departments visited</source>
        <translation>Besuchte Standorte und Abteilungen</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>Sponsor</translation>
    </message>
    <message>
        <source>Sponsor address</source>
        <translation>Anschrift des Sponsors</translation>
    </message>
    <message>
        <source>Auditee (CRO)</source>
        <translation>Auditierte Stelle (CRO)</translation>
    </message>
    <message>
        <source>Auditee address</source>
        <translation>Anschrift der auditierten Stelle</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <source>Other regulations, contracts and SOPs audited against</source>
        <translation>Weitere Vorschriften, Verträge und SOPs als Auditgrundlage</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Kriterien</translation>
    </message>
    <message>
        <source>Other criteria</source>
        <translation>Weitere Kriterien</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— nicht gesetzt —</translation>
    </message>
    <message>
        <source>Lead auditor</source>
        <translation>Lead-Auditor</translation>
    </message>
    <message>
        <source>Audit team</source>
        <translation>Auditteam</translation>
    </message>
    <message>
        <source>Auditee participants</source>
        <translation>Teilnehmende der auditierten Stelle</translation>
    </message>
    <message>
        <source>Areas in scope</source>
        <translation>Bereiche im Umfang</translation>
    </message>
    <message>
        <source>Each question says which audit types ask it; the counts below are the questions this audit type asks (General › Audit type). Point at an area to see which questions are left out.</source>
        <translation>Jede Frage gibt an, bei welchen Auditarten sie gestellt wird; die Zahlen unten sind die Fragen, die diese Auditart stellt (Allgemein › Auditart). Zeigen Sie auf einen Bereich, um die ausgelassenen Fragen zu sehen.</translation>
    </message>
    <message>
        <source>Answers to areas taken out of scope are kept and come back if the area returns.</source>
        <translation>Antworten zu Bereichen, die aus dem Umfang genommen werden, bleiben erhalten und erscheinen wieder, wenn der Bereich zurückkehrt.</translation>
    </message>
    <message>
        <source>A vendor qualification ends in an approval decision; other audits in an assessment of acceptability</source>
        <translation>Eine Dienstleisterqualifizierung endet mit einer Zulassungsentscheidung, andere Audits mit einer Bewertung der Akzeptabilität</translation>
    </message>
    <message>
        <source>The overall conclusion: what the findings mean for the sponsor and what must happen next</source>
        <translation>Das Gesamtfazit: was die Feststellungen für den Sponsor bedeuten und was als Nächstes geschehen muss</translation>
    </message>
    <message>
        <source>What was sampled, how many of how many, and how the samples were chosen</source>
        <translation>Was stichprobenartig geprüft wurde, wie viele von wie vielen und wie die Stichproben ausgewählt wurden</translation>
    </message>
    <message>
        <source>Good practice seen, one per line (write &quot;none noted&quot; if there was none)</source>
        <translation>Beobachtete gute Praxis, eine pro Zeile (schreiben Sie „keine festgestellt“, wenn es keine gab)</translation>
    </message>
    <message>
        <source>Recipients of the report, one per line or separated by semicolons</source>
        <translation>Empfänger des Berichts, einer pro Zeile oder durch Semikolons getrennt</translation>
    </message>
    <message>
        <source>All five are required before the report can be issued.</source>
        <translation>Alle fünf Angaben sind erforderlich, bevor der Bericht ausgegeben werden kann.</translation>
    </message>
    <message>
        <source>Overall &amp;outcome</source>
        <translation>&amp;Gesamtbewertung</translation>
    </message>
    <message>
        <source>Overall co&amp;nclusion</source>
        <translation>Gesamt&amp;fazit</translation>
    </message>
    <message>
        <source>&amp;Sampling</source>
        <translation>&amp;Stichproben</translation>
    </message>
    <message>
        <source>&amp;Positive observations</source>
        <translation>&amp;Positive Beobachtungen</translation>
    </message>
    <message>
        <source>&amp;Distribution list</source>
        <translation>&amp;Verteiler</translation>
    </message>
    <message>
        <source>— not stated —</source>
        <translation>— nicht angegeben —</translation>
    </message>
    <message numerus="yes">
        <source>(%n question(s)</source>
        <translation>
            <numerusform>(%n Frage</numerusform>
            <numerusform>(%n Fragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not asked in this audit type</source>
        <translation>
            <numerusform>; %n bei dieser Auditart nicht gestellt</numerusform>
            <numerusform>; %n bei dieser Auditart nicht gestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Not asked in a %1 audit: %2</source>
        <translation>Bei der Auditart „%1“ nicht gestellt: %2</translation>
    </message>
    <message>
        <source>One of the dates cannot be read. Type it as %1, or pick it from the calendar.</source>
        <translation>Eines der Daten ist nicht lesbar. Geben Sie es als %1 ein oder wählen Sie es im Kalender aus.</translation>
    </message>
    <message>
        <source>Choose at least one area in scope.</source>
        <translation>Wählen Sie mindestens einen Bereich für den Umfang.</translation>
    </message>
</context>
<context>
    <name>SetupTables</name>
    <message>
        <source>Protocol number</source>
        <translation>Prüfplannummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualifikation</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Eröffnung</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Interviewed</source>
        <translation>Befragt</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Answer: compliant, partially compliant, non-compliant, not applicable, not assessed</source>
        <translation>Antwort: konform, teilweise konform, nicht konform, nicht zutreffend, nicht bewertet</translation>
    </message>
    <message>
        <source>Next / previous question</source>
        <translation>Nächste / vorherige Frage</translation>
    </message>
    <message>
        <source>Next unanswered question</source>
        <translation>Nächste unbeantwortete Frage</translation>
    </message>
    <message>
        <source>Raise a finding from the current question</source>
        <translation>Eine Feststellung zur aktuellen Frage erfassen</translation>
    </message>
    <message>
        <source>Move the selected finding earlier / later</source>
        <translation>Die ausgewählte Feststellung nach vorn / hinten verschieben</translation>
    </message>
    <message>
        <source>In the checklist tree: go to the notes of the question</source>
        <translation>Im Checklistenbaum: zu den Notizen der Frage</translation>
    </message>
    <message>
        <source>Go to notes / go to the checklist tree</source>
        <translation>Zu den Notizen / zum Checklistenbaum</translation>
    </message>
    <message>
        <source>Undo / redo the last saved change, wherever you are (each is a new, recorded edit)</source>
        <translation>Letzte gespeicherte Änderung rückgängig machen / wiederherstellen, wo immer Sie sind (jeweils eine neue, protokollierte Änderung)</translation>
    </message>
    <message>
        <source>In a text field: undo / redo typing; elsewhere: as Ctrl+Shift+Z / Ctrl+Shift+Y</source>
        <translation>In einem Textfeld: Eingabe rückgängig / wiederherstellen; sonst wie Strg+Umschalt+Z / Strg+Umschalt+Y</translation>
    </message>
    <message>
        <source>Checklist, Findings, Evidence, Documents and people, Audit trail</source>
        <translation>Checkliste, Feststellungen, Nachweise, Dokumente und Personen, Audit-Trail</translation>
    </message>
    <message>
        <source>Alt+C, Alt+F, Alt+V, Alt+D, Alt+R</source>
        <translation>Alt+C, Alt+F, Alt+W, Alt+O, Alt+T</translation>
    </message>
    <message>
        <source>Import evidence files (to the question or finding you are on)</source>
        <translation>Nachweisdateien importieren (zur aktuellen Frage oder Feststellung)</translation>
    </message>
    <message>
        <source>Paste an image or files from the clipboard as evidence</source>
        <translation>Ein Bild oder Dateien aus der Zwischenablage als Nachweis einfügen</translation>
    </message>
    <message>
        <source>In the evidence gallery: view full size / edit the caption / remove (with a reason)</source>
        <translation>In der Nachweisgalerie: in voller Größe ansehen / Beschriftung bearbeiten / entfernen (mit Begründung)</translation>
    </message>
    <message>
        <source>In the evidence viewer: previous, next, zoom in, zoom out, fit</source>
        <translation>Im Nachweisbetrachter: zurück, weiter, vergrößern, verkleinern, einpassen</translation>
    </message>
    <message>
        <source>New audit</source>
        <translation>Neues Audit</translation>
    </message>
    <message>
        <source>Audit details</source>
        <translation>Auditdaten</translation>
    </message>
    <message>
        <source>Export report / preview report</source>
        <translation>Bericht exportieren / Berichtsvorschau</translation>
    </message>
    <message>
        <source>Check before issue</source>
        <translation>Prüfung vor Ausgabe</translation>
    </message>
    <message>
        <source>CAPA follow-up of the open audit</source>
        <translation>CAPA-Nachverfolgung des geöffneten Audits</translation>
    </message>
    <message>
        <source>Back to the audit list</source>
        <translation>Zurück zur Auditliste</translation>
    </message>
    <message>
        <source>Find an audit</source>
        <translation>Ein Audit suchen</translation>
    </message>
    <message>
        <source>Settings: grading scheme, CAPA days</source>
        <translation>Einstellungen: Einstufungsschema, CAPA-Fristen</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Save signed report</source>
        <translation>Signierten Bericht speichern</translation>
    </message>
    <message>
        <source>Sign report · %1</source>
        <translation>Bericht signieren · %1</translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation>&amp;Verfasser</translation>
    </message>
    <message>
        <source>Re&amp;viewer</source>
        <translation>&amp;Prüfende Person der QS</translation>
    </message>
    <message>
        <source>A&amp;pprover</source>
        <translation>&amp;Freigebende Person</translation>
    </message>
    <message>
        <source>By signing you state:</source>
        <translation>Mit Ihrer Signatur erklären Sie:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Also sign a &amp;Word copy (DOCX with a detached .p7s signature)</source>
        <translation>Auch eine &amp;Word-Kopie signieren (DOCX mit abgesetzter .p7s-Signatur)</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>&amp;Save signed report…</source>
        <translation>Signierten Bericht &amp;speichern …</translation>
    </message>
    <message>
        <source>preparing the document…</source>
        <translation>Dokument wird vorbereitet …</translation>
    </message>
    <message>
        <source>Preparing the document</source>
        <translation>Dokument wird vorbereitet</translation>
    </message>
    <message>
        <source>version %1, %2 pages, language %3</source>
        <translation>Version %1, %2 Seiten, Sprache %3</translation>
    </message>
    <message>
        <source>of the document shown. The signing time on the signature page is set at the moment you sign.</source>
        <translation>des angezeigten Dokuments. Der Signaturzeitpunkt auf der Signaturseite wird im Moment der Signatur gesetzt.</translation>
    </message>
    <message>
        <source>of the signed document you countersign.</source>
        <translation>des signierten Dokuments, das Sie gegenzeichnen.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) block issuing this report; see Audit ▸ Check before issue…. First: %2</source>
        <translation>
            <numerusform>%n Problem verhindert die Ausgabe dieses Berichts; siehe Audit ▸ Prüfung vor Ausgabe …. Erstes: %2</numerusform>
            <numerusform>%n Probleme verhindern die Ausgabe dieses Berichts; siehe Audit ▸ Prüfung vor Ausgabe …. Erstes: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter your username and password to sign.</source>
        <translation>Geben Sie zum Signieren Benutzername und Passwort ein.</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Wird signiert …</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <source>of the document you signed.</source>
        <translation>des Dokuments, das Sie signiert haben.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The audit is final and locked.</source>
        <translation>Das Audit ist final und gesperrt.</translation>
    </message>
    <message>
        <source>The audit is locked; changes need a reopen by the lead auditor.</source>
        <translation>Das Audit ist gesperrt; Änderungen erfordern ein Wiedereröffnen durch den Lead-Auditor.</translation>
    </message>
    <message>
        <source>Signed: %1. %2</source>
        <translation>Signiert: %1. %2</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>AuditApp — create the first account</source>
        <translation>AuditApp — erstes Konto anlegen</translation>
    </message>
    <message>
        <source>AuditApp — sign in</source>
        <translation>AuditApp — anmelden</translation>
    </message>
    <message>
        <source>Welcome to AuditApp</source>
        <translation>Willkommen bei AuditApp</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create yours: it signs every edit in the audit trail. The first account is the administrator, who adds the other users; you will receive a recovery code for it.</source>
        <translation>Diese Datenbank hat noch keine Konten. Legen Sie Ihres an: Es zeichnet jede Änderung im Audit-Trail. Das erste Konto ist das Administratorkonto, das die weiteren Benutzer anlegt; Sie erhalten dafür einen Wiederherstellungscode.</translation>
    </message>
    <message>
        <source>e.g. anna.becker</source>
        <translation>z. B. anna.becker</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Vollständiger Name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>Passwort &amp;wiederholen</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>mindestens 10 Zeichen</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>&amp;Forgot password…</source>
        <translation>Passwort &amp;vergessen …</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Your password was reset. Sign in with the new one.</source>
        <translation>Ihr Passwort wurde zurückgesetzt. Melden Sie sich mit dem neuen an.</translation>
    </message>
</context>
<context>
    <name>SignatureChecksModel</name>
    <message>
        <source>Signer</source>
        <translation>Unterzeichner</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signiert am</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Certificate SHA-256</source>
        <translation>SHA-256 des Zertifikats</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>vertrauenswürdig</translation>
    </message>
    <message>
        <source>NOT trusted</source>
        <translation>NICHT vertrauenswürdig</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>NOT intact</source>
        <translation>NICHT unverändert</translation>
    </message>
</context>
<context>
    <name>SignoffActions</name>
    <message>
        <source>Chec&amp;k before issue…</source>
        <translation>&amp;Prüfung vor Ausgabe …</translation>
    </message>
    <message>
        <source>&amp;Preview report</source>
        <translation>Berichts&amp;vorschau</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Sign report…</source>
        <translation>Bericht &amp;signieren …</translation>
    </message>
    <message>
        <source>Save si&amp;gned report…</source>
        <translation>Si&amp;gnierten Bericht speichern …</translation>
    </message>
    <message>
        <source>Sign audit &amp;certificate…</source>
        <translation>Audit&amp;zertifikat signieren …</translation>
    </message>
    <message>
        <source>&amp;Reopen audit…</source>
        <translation>Audit &amp;wiedereröffnen …</translation>
    </message>
    <message>
        <source>&amp;Verify signed file…</source>
        <translation>Signierte Datei &amp;verifizieren …</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht geschrieben nach %1</translation>
    </message>
    <message>
        <source>Preview · %1</source>
        <translation>Vorschau · %1</translation>
    </message>
    <message>
        <source>Rendering the report of %1…</source>
        <translation>Bericht zu %1 wird erstellt …</translation>
    </message>
    <message>
        <source>The preview</source>
        <translation>Die Vorschau</translation>
    </message>
    <message>
        <source>The audit certificate can be signed only for an approved report; %1 report version %2 is not approved.</source>
        <translation>Das Auditzertifikat kann nur für einen freigegebenen Bericht signiert werden; bei %1 ist Berichtsversion %2 nicht freigegeben.</translation>
    </message>
    <message>
        <source>Save signed certificate</source>
        <translation>Signiertes Zertifikat speichern</translation>
    </message>
    <message>
        <source>The signed certificate is stored with the audit.</source>
        <translation>Das signierte Zertifikat wird mit dem Audit gespeichert.</translation>
    </message>
    <message>
        <source>Signed certificate written to %1</source>
        <translation>Signiertes Zertifikat geschrieben nach %1</translation>
    </message>
    <message>
        <source>Save signed report</source>
        <translation>Signierten Bericht speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Signed report written to %1</source>
        <translation>Signierter Bericht geschrieben nach %1</translation>
    </message>
    <message>
        <source>%1 is not signed; there is nothing to reopen.</source>
        <translation>%1 ist nicht signiert; es gibt nichts wiederzueröffnen.</translation>
    </message>
    <message>
        <source>%1 reopened: you are now editing report version %2.</source>
        <translation>%1 wiedereröffnet: Sie bearbeiten jetzt Berichtsversion %2.</translation>
    </message>
</context>
<context>
    <name>StartupShell</name>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>CAPA plan received</source>
        <translation>CAPA-Plan erhalten</translation>
    </message>
    <message>
        <source>Assess the plan</source>
        <translation>Plan bewerten</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>Frist verlängern</translation>
    </message>
    <message>
        <source>Completion evidence</source>
        <translation>Umsetzungsnachweis</translation>
    </message>
    <message>
        <source>Plan effectiveness check</source>
        <translation>Wirksamkeitsprüfung planen</translation>
    </message>
    <message>
        <source>Effectiveness result</source>
        <translation>Ergebnis der Wirksamkeitsprüfung</translation>
    </message>
    <message>
        <source>Close the finding</source>
        <translation>Feststellung schließen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>More information needed</source>
        <translation>Weitere Informationen nötig</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>E-001, E-004</source>
        <translation>E-001, E-004</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Wirksam</translation>
    </message>
    <message>
        <source>Not effective</source>
        <translation>Nicht wirksam</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Grundursache</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Sofortkorrektur</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Korrekturmaßnahme</translation>
    </message>
    <message>
        <source>Preventive action</source>
        <translation>Vorbeugemaßnahme</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Zieldatum</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>Neues Datum</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Genehmigt von</translation>
    </message>
    <message>
        <source>Evidence items</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Verweis</translation>
    </message>
    <message>
        <source>Check on</source>
        <translation>Prüfung am</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Evidence items are numbers like E-001.</source>
        <translation>Nachweise werden mit Nummern wie E-001 angegeben.</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <source>Hand &amp;out to co-auditor…</source>
        <translation>An Co-Auditor &amp;übergeben…</translation>
    </message>
    <message>
        <source>Hand &amp;back to lead…</source>
        <translation>An Auditleitung &amp;zurückgeben…</translation>
    </message>
    <message>
        <source>&amp;Merge team package…</source>
        <translation>Teampaket &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>Sign the package</source>
        <translation>Paket signieren</translation>
    </message>
    <message>
        <source>Your password (the package is signed with your key):</source>
        <translation>Ihr Passwort (das Paket wird mit Ihrem Schlüssel signiert):</translation>
    </message>
    <message>
        <source>Transfer password</source>
        <translation>Transferpasswort</translation>
    </message>
    <message>
        <source>Transfer password of the package (at least 12 characters; tell it to the recipient by another channel):</source>
        <translation>Transferpasswort des Pakets (mindestens 12 Zeichen; teilen Sie es dem Empfänger über einen anderen Kanal mit):</translation>
    </message>
    <message>
        <source>Merge team package</source>
        <translation>Teampaket zusammenführen</translation>
    </message>
    <message>
        <source>Nothing changed:
%1</source>
        <translation>Nichts wurde verändert:
%1</translation>
    </message>
    <message>
        <source>Hand out</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Hand back to lead</source>
        <translation>An Auditleitung zurückgeben</translation>
    </message>
    <message>
        <source>Team packages (*.teampkg)</source>
        <translation>Team-Pakete (*.teampkg)</translation>
    </message>
    <message>
        <source>Hand back</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>The package is signed by %1 (%2), whose certificate this database does not know.

Certificate SHA-256:
%3

Merge it only if the sender confirms this fingerprint through another channel. Merge it?</source>
        <translation>Das Paket ist von %1 (%2) signiert, dessen Zertifikat diese Datenbank nicht kennt.

Zertifikat SHA-256:
%3

Führen Sie es nur zusammen, wenn der Absender diesen Fingerabdruck über einen anderen Kanal bestätigt. Zusammenführen?</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Opened %1 as your working copy, handed out by %2.</source>
        <translation>%1 als Ihre Arbeitskopie geöffnet, übergeben von %2.</translation>
    </message>
    <message>
        <source>Your checklist areas: %1. Findings to write: %2.</source>
        <translation>Ihre Checklistenbereiche: %1. Zu schreibende Feststellungen: %2.</translation>
    </message>
    <message>
        <source>hand out</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>hand back</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Merged the %1 of %2 into %3.</source>
        <translation>%1 von %2 in %3 zusammengeführt.</translation>
    </message>
    <message>
        <source>New answers: %1; new findings: %2; new evidence: %3; other new records: %4.</source>
        <translation>Neue Antworten: %1; neue Feststellungen: %2; neue Nachweise: %3; andere neue Einträge: %4.</translation>
    </message>
    <message>
        <source>Changed values: %1; deleted records: %2; evidence already here: %3.</source>
        <translation>Geänderte Werte: %1; gelöschte Einträge: %2; bereits vorhandene Nachweise: %3.</translation>
    </message>
    <message>
        <source>Your decisions (recorded in the audit trail under your name):</source>
        <translation>Ihre Entscheidungen (im Audit-Trail unter Ihrem Namen erfasst):</translation>
    </message>
</context>
<context>
    <name>TrailModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
</context>
<context>
    <name>TrailPage</name>
    <message>
        <source>Search what, field, values, reason…</source>
        <translation>Suche in Was, Feld, Werten, Begründung …</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Beliebiges Datum</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>The whole trail of this audit for a spreadsheet, one line per changed field</source>
        <translation>Der gesamte Audit-Trail dieses Audits für eine Tabellenkalkulation, eine Zeile je geändertem Feld</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exportieren …</translation>
    </message>
    <message>
        <source>The whole trail of this audit as a PDF for an inspector, with the trail head hash</source>
        <translation>Der gesamte Audit-Trail dieses Audits als PDF für eine Inspektion, mit dem Hashwert des Trail-Stands</translation>
    </message>
    <message>
        <source>since</source>
        <translation>seit</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle Personen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n action(s) shown</source>
        <translation>
            <numerusform>%1 von %n Aktion angezeigt</numerusform>
            <numerusform>%1 von %n Aktionen angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Audit-Trail exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Audit trail written to %1</source>
        <translation>Audit-Trail gespeichert unter %1</translation>
    </message>
</context>
<context>
    <name>UndoKeys</name>
    <message>
        <source>&amp;Undo last change</source>
        <translation>Letzte Änderung &amp;rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo: %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>AuditApp — locked</source>
        <translation>AuditApp — gesperrt</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Sitzung gesperrt</translation>
    </message>
    <message>
        <source>AuditApp locked itself after a period without use. Enter the password of %1 to continue, or sign out.</source>
        <translation>AuditApp hat sich nach einer Zeit ohne Nutzung gesperrt. Geben Sie das Passwort von %1 ein, um fortzufahren, oder melden Sie sich ab.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Accounts are never deleted, because the audit trail names them; deactivate an account instead. Every change here is recorded in the audit trail.</source>
        <translation>Konten werden nie gelöscht, weil der Audit-Trail sie nennt; deaktivieren Sie ein Konto stattdessen. Jede Änderung hier wird im Audit-Trail protokolliert.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>Benutzer &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Set &amp;role</source>
        <translation>&amp;Rolle festlegen</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>&amp;Passwort zurücksetzen …</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Re&amp;aktivieren</translation>
    </message>
    <message>
        <source>The account was added.</source>
        <translation>Das Konto wurde hinzugefügt.</translation>
    </message>
    <message>
        <source>The account is unlocked.</source>
        <translation>Das Konto ist entsperrt.</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>Passwort von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>The account gets a new password and a new signing key; reports it signed before stay verifiable. Give the password to its owner in person and ask them to change it at their next sign-in.</source>
        <translation>Das Konto erhält ein neues Passwort und einen neuen Signaturschlüssel; zuvor damit signierte Berichte bleiben prüfbar. Übergeben Sie das Passwort der Person persönlich und bitten Sie sie, es bei der nächsten Anmeldung zu ändern.</translation>
    </message>
    <message>
        <source>The password was reset and the account unlocked.</source>
        <translation>Das Passwort wurde zurückgesetzt und das Konto entsperrt.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify signed file</source>
        <translation>Signierte Datei verifizieren</translation>
    </message>
    <message>
        <source>Choose a signed PDF, or a Word file with its .p7s signature beside it.</source>
        <translation>Wählen Sie ein signiertes PDF oder eine Word-Datei mit der zugehörigen .p7s-Signatur daneben.</translation>
    </message>
    <message>
        <source>Verification details</source>
        <translation>Details der Verifizierung</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>Datei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Trust a certificate…</source>
        <translation>Einem Zertifikat &amp;vertrauen …</translation>
    </message>
    <message>
        <source>Add a signer&apos;s exported certificate or your organisation&apos;s CA to the certificates this computer trusts. Compare its fingerprint with the signer&apos;s first.</source>
        <translation>Fügen Sie das exportierte Zertifikat eines Unterzeichners oder die CA Ihrer Organisation zu den vertrauenswürdigen Zertifikaten dieses Computers hinzu. Vergleichen Sie zuvor seinen Fingerabdruck mit dem, den Ihnen der Unterzeichner nennt.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Signed reports (*.pdf *.docx);;All files (*)</source>
        <translation>Signierte Berichte (*.pdf *.docx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Trust a certificate</source>
        <translation>Einem Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Now trusted: %1</source>
        <translation>Jetzt vertrauenswürdig: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message numerus="yes">
        <source>VALID: %n signature(s), every signed byte intact, every signer trusted.</source>
        <translation>
            <numerusform>GÜLTIG: %n Signatur, jedes signierte Byte unverändert, jeder Unterzeichner vertrauenswürdig.</numerusform>
            <numerusform>GÜLTIG: %n Signaturen, jedes signierte Byte unverändert, jeder Unterzeichner vertrauenswürdig.</numerusform>
        </translation>
    </message>
    <message>
        <source>NOT TRUSTED: %1 (%2). Trust the signer&apos;s certificate only after comparing its fingerprint.</source>
        <translation>NICHT VERTRAUENSWÜRDIG: %1 (%2). Vertrauen Sie dem Zertifikat des Unterzeichners erst, nachdem Sie seinen Fingerabdruck verglichen haben.</translation>
    </message>
    <message>
        <source>no signature found</source>
        <translation>keine Signatur gefunden</translation>
    </message>
    <message>
        <source>the file changed after it was signed</source>
        <translation>die Datei wurde nach der Signatur verändert</translation>
    </message>
    <message>
        <source>INVALID: %1</source>
        <translation>UNGÜLTIG: %1</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifizierung</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Audit status</source>
        <translation>Auditstatus</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>&amp;Checkliste</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>&amp;Feststellungen</translation>
    </message>
    <message>
        <source>E&amp;vidence</source>
        <translation>Nach&amp;weise</translation>
    </message>
    <message>
        <source>&amp;Documents and people</source>
        <translation>D&amp;okumente und Personen</translation>
    </message>
    <message>
        <source>Audit t&amp;rail</source>
        <translation>Audit-&amp;Trail</translation>
    </message>
    <message>
        <source>This report version is signed and locked: the audit is read only. To change it, the lead auditor reopens it (Audit ▸ Reopen audit…), which starts a new report version.</source>
        <translation>Diese Berichtsversion ist signiert und gesperrt: das Audit ist schreibgeschützt. Für Änderungen eröffnet der Lead-Auditor es wieder (Audit ▸ Audit wiedereröffnen …); damit beginnt eine neue Berichtsversion.</translation>
    </message>
    <message>
        <source>None yet: drop photos or files here, or paste an image (Ctrl+Shift+V).</source>
        <translation>Noch keine: Fotos oder Dateien hierher ziehen oder ein Bild einfügen (Strg+Umschalt+V).</translation>
    </message>
    <message>
        <source>report version %1</source>
        <translation>Berichtsversion %1</translation>
    </message>
    <message>
        <source>signed in as %1</source>
        <translation>angemeldet als %1</translation>
    </message>
    <message>
        <source>signed and locked: read only</source>
        <translation>signiert und gesperrt: schreibgeschützt</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 von %2 beantwortet</translation>
    </message>
    <message>
        <source>%1 raised.</source>
        <translation>%1 erfasst.</translation>
    </message>
</context>
<context>
    <name>_Register</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>%1 belongs to the database open in AuditApp; choose another file.</source>
        <translation>%1 gehört zu der in AuditApp geöffneten Datenbank; wählen Sie eine andere Datei.</translation>
    </message>
</context>
</TS>
