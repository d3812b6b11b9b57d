namespace IcsComplaints.Intake.Domain.Complaints;

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

/// <summary>How consent to a representative was evidenced (Reg 5(2)).</summary>
public enum ConsentEvidence
{
    /// <summary>A signed form or letter.</summary>
    Written = 1,

    /// <summary>Given by telephone or in person and recorded by staff.</summary>
    Verbal = 2,

    /// <summary>By e-mail or an online form.</summary>
    Electronic = 3,
}
