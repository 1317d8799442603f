<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>dpp::gs1::Linter</name>
    <message>
        <source>the data is valid</source>
        <translation>die Daten sind gültig</translation>
    </message>
    <message>
        <source>a digit is expected</source>
        <translation>eine Ziffer wird erwartet</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 82 is expected)</source>
        <translation>das Zeichen ist nicht zulässig (GS1-Zeichensatz 82 wird erwartet)</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 39 is expected: A-Z, 0-9, #, - and /)</source>
        <translation>das Zeichen ist nicht zulässig (GS1-Zeichensatz 39 wird erwartet: A-Z, 0-9, #, - und /)</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 32 is expected)</source>
        <translation>das Zeichen ist nicht zulässig (GS1-Zeichensatz 32 wird erwartet)</translation>
    </message>
    <message>
        <source>the character is not allowed (URL-safe base64 is expected: A-Z, a-z, 0-9, - and _)</source>
        <translation>das Zeichen ist nicht zulässig (URL-sicheres Base64 wird erwartet: A-Z, a-z, 0-9, - und _)</translation>
    </message>
    <message>
        <source>the base64 padding (&apos;=&apos;) is wrong</source>
        <translation>das Base64-Auffüllzeichen (&apos;=&apos;) ist falsch</translation>
    </message>
    <message>
        <source>the check digit is wrong</source>
        <translation>die Prüfziffer ist falsch</translation>
    </message>
    <message>
        <source>the data is too short to carry a check digit</source>
        <translation>die Daten sind zu kurz für eine Prüfziffer</translation>
    </message>
    <message>
        <source>the check character pair is wrong</source>
        <translation>das Prüfzeichenpaar ist falsch</translation>
    </message>
    <message>
        <source>the data is too short to carry a check character pair</source>
        <translation>die Daten sind zu kurz für ein Prüfzeichenpaar</translation>
    </message>
    <message>
        <source>the data is too long for a check character pair</source>
        <translation>die Daten sind zu lang für ein Prüfzeichenpaar</translation>
    </message>
    <message>
        <source>the GS1 Company Prefix could not be checked because the register is offline</source>
        <translation>die GS1-Basisnummer konnte nicht geprüft werden, weil das Register nicht erreichbar ist</translation>
    </message>
    <message>
        <source>the data is too short to start with a GS1 Company Prefix</source>
        <translation>die Daten sind zu kurz, um mit einer GS1-Basisnummer zu beginnen</translation>
    </message>
    <message>
        <source>a valid GS1 Company Prefix is expected</source>
        <translation>eine gültige GS1-Basisnummer wird erwartet</translation>
    </message>
    <message>
        <source>the importer index must be a single character</source>
        <translation>der Importeursindex muss ein einzelnes Zeichen sein</translation>
    </message>
    <message>
        <source>the importer index must be one of A-Z, a-z, 0-9, - or _</source>
        <translation>der Importeursindex muss A-Z, a-z, 0-9, - oder _ sein</translation>
    </message>
    <message>
        <source>the value must not be zero</source>
        <translation>der Wert darf nicht null sein</translation>
    </message>
    <message>
        <source>the value must be zero</source>
        <translation>der Wert muss null sein</translation>
    </message>
    <message>
        <source>the number must not start with a zero</source>
        <translation>die Zahl darf nicht mit einer Null beginnen</translation>
    </message>
    <message>
        <source>&quot;0&quot; or &quot;1&quot; is expected</source>
        <translation>„0“ oder „1“ wird erwartet</translation>
    </message>
    <message>
        <source>the winding direction must be &quot;0&quot;, &quot;1&quot; or &quot;9&quot;</source>
        <translation>die Wickelrichtung muss „0“, „1“ oder „9“ sein</translation>
    </message>
    <message>
        <source>an ISO 3166 country code is expected</source>
        <translation>ein Ländercode nach ISO 3166 wird erwartet</translation>
    </message>
    <message>
        <source>an ISO 3166 country code or &quot;999&quot; is expected</source>
        <translation>ein Ländercode nach ISO 3166 oder „999“ wird erwartet</translation>
    </message>
    <message>
        <source>an ISO 3166 two-letter country code is expected</source>
        <translation>ein zweibuchstabiger Ländercode nach ISO 3166 wird erwartet</translation>
    </message>
    <message>
        <source>an ISO 4217 currency code is expected</source>
        <translation>ein Währungscode nach ISO 4217 wird erwartet</translation>
    </message>
    <message>
        <source>the IBAN is too short</source>
        <translation>die IBAN ist zu kurz</translation>
    </message>
    <message>
        <source>the IBAN is too long (at most 34 characters)</source>
        <translation>die IBAN ist zu lang (höchstens 34 Zeichen)</translation>
    </message>
    <message>
        <source>the IBAN may only contain digits and capital letters</source>
        <translation>die IBAN darf nur Ziffern und Großbuchstaben enthalten</translation>
    </message>
    <message>
        <source>the IBAN must start with an ISO 3166 two-letter country code</source>
        <translation>die IBAN muss mit einem zweibuchstabigen Ländercode nach ISO 3166 beginnen</translation>
    </message>
    <message>
        <source>the IBAN check digits are wrong</source>
        <translation>die Prüfziffern der IBAN sind falsch</translation>
    </message>
    <message>
        <source>the date is too short</source>
        <translation>das Datum ist zu kurz</translation>
    </message>
    <message>
        <source>the date is too long</source>
        <translation>das Datum ist zu lang</translation>
    </message>
    <message>
        <source>the date and hour are too short (YYMMDDHH is expected)</source>
        <translation>Datum und Stunde sind zu kurz (JJMMTTHH wird erwartet)</translation>
    </message>
    <message>
        <source>the date and hour are too long (YYMMDDHH is expected)</source>
        <translation>Datum und Stunde sind zu lang (JJMMTTHH wird erwartet)</translation>
    </message>
    <message>
        <source>the time is too short (HHMM is expected)</source>
        <translation>die Uhrzeit ist zu kurz (HHMM wird erwartet)</translation>
    </message>
    <message>
        <source>the time is too long (HHMM is expected)</source>
        <translation>die Uhrzeit ist zu lang (HHMM wird erwartet)</translation>
    </message>
    <message>
        <source>minutes with optional seconds must be MM or MMSS</source>
        <translation>Minuten mit optionalen Sekunden müssen MM oder MMSS sein</translation>
    </message>
    <message>
        <source>the month is not valid</source>
        <translation>der Monat ist ungültig</translation>
    </message>
    <message>
        <source>the day is not valid for the month</source>
        <translation>der Tag ist für den Monat ungültig</translation>
    </message>
    <message>
        <source>the hour is not valid</source>
        <translation>die Stunde ist ungültig</translation>
    </message>
    <message>
        <source>the minute is not valid</source>
        <translation>die Minute ist ungültig</translation>
    </message>
    <message>
        <source>the second is not valid</source>
        <translation>die Sekunde ist ungültig</translation>
    </message>
    <message>
        <source>the hour is too short (HH is expected)</source>
        <translation>die Stunde ist zu kurz (HH wird erwartet)</translation>
    </message>
    <message>
        <source>the hour is too long (HH is expected)</source>
        <translation>die Stunde ist zu lang (HH wird erwartet)</translation>
    </message>
    <message>
        <source>the minute is too short (MM is expected)</source>
        <translation>die Minute ist zu kurz (MM wird erwartet)</translation>
    </message>
    <message>
        <source>the minute is too long (MM is expected)</source>
        <translation>die Minute ist zu lang (MM wird erwartet)</translation>
    </message>
    <message>
        <source>the second is too short (SS is expected)</source>
        <translation>die Sekunde ist zu kurz (SS wird erwartet)</translation>
    </message>
    <message>
        <source>the second is too long (SS is expected)</source>
        <translation>die Sekunde ist zu lang (SS wird erwartet)</translation>
    </message>
    <message>
        <source>the piece number and total must have the same number of digits</source>
        <translation>Stücknummer und Gesamtzahl müssen gleich viele Ziffern haben</translation>
    </message>
    <message>
        <source>the piece number must not be zero</source>
        <translation>die Stücknummer darf nicht null sein</translation>
    </message>
    <message>
        <source>the total number of pieces must not be zero</source>
        <translation>die Gesamtzahl der Stücke darf nicht null sein</translation>
    </message>
    <message>
        <source>the piece number must not exceed the total number of pieces</source>
        <translation>die Stücknummer darf die Gesamtzahl der Stücke nicht überschreiten</translation>
    </message>
    <message>
        <source>a percent sign must be followed by two hexadecimal digits</source>
        <translation>auf ein Prozentzeichen müssen zwei Hexadezimalziffern folgen</translation>
    </message>
    <message>
        <source>the coupon format code is missing</source>
        <translation>der Formatcode des Coupons fehlt</translation>
    </message>
    <message>
        <source>the coupon format code must be &quot;0&quot; or &quot;1&quot;</source>
        <translation>der Formatcode des Coupons muss „0“ oder „1“ sein</translation>
    </message>
    <message>
        <source>the coupon funder length indicator is missing</source>
        <translation>die Längenangabe des Coupon-Finanzierers fehlt</translation>
    </message>
    <message>
        <source>the coupon funder length indicator must be &quot;0&quot; to &quot;6&quot;</source>
        <translation>die Längenangabe des Coupon-Finanzierers muss „0“ bis „6“ sein</translation>
    </message>
    <message>
        <source>the coupon funder ID is shorter than its length indicator says</source>
        <translation>die Finanzierer-ID des Coupons ist kürzer als ihre Längenangabe</translation>
    </message>
    <message>
        <source>the coupon offer code must have six digits</source>
        <translation>der Angebotscode des Coupons muss sechs Ziffern haben</translation>
    </message>
    <message>
        <source>the coupon serial number length indicator is missing</source>
        <translation>die Längenangabe der Coupon-Seriennummer fehlt</translation>
    </message>
    <message>
        <source>the coupon serial number is shorter than its length indicator says</source>
        <translation>die Seriennummer des Coupons ist kürzer als ihre Längenangabe</translation>
    </message>
    <message>
        <source>the coupon company prefix length indicator is missing</source>
        <translation>die Längenangabe der Coupon-Basisnummer fehlt</translation>
    </message>
    <message>
        <source>the coupon company prefix length indicator must be &quot;0&quot; to &quot;6&quot;</source>
        <translation>die Längenangabe der Coupon-Basisnummer muss „0“ bis „6“ sein</translation>
    </message>
    <message>
        <source>the coupon company prefix is shorter than its length indicator says</source>
        <translation>die Basisnummer des Coupons ist kürzer als ihre Längenangabe</translation>
    </message>
    <message>
        <source>the coupon save value length indicator is missing</source>
        <translation>die Längenangabe des Coupon-Rabattwerts fehlt</translation>
    </message>
    <message>
        <source>the coupon save value length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>die Längenangabe des Coupon-Rabattwerts muss „1“ bis „5“ sein</translation>
    </message>
    <message>
        <source>the coupon save value is shorter than its length indicator says</source>
        <translation>der Rabattwert des Coupons ist kürzer als seine Längenangabe</translation>
    </message>
    <message>
        <source>the coupon purchase requirement length indicator is missing</source>
        <translation>die Längenangabe der Coupon-Kaufbedingung fehlt</translation>
    </message>
    <message>
        <source>the coupon purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>die Längenangabe der Coupon-Kaufbedingung muss „1“ bis „5“ sein</translation>
    </message>
    <message>
        <source>the coupon purchase requirement is shorter than its length indicator says</source>
        <translation>die Kaufbedingung des Coupons ist kürzer als ihre Längenangabe</translation>
    </message>
    <message>
        <source>the coupon purchase requirement code is missing</source>
        <translation>der Code der Coupon-Kaufbedingung fehlt</translation>
    </message>
    <message>
        <source>the coupon purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>der Code der Coupon-Kaufbedingung muss „0“ bis „4“ oder „9“ sein</translation>
    </message>
    <message>
        <source>the coupon purchase family code must have three digits</source>
        <translation>der Familiencode des Coupon-Kaufs muss drei Ziffern haben</translation>
    </message>
    <message>
        <source>the coupon additional purchase rules code is missing</source>
        <translation>der Code der zusätzlichen Kaufregeln des Coupons fehlt</translation>
    </message>
    <message>
        <source>the coupon additional purchase rules code must be &quot;0&quot; to &quot;3&quot;</source>
        <translation>der Code der zusätzlichen Kaufregeln des Coupons muss „0“ bis „3“ sein</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement length indicator is missing</source>
        <translation>die Längenangabe der zweiten Coupon-Kaufbedingung fehlt</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>die Längenangabe der zweiten Coupon-Kaufbedingung muss „1“ bis „5“ sein</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement is shorter than its length indicator says</source>
        <translation>die zweite Kaufbedingung des Coupons ist kürzer als ihre Längenangabe</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement code is missing</source>
        <translation>der Code der zweiten Coupon-Kaufbedingung fehlt</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>der Code der zweiten Coupon-Kaufbedingung muss „0“ bis „4“ oder „9“ sein</translation>
    </message>
    <message>
        <source>the coupon second purchase family code must have three digits</source>
        <translation>der Familiencode des zweiten Coupon-Kaufs muss drei Ziffern haben</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix length indicator is missing</source>
        <translation>die Längenangabe der Basisnummer des zweiten Coupon-Kaufs fehlt</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix length indicator must be &quot;0&quot; to &quot;6&quot; or &quot;9&quot;</source>
        <translation>die Längenangabe der Basisnummer des zweiten Coupon-Kaufs muss „0“ bis „6“ oder „9“ sein</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix is shorter than its length indicator says</source>
        <translation>die Basisnummer des zweiten Coupon-Kaufs ist kürzer als ihre Längenangabe</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement length indicator is missing</source>
        <translation>die Längenangabe der dritten Coupon-Kaufbedingung fehlt</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>die Längenangabe der dritten Coupon-Kaufbedingung muss „1“ bis „5“ sein</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement is shorter than its length indicator says</source>
        <translation>die dritte Kaufbedingung des Coupons ist kürzer als ihre Längenangabe</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement code is missing</source>
        <translation>der Code der dritten Coupon-Kaufbedingung fehlt</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>der Code der dritten Coupon-Kaufbedingung muss „0“ bis „4“ oder „9“ sein</translation>
    </message>
    <message>
        <source>the coupon third purchase family code must have three digits</source>
        <translation>der Familiencode des dritten Coupon-Kaufs muss drei Ziffern haben</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix length indicator is missing</source>
        <translation>die Längenangabe der Basisnummer des dritten Coupon-Kaufs fehlt</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix length indicator must be &quot;0&quot; to &quot;6&quot; or &quot;9&quot;</source>
        <translation>die Längenangabe der Basisnummer des dritten Coupon-Kaufs muss „0“ bis „6“ oder „9“ sein</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix is shorter than its length indicator says</source>
        <translation>die Basisnummer des dritten Coupon-Kaufs ist kürzer als ihre Längenangabe</translation>
    </message>
    <message>
        <source>the coupon expiration date is too short (YYMMDD is expected)</source>
        <translation>das Ablaufdatum des Coupons ist zu kurz (JJMMTT wird erwartet)</translation>
    </message>
    <message>
        <source>the coupon expiration date is not a valid date</source>
        <translation>das Ablaufdatum des Coupons ist kein gültiges Datum</translation>
    </message>
    <message>
        <source>the coupon start date is too short (YYMMDD is expected)</source>
        <translation>das Startdatum des Coupons ist zu kurz (JJMMTT wird erwartet)</translation>
    </message>
    <message>
        <source>the coupon start date is not a valid date</source>
        <translation>das Startdatum des Coupons ist kein gültiges Datum</translation>
    </message>
    <message>
        <source>the coupon expires before its start date</source>
        <translation>der Coupon läuft vor seinem Startdatum ab</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN length indicator is missing</source>
        <translation>die Längenangabe der Händler-Basisnummer oder GLN des Coupons fehlt</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN length indicator must be &quot;1&quot; to &quot;7&quot;</source>
        <translation>die Längenangabe der Händler-Basisnummer oder GLN des Coupons muss „1“ bis „7“ sein</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN is shorter than its length indicator says</source>
        <translation>die Händler-Basisnummer oder GLN des Coupons ist kürzer als ihre Längenangabe</translation>
    </message>
    <message>
        <source>the coupon save value code is missing</source>
        <translation>der Code des Coupon-Rabattwerts fehlt</translation>
    </message>
    <message>
        <source>the coupon save value code must be &quot;0&quot;, &quot;1&quot;, &quot;2&quot;, &quot;5&quot; or &quot;6&quot;</source>
        <translation>der Code des Coupon-Rabattwerts muss „0“, „1“, „2“, „5“ oder „6“ sein</translation>
    </message>
    <message>
        <source>the coupon &quot;save value applies to item&quot; field is missing</source>
        <translation>das Coupon-Feld „Rabatt gilt für Artikel“ fehlt</translation>
    </message>
    <message>
        <source>the coupon &quot;save value applies to item&quot; field must be &quot;0&quot; to &quot;2&quot;</source>
        <translation>das Coupon-Feld „Rabatt gilt für Artikel“ muss „0“ bis „2“ sein</translation>
    </message>
    <message>
        <source>the coupon store coupon flag is missing</source>
        <translation>das Kennzeichen „Händlercoupon“ fehlt</translation>
    </message>
    <message>
        <source>the coupon &quot;don&apos;t multiply&quot; flag is missing</source>
        <translation>das Coupon-Kennzeichen „nicht vervielfachen“ fehlt</translation>
    </message>
    <message>
        <source>the coupon &quot;don&apos;t multiply&quot; flag must be &quot;0&quot; or &quot;1&quot;</source>
        <translation>das Coupon-Kennzeichen „nicht vervielfachen“ muss „0“ oder „1“ sein</translation>
    </message>
    <message>
        <source>the coupon has data after its last recognised field</source>
        <translation>der Coupon enthält Daten nach seinem letzten erkannten Feld</translation>
    </message>
    <message>
        <source>the latitude must be between 0000000000 and 1800000000</source>
        <translation>der Breitengrad muss zwischen 0000000000 und 1800000000 liegen</translation>
    </message>
    <message>
        <source>the longitude must be between 0000000000 and 3600000000</source>
        <translation>der Längengrad muss zwischen 0000000000 und 3600000000 liegen</translation>
    </message>
    <message>
        <source>a valid AIDC media type code is expected</source>
        <translation>ein gültiger AIDC-Medientypcode wird erwartet</translation>
    </message>
    <message>
        <source>the latitude must have 10 digits</source>
        <translation>der Breitengrad muss 10 Ziffern haben</translation>
    </message>
    <message>
        <source>the longitude must have 10 digits</source>
        <translation>der Längengrad muss 10 Ziffern haben</translation>
    </message>
    <message>
        <source>the latitude and longitude must have 20 digits together</source>
        <translation>Breiten- und Längengrad müssen zusammen 20 Ziffern haben</translation>
    </message>
    <message>
        <source>only hyphens are allowed</source>
        <translation>nur Bindestriche sind zulässig</translation>
    </message>
    <message>
        <source>an ISO/IEC 5218 sex code (&quot;0&quot;, &quot;1&quot;, &quot;2&quot; or &quot;9&quot;) is expected</source>
        <translation>ein Geschlechtscode nach ISO/IEC 5218 („0“, „1“, „2“ oder „9“) wird erwartet</translation>
    </message>
    <message>
        <source>the position in sequence must look like &quot;3/10&quot;</source>
        <translation>die Position in der Folge muss wie „3/10“ aussehen</translation>
    </message>
    <message>
        <source>the position must not exceed the end of the sequence</source>
        <translation>die Position darf das Ende der Folge nicht überschreiten</translation>
    </message>
    <message>
        <source>at least one character that is not a digit is required</source>
        <translation>mindestens ein Zeichen, das keine Ziffer ist, ist erforderlich</translation>
    </message>
    <message>
        <source>a UN/ECE Recommendation 21 package type code is expected</source>
        <translation>ein Verpackungsartcode nach UN/ECE-Empfehlung 21 wird erwartet</translation>
    </message>
    <message>
        <source>the data is not valid</source>
        <translation>die Daten sind ungültig</translation>
    </message>
</context>
<context>
    <name>dpp::ui::DesignerCanvas</name>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Größe ändern</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Schrittweise verschieben</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
</context>
<context>
    <name>dpp::ui::LabelDesignerWindow</name>
    <message>
        <source>Label stock</source>
        <translation>Etikettenmaterial</translation>
    </message>
    <message>
        <source>The stock library could not be read: %1</source>
        <translation>Die Materialbibliothek konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>Untitled label</source>
        <translation>Unbenanntes Etikett</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New label…</source>
        <translation>&amp;Neues Etikett …</translation>
    </message>
    <message>
        <source>New from &amp;example</source>
        <translation>Neu aus &amp;Beispiel</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open label</source>
        <translation>Etikett öffnen</translation>
    </message>
    <message>
        <source>Labels (*.dpplabel)</source>
        <translation>Etiketten (*.dpplabel)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom to &amp;fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;Actual size (100 %)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Show &amp;grid</source>
        <translation>&amp;Raster anzeigen</translation>
    </message>
    <message>
        <source>Snap to g&amp;rid</source>
        <translation>Am Raster &amp;fangen</translation>
    </message>
    <message>
        <source>Snap to &amp;elements</source>
        <translation>An &amp;Elementen fangen</translation>
    </message>
    <message>
        <source>Rulers in &amp;inches</source>
        <translation>Lineale in &amp;Zoll</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>Toolbox</source>
        <translation>Werkzeugkasten</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <source>DataMatrix</source>
        <translation>DataMatrix</translation>
    </message>
    <message>
        <source>EAN-13</source>
        <translation>EAN-13</translation>
    </message>
    <message>
        <source>UPC-A</source>
        <translation>UPC-A</translation>
    </message>
    <message>
        <source>GS1-128</source>
        <translation>GS1-128</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Bild …</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>An&amp;ordnen</translation>
    </message>
    <message>
        <source>Align &amp;left</source>
        <translation>&amp;Links ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;centre</source>
        <translation>&amp;Zentriert ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;right</source>
        <translation>&amp;Rechts ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;top</source>
        <translation>&amp;Oben ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;middle</source>
        <translation>&amp;Mittig ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;bottom</source>
        <translation>&amp;Unten ausrichten</translation>
    </message>
    <message>
        <source>Distribute &amp;horizontally</source>
        <translation>&amp;Horizontal verteilen</translation>
    </message>
    <message>
        <source>Distribute &amp;vertically</source>
        <translation>&amp;Vertikal verteilen</translation>
    </message>
    <message>
        <source>Bring to &amp;front</source>
        <translation>In den &amp;Vordergrund</translation>
    </message>
    <message>
        <source>Send to &amp;back</source>
        <translation>In den &amp;Hintergrund</translation>
    </message>
    <message>
        <source>Rotate &amp;90°</source>
        <translation>Um &amp;90° drehen</translation>
    </message>
    <message>
        <source>&amp;Lock / unlock</source>
        <translation>&amp;Sperren / entsperren</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>%1[*] — Label designer</source>
        <translation>%1[*] — Etikettendesigner</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Neues Etikett</translation>
    </message>
    <message>
        <source>There is no label stock &apos;%1&apos;.</source>
        <translation>Es gibt kein Etikettenmaterial „%1“.</translation>
    </message>
    <message>
        <source>%1 cannot be opened.
%2</source>
        <translation>%1 kann nicht geöffnet werden.
%2</translation>
    </message>
    <message>
        <source>New from example</source>
        <translation>Neu aus Beispiel</translation>
    </message>
    <message>
        <source>Save label</source>
        <translation>Etikett speichern</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Label designer</source>
        <translation>Etikettendesigner</translation>
    </message>
    <message>
        <source>The label has unsaved changes. Save them?</source>
        <translation>Das Etikett hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Bild einfügen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg *.pdf)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <source>Bring to front</source>
        <translation>In den Vordergrund</translation>
    </message>
    <message>
        <source>Send to back</source>
        <translation>In den Hintergrund</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
</context>
<context>
    <name>dpp::ui::LocalServer</name>
    <message>
        <source>open a store before publishing</source>
        <translation>Öffnen Sie vor dem Veröffentlichen einen Datenbestand</translation>
    </message>
</context>
<context>
    <name>dpp::ui::MainWindow</name>
    <message>
        <source>DPP Studio %1</source>
        <translation>DPP Studio %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Digital Product Passports and GS1 Digital Link labels.
Use dppctl for parsing, validation and batch generation.</source>
        <translation>Digitale Produktpässe und GS1-Digital-Link-Etiketten.
Für Analyse, Prüfung und Stapelerzeugung dient dppctl.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Etiketten</translation>
    </message>
    <message>
        <source>Label &amp;designer</source>
        <translation>Etiketten&amp;designer</translation>
    </message>
    <message>
        <source>&amp;New label from stock…</source>
        <translation>&amp;Neues Etikett aus Material …</translation>
    </message>
    <message>
        <source>New from &amp;example</source>
        <translation>Neu aus &amp;Beispiel</translation>
    </message>
    <message>
        <source>&amp;Open label…</source>
        <translation>Etikett ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open label</source>
        <translation>Etikett öffnen</translation>
    </message>
    <message>
        <source>Labels (*.dpplabel)</source>
        <translation>Etiketten (*.dpplabel)</translation>
    </message>
    <message>
        <source>Publish locally</source>
        <translation>Lokal veröffentlichen</translation>
    </message>
    <message>
        <source>Server: stopped</source>
        <translation>Server: angehalten</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>Publish &amp;locally…</source>
        <translation>&amp;Lokal veröffentlichen …</translation>
    </message>
</context>
<context>
    <name>dpp::ui::MergeFieldPicker</name>
    <message>
        <source>Insert field</source>
        <translation>Feld einfügen</translation>
    </message>
    <message>
        <source>Insert a merge field such as {{serial}} at the cursor</source>
        <translation>Ein Seriendruckfeld wie {{serial}} an der Cursorposition einfügen</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PreviewPanel</name>
    <message>
        <source>The label&apos;s own merge source</source>
        <translation>Die Datenquelle des Etiketts</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PrintDialog</name>
    <message>
        <source>Print labels</source>
        <translation>Etiketten drucken</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF-Datei</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>Als PDF drucken</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>The label&apos;s own merge source</source>
        <translation>Die Datenquelle des Etiketts</translation>
    </message>
    <message>
        <source>Serial range</source>
        <translation>Seriennummernbereich</translation>
    </message>
    <message>
        <source>Serial batch from the store</source>
        <translation>Seriennummern-Charge aus dem Datenbestand</translation>
    </message>
    <message>
        <source>Products from the store</source>
        <translation>Produkte aus dem Datenbestand</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>As saved in the label file.</source>
        <translation>Wie in der Etikettendatei gespeichert.</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>Seriennummern</translation>
    </message>
    <message>
        <source>CSV file with a header row</source>
        <translation>CSV-Datei mit Kopfzeile</translation>
    </message>
    <message>
        <source>%1 · %2 serials from %3</source>
        <translation>%1 · %2 Seriennummern ab %3</translation>
    </message>
    <message>
        <source>Copies of each label</source>
        <translation>Kopien je Etikett</translation>
    </message>
    <message>
        <source>Start at this label (after a cancelled or failed job)</source>
        <translation>Bei diesem Etikett beginnen (nach einem abgebrochenen oder fehlgeschlagenen Auftrag)</translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation>Beginnen bei Etikett</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Calibration offset (x, y)</source>
        <translation>Kalibrierversatz (x, y)</translation>
    </message>
    <message>
        <source>Verified print: decode every symbol layout before printing</source>
        <translation>Geprüfter Druck: jedes Symbollayout vor dem Druck dekodieren</translation>
    </message>
    <message>
        <source>The print report and the verification results appear here.</source>
        <translation>Hier erscheinen der Druckbericht und die Prüfergebnisse.</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Drucken</translation>
    </message>
    <message>
        <source>C&amp;ancel job</source>
        <translation>Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Preview (first pages)</source>
        <translation>Vorschau (erste Seiten)</translation>
    </message>
    <message>
        <source>Update preview</source>
        <translation>Vorschau aktualisieren</translation>
    </message>
    <message>
        <source>%1 (CUPS)</source>
        <translation>%1 (CUPS)</translation>
    </message>
    <message>
        <source>%1 (ZPL, network)</source>
        <translation>%1 (ZPL, Netzwerk)</translation>
    </message>
    <message>
        <source>%1 (ZPL, raw CUPS queue)</source>
        <translation>%1 (ZPL, CUPS-Rohdaten-Warteschlange)</translation>
    </message>
    <message>
        <source>choose the PDF file to print to</source>
        <translation>Wählen Sie die PDF-Datei, in die gedruckt wird</translation>
    </message>
    <message>
        <source>choose a printer</source>
        <translation>Wählen Sie einen Drucker</translation>
    </message>
    <message>
        <source>a serial range needs the product&apos;s GTIN</source>
        <translation>ein Seriennummernbereich braucht die GTIN des Produkts</translation>
    </message>
    <message>
        <source>give the serials, e.g. SN000001-SN000500</source>
        <translation>Geben Sie die Seriennummern an, z. B. SN000001-SN000500</translation>
    </message>
    <message>
        <source>the store has no serial batch to print</source>
        <translation>der Datenbestand enthält keine Seriennummern-Charge zum Drucken</translation>
    </message>
    <message>
        <source>no store is open</source>
        <translation>kein Datenbestand geöffnet</translation>
    </message>
    <message>
        <source>choose the CSV file</source>
        <translation>Wählen Sie die CSV-Datei</translation>
    </message>
    <message>
        <source>%1 (%2 × %3 mm)</source>
        <translation>%1 (%2 × %3 mm)</translation>
    </message>
    <message>
        <source>%1: fits this printer</source>
        <translation>%1: passt zu diesem Drucker</translation>
    </message>
    <message>
        <source>Cannot preview: %1: %2</source>
        <translation>Keine Vorschau möglich: %1: %2</translation>
    </message>
    <message>
        <source>Cannot preview: %1</source>
        <translation>Keine Vorschau möglich: %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Not printed. %1</source>
        <translation>Nicht gedruckt. %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Drucken …</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) printed.</source>
        <translation>
            <numerusform>%n Etikett gedruckt.</numerusform>
            <numerusform>%n Etiketten gedruckt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent before it stopped; Print resumes at label %1.</source>
        <translation>
            <numerusform>%n Etikett vor dem Abbruch gesendet; Drucken setzt bei Etikett %1 fort.</numerusform>
            <numerusform>%n Etiketten vor dem Abbruch gesendet; Drucken setzt bei Etikett %1 fort.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification (each symbol layout decoded back):</source>
        <translation>Prüfung (jedes Symbollayout zurückdekodiert):</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4: %5</source>
        <translation>%1 %2 %3 %4: %5</translation>
    </message>
    <message>
        <source>Continue after the last serial a job sent to the printer</source>
        <translation>Nach der letzten an den Drucker gesendeten Seriennummer fortsetzen</translation>
    </message>
    <message>
        <source>e.g. SN000010-SN000020 (already printed serials)</source>
        <translation>z. B. SN000010-SN000020 (bereits gedruckte Seriennummern)</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Nachdruck</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent before it stopped; Print continues after the last serial sent.</source>
        <translation>
            <numerusform>%n Etikett vor dem Abbruch gesendet; Drucken setzt nach der letzten gesendeten Seriennummer fort.</numerusform>
            <numerusform>%n Etiketten vor dem Abbruch gesendet; Drucken setzt nach der letzten gesendeten Seriennummer fort.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpp::ui::PropertyPanel</name>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>X (mm)</source>
        <translation>X (mm)</translation>
    </message>
    <message>
        <source>Y (mm)</source>
        <translation>Y (mm)</translation>
    </message>
    <message>
        <source>Width (mm)</source>
        <translation>Breite (mm)</translation>
    </message>
    <message>
        <source>Height (mm)</source>
        <translation>Höhe (mm)</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <source>Change order</source>
        <translation>Reihenfolge ändern</translation>
    </message>
    <message>
        <source>Z-order</source>
        <translation>Stapelreihenfolge</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Text bearbeiten</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Change font</source>
        <translation>Schriftart ändern</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Schriftart</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Change font size</source>
        <translation>Schriftgröße ändern</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Shrink to fit</source>
        <translation>Zum Einpassen verkleinern</translation>
    </message>
    <message>
        <source>Digital Link of the record</source>
        <translation>Digital Link des Datensatzes</translation>
    </message>
    <message>
        <source>GS1 element string</source>
        <translation>GS1-Elementstring</translation>
    </message>
    <message>
        <source>Literal text</source>
        <translation>Fester Text</translation>
    </message>
    <message>
        <source>Change content</source>
        <translation>Inhalt ändern</translation>
    </message>
    <message>
        <source>Encodes</source>
        <translation>Kodiert</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Module (mm)</source>
        <translation>Modul (mm)</translation>
    </message>
    <message>
        <source>Change error correction</source>
        <translation>Fehlerkorrektur ändern</translation>
    </message>
    <message>
        <source>Error correction</source>
        <translation>Fehlerkorrektur</translation>
    </message>
    <message>
        <source>Change barcode type</source>
        <translation>Barcodetyp ändern</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Digits under the bars</source>
        <translation>Ziffern unter den Strichen</translation>
    </message>
    <message>
        <source>Change barcode</source>
        <translation>Barcode ändern</translation>
    </message>
    <message>
        <source>Change image</source>
        <translation>Bild ändern</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Bilddatei</translation>
    </message>
    <message>
        <source>Line width (mm)</source>
        <translation>Linienbreite (mm)</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Gefüllt</translation>
    </message>
    <message>
        <source>Change fill</source>
        <translation>Füllung ändern</translation>
    </message>
    <message>
        <source>Merge field</source>
        <translation>Seriendruckfeld</translation>
    </message>
    <message>
        <source>Change size or position</source>
        <translation>Größe oder Position ändern</translation>
    </message>
    <message numerus="yes">
        <source>%n elements selected</source>
        <translation>
            <numerusform>%n Element ausgewählt</numerusform>
            <numerusform>%n Elemente ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>%1 einfügen</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PublishPanel</name>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Reachable from the local network (phones)</source>
        <translation>Aus dem lokalen Netzwerk erreichbar (Telefone)</translation>
    </message>
    <message>
        <source>Off: only this computer can connect (127.0.0.1).</source>
        <translation>Aus: nur dieser Computer kann sich verbinden (127.0.0.1).</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Base URL for links</source>
        <translation>Basis-URL für Links</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Digital Link</source>
        <translation>Digital Link</translation>
    </message>
    <message>
        <source>Running on port %1</source>
        <translation>Läuft auf Port %1</translation>
    </message>
    <message>
        <source>Base URL: must start with http:// or https://</source>
        <translation>Basis-URL: muss mit http:// oder https:// beginnen</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>dpp::ui::StockPickerDialog</name>
    <message>
        <source>New label</source>
        <translation>Neues Etikett</translation>
    </message>
    <message>
        <source>Search by size (50x30), vendor or name</source>
        <translation>Nach Größe (50x30), Hersteller oder Name suchen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Etikettengröße</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Sheet, %1 per page</source>
        <translation>Bogen, %1 pro Seite</translation>
    </message>
    <message>
        <source>Roll, die-cut</source>
        <translation>Rolle, gestanzt</translation>
    </message>
    <message>
        <source>Roll, continuous</source>
        <translation>Rolle, Endlos</translation>
    </message>
</context>
<context>
    <name>dpp::ui::WarningsPanel</name>
    <message>
        <source>No problems found</source>
        <translation>Keine Probleme gefunden</translation>
    </message>
</context>
</TS>
