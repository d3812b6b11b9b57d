namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>How a complaint reached the organisation (Reg 13(1): orally, in writing or electronically).</summary>
public enum ComplaintChannel
{
    /// <summary>The public online form.</summary>
    Online = 1,

    /// <summary>A telephone call, written down by staff (Reg 13(2)).</summary>
    Phone = 2,

    /// <summary>A letter.</summary>
    Letter = 3,

    /// <summary>An e-mail.</summary>
    Email = 4,

    /// <summary>In person, written down by staff.</summary>
    InPerson = 5,

    /// <summary>Through the Patient Advice and Liaison Service.</summary>
    Pals = 6,

    /// <summary>Another system, over the API.</summary>
    Integration = 7,
}

/// <summary>What a channel says about the complaint.</summary>
public static class ComplaintChannels
{
    /// <summary>True for a complaint made orally (Reg 13(1)): by telephone, in person or through PALS.</summary>
    public static bool IsOral(this ComplaintChannel channel) =>
        channel is ComplaintChannel.Phone or ComplaintChannel.InPerson or ComplaintChannel.Pals;
}
