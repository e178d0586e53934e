# Os e-mails que o Lookout envia para quem se inscreveu.

## O e-mail de alerta
email-safety-alert = Alerta de segurança
email-alert-subject = { email-safety-alert }: { $category } — { $regions }
email-field = { $label }: { $value }
email-published = Publicado
email-phone-numbers = Números de telefone
email-emails = Endereços de e-mail
email-vehicles = Veículos
email-handles = Perfis online
email-why = Você recebe isto porque este endereço se inscreveu nos alertas de segurança do Lookout.
email-unsubscribe = Cancelar inscrição

## O e-mail de confirmação
email-confirm-subject = Confirme seus alertas de segurança do Lookout
email-confirm-ask = Alguém (esperamos que você) pediu alertas de segurança do Lookout neste endereço. Para começar a recebê-los, confirme aqui:
email-confirm-ignore = Se não foi você, ignore este e-mail: nada mais será enviado.
