//! What the user can ask for: the vocabulary between keys and `App::update`.

/// The six screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    Overview,
    Week,
    Assistants,
    Log,
    Allocation,
    Reports,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Self::Overview,
        Self::Week,
        Self::Assistants,
        Self::Log,
        Self::Allocation,
        Self::Reports,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Self {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    pub fn previous(self) -> Self {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Close,
    NextScreen,
    PreviousScreen,
    GoTo(Screen),
    SwitchRecipient,
    PreviousWeek,
    NextWeek,
    ThisWeek,
    PreviousDay,
    NextDay,
    Up,
    Down,
    Add,
    Edit,
    Remove,
    Copy,
    Move,
    MarkWorked,
    MarkAbsent,
    CopyPreviousWeek,
    Undo,
    GoToWeek,
    AddService,
    ApplyRota,
    AddIncident,
    AddNeed,
    ToggleHealthOnly,
    Search,
    ToggleMatrix,
    Tick,
    PickActor,
    NextReport,
    /// Choose the assistant and month of the Timesheet view.
    PickTimesheet,
    /// Approve the Timesheet view's month, or reopen it.
    Approve,
    /// Open the Export form.
    Export,
    Choose,
    Yes,
    No,
    // In a form
    NextField,
    PreviousField,
    Submit,
    Input(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// A mouse click at column, row.
    Click(u16, u16),
}
