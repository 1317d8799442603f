<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open store</source>
        <translation>Impossible d&apos;ouvrir la base</translation>
    </message>
</context>
<context>
    <name>dpp::gs1::Linter</name>
    <message>
        <source>the data is valid</source>
        <translation>les données sont valides</translation>
    </message>
    <message>
        <source>a digit is expected</source>
        <translation>un chiffre est attendu</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 82 is expected)</source>
        <translation>le caractère n&apos;est pas autorisé (jeu de caractères GS1 82 attendu)</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 39 is expected: A-Z, 0-9, #, - and /)</source>
        <translation>le caractère n&apos;est pas autorisé (jeu de caractères GS1 39 attendu : A-Z, 0-9, #, - et /)</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 32 is expected)</source>
        <translation>le caractère n&apos;est pas autorisé (jeu de caractères GS1 32 attendu)</translation>
    </message>
    <message>
        <source>the character is not allowed (URL-safe base64 is expected: A-Z, a-z, 0-9, - and _)</source>
        <translation>le caractère n&apos;est pas autorisé (base64 compatible URL attendu : A-Z, a-z, 0-9, - et _)</translation>
    </message>
    <message>
        <source>the base64 padding (&apos;=&apos;) is wrong</source>
        <translation>le remplissage base64 (&apos;=&apos;) est incorrect</translation>
    </message>
    <message>
        <source>the check digit is wrong</source>
        <translation>le chiffre de contrôle est incorrect</translation>
    </message>
    <message>
        <source>the data is too short to carry a check digit</source>
        <translation>les données sont trop courtes pour porter un chiffre de contrôle</translation>
    </message>
    <message>
        <source>the check character pair is wrong</source>
        <translation>la paire de caractères de contrôle est incorrecte</translation>
    </message>
    <message>
        <source>the data is too short to carry a check character pair</source>
        <translation>les données sont trop courtes pour porter une paire de caractères de contrôle</translation>
    </message>
    <message>
        <source>the data is too long for a check character pair</source>
        <translation>les données sont trop longues pour une paire de caractères de contrôle</translation>
    </message>
    <message>
        <source>the GS1 Company Prefix could not be checked because the register is offline</source>
        <translation>le préfixe d&apos;entreprise GS1 n&apos;a pas pu être vérifié car le registre est hors ligne</translation>
    </message>
    <message>
        <source>the data is too short to start with a GS1 Company Prefix</source>
        <translation>les données sont trop courtes pour commencer par un préfixe d&apos;entreprise GS1</translation>
    </message>
    <message>
        <source>a valid GS1 Company Prefix is expected</source>
        <translation>un préfixe d&apos;entreprise GS1 valide est attendu</translation>
    </message>
    <message>
        <source>the importer index must be a single character</source>
        <translation>l&apos;index d&apos;importateur doit être un seul caractère</translation>
    </message>
    <message>
        <source>the importer index must be one of A-Z, a-z, 0-9, - or _</source>
        <translation>l&apos;index d&apos;importateur doit être A-Z, a-z, 0-9, - ou _</translation>
    </message>
    <message>
        <source>the value must not be zero</source>
        <translation>la valeur ne doit pas être nulle</translation>
    </message>
    <message>
        <source>the value must be zero</source>
        <translation>la valeur doit être nulle</translation>
    </message>
    <message>
        <source>the number must not start with a zero</source>
        <translation>le nombre ne doit pas commencer par un zéro</translation>
    </message>
    <message>
        <source>&quot;0&quot; or &quot;1&quot; is expected</source>
        <translation>« 0 » ou « 1 » est attendu</translation>
    </message>
    <message>
        <source>the winding direction must be &quot;0&quot;, &quot;1&quot; or &quot;9&quot;</source>
        <translation>le sens d&apos;enroulement doit être « 0 », « 1 » ou « 9 »</translation>
    </message>
    <message>
        <source>an ISO 3166 country code is expected</source>
        <translation>un code pays ISO 3166 est attendu</translation>
    </message>
    <message>
        <source>an ISO 3166 country code or &quot;999&quot; is expected</source>
        <translation>un code pays ISO 3166 ou « 999 » est attendu</translation>
    </message>
    <message>
        <source>an ISO 3166 two-letter country code is expected</source>
        <translation>un code pays ISO 3166 à deux lettres est attendu</translation>
    </message>
    <message>
        <source>an ISO 4217 currency code is expected</source>
        <translation>un code de devise ISO 4217 est attendu</translation>
    </message>
    <message>
        <source>the IBAN is too short</source>
        <translation>l&apos;IBAN est trop court</translation>
    </message>
    <message>
        <source>the IBAN is too long (at most 34 characters)</source>
        <translation>l&apos;IBAN est trop long (34 caractères au plus)</translation>
    </message>
    <message>
        <source>the IBAN may only contain digits and capital letters</source>
        <translation>l&apos;IBAN ne peut contenir que des chiffres et des majuscules</translation>
    </message>
    <message>
        <source>the IBAN must start with an ISO 3166 two-letter country code</source>
        <translation>l&apos;IBAN doit commencer par un code pays ISO 3166 à deux lettres</translation>
    </message>
    <message>
        <source>the IBAN check digits are wrong</source>
        <translation>les chiffres de contrôle de l&apos;IBAN sont incorrects</translation>
    </message>
    <message>
        <source>the date is too short</source>
        <translation>la date est trop courte</translation>
    </message>
    <message>
        <source>the date is too long</source>
        <translation>la date est trop longue</translation>
    </message>
    <message>
        <source>the date and hour are too short (YYMMDDHH is expected)</source>
        <translation>la date et l&apos;heure sont trop courtes (AAMMJJHH attendu)</translation>
    </message>
    <message>
        <source>the date and hour are too long (YYMMDDHH is expected)</source>
        <translation>la date et l&apos;heure sont trop longues (AAMMJJHH attendu)</translation>
    </message>
    <message>
        <source>the time is too short (HHMM is expected)</source>
        <translation>l&apos;heure est trop courte (HHMM attendu)</translation>
    </message>
    <message>
        <source>the time is too long (HHMM is expected)</source>
        <translation>l&apos;heure est trop longue (HHMM attendu)</translation>
    </message>
    <message>
        <source>minutes with optional seconds must be MM or MMSS</source>
        <translation>les minutes avec secondes facultatives doivent être MM ou MMSS</translation>
    </message>
    <message>
        <source>the month is not valid</source>
        <translation>le mois n&apos;est pas valide</translation>
    </message>
    <message>
        <source>the day is not valid for the month</source>
        <translation>le jour n&apos;est pas valide pour ce mois</translation>
    </message>
    <message>
        <source>the hour is not valid</source>
        <translation>l&apos;heure n&apos;est pas valide</translation>
    </message>
    <message>
        <source>the minute is not valid</source>
        <translation>la minute n&apos;est pas valide</translation>
    </message>
    <message>
        <source>the second is not valid</source>
        <translation>la seconde n&apos;est pas valide</translation>
    </message>
    <message>
        <source>the hour is too short (HH is expected)</source>
        <translation>l&apos;heure est trop courte (HH attendu)</translation>
    </message>
    <message>
        <source>the hour is too long (HH is expected)</source>
        <translation>l&apos;heure est trop longue (HH attendu)</translation>
    </message>
    <message>
        <source>the minute is too short (MM is expected)</source>
        <translation>la minute est trop courte (MM attendu)</translation>
    </message>
    <message>
        <source>the minute is too long (MM is expected)</source>
        <translation>la minute est trop longue (MM attendu)</translation>
    </message>
    <message>
        <source>the second is too short (SS is expected)</source>
        <translation>la seconde est trop courte (SS attendu)</translation>
    </message>
    <message>
        <source>the second is too long (SS is expected)</source>
        <translation>la seconde est trop longue (SS attendu)</translation>
    </message>
    <message>
        <source>the piece number and total must have the same number of digits</source>
        <translation>le numéro de pièce et le total doivent avoir le même nombre de chiffres</translation>
    </message>
    <message>
        <source>the piece number must not be zero</source>
        <translation>le numéro de pièce ne doit pas être nul</translation>
    </message>
    <message>
        <source>the total number of pieces must not be zero</source>
        <translation>le nombre total de pièces ne doit pas être nul</translation>
    </message>
    <message>
        <source>the piece number must not exceed the total number of pieces</source>
        <translation>le numéro de pièce ne doit pas dépasser le nombre total de pièces</translation>
    </message>
    <message>
        <source>a percent sign must be followed by two hexadecimal digits</source>
        <translation>un signe pourcent doit être suivi de deux chiffres hexadécimaux</translation>
    </message>
    <message>
        <source>the coupon format code is missing</source>
        <translation>le code de format du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon format code must be &quot;0&quot; or &quot;1&quot;</source>
        <translation>le code de format du coupon doit être « 0 » ou « 1 »</translation>
    </message>
    <message>
        <source>the coupon funder length indicator is missing</source>
        <translation>l&apos;indicateur de longueur du financeur du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon funder length indicator must be &quot;0&quot; to &quot;6&quot;</source>
        <translation>l&apos;indicateur de longueur du financeur du coupon doit être de « 0 » à « 6 »</translation>
    </message>
    <message>
        <source>the coupon funder ID is shorter than its length indicator says</source>
        <translation>l&apos;identifiant du financeur du coupon est plus court que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon offer code must have six digits</source>
        <translation>le code d&apos;offre du coupon doit comporter six chiffres</translation>
    </message>
    <message>
        <source>the coupon serial number length indicator is missing</source>
        <translation>l&apos;indicateur de longueur du numéro de série du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon serial number is shorter than its length indicator says</source>
        <translation>le numéro de série du coupon est plus court que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon company prefix length indicator is missing</source>
        <translation>l&apos;indicateur de longueur du préfixe d&apos;entreprise du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon company prefix length indicator must be &quot;0&quot; to &quot;6&quot;</source>
        <translation>l&apos;indicateur de longueur du préfixe d&apos;entreprise du coupon doit être de « 0 » à « 6 »</translation>
    </message>
    <message>
        <source>the coupon company prefix is shorter than its length indicator says</source>
        <translation>le préfixe d&apos;entreprise du coupon est plus court que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon save value length indicator is missing</source>
        <translation>l&apos;indicateur de longueur de la valeur de remise du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon save value length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>l&apos;indicateur de longueur de la valeur de remise du coupon doit être de « 1 » à « 5 »</translation>
    </message>
    <message>
        <source>the coupon save value is shorter than its length indicator says</source>
        <translation>la valeur de remise du coupon est plus courte que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon purchase requirement length indicator is missing</source>
        <translation>l&apos;indicateur de longueur de la condition d&apos;achat du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>l&apos;indicateur de longueur de la condition d&apos;achat du coupon doit être de « 1 » à « 5 »</translation>
    </message>
    <message>
        <source>the coupon purchase requirement is shorter than its length indicator says</source>
        <translation>la condition d&apos;achat du coupon est plus courte que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon purchase requirement code is missing</source>
        <translation>le code de condition d&apos;achat du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>le code de condition d&apos;achat du coupon doit être de « 0 » à « 4 » ou « 9 »</translation>
    </message>
    <message>
        <source>the coupon purchase family code must have three digits</source>
        <translation>le code de famille d&apos;achat du coupon doit comporter trois chiffres</translation>
    </message>
    <message>
        <source>the coupon additional purchase rules code is missing</source>
        <translation>le code des règles d&apos;achat supplémentaires du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon additional purchase rules code must be &quot;0&quot; to &quot;3&quot;</source>
        <translation>le code des règles d&apos;achat supplémentaires du coupon doit être de « 0 » à « 3 »</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement length indicator is missing</source>
        <translation>l&apos;indicateur de longueur de la deuxième condition d&apos;achat du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>l&apos;indicateur de longueur de la deuxième condition d&apos;achat du coupon doit être de « 1 » à « 5 »</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement is shorter than its length indicator says</source>
        <translation>la deuxième condition d&apos;achat du coupon est plus courte que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement code is missing</source>
        <translation>le code de la deuxième condition d&apos;achat du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>le code de la deuxième condition d&apos;achat du coupon doit être de « 0 » à « 4 » ou « 9 »</translation>
    </message>
    <message>
        <source>the coupon second purchase family code must have three digits</source>
        <translation>le code de famille du deuxième achat du coupon doit comporter trois chiffres</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix length indicator is missing</source>
        <translation>l&apos;indicateur de longueur du préfixe d&apos;entreprise du deuxième achat du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix length indicator must be &quot;0&quot; to &quot;6&quot; or &quot;9&quot;</source>
        <translation>l&apos;indicateur de longueur du préfixe d&apos;entreprise du deuxième achat du coupon doit être de « 0 » à « 6 » ou « 9 »</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix is shorter than its length indicator says</source>
        <translation>le préfixe d&apos;entreprise du deuxième achat du coupon est plus court que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement length indicator is missing</source>
        <translation>l&apos;indicateur de longueur de la troisième condition d&apos;achat du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>l&apos;indicateur de longueur de la troisième condition d&apos;achat du coupon doit être de « 1 » à « 5 »</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement is shorter than its length indicator says</source>
        <translation>la troisième condition d&apos;achat du coupon est plus courte que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement code is missing</source>
        <translation>le code de la troisième condition d&apos;achat du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>le code de la troisième condition d&apos;achat du coupon doit être de « 0 » à « 4 » ou « 9 »</translation>
    </message>
    <message>
        <source>the coupon third purchase family code must have three digits</source>
        <translation>le code de famille du troisième achat du coupon doit comporter trois chiffres</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix length indicator is missing</source>
        <translation>l&apos;indicateur de longueur du préfixe d&apos;entreprise du troisième achat du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix length indicator must be &quot;0&quot; to &quot;6&quot; or &quot;9&quot;</source>
        <translation>l&apos;indicateur de longueur du préfixe d&apos;entreprise du troisième achat du coupon doit être de « 0 » à « 6 » ou « 9 »</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix is shorter than its length indicator says</source>
        <translation>le préfixe d&apos;entreprise du troisième achat du coupon est plus court que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon expiration date is too short (YYMMDD is expected)</source>
        <translation>la date d&apos;expiration du coupon est trop courte (AAMMJJ attendu)</translation>
    </message>
    <message>
        <source>the coupon expiration date is not a valid date</source>
        <translation>la date d&apos;expiration du coupon n&apos;est pas une date valide</translation>
    </message>
    <message>
        <source>the coupon start date is too short (YYMMDD is expected)</source>
        <translation>la date de début du coupon est trop courte (AAMMJJ attendu)</translation>
    </message>
    <message>
        <source>the coupon start date is not a valid date</source>
        <translation>la date de début du coupon n&apos;est pas une date valide</translation>
    </message>
    <message>
        <source>the coupon expires before its start date</source>
        <translation>le coupon expire avant sa date de début</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN length indicator is missing</source>
        <translation>l&apos;indicateur de longueur du préfixe d&apos;entreprise ou du GLN du détaillant du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN length indicator must be &quot;1&quot; to &quot;7&quot;</source>
        <translation>l&apos;indicateur de longueur du préfixe d&apos;entreprise ou du GLN du détaillant du coupon doit être de « 1 » à « 7 »</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN is shorter than its length indicator says</source>
        <translation>le préfixe d&apos;entreprise ou le GLN du détaillant du coupon est plus court que ne l&apos;indique sa longueur</translation>
    </message>
    <message>
        <source>the coupon save value code is missing</source>
        <translation>le code de valeur de remise du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon save value code must be &quot;0&quot;, &quot;1&quot;, &quot;2&quot;, &quot;5&quot; or &quot;6&quot;</source>
        <translation>le code de valeur de remise du coupon doit être « 0 », « 1 », « 2 », « 5 » ou « 6 »</translation>
    </message>
    <message>
        <source>the coupon &quot;save value applies to item&quot; field is missing</source>
        <translation>le champ « la remise s&apos;applique à l&apos;article » du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon &quot;save value applies to item&quot; field must be &quot;0&quot; to &quot;2&quot;</source>
        <translation>le champ « la remise s&apos;applique à l&apos;article » du coupon doit être de « 0 » à « 2 »</translation>
    </message>
    <message>
        <source>the coupon store coupon flag is missing</source>
        <translation>l&apos;indicateur « coupon magasin » du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon &quot;don&apos;t multiply&quot; flag is missing</source>
        <translation>l&apos;indicateur « ne pas multiplier » du coupon est absent</translation>
    </message>
    <message>
        <source>the coupon &quot;don&apos;t multiply&quot; flag must be &quot;0&quot; or &quot;1&quot;</source>
        <translation>l&apos;indicateur « ne pas multiplier » du coupon doit être « 0 » ou « 1 »</translation>
    </message>
    <message>
        <source>the coupon has data after its last recognised field</source>
        <translation>le coupon contient des données après son dernier champ reconnu</translation>
    </message>
    <message>
        <source>the latitude must be between 0000000000 and 1800000000</source>
        <translation>la latitude doit être comprise entre 0000000000 et 1800000000</translation>
    </message>
    <message>
        <source>the longitude must be between 0000000000 and 3600000000</source>
        <translation>la longitude doit être comprise entre 0000000000 et 3600000000</translation>
    </message>
    <message>
        <source>a valid AIDC media type code is expected</source>
        <translation>un code de type de support AIDC valide est attendu</translation>
    </message>
    <message>
        <source>the latitude must have 10 digits</source>
        <translation>la latitude doit comporter 10 chiffres</translation>
    </message>
    <message>
        <source>the longitude must have 10 digits</source>
        <translation>la longitude doit comporter 10 chiffres</translation>
    </message>
    <message>
        <source>the latitude and longitude must have 20 digits together</source>
        <translation>la latitude et la longitude doivent comporter 20 chiffres au total</translation>
    </message>
    <message>
        <source>only hyphens are allowed</source>
        <translation>seuls les traits d&apos;union sont autorisés</translation>
    </message>
    <message>
        <source>an ISO/IEC 5218 sex code (&quot;0&quot;, &quot;1&quot;, &quot;2&quot; or &quot;9&quot;) is expected</source>
        <translation>un code de sexe ISO/IEC 5218 (« 0 », « 1 », « 2 » ou « 9 ») est attendu</translation>
    </message>
    <message>
        <source>the position in sequence must look like &quot;3/10&quot;</source>
        <translation>la position dans la séquence doit avoir la forme « 3/10 »</translation>
    </message>
    <message>
        <source>the position must not exceed the end of the sequence</source>
        <translation>la position ne doit pas dépasser la fin de la séquence</translation>
    </message>
    <message>
        <source>at least one character that is not a digit is required</source>
        <translation>au moins un caractère qui n&apos;est pas un chiffre est requis</translation>
    </message>
    <message>
        <source>a UN/ECE Recommendation 21 package type code is expected</source>
        <translation>un code de type d&apos;emballage selon la recommandation 21 de l&apos;UN/ECE est attendu</translation>
    </message>
    <message>
        <source>the data is not valid</source>
        <translation>les données ne sont pas valides</translation>
    </message>
</context>
<context>
    <name>dpp::sync::SyncEngine</name>
    <message>
        <source>no answer from %1 (%2), retrying in %3 ms</source>
        <translation>pas de réponse de %1 (%2), nouvel essai dans %3 ms</translation>
    </message>
    <message>
        <source>cannot record the server&apos;s id: %1</source>
        <translation>impossible d&apos;enregistrer l&apos;identifiant du serveur : %1</translation>
    </message>
    <message>
        <source>the server %1 answered HTTP %2 repeatedly; try again later</source>
        <translation>le serveur %1 a répondu HTTP %2 à plusieurs reprises ; réessayez plus tard</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>impossible de joindre %1 : %2</translation>
    </message>
    <message>
        <source>the server refused the API key (HTTP %1): %2</source>
        <translation>le serveur a refusé la clé d&apos;API (HTTP %1) : %2</translation>
    </message>
    <message>
        <source>%1 %2 %3 refused (HTTP %4): %5%6</source>
        <translation>%1 %2 %3 refusé (HTTP %4) : %5%6</translation>
    </message>
    <message>
        <source>conflict: %1 %2 changed on the server and here; choose a version</source>
        <translation>conflit : %1 %2 a été modifié sur le serveur et ici ; choisissez une version</translation>
    </message>
    <message>
        <source>cancelled; the next sync resumes with the remaining changes</source>
        <translation>annulé ; la prochaine synchronisation reprend avec les modifications restantes</translation>
    </message>
    <message>
        <source>analytics not pulled: the API key lacks the analytics:read scope</source>
        <translation>statistiques non récupérées : la clé d&apos;API n&apos;a pas le scope analytics:read</translation>
    </message>
    <message>
        <source>%1 %2: the server&apos;s version is not valid here: %3</source>
        <translation>%1 %2 : la version du serveur n&apos;est pas valide ici : %3</translation>
    </message>
    <message>
        <source>pulled %1 %2 from the server</source>
        <translation>%1 %2 récupéré du serveur</translation>
    </message>
</context>
<context>
    <name>dpp::ui::BatteryTab</name>
    <message>
        <source>Battery Regulation (EU) 2023/1542 Annex XIII. The access group in brackets decides who sees a field in the published passport.</source>
        <translation>Règlement (UE) 2023/1542 relatif aux batteries, annexe XIII. Le groupe d&apos;accès entre parenthèses détermine qui voit un champ dans le passeport publié.</translation>
    </message>
    <message>
        <source>Annex XIII (1): publicly accessible</source>
        <translation>Annexe XIII (1) : accessible au public</translation>
    </message>
    <message>
        <source>Annex XIII (2): persons with a legitimate interest and authorities</source>
        <translation>Annexe XIII (2) : personnes ayant un intérêt légitime et autorités</translation>
    </message>
    <message>
        <source>Annex XIII (3): notified bodies, market surveillance, Commission</source>
        <translation>Annexe XIII (3) : organismes notifiés, surveillance du marché, Commission</translation>
    </message>
    <message>
        <source>Annex XIII (4): legitimate interest</source>
        <translation>Annexe XIII (4) : intérêt légitime</translation>
    </message>
    <message>
        <source>Internal (never published)</source>
        <translation>Interne (jamais publié)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ColourButton</name>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>No colour: not drawn</source>
        <translation>Aucune couleur : non dessiné</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>dpp::ui::CompositionTab</name>
    <message>
        <source>Materials</source>
        <translation>Matériaux</translation>
    </message>
    <message>
        <source>Substances of concern</source>
        <translation>Substances préoccupantes</translation>
    </message>
    <message>
        <source>Disassembly steps</source>
        <translation>Étapes de démontage</translation>
    </message>
</context>
<context>
    <name>dpp::ui::DesignerCanvas</name>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Décaler</translation>
    </message>
</context>
<context>
    <name>dpp::ui::DocumentsTab</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>&amp;Joindre un fichier…</translation>
    </message>
    <message>
        <source>Attach document</source>
        <translation>Joindre un document</translation>
    </message>
    <message>
        <source>Attached %1</source>
        <translation>%1 joint</translation>
    </message>
    <message>
        <source>Cannot attach: %1 (%2)</source>
        <translation>Impossible de joindre : %1 (%2)</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Type de document</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>No preview for this file type</source>
        <translation>Aucun aperçu pour ce type de fichier</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>removed on save</source>
        <translation>retiré à l’enregistrement</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>pas encore enregistré</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ElementItem</name>
    <message>
        <source>Rotate</source>
        <translation>Faire pivoter</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Redimensionner</translation>
    </message>
</context>
<context>
    <name>dpp::ui::FieldForm</name>
    <message>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <source>legitimate interest</source>
        <translation>intérêt légitime</translation>
    </message>
    <message>
        <source>legitimate interest and authorities</source>
        <translation>intérêt légitime et autorités</translation>
    </message>
    <message>
        <source>authorities only</source>
        <translation>autorités uniquement</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>interne</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>dpp::ui::GeneralTab</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Add &amp;language</source>
        <translation>&amp;Ajouter une langue</translation>
    </message>
    <message>
        <source>Remove language</source>
        <translation>Supprimer la langue</translation>
    </message>
    <message>
        <source>GTIN-8, -12, -13 or -14</source>
        <translation>GTIN-8, -12, -13 ou -14</translation>
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
        <translation>Chiffre de contrôle correct (GTIN-14 %1)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::JsonTableEditor</name>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Ajouter une ligne</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Monter (&amp;haut)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Descendre (&amp;bas)</translation>
    </message>
    <message>
        <source>&amp;Paste rows</source>
        <translation>&amp;Coller des lignes</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Ligne %1, %2 : %3</translation>
    </message>
</context>
<context>
    <name>dpp::ui::LabelDesignerWindow</name>
    <message>
        <source>Label stock</source>
        <translation>Support d&apos;étiquettes</translation>
    </message>
    <message>
        <source>The stock library could not be read: %1</source>
        <translation>Impossible de lire la bibliothèque de supports : %1</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>Untitled label</source>
        <translation>Étiquette sans titre</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New label…</source>
        <translation>&amp;Nouvelle étiquette…</translation>
    </message>
    <message>
        <source>New from &amp;example</source>
        <translation>Nouvelle depuis un &amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open label</source>
        <translation>Ouvrir une étiquette</translation>
    </message>
    <message>
        <source>Labels (*.dpplabel)</source>
        <translation>Étiquettes (*.dpplabel)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Zoom to &amp;fit</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Actual size (100 %)</source>
        <translation>Taille &amp;réelle (100 %)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Show &amp;grid</source>
        <translation>Afficher la &amp;grille</translation>
    </message>
    <message>
        <source>Snap to g&amp;rid</source>
        <translation>Aimanter à la g&amp;rille</translation>
    </message>
    <message>
        <source>Snap to &amp;elements</source>
        <translation>Aimanter aux &amp;éléments</translation>
    </message>
    <message>
        <source>Rulers in &amp;inches</source>
        <translation>Règles en &amp;pouces</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Insertion</translation>
    </message>
    <message>
        <source>Toolbox</source>
        <translation>Boîte à outils</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Code QR</translation>
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
        <translation>Image…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>&amp;Disposition</translation>
    </message>
    <message>
        <source>Align &amp;left</source>
        <translation>Aligner à &amp;gauche</translation>
    </message>
    <message>
        <source>Align &amp;centre</source>
        <translation>Aligner au &amp;centre</translation>
    </message>
    <message>
        <source>Align &amp;right</source>
        <translation>Aligner à &amp;droite</translation>
    </message>
    <message>
        <source>Align &amp;top</source>
        <translation>Aligner en &amp;haut</translation>
    </message>
    <message>
        <source>Align &amp;middle</source>
        <translation>Aligner au &amp;milieu</translation>
    </message>
    <message>
        <source>Align &amp;bottom</source>
        <translation>Aligner en &amp;bas</translation>
    </message>
    <message>
        <source>Distribute &amp;horizontally</source>
        <translation>Répartir &amp;horizontalement</translation>
    </message>
    <message>
        <source>Distribute &amp;vertically</source>
        <translation>Répartir &amp;verticalement</translation>
    </message>
    <message>
        <source>Bring to &amp;front</source>
        <translation>Mettre au &amp;premier plan</translation>
    </message>
    <message>
        <source>Send to &amp;back</source>
        <translation>Mettre à l&apos;&amp;arrière-plan</translation>
    </message>
    <message>
        <source>Rotate &amp;90°</source>
        <translation>Faire pivoter de &amp;90°</translation>
    </message>
    <message>
        <source>&amp;Lock / unlock</source>
        <translation>&amp;Verrouiller / déverrouiller</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler : %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir : %1</translation>
    </message>
    <message>
        <source>%1[*] — Label designer</source>
        <translation>%1[*] — Éditeur d&apos;étiquettes</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <source>There is no label stock &apos;%1&apos;.</source>
        <translation>Le support d&apos;étiquettes « %1 » n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 cannot be opened.
%2</source>
        <translation>Impossible d&apos;ouvrir %1.
%2</translation>
    </message>
    <message>
        <source>New from example</source>
        <translation>Nouvelle depuis un exemple</translation>
    </message>
    <message>
        <source>Save label</source>
        <translation>Enregistrer l&apos;étiquette</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 n&apos;a pas été enregistré : %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Label designer</source>
        <translation>Éditeur d&apos;étiquettes</translation>
    </message>
    <message>
        <source>The label has unsaved changes. Save them?</source>
        <translation>L&apos;étiquette contient des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Insérer une image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg *.pdf)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Aligner</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>Répartir</translation>
    </message>
    <message>
        <source>Bring to front</source>
        <translation>Mettre au premier plan</translation>
    </message>
    <message>
        <source>Send to back</source>
        <translation>Mettre à l&apos;arrière-plan</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Faire pivoter</translation>
    </message>
</context>
<context>
    <name>dpp::ui::LocalServer</name>
    <message>
        <source>open a store before publishing</source>
        <translation>ouvrez une base de données avant de publier</translation>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>Label &amp;designer</source>
        <translation>É&amp;diteur d&apos;étiquettes</translation>
    </message>
    <message>
        <source>&amp;New label from stock…</source>
        <translation>&amp;Nouvelle étiquette sur un support…</translation>
    </message>
    <message>
        <source>New from &amp;example</source>
        <translation>Nouvelle depuis un &amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Open label…</source>
        <translation>&amp;Ouvrir une étiquette…</translation>
    </message>
    <message>
        <source>Open label</source>
        <translation>Ouvrir une étiquette</translation>
    </message>
    <message>
        <source>Labels (*.dpplabel)</source>
        <translation>Étiquettes (*.dpplabel)</translation>
    </message>
    <message>
        <source>Publish locally</source>
        <translation>Publier localement</translation>
    </message>
    <message>
        <source>Server: stopped</source>
        <translation>Serveur : arrêté</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur : %1</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publication</translation>
    </message>
    <message>
        <source>Publish &amp;locally…</source>
        <translation>Publier &amp;localement…</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>No store open</source>
        <translation>Aucune base ouverte</translation>
    </message>
    <message>
        <source>&amp;New product</source>
        <translation>&amp;Nouveau produit</translation>
    </message>
    <message>
        <source>New &amp;store…</source>
        <translation>Nouvelle &amp;base…</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <source>Open &amp;PostgreSQL store…</source>
        <translation>Ouvrir une base Post&amp;greSQL…</translation>
    </message>
    <message>
        <source>&amp;Recent stores</source>
        <translation>Bases &amp;récentes</translation>
    </message>
    <message>
        <source>&amp;Save product</source>
        <translation>&amp;Enregistrer le produit</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Fermer l&apos;onglet</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation>&amp;Produits</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>&amp;Find product</source>
        <translation>Rechercher un pro&amp;duit</translation>
    </message>
    <message>
        <source>the open editors have unsaved changes</source>
        <translation>les éditeurs ouverts contiennent des modifications non enregistrées</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Base : %1</translation>
    </message>
    <message>
        <source>Open a store first (File ▸ Open store…)</source>
        <translation>Ouvrez d&apos;abord une base (Fichier ▸ Ouvrir une base…)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Discard them?</source>
        <translation>%1 contient des modifications non enregistrées. Les abandonner ?</translation>
    </message>
    <message>
        <source>Cannot open store</source>
        <translation>Impossible d&apos;ouvrir la base</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>New store</source>
        <translation>Nouvelle base</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db)</source>
        <translation>Bases SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>%1 already exists; use Open store to open it.</source>
        <translation>%1 existe déjà ; utilisez « Ouvrir une base » pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db);;All files (*)</source>
        <translation>Bases SQLite (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open PostgreSQL store</source>
        <translation>Ouvrir une base PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL URL (postgresql://user:password@host:5432/database):</source>
        <translation>URL PostgreSQL (postgresql://utilisateur:motdepasse@hôte:5432/base) :</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://</source>
        <translation>L&apos;URL doit commencer par postgresql://</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchroniser</translation>
    </message>
    <message>
        <source>&amp;Sync with server…</source>
        <translation>&amp;Synchroniser avec le serveur…</translation>
    </message>
</context>
<context>
    <name>dpp::ui::MergeFieldPicker</name>
    <message>
        <source>Insert field</source>
        <translation>Insérer un champ</translation>
    </message>
    <message>
        <source>Insert a merge field such as {{serial}} at the cursor</source>
        <translation>Insérer un champ de fusion tel que {{serial}} au curseur</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PassportTab</name>
    <message>
        <source>&amp;Publish passport…</source>
        <translation>&amp;Publier le passeport…</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Every published version stays in the history, so any scan result can be reproduced. The hash is the SHA-256 of the version&apos;s canonical JSON.</source>
        <translation>Chaque version publiée reste dans l&apos;historique, afin que tout résultat de scan puisse être reproduit. L&apos;empreinte est le SHA-256 du JSON canonique de la version.</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Target (host:9100, cups:QUEUE or printer)</source>
        <translation>Cible (hôte:9100, cups:FILE ou imprimante)</translation>
    </message>
    <message>
        <source>Calibration (JSON)</source>
        <translation>Étalonnage (JSON)</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>Ajouter une imprimante</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>Supprimer l&apos;imprimante</translation>
    </message>
    <message>
        <source>Printer %1</source>
        <translation>Imprimante %1</translation>
    </message>
    <message>
        <source>&amp;Language (after restart)</source>
        <translation>&amp;Langue (après redémarrage)</translation>
    </message>
    <message>
        <source>Default &amp;resolver base URL</source>
        <translation>URL de base du &amp;résolveur par défaut</translation>
    </message>
    <message>
        <source>Sync &amp;server URL</source>
        <translation>URL du &amp;serveur de synchronisation</translation>
    </message>
    <message>
        <source>Sync API &amp;key</source>
        <translation>&amp;Clé d&apos;API de synchronisation</translation>
    </message>
    <message>
        <source>Printers and calibration</source>
        <translation>Imprimantes et étalonnage</translation>
    </message>
    <message>
        <source>%1: is required</source>
        <translation>%1 : obligatoire</translation>
    </message>
    <message>
        <source>%1: must be an http(s) URL such as https://id.example.com</source>
        <translation>%1 : doit être une URL http(s) comme https://id.example.com</translation>
    </message>
    <message>
        <source>Resolver base URL</source>
        <translation>URL de base du résolveur</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <source>Printer %1 calibration: must be a JSON object</source>
        <translation>Étalonnage de l&apos;imprimante %1 : doit être un objet JSON</translation>
    </message>
    <message>
        <source>Printer %1 calibration %2: %3</source>
        <translation>Étalonnage de l&apos;imprimante %1, %2 : %3</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PreviewPanel</name>
    <message>
        <source>The label&apos;s own merge source</source>
        <translation>La source de données de l&apos;étiquette</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PrintDialog</name>
    <message>
        <source>Print labels</source>
        <translation>Imprimer des étiquettes</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Fichier PDF</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>Imprimer en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>The label&apos;s own merge source</source>
        <translation>La source de données de l&apos;étiquette</translation>
    </message>
    <message>
        <source>Serial range</source>
        <translation>Plage de numéros de série</translation>
    </message>
    <message>
        <source>Serial batch from the store</source>
        <translation>Lot de numéros de série de la base</translation>
    </message>
    <message>
        <source>Products from the store</source>
        <translation>Produits de la base</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Fichier CSV</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>As saved in the label file.</source>
        <translation>Tels qu&apos;enregistrés dans le fichier d&apos;étiquette.</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>Numéros de série</translation>
    </message>
    <message>
        <source>CSV file with a header row</source>
        <translation>Fichier CSV avec une ligne d&apos;en-tête</translation>
    </message>
    <message>
        <source>%1 · %2 serials from %3</source>
        <translation>%1 · %2 numéros de série à partir de %3</translation>
    </message>
    <message>
        <source>Copies of each label</source>
        <translation>Copies de chaque étiquette</translation>
    </message>
    <message>
        <source>Start at this label (after a cancelled or failed job)</source>
        <translation>Commencer à cette étiquette (après une tâche annulée ou échouée)</translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation>Commencer à l&apos;étiquette</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Calibration offset (x, y)</source>
        <translation>Décalage d&apos;étalonnage (x, y)</translation>
    </message>
    <message>
        <source>Verified print: decode every symbol layout before printing</source>
        <translation>Impression vérifiée : décoder chaque disposition de symbole avant l&apos;impression</translation>
    </message>
    <message>
        <source>The print report and the verification results appear here.</source>
        <translation>Le rapport d&apos;impression et les résultats de la vérification apparaissent ici.</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimer</translation>
    </message>
    <message>
        <source>C&amp;ancel job</source>
        <translation>&amp;Annuler la tâche</translation>
    </message>
    <message>
        <source>Preview (first pages)</source>
        <translation>Aperçu (premières pages)</translation>
    </message>
    <message>
        <source>Update preview</source>
        <translation>Actualiser l&apos;aperçu</translation>
    </message>
    <message>
        <source>%1 (CUPS)</source>
        <translation>%1 (CUPS)</translation>
    </message>
    <message>
        <source>%1 (ZPL, network)</source>
        <translation>%1 (ZPL, réseau)</translation>
    </message>
    <message>
        <source>%1 (ZPL, raw CUPS queue)</source>
        <translation>%1 (ZPL, file CUPS brute)</translation>
    </message>
    <message>
        <source>choose the PDF file to print to</source>
        <translation>choisissez le fichier PDF dans lequel imprimer</translation>
    </message>
    <message>
        <source>choose a printer</source>
        <translation>choisissez une imprimante</translation>
    </message>
    <message>
        <source>a serial range needs the product&apos;s GTIN</source>
        <translation>une plage de numéros de série nécessite le GTIN du produit</translation>
    </message>
    <message>
        <source>give the serials, e.g. SN000001-SN000500</source>
        <translation>indiquez les numéros de série, p. ex. SN000001-SN000500</translation>
    </message>
    <message>
        <source>the store has no serial batch to print</source>
        <translation>la base ne contient aucun lot de numéros de série à imprimer</translation>
    </message>
    <message>
        <source>no store is open</source>
        <translation>aucune base n&apos;est ouverte</translation>
    </message>
    <message>
        <source>choose the CSV file</source>
        <translation>choisissez le fichier CSV</translation>
    </message>
    <message>
        <source>%1 (%2 × %3 mm)</source>
        <translation>%1 (%2 × %3 mm)</translation>
    </message>
    <message>
        <source>%1: fits this printer</source>
        <translation>%1 : convient à cette imprimante</translation>
    </message>
    <message>
        <source>Cannot preview: %1: %2</source>
        <translation>Aperçu impossible : %1 : %2</translation>
    </message>
    <message>
        <source>Cannot preview: %1</source>
        <translation>Aperçu impossible : %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>Not printed. %1</source>
        <translation>Non imprimé. %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) printed.</source>
        <translation>
            <numerusform>%n étiquette imprimée.</numerusform>
            <numerusform>%n étiquettes imprimées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Arrêté : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent before it stopped; Print resumes at label %1.</source>
        <translation>
            <numerusform>%n étiquette envoyée avant l&apos;arrêt ; Imprimer reprend à l&apos;étiquette %1.</numerusform>
            <numerusform>%n étiquettes envoyées avant l&apos;arrêt ; Imprimer reprend à l&apos;étiquette %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification (each symbol layout decoded back):</source>
        <translation>Vérification (chaque disposition de symbole décodée) :</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4: %5</source>
        <translation>%1 %2 %3 %4 : %5</translation>
    </message>
    <message>
        <source>Continue after the last serial a job sent to the printer</source>
        <translation>Reprendre après le dernier numéro de série envoyé à l’imprimante</translation>
    </message>
    <message>
        <source>e.g. SN000010-SN000020 (already printed serials)</source>
        <translation>p. ex. SN000010-SN000020 (numéros de série déjà imprimés)</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot de séries</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Réimpression</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent before it stopped; Print continues after the last serial sent.</source>
        <translation>
            <numerusform>%n étiquette envoyée avant l’arrêt ; Imprimer reprend après le dernier numéro de série envoyé.</numerusform>
            <numerusform>%n étiquettes envoyées avant l’arrêt ; Imprimer reprend après le dernier numéro de série envoyé.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductBrowser</name>
    <message>
        <source>Search name, GTIN or SKU</source>
        <translation>Rechercher un nom, GTIN ou SKU</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimés</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n produit</numerusform>
            <numerusform>%n produits</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot list products: %1</source>
        <translation>Impossible de lister les produits : %1</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductDocument</name>
    <message>
        <source>no product with id %1</source>
        <translation>aucun produit avec l&apos;identifiant %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>save the product before publishing</source>
        <translation>enregistrez le produit avant de le publier</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>Joindre %1</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Retirer le document</translation>
    </message>
    <message>
        <source>New serial batch</source>
        <translation>Nouveau lot de numéros de série</translation>
    </message>
    <message>
        <source>Remove serial batch</source>
        <translation>Retirer le lot de numéros de série</translation>
    </message>
    <message>
        <source>Add battery unit</source>
        <translation>Ajouter une batterie</translation>
    </message>
    <message>
        <source>choose a battery unit</source>
        <translation>choisissez une batterie</translation>
    </message>
    <message>
        <source>Add SoH reading</source>
        <translation>Ajouter une mesure SoH</translation>
    </message>
    <message>
        <source>Add lifecycle event</source>
        <translation>Ajouter un événement du cycle de vie</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>doit être l’un de : %1</translation>
    </message>
    <message>
        <source>Change battery status</source>
        <translation>Changer le statut de la batterie</translation>
    </message>
    <message>
        <source>Link supplier</source>
        <translation>Associer un fournisseur</translation>
    </message>
    <message>
        <source>the supplier is not linked to this product</source>
        <translation>le fournisseur n’est pas associé à ce produit</translation>
    </message>
    <message>
        <source>Unlink supplier</source>
        <translation>Dissocier le fournisseur</translation>
    </message>
    <message>
        <source>no stored serial batch of this product (save a new batch first)</source>
        <translation>aucun lot de numéros de série enregistré pour ce produit (enregistrez d’abord un nouveau lot)</translation>
    </message>
    <message>
        <source>Set serial %1 to %2</source>
        <translation>Passer le numéro de série %1 à %2</translation>
    </message>
    <message>
        <source>Set %1 serials to %2</source>
        <translation>Passer %1 numéros de série à %2</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Wine e-label</source>
        <translation>Étiquette électronique du &amp;vin</translation>
    </message>
    <message>
        <source>&amp;Battery</source>
        <translation>&amp;Batterie</translation>
    </message>
    <message>
        <source>&amp;Composition</source>
        <translation>&amp;Composition</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>En&amp;registrements</translation>
    </message>
    <message>
        <source>&amp;Passport</source>
        <translation>&amp;Passeport</translation>
    </message>
    <message>
        <source>To fix before saving:</source>
        <translation>À corriger avant d&apos;enregistrer :</translation>
    </message>
    <message>
        <source>Cannot open the product: %1</source>
        <translation>Impossible d&apos;ouvrir le produit : %1</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Nouveau produit</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix first</source>
        <translation>
            <numerusform>%n problème à corriger d&apos;abord</numerusform>
            <numerusform>%n problèmes à corriger d&apos;abord</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>Non enregistré : %1 : %2</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
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
        <translation>Nom</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PropertyPanel</name>
    <message>
        <source>Nothing selected</source>
        <translation>Aucune sélection</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Élément</translation>
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
        <translation>Largeur (mm)</translation>
    </message>
    <message>
        <source>Height (mm)</source>
        <translation>Hauteur (mm)</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Faire pivoter</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Change order</source>
        <translation>Modifier l&apos;ordre</translation>
    </message>
    <message>
        <source>Z-order</source>
        <translation>Ordre d&apos;empilement</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Modifier le texte</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Change font</source>
        <translation>Modifier la police</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Police</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Change font size</source>
        <translation>Modifier la taille de police</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Gras</translation>
    </message>
    <message>
        <source>Shrink to fit</source>
        <translation>Réduire pour ajuster</translation>
    </message>
    <message>
        <source>Digital Link of the record</source>
        <translation>Digital Link de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>GS1 element string</source>
        <translation>Chaîne d&apos;éléments GS1</translation>
    </message>
    <message>
        <source>Literal text</source>
        <translation>Texte littéral</translation>
    </message>
    <message>
        <source>Change content</source>
        <translation>Modifier le contenu</translation>
    </message>
    <message>
        <source>Encodes</source>
        <translation>Encode</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Module (mm)</source>
        <translation>Module (mm)</translation>
    </message>
    <message>
        <source>Change error correction</source>
        <translation>Modifier la correction d&apos;erreurs</translation>
    </message>
    <message>
        <source>Error correction</source>
        <translation>Correction d&apos;erreurs</translation>
    </message>
    <message>
        <source>Change barcode type</source>
        <translation>Modifier le type de code-barres</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Code-barres</translation>
    </message>
    <message>
        <source>Digits under the bars</source>
        <translation>Chiffres sous les barres</translation>
    </message>
    <message>
        <source>Change barcode</source>
        <translation>Modifier le code-barres</translation>
    </message>
    <message>
        <source>Change image</source>
        <translation>Modifier l&apos;image</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Fichier image</translation>
    </message>
    <message>
        <source>Line width (mm)</source>
        <translation>Épaisseur du trait (mm)</translation>
    </message>
    <message>
        <source>Change fill</source>
        <translation>Modifier le remplissage</translation>
    </message>
    <message>
        <source>Merge field</source>
        <translation>Champ de fusion</translation>
    </message>
    <message>
        <source>Change size or position</source>
        <translation>Modifier la taille ou la position</translation>
    </message>
    <message numerus="yes">
        <source>%n elements selected</source>
        <translation>
            <numerusform>%n élément sélectionné</numerusform>
            <numerusform>%n éléments sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>Insérer %1</translation>
    </message>
    <message>
        <source>Change text colour</source>
        <translation>Changer la couleur du texte</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Couleur du texte</translation>
    </message>
    <message>
        <source>Change line colour</source>
        <translation>Changer la couleur du trait</translation>
    </message>
    <message>
        <source>Line colour</source>
        <translation>Couleur du trait</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplissage</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PublishDialog</name>
    <message>
        <source>Publish passport</source>
        <translation>Publier le passeport</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>Changes against published version %1 (SHA-256 %2):</source>
        <translation>Modifications par rapport à la version publiée %1 (SHA-256 %2) :</translation>
    </message>
    <message>
        <source>Nothing is published yet; every field below is new:</source>
        <translation>Rien n&apos;est encore publié ; chaque champ ci-dessous est nouveau :</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publier</translation>
    </message>
    <message>
        <source>Save the product first: publishing uses the saved data.</source>
        <translation>Enregistrez d&apos;abord le produit : la publication utilise les données enregistrées.</translation>
    </message>
    <message>
        <source>The published version is up to date.</source>
        <translation>La version publiée est à jour.</translation>
    </message>
    <message>
        <source>Not published: %1 (%2)</source>
        <translation>Non publié : %1 (%2)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PublishPanel</name>
    <message>
        <source>any free port</source>
        <translation>n&apos;importe quel port libre</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Reachable from the local network (phones)</source>
        <translation>Accessible depuis le réseau local (téléphones)</translation>
    </message>
    <message>
        <source>Off: only this computer can connect (127.0.0.1).</source>
        <translation>Désactivé : seul cet ordinateur peut se connecter (127.0.0.1).</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>Base URL for links</source>
        <translation>URL de base des liens</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Résolveur</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Digital Link</source>
        <translation>Digital Link</translation>
    </message>
    <message>
        <source>Running on port %1</source>
        <translation>En cours d&apos;exécution sur le port %1</translation>
    </message>
    <message>
        <source>Base URL: must start with http:// or https://</source>
        <translation>URL de base : doit commencer par http:// ou https://</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Non démarré : %1</translation>
    </message>
</context>
<context>
    <name>dpp::ui::RecordsTab</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>GLN</source>
        <translation>GLN</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>First serial</source>
        <translation>Premier numéro de série</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Unique identifier</source>
        <translation>Identifiant unique</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Link supplier…</source>
        <translation>Associer un fournisseur…</translation>
    </message>
    <message>
        <source>Unlink supplier</source>
        <translation>Dissocier le fournisseur</translation>
    </message>
    <message>
        <source>New sequential batch…</source>
        <translation>Nouveau lot séquentiel…</translation>
    </message>
    <message>
        <source>New serial batch</source>
        <translation>Nouveau lot de numéros de série</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>First number</source>
        <translation>Premier numéro</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Add battery unit…</source>
        <translation>Ajouter une unité de batterie…</translation>
    </message>
    <message>
        <source>Add battery unit</source>
        <translation>Ajouter une unité de batterie</translation>
    </message>
    <message>
        <source>Unique identifier (e.g. its Digital Link)</source>
        <translation>Identifiant unique (par ex. son Digital Link)</translation>
    </message>
    <message>
        <source>Add SoH reading…</source>
        <translation>Ajouter une mesure d&apos;état de santé…</translation>
    </message>
    <message>
        <source>State of health</source>
        <translation>État de santé</translation>
    </message>
    <message>
        <source>State of health (%)</source>
        <translation>État de santé (%)</translation>
    </message>
    <message>
        <source>Add lifecycle event…</source>
        <translation>Ajouter un événement du cycle de vie…</translation>
    </message>
    <message>
        <source>Lifecycle event</source>
        <translation>Événement du cycle de vie</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Fournisseurs</translation>
    </message>
    <message>
        <source>Serial batches</source>
        <translation>Lots de numéros de série</translation>
    </message>
    <message>
        <source>Battery units</source>
        <translation>Unités de batterie</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Link supplier</source>
        <translation>Associer un fournisseur</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Remove serial batch</source>
        <translation>Retirer le lot de numéros de série</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Changer le statut…</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>Statut de la batterie</translation>
    </message>
    <message>
        <source>Status (Annex XIII 4(c))</source>
        <translation>Statut (annexe XIII 4(c))</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <source>removed on save</source>
        <translation>retiré à l’enregistrement</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
    <message>
        <source>Serials…</source>
        <translation>Numéros de série…</translation>
    </message>
    <message>
        <source>Save the product first: a new batch&apos;s serials are all available until it is stored.</source>
        <translation>Enregistrez d’abord le produit : les numéros de série d’un nouveau lot restent tous disponibles jusqu’à son enregistrement.</translation>
    </message>
    <message>
        <source>%1; stored now: %2</source>
        <translation>%1 ; enregistré actuellement : %2</translation>
    </message>
</context>
<context>
    <name>dpp::ui::SerialStateModel</name>
    <message>
        <source>%1 (not saved yet)</source>
        <translation>%1 (pas encore enregistré)</translation>
    </message>
    <message>
        <source>Stored: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>attribué</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <source>activated</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>decommissioned</source>
        <translation>mis hors service</translation>
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
        <translation>Définir l’état…</translation>
    </message>
    <message>
        <source>Serials of lot %1</source>
        <translation>Numéros de série du lot %1</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>Numéros de série</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Changes are stored when you save the product.</source>
        <translation>Les modifications sont enregistrées lorsque vous enregistrez le produit.</translation>
    </message>
    <message>
        <source>This batch is no longer in the store.</source>
        <translation>Ce lot n’est plus dans la base.</translation>
    </message>
    <message>
        <source>%1 serials: %2</source>
        <translation>%1 numéros de série : %2</translation>
    </message>
    <message>
        <source>No state is allowed next for all selected serials (decommissioned is final; select serials that are in the same step)</source>
        <translation>Aucun état suivant n’est permis pour tous les numéros de série choisis (mis hors service est définitif ; choisissez des numéros de série à la même étape)</translation>
    </message>
    <message>
        <source>Select serials first</source>
        <translation>Choisissez d’abord des numéros de série</translation>
    </message>
    <message>
        <source>select at least one serial</source>
        <translation>choisissez au moins un numéro de série</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>dpp::ui::StockPickerDialog</name>
    <message>
        <source>New label</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <source>Search by size (50x30), vendor or name</source>
        <translation>Rechercher par taille (50x30), fabricant ou nom</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Taille de l&apos;étiquette</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sheet, %1 per page</source>
        <translation>Planche, %1 par page</translation>
    </message>
    <message>
        <source>Roll, die-cut</source>
        <translation>Rouleau, prédécoupé</translation>
    </message>
    <message>
        <source>Roll, continuous</source>
        <translation>Rouleau, continu</translation>
    </message>
</context>
<context>
    <name>dpp::ui::SyncPanel</name>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%v of %m changes</source>
        <translation>%v modifications sur %m</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>La mienne (cet ordinateur)</translation>
    </message>
    <message>
        <source>Theirs (server)</source>
        <translation>La leur (serveur)</translation>
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
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Prendre la leur</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Scans on the server (pulled with each sync)</source>
        <translation>Scans sur le serveur (récupérés à chaque synchronisation)</translation>
    </message>
    <message>
        <source>Set the server URL and API key in Preferences to sync.</source>
        <translation>Indiquez l&apos;URL du serveur et la clé d&apos;API dans les Préférences pour synchroniser.</translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation>Synchronisation avec %1…</translation>
    </message>
    <message>
        <source>%1 of %2 changes pushed, %3 skipped, %4 pulled, %5 conflicts, %6 errors</source>
        <translation>%1 modifications sur %2 envoyées, %3 ignorées, %4 récupérées, %5 conflits, %6 erreurs</translation>
    </message>
    <message>
        <source>; cancelled (the next sync resumes)</source>
        <translation>; annulé (la prochaine synchronisation reprend)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: your version is on the server</source>
        <translation>%1 : votre version est sur le serveur</translation>
    </message>
    <message>
        <source>%1: the server&apos;s version is now here</source>
        <translation>%1 : la version du serveur est maintenant ici</translation>
    </message>
    <message>
        <source>%1 %2: changed here and on the server</source>
        <translation>%1 %2 : modifié ici et sur le serveur</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>au %1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passeport</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Resolver link</source>
        <translation>Lien du résolveur</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>État de la batterie</translation>
    </message>
    <message>
        <source>Serial number state</source>
        <translation>État du numéro de série</translation>
    </message>
</context>
<context>
    <name>dpp::ui::WarningsPanel</name>
    <message>
        <source>No problems found</source>
        <translation>Aucun problème trouvé</translation>
    </message>
</context>
<context>
    <name>dpp::ui::WineTab</name>
    <message>
        <source>The e-label is published as the wine passport. Leave it empty until you start it; once started it must be complete to save.</source>
        <translation>L&apos;étiquette électronique est publiée comme passeport du vin. Laissez-la vide tant que vous ne l&apos;avez pas commencée ; une fois commencée, elle doit être complète pour être enregistrée.</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Vin</translation>
    </message>
    <message>
        <source>Ingredients (in descending order of weight)</source>
        <translation>Ingrédients (par ordre décroissant de poids)</translation>
    </message>
    <message>
        <source>Nutrition declaration per 100 ml</source>
        <translation>Déclaration nutritionnelle pour 100 ml</translation>
    </message>
    <message>
        <source>Allergens</source>
        <translation>Allergènes</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Producers, bottlers, importers</source>
        <translation>Producteurs, embouteilleurs, importateurs</translation>
    </message>
    <message>
        <source>Computed from the nutrients and alcohol: %1 kJ / %2 kcal</source>
        <translation>Calculé à partir des nutriments et de l&apos;alcool : %1 kJ / %2 kcal</translation>
    </message>
</context>
</TS>
