<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open store</source>
        <translation>Não é possível abrir a base de dados</translation>
    </message>
</context>
<context>
    <name>dpp::gs1::Linter</name>
    <message>
        <source>the data is valid</source>
        <translation>os dados são válidos</translation>
    </message>
    <message>
        <source>a digit is expected</source>
        <translation>é esperado um dígito</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 82 is expected)</source>
        <translation>o carácter não é permitido (é esperado o conjunto de caracteres GS1 82)</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 39 is expected: A-Z, 0-9, #, - and /)</source>
        <translation>o carácter não é permitido (é esperado o conjunto de caracteres GS1 39: A-Z, 0-9, #, - e /)</translation>
    </message>
    <message>
        <source>the character is not allowed (GS1 character set 32 is expected)</source>
        <translation>o carácter não é permitido (é esperado o conjunto de caracteres GS1 32)</translation>
    </message>
    <message>
        <source>the character is not allowed (URL-safe base64 is expected: A-Z, a-z, 0-9, - and _)</source>
        <translation>o carácter não é permitido (é esperado base64 seguro para URL: A-Z, a-z, 0-9, - e _)</translation>
    </message>
    <message>
        <source>the base64 padding (&apos;=&apos;) is wrong</source>
        <translation>o preenchimento base64 (&apos;=&apos;) está errado</translation>
    </message>
    <message>
        <source>the check digit is wrong</source>
        <translation>o dígito de controlo está errado</translation>
    </message>
    <message>
        <source>the data is too short to carry a check digit</source>
        <translation>os dados são demasiado curtos para conter um dígito de controlo</translation>
    </message>
    <message>
        <source>the check character pair is wrong</source>
        <translation>o par de caracteres de controlo está errado</translation>
    </message>
    <message>
        <source>the data is too short to carry a check character pair</source>
        <translation>os dados são demasiado curtos para conter um par de caracteres de controlo</translation>
    </message>
    <message>
        <source>the data is too long for a check character pair</source>
        <translation>os dados são demasiado longos para um par de caracteres de controlo</translation>
    </message>
    <message>
        <source>the GS1 Company Prefix could not be checked because the register is offline</source>
        <translation>o prefixo de empresa GS1 não pôde ser verificado porque o registo está offline</translation>
    </message>
    <message>
        <source>the data is too short to start with a GS1 Company Prefix</source>
        <translation>os dados são demasiado curtos para começar com um prefixo de empresa GS1</translation>
    </message>
    <message>
        <source>a valid GS1 Company Prefix is expected</source>
        <translation>é esperado um prefixo de empresa GS1 válido</translation>
    </message>
    <message>
        <source>the importer index must be a single character</source>
        <translation>o índice do importador tem de ser um único carácter</translation>
    </message>
    <message>
        <source>the importer index must be one of A-Z, a-z, 0-9, - or _</source>
        <translation>o índice do importador tem de ser A-Z, a-z, 0-9, - ou _</translation>
    </message>
    <message>
        <source>the value must not be zero</source>
        <translation>o valor não pode ser zero</translation>
    </message>
    <message>
        <source>the value must be zero</source>
        <translation>o valor tem de ser zero</translation>
    </message>
    <message>
        <source>the number must not start with a zero</source>
        <translation>o número não pode começar por zero</translation>
    </message>
    <message>
        <source>&quot;0&quot; or &quot;1&quot; is expected</source>
        <translation>é esperado «0» ou «1»</translation>
    </message>
    <message>
        <source>the winding direction must be &quot;0&quot;, &quot;1&quot; or &quot;9&quot;</source>
        <translation>o sentido de enrolamento tem de ser «0», «1» ou «9»</translation>
    </message>
    <message>
        <source>an ISO 3166 country code is expected</source>
        <translation>é esperado um código de país ISO 3166</translation>
    </message>
    <message>
        <source>an ISO 3166 country code or &quot;999&quot; is expected</source>
        <translation>é esperado um código de país ISO 3166 ou «999»</translation>
    </message>
    <message>
        <source>an ISO 3166 two-letter country code is expected</source>
        <translation>é esperado um código de país ISO 3166 de duas letras</translation>
    </message>
    <message>
        <source>an ISO 4217 currency code is expected</source>
        <translation>é esperado um código de moeda ISO 4217</translation>
    </message>
    <message>
        <source>the IBAN is too short</source>
        <translation>o IBAN é demasiado curto</translation>
    </message>
    <message>
        <source>the IBAN is too long (at most 34 characters)</source>
        <translation>o IBAN é demasiado longo (no máximo 34 caracteres)</translation>
    </message>
    <message>
        <source>the IBAN may only contain digits and capital letters</source>
        <translation>o IBAN só pode conter dígitos e letras maiúsculas</translation>
    </message>
    <message>
        <source>the IBAN must start with an ISO 3166 two-letter country code</source>
        <translation>o IBAN tem de começar por um código de país ISO 3166 de duas letras</translation>
    </message>
    <message>
        <source>the IBAN check digits are wrong</source>
        <translation>os dígitos de controlo do IBAN estão errados</translation>
    </message>
    <message>
        <source>the date is too short</source>
        <translation>a data é demasiado curta</translation>
    </message>
    <message>
        <source>the date is too long</source>
        <translation>a data é demasiado longa</translation>
    </message>
    <message>
        <source>the date and hour are too short (YYMMDDHH is expected)</source>
        <translation>a data e a hora são demasiado curtas (é esperado AAMMDDHH)</translation>
    </message>
    <message>
        <source>the date and hour are too long (YYMMDDHH is expected)</source>
        <translation>a data e a hora são demasiado longas (é esperado AAMMDDHH)</translation>
    </message>
    <message>
        <source>the time is too short (HHMM is expected)</source>
        <translation>a hora é demasiado curta (é esperado HHMM)</translation>
    </message>
    <message>
        <source>the time is too long (HHMM is expected)</source>
        <translation>a hora é demasiado longa (é esperado HHMM)</translation>
    </message>
    <message>
        <source>minutes with optional seconds must be MM or MMSS</source>
        <translation>os minutos com segundos opcionais têm de ser MM ou MMSS</translation>
    </message>
    <message>
        <source>the month is not valid</source>
        <translation>o mês não é válido</translation>
    </message>
    <message>
        <source>the day is not valid for the month</source>
        <translation>o dia não é válido para o mês</translation>
    </message>
    <message>
        <source>the hour is not valid</source>
        <translation>a hora não é válida</translation>
    </message>
    <message>
        <source>the minute is not valid</source>
        <translation>o minuto não é válido</translation>
    </message>
    <message>
        <source>the second is not valid</source>
        <translation>o segundo não é válido</translation>
    </message>
    <message>
        <source>the hour is too short (HH is expected)</source>
        <translation>a hora é demasiado curta (é esperado HH)</translation>
    </message>
    <message>
        <source>the hour is too long (HH is expected)</source>
        <translation>a hora é demasiado longa (é esperado HH)</translation>
    </message>
    <message>
        <source>the minute is too short (MM is expected)</source>
        <translation>o minuto é demasiado curto (é esperado MM)</translation>
    </message>
    <message>
        <source>the minute is too long (MM is expected)</source>
        <translation>o minuto é demasiado longo (é esperado MM)</translation>
    </message>
    <message>
        <source>the second is too short (SS is expected)</source>
        <translation>o segundo é demasiado curto (é esperado SS)</translation>
    </message>
    <message>
        <source>the second is too long (SS is expected)</source>
        <translation>o segundo é demasiado longo (é esperado SS)</translation>
    </message>
    <message>
        <source>the piece number and total must have the same number of digits</source>
        <translation>o número da peça e o total têm de ter o mesmo número de dígitos</translation>
    </message>
    <message>
        <source>the piece number must not be zero</source>
        <translation>o número da peça não pode ser zero</translation>
    </message>
    <message>
        <source>the total number of pieces must not be zero</source>
        <translation>o número total de peças não pode ser zero</translation>
    </message>
    <message>
        <source>the piece number must not exceed the total number of pieces</source>
        <translation>o número da peça não pode exceder o número total de peças</translation>
    </message>
    <message>
        <source>a percent sign must be followed by two hexadecimal digits</source>
        <translation>um sinal de percentagem tem de ser seguido de dois dígitos hexadecimais</translation>
    </message>
    <message>
        <source>the coupon format code is missing</source>
        <translation>falta o código de formato do cupão</translation>
    </message>
    <message>
        <source>the coupon format code must be &quot;0&quot; or &quot;1&quot;</source>
        <translation>o código de formato do cupão tem de ser «0» ou «1»</translation>
    </message>
    <message>
        <source>the coupon funder length indicator is missing</source>
        <translation>falta o indicador de comprimento do financiador do cupão</translation>
    </message>
    <message>
        <source>the coupon funder length indicator must be &quot;0&quot; to &quot;6&quot;</source>
        <translation>o indicador de comprimento do financiador do cupão tem de ser de «0» a «6»</translation>
    </message>
    <message>
        <source>the coupon funder ID is shorter than its length indicator says</source>
        <translation>o ID do financiador do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon offer code must have six digits</source>
        <translation>o código de oferta do cupão tem de ter seis dígitos</translation>
    </message>
    <message>
        <source>the coupon serial number length indicator is missing</source>
        <translation>falta o indicador de comprimento do número de série do cupão</translation>
    </message>
    <message>
        <source>the coupon serial number is shorter than its length indicator says</source>
        <translation>o número de série do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon company prefix length indicator is missing</source>
        <translation>falta o indicador de comprimento do prefixo de empresa do cupão</translation>
    </message>
    <message>
        <source>the coupon company prefix length indicator must be &quot;0&quot; to &quot;6&quot;</source>
        <translation>o indicador de comprimento do prefixo de empresa do cupão tem de ser de «0» a «6»</translation>
    </message>
    <message>
        <source>the coupon company prefix is shorter than its length indicator says</source>
        <translation>o prefixo de empresa do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon save value length indicator is missing</source>
        <translation>falta o indicador de comprimento do valor de desconto do cupão</translation>
    </message>
    <message>
        <source>the coupon save value length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>o indicador de comprimento do valor de desconto do cupão tem de ser de «1» a «5»</translation>
    </message>
    <message>
        <source>the coupon save value is shorter than its length indicator says</source>
        <translation>o valor de desconto do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon purchase requirement length indicator is missing</source>
        <translation>falta o indicador de comprimento do requisito de compra do cupão</translation>
    </message>
    <message>
        <source>the coupon purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>o indicador de comprimento do requisito de compra do cupão tem de ser de «1» a «5»</translation>
    </message>
    <message>
        <source>the coupon purchase requirement is shorter than its length indicator says</source>
        <translation>o requisito de compra do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon purchase requirement code is missing</source>
        <translation>falta o código do requisito de compra do cupão</translation>
    </message>
    <message>
        <source>the coupon purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>o código do requisito de compra do cupão tem de ser de «0» a «4» ou «9»</translation>
    </message>
    <message>
        <source>the coupon purchase family code must have three digits</source>
        <translation>o código de família de compra do cupão tem de ter três dígitos</translation>
    </message>
    <message>
        <source>the coupon additional purchase rules code is missing</source>
        <translation>falta o código das regras de compra adicionais do cupão</translation>
    </message>
    <message>
        <source>the coupon additional purchase rules code must be &quot;0&quot; to &quot;3&quot;</source>
        <translation>o código das regras de compra adicionais do cupão tem de ser de «0» a «3»</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement length indicator is missing</source>
        <translation>falta o indicador de comprimento do segundo requisito de compra do cupão</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>o indicador de comprimento do segundo requisito de compra do cupão tem de ser de «1» a «5»</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement is shorter than its length indicator says</source>
        <translation>o segundo requisito de compra do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement code is missing</source>
        <translation>falta o código do segundo requisito de compra do cupão</translation>
    </message>
    <message>
        <source>the coupon second purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>o código do segundo requisito de compra do cupão tem de ser de «0» a «4» ou «9»</translation>
    </message>
    <message>
        <source>the coupon second purchase family code must have three digits</source>
        <translation>o código de família da segunda compra do cupão tem de ter três dígitos</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix length indicator is missing</source>
        <translation>falta o indicador de comprimento do prefixo de empresa da segunda compra do cupão</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix length indicator must be &quot;0&quot; to &quot;6&quot; or &quot;9&quot;</source>
        <translation>o indicador de comprimento do prefixo de empresa da segunda compra do cupão tem de ser de «0» a «6» ou «9»</translation>
    </message>
    <message>
        <source>the coupon second purchase company prefix is shorter than its length indicator says</source>
        <translation>o prefixo de empresa da segunda compra do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement length indicator is missing</source>
        <translation>falta o indicador de comprimento do terceiro requisito de compra do cupão</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement length indicator must be &quot;1&quot; to &quot;5&quot;</source>
        <translation>o indicador de comprimento do terceiro requisito de compra do cupão tem de ser de «1» a «5»</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement is shorter than its length indicator says</source>
        <translation>o terceiro requisito de compra do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement code is missing</source>
        <translation>falta o código do terceiro requisito de compra do cupão</translation>
    </message>
    <message>
        <source>the coupon third purchase requirement code must be &quot;0&quot; to &quot;4&quot; or &quot;9&quot;</source>
        <translation>o código do terceiro requisito de compra do cupão tem de ser de «0» a «4» ou «9»</translation>
    </message>
    <message>
        <source>the coupon third purchase family code must have three digits</source>
        <translation>o código de família da terceira compra do cupão tem de ter três dígitos</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix length indicator is missing</source>
        <translation>falta o indicador de comprimento do prefixo de empresa da terceira compra do cupão</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix length indicator must be &quot;0&quot; to &quot;6&quot; or &quot;9&quot;</source>
        <translation>o indicador de comprimento do prefixo de empresa da terceira compra do cupão tem de ser de «0» a «6» ou «9»</translation>
    </message>
    <message>
        <source>the coupon third purchase company prefix is shorter than its length indicator says</source>
        <translation>o prefixo de empresa da terceira compra do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon expiration date is too short (YYMMDD is expected)</source>
        <translation>a data de validade do cupão é demasiado curta (é esperado AAMMDD)</translation>
    </message>
    <message>
        <source>the coupon expiration date is not a valid date</source>
        <translation>a data de validade do cupão não é uma data válida</translation>
    </message>
    <message>
        <source>the coupon start date is too short (YYMMDD is expected)</source>
        <translation>a data de início do cupão é demasiado curta (é esperado AAMMDD)</translation>
    </message>
    <message>
        <source>the coupon start date is not a valid date</source>
        <translation>a data de início do cupão não é uma data válida</translation>
    </message>
    <message>
        <source>the coupon expires before its start date</source>
        <translation>o cupão expira antes da sua data de início</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN length indicator is missing</source>
        <translation>falta o indicador de comprimento do prefixo de empresa ou GLN do retalhista do cupão</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN length indicator must be &quot;1&quot; to &quot;7&quot;</source>
        <translation>o indicador de comprimento do prefixo de empresa ou GLN do retalhista do cupão tem de ser de «1» a «7»</translation>
    </message>
    <message>
        <source>the coupon retailer company prefix or GLN is shorter than its length indicator says</source>
        <translation>o prefixo de empresa ou GLN do retalhista do cupão é mais curto do que indica o seu indicador de comprimento</translation>
    </message>
    <message>
        <source>the coupon save value code is missing</source>
        <translation>falta o código do valor de desconto do cupão</translation>
    </message>
    <message>
        <source>the coupon save value code must be &quot;0&quot;, &quot;1&quot;, &quot;2&quot;, &quot;5&quot; or &quot;6&quot;</source>
        <translation>o código do valor de desconto do cupão tem de ser «0», «1», «2», «5» ou «6»</translation>
    </message>
    <message>
        <source>the coupon &quot;save value applies to item&quot; field is missing</source>
        <translation>falta o campo do cupão «o desconto aplica-se ao artigo»</translation>
    </message>
    <message>
        <source>the coupon &quot;save value applies to item&quot; field must be &quot;0&quot; to &quot;2&quot;</source>
        <translation>o campo do cupão «o desconto aplica-se ao artigo» tem de ser de «0» a «2»</translation>
    </message>
    <message>
        <source>the coupon store coupon flag is missing</source>
        <translation>falta o indicador de cupão de loja</translation>
    </message>
    <message>
        <source>the coupon &quot;don&apos;t multiply&quot; flag is missing</source>
        <translation>falta o indicador do cupão «não multiplicar»</translation>
    </message>
    <message>
        <source>the coupon &quot;don&apos;t multiply&quot; flag must be &quot;0&quot; or &quot;1&quot;</source>
        <translation>o indicador do cupão «não multiplicar» tem de ser «0» ou «1»</translation>
    </message>
    <message>
        <source>the coupon has data after its last recognised field</source>
        <translation>o cupão tem dados após o último campo reconhecido</translation>
    </message>
    <message>
        <source>the latitude must be between 0000000000 and 1800000000</source>
        <translation>a latitude tem de estar entre 0000000000 e 1800000000</translation>
    </message>
    <message>
        <source>the longitude must be between 0000000000 and 3600000000</source>
        <translation>a longitude tem de estar entre 0000000000 e 3600000000</translation>
    </message>
    <message>
        <source>a valid AIDC media type code is expected</source>
        <translation>é esperado um código de tipo de suporte AIDC válido</translation>
    </message>
    <message>
        <source>the latitude must have 10 digits</source>
        <translation>a latitude tem de ter 10 dígitos</translation>
    </message>
    <message>
        <source>the longitude must have 10 digits</source>
        <translation>a longitude tem de ter 10 dígitos</translation>
    </message>
    <message>
        <source>the latitude and longitude must have 20 digits together</source>
        <translation>a latitude e a longitude têm de ter 20 dígitos no total</translation>
    </message>
    <message>
        <source>only hyphens are allowed</source>
        <translation>só são permitidos hífenes</translation>
    </message>
    <message>
        <source>an ISO/IEC 5218 sex code (&quot;0&quot;, &quot;1&quot;, &quot;2&quot; or &quot;9&quot;) is expected</source>
        <translation>é esperado um código de sexo ISO/IEC 5218 («0», «1», «2» ou «9»)</translation>
    </message>
    <message>
        <source>the position in sequence must look like &quot;3/10&quot;</source>
        <translation>a posição na sequência tem de ter a forma «3/10»</translation>
    </message>
    <message>
        <source>the position must not exceed the end of the sequence</source>
        <translation>a posição não pode exceder o fim da sequência</translation>
    </message>
    <message>
        <source>at least one character that is not a digit is required</source>
        <translation>é necessário pelo menos um carácter que não seja um dígito</translation>
    </message>
    <message>
        <source>a UN/ECE Recommendation 21 package type code is expected</source>
        <translation>é esperado um código de tipo de embalagem da Recomendação 21 da UN/ECE</translation>
    </message>
    <message>
        <source>the data is not valid</source>
        <translation>os dados não são válidos</translation>
    </message>
</context>
<context>
    <name>dpp::sync::SyncEngine</name>
    <message>
        <source>no answer from %1 (%2), retrying in %3 ms</source>
        <translation>sem resposta de %1 (%2), nova tentativa em %3 ms</translation>
    </message>
    <message>
        <source>cannot record the server&apos;s id: %1</source>
        <translation>não é possível guardar o id do servidor: %1</translation>
    </message>
    <message>
        <source>the server %1 answered HTTP %2 repeatedly; try again later</source>
        <translation>o servidor %1 respondeu HTTP %2 repetidamente; tente mais tarde</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>não é possível contactar %1: %2</translation>
    </message>
    <message>
        <source>the server refused the API key (HTTP %1): %2</source>
        <translation>o servidor recusou a chave de API (HTTP %1): %2</translation>
    </message>
    <message>
        <source>%1 %2 %3 refused (HTTP %4): %5%6</source>
        <translation>%1 %2 %3 recusado (HTTP %4): %5%6</translation>
    </message>
    <message>
        <source>conflict: %1 %2 changed on the server and here; choose a version</source>
        <translation>conflito: %1 %2 foi alterado no servidor e aqui; escolha uma versão</translation>
    </message>
    <message>
        <source>cancelled; the next sync resumes with the remaining changes</source>
        <translation>cancelado; a próxima sincronização continua com as alterações restantes</translation>
    </message>
    <message>
        <source>analytics not pulled: the API key lacks the analytics:read scope</source>
        <translation>análises não obtidas: a chave de API não tem o âmbito analytics:read</translation>
    </message>
    <message>
        <source>%1 %2: the server&apos;s version is not valid here: %3</source>
        <translation>%1 %2: a versão do servidor não é válida aqui: %3</translation>
    </message>
    <message>
        <source>pulled %1 %2 from the server</source>
        <translation>%1 %2 obtido do servidor</translation>
    </message>
</context>
<context>
    <name>dpp::ui::BatteryTab</name>
    <message>
        <source>Battery Regulation (EU) 2023/1542 Annex XIII. The access group in brackets decides who sees a field in the published passport.</source>
        <translation>Regulamento (UE) 2023/1542 relativo às baterias, anexo XIII. O grupo de acesso entre parênteses determina quem vê um campo no passaporte publicado.</translation>
    </message>
    <message>
        <source>Annex XIII (1): publicly accessible</source>
        <translation>Anexo XIII (1): acessível ao público</translation>
    </message>
    <message>
        <source>Annex XIII (2): persons with a legitimate interest and authorities</source>
        <translation>Anexo XIII (2): pessoas com interesse legítimo e autoridades</translation>
    </message>
    <message>
        <source>Annex XIII (3): notified bodies, market surveillance, Commission</source>
        <translation>Anexo XIII (3): organismos notificados, fiscalização do mercado, Comissão</translation>
    </message>
    <message>
        <source>Annex XIII (4): legitimate interest</source>
        <translation>Anexo XIII (4): interesse legítimo</translation>
    </message>
    <message>
        <source>Internal (never published)</source>
        <translation>Interno (nunca publicado)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ColourButton</name>
    <message>
        <source>None</source>
        <translation>Nenhuma</translation>
    </message>
    <message>
        <source>No colour: not drawn</source>
        <translation>Sem cor: não é desenhado</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
</context>
<context>
    <name>dpp::ui::CompositionTab</name>
    <message>
        <source>Materials</source>
        <translation>Materiais</translation>
    </message>
    <message>
        <source>Substances of concern</source>
        <translation>Substâncias que suscitam preocupação</translation>
    </message>
    <message>
        <source>Disassembly steps</source>
        <translation>Passos de desmontagem</translation>
    </message>
</context>
<context>
    <name>dpp::ui::DesignerCanvas</name>
    <message>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>Deslocar</translation>
    </message>
</context>
<context>
    <name>dpp::ui::DocumentsTab</name>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ficheiro</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>&amp;Anexar ficheiro…</translation>
    </message>
    <message>
        <source>Attach document</source>
        <translation>Anexar documento</translation>
    </message>
    <message>
        <source>Attached %1</source>
        <translation>%1 anexado</translation>
    </message>
    <message>
        <source>Cannot attach: %1 (%2)</source>
        <translation>Não é possível anexar: %1 (%2)</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>No preview for this file type</source>
        <translation>Sem pré-visualização para este tipo de ficheiro</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>removed on save</source>
        <translation>removido ao guardar</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>ainda não guardado</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ElementItem</name>
    <message>
        <source>Rotate</source>
        <translation>Rodar</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Redimensionar</translation>
    </message>
</context>
<context>
    <name>dpp::ui::FieldForm</name>
    <message>
        <source>public</source>
        <translation>público</translation>
    </message>
    <message>
        <source>legitimate interest</source>
        <translation>interesse legítimo</translation>
    </message>
    <message>
        <source>legitimate interest and authorities</source>
        <translation>interesse legítimo e autoridades</translation>
    </message>
    <message>
        <source>authorities only</source>
        <translation>apenas autoridades</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>interno</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
</context>
<context>
    <name>dpp::ui::GeneralTab</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Add &amp;language</source>
        <translation>Adicionar &amp;idioma</translation>
    </message>
    <message>
        <source>Remove language</source>
        <translation>Remover idioma</translation>
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
        <translation>Dígito de controlo correto (GTIN-14 %1)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::JsonTableEditor</name>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Adicionar linha</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Mover para &amp;cima</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Mover para &amp;baixo</translation>
    </message>
    <message>
        <source>&amp;Paste rows</source>
        <translation>Co&amp;lar linhas</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Linha %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>dpp::ui::LabelDesignerWindow</name>
    <message>
        <source>Label stock</source>
        <translation>Suporte de etiquetas</translation>
    </message>
    <message>
        <source>The stock library could not be read: %1</source>
        <translation>Não foi possível ler a biblioteca de suportes: %1</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriedades</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pré-visualização</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>Untitled label</source>
        <translation>Etiqueta sem título</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <source>&amp;New label…</source>
        <translation>&amp;Nova etiqueta…</translation>
    </message>
    <message>
        <source>New from &amp;example</source>
        <translation>Nova a partir de &amp;exemplo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open label</source>
        <translation>Abrir etiqueta</translation>
    </message>
    <message>
        <source>Labels (*.dpplabel)</source>
        <translation>Etiquetas (*.dpplabel)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;olar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Selecionar &amp;tudo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Zoom to &amp;fit</source>
        <translation>&amp;Ajustar à janela</translation>
    </message>
    <message>
        <source>&amp;Actual size (100 %)</source>
        <translation>Tamanho &amp;real (100 %)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Aumentar zoom</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Diminuir zoom</translation>
    </message>
    <message>
        <source>Show &amp;grid</source>
        <translation>Mostrar &amp;grelha</translation>
    </message>
    <message>
        <source>Snap to g&amp;rid</source>
        <translation>Ajustar à g&amp;relha</translation>
    </message>
    <message>
        <source>Snap to &amp;elements</source>
        <translation>Ajustar aos &amp;elementos</translation>
    </message>
    <message>
        <source>Rulers in &amp;inches</source>
        <translation>Réguas em &amp;polegadas</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Inserir</translation>
    </message>
    <message>
        <source>Toolbox</source>
        <translation>Caixa de ferramentas</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Código QR</translation>
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
        <translation>Imagem…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linha</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Retângulo</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Elipse</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>&amp;Organizar</translation>
    </message>
    <message>
        <source>Align &amp;left</source>
        <translation>Alinhar à &amp;esquerda</translation>
    </message>
    <message>
        <source>Align &amp;centre</source>
        <translation>Alinhar ao &amp;centro</translation>
    </message>
    <message>
        <source>Align &amp;right</source>
        <translation>Alinhar à &amp;direita</translation>
    </message>
    <message>
        <source>Align &amp;top</source>
        <translation>Alinhar em &amp;cima</translation>
    </message>
    <message>
        <source>Align &amp;middle</source>
        <translation>Alinhar ao &amp;meio</translation>
    </message>
    <message>
        <source>Align &amp;bottom</source>
        <translation>Alinhar em &amp;baixo</translation>
    </message>
    <message>
        <source>Distribute &amp;horizontally</source>
        <translation>Distribuir &amp;horizontalmente</translation>
    </message>
    <message>
        <source>Distribute &amp;vertically</source>
        <translation>Distribuir &amp;verticalmente</translation>
    </message>
    <message>
        <source>Bring to &amp;front</source>
        <translation>Trazer para a &amp;frente</translation>
    </message>
    <message>
        <source>Send to &amp;back</source>
        <translation>Enviar para &amp;trás</translation>
    </message>
    <message>
        <source>Rotate &amp;90°</source>
        <translation>Rodar &amp;90°</translation>
    </message>
    <message>
        <source>&amp;Lock / unlock</source>
        <translation>&amp;Bloquear / desbloquear</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Desfazer: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Refazer: %1</translation>
    </message>
    <message>
        <source>%1[*] — Label designer</source>
        <translation>%1[*] — Editor de etiquetas</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Nova etiqueta</translation>
    </message>
    <message>
        <source>There is no label stock &apos;%1&apos;.</source>
        <translation>Não existe o suporte de etiquetas «%1».</translation>
    </message>
    <message>
        <source>%1 cannot be opened.
%2</source>
        <translation>Não é possível abrir %1.
%2</translation>
    </message>
    <message>
        <source>New from example</source>
        <translation>Nova a partir de exemplo</translation>
    </message>
    <message>
        <source>Save label</source>
        <translation>Guardar etiqueta</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 não foi guardado: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 guardado</translation>
    </message>
    <message>
        <source>Label designer</source>
        <translation>Editor de etiquetas</translation>
    </message>
    <message>
        <source>The label has unsaved changes. Save them?</source>
        <translation>A etiqueta tem alterações não guardadas. Guardá-las?</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Inserir imagem</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg *.pdf)</source>
        <translation>Imagens (*.png *.jpg *.jpeg *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Adicionar %1</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Colar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Alinhar</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>Distribuir</translation>
    </message>
    <message>
        <source>Bring to front</source>
        <translation>Trazer para a frente</translation>
    </message>
    <message>
        <source>Send to back</source>
        <translation>Enviar para trás</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rodar</translation>
    </message>
</context>
<context>
    <name>dpp::ui::LocalServer</name>
    <message>
        <source>open a store before publishing</source>
        <translation>abra uma base de dados antes de publicar</translation>
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
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Etiquetas</translation>
    </message>
    <message>
        <source>Label &amp;designer</source>
        <translation>&amp;Editor de etiquetas</translation>
    </message>
    <message>
        <source>&amp;New label from stock…</source>
        <translation>&amp;Nova etiqueta a partir de suporte…</translation>
    </message>
    <message>
        <source>New from &amp;example</source>
        <translation>Nova a partir de &amp;exemplo</translation>
    </message>
    <message>
        <source>&amp;Open label…</source>
        <translation>&amp;Abrir etiqueta…</translation>
    </message>
    <message>
        <source>Open label</source>
        <translation>Abrir etiqueta</translation>
    </message>
    <message>
        <source>Labels (*.dpplabel)</source>
        <translation>Etiquetas (*.dpplabel)</translation>
    </message>
    <message>
        <source>Publish locally</source>
        <translation>Publicar localmente</translation>
    </message>
    <message>
        <source>Server: stopped</source>
        <translation>Servidor: parado</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>Publish &amp;locally…</source>
        <translation>Publicar &amp;localmente…</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produtos</translation>
    </message>
    <message>
        <source>No store open</source>
        <translation>Nenhuma base de dados aberta</translation>
    </message>
    <message>
        <source>&amp;New product</source>
        <translation>&amp;Novo produto</translation>
    </message>
    <message>
        <source>New &amp;store…</source>
        <translation>Nova &amp;base de dados…</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>&amp;Abrir base de dados…</translation>
    </message>
    <message>
        <source>Open &amp;PostgreSQL store…</source>
        <translation>Abrir base de dados &amp;PostgreSQL…</translation>
    </message>
    <message>
        <source>&amp;Recent stores</source>
        <translation>Bases de dados &amp;recentes</translation>
    </message>
    <message>
        <source>&amp;Save product</source>
        <translation>&amp;Guardar produto</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Fechar separador</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Pr&amp;eferências…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Anular</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation>&amp;Produtos</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;tualizar</translation>
    </message>
    <message>
        <source>&amp;Find product</source>
        <translation>Procurar pro&amp;duto</translation>
    </message>
    <message>
        <source>the open editors have unsaved changes</source>
        <translation>os editores abertos têm alterações não guardadas</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Base de dados: %1</translation>
    </message>
    <message>
        <source>Open a store first (File ▸ Open store…)</source>
        <translation>Abra primeiro uma base de dados (Ficheiro ▸ Abrir base de dados…)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Alterações não guardadas</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Discard them?</source>
        <translation>%1 tem alterações não guardadas. Descartá-las?</translation>
    </message>
    <message>
        <source>Cannot open store</source>
        <translation>Não é possível abrir a base de dados</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>New store</source>
        <translation>Nova base de dados</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db)</source>
        <translation>Bases de dados SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>%1 already exists; use Open store to open it.</source>
        <translation>%1 já existe; use Abrir base de dados para a abrir.</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Abrir base de dados</translation>
    </message>
    <message>
        <source>SQLite stores (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de dados SQLite (*.sqlite *.db);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>Open PostgreSQL store</source>
        <translation>Abrir base de dados PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL URL (postgresql://user:password@host:5432/database):</source>
        <translation>URL PostgreSQL (postgresql://utilizador:palavra-passe@anfitrião:5432/base):</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://</source>
        <translation>O URL tem de começar por postgresql://</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronização</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>Si&amp;ncronizar</translation>
    </message>
    <message>
        <source>&amp;Sync with server…</source>
        <translation>&amp;Sincronizar com o servidor…</translation>
    </message>
</context>
<context>
    <name>dpp::ui::MergeFieldPicker</name>
    <message>
        <source>Insert field</source>
        <translation>Inserir campo</translation>
    </message>
    <message>
        <source>Insert a merge field such as {{serial}} at the cursor</source>
        <translation>Inserir um campo de impressão em série como {{serial}} no cursor</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PassportTab</name>
    <message>
        <source>&amp;Publish passport…</source>
        <translation>&amp;Publicar passaporte…</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versão</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Every published version stays in the history, so any scan result can be reproduced. The hash is the SHA-256 of the version&apos;s canonical JSON.</source>
        <translation>Cada versão publicada fica no histórico, para que qualquer resultado de leitura possa ser reproduzido. O hash é o SHA-256 do JSON canónico da versão.</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferências</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Target (host:9100, cups:QUEUE or printer)</source>
        <translation>Destino (anfitrião:9100, cups:FILA ou impressora)</translation>
    </message>
    <message>
        <source>Calibration (JSON)</source>
        <translation>Calibração (JSON)</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>Adicionar impressora</translation>
    </message>
    <message>
        <source>Remove printer</source>
        <translation>Remover impressora</translation>
    </message>
    <message>
        <source>Printer %1</source>
        <translation>Impressora %1</translation>
    </message>
    <message>
        <source>&amp;Language (after restart)</source>
        <translation>&amp;Idioma (após reiniciar)</translation>
    </message>
    <message>
        <source>Default &amp;resolver base URL</source>
        <translation>URL base do &amp;resolvedor predefinido</translation>
    </message>
    <message>
        <source>Sync &amp;server URL</source>
        <translation>URL do &amp;servidor de sincronização</translation>
    </message>
    <message>
        <source>Sync API &amp;key</source>
        <translation>&amp;Chave de API de sincronização</translation>
    </message>
    <message>
        <source>Printers and calibration</source>
        <translation>Impressoras e calibração</translation>
    </message>
    <message>
        <source>%1: is required</source>
        <translation>%1: é obrigatório</translation>
    </message>
    <message>
        <source>%1: must be an http(s) URL such as https://id.example.com</source>
        <translation>%1: tem de ser um URL http(s), por exemplo https://id.example.com</translation>
    </message>
    <message>
        <source>Resolver base URL</source>
        <translation>URL base do resolvedor</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL do servidor</translation>
    </message>
    <message>
        <source>Printer %1 calibration: must be a JSON object</source>
        <translation>Calibração da impressora %1: tem de ser um objeto JSON</translation>
    </message>
    <message>
        <source>Printer %1 calibration %2: %3</source>
        <translation>Calibração da impressora %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PreviewPanel</name>
    <message>
        <source>The label&apos;s own merge source</source>
        <translation>A fonte de dados da própria etiqueta</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registo</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Número de série</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PrintDialog</name>
    <message>
        <source>Print labels</source>
        <translation>Imprimir etiquetas</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Impressora</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Ficheiro PDF</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>Imprimir para PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Ficheiros PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Suporte</translation>
    </message>
    <message>
        <source>The label&apos;s own merge source</source>
        <translation>A fonte de dados da própria etiqueta</translation>
    </message>
    <message>
        <source>Serial range</source>
        <translation>Intervalo de números de série</translation>
    </message>
    <message>
        <source>Serial batch from the store</source>
        <translation>Lote de números de série da base de dados</translation>
    </message>
    <message>
        <source>Products from the store</source>
        <translation>Produtos da base de dados</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Ficheiro CSV</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registos</translation>
    </message>
    <message>
        <source>As saved in the label file.</source>
        <translation>Tal como guardado no ficheiro da etiqueta.</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>Números de série</translation>
    </message>
    <message>
        <source>CSV file with a header row</source>
        <translation>Ficheiro CSV com linha de cabeçalho</translation>
    </message>
    <message>
        <source>%1 · %2 serials from %3</source>
        <translation>%1 · %2 números de série a partir de %3</translation>
    </message>
    <message>
        <source>Copies of each label</source>
        <translation>Cópias de cada etiqueta</translation>
    </message>
    <message>
        <source>Start at this label (after a cancelled or failed job)</source>
        <translation>Começar nesta etiqueta (após um trabalho cancelado ou falhado)</translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation>Começar na etiqueta</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Calibration offset (x, y)</source>
        <translation>Desvio de calibração (x, y)</translation>
    </message>
    <message>
        <source>Verified print: decode every symbol layout before printing</source>
        <translation>Impressão verificada: descodificar cada disposição de símbolo antes de imprimir</translation>
    </message>
    <message>
        <source>The print report and the verification results appear here.</source>
        <translation>O relatório de impressão e os resultados da verificação aparecem aqui.</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <source>C&amp;ancel job</source>
        <translation>C&amp;ancelar trabalho</translation>
    </message>
    <message>
        <source>Preview (first pages)</source>
        <translation>Pré-visualização (primeiras páginas)</translation>
    </message>
    <message>
        <source>Update preview</source>
        <translation>Atualizar pré-visualização</translation>
    </message>
    <message>
        <source>%1 (CUPS)</source>
        <translation>%1 (CUPS)</translation>
    </message>
    <message>
        <source>%1 (ZPL, network)</source>
        <translation>%1 (ZPL, rede)</translation>
    </message>
    <message>
        <source>%1 (ZPL, raw CUPS queue)</source>
        <translation>%1 (ZPL, fila CUPS em bruto)</translation>
    </message>
    <message>
        <source>choose the PDF file to print to</source>
        <translation>escolha o ficheiro PDF para onde imprimir</translation>
    </message>
    <message>
        <source>choose a printer</source>
        <translation>escolha uma impressora</translation>
    </message>
    <message>
        <source>a serial range needs the product&apos;s GTIN</source>
        <translation>um intervalo de números de série precisa do GTIN do produto</translation>
    </message>
    <message>
        <source>give the serials, e.g. SN000001-SN000500</source>
        <translation>indique os números de série, p. ex. SN000001-SN000500</translation>
    </message>
    <message>
        <source>the store has no serial batch to print</source>
        <translation>a base de dados não tem nenhum lote de números de série para imprimir</translation>
    </message>
    <message>
        <source>no store is open</source>
        <translation>nenhuma base de dados está aberta</translation>
    </message>
    <message>
        <source>choose the CSV file</source>
        <translation>escolha o ficheiro CSV</translation>
    </message>
    <message>
        <source>%1 (%2 × %3 mm)</source>
        <translation>%1 (%2 × %3 mm)</translation>
    </message>
    <message>
        <source>%1: fits this printer</source>
        <translation>%1: adequado a esta impressora</translation>
    </message>
    <message>
        <source>Cannot preview: %1: %2</source>
        <translation>Pré-visualização impossível: %1: %2</translation>
    </message>
    <message>
        <source>Cannot preview: %1</source>
        <translation>Pré-visualização impossível: %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
    <message>
        <source>Not printed. %1</source>
        <translation>Não impresso. %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>A imprimir…</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) printed.</source>
        <translation>
            <numerusform>%n etiqueta impressa.</numerusform>
            <numerusform>%n etiquetas impressas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Parado: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent before it stopped; Print resumes at label %1.</source>
        <translation>
            <numerusform>%n etiqueta enviada antes de parar; Imprimir retoma na etiqueta %1.</numerusform>
            <numerusform>%n etiquetas enviadas antes de parar; Imprimir retoma na etiqueta %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification (each symbol layout decoded back):</source>
        <translation>Verificação (cada disposição de símbolo descodificada):</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4: %5</source>
        <translation>%1 %2 %3 %4: %5</translation>
    </message>
    <message>
        <source>Continue after the last serial a job sent to the printer</source>
        <translation>Continuar após o último número de série enviado à impressora</translation>
    </message>
    <message>
        <source>e.g. SN000010-SN000020 (already printed serials)</source>
        <translation>p. ex. SN000010-SN000020 (números de série já impressos)</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lote de séries</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reimpressão</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent before it stopped; Print continues after the last serial sent.</source>
        <translation>
            <numerusform>%n etiqueta enviada antes de parar; Imprimir continua após o último número de série enviado.</numerusform>
            <numerusform>%n etiquetas enviadas antes de parar; Imprimir continua após o último número de série enviado.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductBrowser</name>
    <message>
        <source>Search name, GTIN or SKU</source>
        <translation>Procurar nome, GTIN ou SKU</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>Todos os setores</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativos</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminados</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n produto</numerusform>
            <numerusform>%n produtos</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot list products: %1</source>
        <translation>Não é possível listar os produtos: %1</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductDocument</name>
    <message>
        <source>no product with id %1</source>
        <translation>nenhum produto com o ID %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>save the product before publishing</source>
        <translation>guarde o produto antes de publicar</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>Anexar %1</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Remover documento</translation>
    </message>
    <message>
        <source>New serial batch</source>
        <translation>Novo lote de números de série</translation>
    </message>
    <message>
        <source>Remove serial batch</source>
        <translation>Remover lote de números de série</translation>
    </message>
    <message>
        <source>Add battery unit</source>
        <translation>Adicionar bateria</translation>
    </message>
    <message>
        <source>choose a battery unit</source>
        <translation>escolha uma bateria</translation>
    </message>
    <message>
        <source>Add SoH reading</source>
        <translation>Adicionar leitura de SoH</translation>
    </message>
    <message>
        <source>Add lifecycle event</source>
        <translation>Adicionar evento do ciclo de vida</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>deve ser um de: %1</translation>
    </message>
    <message>
        <source>Change battery status</source>
        <translation>Alterar estado da bateria</translation>
    </message>
    <message>
        <source>Link supplier</source>
        <translation>Associar fornecedor</translation>
    </message>
    <message>
        <source>the supplier is not linked to this product</source>
        <translation>o fornecedor não está associado a este produto</translation>
    </message>
    <message>
        <source>Unlink supplier</source>
        <translation>Desassociar fornecedor</translation>
    </message>
    <message>
        <source>no stored serial batch of this product (save a new batch first)</source>
        <translation>nenhum lote de números de série guardado deste produto (guarde primeiro um lote novo)</translation>
    </message>
    <message>
        <source>Set serial %1 to %2</source>
        <translation>Definir número de série %1 como %2</translation>
    </message>
    <message>
        <source>Set %1 serials to %2</source>
        <translation>Definir %1 números de série como %2</translation>
    </message>
</context>
<context>
    <name>dpp::ui::ProductEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>G&amp;eral</translation>
    </message>
    <message>
        <source>&amp;Wine e-label</source>
        <translation>Rótulo eletrónico do &amp;vinho</translation>
    </message>
    <message>
        <source>&amp;Battery</source>
        <translation>&amp;Bateria</translation>
    </message>
    <message>
        <source>&amp;Composition</source>
        <translation>&amp;Composição</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documentos</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Registos</translation>
    </message>
    <message>
        <source>&amp;Passport</source>
        <translation>&amp;Passaporte</translation>
    </message>
    <message>
        <source>To fix before saving:</source>
        <translation>A corrigir antes de guardar:</translation>
    </message>
    <message>
        <source>Cannot open the product: %1</source>
        <translation>Não é possível abrir o produto: %1</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Novo produto</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix first</source>
        <translation>
            <numerusform>%n problema a corrigir primeiro</numerusform>
            <numerusform>%n problemas a corrigir primeiro</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>Não guardado: %1: %2</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
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
        <translation>Nome</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Setor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Atualizado</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PropertyPanel</name>
    <message>
        <source>Nothing selected</source>
        <translation>Nada selecionado</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Elemento</translation>
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
        <translation>Largura (mm)</translation>
    </message>
    <message>
        <source>Height (mm)</source>
        <translation>Altura (mm)</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rodar</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotação</translation>
    </message>
    <message>
        <source>Change order</source>
        <translation>Alterar ordem</translation>
    </message>
    <message>
        <source>Z-order</source>
        <translation>Ordem de empilhamento</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Editar texto</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Change font</source>
        <translation>Alterar tipo de letra</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Tipo de letra</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Change font size</source>
        <translation>Alterar tamanho de letra</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Negrito</translation>
    </message>
    <message>
        <source>Shrink to fit</source>
        <translation>Reduzir para caber</translation>
    </message>
    <message>
        <source>Digital Link of the record</source>
        <translation>Digital Link do registo</translation>
    </message>
    <message>
        <source>GS1 element string</source>
        <translation>Cadeia de elementos GS1</translation>
    </message>
    <message>
        <source>Literal text</source>
        <translation>Texto literal</translation>
    </message>
    <message>
        <source>Change content</source>
        <translation>Alterar conteúdo</translation>
    </message>
    <message>
        <source>Encodes</source>
        <translation>Codifica</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Conteúdo</translation>
    </message>
    <message>
        <source>Module (mm)</source>
        <translation>Módulo (mm)</translation>
    </message>
    <message>
        <source>Change error correction</source>
        <translation>Alterar correção de erros</translation>
    </message>
    <message>
        <source>Error correction</source>
        <translation>Correção de erros</translation>
    </message>
    <message>
        <source>Change barcode type</source>
        <translation>Alterar tipo de código de barras</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Código de barras</translation>
    </message>
    <message>
        <source>Digits under the bars</source>
        <translation>Dígitos sob as barras</translation>
    </message>
    <message>
        <source>Change barcode</source>
        <translation>Alterar código de barras</translation>
    </message>
    <message>
        <source>Change image</source>
        <translation>Alterar imagem</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Ficheiro de imagem</translation>
    </message>
    <message>
        <source>Line width (mm)</source>
        <translation>Espessura da linha (mm)</translation>
    </message>
    <message>
        <source>Change fill</source>
        <translation>Alterar preenchimento</translation>
    </message>
    <message>
        <source>Merge field</source>
        <translation>Campo de impressão em série</translation>
    </message>
    <message>
        <source>Change size or position</source>
        <translation>Alterar tamanho ou posição</translation>
    </message>
    <message numerus="yes">
        <source>%n elements selected</source>
        <translation>
            <numerusform>%n elemento selecionado</numerusform>
            <numerusform>%n elementos selecionados</numerusform>
        </translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>Inserir %1</translation>
    </message>
    <message>
        <source>Change text colour</source>
        <translation>Alterar cor do texto</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Cor do texto</translation>
    </message>
    <message>
        <source>Change line colour</source>
        <translation>Alterar cor da linha</translation>
    </message>
    <message>
        <source>Line colour</source>
        <translation>Cor da linha</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Preenchimento</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PublishDialog</name>
    <message>
        <source>Publish passport</source>
        <translation>Publicar passaporte</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Novo</translation>
    </message>
    <message>
        <source>added</source>
        <translation>adicionado</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>removido</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>alterado</translation>
    </message>
    <message>
        <source>Changes against published version %1 (SHA-256 %2):</source>
        <translation>Alterações em relação à versão publicada %1 (SHA-256 %2):</translation>
    </message>
    <message>
        <source>Nothing is published yet; every field below is new:</source>
        <translation>Ainda nada foi publicado; todos os campos abaixo são novos:</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>Save the product first: publishing uses the saved data.</source>
        <translation>Guarde primeiro o produto: a publicação usa os dados guardados.</translation>
    </message>
    <message>
        <source>The published version is up to date.</source>
        <translation>A versão publicada está atualizada.</translation>
    </message>
    <message>
        <source>Not published: %1 (%2)</source>
        <translation>Não publicado: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>dpp::ui::PublishPanel</name>
    <message>
        <source>any free port</source>
        <translation>qualquer porta livre</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Reachable from the local network (phones)</source>
        <translation>Acessível a partir da rede local (telemóveis)</translation>
    </message>
    <message>
        <source>Off: only this computer can connect (127.0.0.1).</source>
        <translation>Desligado: só este computador se pode ligar (127.0.0.1).</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <source>Base URL for links</source>
        <translation>URL base para ligações</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Parar</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Parado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Resolvedor</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produto</translation>
    </message>
    <message>
        <source>Digital Link</source>
        <translation>Digital Link</translation>
    </message>
    <message>
        <source>Running on port %1</source>
        <translation>Em execução na porta %1</translation>
    </message>
    <message>
        <source>Base URL: must start with http:// or https://</source>
        <translation>URL base: tem de começar por http:// ou https://</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Não iniciado: %1</translation>
    </message>
</context>
<context>
    <name>dpp::ui::RecordsTab</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>GLN</source>
        <translation>GLN</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>First serial</source>
        <translation>Primeiro número de série</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado</translation>
    </message>
    <message>
        <source>Unique identifier</source>
        <translation>Identificador único</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Número de série</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Link supplier…</source>
        <translation>Associar fornecedor…</translation>
    </message>
    <message>
        <source>Unlink supplier</source>
        <translation>Desassociar fornecedor</translation>
    </message>
    <message>
        <source>New sequential batch…</source>
        <translation>Novo lote sequencial…</translation>
    </message>
    <message>
        <source>New serial batch</source>
        <translation>Novo lote de números de série</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefixo</translation>
    </message>
    <message>
        <source>First number</source>
        <translation>Primeiro número</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>Dígitos</translation>
    </message>
    <message>
        <source>Add battery unit…</source>
        <translation>Adicionar unidade de bateria…</translation>
    </message>
    <message>
        <source>Add battery unit</source>
        <translation>Adicionar unidade de bateria</translation>
    </message>
    <message>
        <source>Unique identifier (e.g. its Digital Link)</source>
        <translation>Identificador único (por exemplo, o seu Digital Link)</translation>
    </message>
    <message>
        <source>Add SoH reading…</source>
        <translation>Adicionar leitura de SoH…</translation>
    </message>
    <message>
        <source>State of health</source>
        <translation>Estado de saúde</translation>
    </message>
    <message>
        <source>State of health (%)</source>
        <translation>Estado de saúde (%)</translation>
    </message>
    <message>
        <source>Add lifecycle event…</source>
        <translation>Adicionar evento do ciclo de vida…</translation>
    </message>
    <message>
        <source>Lifecycle event</source>
        <translation>Evento do ciclo de vida</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Fornecedores</translation>
    </message>
    <message>
        <source>Serial batches</source>
        <translation>Lotes de números de série</translation>
    </message>
    <message>
        <source>Battery units</source>
        <translation>Unidades de bateria</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Link supplier</source>
        <translation>Associar fornecedor</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fornecedor</translation>
    </message>
    <message>
        <source>Remove serial batch</source>
        <translation>Remover lote de números de série</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Alterar estado…</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>Estado da bateria</translation>
    </message>
    <message>
        <source>Status (Annex XIII 4(c))</source>
        <translation>Estado (anexo XIII 4(c))</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>ainda não guardado</translation>
    </message>
    <message>
        <source>removed on save</source>
        <translation>removido ao guardar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>States</source>
        <translation>Estados</translation>
    </message>
    <message>
        <source>Serials…</source>
        <translation>Números de série…</translation>
    </message>
    <message>
        <source>Save the product first: a new batch&apos;s serials are all available until it is stored.</source>
        <translation>Guarde primeiro o produto: os números de série de um lote novo estão todos disponíveis até ele ser guardado.</translation>
    </message>
    <message>
        <source>%1; stored now: %2</source>
        <translation>%1; guardado agora: %2</translation>
    </message>
</context>
<context>
    <name>dpp::ui::SerialStateModel</name>
    <message>
        <source>%1 (not saved yet)</source>
        <translation>%1 (ainda não guardado)</translation>
    </message>
    <message>
        <source>Stored: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Número de série</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponível</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>atribuído</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>impresso</translation>
    </message>
    <message>
        <source>activated</source>
        <translation>ativado</translation>
    </message>
    <message>
        <source>decommissioned</source>
        <translation>desativado</translation>
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
        <translation>Definir estado…</translation>
    </message>
    <message>
        <source>Serials of lot %1</source>
        <translation>Números de série do lote %1</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>Números de série</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Todos os estados</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Changes are stored when you save the product.</source>
        <translation>As alterações são guardadas quando guardar o produto.</translation>
    </message>
    <message>
        <source>This batch is no longer in the store.</source>
        <translation>Este lote já não está no armazenamento.</translation>
    </message>
    <message>
        <source>%1 serials: %2</source>
        <translation>%1 números de série: %2</translation>
    </message>
    <message>
        <source>No state is allowed next for all selected serials (decommissioned is final; select serials that are in the same step)</source>
        <translation>Nenhum estado seguinte é permitido para todos os números de série selecionados (desativado é final; selecione números de série na mesma etapa)</translation>
    </message>
    <message>
        <source>Select serials first</source>
        <translation>Selecione primeiro números de série</translation>
    </message>
    <message>
        <source>select at least one serial</source>
        <translation>selecione pelo menos um número de série</translation>
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
        <translation>Nova etiqueta</translation>
    </message>
    <message>
        <source>Search by size (50x30), vendor or name</source>
        <translation>Pesquisar por tamanho (50x30), fabricante ou nome</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Fabricante</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Tamanho da etiqueta</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Sheet, %1 per page</source>
        <translation>Folha, %1 por página</translation>
    </message>
    <message>
        <source>Roll, die-cut</source>
        <translation>Rolo, pré-cortado</translation>
    </message>
    <message>
        <source>Roll, continuous</source>
        <translation>Rolo, contínuo</translation>
    </message>
</context>
<context>
    <name>dpp::ui::SyncPanel</name>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar agora</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>%v of %m changes</source>
        <translation>%v de %m alterações</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>A minha (este computador)</translation>
    </message>
    <message>
        <source>Theirs (server)</source>
        <translation>A deles (servidor)</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Leituras</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Manter a minha</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Aceitar a deles</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflitos</translation>
    </message>
    <message>
        <source>Scans on the server (pulled with each sync)</source>
        <translation>Leituras no servidor (obtidas em cada sincronização)</translation>
    </message>
    <message>
        <source>Set the server URL and API key in Preferences to sync.</source>
        <translation>Defina o URL do servidor e a chave de API nas Preferências para sincronizar.</translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation>A sincronizar com %1…</translation>
    </message>
    <message>
        <source>%1 of %2 changes pushed, %3 skipped, %4 pulled, %5 conflicts, %6 errors</source>
        <translation>%1 de %2 alterações enviadas, %3 ignoradas, %4 obtidas, %5 conflitos, %6 erros</translation>
    </message>
    <message>
        <source>; cancelled (the next sync resumes)</source>
        <translation>; cancelado (a próxima sincronização continua)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: your version is on the server</source>
        <translation>%1: a sua versão está no servidor</translation>
    </message>
    <message>
        <source>%1: the server&apos;s version is now here</source>
        <translation>%1: a versão do servidor está agora aqui</translation>
    </message>
    <message>
        <source>%1 %2: changed here and on the server</source>
        <translation>%1 %2: alterado aqui e no servidor</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>em %1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produto</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passaporte</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fornecedor</translation>
    </message>
    <message>
        <source>Resolver link</source>
        <translation>Ligação do resolvedor</translation>
    </message>
    <message>
        <source>Battery status</source>
        <translation>Estado da bateria</translation>
    </message>
    <message>
        <source>Serial number state</source>
        <translation>Estado do número de série</translation>
    </message>
</context>
<context>
    <name>dpp::ui::WarningsPanel</name>
    <message>
        <source>No problems found</source>
        <translation>Nenhum problema encontrado</translation>
    </message>
</context>
<context>
    <name>dpp::ui::WineTab</name>
    <message>
        <source>The e-label is published as the wine passport. Leave it empty until you start it; once started it must be complete to save.</source>
        <translation>O rótulo eletrónico é publicado como passaporte do vinho. Deixe-o vazio até o começar; depois de começado, tem de estar completo para guardar.</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Vinho</translation>
    </message>
    <message>
        <source>Ingredients (in descending order of weight)</source>
        <translation>Ingredientes (por ordem decrescente de peso)</translation>
    </message>
    <message>
        <source>Nutrition declaration per 100 ml</source>
        <translation>Declaração nutricional por 100 ml</translation>
    </message>
    <message>
        <source>Allergens</source>
        <translation>Alergénios</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origem</translation>
    </message>
    <message>
        <source>Producers, bottlers, importers</source>
        <translation>Produtores, engarrafadores, importadores</translation>
    </message>
    <message>
        <source>Computed from the nutrients and alcohol: %1 kJ / %2 kcal</source>
        <translation>Calculado a partir dos nutrientes e do álcool: %1 kJ / %2 kcal</translation>
    </message>
</context>
</TS>
