<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChecklistModel</name>
    <message numerus="yes">
        <source>%1 of %n question(s) answered</source>
        <translation>
            <numerusform>%1 of %n question answered</numerusform>
            <numerusform>%1 of %n questions answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistWalk</name>
    <message numerus="yes">
        <source>Answer %n unanswered question(s) of this section Compliant?</source>
        <translation>
            <numerusform>Answer %n unanswered question of this section Compliant?</numerusform>
            <numerusform>Answer %n unanswered questions of this section Compliant?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answer %n question(s) Compliant</source>
        <translation>
            <numerusform>Answer %n question Compliant</numerusform>
            <numerusform>Answer %n questions Compliant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) answered Compliant.</source>
        <translation>
            <numerusform>%n question answered Compliant.</numerusform>
            <numerusform>%n questions answered Compliant.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message numerus="yes">
        <source>%n d after issue</source>
        <translation>
            <numerusform>%n day after issue</numerusform>
            <numerusform>%n days after issue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Importing %n file…</numerusform>
            <numerusform>Importing %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 of %n file(s)%3: %4</source>
        <translation>
            <numerusform>Imported %1 of %n file%3: %4</numerusform>
            <numerusform>Imported %1 of %n files%3: %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreissuePanel</name>
    <message numerus="yes">
        <source>%n problem(s) block issuing the report</source>
        <translation>
            <numerusform>%n problem blocks issuing the report</numerusform>
            <numerusform>%n problems block issuing the report</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepeatPanel</name>
    <message numerus="yes">
        <source>%n similar earlier finding(s): does this one repeat one of them?</source>
        <translation>
            <numerusform>%n similar earlier finding: does this one repeat it?</numerusform>
            <numerusform>%n similar earlier findings: does this one repeat one of them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message numerus="yes">
        <source>(%n question(s)</source>
        <translation>
            <numerusform>(%n question</numerusform>
            <numerusform>(%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not asked in this audit type</source>
        <translation>
            <numerusform>; %n not asked in this audit type</numerusform>
            <numerusform>; %n not asked in this audit type</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message numerus="yes">
        <source>%n problem(s) block issuing this report; see Audit ▸ Check before issue…. First: %2</source>
        <translation>
            <numerusform>%n problem blocks issuing this report; see Audit ▸ Check before issue…. First: %2</numerusform>
            <numerusform>%n problems block issuing this report; see Audit ▸ Check before issue…. First: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrailPage</name>
    <message numerus="yes">
        <source>%1 of %n action(s) shown</source>
        <translation>
            <numerusform>%1 of %n action shown</numerusform>
            <numerusform>%1 of %n actions shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message numerus="yes">
        <source>VALID: %n signature(s), every signed byte intact, every signer trusted.</source>
        <translation>
            <numerusform>VALID: %n signature, every signed byte intact, every signer trusted.</numerusform>
            <numerusform>VALID: %n signatures, every signed byte intact, every signer trusted.</numerusform>
        </translation>
    </message>
</context>
</TS>
