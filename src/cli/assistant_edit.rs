//! `bpa assistant edit` and `bpa assistant deactivate`: change an assistant
//! through `Store::update_assistant` (one audited transaction); only what is
//! given changes, and "" clears a date or the employee number.

use super::output::emit;
use super::{Context, Failure, Outcome, date_arg, lookup};
use crate::text::clean;

/// What `bpa assistant edit` was given; `None` keeps.
pub struct AssistantChanges {
    pub rename: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub employee_number: Option<String>,
    pub police_certificate: Option<String>,
    pub confidentiality: Option<String>,
    pub contract: Option<String>,
}

/// A date option: "" clears it.
fn date_or_none(flag: &str, text: &str) -> Result<Option<chrono::NaiveDate>, Failure> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        date_arg(flag, text).map(Some)
    }
}

/// `bpa assistant edit NAME …`.
pub fn edit(ctx: &mut Context, name: &str, c: AssistantChanges) -> Outcome {
    let before = lookup::assistant(ctx, name)?;
    let mut a = before.clone();
    let s = ctx.lang.strings();
    let mut changed: Vec<&str> = Vec::new();
    if let Some(n) = c.rename {
        a.name = n;
        changed.push(s.f_name);
    }
    if let Some(p) = c.phone {
        a.phone = p;
        changed.push(s.f_phone);
    }
    if let Some(e) = c.email {
        a.email = e;
        changed.push(s.f_email);
    }
    if let Some(n) = c.employee_number {
        a.employee_number = n;
        changed.push(s.f_employee_number);
    }
    if let Some(d) = c.police_certificate {
        a.police_certificate = date_or_none("--police-certificate", &d)?;
        changed.push(s.f_police);
    }
    if let Some(d) = c.confidentiality {
        a.confidentiality = date_or_none("--confidentiality", &d)?;
        changed.push(s.f_confidentiality);
    }
    if let Some(d) = c.contract {
        a.contract = date_or_none("--contract", &d)?;
        changed.push(s.f_contract);
    }
    if changed.is_empty() {
        return Err(Failure::User(
            "nothing to change: give at least one of --rename, --phone, --email, --employee-number, --police-certificate, --confidentiality, --contract".into(),
        ));
    }
    ctx.store.update_assistant(&a, Some(&before))?;
    let fields: Vec<String> = changed.iter().map(|f| f.to_lowercase()).collect();
    emit(&format!(
        "{}\n",
        s.assistant_edited
            .replace("{name}", &clean(a.name.trim()))
            .replace("{fields}", &fields.join(", "))
    ))
}

/// `bpa assistant deactivate NAME`: marks them former; already former is
/// said and is no error.
pub fn deactivate(ctx: &mut Context, name: &str) -> Outcome {
    let before = lookup::assistant(ctx, name)?;
    let s = ctx.lang.strings();
    let shown = clean(&before.name).into_owned();
    if !before.active {
        return emit(&format!(
            "{}\n",
            s.assistant_already_former.replace("{}", &shown)
        ));
    }
    let mut a = before.clone();
    a.active = false;
    ctx.store.update_assistant(&a, Some(&before))?;
    emit(&format!(
        "{}\n",
        s.assistant_deactivated.replace("{}", &shown)
    ))
}
