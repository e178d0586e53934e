# Lookout's pages, in English: the source every translation follows.
# Placeables ({ $name }) must keep their names in every language.

## Every page
site-name = Lookout
skip-to-content = Ir al contenido principal
nav-label = Principal
nav-languages = Idioma
nav-home = Sobre Lookout
nav-report = Reportar un incidente
nav-follow-up = Seguimiento de un reporte
nav-check = Comprobar a un cliente
nav-subscribe = Recibir alertas de seguridad
footer-privacy = Lookout no guarda ningún registro de tu dirección, tu dispositivo ni tu navegador, no usa cookies y no ejecuta scripts. Lo que escribes se cifra.
choose = Elige…
form-has-errors = Hay respuestas que tienes que cambiar

## About (/)
home-title = Reporta de forma segura. Avisa a las demás. Tú decides qué ve la policía.
home-intro = Lookout es un sistema «Ugly Mugs»: las trabajadoras sexuales, y las organizaciones de apoyo en las que confían, reportan de forma anónima la violencia y otros delitos. Los reportes se convierten en alertas de seguridad para otras trabajadoras, y puedes comprobar si el número de un cliente aparece en ellas.
home-who-title = Quién lo gestiona
home-who = Lookout lo gestionan organizaciones de apoyo a trabajadoras sexuales, no la policía ni el gobierno. Su código es abierto, así que cualquiera puede comprobar lo que hace.
home-protect-title = Cómo se protege tu reporte
home-protect-anonymous = No necesitas cuenta ni nombre. En su lugar recibes un código de recibo: es la única forma de volver a tu reporte.
home-protect-encrypted = Lo que escribes se cifra en cuanto llega. Tus datos de contacto, si los das, se cifran por separado.
home-protect-firewall = Un cortafuegos migratorio en el propio código: todo lo relacionado con inmigración, nacionalidad, visados o documentos de identidad se elimina de todo lo que sale de Lookout, y nunca se envía nada a los servicios de control migratorio, al Ministerio del Interior británico (Home Office) ni a la Fuerza de Fronteras (Border Force).
home-protect-receipt = Con tu recibo puedes leer respuestas, cambiar de opinión sobre la policía o retirar el reporte, lo que destruye su clave para que nadie pueda volver a leerlo.
home-protect-no-tracking = Lookout no guarda direcciones IP ni datos de tu dispositivo o navegador, y no usa cookies. Las páginas funcionan con JavaScript desactivado, también en Tor Browser.
home-police-title = Qué puede y qué no puede recibir la policía
home-police-can = Solo si tú lo decides: el contacto policial designado (SPOC) que elijas recibe tu reporte, después de quitar todo lo que pueda identificarte a ti, a otras personas o lugares, y, solo si también lo eliges, una forma de contactarte.
home-police-cannot = La policía nunca recibe tu reporte sin tu consentimiento, nunca tiene acceso a Lookout y nunca recibe nada sobre inmigración o nacionalidad. No se envía nada a ninguna otra parte de la policía ni a nadie más.
consent-title = La declaración de consentimiento
consent-read-statement = Lee la declaración de consentimiento
consent-statement-intro = Lookout nunca comparte tu reporte con la policía a menos que tú lo elijas, y nunca, en ningún caso, con los servicios de control migratorio, el Ministerio del Interior británico (Home Office) ni la Fuerza de Fronteras (Border Force). Eliges uno de tres niveles, y puedes cambiar o retirar tu elección en cualquier momento con tu recibo.
consent-statement-none = Nada (la opción predeterminada): no se envía a la policía nada de tu reporte. El equipo de apoyo puede usarlo de todas formas, quitando todo lo que pueda identificarte, para avisar a otras trabajadoras.
consent-statement-anonymous = Anónimo: el contacto policial designado (SPOC) que elijas recibe tu reporte sin tus datos de contacto, sin nada sobre inmigración o nacionalidad y sin otros detalles que puedan identificarte. No recibe ninguna forma de contactarte.
consent-statement-full = Completo: el SPOC designado que elijas recibe el mismo reporte más la vía de contacto que elegiste: tú directamente, o la organización de apoyo que envió tu reporte. Si cambian a ese SPOC por otra persona, no se envía nada hasta que vuelvas a dar tu consentimiento para la nueva persona.
consent-statement-limits = Límites: una vez que algo se ha enviado a un SPOC, Lookout no puede recuperarlo; lo que la policía haga con ello queda entonces bajo sus normas, no las nuestras. Antes de aceptar puedes ver exactamente lo que se enviaría. Lookout guarda tu reporte cifrado y no almacena direcciones ni datos de tu dispositivo o navegador; retirar tu reporte destruye su clave para que nadie, ni siquiera nosotros, pueda volver a leerlo.
home-limits-title = Los límites de la confidencialidad
home-limits = Lookout protege lo que guarda, pero no puede proteger lo que ya ha salido de él: una alerta que leen otras trabajadoras, o un reporte que aceptaste enviar a la policía. Un tribunal podría ordenar a las organizaciones que gestionan Lookout que entreguen lo que guardan; está cifrado, y nadie puede leer un reporte retirado. Si estás en peligro ahora, llama al 999.
home-more-title = También aquí
home-more-follow-up = Haz el seguimiento de un reporte con tu recibo
home-more-subscribe = Recibe alertas de seguridad por correo electrónico

## Report form (/report)
report-title = Reportar un incidente
report-intro = Cuéntanos qué pasó. Solo hace falta el tipo de incidente, la zona y qué pasó; todo lo demás lo decides tú. Antes de que se envíe nada, verás exactamente lo que saldría de Lookout.
report-safety = No pongas tu nombre ni tus datos de contacto en la descripción: más abajo hay un lugar aparte, y opcional, para ellos.
report-what-legend = Qué pasó
report-category = Tipo de incidente
report-region = Zona policial donde pasó
report-area = Lugar (opcional)
report-area-hint = Basta con una ciudad o un barrio. No pongas una dirección con calle y número.
report-date = Fecha (opcional)
report-date-hint = En formato YYYY-MM-DD (año-mes-día), por ejemplo 2026-11-18.
report-description = Qué pasó
report-description-hint = Con tus propias palabras. Hasta 20.000 caracteres.
report-perpetrator-legend = Sobre la persona que lo hizo (opcional)
report-perpetrator-hint = Estos datos ayudan a otras trabajadoras a reconocerlo. Cuando se publica una alerta, otras trabajadoras pueden comprobar los números de teléfono, correos electrónicos, vehículos y nombres en internet.
report-perpetrator-description = Descripción
report-phone-numbers = Número de teléfono
report-emails = Correo electrónico
report-vehicles = Matrícula del vehículo
report-handles = Nombre o perfil en internet
report-more-boxes = Guardar lo que escribí y añadir más casillas
report-alert-legend = Alerta de seguridad
report-alert-yes = Sí, el equipo de apoyo puede convertir este reporte en una alerta de seguridad para otras trabajadoras (sin nada que me identifique)
report-alert-no = No, no usarlo para una alerta
report-contact-legend = Cómo podemos contactarte (opcional)
report-contact-hint = Solo lo ve el equipo de apoyo. La policía solo lo ve si eliges «Completo» más abajo.
report-contact-name = Nombre o nombre de trabajo
report-contact-email = Correo electrónico
report-contact-phone = Número de teléfono
report-contact-notes = Cuándo y cómo contactarte
report-consent-legend = Compartir con la policía
report-consent-level = ¿Qué puede recibir la policía?
consent-level-none = Nada (la opción predeterminada)
consent-level-anonymous = Anónimo: el reporte sin nada que me identifique
consent-level-full = Completo: el reporte y cómo contactarme
report-consent-spoc = ¿Qué contacto policial designado (SPOC)?
report-consent-spoc-hint = Solo hace falta para «Anónimo» o «Completo». Elige el contacto de la zona donde pasó.
report-consent-no-spocs = Ahora mismo no hay ningún contacto policial registrado, así que solo se puede elegir «Nada».
report-share-children = La policía puede ver lo que digo sobre mis hijos (nunca aparecen en las alertas)
report-language = Idioma en el que escribes
report-preview-button = Ver lo que se enviaría

## Preview
preview-title = Revisa antes de enviar
preview-intro = Esto es exactamente lo que saldría de Lookout si envías este reporte. Todavía no se ha enviado ni guardado nada.
preview-police-title = Lo que recibiría la policía
preview-police-to = Se envía solo a { $spoc }
preview-police-none = Nada: elegiste no compartir este reporte con la policía.
preview-alert-title = La alerta de la que partiría el equipo de apoyo
preview-alert-explain = El equipo de apoyo puede publicar una alerta de seguridad basada en este borrador. Nunca incluye tus datos de contacto.
preview-alert-none = Sin alerta: elegiste que este reporte no se use para ninguna alerta.
preview-removed-title = Lo que se quitó
preview-removed-explain = Lookout quitó estos tipos de datos de lo que saldría:
preview-removed-nothing = No hizo falta quitar nada.
preview-confirm-explain = Si está bien, envía el reporte. También puedes volver y cambiar lo que quieras: se guarda todo lo que escribiste.
preview-send-button = Enviar el reporte
preview-edit-button = Volver y editar

## Receipt
receipt-title = Hemos recibido tu reporte
receipt-thanks = Gracias. Tu reporte está seguro con nosotros.
receipt-your-receipt = Tu recibo
receipt-write-down = Apunta este recibo ahora o guárdalo en un lugar seguro. Solo se muestra una vez: Lookout no puede volver a mostrarlo ni recuperarlo, y es la única forma de volver a tu reporte.
receipt-use = Con él puedes leer las respuestas del equipo de apoyo, cambiar lo que puede ver la policía o retirar tu reporte.

## Follow up (/follow-up)
follow-up-title = Seguimiento de un reporte
follow-up-intro = Escribe el recibo que te dieron cuando hiciste el reporte.
follow-up-receipt = Recibo
follow-up-receipt-hint = Tiene este aspecto: LKT-XXXX-XXXX-XXXX-XXXX.
follow-up-open-button = Abrir mi reporte
follow-up-receipt-unknown = Ningún reporte tiene este recibo. Revísalo e inténtalo de nuevo; un reporte retirado no se puede abrir.
follow-up-status-title = Tu reporte
follow-up-status = Estado
follow-up-submitted = Enviado el
follow-up-consent = La policía puede recibir
follow-up-consent-renew = El contacto policial que elegiste ha cambiado. No se enviará nada a la policía hasta que vuelvas a elegir aquí abajo.
status-received = Recibido
status-reviewed = Leído por el equipo de apoyo
status-alert_published = Se publicó una alerta de seguridad
status-forwarded = Enviado al contacto policial que elegiste
status-closed = Cerrado
status-withdrawn = Retirado
follow-up-messages = Mensajes
follow-up-no-messages = Todavía no hay mensajes.
follow-up-from-you = Tú
follow-up-from-caseworker = Equipo de apoyo
follow-up-reply = Escribe al equipo de apoyo
follow-up-reply-button = Enviar mensaje
follow-up-reply-sent = Tu mensaje se ha enviado.
follow-up-disclosures = Lo que recibió la policía
follow-up-no-disclosures = No se ha enviado nada a la policía.
follow-up-disclosed-to = Enviado a { $to }
follow-up-change-consent = Cambiar lo que puede recibir la policía
follow-up-change-consent-explain = Puedes cambiarlo en cualquier momento. Antes de que cambie nada, verás lo que enviaría tu nueva elección.
follow-up-consent-preview-button = Ver lo que se enviaría
follow-up-consent-changed = Tu elección se ha guardado. Se aplica a partir de ahora.
follow-up-withdraw = Retirar el reporte
follow-up-withdraw-explain = Retirarlo destruye tu reporte para que nadie pueda volver a leerlo. Te pediremos que lo confirmes.
follow-up-withdraw-button = Retirar…
consent-preview-title = Revisa tu nueva elección
consent-preview-level = Nueva elección: { $level }
consent-preview-would-send = Si tu reporte se envía a la policía con esta elección, esto es exactamente lo que recibiría:
consent-preview-nothing = Con esta elección no se enviaría nada a la policía.
consent-preview-not-undone = Lo que ya se haya enviado a la policía con una elección anterior no se puede recuperar.
consent-preview-confirm-button = Guardar esta elección
consent-preview-cancel-button = Mantener mi elección actual
withdraw-title = ¿Retirar tu reporte?
withdraw-destroys = Retirarlo destruye la clave de tu reporte. Esto no se puede deshacer:
withdraw-destroys-content = nadie, ni siquiera el equipo de apoyo de Lookout, podrá volver a leer tu reporte, tus datos de contacto ni tus mensajes;
withdraw-destroys-queue = sale de la lista del equipo de apoyo;
withdraw-destroys-drafts = se borran los borradores de alerta hechos a partir de él que no se publicaron;
withdraw-destroys-checks = los números de teléfono y otros datos que contiene ya no aparecen cuando alguien comprueba a un cliente;
withdraw-destroys-receipt = este recibo deja de funcionar.
withdraw-not-undone = Una alerta ya publicada, o lo que ya se haya enviado a la policía, no se puede recuperar.
withdraw-confirm-button = Sí, destruir mi reporte
withdraw-cancel-button = No, conservarlo
withdrawn-title = Tu reporte se ha retirado
withdrawn = Su clave se ha destruido: nadie, ni siquiera Lookout, puede volver a leerlo. El recibo ya no funciona.

## Check (/check)
check-title = Comprobar a un cliente
check-intro = Mira si un número de teléfono, un correo electrónico, un vehículo o un nombre en internet aparece en una alerta de seguridad publicada. Lo que escribes no se guarda.
check-one = Rellena una casilla.
check-phone = Número de teléfono
check-email = Correo electrónico
check-vehicle = Matrícula del vehículo
check-handle = Nombre o perfil en internet
check-button = Comprobar
check-result-title = Resultado
check-no-match = Ninguna alerta publicada menciona esto. Eso no significa que esa persona sea segura: confía en tu instinto.
check-matches = { $count ->
    [one] Una alerta publicada menciona esto:
   *[other] { $count } alertas publicadas mencionan esto:
}
check-published-on = publicada el { $date }
check-caveat = Las alertas vienen de reportes de trabajadoras, y ni la policía ni un tribunal las han comprobado.

## Subscribe (/subscribe) and the emailed links
subscribe-title = Recibir alertas de seguridad
subscribe-intro = Recibe un correo cuando se publique una alerta de seguridad para las zonas que elijas. Primero te enviamos una confirmación: no se envía nada más hasta que confirmes.
subscribe-email = Tu correo electrónico
subscribe-email-hint = Se guarda cifrado. Solo se usa para las alertas; cada alerta trae un enlace para dejar de recibirlas.
subscribe-regions = Zonas policiales
subscribe-categories = Tipos de incidente
subscribe-categories-hint = Deja todo sin marcar para recibir todos los tipos.
subscribe-language = Idioma de las alertas
subscribe-button = Suscribirme
subscribe-sent-title = Revisa tu correo
subscribe-sent = Si esta dirección puede recibir alertas, te llegará un correo de confirmación. No se envía nada hasta que confirmes.
confirm-title = Confirma tus alertas de seguridad
confirm-explain = Pulsa el botón para empezar a recibir las alertas de seguridad de Lookout en esta dirección.
confirm-button = Confirmar mi suscripción
confirmed-title = Suscripción confirmada
confirmed = A partir de ahora, las alertas de seguridad de tus zonas llegarán a esta dirección.
unsubscribe-title = Dejar de recibir alertas de seguridad
unsubscribe-explain = Pulsa el botón para dejar de recibir todas las alertas de seguridad de Lookout en esta dirección. Después, tu dirección se borra.
unsubscribe-button = Darme de baja
unsubscribed-title = Te has dado de baja
unsubscribed = Esta dirección no recibirá más alertas y se ha borrado.
link-invalid-title = Este enlace no funciona
link-invalid = Este enlace ya no es válido: ha caducado, ya se usó o la suscripción ha terminado.
link-no-token = Este enlace está incompleto. Ábrelo otra vez desde el correo o copia el enlace completo.
