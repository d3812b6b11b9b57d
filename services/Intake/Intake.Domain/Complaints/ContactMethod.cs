namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>How a complainant wants to be contacted.</summary>
public enum ContactMethod
{
    /// <summary>E-mail.</summary>
    Email = 1,

    /// <summary>Telephone.</summary>
    Phone = 2,

    /// <summary>Letter.</summary>
    Letter = 3,

    /// <summary>Text message.</summary>
    Text = 4,
}

/// <summary>Reasonable adjustments (Equality Act 2010; Accessible Information Standard).</summary>
public enum ReasonableAdjustment
{
    /// <summary>Large print.</summary>
    LargePrint = 1,

    /// <summary>Braille.</summary>
    Braille = 2,

    /// <summary>Easy read.</summary>
    EasyRead = 3,

    /// <summary>Audio.</summary>
    Audio = 4,

    /// <summary>A spoken-language interpreter (give the language).</summary>
    Interpreter = 5,

    /// <summary>A British Sign Language interpreter.</summary>
    BslInterpreter = 6,

    /// <summary>Support from an independent complaints advocate.</summary>
    Advocate = 7,

    /// <summary>Something else (describe it in the notes).</summary>
    Other = 8,
}
