//! Email templates: plain text and HTML alternatives, in the subscriber's language where a
//! translation exists (English otherwise). Everything interpolated into HTML is escaped.

/// The fixed words of the emails in one language.
struct Words {
    safety_alert: &'static str,
    published: &'static str,
    phone_numbers: &'static str,
    emails: &'static str,
    vehicles: &'static str,
    handles: &'static str,
    why: &'static str,
    unsubscribe: &'static str,
    confirm_subject: &'static str,
    confirm_ask: &'static str,
    confirm_ignore: &'static str,
}

const EN: Words = Words {
    safety_alert: "Safety alert",
    published: "Published",
    phone_numbers: "Phone numbers",
    emails: "Email addresses",
    vehicles: "Vehicles",
    handles: "Online handles",
    why: "You receive this because this address subscribed to Lookout safety alerts.",
    unsubscribe: "Unsubscribe",
    confirm_subject: "Confirm your Lookout safety alerts",
    confirm_ask: "Someone (we hope you) asked for Lookout safety alerts at this address. To start receiving them, confirm here:",
    confirm_ignore: "If it was not you, ignore this email: nothing more will be sent.",
};

const ES: Words = Words {
    safety_alert: "Alerta de seguridad",
    published: "Publicada",
    phone_numbers: "Números de teléfono",
    emails: "Correos electrónicos",
    vehicles: "Vehículos",
    handles: "Perfiles en línea",
    why: "Recibes este correo porque esta dirección se suscribió a las alertas de seguridad de Lookout.",
    unsubscribe: "Darse de baja",
    confirm_subject: "Confirma tus alertas de seguridad de Lookout",
    confirm_ask: "Alguien (esperamos que tú) pidió recibir alertas de seguridad de Lookout en esta dirección. Para empezar a recibirlas, confirma aquí:",
    confirm_ignore: "Si no fuiste tú, ignora este correo: no se enviará nada más.",
};

const PT: Words = Words {
    safety_alert: "Alerta de segurança",
    published: "Publicado",
    phone_numbers: "Números de telefone",
    emails: "Endereços de e-mail",
    vehicles: "Veículos",
    handles: "Perfis online",
    why: "Você recebe isto porque este endereço se inscreveu nos alertas de segurança do Lookout.",
    unsubscribe: "Cancelar inscrição",
    confirm_subject: "Confirme seus alertas de segurança do Lookout",
    confirm_ask: "Alguém (esperamos que você) pediu alertas de segurança do Lookout neste endereço. Para começar a recebê-los, confirme aqui:",
    confirm_ignore: "Se não foi você, ignore este e-mail: nada mais será enviado.",
};

const RO: Words = Words {
    safety_alert: "Alertă de siguranță",
    published: "Publicat",
    phone_numbers: "Numere de telefon",
    emails: "Adrese de e-mail",
    vehicles: "Vehicule",
    handles: "Conturi online",
    why: "Primești acest mesaj pentru că această adresă s-a abonat la alertele de siguranță Lookout.",
    unsubscribe: "Dezabonare",
    confirm_subject: "Confirmă alertele de siguranță Lookout",
    confirm_ask: "Cineva (sperăm că tu) a cerut alerte de siguranță Lookout la această adresă. Ca să începi să le primești, confirmă aici:",
    confirm_ignore: "Dacă nu ai fost tu, ignoră acest e-mail: nu se va mai trimite nimic.",
};

const PL: Words = Words {
    safety_alert: "Alert bezpieczeństwa",
    published: "Opublikowano",
    phone_numbers: "Numery telefonów",
    emails: "Adresy e-mail",
    vehicles: "Pojazdy",
    handles: "Profile internetowe",
    why: "Ta wiadomość przychodzi, bo ten adres zapisano na alerty bezpieczeństwa Lookout.",
    unsubscribe: "Wypisz się",
    confirm_subject: "Potwierdź alerty bezpieczeństwa Lookout",
    confirm_ask: "Ktoś (mamy nadzieję, że Ty) poprosił o alerty bezpieczeństwa Lookout na ten adres. Aby zacząć je otrzymywać, potwierdź tutaj:",
    confirm_ignore: "Jeśli to nie Ty, zignoruj tę wiadomość: nic więcej nie zostanie wysłane.",
};

/// Languages with a translation; anything else falls back to English.
pub const LANGUAGES: [&str; 5] = ["en", "es", "pt", "ro", "pl"];

fn words(language: &str) -> &'static Words {
    match language.split('-').next().unwrap_or("en") {
        "es" => &ES,
        "pt" => &PT,
        "ro" => &RO,
        "pl" => &PL,
        _ => &EN,
    }
}

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn paragraphs_html(text: &str) -> String {
    text.split("\n\n")
        .map(|p| format!("<p>{}</p>", escape_html(p).replace('\n', "<br>")))
        .collect()
}

pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// What an alert email says. The caller has already stripped it of reporter details.
pub struct AlertEmail<'a> {
    pub category_name: &'a str,
    pub region_names: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub published_on: &'a str,
    pub phone_numbers: &'a [String],
    pub emails: &'a [String],
    pub vehicles: &'a [String],
    pub handles: &'a [String],
    pub unsubscribe_url: &'a str,
    pub language: &'a str,
}

pub fn alert(a: &AlertEmail<'_>) -> Rendered {
    let w = words(a.language);
    let subject = format!(
        "{}: {} — {}",
        w.safety_alert, a.category_name, a.region_names
    );
    let lists = [
        (w.phone_numbers, a.phone_numbers),
        (w.emails, a.emails),
        (w.vehicles, a.vehicles),
        (w.handles, a.handles),
    ];
    let mut text = format!("{}\n\n{}\n\n", a.title, a.body);
    let mut html = format!(
        "<!doctype html><html><body><h1>{}</h1>{}",
        escape_html(a.title),
        paragraphs_html(a.body)
    );
    let present: Vec<_> = lists.iter().filter(|(_, l)| !l.is_empty()).collect();
    if !present.is_empty() {
        html.push_str("<ul>");
        for (label, list) in present {
            text.push_str(&format!("{label}: {}\n", list.join(", ")));
            html.push_str(&format!(
                "<li><strong>{}:</strong> {}</li>",
                escape_html(label),
                escape_html(&list.join(", "))
            ));
        }
        html.push_str("</ul>");
        text.push('\n');
    }
    text.push_str(&format!(
        "{}: {}\n\n--\n{}\n{}: {}\n",
        w.published, a.published_on, w.why, w.unsubscribe, a.unsubscribe_url
    ));
    html.push_str(&format!(
        "<p>{}: {}</p><hr><p>{}</p><p><a href=\"{}\">{}</a></p></body></html>",
        escape_html(w.published),
        escape_html(a.published_on),
        escape_html(w.why),
        escape_html(a.unsubscribe_url),
        escape_html(w.unsubscribe)
    ));
    Rendered {
        subject,
        text,
        html,
    }
}

pub fn confirmation(confirm_url: &str, language: &str) -> Rendered {
    let w = words(language);
    Rendered {
        subject: w.confirm_subject.to_string(),
        text: format!(
            "{}\n\n{}\n\n{}\n",
            w.confirm_ask, confirm_url, w.confirm_ignore
        ),
        html: format!(
            "<!doctype html><html><body><p>{}</p><p><a href=\"{}\">{}</a></p><p>{}</p></body></html>",
            escape_html(w.confirm_ask),
            escape_html(confirm_url),
            escape_html(confirm_url),
            escape_html(w.confirm_ignore)
        ),
    }
}

/// A document sent as it is (the police forward): the text verbatim, and an HTML alternative
/// that shows the same text, escaped, in a preformatted block.
pub fn document(subject: &str, text: &str) -> Rendered {
    Rendered {
        subject: subject.to_string(),
        text: text.to_string(),
        html: format!(
            "<!doctype html><html><body><pre style=\"white-space: pre-wrap\">{}</pre></body></html>",
            escape_html(text)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_and_languages_fall_back_to_english() {
        let empty: Vec<String> = Vec::new();
        let r = alert(&AlertEmail {
            category_name: "Robbery",
            region_names: "Gwent Police",
            title: "<script>x</script>",
            body: "a & b",
            published_on: "2026-11-21",
            phone_numbers: &["07700 900123".to_string()],
            emails: &empty,
            vehicles: &empty,
            handles: &empty,
            unsubscribe_url: "https://l.example/u?token=a\"b",
            language: "xx",
        });
        assert_eq!(r.subject, "Safety alert: Robbery — Gwent Police");
        assert!(r.html.contains("&lt;script&gt;") && !r.html.contains("<script>"));
        assert!(r.html.contains("a &amp; b"));
        assert!(r.html.contains("token=a&quot;b"));
        assert!(r.text.contains("Phone numbers: 07700 900123"));
        assert!(!r.text.contains("Vehicles"), "empty lists are left out");
        assert_eq!(confirmation("u", "pt-BR").subject, PT.confirm_subject);
    }
}
