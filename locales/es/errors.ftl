# What a page says beside a field that needs changing, and the error pages.

error-required = Esto es obligatorio.
error-too-long = Es demasiado largo: como máximo { $max } caracteres.
error-too-many = Demasiados: como máximo { $max }.
error-control-characters = Contiene caracteres que no se pueden usar (caracteres de control).
error-consent-level = Elige uno de los tres niveles.
error-consent-spoc-absent = Solo se elige un contacto policial con «Anónimo» o «Completo».
error-consent-spoc = Elige un contacto policial de la lista.
error-consent-spoc-required = Elige qué contacto policial puede recibirlo.
error-statement-version = La declaración de consentimiento ha cambiado. Vuelve a leerla y vuelve a elegir.
error-email = Escribe un correo electrónico, como nombre@example.org.
error-phone = Escribe un número de teléfono.
error-category = Elige el tipo de incidente.
error-region = Elige la zona policial.
error-language = Elige un idioma de la lista.
error-contact-for-full = Compartir en modo «Completo» da a la policía una forma de contactarte: rellena al menos una forma de contacto más abajo, o elige «Anónimo».
error-full-needs-contact = Este reporte no tiene datos de contacto, así que no se puede elegir «Completo»: elige «Anónimo».
error-date = Escribe la fecha en formato YYYY-MM-DD (año-mes-día), por ejemplo 2026-11-18.
error-date-future = La fecha no puede ser futura.
error-date-past = La fecha tiene que ser posterior a 1970.
error-check-one = Rellena una sola casilla, ni más ni menos.
error-regions = Elige al menos una zona policial.
error-categories = Elige tipos de incidente de la lista, o deja todo sin marcar para recibir todos los tipos.
error-share-children-later = Esto solo se puede elegir al hacer el reporte.
error-firewall-field = Lookout no acepta datos sobre inmigración, nacionalidad ni documentos de identidad.

error-rate-limited-title = Demasiadas solicitudes
error-rate-limited = Han llegado demasiadas solicitudes desde aquí en poco tiempo. Espera un minuto e inténtalo de nuevo. No se ha guardado nada.
error-unavailable-title = Lookout está ocupado
error-unavailable = Lookout no puede hacer esto ahora mismo. Inténtalo de nuevo dentro de unos minutos.
error-not-found-title = Página no encontrada
error-not-found = Aquí no hay ninguna página. Usa los enlaces de arriba.
error-bad-request-title = Algo falló en el formulario
error-bad-request = No se pudo leer el formulario. Vuelve atrás e inténtalo de nuevo.
error-internal-title = Algo salió mal
error-internal = Algo salió mal por nuestra parte. Inténtalo más tarde.

## Kinds of content the firewall removes, shown in the preview
removed-immigration-reference = menciones de inmigración
removed-identity-document-number = números de documentos de identidad
removed-nationality-or-country-of-origin = nacionalidad o país de origen
removed-home-workplace-or-premises = casas, lugares de trabajo o locales
removed-street-address = direcciones (calle y número)
removed-other-people-co-workers-family-helpers = otras personas (compañeras, familia, personas que ayudan)
removed-children = niños y niñas
removed-reporter-name = tu nombre
removed-reporter-email-address = tu correo electrónico
removed-reporter-phone-number = tu número de teléfono
removed-email-address = correos electrónicos
removed-phone-number = números de teléfono
removed-full-postcode = códigos postales completos
removed-exact-time = horas exactas
removed-names-or-initials-of-other-people = nombres o iniciales de otras personas
removed-removed-by-the-caseworker = partes quitadas por el equipo de apoyo
