# What a page says beside a field that needs changing, and the error pages.

error-required = Este campo é obrigatório.
error-too-long = Está longo demais: no máximo { $max } caracteres.
error-too-many = Itens demais: no máximo { $max }.
error-control-characters = Contém caracteres que não podem ser usados (caracteres de controle).
error-consent-level = Escolha um dos três níveis.
error-consent-spoc-absent = Só se escolhe um contato na polícia com Anônimo ou Completo.
error-consent-spoc = Escolha um contato na polícia da lista.
error-consent-spoc-required = Escolha qual contato na polícia pode receber o relato.
error-statement-version = A declaração de consentimento mudou. Leia de novo e escolha de novo.
error-email = Digite um endereço de e-mail, como nome@example.org.
error-phone = Digite um número de telefone.
error-category = Escolha o tipo de incidente.
error-region = Escolha a área policial.
error-language = Escolha um idioma da lista.
error-contact-for-full = O compartilhamento Completo dá à polícia uma forma de entrar em contato com você: preencha pelo menos uma forma de contato abaixo ou escolha Anônimo.
error-full-needs-contact = Este relato não tem dados de contato, então não é possível escolher Completo: escolha Anônimo.
error-date = Digite a data no formato AAAA-MM-DD, por exemplo 2026-11-18.
error-date-future = A data não pode ser no futuro.
error-date-past = A data precisa ser depois de 1970.
error-check-one = Preencha exatamente um campo.
error-regions = Escolha pelo menos uma área policial.
error-categories = Escolha tipos de incidente da lista ou deixe tudo desmarcado para receber todos os tipos.
error-share-children-later = Isso só pode ser escolhido no momento em que o relato é feito.
error-firewall-field = O Lookout não aceita detalhes sobre imigração, nacionalidade ou documentos de identidade.

error-rate-limited-title = Tentativas demais
error-rate-limited = Chegaram muitas tentativas daqui em pouco tempo. Espere um minuto e tente de novo. Nada foi salvo.
error-unavailable-title = O Lookout está ocupado
error-unavailable = O Lookout não consegue fazer isso agora. Tente de novo daqui a alguns minutos.
error-not-found-title = Página não encontrada
error-not-found = Não há nenhuma página aqui. Use os links acima.
error-bad-request-title = Algo estava errado no formulário
error-bad-request = Não foi possível ler o formulário. Volte e tente de novo.
error-internal-title = Algo deu errado
error-internal = Algo deu errado do nosso lado. Tente de novo mais tarde.

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = referências a imigração
removed-identity-document-number = números de documentos de identidade
removed-nationality-or-country-of-origin = nacionalidade ou país de origem
removed-home-workplace-or-premises = casas, locais de trabalho ou estabelecimentos
removed-street-address = endereços (rua e número)
removed-other-people-co-workers-family-helpers = outras pessoas (colegas, família, ajudantes)
removed-children = crianças
removed-reporter-name = seu nome
removed-reporter-email-address = seu e-mail
removed-reporter-phone-number = seu número de telefone
removed-email-address = endereços de e-mail
removed-phone-number = números de telefone
removed-full-postcode = códigos postais completos
removed-exact-time = horários exatos
removed-names-or-initials-of-other-people = nomes ou iniciais de outras pessoas
removed-removed-by-the-caseworker = trechos removidos pela equipe de atendimento
