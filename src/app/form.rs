//! Forms: labelled text fields and choices with a cursor, focus that moves
//! with Tab and the arrows, and an error that names the field. The input
//! stays as typed until the form is saved or the user agrees to drop it.

/// Which value a field holds, so code finds fields by meaning, not position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldId {
    RecipientName,
    WhoLeads,
    RepName,
    RepRelation,
    Purpose,
    Hours,
    From,
    To,
    Received,
    Deadline,
    Reference,
    Flex,
    SleepFactor,
    Notes,
    Assistant,
    Date,
    Start,
    End,
    Kind,
    ActualStart,
    ActualEnd,
    ActivePeriods,
    Month,
    File,
    EmployeeNumber,
    Substitute,
    WeekNumber,
    Name,
    Phone,
    Email,
    Percent,
    ContractHours,
    EmployedFrom,
    EmployedTo,
    Police,
    Confidentiality,
    ContractDate,
    Active,
    Provider,
    What,
    Weekly,
    Until,
    Rota,
    FromDay,
    ToDay,
    Task,
    Time,
    Drug,
    Dose,
    Planned,
    Outcome,
    Reason,
    GivenBy,
    Severity,
    Action,
    FollowUp,
    Search,
    Item,
    Who,
}

/// A text field, a text field with suggestions that filter as you type,
/// or a choice between fixed options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Lookup {
        options: Vec<String>,
    },
    Choice {
        options: Vec<String>,
        selected: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub id: FieldId,
    pub label: &'static str,
    pub value: String,
    /// Cursor position in characters.
    pub cursor: usize,
    pub kind: FieldKind,
    /// Shown only while another field has the given choice selected.
    pub shown_when: Option<(FieldId, usize)>,
}

impl Field {
    pub fn text(id: FieldId, label: &'static str, value: impl Into<String>) -> Self {
        let value = value.into();
        Self {
            id,
            label,
            cursor: value.chars().count(),
            value,
            kind: FieldKind::Text,
            shown_when: None,
        }
    }

    /// A text field that suggests `options` matching what is typed.
    pub fn lookup(
        id: FieldId,
        label: &'static str,
        value: impl Into<String>,
        options: Vec<String>,
    ) -> Self {
        Self {
            kind: FieldKind::Lookup { options },
            ..Self::text(id, label, value)
        }
    }

    /// True for fields that take typed text.
    pub fn is_text(&self) -> bool {
        matches!(self.kind, FieldKind::Text | FieldKind::Lookup { .. })
    }

    /// The suggestions that contain the typed text (case-insensitive), best first.
    pub fn matches(&self) -> Vec<&str> {
        let FieldKind::Lookup { options } = &self.kind else {
            return Vec::new();
        };
        let typed = self.value.trim().to_lowercase();
        let mut found: Vec<&str> = options
            .iter()
            .map(String::as_str)
            .filter(|o| o.to_lowercase().contains(&typed))
            .collect();
        found.sort_by_key(|o| (!o.to_lowercase().starts_with(&typed), o.to_lowercase()));
        found
    }

    pub fn choice(id: FieldId, label: &'static str, options: Vec<String>, selected: usize) -> Self {
        Self {
            id,
            label,
            value: String::new(),
            cursor: 0,
            kind: FieldKind::Choice { options, selected },
            shown_when: None,
        }
    }

    #[must_use]
    pub fn shown_when(mut self, field: FieldId, selected: usize) -> Self {
        self.shown_when = Some((field, selected));
        self
    }

    /// What the field shows: the text, or the selected option.
    pub fn display(&self) -> &str {
        match &self.kind {
            FieldKind::Text | FieldKind::Lookup { .. } => &self.value,
            FieldKind::Choice { options, selected } => {
                options.get(*selected).map_or("", String::as_str)
            }
        }
    }
}

/// A form: fields, then a save button that has focus index `fields.len()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    pub hint: Option<&'static str>,
    /// True once the user changed anything.
    pub dirty: bool,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Self {
        Self {
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            hint: None,
            dirty: false,
        }
    }

    fn field_index(&self, id: FieldId) -> Option<usize> {
        self.fields.iter().position(|f| f.id == id)
    }

    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The trimmed text of a field ("" when absent).
    pub fn value(&self, id: FieldId) -> &str {
        self.field(id).map_or("", |f| f.value.trim())
    }

    /// The selected option of a choice field (0 when absent).
    pub fn selected(&self, id: FieldId) -> usize {
        match self.field(id).map(|f| &f.kind) {
            Some(FieldKind::Choice { selected, .. }) => *selected,
            _ => 0,
        }
    }

    pub fn is_visible(&self, index: usize) -> bool {
        match self.fields.get(index).and_then(|f| f.shown_when) {
            Some((other, choice)) => self.selected(other) == choice,
            None => true,
        }
    }

    /// The index of the save button.
    pub fn save_index(&self) -> usize {
        self.fields.len()
    }

    pub fn on_save(&self) -> bool {
        self.focus == self.save_index()
    }

    pub fn focused_field(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn next(&mut self) {
        let mut i = self.focus;
        loop {
            i = (i + 1) % (self.fields.len() + 1);
            if i == self.save_index() || self.is_visible(i) {
                break;
            }
        }
        self.focus = i;
    }

    pub fn previous(&mut self) {
        let mut i = self.focus;
        loop {
            i = (i + self.fields.len()) % (self.fields.len() + 1);
            if i == self.save_index() || self.is_visible(i) {
                break;
            }
        }
        self.focus = i;
    }

    /// Moves focus to a field, e.g. the one an error is about.
    pub fn focus_on(&mut self, id: FieldId) {
        if let Some(i) = self.field_index(id) {
            self.focus = i;
        }
    }

    /// Sets an error about a field and puts the cursor there; the input stays.
    pub fn fail(&mut self, id: Option<FieldId>, message: String) {
        if let Some(id) = id {
            self.focus_on(id);
        }
        self.error = Some(message);
    }

    pub fn insert(&mut self, c: char) {
        if let Some(f) = self.focused_field()
            && f.is_text()
        {
            let at = byte_index(&f.value, f.cursor);
            f.value.insert(at, c);
            f.cursor += 1;
            self.dirty = true;
        }
    }

    pub fn backspace(&mut self) {
        if let Some(f) = self.focused_field()
            && f.is_text()
            && f.cursor > 0
        {
            let at = byte_index(&f.value, f.cursor - 1);
            f.value.remove(at);
            f.cursor -= 1;
            self.dirty = true;
        }
    }

    pub fn delete(&mut self) {
        if let Some(f) = self.focused_field()
            && f.is_text()
            && f.cursor < f.value.chars().count()
        {
            let at = byte_index(&f.value, f.cursor);
            f.value.remove(at);
            self.dirty = true;
        }
    }

    /// Left and right move the cursor in text, or change a choice.
    pub fn left(&mut self) {
        let mut changed = false;
        if let Some(f) = self.focused_field() {
            match &mut f.kind {
                FieldKind::Text | FieldKind::Lookup { .. } => f.cursor = f.cursor.saturating_sub(1),
                FieldKind::Choice { options, selected } => {
                    *selected = (*selected + options.len() - 1) % options.len().max(1);
                    changed = true;
                }
            }
        }
        self.dirty |= changed;
    }

    pub fn right(&mut self) {
        let mut changed = false;
        if let Some(f) = self.focused_field() {
            match &mut f.kind {
                FieldKind::Text | FieldKind::Lookup { .. } => {
                    f.cursor = (f.cursor + 1).min(f.value.chars().count())
                }
                FieldKind::Choice { options, selected } => {
                    *selected = (*selected + 1) % options.len().max(1);
                    changed = true;
                }
            }
        }
        self.dirty |= changed;
    }

    pub fn home(&mut self) {
        if let Some(f) = self.focused_field() {
            f.cursor = 0;
        }
    }

    pub fn end(&mut self) {
        if let Some(f) = self.focused_field() {
            f.cursor = f.value.chars().count();
        }
    }

    /// True when the focused element is a choice (space changes it).
    pub fn focus_is_choice(&self) -> bool {
        matches!(
            self.fields.get(self.focus).map(|f| &f.kind),
            Some(FieldKind::Choice { .. })
        )
    }
}

fn byte_index(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(
            "t",
            vec![
                Field::text(FieldId::RecipientName, "Name", ""),
                Field::choice(
                    FieldId::WhoLeads,
                    "Who",
                    vec!["self".into(), "rep".into()],
                    0,
                ),
                Field::text(FieldId::RepName, "Rep", "").shown_when(FieldId::WhoLeads, 1),
                Field::text(FieldId::Hours, "Hours", "40"),
            ],
        )
    }

    #[test]
    fn typing_edits_at_the_cursor_including_q() {
        let mut f = form();
        for c in "Åsqe".chars() {
            f.insert(c);
        }
        f.left();
        f.backspace();
        assert_eq!(f.value(FieldId::RecipientName), "Åse");
        f.home();
        f.delete();
        assert_eq!(f.value(FieldId::RecipientName), "se");
        assert!(f.dirty);
    }

    #[test]
    fn hidden_fields_are_skipped_until_their_choice_is_made() {
        let mut f = form();
        f.next();
        assert_eq!(f.focus, 1);
        f.next();
        assert_eq!(f.focus, 3, "the representative's name is hidden");
        f.previous();
        f.right();
        assert_eq!(f.selected(FieldId::WhoLeads), 1);
        f.next();
        assert_eq!(f.focus, 2);
        f.next();
        f.next();
        assert!(f.on_save());
        f.next();
        assert_eq!(f.focus, 0);
    }

    #[test]
    fn a_lookup_filters_as_you_type() {
        let mut f = Form::new(
            "t",
            vec![Field::lookup(
                FieldId::Assistant,
                "Who",
                "",
                vec![
                    "Kari Nordmann".into(),
                    "Per Hansen".into(),
                    "Ingrid Karlsen".into(),
                ],
            )],
        );
        f.insert('k');
        f.insert('a');
        f.insert('r');
        assert_eq!(
            f.fields[0].matches(),
            vec!["Kari Nordmann", "Ingrid Karlsen"]
        );
    }

    #[test]
    fn an_error_moves_focus_and_keeps_input() {
        let mut f = form();
        f.insert('x');
        f.next();
        f.fail(Some(FieldId::Hours), "bad".into());
        assert_eq!(f.focus, 3);
        assert_eq!(f.value(FieldId::RecipientName), "x");
        assert_eq!(f.error.as_deref(), Some("bad"));
    }
}
