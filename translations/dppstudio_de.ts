<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open store</source>
        <translation>Datenbestand kann nicht geöffnet werden</translation>
    </message>
</context>
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
    <name>dpp::sync::SyncEngine</name>
    <message>
        <source>no answer from %1 (%2), retrying in %3 ms</source>
        <translation>keine Antwort von %1 (%2), neuer Versuch in %3 ms</translation>
    </message>
    <message>
        <source>cannot record the server&apos;s id: %1</source>
        <translation>Die ID des Servers kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>the server %1 answered HTTP %2 repeatedly; try again later</source>
        <translation>Der Server %1 antwortete wiederholt mit HTTP %2; versuchen Sie es später erneut</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>%1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the server refused the API key (HTTP %1): %2</source>
        <translation>Der Server hat den API-Schlüssel abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>%1 %2 %3 refused (HTTP %4): %5%6</source>
        <translation>%1 %2 %3 abgelehnt (HTTP %4): %5%6</translation>
    </message>
    <message>
        <source>conflict: %1 %2 changed on the server and here; choose a version</source>
        <translation>Konflikt: %1 %2 wurde auf dem Server und hier geändert; wählen Sie eine Version</translation>
    </message>
    <message>
        <source>cancelled; the next sync resumes with the remaining changes</source>
        <translation>abgebrochen; die nächste Synchronisierung setzt mit den übrigen Änderungen fort</translation>
    </message>
    <message>
        <source>analytics not pulled: the API key lacks the analytics:read scope</source>
        <translation>Auswertungen nicht abgerufen: dem API-Schlüssel fehlt der Scope analytics:read</translation>
    </message>
    <message>
        <source>%1 %2: the server&apos;s version is not valid here: %3</source>
        <translation>%1 %2: die Version des Servers ist hier nicht gültig: %3</translation>
    </message>
    <message>
        <source>pulled %1 %2 from the server</source>
        <translation>%1 %2 vom Server übernommen</translation>
    </message>
</context>
<context>
    <name>dpp::ui::BatteryTab</name>
    <message>
        <source>Battery Regulation (EU) 2023/1542 Annex XIII. The access group in brackets decides who sees a field in the published passport.</source>
        <translation>Batterieverordnung (EU) 2023/1542, Anhang XIII. Die Zugriffsgruppe in Klammern legt fest, wer ein Feld im veröffentlichten Pass sieht.</translation>
    </message>
    <message>
        <source>Annex XIII (1): publicly accessible</source>
        <translation>Anhang XIII (1): öffentlich zugänglich</translation>
    </message>
    <message>
        <source>Annex XIII (2): persons with a legitimate interest and authorities</source>
        <translation>Anhang XIII (2): Personen mit berechtigtem Interesse und Behörden</translation>
    </message>
    <message>
        <source>Annex XIII (3): notified bodies, market surveillance, Commission</source>
        <translation>Anhang XIII (3): benannte Stellen, Marktüberwachung, Kommission</translation>
    </message>
    <message>
        <source>Annex XIII (4): legitimate interest</source>
        <translation>Anhang XIII (4): berechtigtes Interesse</translation>
    </message>
    <message>
        <source>Internal (never published)</source>
        <translation>Intern (wird nie veröffentlicht)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ColourButton</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>No colour: not drawn</source>
        <translation>Keine Farbe: wird nicht gezeichnet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>dpp::ui::CompositionTab</name>
    <message>
        <source>Materials</source>
        <translation>Materialien</translation>
    </message>
    <message>
        <source>Substances of concern</source>
        <translation>Besorgniserregende Stoffe</translation>
    </message>
    <message>
        <source>Disassembly steps</source>
        <translation>Demontageschritte</translation>
    </message>
</context>
<context>
    <name>dpp::ui::DesignerCanvas</name>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Schrittweise verschieben</translation>
    </message>
</context>
<context>
    <name>dpp::ui::DocumentsTab</name>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>Datei &amp;anhängen …</translation>
    </message>
    <message>
        <source>Attach document</source>
        <translation>Dokument anhängen</translation>
    </message>
    <message>
        <source>Attached %1</source>
        <translation>%1 angehängt</translation>
    </message>
    <message>
        <source>Cannot attach: %1 (%2)</source>
        <translation>Anhängen nicht möglich: %1 (%2)</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Dokumenttyp</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No preview for this file type</source>
        <translation>Keine Vorschau für diesen Dateityp</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>removed on save</source>
        <translation>wird beim Speichern entfernt</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ElementItem</name>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Größe ändern</translation>
    </message>
</context>
<context>
    <name>dpp::ui::FieldForm</name>
    <message>
        <source>public</source>
        <translation>öffentlich</translation>
    </message>
    <message>
        <source>legitimate interest</source>
        <translation>berechtigtes Interesse</translation>
    </message>
    <message>
        <source>legitimate interest and authorities</source>
        <translation>berechtigtes Interesse und Behörden</translation>
    </message>
    <message>
        <source>authorities only</source>
        <translation>nur Behörden</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>dpp::ui::GeneralTab</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Add &amp;language</source>
        <translation>&amp;Sprache hinzufügen</translation>
    </message>
    <message>
        <source>Remove language</source>
        <translation>Sprache entfernen</translation>
    </message>
    <message>
        <source>GTIN-8, -12, -13 or -14</source>
        <translation>GTIN-8, -12, -13 oder -14</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Digital Link</source>
        <translation>Digital Link</translation>
    </message>
    <message>
        <source>Check digit correct (GTIN-14 %1)</source>
        <translation>Prüfziffer korrekt (GTIN-14 %1)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::JsonTableEditor</name>
    <message>
        <source>&amp;Add row</source>
        <translation>Zeile &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Paste rows</source>
        <translation>Zeilen ei&amp;nfügen</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Zeile %1, %2: %3</translation>
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
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>No store open</source>
        <translation>Kein Datenbestand geöffnet</translation>
    </message>
    <message>
        <source>&amp;New product</source>
        <translation>&amp;Neues Produkt</translation>
    </message>
    <message>
        <source>New &amp;store…</source>
        <translation>Neuer &amp;Datenbestand …</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>Datenbestand ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;PostgreSQL store…</source>
        <translation>&amp;PostgreSQL-Datenbestand öffnen …</translation>
    </message>
    <message>
        <source>&amp;Recent stores</source>
        <translation>&amp;Zuletzt verwendete Datenbestände</translation>
    </message>
    <message>
        <source>&amp;Save product</source>
        <translation>Produkt &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>Tab s&amp;chließen</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
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
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation>&amp;Produkte</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Find product</source>
        <translation>Produkt &amp;suchen</translation>
    </message>
    <message>
        <source>the open editors have unsaved changes</source>
        <translation>die geöffneten Editoren enthalten ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Datenbestand: %1</translation>
    </message>
    <message>
        <source>Open a store first (File ▸ Open store…)</source>
        <translation>Öffnen Sie zuerst einen Datenbestand (Datei ▸ Datenbestand öffnen …)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Discard them?</source>
        <translation>%1 enthält ungespeicherte Änderungen. Verwerfen?</translation>
    </message>
    <message>
        <source>Cannot open store</source>
        <translation>Datenbestand kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>New store</source>
        <translation>Neuer Datenbestand</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db)</source>
        <translation>SQLite-Datenbestände (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>%1 already exists; use Open store to open it.</source>
        <translation>%1 existiert bereits; öffnen Sie ihn mit „Datenbestand öffnen“.</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Datenbestand öffnen</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Datenbestände (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open PostgreSQL store</source>
        <translation>PostgreSQL-Datenbestand öffnen</translation>
    </message>
    <message>
        <source>PostgreSQL URL (postgresql://user:password@host:5432/database):</source>
        <translation>PostgreSQL-URL (postgresql://benutzer:passwort@host:5432/datenbank):</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://</source>
        <translation>Die URL muss mit postgresql:// beginnen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Sync with server…</source>
        <translation>Mit &amp;Server synchronisieren…</translation>
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
    <name>dpp::ui::PassportTab</name>
    <message>
        <source>&amp;Publish passport…</source>
        <translation>Pass &amp;veröffentlichen …</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Every published version stays in the history, so any scan result can be reproduced. The hash is the SHA-256 of the version&apos;s canonical JSON.</source>
        <translation>Jede veröffentlichte Version bleibt im Verlauf, sodass sich jedes Scan-Ergebnis nachvollziehen lässt. Der Hash ist der SHA-256 des kanonischen JSON der Version.</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Target (host:9100, cups:QUEUE or printer)</source>
        <translation>Ziel (host:9100, cups:WARTESCHLANGE oder Drucker)</translation>
    </message>
    <message>
        <source>Calibration (JSON)</source>
        <translation>Kalibrierung (JSON)</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>Drucker hinzufügen</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>Drucker entfernen</translation>
    </message>
    <message>
        <source>Printer %1</source>
        <translation>Drucker %1</translation>
    </message>
    <message>
        <source>&amp;Language (after restart)</source>
        <translation>&amp;Sprache (nach Neustart)</translation>
    </message>
    <message>
        <source>Default &amp;resolver base URL</source>
        <translation>Standard-&amp;Resolver-Basis-URL</translation>
    </message>
    <message>
        <source>Sync &amp;server URL</source>
        <translation>&amp;Synchronisationsserver-URL</translation>
    </message>
    <message>
        <source>Sync API &amp;key</source>
        <translation>Synchronisations-API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>Printers and calibration</source>
        <translation>Drucker und Kalibrierung</translation>
    </message>
    <message>
        <source>%1: is required</source>
        <translation>%1: ist erforderlich</translation>
    </message>
    <message>
        <source>%1: must be an http(s) URL such as https://id.example.com</source>
        <translation>%1: muss eine http(s)-URL sein, z. B. https://id.example.com</translation>
    </message>
    <message>
        <source>Resolver base URL</source>
        <translation>Resolver-Basis-URL</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Printer %1 calibration: must be a JSON object</source>
        <translation>Kalibrierung von Drucker %1: muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>Printer %1 calibration %2: %3</source>
        <translation>Kalibrierung von Drucker %1, %2: %3</translation>
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
    <name>dpp::ui::ProductBrowser</name>
    <message>
        <source>Search name, GTIN or SKU</source>
        <translation>Name, GTIN oder SKU suchen</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>Alle Branchen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot list products: %1</source>
        <translation>Produkte können nicht aufgelistet werden: %1</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductDocument</name>
    <message>
        <source>no product with id %1</source>
        <translation>kein Produkt mit der ID %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>save the product before publishing</source>
        <translation>Speichern Sie das Produkt vor dem Veröffentlichen</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>%1 anhängen</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Dokument entfernen</translation>
    </message>
    <message>
        <source>New serial batch</source>
        <translation>Neue Seriennummern-Charge</translation>
    </message>
    <message>
        <source>Remove serial batch</source>
        <translation>Seriennummern-Charge entfernen</translation>
    </message>
    <message>
        <source>Add battery unit</source>
        <translation>Batterieeinheit hinzufügen</translation>
    </message>
    <message>
        <source>choose a battery unit</source>
        <translation>wählen Sie eine Batterieeinheit</translation>
    </message>
    <message>
        <source>Add SoH reading</source>
        <translation>SoH-Messwert hinzufügen</translation>
    </message>
    <message>
        <source>Add lifecycle event</source>
        <translation>Lebenszyklusereignis hinzufügen</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>muss eines von %1 sein</translation>
    </message>
    <message>
        <source>Change battery status</source>
        <translation>Batteriestatus ändern</translation>
    </message>
    <message>
        <source>Link supplier</source>
        <translation>Lieferant verknüpfen</translation>
    </message>
    <message>
        <source>the supplier is not linked to this product</source>
        <translation>der Lieferant ist nicht mit diesem Produkt verknüpft</translation>
    </message>
    <message>
        <source>Unlink supplier</source>
        <translation>Lieferantenverknüpfung lösen</translation>
    </message>
    <message>
        <source>no stored serial batch of this product (save a new batch first)</source>
        <translation>keine gespeicherte Seriennummern-Charge dieses Produkts (speichern Sie eine neue Charge zuerst)</translation>
    </message>
    <message>
        <source>Set serial %1 to %2</source>
        <translation>Seriennummer %1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Set %1 serials to %2</source>
        <translation>%1 Seriennummern auf %2 setzen</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Wine e-label</source>
        <translation>&amp;Wein-E-Label</translation>
    </message>
    <message>
        <source>&amp;Battery</source>
        <translation>&amp;Batterie</translation>
    </message>
    <message>
        <source>&amp;Composition</source>
        <translation>&amp;Zusammensetzung</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>Date&amp;nsätze</translation>
    </message>
    <message>
        <source>&amp;Passport</source>
        <translation>&amp;Pass</translation>
    </message>
    <message>
        <source>To fix before saving:</source>
        <translation>Vor dem Speichern zu beheben:</translation>
    </message>
    <message>
        <source>Cannot open the product: %1</source>
        <translation>Das Produkt kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix first</source>
        <translation>
            <numerusform>%n Problem zuerst beheben</numerusform>
            <numerusform>%n Probleme zuerst beheben</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>Nicht gespeichert: %1: %2</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductTableModel</name>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
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
    <message>
        <source>Change text colour</source>
        <translation>Textfarbe ändern</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Textfarbe</translation>
    </message>
    <message>
        <source>Change line colour</source>
        <translation>Linienfarbe ändern</translation>
    </message>
    <message>
        <source>Line colour</source>
        <translation>Linienfarbe</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllung</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PublishDialog</name>
    <message>
        <source>Publish passport</source>
        <translation>Pass veröffentlichen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Changes against published version %1 (SHA-256 %2):</source>
        <translation>Änderungen gegenüber der veröffentlichten Version %1 (SHA-256 %2):</translation>
    </message>
    <message>
        <source>Nothing is published yet; every field below is new:</source>
        <translation>Noch nichts veröffentlicht; jedes Feld unten ist neu:</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>Save the product first: publishing uses the saved data.</source>
        <translation>Speichern Sie zuerst das Produkt: Veröffentlicht werden die gespeicherten Daten.</translation>
    </message>
    <message>
        <source>The published version is up to date.</source>
        <translation>Die veröffentlichte Version ist aktuell.</translation>
    </message>
    <message>
        <source>Not published: %1 (%2)</source>
        <translation>Nicht veröffentlicht: %1 (%2)</translation>
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
    <name>dpp::ui::RecordsTab</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>GLN</source>
        <translation>GLN</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>First serial</source>
        <translation>Erste Seriennummer</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Unique identifier</source>
        <translation>Eindeutige Kennung</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Link supplier…</source>
        <translation>Lieferant verknüpfen …</translation>
    </message>
    <message>
        <source>Unlink supplier</source>
        <translation>Lieferantenverknüpfung lösen</translation>
    </message>
    <message>
        <source>New sequential batch…</source>
        <translation>Neue fortlaufende Charge …</translation>
    </message>
    <message>
        <source>New serial batch</source>
        <translation>Neue Seriennummern-Charge</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>First number</source>
        <translation>Erste Nummer</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>Stellen</translation>
    </message>
    <message>
        <source>Add battery unit…</source>
        <translation>Batterieeinheit hinzufügen …</translation>
    </message>
    <message>
        <source>Add battery unit</source>
        <translation>Batterieeinheit hinzufügen</translation>
    </message>
    <message>
        <source>Unique identifier (e.g. its Digital Link)</source>
        <translation>Eindeutige Kennung (z. B. ihr Digital Link)</translation>
    </message>
    <message>
        <source>Add SoH reading…</source>
        <translation>SoH-Messung hinzufügen …</translation>
    </message>
    <message>
        <source>State of health</source>
        <translation>Gesundheitszustand</translation>
    </message>
    <message>
        <source>State of health (%)</source>
        <translation>Gesundheitszustand (%)</translation>
    </message>
    <message>
        <source>Add lifecycle event…</source>
        <translation>Lebenszyklusereignis hinzufügen …</translation>
    </message>
    <message>
        <source>Lifecycle event</source>
        <translation>Lebenszyklusereignis</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Lieferanten</translation>
    </message>
    <message>
        <source>Serial batches</source>
        <translation>Seriennummern-Chargen</translation>
    </message>
    <message>
        <source>Battery units</source>
        <translation>Batterieeinheiten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Link supplier</source>
        <translation>Lieferant verknüpfen</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Remove serial batch</source>
        <translation>Seriennummern-Charge entfernen</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Status ändern …</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>Batteriestatus</translation>
    </message>
    <message>
        <source>Status (Annex XIII 4(c))</source>
        <translation>Status (Anhang XIII 4(c))</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <source>removed on save</source>
        <translation>wird beim Speichern entfernt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>States</source>
        <translation>Zustände</translation>
    </message>
    <message>
        <source>Serials…</source>
        <translation>Seriennummern…</translation>
    </message>
    <message>
        <source>Save the product first: a new batch&apos;s serials are all available until it is stored.</source>
        <translation>Speichern Sie zuerst das Produkt: Die Seriennummern einer neuen Charge sind alle verfügbar, bis sie gespeichert ist.</translation>
    </message>
    <message>
        <source>%1; stored now: %2</source>
        <translation>%1; jetzt gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>dpp::ui::SerialStateModel</name>
    <message>
        <source>%1 (not saved yet)</source>
        <translation>%1 (noch nicht gespeichert)</translation>
    </message>
    <message>
        <source>Stored: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>zugewiesen</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>gedruckt</translation>
    </message>
    <message>
        <source>activated</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>decommissioned</source>
        <translation>außer Betrieb genommen</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>dpp::ui::SerialStatesDialog</name>
    <message>
        <source>Set state…</source>
        <translation>Zustand setzen…</translation>
    </message>
    <message>
        <source>Serials of lot %1</source>
        <translation>Seriennummern von Los %1</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>Seriennummern</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Changes are stored when you save the product.</source>
        <translation>Änderungen werden gespeichert, wenn Sie das Produkt speichern.</translation>
    </message>
    <message>
        <source>This batch is no longer in the store.</source>
        <translation>Diese Charge ist nicht mehr im Speicher.</translation>
    </message>
    <message>
        <source>%1 serials: %2</source>
        <translation>%1 Seriennummern: %2</translation>
    </message>
    <message>
        <source>No state is allowed next for all selected serials (decommissioned is final; select serials that are in the same step)</source>
        <translation>Für alle gewählten Seriennummern ist kein gemeinsamer nächster Zustand erlaubt (außer Betrieb genommen ist endgültig; wählen Sie Seriennummern im selben Schritt)</translation>
    </message>
    <message>
        <source>Select serials first</source>
        <translation>Wählen Sie zuerst Seriennummern</translation>
    </message>
    <message>
        <source>select at least one serial</source>
        <translation>wählen Sie mindestens eine Seriennummer</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
    <name>dpp::ui::SyncPanel</name>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%v of %m changes</source>
        <translation>%v von %m Änderungen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>Meine (dieser Computer)</translation>
    </message>
    <message>
        <source>Theirs (server)</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Serverversion übernehmen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Scans on the server (pulled with each sync)</source>
        <translation>Scans auf dem Server (bei jeder Synchronisierung abgerufen)</translation>
    </message>
    <message>
        <source>Set the server URL and API key in Preferences to sync.</source>
        <translation>Legen Sie Server-URL und API-Schlüssel in den Einstellungen fest, um zu synchronisieren.</translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation>Synchronisiere mit %1…</translation>
    </message>
    <message>
        <source>%1 of %2 changes pushed, %3 skipped, %4 pulled, %5 conflicts, %6 errors</source>
        <translation>%1 von %2 Änderungen übertragen, %3 übersprungen, %4 übernommen, %5 Konflikte, %6 Fehler</translation>
    </message>
    <message>
        <source>; cancelled (the next sync resumes)</source>
        <translation>; abgebrochen (die nächste Synchronisierung setzt fort)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: your version is on the server</source>
        <translation>%1: Ihre Version ist auf dem Server</translation>
    </message>
    <message>
        <source>%1: the server&apos;s version is now here</source>
        <translation>%1: die Version des Servers ist jetzt hier</translation>
    </message>
    <message>
        <source>%1 %2: changed here and on the server</source>
        <translation>%1 %2: hier und auf dem Server geändert</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Resolver link</source>
        <translation>Resolver-Link</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>Batteriestatus</translation>
    </message>
    <message>
        <source>Serial number state</source>
        <translation>Status der Seriennummer</translation>
    </message>
</context>
<context>
    <name>dpp::ui::WarningsPanel</name>
    <message>
        <source>No problems found</source>
        <translation>Keine Probleme gefunden</translation>
    </message>
</context>
<context>
    <name>dpp::ui::WineTab</name>
    <message>
        <source>The e-label is published as the wine passport. Leave it empty until you start it; once started it must be complete to save.</source>
        <translation>Das E-Label wird als Weinpass veröffentlicht. Lassen Sie es leer, bis Sie damit beginnen; einmal begonnen, muss es zum Speichern vollständig sein.</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Wein</translation>
    </message>
    <message>
        <source>Ingredients (in descending order of weight)</source>
        <translation>Zutaten (in absteigender Reihenfolge des Gewichts)</translation>
    </message>
    <message>
        <source>Nutrition declaration per 100 ml</source>
        <translation>Nährwertdeklaration pro 100 ml</translation>
    </message>
    <message>
        <source>Allergens</source>
        <translation>Allergene</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Producers, bottlers, importers</source>
        <translation>Erzeuger, Abfüller, Importeure</translation>
    </message>
    <message>
        <source>Computed from the nutrients and alcohol: %1 kJ / %2 kcal</source>
        <translation>Berechnet aus den Nährstoffen und dem Alkohol: %1 kJ / %2 kcal</translation>
    </message>
</context>
</TS>
