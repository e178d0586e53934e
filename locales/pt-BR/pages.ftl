# Lookout's pages, in Brazilian Portuguese, translated from the English source (locales/en/pages.ftl).
# Placeables ({ $name }) must keep their names in every language.

## Every page
site-name = Lookout
skip-to-content = Pular para o conteúdo principal
nav-label = Menu principal
nav-languages = Idioma
nav-home = Sobre o Lookout
nav-report = Relatar um incidente
nav-follow-up = Acompanhar um relato
nav-check = Consultar um cliente
nav-subscribe = Receber alertas de segurança
footer-privacy = O Lookout não guarda nenhum registro do seu endereço, aparelho ou navegador, não usa cookies e não roda scripts. O que você escreve é criptografado.
choose = Escolha…
form-has-errors = Algumas respostas precisam ser corrigidas

## About (/)
home-title = Relate com segurança. Alerte outras pessoas. Você decide o que a polícia vê.
home-intro = O Lookout é um programa Ugly Mugs: profissionais do sexo e as organizações de apoio em que confiam relatam, de forma anônima, violências e outros crimes. Os relatos viram alertas de segurança para colegas, e você pode consultar se o número de um cliente aparece neles.
home-who-title = Quem mantém o Lookout
home-who = O Lookout é mantido por organizações de apoio a profissionais do sexo, não pela polícia nem pelo governo. O código dele é aberto (open source), então qualquer pessoa pode verificar o que ele faz.
home-protect-title = Como seu relato é protegido
home-protect-anonymous = Você não precisa de conta nem de nome. Em vez disso, você recebe um código de comprovante: ele é a única forma de voltar ao seu relato.
home-protect-encrypted = O que você escreve é criptografado assim que chega. Seus dados de contato, se você informar algum, são criptografados separadamente.
home-protect-firewall = Uma barreira de imigração no próprio código: tudo sobre imigração, nacionalidade, vistos ou documentos de identidade é removido de tudo o que sai do Lookout, e nada é enviado, jamais, aos órgãos de fiscalização de imigração, ao Home Office (Ministério do Interior britânico) ou à Border Force (polícia de fronteira britânica).
home-protect-receipt = Com o comprovante, você pode ler respostas, mudar de ideia sobre a polícia ou retirar o relato, o que destrói a chave dele para que ninguém consiga lê-lo de novo.
home-protect-no-tracking = O Lookout não guarda endereço IP nem dados do aparelho ou do navegador e não usa cookies. As páginas funcionam com o JavaScript desativado, inclusive no Tor Browser.
home-police-title = O que a polícia pode e não pode receber
home-police-can = Só se você escolher: a pessoa de contato na polícia (SPOC) que você escolher pelo nome recebe seu relato sem nada que possa identificar você, outras pessoas ou lugares e, só se você também escolher isso, uma forma de entrar em contato com você.
home-police-cannot = A polícia nunca recebe seu relato sem o seu consentimento, exceto no único caso descrito na política de exceção abaixo; nunca tem acesso ao Lookout e nunca recebe nada sobre imigração ou nacionalidade. Nada vai para nenhuma outra parte da polícia, nem para mais ninguém.
consent-title = A declaração de consentimento
consent-read-statement = Leia a declaração de consentimento
consent-statement-intro = O Lookout nunca compartilha seu relato com a polícia, a menos que você escolha isso, exceto no único caso descrito na política de exceção publicada, e nunca, em nenhuma circunstância, com os órgãos de fiscalização de imigração, o Home Office (Ministério do Interior britânico) ou a Border Force (polícia de fronteira britânica). Você escolhe um de três níveis e pode mudar ou retirar sua escolha a qualquer momento com seu comprovante.
consent-statement-none = Nada (o padrão): nada do seu relato é enviado à polícia. A equipe de atendimento ainda pode usá-lo, sem nada que possa identificar você, para alertar colegas.
consent-statement-anonymous = Anônimo: a pessoa de contato na polícia (SPOC) que você escolher pelo nome recebe seu relato sem seus dados de contato, sem nada sobre imigração ou nacionalidade e sem outros detalhes que possam identificar você. Ela não recebe nenhuma forma de entrar em contato com você.
consent-statement-full = Completo: o SPOC que você escolher pelo nome recebe o mesmo relato mais a forma de contato que você escolheu: diretamente com você ou pela organização de apoio que encaminhou seu relato. Se esse SPOC for substituído, nada é enviado até você concordar de novo com o envio para a nova pessoa.
consent-statement-limits = Limites: depois que algo é enviado a um SPOC, o Lookout não pode pegar isso de volta; o que a polícia faz com isso passa a seguir as regras dela, não as nossas. Antes de concordar, você pode ver exatamente o que seria enviado. O Lookout guarda seu relato criptografado e não armazena endereço nem dados do aparelho ou do navegador; retirar seu relato destrói a chave dele, para que ninguém, nem nós, consiga lê-lo de novo.
home-limits-title = Os limites da confidencialidade
home-limits = O Lookout protege o que guarda, mas não pode proteger o que já saiu dele: um alerta que colegas leram ou um relato que você concordou em enviar à polícia. Um tribunal poderia obrigar as organizações que mantêm o Lookout a entregar o que guardam; esses dados são criptografados, e um relato retirado não pode ser lido por ninguém. Se você está em perigo agora, ligue para o 999.
home-more-title = Também aqui
home-more-follow-up = Acompanhe um relato com seu comprovante
home-more-subscribe = Receba alertas de segurança por e-mail

## Report form (/report)
report-title = Relatar um incidente
report-intro = Conte o que aconteceu. Só são necessários o tipo de incidente, a região e o que aconteceu; todo o resto é escolha sua. Antes de qualquer envio, você vai ver exatamente o que sairia do Lookout.
report-safety = Não coloque seu nome nem seus dados de contato na descrição: há um espaço separado e opcional para eles mais abaixo.
report-what-legend = O que aconteceu
report-category = Tipo de incidente
report-region = Área policial onde aconteceu
report-area = Local (opcional)
report-area-hint = Basta uma cidade ou um bairro. Não informe o endereço (rua e número).
report-date = Data (opcional)
report-date-hint = No formato AAAA-MM-DD, por exemplo 2026-11-18.
report-description = O que aconteceu
report-description-hint = Com suas próprias palavras. Até 20.000 caracteres.
report-perpetrator-legend = Sobre a pessoa que fez isso (opcional)
report-perpetrator-hint = Esses detalhes ajudam colegas a reconhecê-lo. Depois que um alerta é publicado, colegas podem consultar números de telefone, e-mails, veículos e nomes online.
report-perpetrator-description = Descrição
report-phone-numbers = Número de telefone
report-emails = Endereço de e-mail
report-vehicles = Placa do veículo
report-handles = Nome ou perfil online
report-more-boxes = Manter o que digitei e adicionar mais campos
report-alert-legend = Alerta de segurança
report-alert-yes = Sim, a equipe de atendimento pode transformar este relato em um alerta de segurança para colegas (sem nada que me identifique)
report-alert-no = Não, não usem este relato para um alerta
report-contact-legend = Como podemos falar com você (opcional)
report-contact-hint = Só a equipe de atendimento vê isso. A polícia só vê se você escolher “Completo” abaixo.
report-contact-name = Nome ou nome de guerra
report-contact-email = Endereço de e-mail
report-contact-phone = Número de telefone
report-contact-notes = Quando e como entrar em contato com você
report-consent-legend = Compartilhar com a polícia
report-consent-level = O que a polícia pode receber?
consent-level-none = Nada (o padrão)
consent-level-anonymous = Anônimo: o relato sem nada que me identifique
consent-level-full = Completo: o relato e como entrar em contato comigo
report-consent-spoc = Qual pessoa de contato na polícia (SPOC)?
report-consent-spoc-hint = Só é necessário para Anônimo ou Completo. Escolha o contato da área onde aconteceu.
report-consent-no-spocs = No momento não há nenhum contato na polícia cadastrado, então só é possível escolher “Nada”.
report-share-children = A polícia pode ver menções aos meus filhos (elas nunca aparecem nos alertas)
report-language = Idioma em que você escreve
report-preview-button = Ver o que seria enviado

## Preview
preview-title = Confira antes de enviar
preview-intro = Isto é exatamente o que sairia do Lookout se você enviar este relato. Nada foi enviado nem salvo ainda.
preview-police-title = O que a polícia receberia
preview-police-to = Enviado somente para { $spoc }
preview-police-none = Nada: você escolheu não compartilhar este relato com a polícia.
preview-alert-title = O rascunho de alerta que a equipe de atendimento usaria como base
preview-alert-explain = Alguém da equipe de atendimento pode publicar um alerta de segurança com base neste rascunho. O alerta nunca inclui seus dados de contato.
preview-alert-none = Nenhum alerta: você escolheu que este relato não seja usado para isso.
preview-removed-title = O que foi removido
preview-removed-explain = O Lookout removeu estes tipos de detalhes do que sairia dele:
preview-removed-nothing = Não foi preciso remover nada.
preview-confirm-explain = Se estiver tudo certo, envie o relato. Você também pode voltar e mudar o que quiser: tudo o que você digitou fica guardado.
preview-send-button = Enviar o relato
preview-edit-button = Voltar e editar

## Receipt
receipt-title = Seu relato foi recebido
receipt-thanks = Agradecemos. Seu relato está seguro com a gente.
receipt-your-receipt = Seu comprovante
receipt-write-down = Anote este comprovante agora ou guarde-o em um lugar seguro. Ele só aparece uma vez: o Lookout não pode mostrá-lo de novo nem recuperá-lo, e ele é a única forma de voltar ao seu relato.
receipt-use = Com ele, você pode ler as respostas da equipe de atendimento, mudar o que a polícia pode ver ou retirar seu relato.

## Follow up (/follow-up)
follow-up-title = Acompanhar um relato
follow-up-intro = Digite o comprovante que você recebeu quando fez o relato.
follow-up-receipt = Comprovante
follow-up-receipt-hint = Ele tem este formato: LKT-XXXX-XXXX-XXXX-XXXX.
follow-up-open-button = Abrir meu relato
follow-up-receipt-unknown = Nenhum relato tem este comprovante. Confira e tente de novo; um relato retirado não pode ser aberto.
follow-up-status-title = Seu relato
follow-up-status = Situação
follow-up-submitted = Enviado em
follow-up-consent = A polícia pode receber
follow-up-consent-renew = O contato na polícia que você escolheu mudou. Nada será enviado à polícia até você escolher de novo abaixo.
status-received = Recebido
status-reviewed = Lido pela equipe de atendimento
status-alert_published = Um alerta de segurança foi publicado
status-forwarded = Enviado ao contato na polícia que você escolheu
status-closed = Encerrado
status-withdrawn = Retirado
follow-up-messages = Mensagens
follow-up-no-messages = Nenhuma mensagem ainda.
follow-up-from-you = Você
follow-up-from-caseworker = Equipe de atendimento
follow-up-reply = Escrever para a equipe de atendimento
follow-up-reply-button = Enviar mensagem
follow-up-reply-sent = Sua mensagem foi enviada.
follow-up-disclosures = O que a polícia recebeu
follow-up-no-disclosures = Nada foi enviado à polícia.
follow-up-disclosed-to = Enviado para { $to }
follow-up-change-consent = Mudar o que a polícia pode receber
follow-up-change-consent-explain = Você pode mudar isso a qualquer momento. Antes de qualquer mudança, você vai ver o que a nova escolha enviaria.
follow-up-consent-preview-button = Ver o que isso enviaria
follow-up-consent-changed = Sua escolha foi salva. Ela vale a partir de agora.
follow-up-withdraw = Retirar o relato
follow-up-withdraw-explain = Retirar destrói seu relato para que ninguém consiga lê-lo de novo. Vamos pedir que você confirme.
follow-up-withdraw-button = Retirar…
consent-preview-title = Confira sua nova escolha
consent-preview-level = Nova escolha: { $level }
consent-preview-would-send = Se seu relato for enviado à polícia com esta escolha, isto é exatamente o que ela receberia:
consent-preview-nothing = Com esta escolha, nada seria enviado à polícia.
consent-preview-not-undone = O que já foi enviado à polícia com uma escolha anterior não pode ser pego de volta.
consent-preview-confirm-button = Salvar esta escolha
consent-preview-cancel-button = Manter minha escolha atual
withdraw-title = Retirar seu relato?
withdraw-destroys = Retirar destrói a chave do seu relato. Isso não pode ser desfeito:
withdraw-destroys-content = ninguém, nem a equipe de atendimento do Lookout, vai conseguir ler de novo seu relato, seus dados de contato ou suas mensagens;
withdraw-destroys-queue = ele sai da lista da equipe de atendimento;
withdraw-destroys-drafts = os rascunhos de alerta feitos a partir dele e não publicados são apagados;
withdraw-destroys-checks = os números de telefone e outros detalhes dele deixam de aparecer quando colegas consultam um cliente;
withdraw-destroys-receipt = este comprovante deixa de funcionar.
withdraw-not-undone = Um alerta já publicado, ou qualquer coisa já enviada à polícia, não pode ser pego de volta.
withdraw-confirm-button = Sim, destruir meu relato
withdraw-cancel-button = Não, manter o relato
withdrawn-title = Seu relato foi retirado
withdrawn = A chave dele foi destruída: ninguém, nem o Lookout, consegue lê-lo de novo. O comprovante não funciona mais.

## Check (/check)
check-title = Consultar um cliente
check-intro = Veja se um número de telefone, e-mail, veículo ou nome online aparece em algum alerta de segurança publicado. O que você digita não é guardado.
check-one = Preencha um campo.
check-phone = Número de telefone
check-email = Endereço de e-mail
check-vehicle = Placa do veículo
check-handle = Nome ou perfil online
check-button = Consultar
check-result-title = Resultado
check-no-match = Nenhum alerta publicado menciona isso. Isso não quer dizer que a pessoa é segura: confie no seu instinto.
check-matches = { $count ->
    [one] Um alerta publicado menciona isso:
    [many] { $count } alertas publicados mencionam isso:
   *[other] { $count } alertas publicados mencionam isso:
}
check-published-on = publicado em { $date }
check-caveat = Os alertas vêm de relatos de profissionais do sexo e não são verificados pela polícia nem por um tribunal.

## Subscribe (/subscribe) and the emailed links
subscribe-title = Receber alertas de segurança
subscribe-intro = Receba um e-mail quando um alerta de segurança for publicado para as áreas que você escolher. Primeiro enviamos uma confirmação: nada mais é enviado até você confirmar.
subscribe-email = Seu e-mail
subscribe-email-hint = Guardado de forma criptografada. Usado só para os alertas; todo alerta tem um link para parar de recebê-los.
subscribe-regions = Áreas policiais
subscribe-categories = Tipos de incidente
subscribe-categories-hint = Deixe tudo desmarcado para receber todos os tipos.
subscribe-language = Idioma dos alertas
subscribe-button = Inscrever-se
subscribe-sent-title = Confira seu e-mail
subscribe-sent = Se este endereço puder receber alertas, um e-mail de confirmação está a caminho. Nada é enviado até você confirmar.
confirm-title = Confirme seus alertas de segurança
confirm-explain = Aperte o botão para começar a receber os alertas de segurança do Lookout neste endereço.
confirm-button = Confirmar minha inscrição
confirmed-title = Inscrição confirmada
confirmed = A partir de agora, os alertas de segurança das suas áreas vão chegar a este endereço.
unsubscribe-title = Parar os alertas de segurança
unsubscribe-explain = Aperte o botão para parar todos os alertas de segurança do Lookout enviados a este endereço. Depois disso, seu endereço é apagado.
unsubscribe-button = Cancelar inscrição
unsubscribed-title = Sua inscrição foi cancelada
unsubscribed = Este endereço não vai receber mais alertas e foi apagado.
link-invalid-title = Este link não funciona
link-invalid = Este link não é mais válido: ele expirou, já foi usado ou a inscrição terminou.
link-no-token = Este link está incompleto. Abra-o de novo a partir do e-mail ou copie o link inteiro.

## Published statistics (/statistics), the retention date on the follow-up page, and the exception policy.
home-more-statistics = Estatísticas publicadas
statistics-title = Estatísticas
statistics-intro = O que passou pelo Lookout, por trimestre do ano. Um trimestre só é publicado depois que termina, para que nenhum número possa apontar para um relato recente.
statistics-suppression = Um número de 1 a 4 poderia apontar para uma única pessoa, por isso aparece como “menos de 5”. Nas tabelas por tipo de incidente e por área, o zero aparece do mesmo jeito, e alguns números maiores são omitidos, para que nenhum número pequeno possa ser descoberto subtraindo dos totais.
statistics-none = Nenhum trimestre terminou desde que o Lookout começou, então ainda não há nada para publicar.
statistics-quarter = { $number }º trimestre de { $year }
statistics-fewer-than-five = menos de 5
statistics-withheld = omitido
statistics-by-category = Relatos por tipo de incidente
statistics-by-region = Relatos por área policial
statistics-activity = O que o Lookout fez
statistics-kind = Tipo de incidente
statistics-area = Área
statistics-reports = Relatos
statistics-what = O quê
statistics-number = Número
statistics-relayed = Relatos encaminhados por organizações de apoio
statistics-alerts-published = Alertas de segurança publicados
statistics-checks-made = Consultas de clientes feitas
statistics-checks-matched = Consultas de clientes que encontraram um alerta publicado
statistics-forwards-anonymous = Relatos enviados a um contato na polícia, com consentimento, sem uma forma de entrar em contato com quem relatou
statistics-forwards-full = Relatos enviados a um contato na polícia, com consentimento, com uma forma de entrar em contato com quem relatou
statistics-withdrawals = Relatos retirados pelas pessoas que os fizeram
statistics-police-requests-refused = Pedidos da polícia ou de outros para receber mais do que foi consentido (todos recusados)
statistics-exception-disclosures = Repasses de informações pela política de exceção
statistics-police-misconduct = Relatos de má conduta de policiais
follow-up-expires = A menos que você o retire antes, este relato e tudo o que está ligado a ele serão apagados em { $date }. O Lookout guarda os relatos por { $days } dias.
exception-title = Quando podemos compartilhar sem o seu consentimento
exception-version = Política de exceção, versão { $version }
exception-default = Existe uma única exceção a “nada vai para a polícia sem o seu consentimento”: se um relato mostrar que uma criança corre risco imediato de sofrer um dano grave, as organizações que mantêm o Lookout podem repassar o que for necessário para proteger essa criança a uma pessoa de contato na polícia identificada pelo nome (SPOC). Isso nunca é automático: alguém da equipe de atendimento precisa propor isso e dar um motivo, e uma pessoa diferente, da administração, precisa aprovar. Do que é repassado continua sendo removido tudo sobre imigração ou nacionalidade e tudo o que possa identificar você; isso nunca vai para os órgãos de fiscalização de imigração; e você vai ver exatamente o que foi enviado, com seu comprovante.
exception-read-first = Antes de escrever, leia quando podemos compartilhar sem o seu consentimento:
follow-up-disclosed-exception = Enviado sem o seu consentimento, com base na política de exceção.
