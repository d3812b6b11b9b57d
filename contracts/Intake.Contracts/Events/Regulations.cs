namespace IcsComplaints.Intake.Contracts.Events;

/// <summary>Who is complaining (Reg 5(1)).</summary>
public enum ComplainantType
{
    /// <summary>The person who received the services (Reg 5(1)(a)).</summary>
    Patient = 1,

    /// <summary>A person affected, or likely to be affected, by the action, omission or decision (Reg 5(1)(b)).</summary>
    AffectedPerson = 2,

    /// <summary>A representative of the patient or affected person (Reg 5(2)).</summary>
    Representative = 3,
}

/// <summary>Why a representative complains for someone else (Reg 5(2)).</summary>
public enum RepresentativeBasis
{
    /// <summary>The person asked the representative to act for them; their consent is evidenced.</summary>
    PersonAsked = 1,

    /// <summary>The person has died.</summary>
    PersonDied = 2,

    /// <summary>The person is a child (under 18, Reg 2).</summary>
    PersonIsChild = 3,

    /// <summary>The person cannot complain because of physical incapacity.</summary>
    PhysicalIncapacity = 4,

    /// <summary>The person lacks capacity within the meaning of the Mental Capacity Act 2005.</summary>
    LacksCapacity = 5,
}

/// <summary>How a route was chosen for a complaint (Reg 6, 7, 9).</summary>
public enum ComplaintRoute
{
    /// <summary>Made to a provider, which handles it.</summary>
    HandledByRecipient = 1,

    /// <summary>Made to an ICB about a provider it commissions; the complainant's consent to share is awaited (Reg 7(3)).</summary>
    AwaitingConsent = 2,

    /// <summary>Consent given; the ICB has yet to decide whether to handle it or transfer it (Reg 7(4)–(5)).</summary>
    AwaitingRoutingDecision = 3,

    /// <summary>The ICB handles it as commissioner (Reg 7(4)), with or without consent to share.</summary>
    HandledByCommissioner = 4,

    /// <summary>Sent to the organisation that should handle it, which is treated as having received it on the original date (Reg 6(6), 7(5)).</summary>
    Transferred = 5,

    /// <summary>Made to the wrong organisation; it can be transferred only with the complainant's consent.</summary>
    Misdirected = 6,
}

/// <summary>The grounds on which a complaint is not handled under the Regulations (Reg 8(1)(a)–(h)).</summary>
public enum ExclusionGround
{
    /// <summary>(a) A complaint made by a responsible body.</summary>
    ByResponsibleBody = 1,

    /// <summary>(b) A complaint by an employee about their employment.</summary>
    EmployeeAboutEmployment = 2,

    /// <summary>(c) An oral complaint resolved to the complainant's satisfaction by the next working day.</summary>
    OralResolvedByNextWorkingDay = 3,

    /// <summary>(d) The same subject as a complaint already resolved under (c).</summary>
    SameAsOralResolved = 4,

    /// <summary>(e) The subject has already been investigated under these or earlier Regulations.</summary>
    AlreadyInvestigated = 5,

    /// <summary>(f) The subject is being or has been investigated by a Local Commissioner or the Health Service Commissioner.</summary>
    InvestigatedByOmbudsman = 6,

    /// <summary>(g) An alleged failure to comply with a Freedom of Information request.</summary>
    FreedomOfInformation = 7,

    /// <summary>(h) About NHS superannuation or compensation for loss of office schemes.</summary>
    PensionOrCompensationScheme = 8,
}

/// <summary>The decision on a complaint made after the time limit (Reg 12(4)).</summary>
public enum TimeLimitDecision
{
    /// <summary>Considered: there was good reason for the delay and a fair investigation is still possible.</summary>
    Considered = 1,

    /// <summary>Declined, with a letter explaining why.</summary>
    Declined = 2,
}

/// <summary>A complaint's progress as intake sees it.</summary>
public enum ComplaintState
{
    /// <summary>Received and open.</summary>
    Open = 1,

    /// <summary>An imported historical complaint that was already closed in the system it came from.</summary>
    ClosedBeforeImport = 2,

    /// <summary>Not handled under the Regulations (Reg 8).</summary>
    Excluded = 3,

    /// <summary>Withdrawn by the complainant.</summary>
    Withdrawn = 4,

    /// <summary>Declined as out of time (Reg 12).</summary>
    DeclinedOutOfTime = 5,

    /// <summary>Not considered: the representative was not acting in the person's best interests (Reg 5(4)).</summary>
    NotConsidered = 6,

    /// <summary>Linked to another complaint about the same matter, which is handled instead.</summary>
    Linked = 7,
}

/// <summary>Matters recorded outside the complaint procedure but counted for learning and reporting.</summary>
public enum InformalConcernKind
{
    /// <summary>An everyday conversation: a concern raised and put right there and then (NHS Complaint Standards).</summary>
    EverydayConversation = 1,

    /// <summary>An oral complaint resolved to the complainant's satisfaction by the next working day (Reg 8(1)(c)).</summary>
    OralComplaintResolved = 2,
}
