<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sk">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open store</source>
        <translation>Úložisko sa nedá otvoriť</translation>
    </message>
</context>
<context>
    <name>dpp::gs1::Linter</name>
    <message>
        <source>the data is valid</source>
        <translation>údaje sú platné</translation>
    </message>
    <message>
        <source>a digit is expected</source>
        <translation>očakáva sa číslica</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 82 is expected)</source>
        <translation>znak nie je povolený (očakáva sa znaková sada GS1 82)</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 39 is expected: A-Z, 0-9, #, - and /)</source>
        <translation>znak nie je povolený (očakáva sa znaková sada GS1 39: A-Z, 0-9, #, - a /)</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 32 is expected)</source>
        <translation>znak nie je povolený (očakáva sa znaková sada GS1 32)</translation>
    </message>
    <message>
        <source>the character is not allowed (URL-safe base64 is expected: A-Z, a-z, 0-9, - and _)</source>
        <translation>znak nie je povolený (očakáva sa base64 bezpečné pre URL: A-Z, a-z, 0-9, - a _)</translation>
    </message>
    <message>
        <source>the base64 padding (&apos;=&apos;) is wrong</source>
        <translation>výplň base64 (&apos;=&apos;) je nesprávna</translation>
    </message>
    <message>
        <source>the check digit is wrong</source>
        <translation>kontrolná číslica je nesprávna</translation>
    </message>
    <message>
        <source>the data is too short to carry a check digit</source>
        <translation>údaje sú príliš krátke na kontrolnú číslicu</translation>
    </message>
    <message>
        <source>the check character pair is wrong</source>
        <translation>dvojica kontrolných znakov je nesprávna</translation>
    </message>
    <message>
        <source>the data is too short to carry a check character pair</source>
        <translation>údaje sú príliš krátke na dvojicu kontrolných znakov</translation>
    </message>
    <message>
        <source>the data is too long for a check character pair</source>
        <translation>údaje sú príliš dlhé na dvojicu kontrolných znakov</translation>
    </message>
    <message>
        <source>the GS1 Company Prefix could not be checked because the register is offline</source>
        <translation>predponu spoločnosti GS1 nebolo možné overiť, pretože register je offline</translation>
    </message>
    <message>
        <source>the data is too short to start with a GS1 Company Prefix</source>
        <translation>údaje sú príliš krátke na to, aby začínali predponou spoločnosti GS1</translation>
    </message>
    <message>
        <source>a valid GS1 Company Prefix is expected</source>
        <translation>očakáva sa platná predpona spoločnosti GS1</translation>
    </message>
    <message>
        <source>the importer index must be a single character</source>
        <translation>index dovozcu musí byť jeden znak</translation>
    </message>
    <message>
        <source>the importer index must be one of A-Z, a-z, 0-9, - or _</source>
        <translation>index dovozcu musí byť A-Z, a-z, 0-9, - alebo _</translation>
    </message>
    <message>
        <source>the value must not be zero</source>
        <translation>hodnota nesmie byť nula</translation>
    </message>
    <message>
        <source>the value must be zero</source>
        <translation>hodnota musí byť nula</translation>
    </message>
    <message>
        <source>the number must not start with a zero</source>
        <translation>číslo nesmie začínať nulou</translation>
    </message>
    <message>
        <source>&quot;0&quot; or &quot;1&quot; is expected</source>
        <translation>očakáva sa „0“ alebo „1“</translation>
    </message>
    <message>
        <source>the winding direction must be &quot;0&quot;, &quot;1&quot; or &quot;9&quot;</source>
        <translation>smer navíjania musí byť „0“, „1“ alebo „9“</translation>
    </message>
    <message>
        <source>an ISO 3166 country code is expected</source>
        <translation>očakáva sa kód krajiny podľa ISO 3166</translation>
    </message>
    <message>
        <source>an ISO 3166 country code or &quot;999&quot; is expected</source>
        <translation>očakáva sa kód krajiny podľa ISO 3166 alebo „999“</translation>
    </message>
    <message>
        <source>an ISO 3166 two-letter country code is expected</source>
        <translation>očakáva sa dvojpísmenový kód krajiny podľa ISO 3166</translation>
    </message>
    <message>
        <source>an ISO 4217 currency code is expected</source>
        <translation>očakáva sa kód meny podľa ISO 4217</translation>
    </message>
    <message>
        <source>the IBAN is too short</source>
        <translation>IBAN je príliš krátky</translation>
    </message>
    <message>
        <source>the IBAN is too long (at most 34 characters)</source>
        <translation>IBAN je príliš dlhý (najviac 34 znakov)</translation>
    </message>
    <message>
        <source>the IBAN may only contain digits and capital letters</source>
        <translation>IBAN môže obsahovať len číslice a veľké písmená</translation>
    </message>
    <message>
        <source>the IBAN must start with an ISO 3166 two-letter country code</source>
        <translation>IBAN musí začínať dvojpísmenovým kódom krajiny podľa ISO 3166</translation>
    </message>
    <message>
        <source>the IBAN check digits are wrong</source>
        <translation>kontrolné číslice IBAN sú nesprávne</translation>
    </message>
    <message>
        <source>the date is too short</source>
        <translation>dátum je príliš krátky</translation>
    </message>
    <message>
        <source>the date is too long</source>
        <translation>dátum je príliš dlhý</translation>
    </message>
    <message>
        <source>the date and hour are too short (YYMMDDHH is expected)</source>
        <translation>dátum a hodina sú príliš krátke (očakáva sa RRMMDDHH)</translation>
    </message>
    <message>
        <source>the date and hour are too long (YYMMDDHH is expected)</source>
        <translation>dátum a hodina sú príliš dlhé (očakáva sa RRMMDDHH)</translation>
    </message>
    <message>
        <source>the time is too short (HHMM is expected)</source>
        <translation>čas je príliš krátky (očakáva sa HHMM)</translation>
    </message>
    <message>
        <source>the time is too long (HHMM is expected)</source>
        <translation>čas je príliš dlhý (očakáva sa HHMM)</translation>
    </message>
    <message>
        <source>minutes with optional seconds must be MM or MMSS</source>
        <translation>minúty s nepovinnými sekundami musia byť MM alebo MMSS</translation>
    </message>
    <message>
        <source>the month is not valid</source>
        <translation>mesiac nie je platný</translation>
    </message>
    <message>
        <source>the day is not valid for the month</source>
        <translation>deň nie je platný pre daný mesiac</translation>
    </message>
    <message>
        <source>the hour is not valid</source>
        <translation>hodina nie je platná</translation>
    </message>
    <message>
        <source>the minute is not valid</source>
        <translation>minúta nie je platná</translation>
    </message>
    <message>
        <source>the second is not valid</source>
        <translation>sekunda nie je platná</translation>
    </message>
    <message>
        <source>the hour is too short (HH is expected)</source>
        <translation>hodina je príliš krátka (očakáva sa HH)</translation>
    </message>
    <message>
        <source>the hour is too long (HH is expected)</source>
        <translation>hodina je príliš dlhá (očakáva sa HH)</translation>
    </message>
    <message>
        <source>the minute is too short (MM is expected)</source>
        <translation>minúta je príliš krátka (očakáva sa MM)</translation>
    </message>
    <message>
        <source>the minute is too long (MM is expected)</source>
        <translation>minúta je príliš dlhá (očakáva sa MM)</translation>
    </message>
    <message>
        <source>the second is too short (SS is expected)</source>
        <translation>sekunda je príliš krátka (očakáva sa SS)</translation>
    </message>
    <message>
        <source>the second is too long (SS is expected)</source>
        <translation>sekunda je príliš dlhá (očakáva sa SS)</translation>
    </message>
    <message>
        <source>the piece number and total must have the same number of digits</source>
        <translation>číslo kusu a celkový počet musia mať rovnaký počet číslic</translation>
    </message>
    <message>
        <source>the piece number must not be zero</source>
        <translation>číslo kusu nesmie byť nula</translation>
    </message>
    <message>
        <source>the total number of pieces must not be zero</source>
        <translation>celkový počet kusov nesmie byť nula</translation>
    </message>
    <message>
        <source>the piece number must not exceed the total number of pieces</source>
        <translation>číslo kusu nesmie prekročiť celkový počet kusov</translation>
    </message>
    <message>
        <source>a percent sign must be followed by two hexadecimal digits</source>
        <translation>za znakom percenta musia nasledovať dve šestnástkové číslice</translation>
    </message>
    <message>
        <source>the coupon format code is missing</source>
        <translation>chýba kód formátu kupónu</translation>
    </message>
    <message>
        <source>the coupon format code must be &quot;0&quot; or &quot;1&quot;</source>
        <translation>kód formátu kupónu musí byť „0“ alebo „1“</translation>
    </message>
    <message>
        <source>the coupon funder length indicator is missing</source>
        <translation>chýba indikátor dĺžky financovateľa kupónu</translation>
    </message>
    <message>
        <source>the coupon funder length indicator must be &quot;0&quot; to &quot;6&quot;</source>
        <translation>indikátor dĺžky financovateľa kupónu musí byť „0“ až „6“</translation>
    </message>
    <message>
        <source>the coupon funder ID is shorter than its length indicator says</source>
        <translation>ID financovateľa kupónu je kratšie, ako uvádza jeho indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon offer code must have six digits</source>
        <translation>kód ponuky kupónu musí mať šesť číslic</translation>
    </message>
    <message>
        <source>the coupon serial number length indicator is missing</source>
        <translation>chýba indikátor dĺžky sériového čísla kupónu</translation>
    </message>
    <message>
        <source>the coupon serial number is shorter than its length indicator says</source>
        <translation>sériové číslo kupónu je kratšie, ako uvádza jeho indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon company prefix length indicator is missing</source>
        <translation>chýba indikátor dĺžky predpony spoločnosti kupónu</translation>
    </message>
    <message>
        <source>the coupon company prefix length indicator must be &quot;0&quot; to &quot;6&quot;</source>
        <translation>indikátor dĺžky predpony spoločnosti kupónu musí byť „0“ až „6“</translation>
    </message>
    <message>
        <source>the coupon company prefix is shorter than its length indicator says</source>
        <translation>predpona spoločnosti kupónu je kratšia, ako uvádza jej indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon save value length indicator is missing</source>
        <translation>chýba indikátor dĺžky hodnoty zľavy kupónu</translation>
    </message>
    <message>
        <source>the coupon save value length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>indikátor dĺžky hodnoty zľavy kupónu musí byť „1“ až „5“</translation>
    </message>
    <message>
        <source>the coupon save value is shorter than its length indicator says</source>
        <translation>hodnota zľavy kupónu je kratšia, ako uvádza jej indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon purchase requirement length indicator is missing</source>
        <translation>chýba indikátor dĺžky nákupnej podmienky kupónu</translation>
    </message>
    <message>
        <source>the coupon purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>indikátor dĺžky nákupnej podmienky kupónu musí byť „1“ až „5“</translation>
    </message>
    <message>
        <source>the coupon purchase requirement is shorter than its length indicator says</source>
        <translation>nákupná podmienka kupónu je kratšia, ako uvádza jej indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon purchase requirement code is missing</source>
        <translation>chýba kód nákupnej podmienky kupónu</translation>
    </message>
    <message>
        <source>the coupon purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>kód nákupnej podmienky kupónu musí byť „0“ až „4“ alebo „9“</translation>
    </message>
    <message>
        <source>the coupon purchase family code must have three digits</source>
        <translation>kód skupiny nákupu kupónu musí mať tri číslice</translation>
    </message>
    <message>
        <source>the coupon additional purchase rules code is missing</source>
        <translation>chýba kód doplňujúcich pravidiel nákupu kupónu</translation>
    </message>
    <message>
        <source>the coupon additional purchase rules code must be &quot;0&quot; to &quot;3&quot;</source>
        <translation>kód doplňujúcich pravidiel nákupu kupónu musí byť „0“ až „3“</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement length indicator is missing</source>
        <translation>chýba indikátor dĺžky druhej nákupnej podmienky kupónu</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>indikátor dĺžky druhej nákupnej podmienky kupónu musí byť „1“ až „5“</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement is shorter than its length indicator says</source>
        <translation>druhá nákupná podmienka kupónu je kratšia, ako uvádza jej indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement code is missing</source>
        <translation>chýba kód druhej nákupnej podmienky kupónu</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>kód druhej nákupnej podmienky kupónu musí byť „0“ až „4“ alebo „9“</translation>
    </message>
    <message>
        <source>the coupon second purchase family code must have three digits</source>
        <translation>kód skupiny druhého nákupu kupónu musí mať tri číslice</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix length indicator is missing</source>
        <translation>chýba indikátor dĺžky predpony spoločnosti druhého nákupu kupónu</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix length indicator must be &quot;0&quot; to &quot;6&quot; or &quot;9&quot;</source>
        <translation>indikátor dĺžky predpony spoločnosti druhého nákupu kupónu musí byť „0“ až „6“ alebo „9“</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix is shorter than its length indicator says</source>
        <translation>predpona spoločnosti druhého nákupu kupónu je kratšia, ako uvádza jej indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement length indicator is missing</source>
        <translation>chýba indikátor dĺžky tretej nákupnej podmienky kupónu</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>indikátor dĺžky tretej nákupnej podmienky kupónu musí byť „1“ až „5“</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement is shorter than its length indicator says</source>
        <translation>tretia nákupná podmienka kupónu je kratšia, ako uvádza jej indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement code is missing</source>
        <translation>chýba kód tretej nákupnej podmienky kupónu</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>kód tretej nákupnej podmienky kupónu musí byť „0“ až „4“ alebo „9“</translation>
    </message>
    <message>
        <source>the coupon third purchase family code must have three digits</source>
        <translation>kód skupiny tretieho nákupu kupónu musí mať tri číslice</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix length indicator is missing</source>
        <translation>chýba indikátor dĺžky predpony spoločnosti tretieho nákupu kupónu</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix length indicator must be &quot;0&quot; to &quot;6&quot; or &quot;9&quot;</source>
        <translation>indikátor dĺžky predpony spoločnosti tretieho nákupu kupónu musí byť „0“ až „6“ alebo „9“</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix is shorter than its length indicator says</source>
        <translation>predpona spoločnosti tretieho nákupu kupónu je kratšia, ako uvádza jej indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon expiration date is too short (YYMMDD is expected)</source>
        <translation>dátum platnosti kupónu je príliš krátky (očakáva sa RRMMDD)</translation>
    </message>
    <message>
        <source>the coupon expiration date is not a valid date</source>
        <translation>dátum platnosti kupónu nie je platný dátum</translation>
    </message>
    <message>
        <source>the coupon start date is too short (YYMMDD is expected)</source>
        <translation>dátum začiatku kupónu je príliš krátky (očakáva sa RRMMDD)</translation>
    </message>
    <message>
        <source>the coupon start date is not a valid date</source>
        <translation>dátum začiatku kupónu nie je platný dátum</translation>
    </message>
    <message>
        <source>the coupon expires before its start date</source>
        <translation>platnosť kupónu končí pred dátumom jeho začiatku</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN length indicator is missing</source>
        <translation>chýba indikátor dĺžky predpony spoločnosti alebo GLN predajcu kupónu</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN length indicator must be &quot;1&quot; to &quot;7&quot;</source>
        <translation>indikátor dĺžky predpony spoločnosti alebo GLN predajcu kupónu musí byť „1“ až „7“</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN is shorter than its length indicator says</source>
        <translation>predpona spoločnosti alebo GLN predajcu kupónu je kratšia, ako uvádza jej indikátor dĺžky</translation>
    </message>
    <message>
        <source>the coupon save value code is missing</source>
        <translation>chýba kód hodnoty zľavy kupónu</translation>
    </message>
    <message>
        <source>the coupon save value code must be &quot;0&quot;, &quot;1&quot;, &quot;2&quot;, &quot;5&quot; or &quot;6&quot;</source>
        <translation>kód hodnoty zľavy kupónu musí byť „0“, „1“, „2“, „5“ alebo „6“</translation>
    </message>
    <message>
        <source>the coupon &quot;save value applies to item&quot; field is missing</source>
        <translation>chýba pole kupónu „zľava platí pre položku“</translation>
    </message>
    <message>
        <source>the coupon &quot;save value applies to item&quot; field must be &quot;0&quot; to &quot;2&quot;</source>
        <translation>pole kupónu „zľava platí pre položku“ musí byť „0“ až „2“</translation>
    </message>
    <message>
        <source>the coupon store coupon flag is missing</source>
        <translation>chýba príznak kupónu obchodu</translation>
    </message>
    <message>
        <source>the coupon &quot;don&apos;t multiply&quot; flag is missing</source>
        <translation>chýba príznak kupónu „nenásobiť“</translation>
    </message>
    <message>
        <source>the coupon &quot;don&apos;t multiply&quot; flag must be &quot;0&quot; or &quot;1&quot;</source>
        <translation>príznak kupónu „nenásobiť“ musí byť „0“ alebo „1“</translation>
    </message>
    <message>
        <source>the coupon has data after its last recognised field</source>
        <translation>kupón obsahuje údaje za posledným rozpoznaným poľom</translation>
    </message>
    <message>
        <source>the latitude must be between 0000000000 and 1800000000</source>
        <translation>zemepisná šírka musí byť medzi 0000000000 a 1800000000</translation>
    </message>
    <message>
        <source>the longitude must be between 0000000000 and 3600000000</source>
        <translation>zemepisná dĺžka musí byť medzi 0000000000 a 3600000000</translation>
    </message>
    <message>
        <source>a valid AIDC media type code is expected</source>
        <translation>očakáva sa platný kód typu média AIDC</translation>
    </message>
    <message>
        <source>the latitude must have 10 digits</source>
        <translation>zemepisná šírka musí mať 10 číslic</translation>
    </message>
    <message>
        <source>the longitude must have 10 digits</source>
        <translation>zemepisná dĺžka musí mať 10 číslic</translation>
    </message>
    <message>
        <source>the latitude and longitude must have 20 digits together</source>
        <translation>zemepisná šírka a dĺžka musia mať spolu 20 číslic</translation>
    </message>
    <message>
        <source>only hyphens are allowed</source>
        <translation>povolené sú len spojovníky</translation>
    </message>
    <message>
        <source>an ISO/IEC 5218 sex code (&quot;0&quot;, &quot;1&quot;, &quot;2&quot; or &quot;9&quot;) is expected</source>
        <translation>očakáva sa kód pohlavia podľa ISO/IEC 5218 („0“, „1“, „2“ alebo „9“)</translation>
    </message>
    <message>
        <source>the position in sequence must look like &quot;3/10&quot;</source>
        <translation>poloha v poradí musí mať tvar „3/10“</translation>
    </message>
    <message>
        <source>the position must not exceed the end of the sequence</source>
        <translation>poloha nesmie prekročiť koniec poradia</translation>
    </message>
    <message>
        <source>at least one character that is not a digit is required</source>
        <translation>vyžaduje sa aspoň jeden znak, ktorý nie je číslica</translation>
    </message>
    <message>
        <source>a UN/ECE Recommendation 21 package type code is expected</source>
        <translation>očakáva sa kód typu obalu podľa odporúčania UN/ECE č. 21</translation>
    </message>
    <message>
        <source>the data is not valid</source>
        <translation>údaje nie sú platné</translation>
    </message>
</context>
<context>
    <name>dpp::sync::SyncEngine</name>
    <message>
        <source>no answer from %1 (%2), retrying in %3 ms</source>
        <translation>žiadna odpoveď od %1 (%2), nový pokus o %3 ms</translation>
    </message>
    <message>
        <source>cannot record the server&apos;s id: %1</source>
        <translation>ID servera sa nedá uložiť: %1</translation>
    </message>
    <message>
        <source>the server %1 answered HTTP %2 repeatedly; try again later</source>
        <translation>server %1 opakovane odpovedal HTTP %2; skúste to neskôr</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>%1 je nedostupný: %2</translation>
    </message>
    <message>
        <source>the server refused the API key (HTTP %1): %2</source>
        <translation>server odmietol kľúč API (HTTP %1): %2</translation>
    </message>
    <message>
        <source>%1 %2 %3 refused (HTTP %4): %5%6</source>
        <translation>%1 %2 %3 odmietnuté (HTTP %4): %5%6</translation>
    </message>
    <message>
        <source>conflict: %1 %2 changed on the server and here; choose a version</source>
        <translation>konflikt: %1 %2 sa zmenil na serveri aj tu; vyberte verziu</translation>
    </message>
    <message>
        <source>cancelled; the next sync resumes with the remaining changes</source>
        <translation>zrušené; ďalšia synchronizácia pokračuje zvyšnými zmenami</translation>
    </message>
    <message>
        <source>analytics not pulled: the API key lacks the analytics:read scope</source>
        <translation>analytika nestiahnutá: kľúču API chýba rozsah analytics:read</translation>
    </message>
    <message>
        <source>%1 %2: the server&apos;s version is not valid here: %3</source>
        <translation>%1 %2: verzia zo servera tu nie je platná: %3</translation>
    </message>
    <message>
        <source>pulled %1 %2 from the server</source>
        <translation>%1 %2 stiahnuté zo servera</translation>
    </message>
</context>
<context>
    <name>dpp::ui::BatteryTab</name>
    <message>
        <source>Battery Regulation (EU) 2023/1542 Annex XIII. The access group in brackets decides who sees a field in the published passport.</source>
        <translation>Nariadenie (EÚ) 2023/1542 o batériách, príloha XIII. Prístupová skupina v zátvorkách určuje, kto uvidí pole v zverejnenom pase.</translation>
    </message>
    <message>
        <source>Annex XIII (1): publicly accessible</source>
        <translation>Príloha XIII (1): verejne prístupné</translation>
    </message>
    <message>
        <source>Annex XIII (2): persons with a legitimate interest and authorities</source>
        <translation>Príloha XIII (2): osoby s oprávneným záujmom a orgány</translation>
    </message>
    <message>
        <source>Annex XIII (3): notified bodies, market surveillance, Commission</source>
        <translation>Príloha XIII (3): notifikované osoby, dohľad nad trhom, Komisia</translation>
    </message>
    <message>
        <source>Annex XIII (4): legitimate interest</source>
        <translation>Príloha XIII (4): oprávnený záujem</translation>
    </message>
    <message>
        <source>Internal (never published)</source>
        <translation>Interné (nikdy sa nezverejňuje)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ColourButton</name>
    <message>
        <source>None</source>
        <translation>Žiadna</translation>
    </message>
    <message>
        <source>No colour: not drawn</source>
        <translation>Bez farby: nekreslí sa</translation>
    </message>
    <message>
        <source>none</source>
        <translation>žiadna</translation>
    </message>
</context>
<context>
    <name>dpp::ui::CompositionTab</name>
    <message>
        <source>Materials</source>
        <translation>Materiály</translation>
    </message>
    <message>
        <source>Substances of concern</source>
        <translation>Látky vzbudzujúce obavy</translation>
    </message>
    <message>
        <source>Disassembly steps</source>
        <translation>Kroky demontáže</translation>
    </message>
</context>
<context>
    <name>dpp::ui::DesignerCanvas</name>
    <message>
        <source>Move</source>
        <translation>Presunúť</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Posunúť</translation>
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
        <translation>Súbor</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Veľkosť</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>&amp;Priložiť súbor…</translation>
    </message>
    <message>
        <source>Attach document</source>
        <translation>Priložiť dokument</translation>
    </message>
    <message>
        <source>Attached %1</source>
        <translation>Priložené: %1</translation>
    </message>
    <message>
        <source>Cannot attach: %1 (%2)</source>
        <translation>Nedá sa priložiť: %1 (%2)</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Typ dokumentu</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 sa nedá prečítať: %2</translation>
    </message>
    <message>
        <source>No preview for this file type</source>
        <translation>Pre tento typ súboru nie je k dispozícii náhľad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Odstrániť</translation>
    </message>
    <message>
        <source>removed on save</source>
        <translation>odstráni sa pri uložení</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>ešte neuložené</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ElementItem</name>
    <message>
        <source>Rotate</source>
        <translation>Otočiť</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Zmeniť veľkosť</translation>
    </message>
</context>
<context>
    <name>dpp::ui::FieldForm</name>
    <message>
        <source>public</source>
        <translation>verejné</translation>
    </message>
    <message>
        <source>legitimate interest</source>
        <translation>oprávnený záujem</translation>
    </message>
    <message>
        <source>legitimate interest and authorities</source>
        <translation>oprávnený záujem a orgány</translation>
    </message>
    <message>
        <source>authorities only</source>
        <translation>iba orgány</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>interné</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>áno</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>dpp::ui::GeneralTab</name>
    <message>
        <source>Language</source>
        <translation>Jazyk</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Názov</translation>
    </message>
    <message>
        <source>Add &amp;language</source>
        <translation>Pridať &amp;jazyk</translation>
    </message>
    <message>
        <source>Remove language</source>
        <translation>Odstrániť jazyk</translation>
    </message>
    <message>
        <source>GTIN-8, -12, -13 or -14</source>
        <translation>GTIN-8, -12, -13 alebo -14</translation>
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
        <translation>Kontrolná číslica je správna (GTIN-14 %1)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::JsonTableEditor</name>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Pridať riadok</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Odstrániť</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Posunúť &amp;hore</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Posunúť &amp;dole</translation>
    </message>
    <message>
        <source>&amp;Paste rows</source>
        <translation>&amp;Vložiť riadky</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Riadok %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>dpp::ui::LabelDesignerWindow</name>
    <message>
        <source>Label stock</source>
        <translation>Etiketový materiál</translation>
    </message>
    <message>
        <source>The stock library could not be read: %1</source>
        <translation>Knižnicu materiálov sa nepodarilo načítať: %1</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Vlastnosti</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Náhľad</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Upozornenia</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Priblíženie %1 %</translation>
    </message>
    <message>
        <source>Untitled label</source>
        <translation>Etiketa bez názvu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Súbor</translation>
    </message>
    <message>
        <source>&amp;New label…</source>
        <translation>&amp;Nová etiketa…</translation>
    </message>
    <message>
        <source>New from &amp;example</source>
        <translation>Nová z &amp;príkladu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Otvoriť…</translation>
    </message>
    <message>
        <source>Open label</source>
        <translation>Otvoriť etiketu</translation>
    </message>
    <message>
        <source>Labels (*.dpplabel)</source>
        <translation>Etikety (*.dpplabel)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Uložiť</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Uložiť &amp;ako…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Tlačiť…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Zavrieť</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Upraviť</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Späť</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Znova</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Vystrihnúť</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopírovať</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Prilepiť</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>O&amp;dstrániť</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Vybrať &amp;všetko</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Zobraziť</translation>
    </message>
    <message>
        <source>Zoom to &amp;fit</source>
        <translation>&amp;Prispôsobiť oknu</translation>
    </message>
    <message>
        <source>&amp;Actual size (100 %)</source>
        <translation>&amp;Skutočná veľkosť (100 %)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Priblížiť</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Oddialiť</translation>
    </message>
    <message>
        <source>Show &amp;grid</source>
        <translation>Zobraziť &amp;mriežku</translation>
    </message>
    <message>
        <source>Snap to g&amp;rid</source>
        <translation>Prichytávať k m&amp;riežke</translation>
    </message>
    <message>
        <source>Snap to &amp;elements</source>
        <translation>Prichytávať k &amp;prvkom</translation>
    </message>
    <message>
        <source>Rulers in &amp;inches</source>
        <translation>Pravítka v &amp;palcoch</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Vložiť</translation>
    </message>
    <message>
        <source>Toolbox</source>
        <translation>Nástroje</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR kód</translation>
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
        <translation>Obrázok…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Čiara</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Obdĺžnik</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Elipsa</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>&amp;Usporiadať</translation>
    </message>
    <message>
        <source>Align &amp;left</source>
        <translation>Zarovnať &amp;vľavo</translation>
    </message>
    <message>
        <source>Align &amp;centre</source>
        <translation>Zarovnať na &amp;stred</translation>
    </message>
    <message>
        <source>Align &amp;right</source>
        <translation>Zarovnať v&amp;pravo</translation>
    </message>
    <message>
        <source>Align &amp;top</source>
        <translation>Zarovnať &amp;hore</translation>
    </message>
    <message>
        <source>Align &amp;middle</source>
        <translation>Zarovnať do &amp;stredu</translation>
    </message>
    <message>
        <source>Align &amp;bottom</source>
        <translation>Zarovnať &amp;dole</translation>
    </message>
    <message>
        <source>Distribute &amp;horizontally</source>
        <translation>Rozmiestniť &amp;vodorovne</translation>
    </message>
    <message>
        <source>Distribute &amp;vertically</source>
        <translation>Rozmiestniť &amp;zvisle</translation>
    </message>
    <message>
        <source>Bring to &amp;front</source>
        <translation>Presunúť &amp;dopredu</translation>
    </message>
    <message>
        <source>Send to &amp;back</source>
        <translation>Presunúť &amp;dozadu</translation>
    </message>
    <message>
        <source>Rotate &amp;90°</source>
        <translation>Otočiť o &amp;90°</translation>
    </message>
    <message>
        <source>&amp;Lock / unlock</source>
        <translation>&amp;Zamknúť / odomknúť</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Späť: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Znova: %1</translation>
    </message>
    <message>
        <source>%1[*] — Label designer</source>
        <translation>%1[*] — Návrhár etikiet</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Nová etiketa</translation>
    </message>
    <message>
        <source>There is no label stock &apos;%1&apos;.</source>
        <translation>Etiketový materiál „%1“ neexistuje.</translation>
    </message>
    <message>
        <source>%1 cannot be opened.
%2</source>
        <translation>%1 sa nedá otvoriť.
%2</translation>
    </message>
    <message>
        <source>New from example</source>
        <translation>Nová z príkladu</translation>
    </message>
    <message>
        <source>Save label</source>
        <translation>Uložiť etiketu</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 sa neuložil: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Uložené: %1</translation>
    </message>
    <message>
        <source>Label designer</source>
        <translation>Návrhár etikiet</translation>
    </message>
    <message>
        <source>The label has unsaved changes. Save them?</source>
        <translation>Etiketa má neuložené zmeny. Uložiť ich?</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Vložiť obrázok</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg *.pdf)</source>
        <translation>Obrázky (*.png *.jpg *.jpeg *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Pridať %1</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Prilepiť</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Odstrániť</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Zarovnať</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>Rozmiestniť</translation>
    </message>
    <message>
        <source>Bring to front</source>
        <translation>Presunúť dopredu</translation>
    </message>
    <message>
        <source>Send to back</source>
        <translation>Presunúť dozadu</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Zamknúť</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Odomknúť</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Otočiť</translation>
    </message>
</context>
<context>
    <name>dpp::ui::LocalServer</name>
    <message>
        <source>open a store before publishing</source>
        <translation>pred zverejnením otvorte úložisko</translation>
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
        <translation>&amp;Súbor</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ukončiť</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Etikety</translation>
    </message>
    <message>
        <source>Label &amp;designer</source>
        <translation>&amp;Návrhár etikiet</translation>
    </message>
    <message>
        <source>&amp;New label from stock…</source>
        <translation>&amp;Nová etiketa z materiálu…</translation>
    </message>
    <message>
        <source>New from &amp;example</source>
        <translation>Nová z &amp;príkladu</translation>
    </message>
    <message>
        <source>&amp;Open label…</source>
        <translation>&amp;Otvoriť etiketu…</translation>
    </message>
    <message>
        <source>Open label</source>
        <translation>Otvoriť etiketu</translation>
    </message>
    <message>
        <source>Labels (*.dpplabel)</source>
        <translation>Etikety (*.dpplabel)</translation>
    </message>
    <message>
        <source>Publish locally</source>
        <translation>Zverejniť lokálne</translation>
    </message>
    <message>
        <source>Server: stopped</source>
        <translation>Server: zastavený</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Zverejnenie</translation>
    </message>
    <message>
        <source>Publish &amp;locally…</source>
        <translation>Zverejniť &amp;lokálne…</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkty</translation>
    </message>
    <message>
        <source>No store open</source>
        <translation>Nie je otvorené žiadne úložisko</translation>
    </message>
    <message>
        <source>&amp;New product</source>
        <translation>&amp;Nový produkt</translation>
    </message>
    <message>
        <source>New &amp;store…</source>
        <translation>Nové &amp;úložisko…</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>&amp;Otvoriť úložisko…</translation>
    </message>
    <message>
        <source>Open &amp;PostgreSQL store…</source>
        <translation>Otvoriť úložisko Postgre&amp;SQL…</translation>
    </message>
    <message>
        <source>&amp;Recent stores</source>
        <translation>Ne&amp;dávne úložiská</translation>
    </message>
    <message>
        <source>&amp;Save product</source>
        <translation>U&amp;ložiť produkt</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Zavrieť kartu</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>&amp;Predvoľby…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Úp&amp;ravy</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Späť</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Znova</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Zobraziť</translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation>&amp;Produkty</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Obnoviť</translation>
    </message>
    <message>
        <source>&amp;Find product</source>
        <translation>&amp;Hľadať produkt</translation>
    </message>
    <message>
        <source>the open editors have unsaved changes</source>
        <translation>otvorené editory obsahujú neuložené zmeny</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Úložisko: %1</translation>
    </message>
    <message>
        <source>Open a store first (File ▸ Open store…)</source>
        <translation>Najprv otvorte úložisko (Súbor ▸ Otvoriť úložisko…)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Neuložené zmeny</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Discard them?</source>
        <translation>%1 obsahuje neuložené zmeny. Zahodiť ich?</translation>
    </message>
    <message>
        <source>Cannot open store</source>
        <translation>Úložisko sa nedá otvoriť</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>New store</source>
        <translation>Nové úložisko</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db)</source>
        <translation>Úložiská SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>%1 already exists; use Open store to open it.</source>
        <translation>%1 už existuje; otvorte ho príkazom Otvoriť úložisko.</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Otvoriť úložisko</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db);;All files (*)</source>
        <translation>Úložiská SQLite (*.sqlite *.db);;Všetky súbory (*)</translation>
    </message>
    <message>
        <source>Open PostgreSQL store</source>
        <translation>Otvoriť úložisko PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL URL (postgresql://user:password@host:5432/database):</source>
        <translation>URL PostgreSQL (postgresql://používateľ:heslo@hostiteľ:5432/databáza):</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://</source>
        <translation>URL musí začínať na postgresql://</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Predvoľby</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronizácia</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronizácia</translation>
    </message>
    <message>
        <source>&amp;Sync with server…</source>
        <translation>&amp;Synchronizovať so serverom…</translation>
    </message>
</context>
<context>
    <name>dpp::ui::MergeFieldPicker</name>
    <message>
        <source>Insert field</source>
        <translation>Vložiť pole</translation>
    </message>
    <message>
        <source>Insert a merge field such as {{serial}} at the cursor</source>
        <translation>Vložiť na pozíciu kurzora pole hromadnej korešpondencie, napr. {{serial}}</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PassportTab</name>
    <message>
        <source>&amp;Publish passport…</source>
        <translation>&amp;Zverejniť pas…</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Verzia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Druh</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Vytvorené</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Zverejnené</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Every published version stays in the history, so any scan result can be reproduced. The hash is the SHA-256 of the version&apos;s canonical JSON.</source>
        <translation>Každá zverejnená verzia zostáva v histórii, takže každý výsledok skenovania sa dá zopakovať. Hash je SHA-256 kanonického JSON verzie.</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Predvoľby</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Jazyk systému</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Názov</translation>
    </message>
    <message>
        <source>Target (host:9100, cups:QUEUE or printer)</source>
        <translation>Cieľ (hostiteľ:9100, cups:FRONTA alebo tlačiareň)</translation>
    </message>
    <message>
        <source>Calibration (JSON)</source>
        <translation>Kalibrácia (JSON)</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>Pridať tlačiareň</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>Odstrániť tlačiareň</translation>
    </message>
    <message>
        <source>Printer %1</source>
        <translation>Tlačiareň %1</translation>
    </message>
    <message>
        <source>&amp;Language (after restart)</source>
        <translation>&amp;Jazyk (po reštarte)</translation>
    </message>
    <message>
        <source>Default &amp;resolver base URL</source>
        <translation>Predvolená základná URL &amp;resolvera</translation>
    </message>
    <message>
        <source>Sync &amp;server URL</source>
        <translation>URL &amp;servera synchronizácie</translation>
    </message>
    <message>
        <source>Sync API &amp;key</source>
        <translation>&amp;Kľúč API synchronizácie</translation>
    </message>
    <message>
        <source>Printers and calibration</source>
        <translation>Tlačiarne a kalibrácia</translation>
    </message>
    <message>
        <source>%1: is required</source>
        <translation>%1: je povinné</translation>
    </message>
    <message>
        <source>%1: must be an http(s) URL such as https://id.example.com</source>
        <translation>%1: musí byť URL http(s), napríklad https://id.example.com</translation>
    </message>
    <message>
        <source>Resolver base URL</source>
        <translation>Základná URL resolvera</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL servera</translation>
    </message>
    <message>
        <source>Printer %1 calibration: must be a JSON object</source>
        <translation>Kalibrácia tlačiarne %1: musí byť objekt JSON</translation>
    </message>
    <message>
        <source>Printer %1 calibration %2: %3</source>
        <translation>Kalibrácia tlačiarne %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PreviewPanel</name>
    <message>
        <source>The label&apos;s own merge source</source>
        <translation>Vlastný zdroj údajov etikety</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Záznam</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Sériové číslo</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PrintDialog</name>
    <message>
        <source>Print labels</source>
        <translation>Tlačiť etikety</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Tlačiareň</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Prehľadávať…</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Súbor PDF</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>Tlačiť do PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Súbory PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Materiál</translation>
    </message>
    <message>
        <source>The label&apos;s own merge source</source>
        <translation>Vlastný zdroj údajov etikety</translation>
    </message>
    <message>
        <source>Serial range</source>
        <translation>Rozsah sériových čísel</translation>
    </message>
    <message>
        <source>Serial batch from the store</source>
        <translation>Dávka sériových čísel z úložiska</translation>
    </message>
    <message>
        <source>Products from the store</source>
        <translation>Výrobky z úložiska</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Súbor CSV</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Záznamy</translation>
    </message>
    <message>
        <source>As saved in the label file.</source>
        <translation>Ako je uložené v súbore etikety.</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>Sériové čísla</translation>
    </message>
    <message>
        <source>CSV file with a header row</source>
        <translation>Súbor CSV s hlavičkovým riadkom</translation>
    </message>
    <message>
        <source>%1 · %2 serials from %3</source>
        <translation>%1 · %2 sériových čísel od %3</translation>
    </message>
    <message>
        <source>Copies of each label</source>
        <translation>Kópie každej etikety</translation>
    </message>
    <message>
        <source>Start at this label (after a cancelled or failed job)</source>
        <translation>Začať od tejto etikety (po zrušenej alebo neúspešnej úlohe)</translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation>Začať od etikety</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Calibration offset (x, y)</source>
        <translation>Kalibračný posun (x, y)</translation>
    </message>
    <message>
        <source>Verified print: decode every symbol layout before printing</source>
        <translation>Overená tlač: pred tlačou dekódovať každé rozloženie symbolu</translation>
    </message>
    <message>
        <source>The print report and the verification results appear here.</source>
        <translation>Tu sa zobrazí správa o tlači a výsledky overenia.</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Tlačiť</translation>
    </message>
    <message>
        <source>C&amp;ancel job</source>
        <translation>Z&amp;rušiť úlohu</translation>
    </message>
    <message>
        <source>Preview (first pages)</source>
        <translation>Náhľad (prvé strany)</translation>
    </message>
    <message>
        <source>Update preview</source>
        <translation>Aktualizovať náhľad</translation>
    </message>
    <message>
        <source>%1 (CUPS)</source>
        <translation>%1 (CUPS)</translation>
    </message>
    <message>
        <source>%1 (ZPL, network)</source>
        <translation>%1 (ZPL, sieť)</translation>
    </message>
    <message>
        <source>%1 (ZPL, raw CUPS queue)</source>
        <translation>%1 (ZPL, surový front CUPS)</translation>
    </message>
    <message>
        <source>choose the PDF file to print to</source>
        <translation>vyberte súbor PDF, do ktorého sa má tlačiť</translation>
    </message>
    <message>
        <source>choose a printer</source>
        <translation>vyberte tlačiareň</translation>
    </message>
    <message>
        <source>a serial range needs the product&apos;s GTIN</source>
        <translation>rozsah sériových čísel potrebuje GTIN výrobku</translation>
    </message>
    <message>
        <source>give the serials, e.g. SN000001-SN000500</source>
        <translation>zadajte sériové čísla, napr. SN000001-SN000500</translation>
    </message>
    <message>
        <source>the store has no serial batch to print</source>
        <translation>úložisko neobsahuje žiadnu dávku sériových čísel na tlač</translation>
    </message>
    <message>
        <source>no store is open</source>
        <translation>nie je otvorené žiadne úložisko</translation>
    </message>
    <message>
        <source>choose the CSV file</source>
        <translation>vyberte súbor CSV</translation>
    </message>
    <message>
        <source>%1 (%2 × %3 mm)</source>
        <translation>%1 (%2 × %3 mm)</translation>
    </message>
    <message>
        <source>%1: fits this printer</source>
        <translation>%1: vhodné pre túto tlačiareň</translation>
    </message>
    <message>
        <source>Cannot preview: %1: %2</source>
        <translation>Náhľad nie je možný: %1: %2</translation>
    </message>
    <message>
        <source>Cannot preview: %1</source>
        <translation>Náhľad nie je možný: %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Strana %1</translation>
    </message>
    <message>
        <source>Not printed. %1</source>
        <translation>Nevytlačené. %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Tlačí sa…</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) printed.</source>
        <translation>
            <numerusform>Vytlačená %n etiketa.</numerusform>
            <numerusform>Vytlačené %n etikety.</numerusform>
            <numerusform>Vytlačených %n etikiet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Zastavené: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent before it stopped; Print resumes at label %1.</source>
        <translation>
            <numerusform>Pred zastavením bola odoslaná %n etiketa; Tlačiť pokračuje od etikety %1.</numerusform>
            <numerusform>Pred zastavením boli odoslané %n etikety; Tlačiť pokračuje od etikety %1.</numerusform>
            <numerusform>Pred zastavením bolo odoslaných %n etikiet; Tlačiť pokračuje od etikety %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification (each symbol layout decoded back):</source>
        <translation>Overenie (každé rozloženie symbolu spätne dekódované):</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4: %5</source>
        <translation>%1 %2 %3 %4: %5</translation>
    </message>
    <message>
        <source>Continue after the last serial a job sent to the printer</source>
        <translation>Pokračovať za posledným sériovým číslom odoslaným na tlačiareň</translation>
    </message>
    <message>
        <source>e.g. SN000010-SN000020 (already printed serials)</source>
        <translation>napr. SN000010-SN000020 (už vytlačené sériové čísla)</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Dávka</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Opätovná tlač</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent before it stopped; Print continues after the last serial sent.</source>
        <translation>
            <numerusform>%n etiketa odoslaná pred zastavením; Tlač pokračuje za posledným odoslaným sériovým číslom.</numerusform>
            <numerusform>%n etikety odoslané pred zastavením; Tlač pokračuje za posledným odoslaným sériovým číslom.</numerusform>
            <numerusform>%n etikiet odoslaných pred zastavením; Tlač pokračuje za posledným odoslaným sériovým číslom.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductBrowser</name>
    <message>
        <source>Search name, GTIN or SKU</source>
        <translation>Hľadať názov, GTIN alebo SKU</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>Všetky odvetvia</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktívne</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Odstránené</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n produkt</numerusform>
            <numerusform>%n produkty</numerusform>
            <numerusform>%n produktov</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot list products: %1</source>
        <translation>Produkty sa nedajú vypísať: %1</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductDocument</name>
    <message>
        <source>no product with id %1</source>
        <translation>žiadny produkt s ID %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Upraviť %1</translation>
    </message>
    <message>
        <source>save the product before publishing</source>
        <translation>pred zverejnením produkt uložte</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>Priložiť %1</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Odstrániť dokument</translation>
    </message>
    <message>
        <source>New serial batch</source>
        <translation>Nová dávka sériových čísel</translation>
    </message>
    <message>
        <source>Remove serial batch</source>
        <translation>Odstrániť dávku sériových čísel</translation>
    </message>
    <message>
        <source>Add battery unit</source>
        <translation>Pridať batériu</translation>
    </message>
    <message>
        <source>choose a battery unit</source>
        <translation>vyberte batériu</translation>
    </message>
    <message>
        <source>Add SoH reading</source>
        <translation>Pridať meranie SoH</translation>
    </message>
    <message>
        <source>Add lifecycle event</source>
        <translation>Pridať udalosť životného cyklu</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>musí byť jedno z: %1</translation>
    </message>
    <message>
        <source>Change battery status</source>
        <translation>Zmeniť stav batérie</translation>
    </message>
    <message>
        <source>Link supplier</source>
        <translation>Prepojiť dodávateľa</translation>
    </message>
    <message>
        <source>the supplier is not linked to this product</source>
        <translation>dodávateľ nie je prepojený s týmto produktom</translation>
    </message>
    <message>
        <source>Unlink supplier</source>
        <translation>Zrušiť prepojenie dodávateľa</translation>
    </message>
    <message>
        <source>no stored serial batch of this product (save a new batch first)</source>
        <translation>žiadna uložená dávka sériových čísel tohto produktu (novú dávku najprv uložte)</translation>
    </message>
    <message>
        <source>Set serial %1 to %2</source>
        <translation>Nastaviť sériové číslo %1 na %2</translation>
    </message>
    <message>
        <source>Set %1 serials to %2</source>
        <translation>Nastaviť sériové čísla (%1) na %2</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Uložiť</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Všeobecné</translation>
    </message>
    <message>
        <source>&amp;Wine e-label</source>
        <translation>&amp;E-etiketa vína</translation>
    </message>
    <message>
        <source>&amp;Battery</source>
        <translation>&amp;Batéria</translation>
    </message>
    <message>
        <source>&amp;Composition</source>
        <translation>&amp;Zloženie</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumenty</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>Zázna&amp;my</translation>
    </message>
    <message>
        <source>&amp;Passport</source>
        <translation>&amp;Pas</translation>
    </message>
    <message>
        <source>To fix before saving:</source>
        <translation>Pred uložením treba opraviť:</translation>
    </message>
    <message>
        <source>Cannot open the product: %1</source>
        <translation>Produkt sa nedá otvoriť: %1</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Nový produkt</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix first</source>
        <translation>
            <numerusform>Najprv treba opraviť %n problém</numerusform>
            <numerusform>Najprv treba opraviť %n problémy</numerusform>
            <numerusform>Najprv treba opraviť %n problémov</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>Neuložené: %1: %2</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Uložené.</translation>
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
        <translation>Názov</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Odvetvie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualizované</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PropertyPanel</name>
    <message>
        <source>Nothing selected</source>
        <translation>Nič nie je vybraté</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Prvok</translation>
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
        <translation>Šírka (mm)</translation>
    </message>
    <message>
        <source>Height (mm)</source>
        <translation>Výška (mm)</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Otočiť</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Otočenie</translation>
    </message>
    <message>
        <source>Change order</source>
        <translation>Zmeniť poradie</translation>
    </message>
    <message>
        <source>Z-order</source>
        <translation>Poradie vrstiev</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Zamknuté</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Zamknúť</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Odomknúť</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Upraviť text</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Change font</source>
        <translation>Zmeniť písmo</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Písmo</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> bodov</translation>
    </message>
    <message>
        <source>Change font size</source>
        <translation>Zmeniť veľkosť písma</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Veľkosť</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Tučné</translation>
    </message>
    <message>
        <source>Shrink to fit</source>
        <translation>Zmenšiť, aby sa zmestilo</translation>
    </message>
    <message>
        <source>Digital Link of the record</source>
        <translation>Digital Link záznamu</translation>
    </message>
    <message>
        <source>GS1 element string</source>
        <translation>Reťazec prvkov GS1</translation>
    </message>
    <message>
        <source>Literal text</source>
        <translation>Doslovný text</translation>
    </message>
    <message>
        <source>Change content</source>
        <translation>Zmeniť obsah</translation>
    </message>
    <message>
        <source>Encodes</source>
        <translation>Kóduje</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Obsah</translation>
    </message>
    <message>
        <source>Module (mm)</source>
        <translation>Modul (mm)</translation>
    </message>
    <message>
        <source>Change error correction</source>
        <translation>Zmeniť opravu chýb</translation>
    </message>
    <message>
        <source>Error correction</source>
        <translation>Oprava chýb</translation>
    </message>
    <message>
        <source>Change barcode type</source>
        <translation>Zmeniť typ čiarového kódu</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Čiarový kód</translation>
    </message>
    <message>
        <source>Digits under the bars</source>
        <translation>Číslice pod čiarami</translation>
    </message>
    <message>
        <source>Change barcode</source>
        <translation>Zmeniť čiarový kód</translation>
    </message>
    <message>
        <source>Change image</source>
        <translation>Zmeniť obrázok</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Súbor obrázka</translation>
    </message>
    <message>
        <source>Line width (mm)</source>
        <translation>Hrúbka čiary (mm)</translation>
    </message>
    <message>
        <source>Change fill</source>
        <translation>Zmeniť výplň</translation>
    </message>
    <message>
        <source>Merge field</source>
        <translation>Pole hromadnej korešpondencie</translation>
    </message>
    <message>
        <source>Change size or position</source>
        <translation>Zmeniť veľkosť alebo polohu</translation>
    </message>
    <message numerus="yes">
        <source>%n elements selected</source>
        <translation>
            <numerusform>Vybratý %n prvok</numerusform>
            <numerusform>Vybraté %n prvky</numerusform>
            <numerusform>Vybratých %n prvkov</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>Vložiť %1</translation>
    </message>
    <message>
        <source>Change text colour</source>
        <translation>Zmeniť farbu textu</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Farba textu</translation>
    </message>
    <message>
        <source>Change line colour</source>
        <translation>Zmeniť farbu čiary</translation>
    </message>
    <message>
        <source>Line colour</source>
        <translation>Farba čiary</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Výplň</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PublishDialog</name>
    <message>
        <source>Publish passport</source>
        <translation>Zverejniť pas</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Zmena</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Zverejnené</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nové</translation>
    </message>
    <message>
        <source>added</source>
        <translation>pridané</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>odstránené</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>zmenené</translation>
    </message>
    <message>
        <source>Changes against published version %1 (SHA-256 %2):</source>
        <translation>Zmeny oproti zverejnenej verzii %1 (SHA-256 %2):</translation>
    </message>
    <message>
        <source>Nothing is published yet; every field below is new:</source>
        <translation>Zatiaľ nie je nič zverejnené; každé pole nižšie je nové:</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Zverejniť</translation>
    </message>
    <message>
        <source>Save the product first: publishing uses the saved data.</source>
        <translation>Najprv produkt uložte: zverejňujú sa uložené údaje.</translation>
    </message>
    <message>
        <source>The published version is up to date.</source>
        <translation>Zverejnená verzia je aktuálna.</translation>
    </message>
    <message>
        <source>Not published: %1 (%2)</source>
        <translation>Nezverejnené: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PublishPanel</name>
    <message>
        <source>any free port</source>
        <translation>ľubovoľný voľný port</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Reachable from the local network (phones)</source>
        <translation>Dostupné z lokálnej siete (telefóny)</translation>
    </message>
    <message>
        <source>Off: only this computer can connect (127.0.0.1).</source>
        <translation>Vypnuté: pripojiť sa môže len tento počítač (127.0.0.1).</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automaticky</translation>
    </message>
    <message>
        <source>Base URL for links</source>
        <translation>Základná URL pre odkazy</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Spustiť</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Zastaviť</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Zastavený</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Výrobok</translation>
    </message>
    <message>
        <source>Digital Link</source>
        <translation>Digital Link</translation>
    </message>
    <message>
        <source>Running on port %1</source>
        <translation>Beží na porte %1</translation>
    </message>
    <message>
        <source>Base URL: must start with http:// or https://</source>
        <translation>Základná URL: musí začínať http:// alebo https://</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Nespustené: %1</translation>
    </message>
</context>
<context>
    <name>dpp::ui::RecordsTab</name>
    <message>
        <source>Name</source>
        <translation>Názov</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Úloha</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Krajina</translation>
    </message>
    <message>
        <source>GLN</source>
        <translation>GLN</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Šarža</translation>
    </message>
    <message>
        <source>First serial</source>
        <translation>Prvé sériové číslo</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Počet</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Vytvorené</translation>
    </message>
    <message>
        <source>Unique identifier</source>
        <translation>Jedinečný identifikátor</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Sériové číslo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kedy</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Čo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Hodnota</translation>
    </message>
    <message>
        <source>Link supplier…</source>
        <translation>Prepojiť dodávateľa…</translation>
    </message>
    <message>
        <source>Unlink supplier</source>
        <translation>Zrušiť prepojenie dodávateľa</translation>
    </message>
    <message>
        <source>New sequential batch…</source>
        <translation>Nová sekvenčná dávka…</translation>
    </message>
    <message>
        <source>New serial batch</source>
        <translation>Nová dávka sériových čísel</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Predpona</translation>
    </message>
    <message>
        <source>First number</source>
        <translation>Prvé číslo</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>Číslice</translation>
    </message>
    <message>
        <source>Add battery unit…</source>
        <translation>Pridať batériovú jednotku…</translation>
    </message>
    <message>
        <source>Add battery unit</source>
        <translation>Pridať batériovú jednotku</translation>
    </message>
    <message>
        <source>Unique identifier (e.g. its Digital Link)</source>
        <translation>Jedinečný identifikátor (napr. jej Digital Link)</translation>
    </message>
    <message>
        <source>Add SoH reading…</source>
        <translation>Pridať meranie SoH…</translation>
    </message>
    <message>
        <source>State of health</source>
        <translation>Zdravotný stav</translation>
    </message>
    <message>
        <source>State of health (%)</source>
        <translation>Zdravotný stav (%)</translation>
    </message>
    <message>
        <source>Add lifecycle event…</source>
        <translation>Pridať udalosť životného cyklu…</translation>
    </message>
    <message>
        <source>Lifecycle event</source>
        <translation>Udalosť životného cyklu</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Dodávatelia</translation>
    </message>
    <message>
        <source>Serial batches</source>
        <translation>Dávky sériových čísel</translation>
    </message>
    <message>
        <source>Battery units</source>
        <translation>Batériové jednotky</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Link supplier</source>
        <translation>Prepojiť dodávateľa</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Dodávateľ</translation>
    </message>
    <message>
        <source>Remove serial batch</source>
        <translation>Odstrániť dávku sériových čísel</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Zmeniť stav…</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>Stav batérie</translation>
    </message>
    <message>
        <source>Status (Annex XIII 4(c))</source>
        <translation>Stav (príloha XIII 4(c))</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>ešte neuložené</translation>
    </message>
    <message>
        <source>removed on save</source>
        <translation>odstráni sa pri uložení</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>States</source>
        <translation>Stavy</translation>
    </message>
    <message>
        <source>Serials…</source>
        <translation>Sériové čísla…</translation>
    </message>
    <message>
        <source>Save the product first: a new batch&apos;s serials are all available until it is stored.</source>
        <translation>Najprv uložte produkt: sériové čísla novej dávky sú všetky dostupné, kým sa dávka neuloží.</translation>
    </message>
    <message>
        <source>%1; stored now: %2</source>
        <translation>%1; teraz uložené: %2</translation>
    </message>
</context>
<context>
    <name>dpp::ui::SerialStateModel</name>
    <message>
        <source>%1 (not saved yet)</source>
        <translation>%1 (ešte neuložené)</translation>
    </message>
    <message>
        <source>Stored: %1</source>
        <translation>Uložené: %1</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Sériové číslo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>available</source>
        <translation>dostupné</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>pridelené</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>vytlačené</translation>
    </message>
    <message>
        <source>activated</source>
        <translation>aktivované</translation>
    </message>
    <message>
        <source>decommissioned</source>
        <translation>vyradené</translation>
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
        <translation>Nastaviť stav…</translation>
    </message>
    <message>
        <source>Serials of lot %1</source>
        <translation>Sériové čísla šarže %1</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>Sériové čísla</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Všetky stavy</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Späť</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Znova</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zobraziť</translation>
    </message>
    <message>
        <source>Changes are stored when you save the product.</source>
        <translation>Zmeny sa uložia pri uložení produktu.</translation>
    </message>
    <message>
        <source>This batch is no longer in the store.</source>
        <translation>Táto dávka už nie je v úložisku.</translation>
    </message>
    <message>
        <source>%1 serials: %2</source>
        <translation>Sériové čísla (%1): %2</translation>
    </message>
    <message>
        <source>No state is allowed next for all selected serials (decommissioned is final; select serials that are in the same step)</source>
        <translation>Pre všetky vybrané sériové čísla nie je povolený žiadny ďalší stav (vyradené je konečný stav; vyberte sériové čísla v rovnakom kroku)</translation>
    </message>
    <message>
        <source>Select serials first</source>
        <translation>Najprv vyberte sériové čísla</translation>
    </message>
    <message>
        <source>select at least one serial</source>
        <translation>vyberte aspoň jedno sériové číslo</translation>
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
        <translation>Nová etiketa</translation>
    </message>
    <message>
        <source>Search by size (50x30), vendor or name</source>
        <translation>Hľadať podľa veľkosti (50x30), výrobcu alebo názvu</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Názov</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Výrobca</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Veľkosť etikety</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Druh</translation>
    </message>
    <message>
        <source>Sheet, %1 per page</source>
        <translation>Hárok, %1 na stranu</translation>
    </message>
    <message>
        <source>Roll, die-cut</source>
        <translation>Kotúč, výsekové</translation>
    </message>
    <message>
        <source>Roll, continuous</source>
        <translation>Kotúč, nekonečný</translation>
    </message>
</context>
<context>
    <name>dpp::ui::SyncPanel</name>
    <message>
        <source>Sync now</source>
        <translation>Synchronizovať teraz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušiť</translation>
    </message>
    <message>
        <source>%v of %m changes</source>
        <translation>%v z %m zmien</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>Moja (tento počítač)</translation>
    </message>
    <message>
        <source>Theirs (server)</source>
        <translation>Ich (server)</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Skeny</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Ponechať moju</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Prevziať ich</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Správy</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikty</translation>
    </message>
    <message>
        <source>Scans on the server (pulled with each sync)</source>
        <translation>Skeny na serveri (stiahnuté pri každej synchronizácii)</translation>
    </message>
    <message>
        <source>Set the server URL and API key in Preferences to sync.</source>
        <translation>Na synchronizáciu zadajte URL servera a kľúč API v Nastaveniach.</translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation>Synchronizuje sa s %1…</translation>
    </message>
    <message>
        <source>%1 of %2 changes pushed, %3 skipped, %4 pulled, %5 conflicts, %6 errors</source>
        <translation>odoslaných %1 z %2 zmien, %3 preskočených, %4 stiahnutých, %5 konfliktov, %6 chýb</translation>
    </message>
    <message>
        <source>; cancelled (the next sync resumes)</source>
        <translation>; zrušené (ďalšia synchronizácia pokračuje)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: your version is on the server</source>
        <translation>%1: vaša verzia je na serveri</translation>
    </message>
    <message>
        <source>%1: the server&apos;s version is now here</source>
        <translation>%1: verzia zo servera je teraz tu</translation>
    </message>
    <message>
        <source>%1 %2: changed here and on the server</source>
        <translation>%1 %2: zmenené tu aj na serveri</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>k %1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Výrobok</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Dodávateľ</translation>
    </message>
    <message>
        <source>Resolver link</source>
        <translation>Odkaz resolvera</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>Stav batérie</translation>
    </message>
    <message>
        <source>Serial number state</source>
        <translation>Stav sériového čísla</translation>
    </message>
</context>
<context>
    <name>dpp::ui::WarningsPanel</name>
    <message>
        <source>No problems found</source>
        <translation>Nenašli sa žiadne problémy</translation>
    </message>
</context>
<context>
    <name>dpp::ui::WineTab</name>
    <message>
        <source>The e-label is published as the wine passport. Leave it empty until you start it; once started it must be complete to save.</source>
        <translation>E-etiketa sa zverejňuje ako pas vína. Nechajte ju prázdnu, kým s ňou nezačnete; po začatí musí byť na uloženie úplná.</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Víno</translation>
    </message>
    <message>
        <source>Ingredients (in descending order of weight)</source>
        <translation>Zložky (v zostupnom poradí podľa hmotnosti)</translation>
    </message>
    <message>
        <source>Nutrition declaration per 100 ml</source>
        <translation>Výživové údaje na 100 ml</translation>
    </message>
    <message>
        <source>Allergens</source>
        <translation>Alergény</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Pôvod</translation>
    </message>
    <message>
        <source>Producers, bottlers, importers</source>
        <translation>Výrobcovia, plniči, dovozcovia</translation>
    </message>
    <message>
        <source>Computed from the nutrients and alcohol: %1 kJ / %2 kcal</source>
        <translation>Vypočítané zo živín a alkoholu: %1 kJ / %2 kcal</translation>
    </message>
</context>
</TS>
