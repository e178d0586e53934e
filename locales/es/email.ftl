# Los correos que Lookout envía a las personas suscritas.

## El correo de alerta
email-safety-alert = Alerta de seguridad
email-alert-subject = { email-safety-alert }: { $category } — { $regions }
email-field = { $label }: { $value }
email-published = Publicada
email-phone-numbers = Números de teléfono
email-emails = Correos electrónicos
email-vehicles = Vehículos
email-handles = Perfiles en línea
email-why = Recibes este correo porque esta dirección se suscribió a las alertas de seguridad de Lookout.
email-unsubscribe = Darse de baja

## El correo de confirmación
email-confirm-subject = Confirma tus alertas de seguridad de Lookout
email-confirm-ask = Alguien (esperamos que tú) pidió recibir alertas de seguridad de Lookout en esta dirección. Para empezar a recibirlas, confirma aquí:
email-confirm-ignore = Si no fuiste tú, ignora este correo: no se enviará nada más.
